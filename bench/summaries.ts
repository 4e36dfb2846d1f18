// Benchmark of the pure consolidation (no I/O): 100, 1,000 and 10,000 generated submissions
// per form, with free texts of realistic length (a few hundred to a few thousand characters),
// timed in CPU (user + system) and wall-clock time. Prints a table and writes JSON to
// bench/results/. The goal: 10,000 submissions in under 2 s of CPU, growing linearly.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { consolidate, finishSummary, type SummaryInput } from '#core/summary/aggregate';
import type { HeadLite, OrgContext } from '#core/summary/completeness';
import { planFromSchema, type FieldPlan, type SummaryPlan } from '#core/summary/plan';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORMS = ['kraeftplan-v-regional', 'kraeftplan-v-kommunal', 'psykiatriplan-status'];
const SIZES = [100, 1_000, 10_000];
const REGIONS = [
  ['region-1081', 'Region Nordjylland'],
  ['region-1082', 'Region Midtjylland'],
  ['region-1083', 'Region Syddanmark'],
  ['region-1084', 'Region Hovedstaden'],
  ['region-1085', 'Region Sjælland'],
] as const;

// Danish prose to cut answers from: the shipped example answers, repeated.
const CORPUS = (() => {
  const texts: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === 'string' && v.length > 40) texts.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const f of FORMS) collect(JSON.parse(readFileSync(path.join(ROOT, 'forms', f, 'example.v1.json'), 'utf8')));
  let corpus = texts.join(' ');
  while (corpus.length < 200_000) corpus += ` ${corpus}`;
  return corpus;
})();

/** A deterministic pseudo-random source, so every run measures the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function text(rand: () => number): string {
  // Lengths skewed like real answers: most a paragraph, some a page.
  const length = Math.floor(150 + rand() ** 2 * 2500);
  const start = Math.floor(rand() * (CORPUS.length - length));
  // A fresh string per answer (not a slice sharing the corpus), as parsed JSON would give.
  return `${CORPUS.slice(start, start + length)} `.trim() + String.fromCharCode(97 + Math.floor(rand() * 26));
}

function valueFor(plan: FieldPlan, rand: () => number): unknown {
  switch (plan.kind) {
    case 'choice':
      return plan.options.length ? plan.options[Math.floor(rand() * plan.options.length)]!.value : 'x';
    case 'number':
      return Math.round(rand() * 1000) / 10;
    case 'text':
      return text(rand);
    case 'list': {
      const ids = plan.itemOptions.length ? plan.itemOptions : [{ value: 'item', label: 'item' }];
      const count = Math.max(1, Math.floor(rand() * ids.length) + 1);
      const picked = [...ids].sort(() => rand() - 0.5).slice(0, count);
      return picked.map((o) => {
        const item: Record<string, unknown> = { [plan.itemKey]: o.value };
        for (const f of plan.fields) set(item, f.path, valueFor(f, rand));
        return item;
      });
    }
  }
}

function set(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = target;
  keys.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Record<string, unknown>));
  node[keys.at(-1)!] = value;
}

function answersFor(plan: SummaryPlan, rand: () => number): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const section of plan.sections) for (const f of section.fields) set(doc, f.path, valueFor(f, rand));
  // Unit fields are not planned (x-summary none) but are answered.
  return doc;
}

export function generate(formId: string, n: number): { input: SummaryInput; bytes: number } {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'forms', formId, 'v1.schema.json'), 'utf8'));
  const plan = planFromSchema(schema);
  const rand = rng(n * 31 + formId.length);
  const respondents: string[] = [];
  const organisations = new Map<string, OrgContext>();
  const heads: HeadLite[] = [];
  const answers = new Map<string, Record<string, unknown>>();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const orgId = `org-${String(i).padStart(5, '0')}`;
    const [regionId, regionName] = REGIONS[i % REGIONS.length]!;
    respondents.push(orgId);
    organisations.set(orgId, { orgId, orgName: `Organisation ${i}`, regionId, regionName });
    const r = rand();
    // Nine in ten have submitted (a few late, some accepted); the rest are drafts or missing.
    if (r < 0.9) {
      heads.push({ orgId, status: r < 0.3 ? 'accepted' : 'submitted', submittedAt: '2026-12-01T10:00:00.000Z', late: r < 0.05 });
      const doc = answersFor(plan, rand);
      bytes += JSON.stringify(doc).length;
      answers.set(orgId, doc);
    } else if (r < 0.95) heads.push({ orgId, status: 'draft' });
  }
  return {
    input: {
      round: { roundId: `bench-${formId}`, title: 'Bench', formId, formVersion: 1, period: '2026', respondentKind: 'region', respondentsAt: '2026-06-01', deadlineAt: '2026-12-15T22:59:59.999Z', respondents },
      formTitle: String(schema.title),
      plan,
      heads,
      answers,
      organisations,
      now: new Date('2026-12-20T12:00:00.000Z'),
    },
    bytes,
  };
}

interface Result {
  form: string;
  submissions: number;
  counted: number;
  answerBytes: number;
  cpuMs: number;
  wallMs: number;
  cpuUsPerSubmission: number;
  hashCpuMs: number;
  summaryBytes: number;
}

interface Measured {
  cpuMs: number;
  wallMs: number;
  hashCpuMs: number;
  summaryBytes: number;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// A full collection before each timed run, so no run pays for the garbage of the one before
// (generating 10,000 answer documents leaves a lot).
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Best of `repeats`: the consolidation timed alone, then hashing for storage timed apart. */
function measure(input: SummaryInput, repeats: number): Measured {
  let best: Measured = { cpuMs: Infinity, wallMs: Infinity, hashCpuMs: Infinity, summaryBytes: 0 };
  for (let i = 0; i < repeats; i++) {
    collectGarbage();
    const c0 = cpuNow();
    const t0 = performance.now();
    const body = consolidate(input);
    const wallMs = performance.now() - t0;
    const c1 = cpuNow();
    const summary = finishSummary(body, input.now);
    const hashCpuMs = cpuNow() - c1;
    if (c1 - c0 < best.cpuMs) best = { cpuMs: c1 - c0, wallMs, hashCpuMs, summaryBytes: best.summaryBytes || JSON.stringify(summary).length };
  }
  return best;
}

export async function run(args: string[]): Promise<void> {
  const repeats = Number(args.find((a) => a.startsWith('--repeats='))?.split('=')[1] ?? 3);
  const results: Result[] = [];
  // Warm-up: let V8 compile the hot paths before anything is timed.
  measure(generate(FORMS[0]!, 200).input, 3);
  for (const form of FORMS) {
    for (const n of SIZES) {
      const { input, bytes } = generate(form, n);
      const m = measure(input, repeats);
      results.push({
        form,
        submissions: n,
        counted: input.answers.size,
        answerBytes: bytes,
        cpuMs: round(m.cpuMs),
        wallMs: round(m.wallMs),
        cpuUsPerSubmission: round((m.cpuMs * 1000) / n),
        hashCpuMs: round(m.hashCpuMs),
        summaryBytes: m.summaryBytes,
      });
    }
  }

  const pad = (s: string | number, w: number) => String(s).padStart(w);
  console.log(`\nSummary build (pure consolidation, no I/O), best of ${repeats}, node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores`);
  console.log('CPU ms = user + system time of the consolidation; hash ms = sha256 of the result for storage, measured apart.');
  console.log(`${'form'.padEnd(24)}${pad('submissions', 12)}${pad('answers MB', 12)}${pad('CPU ms', 10)}${pad('wall ms', 10)}${pad('µs/subm.', 10)}${pad('hash ms', 10)}${pad('summary MB', 12)}`);
  for (const r of results) {
    console.log(
      `${r.form.padEnd(24)}${pad(r.submissions.toLocaleString('en'), 12)}${pad((r.answerBytes / 1e6).toFixed(1), 12)}${pad(r.cpuMs.toFixed(1), 10)}${pad(r.wallMs.toFixed(1), 10)}${pad(r.cpuUsPerSubmission.toFixed(1), 10)}${pad(r.hashCpuMs.toFixed(1), 10)}${pad((r.summaryBytes / 1e6).toFixed(1), 12)}`,
    );
  }
  const verdicts = FORMS.map((form) => {
    const big = results.find((r) => r.form === form && r.submissions === 10_000)!;
    const mid = results.find((r) => r.form === form && r.submissions === 1_000)!;
    const growth = big.cpuMs / mid.cpuMs;
    const withHash = round(big.cpuMs + big.hashCpuMs);
    return { form, cpuMs10k: big.cpuMs, cpuMs10kWithHash: withHash, under2s: withHash < 2000, growth1kTo10k: round(growth) };
  });
  console.log('');
  for (const v of verdicts) {
    console.log(
      `${v.form}: 10,000 consolidate in ${v.cpuMs10k.toFixed(0)} ms CPU, ${v.cpuMs10kWithHash.toFixed(0)} ms with the hash (${v.under2s ? 'under' : 'OVER'} 2 s); 1,000 → 10,000 costs ×${v.growth1kTo10k} (linear is ×10)`,
    );
  }

  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `summaries-${new Date().toISOString().replace(/[-:.]/g, '')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, repeats, results, verdicts }, null, 2));
  console.log(`\nwritten ${path.relative(ROOT, file)}`);
}

const round = (x: number) => Math.round(x * 10) / 10;
