// Danish working days: no Saturday, no Sunday, no public holiday (helligdag). The holidays come
// from the maintained `date-holidays` project (its DK rules: nytårsdag, skærtorsdag, langfredag,
// påske, Kristi himmelfart, pinse, jul; store bededag before 2024), never from a hand-kept Easter
// table: its rule engine `date-holidays-parser` reads the Danish part of its data, which
// local/holidays-dk.ts copies into holidays-dk.json (the whole world's data would add 1.4 MB).
// Only days the library types 'public' count: juleaftensdag, grundlovsdag and 1. maj are not
// public holidays by law (the library types them 'observance'), so they stay working days.
import Holidays from 'date-holidays-parser';
import danishRules from './holidays-dk.json' with { type: 'json' };

// One list of public holiday dates per year, made on first use: a cold start that never asks
// pays nothing, and each later question is one Set lookup.
let calendar: Holidays | undefined;
const byYear = new Map<number, ReadonlyMap<string, string>>();

function holidaysOf(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year);
  if (!days) {
    calendar ??= new Holidays(danishRules, 'DK', { languages: ['da'], types: ['public'] });
    const list = calendar.getHolidays(year, 'da') || [];
    days = new Map(list.filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]));
    byYear.set(year, days);
  }
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
  return holidaysOf(parts(date)[0]).get(date);
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
