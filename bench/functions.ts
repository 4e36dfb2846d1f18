// `npm run bench` / `npm run bench -- functions [--quick] [--no-summaries] [--no-overhead]
// [--only a,b,…] [--profile] [--baseline DIR]`: what
// each Lambda function costs. (1) Bundle size: each function's asset built as CDK builds it
// (infra/lambda-extras.ts), the bytes read at cold start apart from the lazily loaded files.
// (2) Cold start: a fresh Node process, with the environment the synthesized template gives the
// function (NODE_OPTIONS included; local/lambda-env.ts), imports the bundle and answers one event.
// In the same run, round-robin: floors (hello-world, one request over node:http, and for each set
// of SDK clients a bare function, with the SDK's default credential chain and with the Lambda
// build's environment-only one), each function built with the SDK's default chain, and, with
// --baseline, earlier bundles (DIR/<name>/index.js). (3) Middleware overhead: the main routes
// in-process over the local engines, against a bare handler that makes the same storage calls
// (so the difference is parsing, validation, authorization and response writing). (4) Summary
// scaling: the summaries bench. Table on stdout, JSON under bench/results/. Targets (issue 18):
// cold-path bundle ≤ 450 KB; cold start ≤ 1.2× the SDK-default floor of the function's clients
// (meta ≤ 1.5× hello-world); overhead < 1.5 ms per request.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { AREAS, ROUTES, routeKey, routesOfArea, type RouteSpec } from '#functions/routes';
import { REPO_ROOT, handlerEntry, jobEntry } from '../infra/bundling.ts';
import { buildLambdaAsset } from '../infra/lambda-extras.ts';
import { AREA_ACCESS, JOBS, type Access } from '../infra/access.ts';
import { lambdaEnvironment, templateFunctions, type TemplateFunction } from '../local/lambda-env.ts';
import { startSesStub } from '../local/ses-stub.ts';
import { selfTimeByModule } from './cpu-profile.ts';
import { startEngines } from '../local/stack.ts';
import { seedBenchRound } from './seed-round.ts';
import type { SubmissionHead } from '#core/ports';

const TARGET_BYTES = 450 * 1024;
const TARGET_RATIO = 1.2;
const TARGET_META_RATIO = 1.5;
const TARGET_OVERHEAD_MS = 1.5;
type ClientSet = 'none' | 'ddb' | 'ddb-s3' | 'ddb-ses';
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** An API Gateway v2 event for `route` with SST administrator claims (the authorizer's output). */
function eventFor(route: RouteSpec, values: Record<string, string>): unknown {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pathParameters = Object.fromEntries(names.map((n) => [n, values[n] ?? 'x']));
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_m, n: string) => values[n] ?? 'x');
  const query = route.operationId === 'auditLog' ? { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date().toISOString() } : undefined;
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    ...(query ? { queryStringParameters: query } : {}),
    ...(names.length ? { pathParameters } : {}),
    requestContext: {
      http: { method: route.method, path: rawPath },
      routeKey: routeKey(route),
      authorizer: { jwt: { claims: { sub: 'bench', name: 'Bench', 'cognito:groups': '[sst-admin]' }, scopes: null } },
    },
    isBase64Encoded: false,
  };
}

/** Milliseconds from process start until the first answer, in a fresh Node process. */
async function coldStart(file: string, event: unknown, env: Record<string, string>, nodeArgs: string[] = []): Promise<{ totalMs: number; importMs: number; status: number }> {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(file)});
    const t1 = performance.now();
    const r = await m.handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 15000, awsRequestId: 'bench' });
    const t2 = performance.now();
    process.stdout.write('\\n@@cold-start ' + JSON.stringify({ totalMs: t2, importMs: t1 - t0, status: r?.statusCode ?? 0 }) + '\\n');
    process.exit(0);`;
  // Asynchronous: s3rver runs in this process and must keep answering while the child runs.
  // The bundle's folder as working directory, as on Lambda (/var/task).
  const { stdout: out } = await promisify(execFile)(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { env, cwd: path.dirname(file), encoding: 'utf8' });
  // The function's own logs (jobs log to stdout) come before the measurement line.
  const line = out.split('\n').findLast((l) => l.startsWith('@@cold-start '));
  if (!line) throw new Error(`no measurement from ${file}: ${out.slice(-500)}`);
  return JSON.parse(line.slice('@@cold-start '.length)) as { totalMs: number; importMs: number; status: number };
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const baselineAt = args.indexOf('--baseline');
  const baseline = baselineAt >= 0 ? path.resolve(args[baselineAt + 1] ?? '') : undefined;
  const runs = quick ? 3 : 7;
  // --only: these functions and jobs (with the floors they are measured against), not all.
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',').filter(Boolean)) : undefined;
  const engines = await startEngines();
  const { exampleAnswers } = await import('../local/seed.ts');
  const { saveDraft } = await import('#core/submissions-service');
  const { storageConfigFromEnv } = await import('#functions/composition');
  const { sstIdentity } = await import('#core/identity');
  const { deps, roundId } = await seedBenchRound('bench');
  const orgId = 'kommune-101';
  const reporter = { subject: 'bench', name: 'Bench', role: 'reporter' as const, orgId, scopes: [] };
  await saveDraft(deps, reporter, roundId, orgId, exampleAnswers('kraeftplan-v-kommunal'), undefined);
  const values = { roundId: roundId, orgId, formId: 'kraeftplan-v-kommunal', version: '1', revision: '1', other: '1' };

  const outdir = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-bench-'));
  const ses = await startSesStub();
  const profiles: { function: string; coldMs: number; top: { module: string; ms: number }[] }[] = [];
  try {
    // ---------- bundles and cold starts, as deployed ----------
    // Every bundle runs with the environment its function has in the synthesized template
    // (NODE_OPTIONS, names, log level), references resolved to the local engines (local/lambda-env.ts).
    const template = templateFunctions().filter((f) => !only || only.has(f.name));
    if (only && template.length !== only.size) throw new Error(`--only: no function named ${[...only].filter((n) => !template.some((f) => f.name === n)).join(', ')}`);
    const deployedEnv = (fn: TemplateFunction, dir: string) =>
      lambdaEnvironment(fn, { engines: engines.env, sesEndpoint: ses.endpoint, taskRoot: dir });
    const clientsOf = (access: Access | undefined): ClientSet => (!access?.table ? 'none' : access.bucket ? 'ddb-s3' : access.email ? 'ddb-ses' : 'ddb');
    const accessOf = (name: string) => AREA_ACCESS[name] ?? JOBS.find((j) => j.name === name)?.access;
    // A floor runs with the variables of a function that uses the same clients.
    const allTemplate = templateFunctions();
    const floorTemplate = (clients: ClientSet): TemplateFunction => allTemplate.find((f) => clientsOf(accessOf(f.name)) === clients) ?? allTemplate.find((f) => f.name === 'calendar')!;

    const hello = path.join(outdir, 'hello.ts');
    writeFileSync(hello, "export const handler = async () => ({ statusCode: 200, body: 'hello' });\n");
    interface Subject {
      name: string;
      variant: 'before' | 'sdk-default' | 'deployed';
      dir: string;
      env: Record<string, string>;
      event: unknown;
      coldBytes: number;
      lazyBytes: number;
      samples: { totalMs: number; importMs: number; status: number }[];
    }
    const subjects: Subject[] = [];
    const add = async (name: string, variant: Subject['variant'], entry: string, tf: TemplateFunction, event: unknown) => {
      const dir = path.join(outdir, variant, name);
      const built = await buildLambdaAsset(entry, dir, { credentials: variant === 'sdk-default' ? 'sdk-default' : 'env' });
      subjects.push({ name, variant, dir, env: deployedEnv(tf, dir), event, coldBytes: built.coldBytes, lazyBytes: built.lazyBytes, samples: [] });
    };
    await add('hello-world', 'deployed', hello, floorTemplate('none'), {});
    await add('node:http', 'deployed', path.join(REPO_ROOT, 'bench', 'floors', 'node-http.ts'), floorTemplate('ddb'), {});
    for (const clients of ['ddb', 'ddb-s3', 'ddb-ses'] as const) {
      for (const variant of ['sdk-default', 'deployed'] as const) await add(`floor ${clients}`, variant, path.join(REPO_ROOT, 'bench', 'floors', `sdk-${clients}.ts`), floorTemplate(clients), {});
    }
    const events = new Map<string, unknown>();
    const routeOf = new Map<string, string>();
    for (const tf of template) {
      let entry: string;
      if (tf.kind === 'area') {
        const area = AREAS.find((a) => a === tf.name)!;
        const routes = routesOfArea(area);
        const route = routes.find((r) => r.method === 'GET' && !r.query) ?? routes.find((r) => r.method === 'GET') ?? routes[0]!;
        events.set(tf.name, eventFor(route, values));
        routeOf.set(tf.name, route.operationId);
        entry = handlerEntry(tf.name);
      } else {
        // The scheduler's input; the clock is the bench's.
        events.set(tf.name, {});
        routeOf.set(tf.name, 'scheduled run');
        entry = jobEntry(tf.name);
      }
      for (const variant of ['sdk-default', 'deployed'] as const) await add(tf.name, variant, entry, tf, events.get(tf.name));
      if (baseline && existsSync(path.join(baseline, tf.name, 'index.js'))) {
        const dir = path.join(baseline, tf.name);
        subjects.push({ name: tf.name, variant: 'before', dir, env: deployedEnv(tf, dir), event: events.get(tf.name), coldBytes: statSync(path.join(dir, 'index.js')).size, lazyBytes: 0, samples: [] });
      }
    }
    // Round-robin over every bundle, `runs` times: drift in the machine's load hits all alike.
    for (let i = 0; i < runs; i++) for (const s of subjects) s.samples.push(await coldStart(path.join(s.dir, 'index.js'), s.event, s.env));
    const stat = (s: Subject) => ({ coldMs: median(s.samples.map((x) => x.totalMs)), importMs: median(s.samples.map((x) => x.importMs)), status: s.samples[0]!.status });
    const find = (name: string, variant: Subject['variant']) => subjects.find((s) => s.name === name && s.variant === variant);
    const helloMs = stat(find('hello-world', 'deployed')!).coldMs;
    const floorMs = (clients: ClientSet) => (clients === 'none' ? helloMs : stat(find(`floor ${clients}`, 'sdk-default')!).coldMs);
    for (const s of subjects) if (stat(s).status !== 200 && !events.has(s.name)) throw new Error(`${s.name} (${s.variant}) answered ${stat(s).status}`);

    const fns = template.map((tf) => {
      const clients = clientsOf(accessOf(tf.name));
      const now = find(tf.name, 'deployed')!;
      const def = find(tf.name, 'sdk-default')!;
      const before = find(tf.name, 'before');
      const target = tf.name === 'meta' ? TARGET_META_RATIO : TARGET_RATIO;
      return {
        name: tf.name,
        kind: tf.kind,
        clients,
        coldBytes: now.coldBytes,
        lazyBytes: now.lazyBytes,
        ...stat(now),
        sdkDefault: { coldBytes: def.coldBytes, ...stat(def) },
        ...(before ? { before: { coldBytes: before.coldBytes, ...stat(before) } } : {}),
        floorMs: floorMs(clients),
        overFloor: stat(now).coldMs / floorMs(clients),
        target,
        event: routeOf.get(tf.name),
      };
    });
    const floors = subjects.filter((s) => !events.has(s.name)).map((s) => ({ name: s.name, variant: s.variant, coldBytes: s.coldBytes, ...stat(s), ratio: stat(s).coldMs / helloMs }));

    const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
    console.log(`\nFloors (median of ${runs} fresh Node ${process.version} processes each, round-robin; load average ${load})`);
    console.log(`${'floor'.padEnd(16)}${'credentials'.padEnd(14)}${'bundle'.padStart(9)}${'cold ms'.padStart(9)}${'import'.padStart(8)}${'×hello'.padStart(8)}`);
    for (const f of floors) {
      console.log(`${f.name.padEnd(16)}${(f.variant === 'deployed' && f.name.startsWith('floor') ? 'env only' : f.name.startsWith('floor') ? 'SDK default' : '-').padEnd(14)}${kb(f.coldBytes).padStart(9)}${f.coldMs.toFixed(0).padStart(9)}${f.importMs.toFixed(0).padStart(8)}${f.ratio.toFixed(2).padStart(8)}`);
    }
    console.log(`\nFunctions as deployed (env-only credentials), against the SDK-default floor of the clients each uses`);
    console.log(
      `${'function'.padEnd(16)}${'clients'.padEnd(9)}${'cold KB'.padStart(9)}${'lazy KB'.padStart(9)}${'≤450'.padStart(6)}${'cold ms'.padStart(9)}${'import'.padStart(8)}${'÷floor'.padStart(8)}${'target'.padStart(8)}${'met'.padStart(5)}   ${'SDK-default ms'.padStart(14)}${'before ms'.padStart(11)}${'before KB'.padStart(11)}  event`,
    );
    for (const f of fns) {
      console.log(
        `${f.name.padEnd(16)}${f.clients.padEnd(9)}${kb(f.coldBytes).padStart(9)}${kb(f.lazyBytes).padStart(9)}${(f.coldBytes <= TARGET_BYTES ? 'yes' : 'NO').padStart(6)}${f.coldMs.toFixed(0).padStart(9)}${f.importMs.toFixed(0).padStart(8)}${f.overFloor.toFixed(2).padStart(8)}${`≤${f.target}`.padStart(8)}${(f.overFloor <= f.target ? 'yes' : 'NO').padStart(5)}   ${f.sdkDefault.coldMs.toFixed(0).padStart(14)}${(f.before?.coldMs.toFixed(0) ?? '-').padStart(11)}${(f.before ? kb(f.before.coldBytes) : '-').padStart(11)}  ${f.event} → ${f.status}`,
      );
    }
    console.log(`÷floor: cold start over the SDK-default floor of the function's clients (hello-world for none; meta's target is ${TARGET_META_RATIO}× hello-world).`);
    console.log(`SDK-default: the same code built with the SDK's own credential chain; before: ${baseline ? `the bundles in ${baseline}` : 'pass --baseline DIR (bundles as <name>/index.js) to measure an earlier build'}.`);

    // ---------- where the slowest cold starts spend their time ----------
    // With --only, every function named; otherwise the three slowest.
    if (args.includes('--profile')) {
      const slowest = only ? fns : [...fns].sort((a, b) => b.coldMs - a.coldMs).slice(0, 3);
      for (const f of slowest) {
        const s = find(f.name, 'deployed')!;
        const dir = mkdtempSync(path.join(outdir, 'prof-'));
        // A finer sampling interval than the default 1 ms: a cold start is only a few hundred of them.
        await coldStart(path.join(s.dir, 'index.js'), s.event, s.env, ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${dir}`]);
        const file = readdirSync(dir).find((n) => n.endsWith('.cpuprofile'))!;
        const top = selfTimeByModule(path.join(dir, file), s.dir).slice(0, 16);
        profiles.push({ function: f.name, coldMs: f.coldMs, top });
        console.log(`\nCPU profile of one cold start of ${f.name} (${f.coldMs.toFixed(0)} ms median): self time by module`);
        for (const t of top) console.log(`  ${t.module.padEnd(44)}${t.ms.toFixed(1).padStart(8)} ms`);
      }
    }

    // ---------- middleware overhead, in-process ----------
    const overhead: { route: string; fullP50: number; bareP50: number; fullMean: number; bareMean: number; overheadMs: number }[] = [];
    if (!args.includes('--no-overhead')) {
      const { handler: submissions } = (await import('#handlers/submissions')) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode?: number; body?: string }> };
      const ctx = { getRemainingTimeInMillis: () => 15000, awsRequestId: 'bench' };
      const claims = { sub: 'bench', name: 'Bench', 'cognito:groups': '[reporter]', 'custom:orgId': orgId };
      const byId = (id: string) => (ROUTES as readonly RouteSpec[]).find((r) => r.operationId === id)!;
      const withClaims = (e: any, body?: unknown, headers: Record<string, string> = {}) => ({
        ...e,
        headers: { ...e.headers, ...headers },
        requestContext: { ...e.requestContext, authorizer: { jwt: { claims, scopes: null } } },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const answers = exampleAnswers('kraeftplan-v-kommunal');
      const iterations = quick ? 100 : 400;
      // SST's reads: the edge's cost over calling the core service directly (same storage calls,
      // same domain work), so the difference is parsing, authorization and response writing.
      const { handler: rounds } = (await import('#handlers/rounds')) as { handler: typeof submissions };
      const { handler: summaries } = (await import('#handlers/summaries')) as { handler: typeof submissions };
      const { listRounds } = await import('#core/rounds-service');
      const { statusOfRound } = await import('#core/summary/service');
      const { buildSummaryDeps } = await import('#store/summary-store');
      const summaryDeps = buildSummaryDeps(deps, storageConfigFromEnv());
      const sst = sstIdentity('bench', 'sst-admin');
      const answered = (r: { statusCode?: number; body?: string }) => {
        if (r.statusCode !== 200) throw new Error(`answered ${r.statusCode}: ${r.body}`);
        return r;
      };

      const cases = [
        {
          name: 'GET submission',
          full: async () => submissions(withClaims(eventFor(byId('getSubmission'), values)), ctx),
          bare: async () => {
            await deps.rounds.get(roundId);
            // The report's head and its deadline extension, read side by side as the service does.
            const [head] = await Promise.all([deps.submissions.getHead(roundId, orgId), deps.extensions?.get(roundId, orgId)]);
            const content = await deps.submissions.readContent(head!.contentKey);
            return { statusCode: 200, body: JSON.stringify({ ...head, answers: content }) };
          },
        },
        {
          name: 'PUT draft',
          full: async () => {
            const head = (await deps.submissions.getHead(roundId, orgId))!;
            const t = performance.now();
            const r = await submissions(withClaims(eventFor(byId('saveDraft'), values), { answers }, { 'if-match': `"${head.etag}"` }), ctx);
            if (r.statusCode !== 200) throw new Error(`saveDraft answered ${r.statusCode}: ${r.body}`);
            return performance.now() - t;
          },
          bare: async () => {
            const head = (await deps.submissions.getHead(roundId, orgId))!;
            const t = performance.now();
            await deps.rounds.get(roundId);
            const [current] = (await Promise.all([deps.submissions.getHead(roundId, orgId), deps.extensions?.get(roundId, orgId)])) as [SubmissionHead, unknown];
            await deps.forms.getVersion('kraeftplan-v-kommunal', 1);
            const contentKey = await deps.submissions.putContent(roundId, orgId, current.revision + 1, answers);
            const at = new Date().toISOString();
            const next = { ...current, revision: current.revision + 1, etag: `${current.revision + 1}-${ulid().slice(-10).toLowerCase()}`, contentKey, updatedAt: at };
            await deps.submissions.commit({
              head: next,
              expectedEtag: head.etag,
              revision: { roundId: roundId, orgId, revision: next.revision, action: 'save', status: 'draft', savedAt: at, savedBy: 'Bench', contentKey },
              event: { at, id: ulid(), actor: 'Bench', actorOrgId: orgId, action: 'submission.save', subject: `round/${roundId}/submission/${orgId}`, roundId: roundId, orgId },
            });
            JSON.stringify({ ...next, answers });
            return performance.now() - t;
          },
        },
        {
          name: 'GET rounds',
          full: async () => answered(await rounds(eventFor(byId('listRounds'), values), ctx)),
          bare: async () => ({ statusCode: 200, body: JSON.stringify({ items: await listRounds(deps, sst) }) }),
        },
        {
          name: 'GET status',
          full: async () => answered(await summaries(eventFor(byId('getRoundStatus'), values), ctx)),
          bare: async () => ({ statusCode: 200, body: JSON.stringify(await statusOfRound(summaryDeps, roundId)) }),
        },
      ];

      for (const c of cases) {
        const full: number[] = [];
        const bare: number[] = [];
        for (let i = 0; i < 20; i++) {
          await c.full();
          await c.bare();
        }
        // Interleaved, so drift in the engines hits both sides alike.
        for (let i = 0; i < iterations; i++) {
          for (const [fn, into] of [[c.full, full], [c.bare, bare]] as const) {
            const t = performance.now();
            const inner = await fn();
            into.push(typeof inner === 'number' ? inner : performance.now() - t);
          }
        }
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        overhead.push({ route: c.name, fullP50: median(full), bareP50: median(bare), fullMean: mean(full), bareMean: mean(bare), overheadMs: median(full) - median(bare) });
      }
      console.log(`\nMiddleware overhead in-process over the local engines (${iterations} interleaved requests each)`);
      console.log(`${'route'.padEnd(16)}${'handler p50'.padStart(13)}${'bare p50'.padStart(10)}${'overhead'.padStart(10)}${'<1.5ms'.padStart(8)}`);
      for (const o of overhead) {
        console.log(`${o.route.padEnd(16)}${o.fullP50.toFixed(2).padStart(13)}${o.bareP50.toFixed(2).padStart(10)}${o.overheadMs.toFixed(2).padStart(10)}${(o.overheadMs < TARGET_OVERHEAD_MS ? 'yes' : 'NO').padStart(8)}`);
      }
    }

    const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `functions-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        { measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), runs, baseline, helloMs, floors, functions: fns, profiles, overhead, targets: { coldBytes: TARGET_BYTES, ratio: TARGET_RATIO, metaRatio: TARGET_META_RATIO, overheadMs: TARGET_OVERHEAD_MS }, p95: pct },
        (k, v: unknown) => (k === 'p95' ? undefined : v),
        2,
      ),
    );
    console.log(`\nJSON: ${path.relative(REPO_ROOT, file)}`);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
    await ses.stop();
    await engines.stop();
  }

  if (!args.includes('--no-summaries') && existsSync(path.join(REPO_ROOT, 'bench', 'summaries.ts'))) {
    console.log('\nSummary scaling (bench/summaries.ts)');
    await (await import('./summaries.ts')).run(quick ? ['--quick'] : []);
  }
}
