// `npm run bench -- load [--duration 60] [--orgs 100]`: the local stack under load on loopback.
// 100 organisations (the 98 municipalities and two regions) save drafts concurrently, each on
// its own ETag chain (a 412 would mean a reread; with one writer per organisation there should
// be none), while SST pulls summaries. Reports throughput, p50/p95/p99 latency and errors (must
// be 0), then checks that every acknowledged save is stored with its revision and answers.
// Not part of `npm test`. The API server runs in its own process, as Lambda would.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ulid } from 'ulid';
import { ROUTES, type RouteSpec } from '#functions/routes';
import { startEngines } from '../local/stack.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

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
    let next = 0;
    const saves = autocannon({
      url,
      connections: targets.length,
      duration,
      pipelining: 1,
      requests: [
        {
          setupRequest: (req: any, context: any) => {
            if (context.i === undefined) context.i = next++ % targets.length;
            const t = targets[context.i]!;
            const p = `/rounds/${t.round.roundId}/submissions/${t.orgId}`;
            const headers = { authorization: `Bearer ${tokens[context.i]}`, 'content-type': 'application/json' } as Record<string, string>;
            if (context.reread) return { ...req, method: 'GET', path: p, headers, body: undefined };
            context.n = (context.n ?? 0) + 1;
            context.marker = `${t.orgId}-${context.n}`;
            const body = JSON.stringify({ answers: { ...answers.get(t.round.formId), kontakt: { navn: context.marker, email: 'load@example.dk' } } });
            return { ...req, method: 'PUT', path: p, headers: { ...headers, ...(context.etag ? { 'if-match': context.etag } : {}) }, body };
          },
          onResponse: (status: number, body: string, context: any, headers: any) => {
            const list: string[] = Array.isArray(headers) ? headers : Object.entries(headers ?? {}).flat();
            const i = list.findIndex((h, j) => j % 2 === 0 && String(h).toLowerCase() === 'etag');
            const etag = i >= 0 ? String(list[i + 1]) : undefined;
            if (context.reread) {
              context.reread = false;
              if (etag) context.etag = etag;
              return;
            }
            if (status === 200) {
              context.etag = etag;
              const t = targets[context.i]!;
              acks.push({ orgId: t.orgId, roundId: t.round.roundId, revision: (JSON.parse(body) as { revision: number }).revision, marker: context.marker });
            } else if (status === 412) {
              rereads++;
              context.reread = true;
            }
          },
        },
      ],
    });
    const statusRoute = (ROUTES as readonly RouteSpec[]).find((r) => r.operationId === 'getRoundSummary') ? 'summary' : 'status';
    const pulls = autocannon({
      url: `${url}/rounds/${municipal.roundId}/${statusRoute}`,
      connections: 2,
      duration,
      headers: { authorization: `Bearer ${sst}` },
    });
    const [s, p] = (await Promise.all([saves, pulls])) as [autocannon.Result, autocannon.Result];

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

    const row = (name: string, r: autocannon.Result) => ({
      name,
      requests: r.requests.total,
      throughputPerSec: r.requests.average,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      non2xx: r.non2xx,
    });
    const rows = [row(`saves (${targets.length} organisations)`, s), row(`SST pulls /${statusRoute}`, p)];
    console.log(`\nLoad on loopback, ${duration} s, ${os.cpus().length} CPUs, Node ${process.version}`);
    console.log(`${'stream'.padEnd(30)}${'requests'.padStart(10)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p90 ms'.padStart(8)}${'p97.5'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(8)}`);
    for (const r of rows) console.log(`${r.name.padEnd(30)}${String(r.requests).padStart(10)}${r.throughputPerSec.toFixed(0).padStart(8)}${String(r.p50).padStart(8)}${String(r.p90).padStart(8)}${String(r.p97_5).padStart(8)}${String(r.p99).padStart(8)}${String(r.errors).padStart(8)}`);
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
