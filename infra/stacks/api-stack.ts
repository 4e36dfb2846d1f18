// The stateless half: one Lambda function per area behind an HTTP API whose routes come from
// functions/routes.ts, the Cognito clients and JWT authorizers, the scheduled jobs, the alarms,
// and the web app's content with its runtime config. Replaceable at will: nothing here holds data.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, CfnOutput, Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { acknowledge, acknowledgeProvider, acknowledgeWildcards, wildcardFinding } from '../nag.ts';
import type { Construct } from 'constructs';
import { AREAS, deployedRoutes, SUMMARIES_READ_SCOPE, webRoutes, type RouteSpec } from '../../functions/routes.ts';
import { AREA_ACCESS, DEFAULT_ACCESS, JOBS, type Access, type JobSpec } from '../access.ts';
import { REPO_ROOT, handlerEntry, jobEntry } from '../bundling.ts';
import type { StageConfig } from '../config.ts';
import { ServiceFunction } from '../constructs/service-function.ts';
import { WebAcl } from '../constructs/web-acl.ts';
import { TABLE_SHAPE } from '../../functions/store/table-shape.ts';
import { FEDERATED_ORG_ATTRIBUTE, ORG_ATTRIBUTE } from '../../functions/core/org-claims.ts';
import type { DataStack } from './data-stack.ts';
import { API_PATH_PREFIX, type WebStack } from './web-stack.ts';

export const RESOURCE_SERVER_ID = 'statusportalen';
export const COPENHAGEN = TimeZone.of('Europe/Copenhagen');

/** Which authorizer a route needs: none, people only, or people and SST's machine client. */
export function authorizerKind(route: Pick<RouteSpec, 'auth' | 'scopes'>): 'none' | 'users' | 'usersAndMachines' {
  if (route.auth === 'public') return 'none';
  return route.auth.includes('machine') || (route.scopes?.length ?? 0) > 0 ? 'usersAndMachines' : 'users';
}

export interface ApiStackProps extends StackProps {
  config: StageConfig;
  data: DataStack;
  web: WebStack;
}

export class ApiStack extends Stack {
  /** Made in the web stack, whose CloudFront serves it under /api; its routes and stage are made here. */
  readonly api: apigw.IHttpApi;
  readonly stage: apigw.HttpStage;
  readonly functions = new Map<string, ServiceFunction>();
  readonly jobs = new Map<string, ServiceFunction>();
  readonly webClient: cognito.UserPoolClient;
  readonly machineClient: cognito.UserPoolClient;
  readonly alarmTopic: sns.Topic;
  readonly deadLetters: sqs.Queue;
  /** Areas of the route table whose handler file does not exist (yet); not deployed. */
  readonly missingAreas: string[] = [];
  /** Jobs in access.ts whose source file does not exist (yet); not deployed. */
  readonly missingJobs: string[] = [];

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, data, web } = props;
    const webOrigins = [web.origin, ...config.extraWebOrigins];

    // --- Identity: hosted login, the scope for SST's systems, and the two app clients.
    const federated = data.identityProviders.length > 0;
    const domain = data.userPool.addDomain('Login', { cognitoDomain: { domainPrefix: config.authDomainPrefix } });
    const summariesRead = new cognito.ResourceServerScope({
      scopeName: SUMMARIES_READ_SCOPE,
      scopeDescription: 'Read consolidated summaries',
    });
    const resourceServer = data.userPool.addResourceServer('Api', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: 'Statusportalen API',
      scopes: [summariesRead],
    });
    this.webClient = data.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      authFlows: { user: false, userPassword: false, userSrp: false, adminUserPassword: false, custom: false },
      oAuth: {
        // Authorization code with PKCE (a public client: the browser holds no secret).
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: webOrigins.map((o) => `${o}/`),
        logoutUrls: webOrigins.map((o) => `${o}/`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO, ...data.identityProviders],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // Read: the ID token carries what the client may read, both organisation attributes among them.
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(ORG_ATTRIBUTE, FEDERATED_ORG_ATTRIBUTE),
      // Write: Cognito writes a federated sign-in's mapped attributes through the client that
      // offers the provider, and fails the sign-in if the client may not (WriteAttributes in the
      // Cognito API reference), so with federation those three are writable here. No person can
      // use that: UpdateUserAttributes needs the aws.cognito.signin.user.admin scope, which this
      // client neither grants (OAuth scopes above) nor issues through a password flow (authFlows
      // off). custom:orgId is never writable. Without federation: the name only.
      writeAttributes: federated
        ? new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }).withCustomAttributes(FEDERATED_ORG_ATTRIBUTE)
        : new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    this.machineClient = data.userPool.addClient('MachineClient', {
      userPoolClientName: 'sst-summaries',
      generateSecret: true,
      authFlows: { user: false, userPassword: false, userSrp: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: false, implicitCodeGrant: false, clientCredentials: true },
        scopes: [cognito.OAuthScope.resourceServer(resourceServer, summariesRead)],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      // No person signs in here (client credentials only); set so Cognito's default (every
      // standard attribute) never applies, and no organisation attribute is in either list.
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // Two authorizers so that a machine token is refused at the edge on every route that is not
    // meant for it. API Gateway cannot require a scope only of access tokens (ID tokens carry
    // none), so the handler checks the scope on the routes that admit machines.
    const usersAuthorizer = new HttpUserPoolAuthorizer('Users', data.userPool, {
      authorizerName: 'users',
      userPoolClients: [this.webClient],
    });
    const usersAndMachinesAuthorizer = new HttpUserPoolAuthorizer('UsersAndMachines', data.userPool, {
      authorizerName: 'users-and-machines',
      userPoolClients: [this.webClient, this.machineClient],
    });

    // --- Functions: one per area. An area whose handler file is still being written is left out
    // (with a warning) so work in progress elsewhere does not stop synth; a test insists on every one.
    for (const area of AREAS) {
      if (!existsSync(handlerEntry(area))) {
        Annotations.of(this).addWarningV2('statusportalen:missing-handler', `functions/handlers/${area}.ts does not exist: area "${area}" not deployed`);
        this.missingAreas.push(area);
        continue;
      }
      let access = AREA_ACCESS[area];
      if (!access) {
        Annotations.of(this).addWarningV2('statusportalen:area-access', `area "${area}" has no entry in infra/access.ts: it may only read the table`);
        access = DEFAULT_ACCESS;
      }
      const fn = this.serviceFunction(area, `Area-${area}`, handlerEntry(area), `the ${area} API area`, access, config, data);
      fn.addEnvironment('WEB_BASE_URL', web.origin);
      if (area === 'publications') fn.addEnvironment('API_BASE_URL', `${web.origin}${API_PATH_PREFIX}`);
      this.functions.set(area, fn);
    }

    // --- The HTTP API.
    const accessLog = new logs.LogGroup(this, 'ApiAccessLogs', { retention: config.logRetention, removalPolicy: config.removalPolicy });
    // A reference in this stack's scope, so that routes, integrations and authorizers are made here.
    // (No execute-api endpoint to name when the custom domain has switched it off.)
    this.api = apigw.HttpApi.fromHttpApiAttributes(this, 'ApiRef', {
      httpApiId: web.httpApi.apiId,
      ...(web.apiDomain ? {} : { apiEndpoint: web.httpApi.apiEndpoint }),
    });
    this.stage = new apigw.HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLog),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            subject: '$context.authorizer.claims.sub',
            clientId: '$context.authorizer.claims.client_id',
          }),
        ),
      },
    });

    // The custom domain (when deployed with one) serves this stage at its root; CloudFront calls it.
    // The mapping names the stage by its name, not a reference, so it must wait for the stage.
    if (web.apiDomain) {
      const mapping = new apigw.ApiMapping(this, 'ApiMapping', { api: this.api, domainName: web.apiDomain, stage: this.stage });
      mapping.node.addDependency(this.stage);
    }

    const integrations = new Map<string, HttpLambdaIntegration>();
    const created = new Map<string, apigw.HttpRoute>();
    for (const route of deployedRoutes()) {
      if (route.area === 'dev' || this.missingAreas.includes(route.area)) continue;
      const fn = this.functions.get(route.area);
      if (!fn) throw new Error(`route ${route.method} ${route.path} names area "${route.area}", which is not in AREAS`);
      let integration = integrations.get(route.area);
      if (!integration) {
        integration = new HttpLambdaIntegration(`Integration-${route.area}`, fn, { payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0 });
        integrations.set(route.area, integration);
      }
      const kind = authorizerKind(route);
      const authorizer = kind === 'none' ? new apigw.HttpNoneAuthorizer() : kind === 'users' ? usersAuthorizer : usersAndMachinesAuthorizer;
      // Made in this stack (not through the API's addRoutes, which would put them in the web stack).
      const key = `${route.method} ${route.path}`;
      const made = new apigw.HttpRoute(this, `Route-${route.method}${route.path.replace(/[{}]/g, '')}`, {
        httpApi: this.api,
        routeKey: apigw.HttpRouteKey.with(route.path, route.method as apigw.HttpMethod),
        integration,
        authorizer,
      });
      created.set(key, made);
      if (kind === 'none') {
        acknowledge(made, {
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design in functions/routes.ts (${route.summary}).`,
        });
      }
    }

    // --- Tighter limits on the routes that cost the most, so that they cannot use up the stage's
    // rate that every organisation shares near a deadline. The routes must exist before the stage names them.
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const key of config.expensiveRoutes) {
      const route = created.get(key);
      if (!route) continue;
      // CloudFormation's own spelling: this L1 property is plain JSON, passed through as written.
      routeSettings[key] = { ThrottlingRateLimit: config.expensiveRouteThrottle.rateLimit, ThrottlingBurstLimit: config.expensiveRouteThrottle.burstLimit };
      cfnStage.node.addDependency(route);
    }
    cfnStage.routeSettings = routeSettings;

    // --- WAF on the user pool (its own region): sign-in floods and credential stuffing stop at the edge.
    const loginAcl = new WebAcl(this, 'LoginWaf', { scope: 'REGIONAL', name: `statusportalen-${config.stage}-login`, ratePerIp: config.waf.loginRatePerIp });
    new wafv2.CfnWebACLAssociation(this, 'LoginWafAssociation', { resourceArn: data.userPool.userPoolArn, webAclArn: loginAcl.acl.attrArn });

    // --- Alarms go to one topic; encrypted with our own key because CloudWatch cannot publish to a topic under the AWS-managed one.
    const alarmKey = new kms.Key(this, 'AlarmKey', {
      description: 'Encrypts the Statusportalen alarm topic',
      enableKeyRotation: true,
      removalPolicy: config.removalPolicy,
    });
    alarmKey.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: `Statusportalen ${config.stage} alarms`, masterKey: alarmKey, enforceSSL: true });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));

    // --- Scheduled jobs: failed deliveries and failed runs both end in one dead-letter queue.
    this.deadLetters = new sqs.Queue(this, 'JobDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.deadLetters, {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the scheduled jobs (scheduler target and Lambda async failures).',
    });
    for (const job of JOBS) {
      if (!existsSync(jobEntry(job.name))) {
        Annotations.of(this).addWarningV2('statusportalen:missing-job', `functions/jobs/${job.name}.ts does not exist: job not deployed`);
        this.missingJobs.push(job.name);
        continue;
      }
      this.scheduledJob(job, config, data, web);
    }

    this.addAlarms();
    this.deployWebContent(web, domain);

    // The address to use: CloudFront with WAF. Without a custom domain the stage's own execute-api
    // address stays reachable too (see README, Deploy, "The edge").
    new CfnOutput(this, 'ApiUrl', { value: `${web.origin}${API_PATH_PREFIX}/` });
    new CfnOutput(this, 'WebUrl', { value: `${web.origin}/` });
    new CfnOutput(this, 'UserPoolId', { value: data.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'MachineClientId', { value: this.machineClient.userPoolClientId });
    new CfnOutput(this, 'TokenUrl', { value: `${domain.baseUrl()}/oauth2/token` });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  private serviceFunction(
    name: string,
    id: string,
    entry: string,
    description: string,
    access: Access,
    config: StageConfig,
    data: DataStack,
    job?: { timeout: Duration; deadLetterQueue: sqs.IQueue },
  ) {
    const fn = new ServiceFunction(this, id, {
      entry,
      description: `Statusportalen ${config.stage}: ${description}`,
      logRetention: config.logRetention,
      logRemovalPolicy: config.removalPolicy,
      timeout: job?.timeout ?? config.apiTimeout,
      ...(job ? { deadLetterQueue: job.deadLetterQueue } : {}),
      ...(access.memorySize ? { memorySize: access.memorySize } : {}),
      ...(config.reservedConcurrency ? { reservedConcurrentExecutions: config.reservedConcurrency[name] ?? 2 } : {}),
      // MALWARE_SCAN: attachments are offered for download only once GuardDuty has tagged them clean.
      environment: { STAGE: config.stage, ...(config.malwareScan ? { MALWARE_SCAN: 'guardduty' } : {}) },
    });
    if (access.table) fn.bindTable({ table: data.table, access: access.table, indexes: TABLE_SHAPE.indexes.map((i) => i.name) });
    if (access.bucket) fn.bindBucket({ bucket: data.bucket, ...access.bucket });
    // The composition root wants both names; a function without bucket grants can still not touch it.
    else if (access.table) fn.addEnvironment('BUCKET_NAME', data.bucket.bucketName);
    if (access.email) fn.bindEmail({ identityArn: data.mailIdentity.emailIdentityArn, from: config.mailFrom });
    return fn;
  }

  private scheduledJob(job: JobSpec, config: StageConfig, data: DataStack, web: WebStack) {
    const fn = this.serviceFunction(job.name, `Job-${job.name}`, jobEntry(job.name), job.description, job.access, config, data, {
      timeout: config.jobTimeout,
      deadLetterQueue: this.deadLetters,
    });
    fn.addEnvironment('WEB_BASE_URL', web.origin);
    // Scheduler invokes asynchronously: its retries cover delivery, Lambda's cover a failed run.
    fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6) });
    const invoker = new iam.Role(this, `Schedule-${job.name}Role`, {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `EventBridge Scheduler: invokes the ${job.name} job`,
    });
    acknowledgeWildcards(invoker, [`${fn.functionArn}:*`], 'Granted by the scheduler target: invoke this one job function (its versions and aliases).');
    new scheduler.Schedule(this, `Schedule-${job.name}`, {
      description: `Statusportalen ${config.stage}: ${job.description}`,
      schedule: scheduler.ScheduleExpression.cron({
        minute: String(job.at.minute),
        hour: String(job.at.hour),
        timeZone: COPENHAGEN,
      }),
      target: new targets.LambdaInvoke(fn, {
        role: invoker,
        input: scheduler.ScheduleTargetInput.fromObject({}),
        retryAttempts: 3,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: this.deadLetters,
      }),
    });
    this.jobs.set(job.name, fn);
  }

  private addAlarms() {
    const action = new SnsAction(this.alarmTopic);
    const alarm = (id: string, props: cloudwatch.CreateAlarmOptions & { metric: cloudwatch.IMetric }) => {
      const { metric, ...options } = props;
      const created = new cloudwatch.Alarm(this, id, { metric, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...options });
      created.addAlarmAction(action);
      return created;
    };
    for (const [name, fn] of [...this.functions, ...this.jobs]) {
      alarm(`Errors-${name}`, {
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        alarmDescription: `${name}: the function failed (unhandled error or timeout)`,
      });
      alarm(`Throttles-${name}`, {
        metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        alarmDescription: `${name}: invocations were throttled`,
      });
    }
    alarm('DeadLetters', {
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription: 'A scheduled job failed after its retries; its event waits in the dead-letter queue',
    });
    const dims = { ApiId: this.api.apiId, Stage: '$default' };
    alarm('Api5xxRate', {
      metric: new cloudwatch.MathExpression({
        // Percent of requests answered 5xx, ignored while traffic is too thin to mean anything.
        expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName: '5xx', dimensionsMap: dims, statistic: 'Sum' }),
          requests: new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName: 'Count', dimensionsMap: dims, statistic: 'Sum' }),
        },
        period: Duration.minutes(5),
        label: 'API 5xx %',
      }),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      alarmDescription: 'More than 5% of API requests failed with a server error',
    });
  }

  /** The built app (web/dist) if there is one, else the placeholder; plus the runtime config. */
  private deployWebContent(web: WebStack, domain: cognito.UserPoolDomain) {
    const built = path.join(REPO_ROOT, 'web', 'dist');
    const source = existsSync(path.join(built, 'index.html')) ? built : path.join(REPO_ROOT, 'infra', 'web-placeholder');
    new s3deploy.BucketDeployment(this, 'WebContent', {
      sources: [
        // config.json is ours to write (the local server writes its own), so never take one from the build.
        s3deploy.Source.asset(source, { exclude: ['config.json'] }),
        // The shape web/src/config.ts reads at start-up: one build runs locally and on AWS.
        s3deploy.Source.jsonData('config.json', {
          // The API on the app's own origin, through CloudFront and its WAF.
          apiBaseUrl: `${web.origin}${API_PATH_PREFIX}`,
          auth: {
            mode: 'cognito',
            domain: domain.baseUrl(),
            clientId: this.webClient.userPoolClientId,
            redirectUri: `${web.origin}/`,
            logoutUri: `${web.origin}/`,
            scopes: ['openid', 'email', 'profile'],
          },
          // What the app may offer buttons for (web/src/features.ts): the routes this stack deploys.
          routes: webRoutes((r) => this.functions.has(r.area)),
        }),
      ],
      destinationBucket: web.bucket,
      distribution: web.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 256,
    });
    const provider = 'CDK BucketDeployment provider (CDK-owned code)';
    acknowledgeProvider(
      this,
      'Custom::CDKBucketDeployment',
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: `${provider}: the basic execution policy only lets it write its own logs.` },
      { id: 'AwsSolutions-L1', reason: `${provider}: its runtime is pinned by aws-cdk-lib.` },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${provider}: reads the CDK asset and replaces the site bucket's content (prune), limited to those two buckets.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${Stack.of(this).region}/*]`,
        reason: `${provider}: reads the uploaded asset from the CDK bootstrap bucket.`,
      },
      { id: wildcardFinding(this, web.bucket.arnForObjects('*')), reason: `${provider}: writes the site bucket, which holds nothing but the app.` },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${provider}: cloudfront:CreateInvalidation/GetInvalidation do not support resource-level permissions.` },
    );
  }
}
