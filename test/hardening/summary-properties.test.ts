// Property tests for the summary engine (pure, no engines): for every shipped form, reports
// generated from the form's own schema, in every status, are consolidated, and each figure is
// checked against a direct computation over the same answers. What must hold whatever is sent:
// choice counts add up to the answers counted, the national figure is the sum of the regions,
// number statistics are the plain n/sum/min/max/mean, completeness balances and its rates are
// percentages, the order reports arrive in changes nothing (same content hash), every text
// answer appears exactly once under its organisation, nothing of a draft or a returned report
// leaks into the figures, a report is late only if no extension covers its submission, nothing
// that is a target or a share is summed, and flipping `x-better` mirrors every target's
// met/not-met counts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shippedForms } from '../../local/seed.ts';
import { regionOf } from '#core/registry';
import { buildRoundSummary } from '#core/summary/aggregate';
import type { ChoiceSummary, CompletenessFigures, FieldSummary, ListSummary, NumberSummary, RoundSummary, TextSummary } from '#core/summary/model';
import { withSummaryAnnotations } from '#core/summary/overlay';
import { summaryInput, type Json, type Reported } from '../support/summary-fixtures.ts';

type Schema = Record<string, any>;

const RUNS = 60;
const DEADLINE = Date.parse('2026-12-15T22:59:59.999Z');
/** Texts shared by several organisations, so "exactly once per organisation" is tested, not assumed. */
const COMMON_TEXTS = ['Ingen bemærkninger.', 'Se bilag.', 'Ærø og Østjylland følger efter – på vej.'];

/**
 * Answers shaped by `schema` (every key optional: drafts and partial reports are the point).
 * Numbers have at most two decimals, as forms collect them; choices now and then carry a value
 * outside the schema (an answer to another version); texts are sometimes blank.
 */
function arb(schema: Schema): fc.Arbitrary<unknown> {
  if (schema['oneOf']) {
    const values = (schema['oneOf'] as { const: unknown }[]).map((o) => o.const);
    return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constant('fra-en-anden-version') });
  }
  if (schema['enum']) return fc.constantFrom(...(schema['enum'] as unknown[]));
  switch (schema['type']) {
    case 'object': {
      const props = (schema['properties'] ?? {}) as Record<string, Schema>;
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arb(s)])), { requiredKeys: [] });
    }
    case 'array':
      return fc.array(arb(schema['items'] as Schema), { maxLength: 3 });
    case 'integer':
      return fc.integer({ min: schema['minimum'] ?? -1000, max: schema['maximum'] ?? 100_000 });
    case 'number':
      return fc.integer({ min: (schema['minimum'] ?? -1000) * 100, max: (schema['maximum'] ?? 100_000) * 100 }).map((c) => c / 100);
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema['format'] === 'email') return fc.constantFrom('a@b.dk', 'kontakt@kommune.dk');
      if (schema['pattern']) return fc.constantFrom('12 34 56 78', '+45 12345678');
      return fc.oneof(fc.constantFrom(...COMMON_TEXTS, '', '   '), fc.string({ minLength: 1, maxLength: 12 }));
    default:
      throw new Error(`the generator does not know ${JSON.stringify(schema).slice(0, 80)}: teach it`);
  }
}

const STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
// Counted reports twice as likely as the others, so a field often has several values to add up.
const statusArb = fc.constantFrom(...STATUSES, 'submitted', 'accepted');
const isCounted = (r: Reported) => r.status === 'submitted' || r.status === 'accepted';

/** A report, and the deadline SST extended for its organisation, if it did. */
type Report = Reported & { extendedTo?: string };

/**
 * Some of the respondents report, each in some status, some before and some after the deadline;
 * some organisations have an extension, ending before or after their submission.
 */
function reportsArb(schema: Schema, respondents: string[]): fc.Arbitrary<Report[]> {
  return fc.shuffledSubarray(respondents, { maxLength: Math.min(respondents.length, 8) }).chain((orgs) =>
    fc.tuple(
      ...orgs.map((orgId) =>
        fc
          .record({ status: statusArb, answers: arb(schema), hours: fc.integer({ min: -400, max: 400 }), extension: fc.option(fc.integer({ min: 1, max: 400 })) })
          .map(({ status, answers, hours, extension }): Report => {
            const at = DEADLINE + hours * 3_600_000;
            const extendedTo = extension === null ? undefined : DEADLINE + extension * 3_600_000;
            // The stored flag is judged at submit time; the extension may have come later.
            return {
              orgId,
              status,
              answers: answers as Json,
              submittedAt: new Date(at).toISOString(),
              late: at > DEADLINE,
              ...(extendedTo === undefined ? {} : { extendedTo: new Date(extendedTo).toISOString() }),
            };
          }),
      ),
    ),
  );
}

// ---------- the direct computation ----------

interface Container {
  orgId: string;
  regionId: string;
  value: Json;
}

/** The property names from `base` (a list's pointer + `/*`, or '' at the top) down to `pointer`. */
function relative(pointer: string, base: string): string[] {
  if (!pointer.startsWith(`${base}/`)) throw new Error(`${pointer} is not under ${base}`);
  return pointer
    .slice(base.length + 1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function read(value: unknown, path: string[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Json)[p];
  }
  return v;
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Checks one summarised field against the answers in `scope` (the objects the field is read from). */
function checkField(field: FieldSummary, scope: Container[], base: string, regions: string[]): void {
  const path = relative(field.pointer, base);
  const raw = scope.map((c) => ({ ...c, raw: read(c.value, path) })).filter((c) => present(c.raw));
  switch (field.kind) {
    case 'choice':
      return checkChoice(field, raw, regions);
    case 'number':
      return checkNumber(field, raw, regions);
    case 'text':
      return checkText(field, raw);
    case 'list':
      return checkList(field, raw, regions);
  }
}

function checkChoice(f: ChoiceSummary, raw: (Container & { raw: unknown })[], regions: string[]): void {
  const values = raw.flatMap((c) => (Array.isArray(c.raw) ? c.raw : [c.raw]).map((v) => ({ ...c, v: String(v) })));
  expect(f.n, f.pointer).toBe(raw.length);
  // Counts per option (and values outside the options) add up to the values counted.
  expect(sumOf(f.options.map((o) => o.count)) + f.other, f.pointer).toBe(values.length);
  for (const o of f.options) {
    expect(o.count, `${f.pointer}=${o.value}`).toBe(values.filter((x) => x.v === o.value).length);
    expect(o.share).toBeGreaterThanOrEqual(0);
    expect(o.share).toBeLessThanOrEqual(100);
  }
  // Every region is listed once, and the regions add up to the national figure.
  expect(f.byRegion.map((r) => r.regionId).sort()).toEqual(regions);
  expect(sumOf(f.byRegion.map((r) => r.n))).toBe(f.n);
  for (const o of f.options) expect(sumOf(f.byRegion.map((r) => r.counts[o.value] ?? 0)), `${f.pointer}=${o.value} by region`).toBe(o.count);
  for (const r of f.byRegion) expect(r.n).toBe(raw.filter((c) => c.regionId === r.regionId).length);
}

function checkNumber(f: NumberSummary, raw: (Container & { raw: unknown })[], regions: string[]): void {
  const nums = raw.filter((c): c is Container & { raw: number } => typeof c.raw === 'number');
  const xs = nums.map((c) => c.raw);
  expect(f.n, f.pointer).toBe(xs.length);
  expect(f.values.map((v) => [v.orgId, v.value])).toEqual(nums.map((c) => [c.orgId, c.raw]));
  if (xs.length === 0) {
    expect([f.sum, f.mean, f.min, f.max, f.median]).toEqual([null, null, null, null, null]);
  } else {
    // A sum only where the field adds up (never a target or a share); a centre unless `none`.
    if (f.aggregate === 'sum') expect(f.sum!).toBeCloseTo(sumOf(xs), 6);
    else expect(f.sum, `${f.pointer} is ${f.aggregate}, not summed`).toBeNull();
    if (f.aggregate === 'none') expect([f.mean, f.median]).toEqual([null, null]);
    else {
      expect(f.mean!).toBeCloseTo(sumOf(xs) / xs.length, 5);
      expect(f.median!).toBeGreaterThanOrEqual(f.min!);
      expect(f.median!).toBeLessThanOrEqual(f.max!);
    }
    expect(f.min).toBe(Math.min(...xs));
    expect(f.max).toBe(Math.max(...xs));
  }
  // Targets and shares are never summed (a count with a target, such as people in restraints, may be).
  if (f.unit === '%' || f.values.some((v) => v.unit === '%') || f.pointer.endsWith('/maalvaerdi')) expect(f.aggregate, f.pointer).not.toBe('sum');
  expect(f.byRegion.map((r) => r.regionId).sort()).toEqual(regions);
  expect(sumOf(f.byRegion.map((r) => r.n))).toBe(f.n);
  if (f.aggregate === 'sum') expect(sumOf(f.byRegion.map((r) => r.sum ?? 0))).toBeCloseTo(f.sum ?? 0, 4);
  else for (const r of f.byRegion) expect(r.sum).toBeNull();
  const mins = f.byRegion.filter((r) => r.n > 0).map((r) => r.min!);
  const maxs = f.byRegion.filter((r) => r.n > 0).map((r) => r.max!);
  if (f.n > 0) {
    expect(Math.min(...mins)).toBe(f.min);
    expect(Math.max(...maxs)).toBe(f.max);
  }
  if (f.target) {
    expect(f.target.met + f.target.notMet).toBe(f.target.n);
    expect(f.target.better).toBe(f.better);
    expect(f.target.n).toBeLessThanOrEqual(f.n);
    const judged = f.values.filter((v) => v.target !== undefined);
    const meets = (v: { value: number; target?: number }) => (f.better === 'lower' ? v.value <= v.target! : v.value >= v.target!);
    expect(f.target.met, `${f.pointer} met (${f.better} is better)`).toBe(judged.filter(meets).length);
    for (const v of judged) expect(v.met).toBe(meets(v));
    if (f.target.value !== undefined) expect(f.target.n).toBe(f.n);
  }
}

function checkText(f: TextSummary, raw: (Container & { raw: unknown })[]): void {
  const expected = raw
    .flatMap((c) => (Array.isArray(c.raw) ? c.raw : [c.raw]).filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => `${c.orgId}|${t}`))
    .sort();
  // Each answer once, with its own organisation: neither lost, doubled nor attributed to another.
  expect(f.answers.map((a) => `${a.orgId}|${a.text}`).sort(), f.pointer).toEqual(expected);
  expect(f.n).toBe(f.answers.length);
}

function checkList(f: ListSummary, raw: (Container & { raw: unknown })[], regions: string[]): void {
  const items = raw.flatMap((c) =>
    (Array.isArray(c.raw) ? c.raw : []).filter((i): i is Json => i !== null && typeof i === 'object').map((value) => ({ ...c, value })),
  );
  expect(f.n, f.pointer).toBe(items.length);
  const idOf = (i: Json) => (f.itemKey ? String(i[f.itemKey] ?? '') : '');
  expect(f.items.map((i) => i.id).sort()).toEqual([...new Set(items.map((i) => idOf(i.value)))].sort());
  for (const item of f.items) {
    const scope = items.filter((i) => idOf(i.value) === item.id);
    expect(item.organisations, `${f.pointer}[${item.id}]`).toBe(new Set(scope.map((i) => i.orgId)).size);
    for (const inner of item.fields) checkField(inner, scope, `${f.pointer}/*`, regions);
  }
}

function checkFigures(f: CompletenessFigures, label: string): void {
  expect(f.expected, label).toBe(f.reported + f.missing);
  expect(f.reported, label).toBe(f.onTime + f.late);
  expect(sumOf(Object.values(f.byStatus)), label).toBe(f.expected);
  expect(f.byStatus.submitted + f.byStatus.accepted, label).toBe(f.reported);
  for (const rate of [f.reportingRate, f.timelinessRate]) {
    expect(rate, label).toBeGreaterThanOrEqual(0);
    expect(rate, label).toBeLessThanOrEqual(100);
  }
  expect(f.timelinessRate).toBeLessThanOrEqual(f.reportingRate);
}

// ---------- the properties ----------

const FORMS = shippedForms().map((f) => ({
  formId: f.manifest.formId,
  kind: (f.manifest as unknown as { respondentKind: 'region' | 'municipality' }).respondentKind,
  schema: f.versions.find((v) => v.version === 1)!.schema as Schema,
}));

describe.each(FORMS)('$formId (v1, $kind)', ({ formId, kind, schema }) => {
  const template = summaryInput(formId, kind, []);
  const respondents = [...template.round.respondents];
  const regionOfOrg = (orgId: string) => (kind === 'region' ? orgId : regionOf(orgId, template.round.respondentsAt)!);
  const regions = [...new Set(respondents.map(regionOfOrg))].sort();
  const summarise = (reports: Report[]): RoundSummary =>
    buildRoundSummary({
      ...summaryInput(formId, kind, reports),
      extensions: new Map(reports.filter((r) => r.extendedTo).map((r) => [r.orgId, r.extendedTo!])),
    });

  it('agrees with a direct computation over the counted answers, field by field and region by region', () => {
    fc.assert(
      fc.property(reportsArb(schema, respondents), (reports) => {
        const before = JSON.stringify(reports);
        const s = summarise(reports);
        expect(JSON.stringify(reports), 'the engine must not change its input').toBe(before);
        const counted: Container[] = reports.filter(isCounted).map((r) => ({ orgId: r.orgId, regionId: regionOfOrg(r.orgId), value: r.answers! }));
        // Respondent order, as the summary lists them: values and answers come out in this order.
        const order = new Map(respondents.map((o, i) => [o, i]));
        counted.sort((a, b) => order.get(a.orgId)! - order.get(b.orgId)!);
        for (const section of s.sections) for (const f of section.fields) checkField(f, counted, '', regions);
      }),
      { numRuns: RUNS },
    );
  });

  it('balances completeness: expected = reported + missing, rates in [0, 100], the regions add up to the nation', () => {
    fc.assert(
      fc.property(reportsArb(schema, respondents), (reports) => {
        const c = summarise(reports).completeness;
        checkFigures(c, 'national');
        for (const r of c.byRegion) checkFigures(r, r.regionId);
        expect(c.expected).toBe(respondents.length);
        expect(c.reported).toBe(reports.filter(isCounted).length);
        // Late unless an extension, whenever granted, reaches past the submission.
        const late = (r: Report) => r.late! && !(r.extendedTo !== undefined && r.submittedAt! <= r.extendedTo);
        expect(c.late).toBe(reports.filter((r) => isCounted(r) && late(r)).length);
        for (const r of reports) expect(c.organisations.find((o) => o.orgId === r.orgId)?.late, r.orgId).toBe(r.status === 'draft' ? undefined : late(r));
        expect(c.accepted).toBe(reports.filter((r) => r.status === 'accepted').length);
        expect(c.organisations.map((o) => o.orgId)).toEqual(respondents);
        expect(c.byRegion.map((r) => r.regionId)).toEqual(regions);
        const keys: (keyof CompletenessFigures)[] = ['expected', 'reported', 'onTime', 'late', 'missing', 'accepted'];
        for (const k of keys) expect(sumOf(c.byRegion.map((r) => r[k] as number)), k).toBe(c[k]);
        for (const status of Object.keys(c.byStatus) as (keyof CompletenessFigures['byStatus'])[]) {
          expect(sumOf(c.byRegion.map((r) => r.byStatus[status])), status).toBe(c.byStatus[status]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order the reports arrive in: same content, same hash', () => {
    const shuffled = reportsArb(schema, respondents).chain((reports) =>
      fc.tuple(fc.constant(reports), fc.shuffledSubarray(reports, { minLength: reports.length, maxLength: reports.length })),
    );
    fc.assert(
      fc.property(shuffled, ([a, b]) => {
        const x = summarise(a);
        const y = summarise(b);
        expect(y.contentHash).toBe(x.contentHash);
        expect(y).toEqual(x);
      }),
      { numRuns: RUNS },
    );
  });

  it('is not moved by anything in a draft or a returned report', () => {
    fc.assert(
      fc.property(reportsArb(schema, respondents), arb(schema), (reports, junk) => {
        const onlyCounted = reports.map((r) => (isCounted(r) ? r : { ...r, answers: {} }));
        const withJunk = reports.map((r) => (isCounted(r) ? r : { ...r, answers: junk as Json }));
        expect(summarise(withJunk).contentHash).toBe(summarise(onlyCounted).contentHash);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------- direction: flipping x-better ----------

/** The schema with every `x-better` turned round (higher ⇄ lower). */
function flipBetter(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(flipBetter);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'x-better' ? (v === 'lower' ? 'higher' : 'lower') : flipBetter(v);
  return out;
}

/** The `const` of every option in the schema. */
function consts(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const x of node) consts(x, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'const') out.add(String(v));
      else consts(v, out);
    }
  }
  return out;
}

/**
 * Every number summary with a target, depth first, in the summary's order; inside items of the
 * schema's options only (an item answered to another version has no direction in this schema,
 * so it keeps the default either way).
 */
function targeted(fields: FieldSummary[], known: Set<string>): NumberSummary[] {
  return fields.flatMap((f) =>
    f.kind === 'number' ? (f.target ? [f] : []) : f.kind === 'list' ? f.items.filter((i) => known.has(i.id)).flatMap((i) => targeted(i.fields, known)) : [],
  );
}

const WITH_TARGETS = FORMS.filter((f) => JSON.stringify(f.schema).includes('"x-target"'));

describe.each(WITH_TARGETS)('flipping x-better on $formId', ({ formId, kind, schema }) => {
  const annotated = withSummaryAnnotations(formId, 1, schema);
  const flipped = flipBetter(annotated) as Json;
  const respondents = [...summaryInput(formId, kind, []).round.respondents];
  const known = consts(schema);

  it('mirrors the met and not-met counts of every target: met becomes not met, a value on its target stays met', () => {
    let compared = 0;
    fc.assert(
      fc.property(reportsArb(schema, respondents), (reports) => {
        const a = targeted(buildRoundSummary(summaryInput(formId, kind, reports, { schema: annotated })).sections.flatMap((s) => s.fields), known);
        const b = targeted(buildRoundSummary(summaryInput(formId, kind, reports, { schema: flipped })).sections.flatMap((s) => s.fields), known);
        expect(b.map((f) => f.pointer)).toEqual(a.map((f) => f.pointer));
        a.forEach((x, i) => {
          const y = b[i]!;
          expect(y.better, x.pointer).toBe(x.better === 'higher' ? 'lower' : 'higher');
          const onTarget = x.values.filter((v) => v.target !== undefined && v.value === v.target).length;
          expect(y.target!.n).toBe(x.target!.n);
          expect(y.target!.met, `${x.pointer}: met after the flip`).toBe(x.target!.notMet + onTarget);
          expect(y.target!.notMet, `${x.pointer}: not met after the flip`).toBe(x.target!.met - onTarget);
          if (x.target!.n > 0) compared++;
        });
      }),
      { numRuns: RUNS },
    );
    expect(compared, 'some runs must have compared values with targets').toBeGreaterThan(0);
  });
});
