// A publication edition as one printable Danish HTML page: A4 print CSS (the house style), one
// h1, a table of contents, an h2 per section, tables with header cells and a caption, and charts
// as inline SVG with a text alternative. A pure function of the edition: the page of a published
// edition is rendered once at publishing and stored, so it never changes afterwards.
// Markdown goes through marked with raw HTML escaped and only http(s)/mailto links kept; the page
// is also served under a CSP that runs no script (functions/http/print-page.ts).
import { Marked } from 'marked';
import { PRINT_CSS } from '#core/print-css';
import { formatDanishDateTime } from '#core/danish-time';
import type { BlockSnapshot, Section } from '#schemas/publication';

/** Everything a renderer needs: the frozen text and the frozen data of every block. */
export interface EditionDocument {
  publicationId: string;
  title: string;
  /** 0 for a draft preview. */
  edition: number;
  revision: number;
  publishedAt?: string;
  publishedBy?: string;
  exampleNotice?: string;
  authors: string[];
  sections: (Section & { snapshot?: BlockSnapshot })[];
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

const markdown = new Marked({ gfm: true, async: false });
markdown.use({
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // Sections are h2; a writer's "# Overskrift" inside one becomes h3, never a second h1.
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, tokens }) {
      if (!SAFE_LINK.test(href)) return this.parser.parseInline(tokens);
      return false;
    },
    // No images from elsewhere: the page makes no request. The alternative text stays.
    image: ({ text }) => escapeHtml(text),
  },
});

/** A table that may scroll sideways on a narrow screen, in a labelled box the keyboard can reach (WCAG 1.4.10, 2.1.1). */
const scrollBox = (label: string, table: string) => `<div class="table-wrap" role="region" aria-label="${escapeHtml(label)}" tabindex="0">${table}</div>`;

export const markdownToHtml = (md: string): string =>
  markdown.parse(md, { async: false }).replace(/<table>[\s\S]*?<\/table>/g, (table) => scrollBox('Tabel', table));

export const formatCell = (v: string | number | null): string =>
  v === null ? '–' : typeof v === 'number' ? v.toLocaleString('da-DK', { maximumFractionDigits: 1 }) : v;

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Horizontal bars; the labels are shortened here and given in full in the table below. The page
 * lets the drawing take the column's width; the PDF (pdfmake, which reads the size from the
 * attributes) gets the same drawing with its size in points (`fixedSize`).
 */
export function chartSvg(chart: NonNullable<BlockSnapshot['chart']>, altId: string, fixedSize = false): string {
  const rowH = 22;
  const labelW = 210;
  const barW = 330;
  const h = chart.values.length * rowH + 8;
  const bars = chart.values
    .map((v, i) => {
      const y = 4 + i * rowH;
      const w = chart.max > 0 ? Math.max(0, (v.value / chart.max) * barW) : 0;
      return (
        `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="11">${escapeHtml(shorten(v.label, 34))}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="#14365d"/>` +
        `<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 15}" font-size="11">${escapeHtml(formatCell(v.value))}</text>`
      );
    })
    .join('');
  const size = fixedSize ? `width="600" height="${h}"` : 'width="100%"';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 ${h}" ${size} role="img" aria-labelledby="${altId}" font-family="Arial, sans-serif">${bars}</svg>`;
}

/** The chart's text alternative, the same in the page (its figcaption) and the PDF (the line under it). */
export const chartCaption = (s: BlockSnapshot): string => (s.chart ? `${s.chart.label}: ${s.summary}` : s.summary);

function blockHtml(section: Section & { snapshot?: BlockSnapshot }): string {
  const s = section.snapshot;
  if (!s) return '<p class="note">Data indsættes, når publikationen udgives.</p>';
  if (s.missing) return `<p class="note">${escapeHtml(s.missing)}</p>`;
  const altId = `alt-${section.id}`;
  const head = s.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const body = s.rows
    .map((row) => `<tr>${row.map((v, i) => (i === 0 ? `<th scope="row">${escapeHtml(formatCell(v))}</th>` : `<td${s.columns[i]?.numeric ? ' class="num"' : ''}>${escapeHtml(formatCell(v))}</td>`)).join('')}</tr>`)
    .join('');
  const chart = s.chart && s.chart.values.length > 0 ? `<figure>${chartSvg(s.chart, altId)}<figcaption id="${altId}">${escapeHtml(chartCaption(s))}</figcaption></figure>` : `<p>${escapeHtml(s.summary)}</p>`;
  const built = s.source.contentHash ? `, opgjort ${escapeHtml(formatDanishDateTime(new Date(s.source.builtAt)))} (indholds-id ${escapeHtml(s.source.contentHash.slice(0, 12))})` : '';
  const what = s.source.kind === 'round-summary' ? `opsamlingen af indberetningsrunden ${s.source.id}` : `de nationale indikatordata for skemaet ${s.source.id}`;
  return (
    chart +
    scrollBox(s.caption, `<table><caption>${escapeHtml(s.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`) +
    `<p class="source">Kilde: ${escapeHtml(what)}${built}.</p>`
  );
}

const EXTRA_CSS = `
header .status { font-weight: 600; }
nav ol { padding-left: 5mm; }
figure { margin: 2mm 0 3mm; break-inside: avoid; }
figcaption { font-size: 9pt; color: #333; }
caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
p.source { font-size: 8.5pt; color: #444; }
section { break-inside: auto; }
@media screen and (max-width: 600px) { body { padding: 4mm; } .table-wrap { overflow-x: auto; } .table-wrap:focus { outline: 2px solid #14365d; } }
`;

export function editionHtml(doc: EditionDocument): string {
  const status =
    doc.edition === 0
      ? 'Udkast – ikke udgivet'
      : `Udgave ${doc.edition}, udgivet ${doc.publishedAt ? formatDanishDateTime(new Date(doc.publishedAt)) : ''}`;
  const toc = doc.sections.map((s) => `<li><a href="#sec-${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
  const sections = doc.sections
    .map((s) => {
      const text = s.markdown ? markdownToHtml(s.markdown) : '';
      const inner = s.kind === 'data' ? blockHtml(s) + text : text;
      return `<section aria-labelledby="sec-${s.id}"><h2 id="sec-${s.id}">${escapeHtml(s.title)}</h2>${inner}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${PRINT_CSS}${EXTRA_CSS}</style>
</head>
<body>
<header>
<p class="meta">Sundhedsstyrelsen</p>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta status">${escapeHtml(status)}</p>
${doc.exampleNotice ? `<p class="note">${escapeHtml(doc.exampleNotice)}</p>` : ''}
</header>
<main>
<nav aria-labelledby="indhold"><h2 id="indhold">Indhold</h2><ol>${toc}</ol></nav>
${sections}
</main>
</body>
</html>
`;
}
