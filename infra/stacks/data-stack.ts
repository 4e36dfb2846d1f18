// Stateful resources: the table, the document bucket and the user pool. They live apart from
// the code that uses them so the API stack can be replaced freely; in prod they are retained
// when the stack goes, protected against deletion, and the stack against termination.
import { Duration, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import { acknowledge, acknowledgeAutoDeleteProvider, acknowledgeWildcards } from '../nag.ts';
import type { Construct } from 'constructs';
import { PrivateBucket } from '../constructs/private-bucket.ts';
import { TABLE_SHAPE } from '../../functions/store/table-shape.ts';
import { UNCONFIRMED_TAG } from '../../functions/store/attachment-tags.ts';
import { FEDERATED_ORG_ATTRIBUTE, FEDERATED_ORG_CLAIM, ORG_ATTRIBUTE } from '../../functions/core/org-claims.ts';
import { documentsBucketName, type StageConfig } from '../config.ts';

/** The Cognito groups, strongest first; `author` is a co-author of SST's publications (functions/http/claims.ts). */
export const USER_GROUPS = ['sst-admin', 'sst-reader', 'reporter', 'author'] as const;

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
  /** Federated sign-in (SAML or OIDC, from context flags); the web client offers them beside Cognito's own. */
  readonly identityProviders: cognito.UserPoolClientIdentityProvider[] = [];

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
      // Named, not generated: the web app's CSP names this host, and the web stack comes first.
      bucketName: documentsBucketName(config),
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      // Attachments are uploaded by the browser with a presigned POST (policy-bound type and size)
      // and downloaded by following the API's redirect to a presigned GET: both cross-origin.
      cors: [{ allowedOrigins: props.webOrigins, allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET], allowedHeaders: ['*'], maxAge: 3600 }],
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(config.noncurrentVersionDays) },
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // Upload tickets write staging objects only; confirmation copies what it accepts and deletes
        // the rest, so anything still here after a day is an upload nobody confirmed.
        { id: 'ExpireStagingUploads', prefix: 'uploads/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        // A confirmed copy loses this tag once its report has committed; one whose transaction was
        // lost keeps it and goes after a day.
        {
          id: 'ExpireUnconfirmedAttachments',
          prefix: 'attachments/',
          tagFilters: { [UNCONFIRMED_TAG.Key]: UNCONFIRMED_TAG.Value },
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
    if (config.malwareScan) this.malwareProtection(this.bucket);

    this.userPool = new cognito.UserPool(this, 'Users', {
      // Accounts are made by SST administrators, never by whoever finds the login page.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        // Set by SST when it makes the account; a password user never changes organisation.
        [ORG_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 32, mutable: false }),
        // Written by Cognito from the identity provider's assertion at every federated sign-in
        // (it refuses to rewrite an immutable attribute). The API reads it for federated tokens only.
        [FEDERATED_ORG_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
      },
      // Prod: every sign-in with a password needs TOTP (SST administrators read every report).
      mfa: config.mfaRequired ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
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

    this.addFederation();

    const mailDomain = config.mailFrom.split('@')[1]!;
    this.mailIdentity = new ses.EmailIdentity(this, 'MailDomain', { identity: ses.Identity.domain(mailDomain) });
    this.mailIdentity.applyRemovalPolicy(config.removalPolicy);

    acknowledge(this.accessLogs, { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' });
    if (!config.mfaRequired) {
      acknowledge(this.userPool, {
        id: 'AwsSolutions-COG2',
        reason: 'Dev stage only: MFA is optional so test users can sign in; prod requires TOTP. Plus-tier threat protection is enforced in both.',
      });
    }
    if (!prod) acknowledgeAutoDeleteProvider(this);
  }

  /**
   * GuardDuty Malware Protection for S3 on confirmed attachments: every new object under
   * attachments/ is scanned and tagged `GuardDutyMalwareScanStatus`, which the attachments
   * function reads before it offers a download. The role is the one AWS documents for a plan,
   * narrowed to this bucket and prefix.
   */
  private malwareProtection(bucket: s3.Bucket) {
    const prefix = 'attachments/';
    const rule = this.formatArn({ service: 'events', resource: 'rule', resourceName: 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*' });
    const role = new iam.Role(this, 'MalwareScanRole', {
      assumedBy: new iam.ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans and tags new attachments',
    });
    const objects = bucket.arnForObjects(`${prefix}*`);
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [rule],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
    );
    role.addToPolicy(new iam.PolicyStatement({ actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [rule] }));
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [objects],
      }),
    );
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'], resources: [bucket.bucketArn] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('malware-protection-resource-validation-object')] }));
    acknowledgeWildcards(role, [rule], 'GuardDuty creates its own EventBridge rule whose name it suffixes; AWS documents this prefix, and PutRule is further limited to rules GuardDuty manages.');
    acknowledgeWildcards(role, [objects], 'GuardDuty must read and tag each new attachment; limited to the attachments/ prefix of this bucket.');
    const plan = new guardduty.CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: { s3Bucket: { bucketName: bucket.bucketName, objectPrefixes: [prefix] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    // GuardDuty checks the role when the plan is created.
    plan.node.addDependency(role);
  }

  /**
   * Optional federation, one provider per deployment, from context flags: `-c samlMetadataUrl=…`
   * or `-c oidcIssuer=… -c oidcClientId=… -c oidcClientSecretName=<Secrets Manager name>`, with
   * `-c federationOrgAttribute=<asserted attribute>` naming the attribute that carries the
   * organisation id (mapped to custom:fedOrgId) and `-c federationName=` the button's name. Role
   * groups are still given in Cognito; a federated user has none until SST adds one.
   */
  private addFederation(): void {
    const flag = (key: string): string | undefined => {
      const value: unknown = this.node.tryGetContext(key);
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const orgAttribute = flag('federationOrgAttribute');
    const name = flag('federationName') ?? 'Organisation';
    const samlMetadataUrl = flag('samlMetadataUrl');
    const oidcIssuer = flag('oidcIssuer');
    if (!samlMetadataUrl && !oidcIssuer) return;
    if (!orgAttribute) throw new Error('federation needs -c federationOrgAttribute=<the asserted attribute that names the organisation>');
    // Cognito rewrites mapped attributes at every federated sign-in and refuses to write an
    // immutable one, so the organisation goes into the mutable custom:fedOrgId, which the API
    // honours only in a federated user's token (functions/core/org-claims.ts).
    const attributeMapping: cognito.AttributeMapping = {
      email: cognito.ProviderAttribute.other(oidcIssuer ? 'email' : 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'),
      fullname: cognito.ProviderAttribute.other(oidcIssuer ? 'name' : 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name'),
      custom: { [FEDERATED_ORG_CLAIM]: cognito.ProviderAttribute.other(orgAttribute) },
    };
    if (samlMetadataUrl) {
      const provider = new cognito.UserPoolIdentityProviderSaml(this, 'Saml', {
        userPool: this.userPool,
        name,
        metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(samlMetadataUrl),
        attributeMapping,
        idpSignout: true,
      });
      this.identityProviders.push(cognito.UserPoolClientIdentityProvider.custom(provider.providerName));
    }
    if (oidcIssuer) {
      const clientId = flag('oidcClientId');
      const secretName = flag('oidcClientSecretName');
      if (!clientId || !secretName) throw new Error('OIDC federation needs -c oidcClientId=… and -c oidcClientSecretName=<Secrets Manager secret>');
      const provider = new cognito.UserPoolIdentityProviderOidc(this, 'Oidc', {
        userPool: this.userPool,
        name,
        issuerUrl: oidcIssuer,
        clientId,
        // A {{resolve:secretsmanager:…}} reference that CloudFormation resolves at deploy time:
        // the template holds the secret's name, never its value ("unsafe" only names that risk).
        clientSecret: SecretValue.secretsManager(secretName).unsafeUnwrap(),
        scopes: ['openid', 'email', 'profile'],
        attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
        attributeMapping,
      });
      this.identityProviders.push(cognito.UserPoolClientIdentityProvider.custom(provider.providerName));
    }
  }
}
