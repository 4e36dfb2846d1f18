// The report's chart helpers: round axis ticks, text measured in the fallback font, and labels
// wrapped rather than cut. The browser test (test/browser/summary-report-labels.test.ts) proves
// on Debian's Chromium that the measured layout really fits.
import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks, stackedBars, textWidth, wrapText } from '#core/summary/svg';

describe('axis ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten, covering the data', () => {
    expect(niceTicks(0, 108)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0, 1512)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(0, 0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(-12, 47)).toEqual([-20, 0, 20, 40, 60]);
    expect(niceTicks(0, 182)).toEqual([0, 50, 100, 150, 200]);
  });

  it('every tick is a multiple of its step and the step is 1, 2 or 5 × 10^k', () => {
    for (const [lo, hi] of [[0, 7], [0, 33], [3, 9.5], [0, 250000], [-5, 5], [0, 0.013]] as const) {
      const t = niceTicks(lo, hi);
      const step = t[1]! - t[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9), `${lo}..${hi}: step ${step}`).toBe(true);
      expect(t[0]!).toBeLessThanOrEqual(lo);
      expect(t[t.length - 1]!).toBeGreaterThanOrEqual(hi);
      expect(t.length).toBeLessThanOrEqual(7);
    }
  });

  it('gives 0, 25, 50, 75 and 100 for a share', () => {
    expect(niceTicks(0, 98, { share: true })).toEqual([0, 25, 50, 75, 100]);
  });

  it('draws a percentage chart on 0–100 % with no odd ticks', () => {
    const svg = lineChart('Fremdrift', ['2025', '2026'], [{ name: 'Gennemsnit', points: [{ x: '2025', y: 60 }, { x: '2026', y: 98 }] }], [{ x: '2026', y: 100 }], '%');
    const ticks = [...svg.matchAll(/class="lbl">([^<]*) %<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['0', '25', '50', '75', '100']);
  });
});

describe('text measure and wrapping', () => {
  it('measures the fallback font: wide letters wider than narrow ones, Danish letters known', () => {
    expect(textWidth('mmmm', 11)).toBeGreaterThan(textWidth('iiii', 11) * 3);
    expect(textWidth('æøå', 11)).toBeLessThan(textWidth('MMM', 11) * 1.2);
  });

  it('wraps at spaces within the width, and ends an over-long label with an ellipsis', () => {
    const lines = wrapText('Reduceret overdødelighed blandt mennesker med psykiske lidelser', 160, 11);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(160);
    expect(lines.join(' ')).toBe('Reduceret overdødelighed blandt mennesker med psykiske lidelser');
    const long = wrapText('ord '.repeat(80), 100, 11, 2);
    expect(long).toHaveLength(2);
    expect(long[1]!.endsWith('…')).toBe(true);
    expect(textWidth(long[1]!, 11)).toBeLessThanOrEqual(100);
  });

  it('makes the total column as wide as its widest total, so "98 forventet" is never cut', () => {
    const svg = stackedBars('Indberetning', ['a', 'b'], [{ label: 'Hele landet', parts: [{ value: 60, title: 'a' }, { value: 38, title: 'b' }] }], { totalLabel: (t) => `${t} forventet` });
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    const x = Number(/<text x="([\d.]+)" y="[\d.]+" class="lbl">98 forventet<\/text>/.exec(svg)![1]);
    expect(x + textWidth('98 forventet', 11)).toBeLessThanOrEqual(width);
  });
});
