// The summary as an Excel workbook (exceljs): a sheet for completeness per region, one for each
// organisation's status, one per form section, the national indicators (always, saying so when
// none are loaded yet), and a last sheet saying what the workbook is. Every sheet starts with its
// full title in A1 (a sheet name holds 31 characters), then a frozen, filterable header row
// repeated on every printed page; A4 landscape, fitted to the page width. Figures are numeric
// cells and dates real dates in a Danish format, so Excel sums, sorts and pivots them directly.
// Wrapped rows get an explicit height estimated from their text and column width, and one-line rows
// none: then no reader has to recompute optimal heights on load, which LibreOffice does not always
// do for rows of an .xlsx (wrapped lines then run over the next row), and Excel and LibreOffice
// show the same rows.
import type ExcelJS from 'exceljs';
import { DANISH_ZONE } from '#core/danish-time';
import type { RoundSummary } from '#core/summary/model';
import { ALL_REGIONS, COMPLETENESS_MEASURES, INDICATOR_SECTION, indicatorRows, sectionRows, STATUS_LABEL, TIDY_HEADER, type Cell, type TidyRow } from '#core/summary/rows';

interface ColumnSpec {
  header: string;
  width: number;
  wrap?: boolean;
  numFmt?: string;
}

type XCell = Cell | Date;

/** Danish date and time as Excel shows them: 15-12-2026 23:59. */
export const DANISH_DATE_TIME = 'dd-mm-yyyy hh:mm';

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], unique; cut at a word. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim() || 'Ark';
  const cut = (text: string, max: number): string => {
    if (text.length <= max) return text;
    const room = text.slice(0, max - 1);
    const space = room.lastIndexOf(' ');
    // At the last whole word, unless that leaves too little of the title to recognise it.
    const word = space >= Math.min(12, max / 2) ? room.slice(0, space) : room;
    return `${word.replace(/[\s,.;›–-]+$/, '')}…`;
  };
  let name = cut(clean, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${cut(clean, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * An instant as Excel stores a date: the wall-clock time in Copenhagen, since a spreadsheet date
 * has no zone and a reader in Denmark expects the time the deadline was set in.
 */
export function excelDate(iso: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: DANISH_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return new Date(Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second'])));
}

/** Points per line of 11 pt Calibri, and how many characters of it fit in one unit of column width. */
const LINE_PT = 15;
const CHARS_PER_WIDTH = 1.1;

/** Lines a text takes in a wrapped cell of `width`: its own line breaks, and each line wrapped at words. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of para.split(' ')) {
      const add = line === 0 ? word.length : word.length + 1;
      if (line + add > perLine && line > 0) {
        count += Math.ceil(word.length / perLine);
        line = word.length % perLine;
      } else line += add;
    }
    lines += count;
  }
  return lines;
}

function rowHeight(values: XCell[], columns: ColumnSpec[], always = false): number | undefined {
  let lines = 1;
  columns.forEach((c, i) => {
    const v = values[i];
    if ((c.wrap || always) && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, c.width));
  });
  return lines > 1 ? Math.min(409, lines * LINE_PT + 3) : undefined;
}

function addTable(wb: ExcelJS.Workbook, name: string, title: string, columns: ColumnSpec[], rows: XCell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      printTitlesRow: '1:2',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${title.replace(/&/g, '&&')}&RSide &P af &N` },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.font = { bold: true, size: 13 };
  titleRow.height = 20;
  const header = ws.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F0' } }));
  const headerHeight = rowHeight(columns.map((c) => c.header), columns, true);
  if (headerHeight) header.height = headerHeight;
  for (const r of rows) {
    const row = ws.addRow(r);
    const height = rowHeight(r, columns);
    if (height) row.height = height;
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber <= 2) return;
      // Every cell at the top of its row: in a row made tall by a wrapped neighbour, LibreOffice
      // otherwise puts the short cells at the bottom, a line below the text they belong with.
      cell.alignment = c.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
      if (c.numFmt) cell.numFmt = c.numFmt;
      else if (cell.value instanceof Date) cell.numFmt = DANISH_DATE_TIME;
    });
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return ws;
}

const TIDY_COLUMNS: (keyof TidyRow)[] = ['element', 'question', 'measure', 'region', 'organisation', 'value', 'unit'];
const TIDY_SPECS: Record<keyof TidyRow, ColumnSpec> = {
  section: { header: TIDY_HEADER.section, width: 30 },
  element: { header: TIDY_HEADER.element, width: 40, wrap: true },
  question: { header: TIDY_HEADER.question, width: 34, wrap: true },
  measure: { header: TIDY_HEADER.measure, width: 30, wrap: true },
  region: { header: TIDY_HEADER.region, width: 22 },
  organisation: { header: TIDY_HEADER.organisation, width: 22 },
  value: { header: TIDY_HEADER.value, width: 80, wrap: true },
  unit: { header: TIDY_HEADER.unit, width: 12 },
};

/** The line on the indicator sheet while SST has loaded no register data for the period. */
export const NO_INDICATORS = (period: string): string =>
  `Der er endnu ikke indlæst et datasæt med nationale indikatorer for perioden ${period}. Sundhedsstyrelsen indlæser registerdata særskilt; arket udfyldes, når de er indlæst.`;

export async function summaryXlsx(s: RoundSummary): Promise<Buffer> {
  // Loaded on the first workbook, not at import: exceljs and its dependencies are two thirds of
  // the summaries bundle, and evaluating them made every cold start of the function pay for a
  // format few requests ask for.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Statusportalen, Sundhedsstyrelsen';
  wb.title = s.title;
  wb.created = new Date(s.builtAt);
  const taken = new Set<string>();

  const c = s.completeness;
  addTable(
    wb,
    sheetName('Fuldstændighed', taken),
    `Indberetning og rettidighed pr. region – ${s.title}`,
    [{ header: 'Region', width: 24 }, ...COMPLETENESS_MEASURES.map(([, label, unit]) => ({ header: label, width: 16, ...(unit === '%' ? { numFmt: '0.0' } : {}) }))],
    [[ALL_REGIONS, ...COMPLETENESS_MEASURES.map(([k]) => c[k] as number)], ...c.byRegion.map((r) => [r.regionName, ...COMPLETENESS_MEASURES.map(([k]) => r[k] as number)])],
  );

  if (c.byHealthCouncil) {
    addTable(
      wb,
      sheetName('Sundhedsråd', taken),
      `Indberetning og rettidighed pr. sundhedsråd – ${s.title}`,
      [{ header: 'Sundhedsråd', width: 34 }, ...COMPLETENESS_MEASURES.map(([, label, unit]) => ({ header: label, width: 16, ...(unit === '%' ? { numFmt: '0.0' } : {}) }))],
      c.byHealthCouncil.map((h) => [h.healthCouncilName, ...COMPLETENESS_MEASURES.map(([k]) => h[k] as number)]),
    );
  }

  addTable(
    wb,
    sheetName('Organisationer', taken),
    `Status pr. organisation – ${s.title}`,
    [
      { header: 'Organisation', width: 26 },
      { header: 'Region', width: 22 },
      { header: 'Status', width: 16 },
      { header: 'Indsendt', width: 18 },
      { header: 'Rettidig', width: 10 },
      { header: 'Tæller med', width: 12 },
    ],
    c.organisations.map((o) => [
      o.orgName,
      o.regionName,
      STATUS_LABEL[o.status],
      o.submittedAt ? excelDate(o.submittedAt) : null,
      o.submittedAt ? (o.late ? 'Nej' : 'Ja') : '',
      o.counted ? 'Ja' : 'Nej',
    ]),
  );

  for (const section of sectionRows(s)) {
    addTable(wb, sheetName(section.title, taken), section.title, TIDY_COLUMNS.map((k) => TIDY_SPECS[k]), section.rows.map((r) => TIDY_COLUMNS.map((k) => r[k])));
  }

  // Always there, so a reader looking for the register data finds the sheet and is told why it is empty.
  const indicators = indicatorRows(s);
  const cols: (keyof TidyRow)[] = ['element', 'question', 'measure', 'region', 'value', 'unit', 'organisation'];
  const specs = cols.map((k) => (k === 'question' ? { header: 'Periode', width: 12 } : k === 'organisation' ? { header: 'Kilde', width: 30 } : { ...TIDY_SPECS[k], ...(k === 'value' ? { width: 14, wrap: false } : {}) }));
  const indicatorSheet = addTable(
    wb,
    sheetName(INDICATOR_SECTION, taken),
    `${INDICATOR_SECTION} – registerdata for perioden ${s.period}`,
    specs,
    indicators.map((r) => cols.map((k) => r[k])),
  );
  if (indicators.length === 0) {
    indicatorSheet.getCell('A3').value = NO_INDICATORS(s.period);
    indicatorSheet.getCell('A3').font = { italic: true };
  }

  addTable(wb, sheetName('Om udtrækket', taken), `Om udtrækket – ${s.title}`, [{ header: 'Oplysning', width: 28 }, { header: 'Værdi', width: 90, wrap: true }], [
    ['Indberetningsrunde', s.title],
    ['Skema', `${s.formTitle} (version ${s.formVersion})`],
    ['Periode', s.period],
    ['Frist', excelDate(c.deadlineAt)],
    ['Dannet', excelDate(s.builtAt)],
    ['Grundlag', s.basis.note],
    ['Indholdets kontrolsum (SHA-256)', s.contentHash],
  ]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
