// Across years: the same form's rounds side by side. Every number and choice in every round's
// summary becomes a point on a series whose key is stable across form versions (the pointer
// with item ids: `/initiativer[palliation]/fremdrift`), so an item followed from 2026 to 2030 is
// one series even when later versions add fields. National indicator values join as their own
// series.
import type { FieldSummary, IndicatorValue, NumberStats, RoundSummary } from '#core/summary/model';
import type { FormTrendJson } from '#schemas/summary';
import { round6 } from '#core/summary/stats';
import { findOrganisation, predecessorsOf } from '#core/registry';
import { formatDanishDate, startOfDanishDay } from '#core/danish-time';

type MergerNote = FormTrendJson['notes'][number];

const regionRef = (regionId: string) => ({ regionId, regionName: findOrganisation(regionId)?.name ?? regionId });

/**
 * A note for every merger the periods shown straddle: a predecessor reports (or has indicator
 * values) in one period and its successor in another, so a region's line stops where another's
 * starts. The numbers stay as they were reported; the note says why the regions change.
 */
export function mergerNotes(regionIdsByPeriod: readonly (readonly string[])[]): MergerNote[] {
  const seen = new Set(regionIdsByPeriod.flat());
  const notes: MergerNote[] = [];
  for (const successorId of seen) {
    const predecessors = predecessorsOf(successorId).filter((p) => seen.has(p.id));
    if (predecessors.length === 0) continue;
    const on = predecessors[0]!.succeededOn;
    const successor = regionRef(successorId);
    const names = predecessors.map((p) => p.name);
    const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} og ${names.at(-1)}` : names[0]!;
    const year = Number(on.slice(0, 4));
    notes.push({
      kind: 'merger',
      on,
      successor,
      predecessors: predecessors.map((p) => regionRef(p.id)),
      text: `${successor.regionName} afløser ${listed} fra ${formatDanishDate(startOfDanishDay(on))}. Tal til og med ${year - 1} står under ${names.length === 2 ? 'de to regioner' : names.length > 2 ? `de ${names.length} regioner` : listed}, tal fra ${year} under ${successor.regionName}; regionernes tal kan ikke følges som én række hen over sammenlægningen.`,
    });
  }
  return notes;
}

type Series = FormTrendJson['series'][number];
type NumberSeries = Extract<Series, { kind: 'number' }>;
type ChoiceSeries = Extract<Series, { kind: 'choice' }>;

export interface FlatPoint {
  key: string;
  title: string;
  field: FieldSummary;
}

/** Every number and choice field of a summary with its stable key and full title. */
export function flattenSummary(summary: RoundSummary): FlatPoint[] {
  const out: FlatPoint[] = [];
  const walk = (fields: FieldSummary[], keyPrefix: string, stripPointer: string, titlePrefix: string) => {
    for (const field of fields) {
      const rest = stripPointer ? field.pointer.slice(stripPointer.length) : field.pointer;
      const key = keyPrefix + rest;
      const title = titlePrefix ? `${titlePrefix} › ${field.title}` : field.title;
      if (field.kind === 'list') {
        for (const item of field.items) {
          walk(item.fields, `${key}[${item.id}]`, `${field.pointer}/*`, `${titlePrefix ? `${titlePrefix} › ` : ''}${item.label}`);
        }
      } else if (field.kind !== 'text') out.push({ key, title, field });
    }
  };
  for (const section of summary.sections) {
    const listOnly = section.fields.length === 1 && section.fields[0]!.kind === 'list' && section.fields[0]!.pointer === section.pointer;
    walk(section.fields, '', '', listOnly ? '' : section.title);
  }
  return out;
}

const stats = (f: NumberStats): NumberStats => ({ n: f.n, sum: f.sum, mean: f.mean, median: f.median, min: f.min, max: f.max });

export function buildTrend(
  form: { formId: string; formTitle: string },
  summaries: RoundSummary[],
  indicators: IndicatorValue[],
  now: Date,
): FormTrendJson {
  // One round per period: the latest created wins (a rerun round replaces an aborted one).
  const byPeriod = new Map<string, RoundSummary>();
  for (const s of summaries) byPeriod.set(s.period, s);
  const ordered = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));

  const series = new Map<string, Series>();
  for (const s of ordered) {
    for (const { key, title, field } of flattenSummary(s)) {
      if (field.kind === 'number') {
        let entry = series.get(key) as NumberSeries | undefined;
        if (!entry) series.set(key, (entry = { kind: 'number', key, title, unit: field.unit, better: field.better, aggregate: field.aggregate, points: [] }));
        // Rounds come oldest first: the newest version's direction and aggregation hold for the series.
        entry.better = field.better;
        entry.aggregate = field.aggregate;
        let targetMean: number | null | undefined;
        if (field.target?.field) {
          const targets = field.values.map((v) => v.target).filter((t): t is number => t !== undefined);
          targetMean = targets.length ? round6(targets.reduce((a, b) => a + b, 0) / targets.length) : null;
        }
        entry.points.push({
          period: s.period,
          roundId: s.roundId,
          ...stats(field),
          ...(field.target?.value !== undefined ? { target: field.target.value } : {}),
          ...(targetMean !== undefined ? { targetMean } : {}),
          ...(field.target ? { met: field.target.met, notMet: field.target.notMet } : {}),
        });
      } else if (field.kind === 'choice') {
        let entry = series.get(key) as ChoiceSeries | undefined;
        if (!entry) series.set(key, (entry = { kind: 'choice', key, title, options: [], points: [] }));
        for (const o of field.options) if (!entry.options.some((x) => x.value === o.value)) entry.options.push({ value: o.value, label: o.label });
        const counts: Record<string, number> = {};
        for (const o of field.options) counts[o.value] = o.count;
        entry.points.push({ period: s.period, roundId: s.roundId, n: field.n, counts });
      }
    }
  }

  const indicatorSeries = new Map<string, FormTrendJson['indicators'][number]>();
  for (const v of [...indicators].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : (a.regionId ?? '') < (b.regionId ?? '') ? -1 : 1))) {
    let entry = indicatorSeries.get(v.indicator);
    if (!entry) indicatorSeries.set(v.indicator, (entry = { indicator: v.indicator, title: v.title, unit: v.unit ?? null, direction: v.direction ?? null, points: [] }));
    if (entry.direction === null && v.direction) entry.direction = v.direction;
    entry.points.push({
      period: v.period,
      ...(v.regionId ? { regionId: v.regionId, regionName: v.regionName ?? v.regionId } : {}),
      value: v.value,
      ...(v.target !== undefined ? { target: v.target } : {}),
    });
  }

  return {
    formId: form.formId,
    formTitle: form.formTitle,
    builtAt: now.toISOString(),
    periods: ordered.map((s) => s.period),
    rounds: ordered.map((s) => ({ roundId: s.roundId, period: s.period, formVersion: s.formVersion, builtAt: s.builtAt, contentHash: s.contentHash })),
    completeness: ordered.map((s) => ({
      period: s.period,
      roundId: s.roundId,
      expected: s.completeness.expected,
      reported: s.completeness.reported,
      onTime: s.completeness.onTime,
      reportingRate: s.completeness.reportingRate,
      timelinessRate: s.completeness.timelinessRate,
      byRegion: s.completeness.byRegion.map((r) => ({
        regionId: r.regionId,
        regionName: r.regionName,
        expected: r.expected,
        reported: r.reported,
        onTime: r.onTime,
        reportingRate: r.reportingRate,
        timelinessRate: r.timelinessRate,
      })),
    })),
    notes: mergerNotes([
      ...ordered.map((s) => s.completeness.byRegion.map((r) => r.regionId)),
      ...indicators.map((v) => (v.regionId ? [v.regionId] : [])),
    ]),
    series: [...series.values()],
    indicators: [...indicatorSeries.values()],
  };
}
