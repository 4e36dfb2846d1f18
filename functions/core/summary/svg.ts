// Tiny inline-SVG charts for the printable report: no scripts, no external files, so the
// report prints the same from any browser and passes a strict CSP. Sizes are in CSS pixels
// inside a viewBox, so charts scale to the A4 text width.

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999', '#000000'];

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// Made on first use: the formatter loads ICU's Danish data, which a cold start need not pay for.
let nf: Intl.NumberFormat | undefined;
export const fmt = (n: number): string => (nf ??= new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 })).format(n);

export interface StackedBar {
  label: string;
  parts: { value: number; title: string }[];
}

/**
 * Horizontal 100 % stacked bars, one per row, with a legend. `parts` share their legend by
 * position; the row's total is written at the right.
 */
export function stackedBars(
  title: string,
  legend: string[],
  bars: StackedBar[],
  options: { totalLabel?: (total: number) => string; colours?: string[] } = {},
): string {
  const colours = options.colours ?? PALETTE;
  const labelW = 230;
  const barW = 380;
  const rowH = 22;
  const legendH = Math.ceil(legend.length / 3) * 18 + 8;
  const height = bars.length * rowH + legendH + 10;
  const width = labelW + barW + 70;
  const out: string[] = [];
  bars.forEach((bar, i) => {
    const y = i * rowH + 4;
    const total = bar.parts.reduce((a, p) => a + p.value, 0);
    out.push(`<text x="${labelW - 6}" y="${y + 13}" text-anchor="end" class="lbl">${esc(truncate(bar.label, 38))}</text>`);
    let x = labelW;
    bar.parts.forEach((p, j) => {
      if (p.value <= 0 || total === 0) return;
      const w = (p.value / total) * barW;
      out.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${colours[j % colours.length]}"><title>${esc(`${bar.label}: ${p.title} ${fmt(p.value)}`)}</title></rect>`);
      if (w > 22) out.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + 12}" text-anchor="middle" class="in">${fmt(p.value)}</text>`);
      x += w;
    });
    if (total === 0) out.push(`<rect x="${labelW}" y="${y}" width="${barW}" height="${rowH - 6}" fill="#eee"/>`);
    out.push(`<text x="${labelW + barW + 6}" y="${y + 13}" class="lbl">${esc(options.totalLabel ? options.totalLabel(total) : `n=${fmt(total)}`)}</text>`);
  });
  const ly = bars.length * rowH + 12;
  legend.forEach((l, j) => {
    const x = (j % 3) * 230;
    const y = ly + Math.floor(j / 3) * 18;
    out.push(`<rect x="${x}" y="${y}" width="11" height="11" fill="${colours[j % colours.length]}"/><text x="${x + 16}" y="${y + 10}" class="lbl">${esc(truncate(l, 34))}</text>`);
  });
  return figure(title, width, height, out.join(''));
}

export interface LineSeries {
  name: string;
  points: { x: string; y: number }[];
}

/** A line chart over periods, with an optional dashed target line per x. */
export function lineChart(title: string, xs: string[], series: LineSeries[], target?: { x: string; y: number }[], unit = ''): string {
  const width = 640;
  const height = 230;
  const left = 50;
  const right = 150;
  const top = 12;
  const bottom = 30;
  const all = [...series.flatMap((s) => s.points.map((p) => p.y)), ...(target ?? []).map((t) => t.y)];
  if (all.length === 0 || xs.length === 0) return '';
  let min = Math.min(0, ...all);
  let max = Math.max(...all);
  if (max === min) max = min + 1;
  const pad = (max - min) * 0.08;
  max += pad;
  if (min < 0) min -= pad;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const xAt = (x: string) => left + (xs.length === 1 ? plotW / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotW);
  const yAt = (y: number) => top + plotH - ((y - min) / (max - min)) * plotH;
  const out: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = min + ((max - min) * i) / 4;
    const y = yAt(v);
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/><text x="${left - 4}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="lbl">${fmt(v)}</text>`);
  }
  for (const x of xs) out.push(`<text x="${xAt(x).toFixed(1)}" y="${height - 10}" text-anchor="middle" class="lbl">${esc(x)}</text>`);
  if (target && target.length) {
    const d = target.filter((t) => xs.includes(t.x)).map((t, i) => `${i ? 'L' : 'M'}${xAt(t.x).toFixed(1)},${yAt(t.y).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" class="target"/>`);
    if (target.length === 1) out.push(`<line x1="${left}" x2="${left + plotW}" y1="${yAt(target[0]!.y).toFixed(1)}" y2="${yAt(target[0]!.y).toFixed(1)}" class="target"/>`);
  }
  series.slice(0, PALETTE.length).forEach((s, j) => {
    const colour = PALETTE[j % PALETTE.length];
    const pts = s.points.filter((p) => xs.includes(p.x));
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${xAt(p.x).toFixed(1)},${yAt(p.y).toFixed(1)}`).join(' ');
    if (pts.length > 1) out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const p of pts) out.push(`<circle cx="${xAt(p.x).toFixed(1)}" cy="${yAt(p.y).toFixed(1)}" r="3.5" fill="${colour}"><title>${esc(`${s.name} ${p.x}: ${fmt(p.y)}${unit ? ` ${unit}` : ''}`)}</title></circle>`);
    out.push(`<rect x="${left + plotW + 12}" y="${top + j * 18}" width="11" height="11" fill="${colour}"/><text x="${left + plotW + 28}" y="${top + j * 18 + 10}" class="lbl">${esc(truncate(s.name, 20))}</text>`);
  });
  if (target && target.length) {
    const y = top + Math.min(series.length, PALETTE.length) * 18;
    out.push(`<line x1="${left + plotW + 12}" x2="${left + plotW + 24}" y1="${y + 6}" y2="${y + 6}" class="target"/><text x="${left + plotW + 28}" y="${y + 10}" class="lbl">Mål</text>`);
  }
  return figure(title, width, height, out.join(''));
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function figure(title: string, width: number, height: number, body: string): string {
  return `<figure><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">${body}</svg></figure>`;
}
