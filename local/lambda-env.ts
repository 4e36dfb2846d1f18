// The environment a deployed function starts with, reproduced on this machine: the variables of
// its AWS::Lambda::Function in the synthesized API template (NODE_OPTIONS, names, stage), with the
// CloudFormation references resolved to the local engines, plus what the Lambda runtime itself
// sets (region, the role's credentials, TZ, the function's name and memory). Nothing of the
// starting process leaks in, so a bundle that needs a variable the template lacks fails here as it
// would on AWS. Read by the bench (bench/functions.ts) and the smoke test of deployed artefacts
// (test/infra/deployed-artefacts.test.ts).
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type BuiltApp } from '../infra/app.ts';

export interface TemplateFunction {
  /** Area or job name (infra/access.ts). */
  name: string;
  kind: 'area' | 'job';
  logicalId: string;
  memorySize: number;
  /** As in the template: strings, or CloudFormation references ({ Ref }, { 'Fn::ImportValue' } …). */
  variables: Record<string, unknown>;
  /** The asset's S3 key (`<hash>.zip`): the folder `asset.<hash>` in cdk.out. */
  assetKey: string;
}

/** Every function of the API stack as synthesized (without bundling unless `built` was bundled). */
export function templateFunctions(built: BuiltApp = buildApp({ stage: 'dev', bundle: false, nag: false })): TemplateFunction[] {
  const resources = Template.fromStack(built.api).toJSON().Resources as Record<string, { Properties: any }>;
  const out: TemplateFunction[] = [];
  for (const [kind, map] of [['area', built.api.functions], ['job', built.api.jobs]] as const) {
    for (const [name, fn] of map) {
      const logicalId = built.api.getLogicalId(fn.node.defaultChild as CfnElement);
      const props = resources[logicalId]!.Properties;
      out.push({ name, kind, logicalId, memorySize: props.MemorySize, variables: props.Environment?.Variables ?? {}, assetKey: String(props.Code?.S3Key ?? '') });
    }
  }
  return out;
}

export interface LocalTargets {
  /** The engines' variables (local/stack.ts startEngines): table, bucket, endpoints, credentials. */
  engines: Record<string, string>;
  /** Where SES calls go (a local stand-in), if the function mails. */
  sesEndpoint?: string;
  /** LAMBDA_TASK_ROOT: the unpacked asset. */
  taskRoot?: string;
}

/** The references the template may hold, and what each points at locally. */
const REFERENCES: Record<string, (t: LocalTargets) => string | undefined> = {
  TABLE_NAME: (t) => t.engines['TABLE_NAME'],
  BUCKET_NAME: (t) => t.engines['BUCKET_NAME'],
  WEB_BASE_URL: (t) => t.engines['WEB_BASE_URL'] ?? 'http://127.0.0.1:3000',
  // The publications function's links to its API (the web origin's /api path, as the template joins it).
  API_BASE_URL: (t) => t.engines['API_BASE_URL'] ?? `${t.engines['WEB_BASE_URL'] ?? 'http://127.0.0.1:3000'}/api`,
};

/** The process environment of `fn` on this machine. Throws on a reference it cannot resolve. */
export function lambdaEnvironment(fn: TemplateFunction, targets: LocalTargets): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(fn.variables)) {
    if (typeof value === 'string') env[key] = value;
    else {
      const local = REFERENCES[key]?.(targets);
      if (local === undefined) throw new Error(`${fn.name}: ${key} is a CloudFormation reference (${JSON.stringify(value)}) with no local counterpart`);
      env[key] = local;
    }
  }
  const e = targets.engines;
  return {
    // The Lambda runtime's own variables.
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    AWS_REGION: e['AWS_REGION'] ?? 'eu-north-1',
    AWS_DEFAULT_REGION: e['AWS_REGION'] ?? 'eu-north-1',
    AWS_ACCESS_KEY_ID: e['AWS_ACCESS_KEY_ID'] ?? 'local',
    AWS_SECRET_ACCESS_KEY: e['AWS_SECRET_ACCESS_KEY'] ?? 'local',
    AWS_SESSION_TOKEN: 'local-session',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: `statusportalen-${fn.name}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    ...(targets.taskRoot ? { LAMBDA_TASK_ROOT: targets.taskRoot } : {}),
    // The template's variables.
    ...env,
    // Loopback endpoints: the only local-only variables (the SDK's own AWS_ENDPOINT_URL_*).
    ...(e['AWS_ENDPOINT_URL_DYNAMODB'] ? { AWS_ENDPOINT_URL_DYNAMODB: e['AWS_ENDPOINT_URL_DYNAMODB'] } : {}),
    ...(e['AWS_ENDPOINT_URL_S3'] ? { AWS_ENDPOINT_URL_S3: e['AWS_ENDPOINT_URL_S3'], S3_FORCE_PATH_STYLE: 'true' } : {}),
    ...(targets.sesEndpoint ? { AWS_ENDPOINT_URL_SESV2: targets.sesEndpoint } : {}),
  };
}
