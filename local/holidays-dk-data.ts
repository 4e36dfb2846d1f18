// Denmark's public holidays (helligdage) as the maintained `date-holidays` project computes them,
// one list per year, shared by the generator (local/holidays-dk.ts) and the test that checks the
// generated file is current. Only days the library types 'public' count: juleaftensdag,
// grundlovsdag and 1. maj are not public holidays by law (the library types them 'observance').
import { readFileSync } from 'node:fs';
import Holidays from 'date-holidays';

/** The years the functions know (functions/core/working-days.ts refuses others). */
export const HOLIDAY_YEARS = { from: 2000, to: 2100 } as const;

export interface DanishHolidays {
  source: string;
  from: number;
  to: number;
  /** Year → "MM-DD" → the holiday's Danish name. */
  years: Record<string, Record<string, string>>;
}

export function danishHolidayData(): DanishHolidays {
  const calendar = new Holidays('DK', { languages: ['da'], types: ['public'] });
  const years: DanishHolidays['years'] = {};
  for (let year = HOLIDAY_YEARS.from; year <= HOLIDAY_YEARS.to; year++) {
    const days = (calendar.getHolidays(year, 'da') || []).filter((h) => h.type === 'public');
    years[String(year)] = Object.fromEntries(days.map((h) => [h.date.slice(5, 10), h.name]));
  }
  return { source: `date-holidays ${libraryVersion()}, country DK, type public, names in Danish`, ...HOLIDAY_YEARS, years };
}

function libraryVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../node_modules/date-holidays/package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
