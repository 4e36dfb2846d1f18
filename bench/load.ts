// `npm run bench -- load [--duration 60] [--orgs 100]`: the local stack under load on loopback.
// 100 organisations (the 98 municipalities and two regions) save drafts concurrently, each on
// its own ETag chain (a 412 would mean a reread; with one writer per organisation there should
// be none), while SST pulls summaries. Reports throughput, p50/p95/p99 latency and errors (must
// be 0), then checks that every acknowledged save is stored with its revision and answers.
// Not part of `npm test`. The API server runs in its own process, as Lambda would; the load
// comes from keep-alive fetch loops on loopback (one per organisation, so each keeps its chain).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ulid } from 'ulid';
import { ROUTES, type RouteSpec } from '#functions/routes';
import { startEngines } from '../local/stack.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

interface Stream {
  latencies: number[];
  errors: number;
  statuses: Record<number, number>;
}

interface Ack {
  orgId: string;
  roundId: string;
  revision: number;
  marker: string;
}

export async function run(): Promise<void> {
  const duration = arg('duration', 60);
  const orgCount = arg('orgs', 100);
  const engines = await startEngines();
  const { buildDeps, storageConfigFromEnv } = await import('#functions/composition');
  const { seedForms, exampleAnswers } = await import('../local/seed.ts');
  const { createRound } = await import('#core/rounds-service');
  const { sstIdentity } = await import('#core/identity');
  const { addDanishDays } = await import('#core/danish-time');
  const deps = buildDeps(storageConfigFromEnv());
  await seedForms(deps);
  const now = new Date();
  const open = (formId: string) =>
    createRound(deps, sstIdentity('load', 'sst-admin'), {
      roundId: `load-${formId.slice(0, 20)}-${ulid().toLowerCase()}`,
      formId,
      period: '2026',
      opensAt: addDanishDays(now, -1).toISOString(),
      deadline: addDanishDays(now, 30).toISOString(),
      respondentsAt: '2026-06-01',
    });
  const municipal = await open('kraeftplan-v-kommunal');
  const regional = await open('kraeftplan-v-regional');
  const targets = [
    ...municipal.respondents.map((orgId) => ({ orgId, round: municipal })),
    ...regional.respondents.map((orgId) => ({ orgId, round: regional })),
  ].slice(0, orgCount);

  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'test/hardening/fixtures/child-server.ts')], {
    env: { ...process.env, ...engines.env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = (JSON.parse(await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))) as { url: string }).url;
    const token = async (body: object) =>
      ((await (await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { token: string }).token;
    const tokens = await Promise.all(targets.map((t) => token({ role: 'reporter', orgId: t.orgId })));
    const sst = await token({ role: 'sst-reader' });
    const answers = new Map([municipal, regional].map((r) => [r.formId, exampleAnswers(r.formId)]));

    const acks: Ack[] = [];
    let rereads = 0;
    const until = Date.now() + duration * 1000;
    const saveStats: Stream = { latencies: [], errors: 0, statuses: {} };
    const pullStats: Stream = { latencies: [], errors: 0, statuses: {} };
    const timed = async (stats: Stream, f: () => Promise<Response>): Promise<Response | undefined> => {
      const t = performance.now();
      try {
        const res = await f();
        stats.latencies.push(performance.now() - t);
        stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
        return res;
      } catch {
        stats.errors++;
        return undefined;
      }
    };
    // One loop per organisation: its own ETag chain, one request at a time, as a browser would.
    // (autocannon resets its per-connection context after every request when given a single
    // request template, so it cannot carry an ETag chain; plain keep-alive fetch loops can.)
    const saver = async (i: number) => {
      const t = targets[i]!;
      const p = `${url}/rounds/${t.round.roundId}/submissions/${t.orgId}`;
      const auth = { authorization: `Bearer ${tokens[i]}` };
      let etag: string | undefined;
      for (let n = 1; Date.now() < until; n++) {
        const marker = `${t.orgId}-${n}`;
        const body = JSON.stringify({ answers: { ...answers.get(t.round.formId), kontakt: { navn: marker, email: 'load@example.dk' } } });
        const res = await timed(saveStats, () => fetch(p, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) }, body }));
        if (!res) continue;
        const text = await res.text();
        if (res.status === 200) {
          etag = res.headers.get('etag') ?? undefined;
          acks.push({ orgId: t.orgId, roundId: t.round.roundId, revision: (JSON.parse(text) as { revision: number }).revision, marker });
        } else if (res.status === 412) {
          rereads++;
          const read = await timed(saveStats, () => fetch(p, { headers: auth }));
          etag = read?.headers.get('etag') ?? undefined;
          await read?.text();
        }
      }
    };
    const puller = async () => {
      while (Date.now() < until) {
        const res = await timed(pullStats, () => fetch(`${url}/rounds/${municipal.roundId}/${statusRoute}`, { headers: { authorization: `Bearer ${sst}` } }));
        await res?.text();
      }
    };
    const statusRoute = (ROUTES as readonly RouteSpec[]).find((r) => r.operationId === 'getRoundSummary') ? 'summary' : 'status';
    await Promise.all([...targets.map((_, i) => saver(i)), puller(), puller()]);

    // Consistency: every acknowledged save is stored with its revision and its answers.
    let lost = 0;
    for (let i = 0; i < acks.length; i += 50) {
      await Promise.all(
        acks.slice(i, i + 50).map(async (a) => {
          const rev = await deps.submissions.getRevision(a.roundId, a.orgId, a.revision);
          const content = rev ? await deps.submissions.readContent(rev.contentKey) : undefined;
          if ((content?.['kontakt'] as { navn?: string } | undefined)?.navn !== a.marker) lost++;
        }),
      );
    }
    let headsBehind = 0;
    for (const t of targets) {
      const last = acks.filter((a) => a.orgId === t.orgId).at(-1);
      const head = await deps.submissions.getHead(t.round.roundId, t.orgId);
      if (last && (head?.revision ?? 0) < last.revision) headsBehind++;
    }

    const row = (name: string, r: Stream) => {
      const sorted = [...r.latencies].sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
      const failed = r.errors + Object.entries(r.statuses).filter(([status]) => Number(status) >= 400 && Number(status) !== 412).reduce((sum, [, c]) => sum + c, 0);
      return { name, requests: sorted.length, throughputPerSec: sorted.length / duration, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors: failed, statuses: r.statuses };
    };
    const rows = [row(`saves (${targets.length} organisations)`, saveStats), row(`SST pulls /${statusRoute}`, pullStats)];
    console.log(`\nLoad on loopback, ${duration} s, ${os.cpus().length} CPUs, Node ${process.version}`);
    console.log(`${'stream'.padEnd(30)}${'requests'.padStart(10)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(8)}`);
    for (const r of rows) console.log(`${r.name.padEnd(30)}${String(r.requests).padStart(10)}${r.throughputPerSec.toFixed(0).padStart(8)}${String(r.p50).padStart(8)}${String(r.p95).padStart(8)}${String(r.p99).padStart(8)}${String(r.errors).padStart(8)}`);
    console.log(`acknowledged saves: ${acks.length}; rereads after 412: ${rereads}; lost or wrong: ${lost}; heads behind an acknowledged save: ${headsBehind}`);
    const dir = path.join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), duration, organisations: targets.length, streams: rows, acknowledged: acks.length, rereads, lost, headsBehind }, null, 2));
    console.log(`JSON: ${path.relative(ROOT, file)}`);
    if (lost > 0 || headsBehind > 0 || rows.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await engines.stop();
  }
}
