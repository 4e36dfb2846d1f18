// Runs what CDK uploads: each function's asset from the bundled cloud assembly (cdk.out/asset.*,
// shared with bundle.test.ts), started in a fresh Node process with exactly the variables its
// AWS::Lambda::Function has in the synthesized template (NODE_OPTIONS included), the table and
// bucket references pointed at the local engines and SES at a local stand-in (local/lambda-env.ts).
// Each answers one real event that touches what its wiring grants. It catches drift between the
// CDK wiring and the code (a variable the template lacks, a file the asset lacks, a module the
// bundle cannot load) that no in-process test sees.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ulid } from 'ulid';
import { ROUTES, routeKey, type RouteSpec } from '#functions/routes';
import { buildDeps, storageConfigFromEnv } from '#functions/composition';
import { openApiDocument } from '#functions/openapi';
import { createRound } from '#core/rounds-service';
import { saveDraft } from '#core/submissions-service';
import { sstIdentity } from '#core/identity';
import { addDanishDays } from '#core/danish-time';
import { createPublication } from '#core/publications-service';
import { buildPublicationDeps } from '#functions/publications-composition';
import { exampleAnswers } from '../../local/seed.ts';
import { lambdaEnvironment } from '../../local/lambda-env.ts';
import { startSesStub, type SesStub } from '../../local/ses-stub.ts';
import { bundledAssembly, type DeployedFunction } from './bundled-synth.ts';

interface Answer {
  statusCode?: number;
  body?: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
  [key: string]: unknown;
}
interface Run {
  answers: Answer[];
  /** Per event: whether each lazy file was in Node's module cache before it and after it. */
  lazy: { before: boolean; after: boolean }[];
}

let functions: Map<string, DeployedFunction>;
let ses: SesStub;
const orgId = 'kommune-101';
let roundId: string;
let publicationId: string;
let deps: ReturnType<typeof buildDeps>;

const SST_ADMIN = { sub: 'smoke', name: 'Smoke Test', 'cognito:groups': '[sst-admin]' };

/** An API Gateway v2 event for the route `operationId`, as the JWT authorizer passes an SST administrator (or `request.claims`). */
function eventFor(
  operationId: string,
  values: Record<string, string>,
  query?: Record<string, string>,
  request: { claims?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
): unknown {
  const route = (ROUTES as readonly RouteSpec[]).find((r) => r.operationId === operationId)!;
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_m, n: string) => values[n]!);
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath,
    rawQueryString: query ? new URLSearchParams(query).toString() : '',
    headers: { accept: 'application/json', ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers },
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    ...(query ? { queryStringParameters: query } : {}),
    ...(names.length ? { pathParameters: Object.fromEntries(names.map((n) => [n, values[n]!])) } : {}),
    requestContext: {
      http: { method: route.method, path: rawPath },
      routeKey: routeKey(route),
      authorizer: { jwt: { claims: request.claims ?? SST_ADMIN, scopes: null } },
    },
    isBase64Encoded: false,
  };
}

/** Starts the asset of `name` in a fresh Node process and hands it `events`, one after another. */
async function runDeployed(name: string, events: unknown[], lazyFiles: string[] = []): Promise<Run> {
  const fn = functions.get(name)!;
  const file = path.join(fn.assetDir, 'index.js');
  const env = lambdaEnvironment(fn, { engines: inject('stackEnv'), sesEndpoint: ses.endpoint, taskRoot: fn.assetDir });
  const lazy = lazyFiles.map((f) => path.join(fn.assetDir, f));
  const script = `
    const { createRequire } = await import('node:module');
    const cache = createRequire(${JSON.stringify(file)}).cache;
    const loaded = () => ${JSON.stringify(lazy)}.every((f) => f in cache);
    const m = await import(${JSON.stringify(file)});
    const out = { answers: [], lazy: [] };
    for (const event of ${JSON.stringify(events)}) {
      const before = loaded();
      out.answers.push(await m.handler(event, { getRemainingTimeInMillis: () => 15000, awsRequestId: 'smoke', functionName: ${JSON.stringify(name)} }));
      out.lazy.push({ before, after: loaded() });
    }
    process.stdout.write('\\n@@run ' + JSON.stringify(out) + '\\n');`;
  // The asset folder as working directory, as on Lambda (/var/task); nothing of this process's environment.
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env, cwd: fn.assetDir, encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = stdout.split('\n').findLast((l) => l.startsWith('@@run '));
  if (!line) throw new Error(`${name} printed no result: ${stdout.slice(-1000)}`);
  return JSON.parse(line.slice('@@run '.length)) as Run;
}

const ok = (run: Run, i = 0) => {
  const a = run.answers[i]!;
  expect(a.statusCode, a.body?.slice(0, 500)).toBe(200);
  return a;
};

beforeAll(async () => {
  functions = new Map(bundledAssembly().functions.map((f) => [f.name, f]));
  ses = await startSesStub();
  deps = buildDeps(storageConfigFromEnv());
  const now = new Date();
  const round = await createRound(deps, sstIdentity('smoke', 'sst-admin'), {
    roundId: `smoke-${ulid().toLowerCase()}`,
    formId: 'kraeftplan-v-kommunal',
    period: '2026',
    opensAt: addDanishDays(now, -1).toISOString(),
    deadline: addDanishDays(now, 30).toISOString(),
    respondentsAt: '2026-06-01',
  });
  roundId = round.roundId;
  const reporter = { subject: 'smoke', name: 'Smoke Test', role: 'reporter' as const, orgId, scopes: [] };
  await saveDraft(deps, reporter, roundId, orgId, exampleAnswers('kraeftplan-v-kommunal'), undefined);
  const publication = await createPublication(buildPublicationDeps(deps, storageConfigFromEnv()), sstIdentity('smoke', 'sst-admin'), { template: 'blank', title: 'Røgtest af publikationer', authors: [] });
  publicationId = publication.publicationId;
}, 300_000);

afterAll(async () => {
  await ses?.stop();
});

const values = () => ({ roundId, orgId, formId: 'kraeftplan-v-kommunal', version: '1' });

describe('deployed artefacts, as CDK uploads them, with the variables of the template', () => {
  it('has an asset for every function and job of the template', () => {
    expect([...functions.keys()].sort()).toEqual(['attachments', 'audit', 'build-summaries', 'calendar', 'deadline-check', 'forms', 'meta', 'orgs', 'publications', 'rounds', 'submissions', 'summaries', 'sweep-content'].sort());
  });

  it('meta serves the OpenAPI document generated at build time, equal to the one the route table generates', async () => {
    const run = await runDeployed('meta', [eventFor('openapi', {}), eventFor('health', {})]);
    const doc = ok(run);
    expect(doc.headers?.['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(doc.body!)).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(JSON.parse(ok(run, 1).body!)).toEqual({ status: 'ok' });
  });

  it('orgs reads an organisation\'s contacts from the table', async () => {
    ok(await runDeployed('orgs', [eventFor('getContacts', values())]));
  });

  it('forms reads a published version and its schema', async () => {
    const body = JSON.parse(ok(await runDeployed('forms', [eventFor('getFormVersion', values())])).body!) as { schema?: unknown };
    expect(body.schema).toBeTruthy();
  });

  // The validation engine (Ajv, ajv-formats, re2js) is a file of its own in the asset
  // (infra/bundling.ts LAZY_MODULES): reads never load it, the first request that validates does.
  const ENGINE = ['lazy/form-validator.js'];

  it('forms loads the validation engine from its own file on the first preview only, never at cold start', async () => {
    const version = await deps.forms.getVersion('kraeftplan-v-kommunal', 1);
    const preview = eventFor('previewFormVersion', values(), undefined, { body: { schema: version!.schema } });
    const run = await runDeployed('forms', [eventFor('getFormVersion', values()), preview], ENGINE);
    ok(run, 0);
    // The schema checked in full (Ajv's meta-schema, every pattern compiled on RE2JS): a usable preview.
    expect(JSON.parse(ok(run, 1).body!)).toMatchObject({ schema: version!.schema });
    expect(run.lazy).toEqual([
      { before: false, after: false },
      { before: false, after: true },
    ]);
  });

  it('submissions loads the validation engine on the first save only, and refuses a wrong type through it', async () => {
    const reporter = { sub: 'smoke-reporter', name: 'Smoke Reporter', 'cognito:groups': '[reporter]', 'custom:orgId': orgId };
    const head = (await deps.submissions.getHead(roundId, orgId))!;
    const save = (answers: unknown) => eventFor('saveDraft', values(), undefined, { claims: reporter, body: { answers }, headers: { 'if-match': `"${head.etag}"` } });
    const answers = exampleAnswers('kraeftplan-v-kommunal');
    // A value of the wrong type for the first field: the engine must refuse it (422), not let it by.
    const [first] = Object.keys(answers);
    const run = await runDeployed('submissions', [eventFor('getSubmission', values()), save({ ...answers, [first!]: { not: 'a value of this field' } }), save(answers)], ENGINE);
    ok(run, 0);
    expect(run.answers[1]!.statusCode, run.answers[1]!.body).toBe(422);
    expect(JSON.parse(run.answers[1]!.body!)).toMatchObject({ type: expect.stringContaining('validation-failed') });
    expect(ok(run, 2).headers?.['etag']).toBeTruthy();
    expect(run.lazy).toEqual([
      { before: false, after: false },
      { before: false, after: true },
      { before: true, after: true },
    ]);
  });

  it('rounds reads the round', async () => {
    expect(JSON.parse(ok(await runDeployed('rounds', [eventFor('getRound', values())])).body!)).toMatchObject({ roundId });
  });

  it('submissions reads the report with its answers from the bucket', async () => {
    const body = JSON.parse(ok(await runDeployed('submissions', [eventFor('getSubmission', values())])).body!) as { answers?: object };
    expect(Object.keys(body.answers ?? {}).length).toBeGreaterThan(0);
  });

  it('audit reads the trail of the last hour', async () => {
    const query = { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const body = JSON.parse(ok(await runDeployed('audit', [eventFor('auditLog', {}, query)])).body!) as { items: unknown[] };
    expect(body.items.length).toBeGreaterThan(0);
  });

  it('attachments lists the report\'s attachments', async () => {
    ok(await runDeployed('attachments', [eventFor('listAttachments', values())]));
  });

  it('summaries loads exceljs from its own file on the first workbook only, never at cold start', async () => {
    const lazy = ['node_modules/exceljs/index.js'];
    const run = await runDeployed('summaries', [eventFor('getRoundStatus', values()), eventFor('getRoundSummary', values(), { format: 'xlsx' })], lazy);
    ok(run, 0);
    const xlsx = ok(run, 1);
    expect(xlsx.isBase64Encoded).toBe(true);
    expect(Buffer.from(xlsx.body!, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    expect(run.lazy).toEqual([
      { before: false, after: false },
      { before: false, after: true },
    ]);
  });

  it('publications loads the PDF maker from its own file on the first PDF only, never at cold start', async () => {
    const lazy = ['lazy/publication-pdf.js'];
    const run = await runDeployed('publications', [eventFor('getPublication', { publicationId }), eventFor('getPublication', { publicationId }, { format: 'pdf' })], lazy);
    expect(JSON.parse(ok(run, 0).body!)).toMatchObject({ publicationId, title: 'Røgtest af publikationer' });
    const pdf = ok(run, 1);
    expect(pdf.isBase64Encoded).toBe(true);
    expect(Buffer.from(pdf.body!, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(run.lazy).toEqual([
      { before: false, after: false },
      { before: false, after: true },
    ]);
  });

  it('calendar answers the year wheel', async () => {
    ok(await runDeployed('calendar', [eventFor('getCalendar', {})]));
  });

  // At a clock before every round opens: it reads the rounds, settings and claims from the table
  // and mails no one. At today's clock it would remind the other suites' rounds and claim their
  // reminders while their own deadline tests run.
  it('the deadline job runs against the table', async () => {
    const run = await runDeployed('deadline-check', [{ now: '2001-03-01T08:05:00.000Z' }]);
    expect(run.answers[0]).toMatchObject({ now: '2001-03-01T08:05:00.000Z', roundsChecked: 0, sent: 0, failed: 0 });
  });

  it('the nightly sweep lists answers documents in the bucket and removes none that are young', async () => {
    const run = await runDeployed('sweep-content', [{}]);
    expect(run.answers[0]).toMatchObject({ roundsChecked: expect.any(Number), objectsSeen: expect.any(Number), removed: 0 });
    expect((run.answers[0]!['objectsSeen'] as number) > 0).toBe(true);
  });

  // Only this suite's round: every other suite's open rounds would make it slower as they grow.
  it('the nightly summary job builds summaries from the table and bucket', async () => {
    const run = await runDeployed('build-summaries', [{ roundIds: [roundId] }]);
    expect(run.answers[0]).toMatchObject({ rounds: [{ roundId, contentHash: expect.any(String) }] });
    expect((run.answers[0]!['rounds'] as { error?: string }[])[0]!.error).toBeUndefined();
  });
});
