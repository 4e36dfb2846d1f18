// Stateful resources: the table, the document bucket and the user pool. They live apart from
// the code that uses them so the API stack can be replaced freely; in prod they are retained
// when the stack goes, protected against deletion, and the stack against termination.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import { acknowledge, acknowledgeAutoDeleteProvider } from '../nag.ts';
import type { Construct } from 'constructs';
import { PrivateBucket } from '../constructs/private-bucket.ts';
import { TABLE_SHAPE } from '../../functions/store/table-shape.ts';
import type { StageConfig } from '../config.ts';

/** The roles the route table speaks of, as Cognito groups. */
export const USER_GROUPS = ['sst-admin', 'sst-reader', 'reporter'] as const;
/** The immutable custom attribute naming a reporter's organisation (claim `custom:orgId`). */
export const ORG_ATTRIBUTE = 'orgId';

export interface DataStackProps extends StackProps {
  config: StageConfig;
  /** Browser origins of the web app: the only pages that may POST attachments straight to S3. */
  webOrigins: string[];
}

export class DataStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;
  readonly userPool: cognito.UserPool;
  readonly mailIdentity: ses.EmailIdentity;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.protect });
    const { config } = props;
    const prod = config.stage === 'prod';

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: TABLE_SHAPE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_SHAPE.sortKey, type: dynamodb.AttributeType.STRING },
      globalSecondaryIndexes: TABLE_SHAPE.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
      })),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.protect,
      timeToLiveAttribute: TABLE_SHAPE.ttlAttribute,
      removalPolicy: config.removalPolicy,
    });

    // Server access logs of the document bucket. Kept a year in prod; never versioned (logs are append-only).
    this.accessLogs = new PrivateBucket(this, 'AccessLogs', config, {
      lifecycleRules: [{ expiration: Duration.days(config.accessLogDays) }],
    });

    // Form schemas, submission revisions and summaries: immutable JSON documents.
    this.bucket = new PrivateBucket(this, 'Documents', config, {
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      // Attachments are uploaded by the browser with a presigned POST (policy-bound type and size)
      // and downloaded by following the API's redirect to a presigned GET: both cross-origin.
      cors: [{ allowedOrigins: props.webOrigins, allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET], allowedHeaders: ['*'], maxAge: 3600 }],
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(config.noncurrentVersionDays) },
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });

    this.userPool = new cognito.UserPool(this, 'Users', {
      // Accounts are made by SST administrators, never by whoever finds the login page.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { [ORG_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 32, mutable: false }) },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: compromised-credential and risky sign-in detection, enforced (cdk-nag COG8).
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: config.protect,
      removalPolicy: config.removalPolicy,
    });
    USER_GROUPS.forEach((name, precedence) => {
      new cognito.UserPoolGroup(this, `Group-${name}`, { userPool: this.userPool, groupName: name, precedence });
    });

    const mailDomain = config.mailFrom.split('@')[1]!;
    this.mailIdentity = new ses.EmailIdentity(this, 'MailDomain', { identity: ses.Identity.domain(mailDomain) });
    this.mailIdentity.applyRemovalPolicy(config.removalPolicy);

    acknowledge(this.accessLogs, { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' });
    acknowledge(this.userPool, {
      id: 'AwsSolutions-COG2',
      reason:
        'The issue asks for MFA to be available (TOTP, optional); requiring it of every municipal reporter is a policy decision for SST. Plus-tier threat protection (compromised credentials, risky sign-ins) is enforced meanwhile.',
    });
    if (!prod) acknowledgeAutoDeleteProvider(this);
  }
}
