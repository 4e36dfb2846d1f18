// The summary as an Excel workbook (exceljs): a sheet for completeness per region, one for each
// organisation's status, one per form section, national indicators when there are any, and a
// last sheet saying what the workbook is. Every sheet has a frozen, filterable header row and
// set column widths; figures are numeric cells, so Excel sums and pivots them directly.
import type ExcelJS from 'exceljs';
import { formatDanishDateTime } from '#core/danish-time';
import type { RoundSummary } from '#core/summary/model';
import { ALL_REGIONS, COMPLETENESS_MEASURES, indicatorRows, sectionRows, STATUS_LABEL, TIDY_HEADER, type Cell, type TidyRow } from '#core/summary/rows';

interface ColumnSpec {
  header: string;
  width: number;
  wrap?: boolean;
  numFmt?: string;
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], unique. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim() || 'Ark';
  let name = clean.slice(0, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function addTable(wb: ExcelJS.Workbook, name: string, columns: ColumnSpec[], rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rows) ws.addRow(r);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F0' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
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
    [{ header: 'Region', width: 24 }, ...COMPLETENESS_MEASURES.map(([, label, unit]) => ({ header: label, width: 16, ...(unit === '%' ? { numFmt: '0.0' } : {}) }))],
    [[ALL_REGIONS, ...COMPLETENESS_MEASURES.map(([k]) => c[k] as number)], ...c.byRegion.map((r) => [r.regionName, ...COMPLETENESS_MEASURES.map(([k]) => r[k] as number)])],
  );

  if (c.byHealthCouncil) {
    addTable(
      wb,
      sheetName('Sundhedsråd', taken),
      [{ header: 'Sundhedsråd', width: 34 }, ...COMPLETENESS_MEASURES.map(([, label, unit]) => ({ header: label, width: 16, ...(unit === '%' ? { numFmt: '0.0' } : {}) }))],
      c.byHealthCouncil.map((h) => [h.healthCouncilName, ...COMPLETENESS_MEASURES.map(([k]) => h[k] as number)]),
    );
  }

  addTable(
    wb,
    sheetName('Organisationer', taken),
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
      o.submittedAt ? formatDanishDateTime(new Date(o.submittedAt)) : '',
      o.submittedAt ? (o.late ? 'Nej' : 'Ja') : '',
      o.counted ? 'Ja' : 'Nej',
    ]),
  );

  for (const section of sectionRows(s)) {
    addTable(wb, sheetName(section.title, taken), TIDY_COLUMNS.map((k) => TIDY_SPECS[k]), section.rows.map((r) => TIDY_COLUMNS.map((k) => r[k])));
  }

  const indicators = indicatorRows(s);
  if (indicators.length) {
    const cols: (keyof TidyRow)[] = ['element', 'question', 'measure', 'region', 'value', 'unit', 'organisation'];
    const specs = cols.map((k) => (k === 'question' ? { header: 'Periode', width: 12 } : k === 'organisation' ? { header: 'Kilde', width: 30 } : { ...TIDY_SPECS[k], ...(k === 'value' ? { width: 14, wrap: false } : {}) }));
    addTable(wb, sheetName('Nationale indikatorer', taken), specs, indicators.map((r) => cols.map((k) => r[k])));
  }

  addTable(wb, sheetName('Om udtrækket', taken), [{ header: 'Oplysning', width: 28 }, { header: 'Værdi', width: 90, wrap: true }], [
    ['Indberetningsrunde', s.title],
    ['Skema', `${s.formTitle} (version ${s.formVersion})`],
    ['Periode', s.period],
    ['Frist', formatDanishDateTime(new Date(c.deadlineAt))],
    ['Dannet', formatDanishDateTime(new Date(s.builtAt))],
    ['Grundlag', s.basis.note],
    ['Indholdets kontrolsum (SHA-256)', s.contentHash],
  ]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
