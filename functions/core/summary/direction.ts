// Which way is better and how a figure adds up across organisations: the `x-better` and
// `x-aggregate` annotations, their defaults and guards, and the Danish sentence that compares a
// value with its target. One module, so JSON, CSV, XLSX and HTML say the same thing: a region
// with 182 people in restraints against a target of at most 150 is over the target, not "at or
// above" it, and nobody sums targets, percentages or rates.
import { fmt } from '#core/summary/svg';

export const BETTER = ['higher', 'lower'] as const;
export type Better = (typeof BETTER)[number];
export const AGGREGATES = ['sum', 'mean', 'median', 'none'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** What a schema node says; either may be missing (and is then inherited or defaulted). */
export interface Direction {
  better?: Better;
  aggregate?: Aggregate;
}

export const betterOf = (v: unknown): Better | undefined => (BETTER as readonly unknown[]).includes(v) ? (v as Better) : undefined;
export const aggregateOf = (v: unknown): Aggregate | undefined => (AGGREGATES as readonly unknown[]).includes(v) ? (v as Aggregate) : undefined;

/** Units that are shares or rates: adding them across organisations means nothing. */
export function isShareUnit(unit: string | undefined | null): boolean {
  if (!unit) return false;
  const u = unit.trim().toLowerCase();
  return u === '%' || u === 'procent' || u === 'pct.' || u === 'pct' || u === '‰' || u.startsWith('pr. ') || u.startsWith('per ');
}

/**
 * The direction and aggregation that hold for one number field: the field's own annotation, else
 * the enclosing item option's, else the default (higher is better; sum, except for targets,
 * shares and rates and fields whose unit each respondent names, which take the mean). A sum is
 * never allowed for a target or a share, whatever the annotation says; the publish check refuses
 * such a schema, and this guard keeps an older one from printing a meaningless total.
 */
export function resolveDirection(
  own: Direction,
  inherited: Direction | undefined,
  facts: { isTarget: boolean; units: (string | undefined | null)[]; unitFromRespondent: boolean },
): Required<Direction> {
  const better = own.better ?? inherited?.better ?? 'higher';
  const share = facts.units.some(isShareUnit);
  const declared = own.aggregate ?? inherited?.aggregate;
  let aggregate: Aggregate = declared ?? (facts.isTarget || share || facts.unitFromRespondent ? 'mean' : 'sum');
  if (aggregate === 'sum' && (facts.isTarget || share)) aggregate = 'mean';
  return { better, aggregate };
}

/** Met means at the target or on its better side; equal to the target is met either way. */
export const meetsTarget = (value: number, target: number, better: Better): boolean => (better === 'lower' ? value <= target : value >= target);

export const BETTER_LABEL: Record<Better, string> = { higher: 'højere er bedre', lower: 'lavere er bedre' };
export const AGGREGATE_LABEL: Record<Aggregate, string> = { sum: 'Sum', mean: 'Gennemsnit', median: 'Median', none: 'Ingen samlet værdi' };

const withUnit = (n: number, unit: string | undefined | null): string => (unit ? `${fmt(n)} ${unit}` : fmt(n));

/** "mål på højst 150 personer" / "mål på mindst 100 %". */
export function targetPhrase(target: number, better: Better, unit?: string | null): string {
  return `mål på ${better === 'lower' ? 'højst' : 'mindst'} ${withUnit(target, unit)}`;
}

/** Where the value lies against the target: "over målet", "under målet" or "på målet". */
export function targetPosition(value: number, target: number): 'over målet' | 'under målet' | 'på målet' {
  return value > target ? 'over målet' : value < target ? 'under målet' : 'på målet';
}

/** "182 personer mod et mål på højst 150: over målet". */
export function targetSentence(value: number, target: number, better: Better, unit?: string | null): string {
  return `${withUnit(value, unit)} mod et ${targetPhrase(target, better)}: ${targetPosition(value, target)}`;
}

/** "nået" or "ikke nået", for a column beside the sentence. */
export const verdictLabel = (met: boolean): string => (met ? 'Nået' : 'Ikke nået');

/** The sentence with its verdict, for one cell: "182 personer mod et mål på højst 150: over målet (ikke nået)". */
export function targetVerdict(value: number, target: number, better: Better, unit?: string | null): string {
  return `${targetSentence(value, target, better, unit)} (${verdictLabel(meetsTarget(value, target, better)).toLowerCase()})`;
}
