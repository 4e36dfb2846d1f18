// Tiny inline-SVG charts for the printable report: no scripts, no external files, so the
// report prints the same from any browser and passes a strict CSP. Sizes are in CSS pixels
// inside a viewBox, so charts scale to the A4 text width.

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999', '#000000'];

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// Made on first use: the formatter loads ICU's Danish data, which a cold start need not pay for.
let nf: Intl.NumberFormat | undefined;
export const fmt = (n: number): string => (nf ??= new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 })).format(n);

// ---------- text measure ----------

/**
 * Advance widths in thousandths of an em of DejaVu Sans, the font Debian's Chromium falls back to
 * when none of the report's fonts (Segoe UI, Helvetica Neue, Arial) is installed, and the widest
 * of them: a label laid out for it fits in the others. Measured in Chromium with canvas
 * measureText; a character not listed counts as a full em, so an unknown glyph only wastes room.
 */
const ADVANCE: Record<string, number> = JSON.parse(
  '{"0":636,"1":636,"2":636,"3":636,"4":636,"5":636,"6":636,"7":636,"8":636,"9":636," ":318,"!":401,"\\"":460,"#":838,"$":636,"%":950,"&":780,"\'":275,"(":390,")":390,"*":500,"+":838,",":318,"-":361,".":318,"/":337,":":337,";":337,"<":838,"=":838,">":838,"?":531,"@":1000,"A":684,"B":686,"C":698,"D":770,"E":632,"F":575,"G":775,"H":752,"I":295,"J":295,"K":656,"L":557,"M":863,"N":748,"O":787,"P":603,"Q":787,"R":695,"S":635,"T":611,"U":732,"V":684,"W":989,"X":685,"Y":611,"Z":685,"[":390,"]":390,"^":838,"_":500,"a":613,"b":635,"c":550,"d":635,"e":615,"f":352,"g":635,"h":634,"i":278,"j":278,"k":579,"l":278,"m":974,"n":634,"o":612,"p":635,"q":635,"r":411,"s":521,"t":392,"u":634,"v":592,"w":818,"x":592,"y":592,"z":525,"{":636,"|":337,"}":636,"~":838,"æ":982,"ø":612,"å":613,"Æ":974,"Ø":787,"Å":684,"é":615,"ü":634,"–":500,"—":1000,"…":1000,"›":400,"·":318,"«":612,"»":612,"’":318,"”":518,"“":518,"\u00a0":318,"\u202f":318}',
) as Record<string, number>;

/** The width of `text` at `size` px in the fallback font, with 3 % to spare for hinting. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += ADVANCE[ch] ?? 1000;
  return (units / 1000) * size * 1.03;
}

/**
 * `text` broken at spaces into lines no wider than `width`, at most `maxLines` of them; a word
 * longer than a line is cut, and what does not fit in the last line ends in an ellipsis (the
 * full text stays in the element's <title>).
 */
export function wrapText(text: string, width: number, size: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => textWidth(s, size) <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line)) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} ${lines[maxLines]}`;
  while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** Lines as one <text> of <tspan>s, the first baseline at `y`, `gap` between baselines. */
function multiline(lines: string[], x: number, y: number, gap: number, attrs: string): string {
  if (lines.length === 1) return `<text x="${x}" y="${y}" ${attrs}>${esc(lines[0]!)}</text>`;
  return `<text x="${x}" y="${y}" ${attrs}>${lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : gap}">${esc(l)}</tspan>`).join('')}</text>`;
}

// ---------- axis ----------

/**
 * Round ticks for an axis from `min` to `max`: steps of 1, 2 or 5 times a power of ten, about
 * `count` of them, the first at or below `min` and the last at or above `max`. A share (0–100 %)
 * gets 0, 25, 50, 75 and 100.
 */
export function niceTicks(min: number, max: number, options: { share?: boolean; count?: number } = {}): number[] {
  if (options.share && min >= 0 && max <= 100) return [0, 25, 50, 75, 100];
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / (options.count ?? 4);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power);
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step - 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  // Clean the binary noise of steps like 0.1 or 0.2.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return ticks.map((t) => Number(t.toFixed(decimals)));
}

// ---------- charts ----------

const LABEL = 11;
const INNER = 10;
const LINE = 13;

export interface StackedBar {
  label: string;
  parts: { value: number; title: string }[];
}

/**
 * Horizontal 100 % stacked bars, one per row, with a legend. `parts` share their legend by
 * position; the row's total is written at the right. Every text is measured: row labels wrap
 * (up to three lines) in a column as wide as they need (at most 260), the total column is as
 * wide as its widest total, and the legend flows onto as many lines as it takes.
 */
export function stackedBars(
  title: string,
  legend: string[],
  bars: StackedBar[],
  options: { totalLabel?: (total: number) => string; colours?: string[] } = {},
): string {
  const colours = options.colours ?? PALETTE;
  const barW = 380;
  const gap = 6;
  const totals = bars.map((bar) => bar.parts.reduce((a, p) => a + p.value, 0));
  const totalTexts = totals.map((t) => (options.totalLabel ? options.totalLabel(t) : `n=${fmt(t)}`));
  const labelW = Math.min(260, Math.max(60, ...bars.map((b) => textWidth(b.label, LABEL))));
  const totalW = Math.max(...totalTexts.map((t) => textWidth(t, LABEL)), 0);
  const width = Math.ceil(labelW + gap + barW + gap + totalW + 2);
  const out: string[] = [];
  let y = 4;
  bars.forEach((bar, i) => {
    const lines = wrapText(bar.label, labelW, LABEL);
    const rowH = Math.max(22, lines.length * LINE + 8);
    const barY = y + (rowH - 22) / 2;
    const total = totals[i]!;
    const x0 = labelW + gap;
    out.push(multiline(lines, labelW, barY + 13 - ((lines.length - 1) * LINE) / 2, LINE, 'text-anchor="end" class="lbl"'));
    let x = x0;
    bar.parts.forEach((p, j) => {
      if (p.value <= 0 || total === 0) return;
      const w = (p.value / total) * barW;
      out.push(`<rect x="${x.toFixed(1)}" y="${barY}" width="${w.toFixed(1)}" height="16" fill="${colours[j % colours.length]}"><title>${esc(`${bar.label}: ${p.title} ${fmt(p.value)}`)}</title></rect>`);
      const inner = fmt(p.value);
      if (textWidth(inner, INNER) + 4 <= w) out.push(`<text x="${(x + w / 2).toFixed(1)}" y="${barY + 12}" text-anchor="middle" class="in">${inner}</text>`);
      x += w;
    });
    if (total === 0) out.push(`<rect x="${x0}" y="${barY}" width="${barW}" height="16" fill="#eee"/>`);
    out.push(`<text x="${x0 + barW + gap}" y="${barY + 13}" class="lbl">${esc(totalTexts[i]!)}</text>`);
    y += rowH;
  });
  // The legend flows left to right and onto the next line when the next entry does not fit.
  y += 8;
  let lx = 0;
  legend.forEach((l, j) => {
    const lines = wrapText(l, width - 16, LABEL, 2);
    const w = 16 + Math.max(...lines.map((t) => textWidth(t, LABEL))) + 14;
    if (lx > 0 && lx + w > width) {
      lx = 0;
      y += 18;
    }
    out.push(`<rect x="${lx}" y="${y}" width="11" height="11" fill="${colours[j % colours.length]}"/>${multiline(lines, lx + 16, y + 10, LINE, 'class="lbl"')}`);
    if (lines.length > 1) {
      lx = 0;
      y += 18 + (lines.length - 1) * LINE;
    } else lx += w;
  });
  const height = Math.ceil(y + (lx > 0 ? 18 : 0) + 4);
  return figure(title, width, height, out.join(''));
}

export interface LineSeries {
  name: string;
  points: { x: string; y: number }[];
}

/**
 * A line chart over periods, with an optional dashed target line per x. The y axis has round
 * ticks (1-2-5 steps; 0/25/50/75/100 for a share in %), its labels and the x labels are measured
 * so none is cut at the edge, and the legend at the right wraps long names.
 */
export function lineChart(title: string, xs: string[], series: LineSeries[], target?: { x: string; y: number }[], unit = ''): string {
  const all = [...series.flatMap((s) => s.points.map((p) => p.y)), ...(target ?? []).map((t) => t.y)];
  if (all.length === 0 || xs.length === 0) return '';
  const share = unit.trim() === '%';
  const ticks = niceTicks(Math.min(0, ...all), Math.max(...all), { share });
  const min = ticks[0]!;
  const max = ticks[ticks.length - 1]!;
  const tickText = (v: number) => (share ? `${fmt(v)} %` : fmt(v));
  const legendW = 150;
  const shown = series.slice(0, PALETTE.length);
  const legendLines = shown.map((s) => wrapText(s.name, legendW - 18, LABEL, 2));
  const firstX = textWidth(xs[0]!, LABEL) / 2;
  const left = Math.ceil(Math.max(Math.max(...ticks.map((t) => textWidth(tickText(t), LABEL))) + 8, firstX + 2));
  const top = 12;
  const bottom = 30;
  const plotW = 640 - 150 - left;
  const legendH = legendLines.reduce((a, l) => a + 18 + (l.length - 1) * LINE, 0) + (target?.length ? 18 : 0);
  const plotH = Math.max(188, legendH);
  const width = left + plotW + 12 + legendW;
  const height = top + plotH + bottom;
  const xAt = (x: string) => left + (xs.length === 1 ? plotW / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotW);
  const yAt = (y: number) => top + plotH - ((y - min) / (max - min)) * plotH;
  const out: string[] = [];
  for (const v of ticks) {
    const y = yAt(v);
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/><text x="${left - 4}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="lbl">${tickText(v)}</text>`);
  }
  for (const x of xs) out.push(`<text x="${xAt(x).toFixed(1)}" y="${height - 10}" text-anchor="middle" class="lbl">${esc(x)}</text>`);
  if (target && target.length) {
    const d = target.filter((t) => xs.includes(t.x)).map((t, i) => `${i ? 'L' : 'M'}${xAt(t.x).toFixed(1)},${yAt(t.y).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" class="target"/>`);
    if (target.length === 1) out.push(`<line x1="${left}" x2="${left + plotW}" y1="${yAt(target[0]!.y).toFixed(1)}" y2="${yAt(target[0]!.y).toFixed(1)}" class="target"/>`);
  }
  let ly = top;
  const lx = left + plotW + 12;
  shown.forEach((s, j) => {
    const colour = PALETTE[j % PALETTE.length];
    const pts = s.points.filter((p) => xs.includes(p.x));
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${xAt(p.x).toFixed(1)},${yAt(p.y).toFixed(1)}`).join(' ');
    if (pts.length > 1) out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const p of pts) out.push(`<circle cx="${xAt(p.x).toFixed(1)}" cy="${yAt(p.y).toFixed(1)}" r="3.5" fill="${colour}"><title>${esc(`${s.name} ${p.x}: ${fmt(p.y)}${unit ? ` ${unit}` : ''}`)}</title></circle>`);
    const lines = legendLines[j]!;
    out.push(`<rect x="${lx}" y="${ly}" width="11" height="11" fill="${colour}"/>${multiline(lines, lx + 16, ly + 10, LINE, 'class="lbl"')}`);
    ly += 18 + (lines.length - 1) * LINE;
  });
  if (target && target.length) {
    out.push(`<line x1="${lx}" x2="${lx + 12}" y1="${ly + 6}" y2="${ly + 6}" class="target"/><text x="${lx + 16}" y="${ly + 10}" class="lbl">Mål</text>`);
  }
  return figure(title, Math.ceil(width), Math.ceil(height), out.join(''));
}

function figure(title: string, width: number, height: number, body: string): string {
  return `<figure><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">${body}</svg></figure>`;
}
