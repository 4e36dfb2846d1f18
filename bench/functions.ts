// `npm run bench` / `npm run bench -- functions [--quick] [--no-summaries]`: what each Lambda
// function costs. (1) Bundle size, built with the esbuild options CDK uses (infra/bundling.ts).
// (2) Cold start: a fresh Node process imports the bundle and answers one event, against a
// hello-world handler bundled and measured the same way in the same run (median of N runs, as a
// ratio). (3) Middleware overhead: the main routes in-process over the local engines, against a
// bare handler that makes the same storage calls (so the difference is parsing, validation,
// authorization and response writing). (4) Summary scaling: the summaries bench, if present.
// Table on stdout, JSON under bench/results/. Targets: bundle < 300 KB, cold start < 1.3×
// hello-world, overhead < 1.5 ms per request.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { ulid } from 'ulid';
import { AREAS, ROUTES, routeKey, routesOfArea, type RouteSpec } from '#functions/routes';
import { ESBUILD_SHARED, REPO_ROOT, handlerEntry, jobEntry } from '../infra/bundling.ts';
import { JOBS } from '../infra/access.ts';
import { startEngines } from '../local/stack.ts';
import type { SubmissionHead } from '#core/ports';

const TARGET_BYTES = 300 * 1024;
const TARGET_RATIO = 1.3;
const TARGET_OVERHEAD_MS = 1.5;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function bundle(entry: string, outfile: string): Promise<number> {
  await build({
    ...ESBUILD_SHARED,
    sourcemap: false,
    entryPoints: [entry],
    bundle: true,
    outfile,
    logLevel: 'error',
    absWorkingDir: REPO_ROOT,
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
  });
  return statSync(outfile).size;
}

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
async function coldStart(file: string, event: unknown, env: NodeJS.ProcessEnv): Promise<{ totalMs: number; importMs: number; status: number }> {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(file)});
    const t1 = performance.now();
    const r = await m.handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 15000, awsRequestId: 'bench' });
    const t2 = performance.now();
    process.stdout.write(JSON.stringify({ totalMs: t2, importMs: t1 - t0, status: r?.statusCode ?? 0 }));
    process.exit(0);`;
  // Asynchronous: s3rver runs in this process and must keep answering while the child runs.
  const { stdout: out } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  return JSON.parse(out) as { totalMs: number; importMs: number; status: number };
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const runs = quick ? 3 : 7;
  const engines = await startEngines();
  const { buildDeps, storageConfigFromEnv } = await import('#functions/composition');
  const { seedForms, exampleAnswers } = await import('../local/seed.ts');
  const { createRound } = await import('#core/rounds-service');
  const { saveDraft } = await import('#core/submissions-service');
  const { sstIdentity } = await import('#core/identity');
  const { addDanishDays } = await import('#core/danish-time');
  const deps = buildDeps(storageConfigFromEnv());
  await seedForms(deps);
  const now = new Date();
  const round = await createRound(deps, sstIdentity('bench', 'sst-admin'), {
    roundId: `bench-${ulid().toLowerCase()}`,
    formId: 'kraeftplan-v-kommunal',
    period: '2026',
    opensAt: addDanishDays(now, -1).toISOString(),
    deadline: addDanishDays(now, 30).toISOString(),
    respondentsAt: '2026-06-01',
  });
  const orgId = 'kommune-101';
  const reporter = { subject: 'bench', name: 'Bench', role: 'reporter' as const, orgId, scopes: [] };
  await saveDraft(deps, reporter, round.roundId, orgId, exampleAnswers('kraeftplan-v-kommunal'), undefined);
  const values = { roundId: round.roundId, orgId, formId: 'kraeftplan-v-kommunal', version: '1', revision: '1', other: '1' };

  const outdir = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-bench-'));
  const env = { ...process.env, ...engines.env, POWERTOOLS_LOG_LEVEL: 'ERROR' };
  try {
    // ---------- bundles and cold starts ----------
    const hello = path.join(outdir, 'hello.ts');
    writeFileSync(hello, "export const handler = async () => ({ statusCode: 200, body: 'hello' });\n");
    const helloFile = path.join(outdir, 'hello.cjs');
    const helloBytes = await bundle(hello, helloFile);
    /** `runs` fresh processes, one after another; medians, and every total for the record. */
    const coldStarts = async (file: string, event: unknown) => {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await coldStart(file, event, env));
      const totals = samples.map((x) => x.totalMs);
      return { coldMs: median(totals), importMs: median(samples.map((x) => x.importMs)), status: samples[0]!.status, totals };
    };
    const { coldMs: helloMs, totals: helloRuns } = await coldStarts(helloFile, {});

    // Floors: what the least possible handler costs on this machine, so the ratios can be read
    // against what is reachable at all (bench/floors/*.ts say what each one leaves out).
    const floors: { name: string; bytes: number; coldMs: number; ratio: number }[] = [];
    for (const floor of ['node-http', 'sdk-get']) {
      const file = path.join(outdir, `floor-${floor}.cjs`);
      const bytes = await bundle(path.join(REPO_ROOT, 'bench', 'floors', `${floor}.ts`), file);
      const { coldMs, status } = await coldStarts(file, {});
      if (status !== 200) throw new Error(`floor ${floor} answered ${status}`);
      floors.push({ name: `floor: ${floor}`, bytes, coldMs, ratio: coldMs / helloMs });
    }
    const sdkFloorMs = floors.find((f) => f.name === 'floor: sdk-get')!.coldMs;

    const fns: { name: string; kind: 'area' | 'job'; bytes: number; coldMs?: number; importMs?: number; ratio?: number; overFloor?: number; status?: number; route?: string }[] = [];
    for (const area of AREAS) {
      if (!existsSync(handlerEntry(area))) continue;
      const file = path.join(outdir, `${area}.cjs`);
      const bytes = await bundle(handlerEntry(area), file);
      const routes = routesOfArea(area);
      const route = routes.find((r) => r.method === 'GET' && !r.query) ?? routes.find((r) => r.method === 'GET') ?? routes[0]!;
      const { coldMs, importMs, status } = await coldStarts(file, eventFor(route, values));
      fns.push({
        name: area,
        kind: 'area',
        bytes,
        coldMs,
        importMs,
        ratio: coldMs / helloMs,
        // meta makes no storage call, so the SDK floor says nothing about it.
        ...(area !== 'meta' && { overFloor: coldMs / sdkFloorMs }),
        status,
        route: route.operationId,
      });
    }
    for (const job of JOBS) {
      if (!existsSync(jobEntry(job.name))) continue;
      // Jobs send mail and write summaries: only their size is measured here.
      fns.push({ name: job.name, kind: 'job', bytes: await bundle(jobEntry(job.name), path.join(outdir, `${job.name}.cjs`)) });
    }

    console.log(`\nBundles and cold starts (median of ${runs} fresh Node ${process.version} processes; hello-world ${kb(helloBytes)}, ${helloMs.toFixed(0)} ms)`);
    console.log(`${'function'.padEnd(20)}${'bundle'.padStart(9)}${'<300KB'.padStart(8)}${'cold ms'.padStart(9)}${'import'.padStart(8)}${'ratio'.padStart(7)}${'<1.3×'.padStart(7)}${'÷floor'.padStart(8)}  event`);
    for (const f of floors) {
      console.log(`${f.name.padEnd(20)}${kb(f.bytes).padStart(9)}${(f.bytes < TARGET_BYTES ? 'yes' : 'NO').padStart(8)}${f.coldMs.toFixed(0).padStart(9)}${'-'.padStart(8)}${f.ratio.toFixed(2).padStart(7)}${(f.ratio < TARGET_RATIO ? 'yes' : 'NO').padStart(7)}${'-'.padStart(8)}  one GetItem`);
    }
    for (const f of fns) {
      console.log(
        `${f.name.padEnd(20)}${kb(f.bytes).padStart(9)}${(f.bytes < TARGET_BYTES ? 'yes' : 'NO').padStart(8)}${(f.coldMs?.toFixed(0) ?? '-').padStart(9)}${(f.importMs?.toFixed(0) ?? '-').padStart(8)}${(f.ratio?.toFixed(2) ?? '-').padStart(7)}${(f.ratio === undefined ? '-' : f.ratio < TARGET_RATIO ? 'yes' : 'NO').padStart(7)}${(f.overFloor?.toFixed(2) ?? '-').padStart(8)}  ${f.route ? `${f.route} → ${f.status}` : 'size only'}`,
      );
    }
    console.log('÷floor: cold start over floor: sdk-get, the least handler that answers from storage with the bundled SDK.');

    // ---------- middleware overhead, in-process ----------
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
          await deps.rounds.get(round.roundId);
          // The report's head and its deadline extension, read side by side as the service does.
          const [head] = await Promise.all([deps.submissions.getHead(round.roundId, orgId), deps.extensions?.get(round.roundId, orgId)]);
          const content = await deps.submissions.readContent(head!.contentKey);
          return { statusCode: 200, body: JSON.stringify({ ...head, answers: content }) };
        },
      },
      {
        name: 'PUT draft',
        full: async () => {
          const head = (await deps.submissions.getHead(round.roundId, orgId))!;
          const t = performance.now();
          const r = await submissions(withClaims(eventFor(byId('saveDraft'), values), { answers }, { 'if-match': `"${head.etag}"` }), ctx);
          if (r.statusCode !== 200) throw new Error(`saveDraft answered ${r.statusCode}: ${r.body}`);
          return performance.now() - t;
        },
        bare: async () => {
          const head = (await deps.submissions.getHead(round.roundId, orgId))!;
          const t = performance.now();
          await deps.rounds.get(round.roundId);
          const [current] = (await Promise.all([deps.submissions.getHead(round.roundId, orgId), deps.extensions?.get(round.roundId, orgId)])) as [SubmissionHead, unknown];
          await deps.forms.getVersion('kraeftplan-v-kommunal', 1);
          const contentKey = await deps.submissions.putContent(round.roundId, orgId, current.revision + 1, answers);
          const at = new Date().toISOString();
          const next = { ...current, revision: current.revision + 1, etag: `${current.revision + 1}-${ulid().slice(-10).toLowerCase()}`, contentKey, updatedAt: at };
          await deps.submissions.commit({
            head: next,
            expectedEtag: head.etag,
            revision: { roundId: round.roundId, orgId, revision: next.revision, action: 'save', status: 'draft', savedAt: at, savedBy: 'Bench', contentKey },
            event: { at, id: ulid(), actor: 'Bench', actorOrgId: orgId, action: 'submission.save', subject: `round/${round.roundId}/submission/${orgId}`, roundId: round.roundId, orgId },
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
        bare: async () => ({ statusCode: 200, body: JSON.stringify(await statusOfRound(summaryDeps, round.roundId)) }),
      },
    ];

    const overhead: { route: string; fullP50: number; bareP50: number; fullMean: number; bareMean: number; overheadMs: number }[] = [];
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

    const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `functions-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        { measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs, helloWorld: { bytes: helloBytes, coldMs: helloMs, samples: helloRuns }, floors, functions: fns, overhead, targets: { bytes: TARGET_BYTES, ratio: TARGET_RATIO, overheadMs: TARGET_OVERHEAD_MS }, p95: pct },
        (k, v: unknown) => (k === 'p95' ? undefined : v),
        2,
      ),
    );
    console.log(`\nJSON: ${path.relative(REPO_ROOT, file)}`);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
    await engines.stop();
  }

  if (!args.includes('--no-summaries') && existsSync(path.join(REPO_ROOT, 'bench', 'summaries.ts'))) {
    console.log('\nSummary scaling (bench/summaries.ts)');
    await (await import('./summaries.ts')).run(quick ? ['--quick'] : []);
  }
}
