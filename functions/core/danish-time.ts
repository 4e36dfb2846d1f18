// Wall-clock rules in Danish time. Deadlines are agreed as Danish calendar dates
// ("senest 31. marts"), so a bare date means the end of that day in Europe/Copenhagen,
// whatever the server's own zone and whether summer time is in force.
import { TZDate } from '@date-fns/tz';

export const DANISH_ZONE = 'Europe/Copenhagen';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function checkedDateParts(input: string): [number, number, number] {
  const m = DATE_ONLY.exec(input);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${input}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`no such date: ${input}`);
  }
  return [y, mo, d];
}

export function isDate(input: string): boolean {
  try {
    checkedDateParts(input);
    return true;
  } catch {
    return false;
  }
}

/** The first instant of a Danish calendar day. */
export function startOfDanishDay(date: string): Date {
  const [y, m, d] = checkedDateParts(date);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, DANISH_ZONE).getTime());
}

/** The last millisecond of a Danish calendar day (23:59:59.999 local, DST-aware). */
export function endOfDanishDay(date: string): Date {
  const [y, m, d] = checkedDateParts(date);
  return new Date(new TZDate(y, m - 1, d + 1, 0, 0, 0, 0, DANISH_ZONE).getTime() - 1);
}

/**
 * Reads a deadline or opening time as an instant.
 * - `2026-03-31` → the end of that day in Danish time (for deadlines) or its start (`edge: 'start'`);
 * - `2026-03-31T12:00` (no offset) → that wall-clock time in Denmark;
 * - `2026-03-31T12:00+02:00` / `...Z` → exactly that instant.
 */
export function parseDanishInstant(input: string, edge: 'start' | 'end' = 'end'): Date {
  if (DATE_ONLY.test(input)) return edge === 'end' ? endOfDanishDay(input) : startOfDanishDay(input);
  const local = LOCAL_DATE_TIME.exec(input);
  if (local) {
    checkedDateParts(input.slice(0, 10));
    const [y, mo, d, h, mi, s] = local.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
    if (h > 23 || mi > 59 || s > 59) throw new RangeError(`no such time: ${input}`);
    return new Date(new TZDate(y, mo - 1, d, h, mi, s, 0, DANISH_ZONE).getTime());
  }
  if (OFFSET_DATE_TIME.test(input)) {
    checkedDateParts(input.slice(0, 10));
    const t = Date.parse(input);
    if (!Number.isNaN(t)) return new Date(t);
  }
  throw new RangeError(`not a date or date-time: ${input}`);
}

export function isDanishInstant(input: string): boolean {
  try {
    parseDanishInstant(input);
    return true;
  } catch {
    return false;
  }
}

/** The Danish calendar date (YYYY-MM-DD) on which an instant falls. */
export function danishDate(instant: Date): string {
  const z = new TZDate(instant.getTime(), DANISH_ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
}

/** Adds whole calendar days in Danish time, so a DST change never shifts the wall-clock hour. */
export function addDanishDays(instant: Date, days: number): Date {
  const z = new TZDate(instant.getTime(), DANISH_ZONE);
  z.setDate(z.getDate() + days);
  return new Date(z.getTime());
}

// Made on first use, not at import: an Intl formatter loads ICU's Danish data (about 8 ms), a
// cost every cold start would pay although few requests write a date in words.
let formats: { long: Intl.DateTimeFormat; time: Intl.DateTimeFormat } | undefined;
const danishFormats = () =>
  (formats ??= {
    long: new Intl.DateTimeFormat('da-DK', { timeZone: DANISH_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
    time: new Intl.DateTimeFormat('da-DK', { timeZone: DANISH_ZONE, hour: '2-digit', minute: '2-digit' }),
  });

/** "31. marts 2026" — how a Danish letter writes a date. */
export function formatDanishDate(instant: Date): string {
  return danishFormats().long.format(instant);
}

/** "31. marts 2026 kl. 23.59". */
export function formatDanishDateTime(instant: Date): string {
  const { long, time } = danishFormats();
  return `${long.format(instant)} kl. ${time.format(instant)}`;
}
