// Builds the whole CDK app: data (stateful), web hosting, API (stateless). The CLI entry point
// (infra/main.ts) and the tests both call buildApp, so what the tests assert is what deploys.
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { documentsBucketName, stageConfig, type ConfigInput, type StageConfig } from './config.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { EdgeWafStack } from './stacks/edge-waf-stack.ts';
import { WebStack } from './stacks/web-stack.ts';

/** Feature flags the app is written against (what `cdk init` would pin, the ones that matter here). */
export const FEATURE_FLAGS: Record<string, unknown> = {
  '@aws-cdk/aws-lambda-nodejs:sdkV3ExcludeSmithyPackages': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:target-partitions': ['aws'],
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
  '@aws-cdk/aws-apigateway:disableCloudWatchRole': true,
  '@aws-cdk/aws-cloudfront:defaultSecurityPolicyTLSv1.2_2021': true,
  // Exports protect the consumer: the data stack cannot drop an output the API stack still uses.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

export interface BuildOptions extends ConfigInput {
  outdir?: string;
  /** Fail synth on any cdk-nag AWS Solutions finding (`-c nag=true`); the tests run the checks themselves. */
  nag?: boolean;
  /** False skips esbuild (template-only tests); bundling is proven once, in its own test. */
  bundle?: boolean;
  /** Extra context (the CLI passes its own through the environment). */
  context?: Record<string, unknown>;
}

export interface BuiltApp {
  app: App;
  config: StageConfig;
  data: DataStack;
  web: WebStack;
  api: ApiStack;
  edgeWaf: EdgeWafStack;
}

export function buildApp(options: BuildOptions = {}): BuiltApp {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: {
      ...FEATURE_FLAGS,
      ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
      ...options.context,
    },
  });
  // Explicit options win (tests); otherwise `-c key=value` and cdk.json context (CLI).
  const fromContext = (key: keyof ConfigInput): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const keys: (keyof ConfigInput)[] = ['stage', 'region', 'account', 'authDomainPrefix', 'mailFrom', 'alarmEmail', 'malwareScan', 'apiDomainName', 'apiCertificateArn'];
  const input: ConfigInput = {};
  for (const key of keys) {
    const value = options[key] ?? fromContext(key);
    if (value !== undefined) input[key] = value;
  }
  const config = stageConfig(input);
  const env = { region: config.region, ...(config.account ? { account: config.account } : {}) };
  const prefix = `Statusportalen-${config.stage}`;

  // CloudFront's web ACL must live in us-east-1; cross-region references carry its ARN over.
  const edgeWaf = new EdgeWafStack(app, `${prefix}-EdgeWaf`, {
    env: { ...env, region: 'us-east-1' },
    config,
    crossRegionReferences: true,
    description: 'Statusportalen: WAF web ACL of the CloudFront edge (us-east-1, as AWS requires)',
  });
  const web = new WebStack(app, `${prefix}-Web`, {
    env,
    config,
    crossRegionReferences: true,
    webAclArn: edgeWaf.webAclArn,
    documentsBucketName: documentsBucketName(config),
    description: 'Statusportalen: web hosting and the API edge (S3 + CloudFront + WAF)',
  });
  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    config,
    webOrigins: [web.origin, ...config.extraWebOrigins],
    description: 'Statusportalen: table, documents bucket, user pool (stateful)',
  });
  const api = new ApiStack(app, `${prefix}-Api`, { env, config, data, web, description: 'Statusportalen: API, functions, schedules, alarms' });

  Tags.of(app).add('project', 'statusportalen');
  Tags.of(app).add('stage', config.stage);
  if (options.nag ?? app.node.tryGetContext('nag') === 'true') Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, config, data, web, api, edgeWaf };
}
