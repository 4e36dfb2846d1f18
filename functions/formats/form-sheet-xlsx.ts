// The form sheet (functions/core/form-sheet.ts) as an .xlsx workbook, read and written with
// exceljs. exceljs is loaded on the first workbook, not at import, so the forms function's cold
// start pays for it only when a request asks for a sheet. Before exceljs sees an upload, every
// entry of the zip is inflated here under a size budget: a workbook is a zip, and a 1 MiB zip can
// inflate to gigabytes.
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { CHOICE_COLUMNS, SETTINGS_COLUMNS, SURVEY_COLUMNS, SheetError, type Cell, type FormSheet, type SheetName, type SheetProblem, type SheetRows } from '#core/form-sheet';
import { hasUnsafeText } from '#http/json-guard';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a form's workbook may hold once inflated: the shipped forms' sheets are under 100 KiB. */
const MAX_INFLATED_BYTES = 20 * 1024 * 1024;
const MAX_ENTRIES = 200;
const MAX_ROWS = 5000;
const MAX_COLUMNS = 60;

export class UnreadableWorkbook extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableWorkbook';
  }
}

/** Inflates every entry of the zip's central directory under one budget; throws UnreadableWorkbook. */
export function checkZip(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notXlsx = () => new UnreadableWorkbook('Filen er ikke et Excel-regneark (.xlsx).');
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES || entries === 0xffff || cdOffset === 0xffffffff) throw new UnreadableWorkbook('Regnearket har for mange dele.');
  let at = cdOffset;
  let budget = MAX_INFLATED_BYTES;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const local = buf.readUInt32LE(at + 42);
    const next = at + 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw notXlsx();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw notXlsx();
    let size: number;
    if (method === 0) size = compressed;
    else if (method === 8) {
      try {
        size = inflateRawSync(buf.subarray(start, start + compressed), { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new UnreadableWorkbook('Regnearket fylder for meget, når det pakkes ud.');
        throw notXlsx();
      }
    } else throw notXlsx();
    budget -= size;
    if (budget < 0) throw new UnreadableWorkbook('Regnearket fylder for meget, når det pakkes ud.');
    at = next;
  }
}

/** A cell as text, number or boolean: rich text joined, a formula's last result, a link's text. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return null;
}

function readSheet(ws: ExcelJS.Worksheet | undefined): SheetRows | undefined {
  if (!ws) return undefined;
  const rows: SheetRows = [];
  const last = Math.min(ws.rowCount, MAX_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(plain(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Reads a form workbook's three sheets (found by name, case and spaces aside). */
export async function readFormWorkbook(bytes: Uint8Array): Promise<Partial<FormSheet>> {
  checkZip(bytes);
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableWorkbook('Regnearket kan ikke læses. Gem det som Excel-projektmappe (.xlsx) og prøv igen.');
  }
  const byName = (name: SheetName) => wb.worksheets.find((ws) => ws.name.trim().toLowerCase() === name);
  for (const ws of wb.worksheets) {
    if (ws.rowCount > MAX_ROWS) throw new SheetError([{ sheet: ws.name.trim().toLowerCase() as SheetName, row: MAX_ROWS + 1, message: `Arket har flere end ${MAX_ROWS} rækker.` }]);
  }
  const out: Partial<FormSheet> = {};
  const unsafe: SheetProblem[] = [];
  for (const name of ['survey', 'choices', 'settings'] as const) {
    const rows = readSheet(byName(name));
    if (!rows) continue;
    out[name] = rows;
    // The JSON guard's rule for text, cell by cell: exceljs decodes OOXML's `_x0007_` escapes
    // into control characters, and none may reach a schema.
    rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (typeof cell === 'string' && hasUnsafeText(cell)) {
          unsafe.push({ sheet: name, row: r + 1, column: String(rows[0]?.[c] ?? c + 1), message: 'Teksten indeholder ugyldige tegn (kontroltegn eller et ufuldstændigt Unicode-tegn).' });
        }
      }),
    );
  }
  if (unsafe.length > 0) throw new SheetError(unsafe);
  return out;
}

const WIDTHS: Record<string, number> = {
  type: 22, name: 26, label: 48, hint: 60, required: 10, min: 8, max: 8, pattern: 24, unit: 12, unit_field: 14, target: 14,
  summary: 12, order: 8, item_key: 14, item_label: 30, item_hint: 40,
  list_name: 26, form_id: 26, version: 10, form_title: 48, form_description: 80,
};
const WRAPPED = new Set(['label', 'hint', 'item_hint', 'form_title', 'form_description']);

function addSheet(wb: ExcelJS.Workbook, name: SheetName, columns: readonly string[], rows: SheetRows): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c, key: c, width: WIDTHS[c] ?? 16 }));
  for (const r of rows.slice(1)) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F0' } };
  columns.forEach((c, i) => {
    if (WRAPPED.has(c)) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
}

/** Writes a form sheet as a workbook with the sheets `survey`, `choices` and `settings`. */
export async function writeFormWorkbook(sheet: FormSheet): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Statusportalen';
  // A fixed date: the same schema always gives the same workbook.
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = wb.created;
  addSheet(wb, 'survey', SURVEY_COLUMNS, sheet.survey);
  addSheet(wb, 'choices', CHOICE_COLUMNS, sheet.choices);
  addSheet(wb, 'settings', SETTINGS_COLUMNS, sheet.settings);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
