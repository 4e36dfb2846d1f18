// Small numeric helpers shared by the summary engine: rounding that keeps JSON free of
// binary-fraction noise (0.1 + 0.2), and order statistics.
import type { NumberStats } from '#core/summary/model';
import type { Aggregate } from '#core/summary/direction';

/** Six decimals: exact for every figure a form collects, free of float noise. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Percent with one decimal; 0 when the denominator is 0. */
export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export function statsOf(values: number[]): NumberStats {
  const n = values.length;
  if (n === 0) return { n: 0, sum: null, mean: null, median: null, min: null, max: null };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n, sum: round6(sum), mean: round6(sum / n), median: round6(median), min, max };
}

/** The statistics the aggregation allows: no sum unless it is `sum`, no centre when it is `none`. */
export function aggregated(stats: NumberStats, aggregate: Aggregate): NumberStats {
  return {
    ...stats,
    sum: aggregate === 'sum' ? stats.sum : null,
    ...(aggregate === 'none' ? { mean: null, median: null } : {}),
  };
}
