// Danish working days from date-holidays' rules: Easter 2027, Christmas, weekends, and the
// bundled table of holidays kept identical to what the library computes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { danishHoliday, isWorkingDay, nonWorkingReason, toWorkingDay } from '#core/working-days';
import { danishHolidayData } from '../../local/holidays-dk-data.ts';

describe('Danish working days', () => {
  it('knows Easter 2027 as the library computes it: skærtorsdag 25 March to anden påskedag 29 March', () => {
    expect(danishHoliday('2027-03-25')).toBe('Skærtorsdag');
    expect(danishHoliday('2027-03-26')).toBe('Langfredag');
    expect(danishHoliday('2027-03-28')).toBe('Påskedag');
    expect(danishHoliday('2027-03-29')).toBe('Anden påskedag');
    expect(toWorkingDay('2027-03-28')).toBe('2027-03-24');
    expect(toWorkingDay('2027-03-29', 'next')).toBe('2027-03-30');
  });

  it('moves Christmas to juleaftensdag, a working day in law, and keeps the reason in Danish', () => {
    expect(nonWorkingReason('2026-12-25')).toBe('Juledag');
    expect(nonWorkingReason('2026-12-26')).toBe('Anden Juledag');
    expect(nonWorkingReason('2026-12-27')).toBe('søndag');
    expect(toWorkingDay('2026-12-27')).toBe('2026-12-24');
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2027-06-05')).toBe(false); // grundlovsdag 2027 is a Saturday
    expect(isWorkingDay('2026-06-05')).toBe(true); // a Friday: grundlovsdag is no public holiday
  });

  it('has no store bededag from 2024, as the law abolished it', () => {
    expect(danishHoliday('2023-05-05')).toBe('Store Bededag');
    expect(danishHoliday('2027-04-23')).toBeUndefined();
  });

  it('leaves a working day where it is', () => {
    expect(toWorkingDay('2027-03-31')).toBe('2027-03-31');
    expect(nonWorkingReason('2027-03-27')).toBe('lørdag');
  });

  it('refuses a year outside the table instead of calling it free of holidays', () => {
    expect(() => isWorkingDay('2101-01-03')).toThrow(RangeError);
    expect(danishHoliday('2100-12-25')).toBe('Juledag');
    expect(danishHoliday('2000-01-01')).toBe('Nytårsdag');
  });

  it('bundles exactly the holidays the installed date-holidays computes for 2000–2100 (regenerate with local/holidays-dk.ts)', () => {
    const bundled: unknown = JSON.parse(readFileSync(new URL('../../functions/core/holidays-dk.json', import.meta.url), 'utf8'));
    expect(bundled).toEqual(JSON.parse(JSON.stringify(danishHolidayData())));
  });
});
