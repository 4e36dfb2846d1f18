// CSV that opens correctly in Excel: UTF-8 with BOM (so æ, ø, å survive a double-click), CRLF
// line ends, and for the Danish locale `;` as separator and a decimal comma (Danish Excel's
// list separator is `;`). The `en` locale uses `,` and a decimal point. Text that Excel would
// take for a formula (=, +, -, @ first) is prefixed with an apostrophe (CSV injection).
import { allRows, TIDY_HEADER, type Cell, type TidyRow } from '#core/summary/rows';
import type { RoundSummary } from '#core/summary/model';

export type CsvLocale = 'da' | 'en';

const BOM = '\ufeff';

function formatNumber(n: number, locale: CsvLocale): string {
  const text = Number.isInteger(n) ? String(n) : String(n);
  return locale === 'da' ? text.replace('.', ',') : text;
}

function cell(value: Cell, locale: CsvLocale, separator: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, locale);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function toCsv(header: string[], rows: Cell[][], locale: CsvLocale): string {
  const separator = locale === 'da' ? ';' : ',';
  const lines = [header, ...rows].map((r) => r.map((c) => cell(c, locale, separator)).join(separator));
  return BOM + lines.join('\r\n') + '\r\n';
}

const COLUMNS = Object.keys(TIDY_HEADER) as (keyof TidyRow)[];

export function summaryCsv(summary: RoundSummary, locale: CsvLocale = 'da'): string {
  const rows = allRows(summary).map((r) => COLUMNS.map((c) => r[c]));
  return toCsv(COLUMNS.map((c) => TIDY_HEADER[c]), rows, locale);
}
