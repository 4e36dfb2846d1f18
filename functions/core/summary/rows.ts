// A summary as one long ("tidy") table: a row per figure, answer or status, with the same
// columns throughout, so it pivots in Excel without reshaping. CSV writes these rows as they
// are; the XLSX writer splits them into a sheet per section.
import { formatDanishDateTime } from '#core/danish-time';
import type { FieldSummary, OrgStatus, RoundSummary, CompletenessFigures, NumberStats } from '#core/summary/model';
import { BETTER_LABEL, targetVerdict } from '#core/summary/direction';

export type Cell = string | number | null;

export interface TidyRow {
  section: string;
  element: string;
  question: string;
  measure: string;
  region: string;
  organisation: string;
  value: Cell;
  unit: string;
}

export const TIDY_HEADER = {
  section: 'Sektion',
  element: 'Element',
  question: 'Spørgsmål',
  measure: 'Nøgletal',
  region: 'Region',
  organisation: 'Organisation',
  value: 'Værdi',
  unit: 'Enhed',
} as const satisfies Record<keyof TidyRow, string>;

export const STATUS_LABEL: Record<OrgStatus, string> = {
  not_started: 'Ikke påbegyndt',
  draft: 'Kladde',
  submitted: 'Indsendt',
  returned: 'Sendt retur',
  accepted: 'Godkendt',
};

export const ALL_REGIONS = 'Hele landet';
export const COMPLETENESS_SECTION = 'Indberetning';
export const INDICATOR_SECTION = 'Nationale indikatorer';

/** The completeness figures in the order analysts read them, with their Danish names. */
export const COMPLETENESS_MEASURES: [keyof CompletenessFigures, string, string][] = [
  ['expected', 'Forventede indberetninger', 'antal'],
  ['reported', 'Indberettet (indsendt eller godkendt)', 'antal'],
  ['onTime', 'Rettidige', 'antal'],
  ['late', 'Forsinkede', 'antal'],
  ['missing', 'Manglende', 'antal'],
  ['accepted', 'Godkendte', 'antal'],
  ['reportingRate', 'Indberetningsprocent', '%'],
  ['timelinessRate', 'Rettidighedsprocent', '%'],
];

export function completenessRows(s: RoundSummary): TidyRow[] {
  const rows: TidyRow[] = [];
  const row = (measure: string, region: string, organisation: string, value: Cell, unit: string): TidyRow => ({
    section: COMPLETENESS_SECTION, element: '', question: '', measure, region, organisation, value, unit,
  });
  const c = s.completeness;
  for (const [key, label, unit] of COMPLETENESS_MEASURES) {
    rows.push(row(label, ALL_REGIONS, '', c[key] as number, unit));
    for (const r of c.byRegion) rows.push(row(label, r.regionName, '', r[key] as number, unit));
    // Beside the regions, from 2027: the sundhedsråd (named "Sundhedsråd …") and the municipalities in none.
    for (const h of c.byHealthCouncil ?? []) rows.push(row(label, h.healthCouncilName, '', h[key] as number, unit));
  }
  for (const o of c.organisations) {
    rows.push(row('Status', o.regionName, o.orgName, STATUS_LABEL[o.status], ''));
    if (o.submittedAt) {
      rows.push(row('Indsendt', o.regionName, o.orgName, formatDanishDateTime(new Date(o.submittedAt)), ''));
      rows.push(row('Rettidig', o.regionName, o.orgName, o.late ? 'Nej' : 'Ja', ''));
    }
  }
  return rows;
}

function fieldRows(field: FieldSummary, section: string, element: string, out: TidyRow[]): void {
  const row = (measure: string, region: string, organisation: string, value: Cell, unit = ''): void => {
    out.push({ section, element, question: field.title, measure, region, organisation, value, unit });
  };
  switch (field.kind) {
    case 'choice':
      row('Antal svar', ALL_REGIONS, '', field.n, 'antal');
      for (const o of field.options) {
        row(`Antal: ${o.label}`, ALL_REGIONS, '', o.count, 'antal');
        row(`Andel: ${o.label}`, ALL_REGIONS, '', o.share, '%');
      }
      if (field.other) row('Antal: andre svar', ALL_REGIONS, '', field.other, 'antal');
      for (const r of field.byRegion) {
        row('Antal svar', r.regionName, '', r.n, 'antal');
        for (const o of field.options) row(`Antal: ${o.label}`, r.regionName, '', r.counts[o.value] ?? 0, 'antal');
      }
      return;
    case 'number': {
      const unit = field.unit ?? '';
      // Only the figures the field's aggregation allows (no sum of targets or shares): the same
      // nulls as the JSON, so CSV, XLSX and JSON agree.
      const stats = (region: string, s: NumberStats, u = unit) => {
        row('Antal svar', region, '', s.n, 'antal');
        if (s.n === 0) return;
        if (s.sum !== null) row('Sum', region, '', s.sum, u);
        if (s.mean !== null) row('Gennemsnit', region, '', s.mean, u);
        if (s.median !== null) row('Median', region, '', s.median, u);
        row('Minimum', region, '', s.min, u);
        row('Maksimum', region, '', s.max, u);
      };
      if (field.byUnit) for (const b of field.byUnit) stats(`${ALL_REGIONS} (${b.unit})`, b, b.unit);
      else stats(ALL_REGIONS, field);
      if (field.target) {
        row('Retning', ALL_REGIONS, '', BETTER_LABEL[field.target.better]);
        if (field.target.value !== undefined) row(field.target.better === 'lower' ? 'Mål (højst)' : 'Mål (mindst)', ALL_REGIONS, '', field.target.value, unit);
        row('Antal, der når målet', ALL_REGIONS, '', field.target.met, 'antal');
        row('Antal, der ikke når målet', ALL_REGIONS, '', field.target.notMet, 'antal');
        row('Gennemsnitlig afstand til målet', ALL_REGIONS, '', field.target.meanDifference, unit);
      }
      if (!field.byUnit) for (const r of field.byRegion) if (r.n > 0) stats(r.regionName, r);
      for (const v of field.values) {
        row('Værdi', v.regionName, v.orgName, v.value, v.unit ?? unit);
        if (v.target !== undefined && field.target?.field) row('Målværdi', v.regionName, v.orgName, v.target, v.unit ?? unit);
        if (v.target !== undefined) row('Vurdering mod målet', v.regionName, v.orgName, targetVerdict(v.value, v.target, field.better, v.unit ?? unit));
      }
      return;
    }
    case 'text':
      for (const a of field.answers) row('Svar', a.regionName, a.orgName, a.text);
      return;
    case 'list':
      for (const item of field.items) {
        const name = element ? `${element} › ${item.label}` : item.label;
        out.push({ section, element: name, question: field.itemKeyTitle, measure: 'Antal organisationer', region: ALL_REGIONS, organisation: '', value: item.organisations, unit: 'antal' });
        for (const f of item.fields) fieldRows(f, section, name, out);
      }
      return;
  }
}

export function sectionRows(s: RoundSummary): { title: string; rows: TidyRow[] }[] {
  return s.sections.map((section) => {
    const rows: TidyRow[] = [];
    for (const f of section.fields) fieldRows(f, section.title, '', rows);
    return { title: section.title, rows };
  });
}

export function indicatorRows(s: RoundSummary): TidyRow[] {
  const rows: TidyRow[] = [];
  for (const v of s.indicators) {
    const base = { section: INDICATOR_SECTION, element: v.title, question: v.period, region: v.regionName ?? ALL_REGIONS, organisation: v.source ?? '', unit: v.unit ?? '' };
    rows.push({ ...base, measure: 'Værdi', value: v.value });
    if (v.target !== undefined) rows.push({ ...base, measure: 'Målværdi', value: v.target });
  }
  return rows;
}

export function allRows(s: RoundSummary): TidyRow[] {
  return [...completenessRows(s), ...sectionRows(s).flatMap((x) => x.rows), ...indicatorRows(s)];
}
