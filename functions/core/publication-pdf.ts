// A publication edition as a PDF, made with pdfmake (pure JavaScript on pdfkit, no browser): A4,
// Danish, Roboto embedded from pdfmake's own font file (so æ, ø and å are real text, searchable and
// extractable), tagged with a title and language, tables with a repeated header row. Loaded only
// by the publications function and only when a PDF is made (a dynamic import), so no other
// function's bundle or cold start carries it. Reads nothing from disk or the network.
import pdfmake from 'pdfmake';
import vfs from 'pdfmake/build/vfs_fonts.js';
import PdfmakeDocument from 'pdfmake/js/PDFDocument.js';
import type { Content, TableCell } from 'pdfmake';
import { Lexer, type Token, type Tokens } from 'marked';
import { formatDanishDateTime } from '#core/danish-time';
import { chartCaption, chartSvg, formatCell, type EditionDocument } from '#core/publication-html';

interface VirtualFs {
  writeFileSync(name: string, content: string, encoding: string): void;
}

let ready = false;
function setup(): void {
  if (ready) return;
  const fs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const [name, base64] of Object.entries(vfs as Record<string, string>)) fs.writeFileSync(name, base64, 'base64');
  pdfmake.setFonts({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } });
  // Nothing is fetched or read: a writer's Markdown cannot make the renderer reach out.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  // pdfmake 0.3 finds a font for text inside an SVG by its file name and hands that name to
  // svg-to-pdfkit, which opens it from disk, not from the virtual file system the rest of the
  // document uses. Giving the SVG renderer the font's bytes keeps charts' labels in the same
  // embedded Roboto (extractable æ, ø, å) and the renderer off the disk.
  const fontBytes: Record<string, Buffer> = {};
  for (const [name, base64] of Object.entries(vfs as Record<string, string>)) fontBytes[name] = Buffer.from(base64, 'base64');
  const proto = (PdfmakeDocument.default ?? PdfmakeDocument).prototype;
  const byName = proto.getFontFile;
  proto.getFontFile = function (this: unknown, family: string, bold: boolean, italics: boolean) {
    const file = byName.call(this, family, bold, italics);
    return typeof file === 'string' && file in fontBytes ? fontBytes[file]! : file;
  };
  ready = true;
}

type Inline = string | { text: Inline[] | string; bold?: boolean; italics?: boolean; link?: string; decoration?: 'underline' };

function inline(tokens: readonly Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push({ text: inline((t as Tokens.Strong).tokens), bold: true });
        break;
      case 'em':
        out.push({ text: inline((t as Tokens.Em).tokens), italics: true });
        break;
      case 'link': {
        const l = t as Tokens.Link;
        out.push(/^(https?:\/\/|mailto:)/i.test(l.href) ? { text: inline(l.tokens), link: l.href, decoration: 'underline' } : { text: inline(l.tokens) });
        break;
      }
      case 'br':
        out.push('\n');
        break;
      case 'text': {
        const x = t as Tokens.Text;
        out.push(...(x.tokens ? inline(x.tokens) : [decode(x.text)]));
        break;
      }
      default:
        out.push(decode('text' in t && typeof t.text === 'string' ? t.text : t.raw));
    }
  }
  return out;
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

function blocks(tokens: readonly Token[]): Content[] {
  const out: Content[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        out.push({ text: inline(h.tokens), style: h.depth <= 1 ? 'h3' : 'h4' } as Content);
        break;
      }
      case 'paragraph':
        out.push({ text: inline((t as Tokens.Paragraph).tokens), margin: [0, 0, 0, 6] } as Content);
        break;
      case 'list': {
        const l = t as Tokens.List;
        const items = l.items.map((i) => ({ stack: blocks(i.tokens) }) as Content);
        out.push((l.ordered ? { ol: items, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] }) as Content);
        break;
      }
      case 'blockquote':
        out.push({ stack: blocks((t as Tokens.Blockquote).tokens), margin: [12, 0, 0, 6], italics: true } as Content);
        break;
      case 'table': {
        const tb = t as Tokens.Table;
        const head = tb.header.map((c) => ({ text: inline(c.tokens), style: 'th' }) as TableCell);
        const rows = tb.rows.map((r) => r.map((c) => ({ text: inline(c.tokens) }) as TableCell));
        out.push({ table: { headerRows: 1, body: [head, ...rows] }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] } as Content);
        break;
      }
      case 'code':
        out.push({ text: (t as Tokens.Code).text, margin: [0, 0, 0, 6] } as Content);
        break;
      case 'space':
      case 'hr':
        break;
      default:
        if ('tokens' in t && Array.isArray(t.tokens)) out.push({ text: inline(t.tokens) } as Content);
        else out.push({ text: decode(t.raw) } as Content);
    }
  }
  return out;
}

const markdown = (md: string): Content[] => (md.trim() ? blocks(new Lexer({ gfm: true }).lex(md)) : []);

function dataBlock(section: EditionDocument['sections'][number]): Content[] {
  const s = section.snapshot;
  if (!s) return [{ text: 'Data indsættes, når publikationen udgives.', italics: true }];
  if (s.missing) return [{ text: s.missing, italics: true }];
  const head = s.columns.map((c) => ({ text: c.label, style: 'th', alignment: c.numeric ? 'right' : 'left' }) as TableCell);
  const rows = s.rows.map((r) => r.map((v, i) => ({ text: formatCell(v), alignment: s.columns[i]?.numeric ? 'right' : 'left' }) as TableCell));
  const built = s.source.contentHash ? `, opgjort ${formatDanishDateTime(new Date(s.source.builtAt))} (indholds-id ${s.source.contentHash.slice(0, 12)})` : '';
  const what = s.source.kind === 'round-summary' ? `opsamlingen af indberetningsrunden ${s.source.id}` : `de nationale indikatordata for skemaet ${s.source.id}`;
  // The page's own chart drawing (vector, its labels real text in Roboto), then its text alternative.
  const chart: Content[] =
    s.chart && s.chart.values.length > 0
      ? [
          { svg: chartSvg(s.chart, `alt-${section.id}`, true), width: CONTENT_WIDTH, margin: [0, 2, 0, 2] } as Content,
          { text: chartCaption(s), fontSize: 9, color: '#333333', margin: [0, 0, 0, 6] },
        ]
      : [{ text: s.summary, margin: [0, 0, 0, 4] }];
  return [
    { text: s.caption, bold: true, margin: [0, 2, 0, 2] },
    ...chart,
    ...(s.rows.length
      ? [{ table: { headerRows: 1, dontBreakRows: true, widths: s.columns.map((c) => (c.numeric ? 'auto' : '*')), body: [head, ...rows] }, layout: 'lightHorizontalLines', fontSize: 8.5, margin: [0, 0, 0, 4] } as Content]
      : []),
    { text: `Kilde: ${what}${built}.`, fontSize: 8, color: '#444444', margin: [0, 0, 0, 8] },
  ];
}

/** A4 (595 pt) less the page margins below. */
const CONTENT_WIDTH = 595 - 40 - 40;

export async function editionPdf(doc: EditionDocument): Promise<Buffer> {
  setup();
  const status = doc.edition === 0 ? 'Udkast – ikke udgivet' : `Udgave ${doc.edition}, udgivet ${doc.publishedAt ? formatDanishDateTime(new Date(doc.publishedAt)) : ''}`;
  const content: Content[] = [
    { text: 'Sundhedsstyrelsen', color: '#444444' },
    { text: doc.title, style: 'h1' },
    { text: status, bold: true, margin: [0, 0, 0, 6] },
    ...(doc.exampleNotice ? [{ text: doc.exampleNotice, italics: true, margin: [0, 0, 0, 8] } as Content] : []),
    { toc: { title: { text: 'Indhold', style: 'h2' } } } as Content,
  ];
  for (const s of doc.sections) {
    content.push({ text: s.title, style: 'h2', tocItem: true } as Content);
    if (s.kind === 'data') content.push(...dataBlock(s));
    content.push(...markdown(s.markdown ?? ''));
  }
  const created = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 56],
    language: 'da-DK',
    info: { title: doc.title, author: 'Sundhedsstyrelsen', subject: status, creator: 'Statusportalen' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, color: '#14365d', margin: [0, 2, 0, 4] },
      h2: { fontSize: 13, bold: true, color: '#14365d', margin: [0, 12, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 3] },
      h4: { fontSize: 10, bold: true, margin: [0, 4, 0, 2] },
      th: { bold: true, fillColor: '#e8eef5' },
    },
    footer: (page: number, pages: number) => ({ text: `${doc.title} · side ${page} af ${pages}`, alignment: 'center', fontSize: 8, color: '#444444', margin: [40, 20, 40, 0] }),
    content,
  });
  return Buffer.from(await created.getBuffer());
}
