// The Danish subset of date-holidays' data, shared by the generator and the test that checks
// the generated file is current.
import { data } from 'date-holidays/data';

interface HolidayData {
  holidays: Record<string, { days: Record<string, { _name?: string }> } & Record<string, unknown>>;
  names: Record<string, unknown>;
}

export function danishHolidayData(): { holidays: { DK: unknown }; names: Record<string, unknown> } {
  const all = data as unknown as HolidayData;
  const dk = all.holidays['DK']!;
  const used = Object.values(dk.days)
    .map((d) => d._name)
    .filter((n): n is string => typeof n === 'string');
  const names = Object.fromEntries([...new Set(used)].sort().map((n) => [n, all.names[n]]));
  return { holidays: { DK: dk }, names };
}
