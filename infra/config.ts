// Stage settings: everything that differs between dev and prod lives here, so the stacks
// read one object instead of branching on the stage name in many places.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export type StageName = 'dev' | 'prod';

export interface StageConfig {
  stage: StageName;
  /** EU data residency: Stockholm unless told otherwise. */
  region: string;
  /** Optional: when unset the stacks are account-agnostic and synth never asks AWS. */
  account?: string;
  /** Stateful resources survive a stack deletion in prod. */
  removalPolicy: RemovalPolicy;
  /** Deletion protection on table and user pool, termination protection on the data stack. */
  protect: boolean;
  logRetention: RetentionDays;
  /** Days S3/CloudFront access logs are kept. */
  accessLogDays: number;
  /** Days a noncurrent object version is kept before S3 expires it. */
  noncurrentVersionDays: number;
  throttle: { rateLimit: number; burstLimit: number };
  /** Extra browser origins allowed by CORS and as OAuth callbacks (local web development in dev). */
  extraWebOrigins: string[];
  /** Cognito hosted-login domain prefix: globally unique per region, so it is configurable. */
  authDomainPrefix: string;
  /** Sender address of the deadline e-mails; its domain becomes the SES identity. */
  mailFrom: string;
  /** Where alarms are e-mailed (optional: the topic exists either way). */
  alarmEmail?: string;
  apiTimeout: Duration;
  jobTimeout: Duration;
  /** GuardDuty Malware Protection for S3 on confirmed attachments (`-c malwareScan=true`); off by default, as it is billed per GB scanned. */
  malwareScan: boolean;
}

const STAGES: readonly StageName[] = ['dev', 'prod'];

export interface ConfigInput {
  stage?: string;
  region?: string;
  account?: string;
  authDomainPrefix?: string;
  mailFrom?: string;
  alarmEmail?: string;
  malwareScan?: string;
}

export function stageConfig(input: ConfigInput = {}): StageConfig {
  const stage = (input.stage ?? 'dev') as StageName;
  if (!STAGES.includes(stage)) throw new Error(`stage must be one of ${STAGES.join(', ')}, not "${input.stage}"`);
  const prod = stage === 'prod';
  return {
    stage,
    region: input.region ?? 'eu-north-1',
    ...(input.account ? { account: input.account } : {}),
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    protect: prod,
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    accessLogDays: prod ? 365 : 30,
    noncurrentVersionDays: prod ? 365 : 30,
    // ~100 organisations: a few requests a second at the busiest deadline; the limits only stop floods.
    throttle: prod ? { rateLimit: 50, burstLimit: 100 } : { rateLimit: 10, burstLimit: 20 },
    extraWebOrigins: prod ? [] : ['http://localhost:3000'],
    authDomainPrefix: input.authDomainPrefix ?? `statusportalen-${stage}`,
    mailFrom: input.mailFrom ?? 'statusportalen@sst.dk',
    ...(input.alarmEmail ? { alarmEmail: input.alarmEmail } : {}),
    apiTimeout: Duration.seconds(15),
    jobTimeout: Duration.minutes(5),
    malwareScan: input.malwareScan === 'true',
  };
}
