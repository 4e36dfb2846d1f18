// The deployed system, asserted on the synthesized templates: storage protection, identity,
// the API against the route table, least-privilege policies, schedules, alarms, web hosting,
// and cdk-nag's AWS Solutions checks. The app is synthesized once per stage for the whole file.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import { AREAS, ROUTES, deployedRoutes, routeKey, SUMMARIES_READ_SCOPE, type RouteSpec } from '#functions/routes';
import { TABLE_SHAPE } from '#store/table-shape';
import { AREA_ACCESS, JOBS } from '../../infra/access.ts';
import { handlerEntry, jobEntry } from '../../infra/bundling.ts';
import { RESOURCE_SERVER_ID, authorizerKind } from '../../infra/stacks/api-stack.ts';
import { stageConfig } from '../../infra/config.ts';
import { actionsOf, resourcesOf, resourcesOfStatement, statementsOfRole, synthesize, type Synthesized } from './synth.ts';

let prod: Synthesized;
let dev: Synthesized;

beforeAll(() => {
  prod = synthesize('prod');
  dev = synthesize('dev');
});

const only = <T>(record: Record<string, T>): T => {
  const values = Object.values(record);
  expect(values).toHaveLength(1);
  return values[0]!;
};

const roleOf = (s: Synthesized, name: string): string => {
  const fn = s.api.functions.get(name) ?? s.api.jobs.get(name);
  if (!fn) throw new Error(`no function ${name}`);
  return s.api.getLogicalId(fn.executionRole.node.defaultChild as CfnElement);
};

const allowed = (s: Synthesized, name: string) =>
  statementsOfRole(s.templates.api, roleOf(s, name)).flatMap((st) =>
    actionsOf(st).flatMap((action) => resourcesOfStatement(st).map((resource) => ({ action, resource: JSON.stringify(resource) }))),
  );

const mayDo = (s: Synthesized, name: string, action: string, resourcePart: string) =>
  allowed(s, name).some((p) => p.action === action && p.resource.includes(resourcePart));

describe('the cdk-nag AWS Solutions checks', () => {
  it('find nothing unacknowledged in prod', () => {
    expect(prod.nagFindings).toEqual([]);
  });

  it('find nothing unacknowledged in dev', () => {
    expect(dev.nagFindings).toEqual([]);
  });
});

describe('the table', () => {
  it('has the key shape the stores use, with its index and TTL attribute', () => {
    const table = only(resourcesOf(prod.templates.data, 'AWS::DynamoDB::GlobalTable'));
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_SHAPE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SHAPE.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes.map((i: any) => i.IndexName)).toEqual(TABLE_SHAPE.indexes.map((i) => i.name));
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_SHAPE.ttlAttribute, Enabled: true });
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('keeps point-in-time recovery, deletion protection and RETAIN in prod', () => {
    const table = only(resourcesOf(prod.templates.data, 'AWS::DynamoDB::GlobalTable'));
    expect(table.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('can be torn down in dev but still has point-in-time recovery', () => {
    const table = only(resourcesOf(dev.templates.data, 'AWS::DynamoDB::GlobalTable'));
    expect(table.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.DeletionPolicy).toBe('Delete');
  });
});

describe('the documents bucket', () => {
  const documents = (s: Synthesized) => {
    const id = s.data.getLogicalId(s.data.bucket.node.defaultChild as CfnElement);
    return { id, bucket: resourcesOf(s.templates.data, 'AWS::S3::Bucket')[id]! };
  };

  it('is versioned, encrypted, private, access-logged and expires old versions', () => {
    const { bucket } = documents(prod);
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toBeDefined();
    expect(bucket.Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 365 }, Status: 'Enabled' }),
    );
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('refuses every request that is not over TLS', () => {
    const { id } = documents(prod);
    prod.templates.data.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('accepts browser uploads (presigned POST) only from the web origin', () => {
    const rules = documents(prod).bucket.Properties.CorsConfiguration.CorsRules;
    expect(rules).toHaveLength(1);
    expect(rules[0].AllowedMethods).toEqual(['POST', 'GET']);
    expect(rules[0].AllowedOrigins).toHaveLength(1);
    expect(JSON.stringify(rules[0].AllowedOrigins)).toContain('Statusportalen-prod-Web');
  });

  it('is not retained in dev', () => {
    expect(documents(dev).bucket.DeletionPolicy).toBe('Delete');
  });
});

describe('the user pool', () => {
  it('has the four role groups (co-authors of publications too), an immutable organisation attribute, no self sign-up and TOTP MFA', () => {
    const t = prod.templates.data;
    const groups = Object.values(resourcesOf(t, 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual(['author', 'reporter', 'sst-admin', 'sst-reader']);
    const pool = only(resourcesOf(t, 'AWS::Cognito::UserPool'));
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.Properties.Schema).toContainEqual(expect.objectContaining({ Name: 'orgId', AttributeDataType: 'String', Mutable: false }));
    // Federated users' organisation: Cognito rewrites it at each federated sign-in, so it must be mutable.
    expect(pool.Properties.Schema).toContainEqual(expect.objectContaining({ Name: 'fedOrgId', AttributeDataType: 'String', Mutable: true }));
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.Properties.UserPoolTier).toBe('PLUS');
    expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('offers a summaries.read scope on its resource server', () => {
    prod.templates.api.resourceCountIs('AWS::Cognito::UserPoolResourceServer', 0);
    prod.templates.data.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: RESOURCE_SERVER_ID,
      Scopes: [{ ScopeName: SUMMARIES_READ_SCOPE, ScopeDescription: Match.anyValue() }],
    });
  });

  it('gives the web app the authorization-code flow without a secret, and no machine scope', () => {
    prod.templates.data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'web',
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      ReadAttributes: Match.arrayWith(['custom:fedOrgId', 'custom:orgId']),
      WriteAttributes: ['name'],
    });
  });

  it('lets no app client write either organisation attribute without federation, and no person call UpdateUserAttributes', () => {
    const clients = Object.values(resourcesOf(prod.templates.data, 'AWS::Cognito::UserPoolClient')).map((c) => c.Properties);
    expect(clients.map((c) => c.ClientName).sort()).toEqual(['sst-summaries', 'web']);
    for (const client of clients) {
      // Set explicitly on every client: unset would mean Cognito's default set.
      expect(client.WriteAttributes, client.ClientName).toEqual(expect.any(Array));
      expect(client.WriteAttributes.filter((a: string) => a.startsWith('custom:')), client.ClientName).toEqual([]);
      // UpdateUserAttributes takes an access token with this scope; no client hands one out.
      expect(JSON.stringify(client.AllowedOAuthScopes ?? []), client.ClientName).not.toContain('aws.cognito.signin.user.admin');
      expect(client.ExplicitAuthFlows, client.ClientName).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    }
    expect(clients.find((c) => c.ClientName === 'sst-summaries')!.ReadAttributes).toEqual(['name']);
  });

  it("gives SST's systems a client-credentials client that can ask only for summaries.read", () => {
    prod.templates.data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'sst-summaries',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([`/${SUMMARIES_READ_SCOPE}`])] })],
    });
  });
});

describe('the HTTP API', () => {
  const routes = (s: Synthesized) => Object.values(resourcesOf(s.templates.api, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties);

  const deployable = () => deployedRoutes().filter((r) => existsSync(handlerEntry(r.area)));

  it('serves exactly the non-local routes of the route table the local server serves', () => {
    const deployed = routes(prod).map((r) => r.RouteKey).sort();
    const local = (ROUTES as readonly RouteSpec[]).filter((r) => !r.localOnly).map(routeKey);
    expect(deployed).toEqual(deployable().map(routeKey).sort());
    expect(deployable().map(routeKey).every((k) => local.includes(k))).toBe(true);
  });

  it('never has a /dev route', () => {
    expect(routes(prod).filter((r) => r.RouteKey.includes(' /dev'))).toEqual([]);
    expect(routes(dev).filter((r) => r.RouteKey.includes(' /dev'))).toEqual([]);
  });

  it('deploys without an authorizer only liveness, the OpenAPI document, the calendar feed (its token is in its path) and published editions under /public/', () => {
    const open = routes(prod).filter((r) => r.AuthorizationType === 'NONE').map((r) => r.RouteKey).sort();
    expect(open).toEqual(['GET /calendar/feed/{token}', 'GET /health', 'GET /openapi.json', 'GET /public/publications.atom', 'GET /public/publications/{publicationId}']);
    const feed = routes(prod).find((r) => r.RouteKey === 'GET /calendar/feed/{token}')!;
    expect(feed.AuthorizerId).toBeUndefined();
  });

  it('puts a JWT authorizer on every route that is not public', () => {
    const byKey = new Map(routes(prod).map((r) => [r.RouteKey, r]));
    for (const route of deployable()) {
      const deployed = byKey.get(routeKey(route))!;
      if (route.auth === 'public') expect(deployed.AuthorizationType, routeKey(route)).toBe('NONE');
      else {
        expect(deployed.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(deployed.AuthorizerId, routeKey(route)).toBeDefined();
      }
    }
  });

  it("admits the machine client's tokens only on routes that allow machines", () => {
    const authorizers = resourcesOf(prod.templates.api, 'AWS::ApiGatewayV2::Authorizer');
    const audiences = (id: string) => authorizers[id]!.Properties.JwtConfiguration.Audience as unknown[];
    const byKey = new Map(routes(prod).map((r) => [r.RouteKey, r]));
    const machineRoutes = deployable().filter((r) => authorizerKind(r) === 'usersAndMachines');
    for (const route of deployable().filter((r) => r.auth !== 'public')) {
      const id = byKey.get(routeKey(route))!.AuthorizerId.Ref as string;
      expect(audiences(id), routeKey(route)).toHaveLength(machineRoutes.includes(route) ? 2 : 1);
    }
    for (const authorizer of Object.values(authorizers)) {
      expect(authorizer.Properties.AuthorizerType).toBe('JWT');
      expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('cognito-idp');
    }
  });

  it('lets machines in wherever a route names a scope', () => {
    for (const route of deployedRoutes().filter((r) => r.scopes?.length)) expect(authorizerKind(route)).toBe('usersAndMachines');
    for (const route of deployedRoutes().filter((r) => r.auth !== 'public' && !r.auth.includes('machine') && !r.scopes?.length)) {
      expect(authorizerKind(route)).toBe('users');
    }
  });

  it('throttles and access-logs its stage', () => {
    const stage = only(resourcesOf(prod.templates.api, 'AWS::ApiGatewayV2::Stage'));
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('accepts no cross-origin browser in prod (the app calls it on its own origin) and only the local dev origin in dev', () => {
    prod.templates.api.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    expect(only(resourcesOf(prod.templates.web, 'AWS::ApiGatewayV2::Api')).Properties.CorsConfiguration).toBeUndefined();
    expect(only(resourcesOf(dev.templates.web, 'AWS::ApiGatewayV2::Api')).Properties.CorsConfiguration.AllowOrigins).toEqual(['http://localhost:3000']);
  });
});

describe('the functions', () => {
  const functions = (s: Synthesized) => {
    const all = resourcesOf(s.templates.api, 'AWS::Lambda::Function');
    return [...s.api.functions.values(), ...s.api.jobs.values()].map((fn) => all[s.api.getLogicalId(fn.node.defaultChild as CfnElement)]!);
  };

  it('exist for every area of the route table (one each) and every scheduled job', () => {
    for (const area of AREAS) expect(existsSync(handlerEntry(area)), `functions/handlers/${area}.ts`).toBe(true);
    for (const job of JOBS) expect(existsSync(jobEntry(job.name)), `functions/jobs/${job.name}.ts`).toBe(true);
    expect([...prod.api.functions.keys()].sort()).toEqual([...AREAS].sort());
    expect([...prod.api.jobs.keys()].sort()).toEqual(JOBS.map((j) => j.name).sort());
    // Ours, plus CDK's own web-content deployer: nothing else runs code.
    expect(Object.keys(resourcesOf(prod.templates.api, 'AWS::Lambda::Function'))).toHaveLength(AREAS.length + JOBS.length + 1);
  });

  it('have a storage decision in infra/access.ts for every area', () => {
    expect(AREAS.filter((area) => !(area in AREA_ACCESS))).toEqual([]);
  });

  it('run Node.js 24 on arm64 with JSON logs into their own log group', () => {
    for (const fn of functions(prod)) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } });
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
    }
  });

  it('get TABLE_NAME and BUCKET_NAME where they use storage, and nothing where they do not', () => {
    const env = (name: string) => {
      const fn = prod.api.functions.get(name) ?? prod.api.jobs.get(name)!;
      const id = prod.api.getLogicalId(fn.node.defaultChild as CfnElement);
      return resourcesOf(prod.templates.api, 'AWS::Lambda::Function')[id]!.Properties.Environment.Variables;
    };
    expect(env('forms')).toMatchObject({ TABLE_NAME: expect.anything(), BUCKET_NAME: expect.anything() });
    expect(env('meta')).not.toHaveProperty('TABLE_NAME');
    // Contacts and notification settings are table items.
    expect(env('orgs')).toMatchObject({ TABLE_NAME: expect.anything() });
    expect(env('deadline-check')).toMatchObject({ MAIL_FROM: 'statusportalen@sst.dk', WEB_BASE_URL: expect.anything() });
  });
});

describe('least privilege', () => {
  it('lets the forms function write form schemas but not submissions', () => {
    expect(mayDo(prod, 'forms', 's3:PutObject', '/forms/*')).toBe(true);
    expect(mayDo(prod, 'forms', 's3:PutObject', '/submissions/')).toBe(false);
    expect(mayDo(prod, 'forms', 's3:GetObject', '/submissions/')).toBe(false);
  });

  it('lets the submissions function write revisions but not form schemas', () => {
    expect(mayDo(prod, 'submissions', 's3:PutObject', '/submissions/*')).toBe(true);
    expect(mayDo(prod, 'submissions', 's3:PutObject', '/forms/')).toBe(false);
    expect(mayDo(prod, 'submissions', 'dynamodb:PutItem', 'Table')).toBe(true);
  });

  it('gives the storage-free areas no table or bucket access at all, and orgs the table only', () => {
    expect(allowed(prod, 'meta').filter((p) => p.action.startsWith('dynamodb:') || p.action.startsWith('s3:'))).toEqual([]);
    expect(allowed(prod, 'orgs').filter((p) => p.action.startsWith('s3:'))).toEqual([]);
    expect(mayDo(prod, 'orgs', 'dynamodb:PutItem', 'Table')).toBe(true);
  });

  it('lets the audit trail only read', () => {
    expect(allowed(prod, 'audit').filter((p) => /^(dynamodb:(Put|Update|Delete|BatchWrite)|s3:(Put|Delete))/.test(p.action))).toEqual([]);
  });

  it('lets only the attachments function and the content sweep delete objects, each under its own prefixes', () => {
    for (const name of [...prod.api.functions.keys(), ...prod.api.jobs.keys()]) {
      const deletes = allowed(prod, name).filter((p) => p.action === 's3:DeleteObject');
      if (name === 'attachments') expect(deletes.every((p) => /\/(attachments|uploads)\/\*/.test(p.resource))).toBe(true);
      else if (name === 'sweep-content') {
        expect(deletes).toHaveLength(1);
        expect(deletes[0]!.resource).toMatch(/\/submissions\/\*"\]\]\}$/);
      } else expect(deletes, name).toEqual([]);
    }
  });

  it('lets the content sweep list submissions/ only and write nothing to the table', () => {
    const sweep = allowed(prod, 'sweep-content');
    expect(sweep.filter((p) => /^(dynamodb:(Put|Update|Delete|BatchWrite)|s3:Put)/.test(p.action))).toEqual([]);
    expect(sweep.some((p) => p.action === 's3:GetObject')).toBe(false);
  });

  it('grants no scans, no table administration and no service-wide wildcards', () => {
    for (const name of [...prod.api.functions.keys(), ...prod.api.jobs.keys()]) {
      for (const p of allowed(prod, name)) {
        expect(p.action, name).not.toMatch(/\*|dynamodb:(Scan|DeleteTable|UpdateTable|CreateTable)/);
        expect(p.resource, name).not.toBe('"*"');
      }
    }
  });

  // The calendar function mails the Task Force's meeting invitations (ICS) when SST changes a meeting.
  it('lets only the deadline job, the calendar and the publications (announcements) functions send e-mail, and only from their own address', () => {
    const senders = ['deadline-check', 'calendar', 'publications'];
    for (const name of [...prod.api.functions.keys(), ...prod.api.jobs.keys()]) {
      expect(mayDo(prod, name, 'ses:SendEmail', ''), name).toBe(senders.includes(name));
    }
    for (const name of senders) {
      const ses = statementsOfRole(prod.templates.api, roleOf(prod, name)).find((st) => actionsOf(st).includes('ses:SendEmail'))!;
      expect(ses.Condition, name).toEqual({ StringEquals: { 'ses:FromAddress': 'statusportalen@sst.dk' } });
    }
  });
});

describe('the scheduled jobs', () => {
  const schedules = (s: Synthesized) => Object.values(resourcesOf(s.templates.api, 'AWS::Scheduler::Schedule')).map((r) => r.Properties);

  it('run in Copenhagen time: the deadline check daily at 06:00, the summaries nightly at 02:00', () => {
    const byExpression = schedules(prod).map((s) => [s.ScheduleExpression, s.ScheduleExpressionTimezone]);
    expect(byExpression).toContainEqual(['cron(0 6 * * ? *)', 'Europe/Copenhagen']);
    expect(byExpression).toContainEqual(['cron(0 2 * * ? *)', 'Europe/Copenhagen']);
    expect(schedules(prod)).toHaveLength(JOBS.length);
  });

  it('retry and end in a dead-letter queue, whichever way they fail', () => {
    for (const schedule of schedules(prod)) {
      expect(schedule.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 });
      expect(schedule.Target.DeadLetterConfig.Arn).toBeDefined();
    }
    for (const name of prod.api.jobs.keys()) {
      const fn = prod.api.jobs.get(name)!;
      const id = prod.api.getLogicalId(fn.node.defaultChild as CfnElement);
      expect(resourcesOf(prod.templates.api, 'AWS::Lambda::Function')[id]!.Properties.DeadLetterConfig.TargetArn).toBeDefined();
    }
    prod.templates.api.resourceCountIs('AWS::Lambda::EventInvokeConfig', JOBS.length);
  });
});

describe('the alarms', () => {
  const alarms = (s: Synthesized) => Object.values(resourcesOf(s.templates.api, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);

  it('watch errors and throttles of every function, the dead-letter queue and the API 5xx rate, on one topic', () => {
    const all = alarms(prod);
    const fnCount = AREAS.length + JOBS.length;
    expect(all.filter((a) => a.MetricName === 'Errors')).toHaveLength(fnCount);
    expect(all.filter((a) => a.MetricName === 'Throttles')).toHaveLength(fnCount);
    expect(all.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    const rate = all.find((a) => (a.Metrics ?? []).some((m: any) => m.Expression?.includes('errors / requests')));
    expect(rate).toBeDefined();
    for (const alarm of all) expect(alarm.AlarmActions).toHaveLength(1);
    const topic = only(resourcesOf(prod.templates.api, 'AWS::SNS::Topic'));
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
  });
});

describe('the web hosting slot', () => {
  it('serves a private bucket through CloudFront with origin access control over HTTPS', () => {
    const t = prod.templates.web;
    t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const cdn = only(resourcesOf(t, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig;
    expect(cdn.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(cdn.Origins[0].OriginAccessControlId).toBeDefined();
    expect(cdn.Logging.Bucket).toBeDefined();
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' })]),
      },
    });
  });

  it('deploys the app (or the placeholder) with a config.json naming the API and the web client', () => {
    const deployment = only(resourcesOf(prod.templates.api, 'Custom::CDKBucketDeployment'));
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toContain('WebClient');
    expect(markers).toContain('UsersLogin');
    // apiBaseUrl is the web origin's /api: the API through CloudFront and its WAF, never execute-api.
    expect(markers).toMatch(/Cdn[0-9A-F]{8}DomainName/);
    expect(markers).not.toMatch(/ApiEndpoint|"Ref":"Api[0-9A-F]{8}"/);
    expect(deployment.Properties.DistributionPaths).toEqual(['/index.html', '/config.json']);
  });
});

describe('the edge (issue 13, item 10)', () => {
  const cdn = (s: Synthesized) => only(resourcesOf(s.templates.web, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig;
  const acls = (s: Synthesized, template: 'edgeWaf' | 'api') => Object.values(resourcesOf(s.templates[template], 'AWS::WAFv2::WebACL')).map((a) => a.Properties);
  const ruleNames = (acl: any): string[] => acl.Rules.map((r: any) => r.Name);
  const managedGroups = (acl: any): string[] => acl.Rules.map((r: any) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);

  it('puts a CloudFront-scoped WAF in us-east-1 with per-IP rate limits and AWS managed rule groups', () => {
    expect(prod.edgeWaf.region).toBe('us-east-1');
    const [acl] = acls(prod, 'edgeWaf');
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    const rate = acl.Rules.find((r: any) => r.Name === 'RatePerIp');
    expect(rate.Priority).toBe(0);
    expect(rate.Action).toEqual({ Block: {} });
    expect(rate.Statement.RateBasedStatement).toMatchObject({ Limit: 3000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    const expensive = acl.Rules.find((r: any) => r.Name === 'ExpensivePerIp');
    expect(expensive.Statement.RateBasedStatement.Limit).toBe(100);
    expect(JSON.stringify(expensive.Statement.RateBasedStatement.ScopeDownStatement)).toContain('fresh');
    expect(JSON.stringify(expensive.Statement.RateBasedStatement.ScopeDownStatement)).toContain('/api/calendar/feed/');
    expect(managedGroups(acl).sort()).toEqual(['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
    // Report bodies up to 1 MB must pass: the common rule set's 8 KB body rule only counts.
    const crs = acl.Rules.find((r: any) => r.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet');
    expect(crs.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toContainEqual({ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } });
  });

  it('serves the API through the web distribution under /api with that WAF, uncached, with every viewer header but Host', () => {
    const config = cdn(prod);
    expect(JSON.stringify(config.WebACLId)).toContain('EdgeAcl');
    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'PUT', 'POST', 'DELETE']));
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // AllViewerExceptHostHeader
    expect(api.FunctionAssociations).toHaveLength(1);
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain('ApiEndpoint');
    // Error pages would turn the API's 403 and 404 into the app's index.html.
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('puts a regional WAF with a per-IP rate limit and IP reputation on the Cognito user pool', () => {
    const [acl] = acls(prod, 'api');
    expect(acl.Scope).toBe('REGIONAL');
    expect(ruleNames(acl)).toContain('RatePerIp');
    expect(acl.Rules.find((r: any) => r.Name === 'RatePerIp').Statement.RateBasedStatement.Limit).toBe(300);
    expect(managedGroups(acl)).toContain('AWSManagedRulesAmazonIpReputationList');
    const association = only(resourcesOf(prod.templates.api, 'AWS::WAFv2::WebACLAssociation')).Properties;
    expect(JSON.stringify(association.ResourceArn)).toContain('Users');
  });

  it('throttles fresh summaries, indicator uploads, attachment tickets, the public calendar feed, publishing and the public publication routes tighter than the stage', () => {
    const stage = only(resourcesOf(prod.templates.api, 'AWS::ApiGatewayV2::Stage'));
    const settings = stage.Properties.RouteSettings;
    expect(Object.keys(settings).sort()).toEqual(
      ['GET /rounds/{roundId}/summary', 'POST /rounds/{roundId}/submissions/{orgId}/attachments', 'PUT /forms/{formId}/indicators', 'POST /forms/{formId}/indicators/validate', 'GET /calendar/feed/{token}', 'GET /public/publications/{publicationId}', 'GET /public/publications.atom', 'POST /publications/{publicationId}/publish'].sort(),
    );
    for (const limit of Object.values(settings) as any[]) {
      expect(limit).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
      expect(limit.ThrottlingRateLimit).toBeLessThan(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit);
    }
    // The stage names routes that must exist first.
    expect((only(prod.templates.api.findResources('AWS::ApiGatewayV2::Stage')) as any).DependsOn.length).toBeGreaterThanOrEqual(3);
  });

  it('reserves concurrency for every function in prod, leaving 100 unreserved in a 1,000 account', () => {
    const fns = [...prod.api.functions.values(), ...prod.api.jobs.values()];
    const all = resourcesOf(prod.templates.api, 'AWS::Lambda::Function');
    const reserved = fns.map((fn) => all[prod.api.getLogicalId(fn.node.defaultChild as CfnElement)]!.Properties.ReservedConcurrentExecutions as number);
    for (const r of reserved) expect(r).toBeGreaterThan(0);
    expect(reserved.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(900);
    const submissions = all[prod.api.getLogicalId(prod.api.functions.get('submissions')!.node.defaultChild as CfnElement)]!;
    expect(submissions.Properties.ReservedConcurrentExecutions).toBe(40);
    // Dev accounts may have a quota of 10: nothing reserved there.
    for (const fn of Object.values(resourcesOf(dev.templates.api, 'AWS::Lambda::Function'))) expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('requires TOTP MFA in prod and keeps it optional in dev', () => {
    expect(only(resourcesOf(prod.templates.data, 'AWS::Cognito::UserPool')).Properties.MfaConfiguration).toBe('ON');
    expect(only(resourcesOf(dev.templates.data, 'AWS::Cognito::UserPool')).Properties.MfaConfiguration).toBe('OPTIONAL');
  });

  it("names the project's own hosts in the web app's connect-src, no region-wide wildcard", () => {
    const rhp = only(resourcesOf(prod.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(rhp.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    const connect = csp.slice(csp.indexOf('connect-src'), csp.indexOf(';', csp.indexOf('-eu-north-1.s3')));
    expect(connect).not.toContain('*');
    expect(connect).toContain("connect-src 'self' https://statusportalen-prod.auth.eu-north-1.amazoncognito.com https://cognito-idp.eu-north-1.amazonaws.com https://statusportalen-prod-documents-");
    expect(csp).not.toContain('execute-api');
    // The bucket the CSP names is the documents bucket.
    const bucket = resourcesOf(prod.templates.data, 'AWS::S3::Bucket')[prod.data.getLogicalId(prod.data.bucket.node.defaultChild as CfnElement)]!;
    expect(JSON.stringify(bucket.Properties.BucketName)).toContain('statusportalen-prod-documents-');
  });
});

describe("the API's custom domain: no way around the WAF (issue 13, item 10)", () => {
  // Example values: SST's real API host and certificate are not known here.
  const API_HOST = 'api.statusportalen.example.dk';
  const CERTIFICATE = 'arn:aws:acm:eu-north-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
  let withDomain: Synthesized;
  beforeAll(() => {
    withDomain = synthesize('prod', { apiDomainName: API_HOST, apiCertificateArn: CERTIFICATE });
  });
  const cdnOf = (s: Synthesized) => only(resourcesOf(s.templates.web, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig;
  const apiOriginOf = (s: Synthesized) => {
    const config = cdnOf(s);
    const behavior = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    return { behavior, origin: config.Origins.find((o: any) => o.Id === behavior.TargetOriginId) };
  };
  const openWarnings = (s: Synthesized) => Annotations.fromStack(s.web).findWarning('*', Match.stringLikeRegexp('execute-api address stays open and bypasses the WAF'));

  it('switches the execute-api address off and serves the API on a regional TLS 1.2 domain with the given certificate', () => {
    const api = only(resourcesOf(withDomain.templates.web, 'AWS::ApiGatewayV2::Api')).Properties;
    expect(api.DisableExecuteApiEndpoint).toBe(true);
    const domain = only(resourcesOf(withDomain.templates.web, 'AWS::ApiGatewayV2::DomainName')).Properties;
    expect(domain.DomainName).toBe(API_HOST);
    expect(domain.DomainNameConfigurations).toEqual([{ CertificateArn: CERTIFICATE, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }]);
  });

  it("maps the API stack's $default stage onto the domain at its root", () => {
    const resource = only(withDomain.templates.api.findResources('AWS::ApiGatewayV2::ApiMapping')) as { Properties: any; DependsOn?: string[] };
    const mapping = resource.Properties;
    const stageId = withDomain.api.getLogicalId(withDomain.api.stage.node.defaultChild as CfnElement);
    expect(mapping.Stage).toBe('$default');
    // The stage is named, not referenced: the mapping must wait for it.
    expect(resource.DependsOn).toContain(stageId);
    expect(mapping.ApiMappingKey).toBeUndefined();
    // Both are the web stack's: the API resource and the domain, imported by the API stack.
    expect(JSON.stringify(mapping.ApiId)).toMatch(/Statusportalen-prod-Web:ExportsOutputRefApi[0-9A-F]{8}/);
    expect(JSON.stringify(mapping.DomainName)).toMatch(/Statusportalen-prod-Web:ExportsOutputRefApiDomain[0-9A-F]{8}/);
  });

  it('has CloudFront call the API by the domain name (so Host and SNI name the mapping) with every viewer header but Host, and outputs the DNS target', () => {
    const { behavior, origin } = apiOriginOf(withDomain);
    expect(origin.DomainName).toBe(API_HOST);
    expect(JSON.stringify(origin)).not.toMatch(/execute-api|ApiEndpoint/);
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(behavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // AllViewerExceptHostHeader
    // Where SST's DNS record points the name: the domain's regional target.
    const outputs = withDomain.templates.web.findOutputs('ApiDomainTarget');
    const domainId = Object.keys(resourcesOf(withDomain.templates.web, 'AWS::ApiGatewayV2::DomainName'))[0]!;
    expect(only(outputs).Value).toEqual({ 'Fn::GetAtt': [domainId, 'RegionalDomainName'] });
  });

  it("leaves the browser's side as it was: config.json names CloudFront's /api and the CSP connects to 'self'", () => {
    const markers = JSON.stringify(only(resourcesOf(withDomain.templates.api, 'Custom::CDKBucketDeployment')).Properties.SourceMarkers);
    expect(markers).toMatch(/Cdn[0-9A-F]{8}DomainName/);
    expect(markers).not.toContain(API_HOST);
    const rhp = only(resourcesOf(withDomain.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(rhp.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("connect-src 'self' https://statusportalen-prod.auth.eu-north-1.amazoncognito.com");
    expect(csp).not.toContain(API_HOST);
  });

  it('stays cdk-nag clean and does not warn', () => {
    expect(withDomain.nagFindings).toEqual([]);
    expect(openWarnings(withDomain)).toEqual([]);
  });

  it('warns at a prod synth without the flags that execute-api stays open and bypasses the WAF, and keeps execute-api as the origin', () => {
    expect(openWarnings(prod)).toHaveLength(1);
    expect(only(resourcesOf(prod.templates.web, 'AWS::ApiGatewayV2::Api')).Properties.DisableExecuteApiEndpoint).toBe(false);
    prod.templates.web.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    prod.templates.api.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 0);
    expect(JSON.stringify(apiOriginOf(prod).origin.DomainName)).toContain('ApiEndpoint');
    // Dev is torn down at will and warns of nothing.
    expect(openWarnings(dev)).toEqual([]);
  });

  it('refuses half the flags, a certificate outside the API region and a name that is not a host name', () => {
    expect(() => stageConfig({ stage: 'prod', apiDomainName: API_HOST })).toThrow(/both/);
    expect(() => stageConfig({ stage: 'prod', apiCertificateArn: CERTIFICATE })).toThrow(/both/);
    expect(() => stageConfig({ stage: 'prod', apiDomainName: API_HOST, apiCertificateArn: CERTIFICATE.replace('eu-north-1', 'us-east-1') })).toThrow(/own region, eu-north-1/);
    expect(() => stageConfig({ stage: 'prod', apiDomainName: 'https://api.example.dk/', apiCertificateArn: CERTIFICATE })).toThrow(/host name/);
    expect(() => stageConfig({ stage: 'prod', apiDomainName: API_HOST, apiCertificateArn: 'arn:aws:iam::123456789012:role/x' })).toThrow(/ACM certificate ARN/);
    expect(stageConfig({ stage: 'prod', region: 'eu-central-1', apiDomainName: API_HOST, apiCertificateArn: CERTIFICATE.replace('eu-north-1', 'eu-central-1') }).apiDomain?.domainName).toBe(API_HOST);
  });
});

describe('federation (issue 13, item 10)', () => {
  // Example values: the broker's metadata address and attribute name are the deployment's own.
  const SAML = { samlMetadataUrl: 'https://idp.example.dk/metadata.xml', federationOrgAttribute: 'https://data.gov.dk/model/core/eid/cvr', federationName: 'MitID-Erhverv' };
  let federated: Synthesized;
  beforeAll(() => {
    federated = synthesize('prod', { context: SAML });
  });
  const clientsOf = (s: Synthesized) => Object.values(resourcesOf(s.templates.data, 'AWS::Cognito::UserPoolClient')).map((c) => c.Properties);

  it('adds a SAML provider from context flags, maps the asserted organisation to the mutable custom:fedOrgId (never custom:orgId) and offers it to the web client', () => {
    const provider = only(resourcesOf(federated.templates.data, 'AWS::Cognito::UserPoolIdentityProvider')).Properties;
    expect(provider).toMatchObject({ ProviderType: 'SAML', ProviderName: 'MitID-Erhverv' });
    expect(provider.AttributeMapping['custom:fedOrgId']).toBe('https://data.gov.dk/model/core/eid/cvr');
    expect(provider.AttributeMapping).not.toHaveProperty('custom:orgId');
    federated.templates.data.hasResourceProperties('AWS::Cognito::UserPoolClient', { ClientName: 'web', SupportedIdentityProviders: ['COGNITO', { Ref: Match.stringLikeRegexp('^Saml') }] });
    const pool = only(resourcesOf(federated.templates.data, 'AWS::Cognito::UserPool')).Properties;
    expect(pool.Schema).toContainEqual(expect.objectContaining({ Name: 'fedOrgId', Mutable: true }));
  });

  it('lets the web client write exactly the mapped attributes (Cognito fails a federated sign-in otherwise), never custom:orgId, and hands no person the scope that could use it', () => {
    const mapped = Object.keys(only(resourcesOf(federated.templates.data, 'AWS::Cognito::UserPoolIdentityProvider')).Properties.AttributeMapping).sort();
    const web = clientsOf(federated).find((c) => c.ClientName === 'web')!;
    expect([...web.WriteAttributes].sort()).toEqual(mapped);
    expect(web.WriteAttributes).not.toContain('custom:orgId');
    // The token the API reads (the ID token) carries what the client may read: both attributes.
    expect(web.ReadAttributes).toEqual(expect.arrayContaining(['custom:fedOrgId', 'custom:orgId']));
    // Writing needs an access token with aws.cognito.signin.user.admin: hosted-UI tokens carry only these scopes, and no password flow is open.
    expect(web.AllowedOAuthScopes).toEqual(['openid', 'email', 'profile']);
    expect(web.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    const machine = clientsOf(federated).find((c) => c.ClientName === 'sst-summaries')!;
    expect(machine.WriteAttributes.filter((a: string) => a.startsWith('custom:'))).toEqual([]);
  });

  it('stays cdk-nag clean and no longer warns about the immutable organisation', () => {
    expect(federated.nagFindings).toEqual([]);
    expect(Annotations.fromStack(federated.data).findWarning('*', Match.stringLikeRegexp('immutable'))).toEqual([]);
  });

  it('refuses a federation flag without the attribute that names the organisation', async () => {
    const { buildApp } = await import('../../infra/app.ts');
    expect(() => buildApp({ stage: 'dev', bundle: false, context: { oidcIssuer: 'https://idp.example.dk' } })).toThrow(/federationOrgAttribute/);
  });
});
