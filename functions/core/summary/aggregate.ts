// The schema-driven consolidation: one pass over the counted answers of a round, feeding an
// accumulator per planned field, then one pass to turn accumulators into the summary. Cost is
// linear in the number of answered fields; nothing is copied but references to answer texts.
import { createHash, type Hash } from 'node:crypto';
import type { ChoicePlan, FieldPlan, ListPlan, NumberPlan, SummaryPlan, TextPlan } from '#core/summary/plan';
import type {
  ChoiceSummary,
  FieldSummary,
  IndicatorValue,
  ItemSummary,
  ListSummary,
  NumberStats,
  NumberSummary,
  NumberValue,
  RegionRef,
  RoundSummary,
  SectionSummary,
  TextAnswer,
  TextSummary,
} from '#core/summary/model';
import { COUNTED_STATUSES } from '#core/summary/model';
import { completenessOf, organisationContext, type HeadLite, type OrgContext, type RoundLite } from '#core/summary/completeness';
import { aggregated, percent, round6, statsOf } from '#core/summary/stats';
import { meetsTarget, resolveDirection, type Direction } from '#core/summary/direction';

type Json = Record<string, unknown>;

export interface SummaryInput {
  round: RoundLite & { title: string; formId: string; formVersion: number; period: string };
  formTitle: string;
  plan: SummaryPlan;
  heads: HeadLite[];
  /** Answers of the counted reports, by organisation. Others may be present and are ignored. */
  answers: ReadonlyMap<string, Json>;
  indicators?: IndicatorValue[];
  now: Date;
  /** Names and regions of the respondents; default: the registry on the round's respondents date. */
  organisations?: Map<string, OrgContext>;
  /** Extended deadlines (ISO instants) by organisation, for judging lateness. */
  extensions?: ReadonlyMap<string, string>;
}

// ---------- accumulators ----------

interface ChoiceAcc {
  plan: ChoicePlan;
  counts: Map<string, number>;
  n: number;
  byRegion: Map<string, { n: number; counts: Map<string, number> }>;
}

interface NumberAcc {
  plan: NumberPlan;
  values: NumberValue[];
}

interface TextAcc {
  plan: TextPlan;
  answers: TextAnswer[];
}

interface ItemAcc {
  orgs: Set<string>;
  fields: Acc[];
}

interface ListAcc {
  plan: ListPlan;
  n: number;
  items: Map<string, ItemAcc>;
}

type Acc = ChoiceAcc | NumberAcc | TextAcc | ListAcc;

function newAcc(plan: FieldPlan): Acc {
  switch (plan.kind) {
    case 'choice':
      return { plan, counts: new Map(), n: 0, byRegion: new Map() };
    case 'number':
      return { plan, values: [] };
    case 'text':
      return { plan, answers: [] };
    case 'list':
      return { plan, n: 0, items: new Map() };
  }
}

function read(container: Json, path: string[]): unknown {
  let v: unknown = container;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Json)[p];
  }
  return v;
}

function feed(acc: Acc, container: Json, org: OrgContext): void {
  const raw = read(container, acc.plan.path);
  if (raw === undefined || raw === null || raw === '') return;
  switch (acc.plan.kind) {
    case 'choice': {
      const a = acc as ChoiceAcc;
      const values = Array.isArray(raw) ? raw : [raw];
      let region = a.byRegion.get(org.regionId);
      if (!region) a.byRegion.set(org.regionId, (region = { n: 0, counts: new Map() }));
      a.n++;
      region.n++;
      for (const v of values) {
        const value = String(v);
        a.counts.set(value, (a.counts.get(value) ?? 0) + 1);
        region.counts.set(value, (region.counts.get(value) ?? 0) + 1);
      }
      return;
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return;
      const plan = acc.plan;
      const value: NumberValue = { orgId: org.orgId, orgName: org.orgName, regionId: org.regionId, regionName: org.regionName, value: raw };
      const unit = plan.unitField ? read(container, plan.unitField) : plan.unit;
      if (typeof unit === 'string' && unit.trim() !== '') value.unit = unit.trim();
      if (plan.target !== undefined) {
        const target = typeof plan.target === 'number' ? plan.target : read(container, plan.target.path);
        if (typeof target === 'number' && Number.isFinite(target)) value.target = target;
      }
      (acc as NumberAcc).values.push(value);
      return;
    }
    case 'text': {
      const texts = Array.isArray(raw) ? raw : [raw];
      for (const t of texts) {
        if (typeof t !== 'string' || t.trim() === '') continue;
        (acc as TextAcc).answers.push({ orgId: org.orgId, orgName: org.orgName, regionId: org.regionId, regionName: org.regionName, text: t });
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(raw)) return;
      const a = acc as ListAcc;
      const plan = a.plan;
      for (const item of raw) {
        if (!item || typeof item !== 'object') continue;
        const id = plan.itemKey ? String((item as Json)[plan.itemKey] ?? '') : '';
        let itemAcc = a.items.get(id);
        if (!itemAcc) a.items.set(id, (itemAcc = { orgs: new Set(), fields: plan.fields.map(newAcc) }));
        itemAcc.orgs.add(org.orgId);
        a.n++;
        for (const f of itemAcc.fields) feed(f, item as Json, org);
      }
      return;
    }
  }
}

// ---------- finalisation ----------

function base(plan: FieldPlan, n: number) {
  return { key: plan.key, pointer: plan.pointer, title: plan.title, ...(plan.description ? { description: plan.description } : {}), n };
}

function finishChoice(a: ChoiceAcc, regions: RegionRef[]): ChoiceSummary {
  const known = new Set(a.plan.options.map((o) => o.value));
  let other = 0;
  for (const [value, count] of a.counts) if (!known.has(value)) other += count;
  return {
    kind: 'choice',
    ...base(a.plan, a.n),
    options: a.plan.options.map((o) => {
      const count = a.counts.get(o.value) ?? 0;
      return { value: o.value, label: o.label, count, share: percent(count, a.n) };
    }),
    other,
    byRegion: regions.map((r) => {
      const got = a.byRegion.get(r.regionId);
      const counts: Record<string, number> = {};
      for (const o of a.plan.options) counts[o.value] = got?.counts.get(o.value) ?? 0;
      return { ...r, n: got?.n ?? 0, counts };
    }),
  };
}

function numbers(values: NumberValue[]): number[] {
  return values.map((v) => v.value);
}


function finishNumber(a: NumberAcc, regions: RegionRef[], inherited?: Direction): NumberSummary {
  const plan = a.plan;
  const values = a.values;
  const units = new Set(values.map((v) => v.unit).filter((u): u is string => u !== undefined));
  const { better, aggregate } = resolveDirection(plan.direction, inherited, {
    isTarget: plan.isTarget,
    units: [plan.unit, ...units],
    unitFromRespondent: plan.unitField !== undefined,
  });
  const stats = (xs: NumberValue[]): NumberStats => aggregated(statsOf(numbers(xs)), aggregate);
  const unit = plan.unit ?? (units.size === 1 ? [...units][0]! : null);
  const out: NumberSummary = {
    kind: 'number',
    ...base(plan, values.length),
    ...stats(values),
    better,
    aggregate,
    unit,
    ...(plan.unitFieldKey ? { unitField: plan.unitFieldKey } : {}),
    byRegion: regions.map((r) => ({ ...r, ...stats(values.filter((v) => v.regionId === r.regionId)) })),
    values,
  };
  if (plan.unitField && units.size > 1) {
    out.byUnit = [...units].sort().map((u) => ({ unit: u, ...stats(values.filter((v) => v.unit === u)) }));
  }
  if (plan.target !== undefined) {
    let n = 0;
    let met = 0;
    let diff = 0;
    for (const v of values) {
      if (v.target === undefined) continue;
      n++;
      v.met = meetsTarget(v.value, v.target, better);
      if (v.met) met++;
      diff += v.value - v.target;
    }
    out.target = {
      n,
      better,
      met,
      notMet: n - met,
      meanDifference: n === 0 ? null : round6(diff / n),
      ...(typeof plan.target === 'number' ? { value: plan.target } : { field: plan.target.field }),
    };
  }
  return out;
}

function finishText(a: TextAcc): TextSummary {
  return { kind: 'text', ...base(a.plan, a.answers.length), answers: a.answers };
}

function finishList(a: ListAcc, regions: RegionRef[], inherited?: Direction): ListSummary {
  const plan = a.plan;
  const order = new Map(plan.itemOptions.map((o, i) => [o.value, i]));
  const labels = new Map(plan.itemOptions.map((o) => [o.value, o.label]));
  const directions = new Map(plan.itemOptions.map((o) => [o.value, o.direction]));
  const ids = [...a.items.keys()].sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9) || (x < y ? -1 : x > y ? 1 : 0));
  const items: ItemSummary[] = ids.map((id) => {
    const item = a.items.get(id)!;
    // An option's annotations hold for its item's fields; a nested item's option refines its parent's.
    const own = directions.get(id);
    const direction: Direction | undefined = own || inherited ? { ...inherited, ...own } : undefined;
    return {
      id,
      label: labels.get(id) ?? (id === '' ? '(uden angivelse)' : id),
      organisations: item.orgs.size,
      fields: item.fields.map((f) => finish(f, regions, direction)),
    };
  });
  return { kind: 'list', ...base(plan, a.n), itemKey: plan.itemKey, itemKeyTitle: plan.itemKeyTitle, items };
}

function finish(a: Acc, regions: RegionRef[], inherited?: Direction): FieldSummary {
  switch (a.plan.kind) {
    case 'choice':
      return finishChoice(a as ChoiceAcc, regions);
    case 'number':
      return finishNumber(a as NumberAcc, regions, inherited);
    case 'text':
      return finishText(a as TextAcc);
    case 'list':
      return finishList(a as ListAcc, regions, inherited);
  }
}

// ---------- the summary ----------

export type SummaryBody = Omit<RoundSummary, 'contentHash' | 'builtAt'>;

function hashField(hash: Hash, field: FieldSummary): void {
  if (field.kind !== 'list') {
    hash.update(JSON.stringify(field));
    return;
  }
  const { items, ...head } = field;
  hash.update(JSON.stringify(head));
  for (const item of items) {
    const { fields, ...rest } = item;
    hash.update(JSON.stringify(rest));
    for (const f of fields) hashField(hash, f);
  }
}

/**
 * sha256 over the summary's JSON without builtAt: equal hashes mean equal content. Fed field by
 * field, so a large round never needs its whole summary as one string in memory.
 */
export function contentHashOf(body: SummaryBody): string {
  const hash = createHash('sha256');
  const { sections, ...head } = body;
  hash.update(JSON.stringify(head));
  for (const section of sections) {
    const { fields, ...rest } = section;
    hash.update(JSON.stringify(rest));
    for (const f of fields) hashField(hash, f);
  }
  return hash.digest('hex');
}

export const BASIS_NOTE =
  'Kun indsendte og godkendte indberetninger indgår i tallene. Kladder og indberetninger, der er sendt retur til rettelse, tæller som manglende.';

/** The consolidation itself: every figure, list and completeness count, without the hash. */
export function consolidate(input: SummaryInput): SummaryBody {
  const { round, plan, heads, answers, now } = input;
  const contexts = input.organisations ?? organisationContext(round);
  const completeness = completenessOf(round, heads, now, contexts, input.extensions);
  const regions: RegionRef[] = completeness.byRegion.map((r) => ({ regionId: r.regionId, regionName: r.regionName }));

  const sectionAccs = plan.sections.map((s) => ({ section: s, accs: s.fields.map(newAcc) }));
  for (const row of completeness.organisations) {
    if (!row.counted) continue;
    const doc = answers.get(row.orgId);
    if (!doc) continue;
    const org = contexts.get(row.orgId)!;
    for (const { accs } of sectionAccs) for (const acc of accs) feed(acc, doc, org);
  }
  const sections: SectionSummary[] = sectionAccs.map(({ section, accs }) => ({
    key: section.key,
    pointer: section.pointer,
    title: section.title,
    ...(section.description ? { description: section.description } : {}),
    order: section.order,
    fields: accs.map((a) => finish(a, regions)),
  }));

  return {
    kind: 'round-summary',
    roundId: round.roundId,
    title: round.title,
    formId: round.formId,
    formVersion: round.formVersion,
    formTitle: input.formTitle,
    period: round.period,
    respondentKind: round.respondentKind,
    respondentsAt: round.respondentsAt,
    basis: { countedStatuses: [...COUNTED_STATUSES], note: BASIS_NOTE },
    completeness,
    sections,
    indicators: (input.indicators ?? []).filter((v) => v.period.startsWith(round.period)),
  };
}

/** A summary ready to store and serve: the consolidation, stamped with its build time and hash. */
export function finishSummary(body: SummaryBody, now: Date): RoundSummary {
  const { kind, roundId, title, formId, formVersion, formTitle, period, respondentKind, respondentsAt, ...rest } = body;
  return {
    kind, roundId, title, formId, formVersion, formTitle, period, respondentKind, respondentsAt,
    builtAt: now.toISOString(),
    contentHash: contentHashOf(body),
    ...rest,
  };
}

export function buildRoundSummary(input: SummaryInput): RoundSummary {
  return finishSummary(consolidate(input), input.now);
}
