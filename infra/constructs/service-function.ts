// The house Lambda function: Node.js 24 on arm64, esbuild-bundled CommonJS with the AWS SDK inside,
// JSON logs into its own log group, and a role that starts empty. Storage is granted only
// through the bind helpers, which grant the named actions and set the matching variable in one
// call, so a function can never hold a permission it has no configuration for (or vice versa).
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ESBUILD_LAMBDA, ESBUILD_SHARED, LAMBDA_ALIAS, REPO_ROOT } from '../bundling.ts';
import { acknowledgeWildcards } from '../nag.ts';
import path from 'node:path';

export type TableAccess = 'read' | 'readWrite';

/** Item-level actions only: no Scan, no table administration. */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export interface BucketBinding {
  bucket: s3.IBucket;
  /** Key prefixes (e.g. `forms/`) the function may read. */
  read?: string[];
  /** Key prefixes the function may write. */
  write?: string[];
  /** Key prefixes the function may delete from (nothing else may). */
  delete?: string[];
  /** Key prefixes the function may list. */
  list?: string[];
  /** Key prefixes whose earlier versions the function may read (downloads pinned to a version). */
  readVersions?: string[];
  /** Key prefixes whose object tags the function may read and set (lifecycle marks, scan results). */
  tag?: string[];
}

export interface ServiceFunctionProps {
  /** Source file, absolute. It must export `handler`. */
  entry: string;
  description: string;
  logRetention: logs.RetentionDays;
  logRemovalPolicy: RemovalPolicy;
  timeout?: Duration;
  memorySize?: number;
  /** Concurrency set aside for this function alone (and its ceiling), so one area cannot starve another. */
  reservedConcurrentExecutions?: number;
  environment?: Record<string, string>;
  /** Where a failed asynchronous run lands after Lambda's own retries (scheduled jobs). */
  deadLetterQueue?: sqs.IQueue;
}

export class ServiceFunction extends NodejsFunction {
  readonly functionLogs: logs.LogGroup;
  readonly executionRole: iam.Role;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: props.logRetention, removalPolicy: props.logRemovalPolicy });
    // Our own role: the managed AWSLambdaBasicExecutionRole would allow writing to every log group.
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.description}`,
    });
    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      ...(props.reservedConcurrentExecutions !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
      timeout: props.timeout ?? Duration.seconds(15),
      role,
      logGroup,
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.DISABLED,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'statusportalen',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        minify: ESBUILD_SHARED.minify,
        sourceMap: ESBUILD_SHARED.sourcemap,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        format: OutputFormat.CJS,
        target: ESBUILD_SHARED.target,
        mainFields: ESBUILD_SHARED.mainFields,
        esbuildArgs: {
          '--log-override': Object.entries(ESBUILD_SHARED.logOverride).map(([message, level]) => `${message}=${level}`),
          // The environment-only credential provider (infra/bundling.ts LAMBDA_ALIAS).
          '--alias': Object.entries(LAMBDA_ALIAS).map(([from, to]) => `${from}=${to}`),
        },
        // The SDK travels inside the bundle: the version we test is the version that runs.
        bundleAwsSDK: true,
        // Only what the asset itself carries (lazy packages, the OpenAPI generator): see ESBUILD_LAMBDA.
        externalModules: [...ESBUILD_LAMBDA.external],
        // The metafile tells the afterBundling hook which lazy packages this bundle imports.
        metafile: true,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            [process.execPath, '--import', 'tsx', path.join(REPO_ROOT, 'infra', 'lambda-extras.ts'), outputDir].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' '),
          ],
        },
        // esbuild is a devDependency: bundling works offline, without Docker.
        forceDockerBundling: false,
        tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
        // Sizes come from `npm run bundle:report`; synth prints only problems.
        logLevel: LogLevel.WARNING,
      },
    });
    this.functionLogs = logGroup;
    this.executionRole = role;
    logGroup.grantWrite(role);
  }

  /** Grants the table's item actions (and queries on its named indexes) and sets TABLE_NAME. */
  bindTable({ table, access, indexes = [] }: { table: dynamodb.ITable; access: TableAccess; indexes?: readonly string[] }): this {
    const actions = access === 'readWrite' ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : TABLE_READ_ACTIONS;
    this.executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: [table.tableArn] }));
    if (indexes.length) {
      this.executionRole.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: indexes.map((name) => `${table.tableArn}/index/${name}`) }),
      );
    }
    this.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /** Grants object access under the given prefixes only and sets BUCKET_NAME. */
  bindBucket({ bucket, read = [], write = [], delete: remove = [], list = [], readVersions = [], tag = [] }: BucketBinding): this {
    const objects = (prefixes: string[]) => {
      const arns = prefixes.map((p) => bucket.arnForObjects(`${p}*`));
      acknowledgeWildcards(
        this.executionRole,
        arns,
        'Object-key prefix scope: the function may touch only objects under the key prefixes it owns (infra/access.ts), which is narrower than the bucket.',
      );
      return arns;
    };
    if (read.length) this.executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: objects(read) }));
    if (write.length) this.executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: objects(write) }));
    if (remove.length) this.executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:DeleteObject'], resources: objects(remove) }));
    if (readVersions.length) this.executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObjectVersion'], resources: objects(readVersions) }));
    if (tag.length) {
      this.executionRole.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObjectTagging', 's3:PutObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectVersionTagging'],
          resources: objects(tag),
        }),
      );
    }
    if (list.length) {
      this.executionRole.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': list.map((p) => `${p}*`) } },
        }),
      );
    }
    this.addEnvironment('BUCKET_NAME', bucket.bucketName);
    return this;
  }

  /** Lets the function send e-mail from one verified SES identity and sets MAIL_FROM. */
  bindEmail({ identityArn, from }: { identityArn: string; from: string }): this {
    this.executionRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [identityArn],
        conditions: { StringEquals: { 'ses:FromAddress': from } },
      }),
    );
    this.addEnvironment('MAIL_FROM', from);
    return this;
  }
}
