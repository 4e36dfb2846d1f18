// National indicator data from registers (not forms), uploaded by SST as CSV: parsed and
// validated against a declared shape with an error per line and column, so an analyst can fix
// the file in Excel and upload it again. Accepts what Danish Excel writes: UTF-8 (with or
// without BOM), `;` separators and decimal commas; `,`-separated files with decimal points too.
import { Problem } from '#core/problems';
import { organisationsAt } from '#core/registry';
import { REGIONS } from '#core/registry-data';
import type { IndicatorValue } from '#core/summary/model';

export interface CsvError {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  column?: string;
  /** `/lines/<line>/<column>`, so clients that show pointers can place it. */
  pointer: string;
  message: string;
}

interface Column {
  name: keyof typeof COLUMN_NAMES;
  required: boolean;
}

/** Declared columns and the header names accepted for each (Danish first). */
const COLUMN_NAMES = {
  indicator: ['indikator', 'indicator'],
  period: ['periode', 'period'],
  region: ['region'],
  value: ['værdi', 'vaerdi', 'value'],
  unit: ['enhed', 'unit'],
  target: ['målværdi', 'maalvaerdi', 'target'],
  title: ['titel', 'title'],
  source: ['kilde', 'source'],
  direction: ['retning', 'direction'],
} as const;

const COLUMNS: Column[] = [
  { name: 'indicator', required: true },
  { name: 'period', required: true },
  { name: 'region', required: false },
  { name: 'value', required: true },
  { name: 'unit', required: false },
  { name: 'target', required: false },
  { name: 'title', required: false },
  { name: 'source', required: false },
  { name: 'direction', required: false },
];

/** Which way is better: `op` (higher is better) or `ned` (lower is better), as SST writes it. */
const DIRECTIONS: Record<string, 'up' | 'down'> = {
  op: 'up',
  'højere er bedre': 'up',
  højere: 'up',
  up: 'up',
  higher: 'up',
  ned: 'down',
  'lavere er bedre': 'down',
  lavere: 'down',
  down: 'down',
  lower: 'down',
};

export const MAX_INDICATOR_ROWS = 50_000;
const MAX_ERRORS = 200;

/** Splits CSV text into records, each with the line it starts on. Handles quotes and CRLF. */
export function readCsv(text: string, separator: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const push = () => {
    cells.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) push();
    else if (ch === '\n' || ch === '\r') {
      push();
      out.push({ line: start, cells });
      cells = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      start = line;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || cells.length > 0) {
    push();
    out.push({ line: start, cells });
  }
  return out.filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
}

function detectSeparator(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  const candidates = [';', '\t', ','].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ';';
}

/** Danish or international number text to a number; undefined when it is not one. */
export function parseNumber(text: string, separator: string): number | undefined {
  let t = text.replace(/[\s\u00a0]/g, '');
  if (t === '') return undefined;
  if (t.includes(',') && t.includes('.')) {
    // 1.234,5 (Danish) or 1,234.5 (English): the last mark is the decimal one.
    t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (t.includes(',')) {
    if (separator === ',') return undefined;
    t = t.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** `2026`, `2026-Q1`, `2026Q1`, `2026-K1` or `2026K1` (kvartal) → `2026` / `2026-Q1`. */
export function parsePeriod(text: string): string | undefined {
  const m = /^(\d{4})(?:\s*-?\s*[QK]([1-4]))?$/i.exec(text.trim());
  if (!m) return undefined;
  return m[2] ? `${m[1]}-Q${m[2]}` : m[1];
}

const NATIONAL = new Set(['', 'hele landet', 'national', 'danmark', 'landet', 'dk']);

function periodStart(period: string): string {
  const [year, q] = period.split('-Q');
  const month = q ? (Number(q) - 1) * 3 + 1 : 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function resolveRegion(text: string, period: string): { regionId?: string; regionName?: string } | string {
  const t = text.trim();
  if (NATIONAL.has(t.toLowerCase())) return {};
  const date = periodStart(period);
  const regions = organisationsAt(date, 'region');
  const lower = t.toLowerCase();
  const hit = regions.find((r) => r.id === lower || r.code === t || r.name.toLowerCase() === lower || r.name.toLowerCase() === `region ${lower}`);
  if (hit) return { regionId: hit.id, regionName: hit.name };
  const known = REGIONS.find((r) => r.id === lower || r.code === t || r.name.toLowerCase() === lower || r.name.toLowerCase() === `region ${lower}`);
  if (known) return `Regionen "${t}" fandtes ikke i perioden ${period}.`;
  return `Ukendt region "${t}". Brug regions-id (fx region-1081), regionskode (1081), navn eller "Hele landet".`;
}

/** What a file holds: the rows that could be read, and every error by line and column. */
export interface IndicatorCsvResult {
  rows: IndicatorValue[];
  errors: CsvError[];
  /** True when more than MAX_ERRORS errors were found (only the first are listed). */
  errorsTruncated: boolean;
}

/** Reads the file into rows and errors without throwing, so a preview can show both. */
export function readIndicatorCsv(input: string): IndicatorCsvResult {
  const errors: CsvError[] = [];
  let truncated = false;
  const fail = (line: number, message: string, column?: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ line, ...(column ? { column } : {}), pointer: `/lines/${line}${column ? `/${column}` : ''}`, message });
    else truncated = true;
  };
  const result = (rows: IndicatorValue[] = []): IndicatorCsvResult => ({ rows, errors, errorsTruncated: truncated });
  const problem = result;

  if (input.includes('\ufffd')) {
    const line = input.slice(0, input.indexOf('\ufffd')).split('\n').length;
    fail(line, 'Filen er ikke gemt som UTF-8. Gem den i Excel som "CSV UTF-8 (kommasepareret)".');
    return problem();
  }
  const text = input.replace(/^\ufeff/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = detectSeparator(firstLine);
  const records = readCsv(text, separator);
  if (records.length === 0) {
    fail(1, 'Filen er tom.');
    return problem();
  }
  const header = records[0]!;
  const index = new Map<Column['name'], number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const col = COLUMNS.find((c) => (COLUMN_NAMES[c.name] as readonly string[]).includes(name));
    if (!col) fail(1, `Ukendt kolonne "${raw.trim()}". Tilladte kolonner: ${COLUMNS.map((c) => COLUMN_NAMES[c.name][0]).join(', ')}.`, raw.trim() || `kolonne ${i + 1}`);
    else if (index.has(col.name)) fail(1, `Kolonnen "${raw.trim()}" står to gange i overskriften.`, raw.trim());
    else index.set(col.name, i);
  });
  for (const c of COLUMNS) if (c.required && !index.has(c.name)) fail(1, `Kolonnen "${COLUMN_NAMES[c.name][0]}" mangler.`, COLUMN_NAMES[c.name][0]);
  if (errors.length) return problem();
  if (records.length - 1 > MAX_INDICATOR_ROWS) {
    fail(records[MAX_INDICATOR_ROWS + 1]!.line, `Filen må højst have ${MAX_INDICATOR_ROWS} rækker.`);
    return problem();
  }

  const rows: IndicatorValue[] = [];
  const seen = new Map<string, number>();
  const titles = new Map<string, string>();
  for (const { line, cells } of records.slice(1)) {
    const get = (name: Column['name']) => {
      const i = index.get(name);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const col = (name: Column['name']) => COLUMN_NAMES[name][0];
    if (cells.length > header.cells.length) fail(line, `Rækken har ${cells.length} felter, men overskriften har ${header.cells.length}.`);
    const indicator = get('indicator');
    if (!indicator) fail(line, 'Skal udfyldes.', col('indicator'));
    else if (!/^[\p{L}0-9][\p{L}0-9_.-]{0,99}$/u.test(indicator)) fail(line, 'Brug bogstaver, tal, _ . og - (højst 100 tegn).', col('indicator'));
    const periodText = get('period');
    const period = parsePeriod(periodText);
    if (!periodText) fail(line, 'Skal udfyldes.', col('period'));
    else if (!period) fail(line, `"${periodText}" er ikke en periode. Brug år (2026) eller kvartal (2026-K1 eller 2026-Q1).`, col('period'));
    const valueText = get('value');
    const value = parseNumber(valueText, separator);
    if (!valueText) fail(line, 'Skal udfyldes.', col('value'));
    else if (value === undefined) fail(line, `"${valueText}" er ikke et tal.`, col('value'));
    const targetText = get('target');
    const target = targetText ? parseNumber(targetText, separator) : undefined;
    if (targetText && target === undefined) fail(line, `"${targetText}" er ikke et tal.`, col('target'));
    let region: { regionId?: string; regionName?: string } = {};
    if (period) {
      const r = resolveRegion(get('region'), period);
      if (typeof r === 'string') fail(line, r, col('region'));
      else region = r;
    }
    if (!indicator || !period || value === undefined || (targetText && target === undefined)) continue;
    const dupKey = `${indicator}|${period}|${region.regionId ?? ''}`;
    const first = seen.get(dupKey);
    if (first !== undefined) {
      fail(line, `Samme indikator, periode og region står allerede i linje ${first}.`);
      continue;
    }
    seen.set(dupKey, line);
    const title = get('title') || titles.get(indicator) || indicator;
    titles.set(indicator, title);
    const unit = get('unit');
    const source = get('source');
    const directionText = get('direction');
    const direction = directionText ? DIRECTIONS[directionText.toLowerCase()] : undefined;
    if (directionText && !direction) {
      fail(line, `"${directionText}" er ikke en retning. Skriv "op" (højere er bedre) eller "ned" (lavere er bedre).`, col('direction'));
      continue;
    }
    rows.push({
      indicator,
      title,
      period,
      ...region,
      value,
      ...(unit ? { unit } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(source ? { source } : {}),
      ...(direction ? { direction } : {}),
    });
  }
  if (rows.length === 0 && errors.length === 0) fail(2, 'Filen har ingen datarækker.');
  // Rows written before a title was given on a later line get that title too.
  for (const r of rows) r.title = titles.get(r.indicator) ?? r.title;
  return result(rows);
}

/** The file's rows, or a 422 listing each error with its line and column. */
export function parseIndicatorCsv(input: string): IndicatorValue[] {
  const { rows, errors, errorsTruncated } = readIndicatorCsv(input);
  if (errors.length) {
    throw new Problem('invalid-body', `Filen har ${errorsTruncated ? 'mindst ' : ''}${errors.length} fejl. Ret dem og indlæs filen igen.`, { errors });
  }
  return rows;
}
