// Stage settings: everything that differs between dev and prod lives here, so the stacks
// read one object instead of branching on the stage name in many places.
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
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
  /** Tighter limits on the routes that cost the most (fresh summary builds, indicator uploads, attachment tickets). */
  expensiveRouteThrottle: { rateLimit: number; burstLimit: number };
  /** Route keys that get `expensiveRouteThrottle`. */
  expensiveRoutes: readonly string[];
  /** Reserved concurrency per function (area or job); undefined leaves the account pool shared. */
  reservedConcurrency?: Readonly<Record<string, number>>;
  /** WAF rate limits: requests per IP address per 5 minutes. */
  waf: { edgeRatePerIp: number; expensivePerIp: number; loginRatePerIp: number };
  /** Sign-in must use a second factor (TOTP). */
  mfaRequired: boolean;
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
  /**
   * The API's own custom domain (`-c apiDomainName=… -c apiCertificateArn=…`): CloudFront reaches
   * the API under this name and the `execute-api` address is switched off, so nothing reaches the
   * API around the WAF. Unset: the execute-api address stays open (prod warns at synth).
   */
  apiDomain?: { domainName: string; certificateArn: string };
}

const STAGES: readonly StageName[] = ['dev', 'prod'];

export const EXPENSIVE_ROUTES = [
  'GET /rounds/{roundId}/summary',
  'PUT /forms/{formId}/indicators',
  'POST /forms/{formId}/indicators/validate',
  'POST /rounds/{roundId}/submissions/{orgId}/attachments',
  // Public (the token in the path is the credential): calendar apps poll it, and a guesser must
  // not get the stage's whole rate.
  'GET /calendar/feed/{token}',
  // Public, without a token: held to the tight rate so nobody outside can use up the stage's.
  'GET /public/publications/{publicationId}',
  'GET /public/publications.atom',
  'POST /publications/{publicationId}/publish',
] as const;

export const RESERVED_CONCURRENCY: Readonly<Record<string, number>> = {
  submissions: 40,
  attachments: 15,
  summaries: 10,
  rounds: 10,
  forms: 10,
  orgs: 5,
  meta: 5,
  audit: 5,
  calendar: 5,
  'deadline-check': 2,
  'build-summaries': 2,
  'sweep-content': 1,
};

export interface ConfigInput {
  stage?: string;
  region?: string;
  account?: string;
  authDomainPrefix?: string;
  mailFrom?: string;
  alarmEmail?: string;
  malwareScan?: string;
  apiDomainName?: string;
  apiCertificateArn?: string;
}

const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ACM_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]+$/;

/** Both flags or neither; a host name; an ACM certificate in the API's own region (a regional domain takes no other). */
function apiDomainOf(input: ConfigInput, region: string): StageConfig['apiDomain'] {
  const { apiDomainName: domainName, apiCertificateArn: certificateArn } = input;
  if (!domainName && !certificateArn) return undefined;
  if (!domainName || !certificateArn) throw new Error('the API custom domain needs both -c apiDomainName=<host> and -c apiCertificateArn=<ACM certificate ARN>');
  if (!HOST_NAME.test(domainName)) throw new Error(`apiDomainName must be a lower-case host name such as api.statusportalen.example.dk, not "${domainName}"`);
  const arnRegion = ACM_ARN.exec(certificateArn)?.[1];
  if (!arnRegion) throw new Error(`apiCertificateArn must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>), not "${certificateArn}"`);
  if (arnRegion !== region) {
    throw new Error(`apiCertificateArn is in ${arnRegion}, but a regional API domain needs a certificate in the API's own region, ${region} (CloudFront's us-east-1 certificate is another one)`);
  }
  return { domainName, certificateArn };
}

export function stageConfig(input: ConfigInput = {}): StageConfig {
  const stage = (input.stage ?? 'dev') as StageName;
  if (!STAGES.includes(stage)) throw new Error(`stage must be one of ${STAGES.join(', ')}, not "${input.stage}"`);
  const prod = stage === 'prod';
  const region = input.region ?? 'eu-north-1';
  const apiDomain = apiDomainOf(input, region);
  return {
    stage,
    region,
    ...(input.account ? { account: input.account } : {}),
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    protect: prod,
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    accessLogDays: prod ? 365 : 30,
    noncurrentVersionDays: prod ? 365 : 30,
    // ~100 organisations: a few requests a second at the busiest deadline; the limits only stop floods.
    throttle: prod ? { rateLimit: 50, burstLimit: 100 } : { rateLimit: 10, burstLimit: 20 },
    // A summary build reads every report of a round; an upload writes S3 and a transaction. A
    // handful a second is far above SST's own use and keeps one caller from taking the stage.
    expensiveRouteThrottle: prod ? { rateLimit: 5, burstLimit: 10 } : { rateLimit: 2, burstLimit: 5 },
    expensiveRoutes: EXPENSIVE_ROUTES,
    // Prod only: a fresh account has a concurrency quota of 10, and reserving needs 100 left unreserved.
    // Sum 109: submissions take the deadline rush; no area can starve another.
    ...(prod ? { reservedConcurrency: RESERVED_CONCURRENCY } : {}),
    // A municipality's staff share one NAT address; autosave sends a request every few seconds per person.
    waf: prod ? { edgeRatePerIp: 3000, expensivePerIp: 100, loginRatePerIp: 300 } : { edgeRatePerIp: 1000, expensivePerIp: 50, loginRatePerIp: 100 },
    mfaRequired: prod,
    extraWebOrigins: prod ? [] : ['http://localhost:3000'],
    authDomainPrefix: input.authDomainPrefix ?? `statusportalen-${stage}`,
    mailFrom: input.mailFrom ?? 'statusportalen@sst.dk',
    ...(input.alarmEmail ? { alarmEmail: input.alarmEmail } : {}),
    apiTimeout: Duration.seconds(15),
    jobTimeout: Duration.minutes(5),
    malwareScan: input.malwareScan === 'true',
    ...(apiDomain ? { apiDomain } : {}),
  };
}

/**
 * The documents bucket's name, computed rather than generated: the web app's CSP must name the
 * bucket's host, and the web stack comes before the data stack (whose bucket CORS names the web
 * origin), so a reference would be a cycle. Account and region make it globally unique. The
 * account is the deploying stack's own pseudo parameter, the same in every stack of the stage.
 */
export const documentsBucketName = (config: StageConfig): string => `statusportalen-${config.stage}-documents-${Aws.ACCOUNT_ID}-${config.region}`;
