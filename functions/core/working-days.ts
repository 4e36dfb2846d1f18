// Danish working days: no Saturday, no Sunday, no public holiday (helligdag). The holidays come
// from the maintained `date-holidays` project (its DK rules: nytårsdag, skærtorsdag, langfredag,
// påske, Kristi himmelfart, pinse, jul; store bededag before 2024), never from a hand-kept Easter
// table. local/holidays-dk.ts writes what the library computes for 2000–2100 into
// holidays-dk.json, so the functions carry 25 KB of dates instead of its rule engine
// (date-holidays-parser brings moment-timezone with every zone and astronomia: about 990 KB
// minified and their load at every cold start). Juleaftensdag, grundlovsdag and 1. maj are not
// public holidays by law (the library types them 'observance'), so they stay working days.
import danish from './holidays-dk.json' with { type: 'json' };

const YEARS: Readonly<Record<string, Readonly<Record<string, string>>>> = danish.years;

function holidaysOf(year: number): Readonly<Record<string, string>> {
  const days = YEARS[String(year)];
  if (!days) throw new RangeError(`Danish public holidays are known for ${danish.from}–${danish.to} only, not ${year}`);
  return days;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The Danish name of the public holiday on a date ("Påskedag"), if it is one. */
export function danishHoliday(date: string): string | undefined {
  return holidaysOf(parts(date)[0])[date.slice(5)];
}

/** Why a date is not a working day ("lørdag", "søndag", "Langfredag"), or undefined if it is one. */
export function nonWorkingReason(date: string): string | undefined {
  const [y, m, d] = parts(date);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return danishHoliday(date) ?? (weekday === 6 ? 'lørdag' : weekday === 0 ? 'søndag' : undefined);
}

export function isWorkingDay(date: string): boolean {
  return nonWorkingReason(date) === undefined;
}

/** The date itself if it is a working day, else the nearest one before (`'previous'`) or after it. */
export function toWorkingDay(date: string, direction: 'previous' | 'next' = 'previous'): string {
  const [y, m, d] = parts(date);
  const day = new Date(Date.UTC(y, m - 1, d));
  const step = direction === 'previous' ? -1 : 1;
  // Denmark never has more than four non-working days in a row (Easter), so this ends quickly.
  for (let i = 0; i < 14 && !isWorkingDay(iso(day)); i++) day.setUTCDate(day.getUTCDate() + step);
  return iso(day);
}
