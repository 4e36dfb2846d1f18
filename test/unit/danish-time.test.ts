import { describe, expect, it } from 'vitest';
import { addDanishDays, danishDate, endOfDanishDay, formatDanishDate, formatDanishDateTime, parseDanishInstant, startOfDanishDay } from '#core/danish-time';
import { isLate, roundPhase } from '#core/rounds';

describe('deadlines in Danish time', () => {
  const deadlineAt = parseDanishInstant('2026-03-31').toISOString();

  it('reads a bare date as the end of that day in Copenhagen summer time', () => {
    expect(deadlineAt).toBe('2026-03-31T21:59:59.999Z');
  });

  it('counts 23:30 Danish time on the deadline day as on time', () => {
    expect(isLate({ deadlineAt }, new Date('2026-03-31T23:30:00+02:00'))).toBe(false);
  });

  it('counts ten past midnight the next day as late', () => {
    expect(isLate({ deadlineAt }, new Date('2026-04-01T00:10:00+02:00'))).toBe(true);
  });

  it('reads a winter date with the winter offset', () => {
    expect(endOfDanishDay('2026-01-15').toISOString()).toBe('2026-01-15T22:59:59.999Z');
    expect(startOfDanishDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
  });

  it('gives the spring-forward day 23 hours and the fall-back day 25', () => {
    const spring = endOfDanishDay('2026-03-29').getTime() + 1 - startOfDanishDay('2026-03-29').getTime();
    const autumn = endOfDanishDay('2026-10-25').getTime() + 1 - startOfDanishDay('2026-10-25').getTime();
    expect(spring / 3_600_000).toBe(23);
    expect(autumn / 3_600_000).toBe(25);
  });

  it('reads a date-time without offset as Danish wall-clock time', () => {
    expect(parseDanishInstant('2026-06-01T12:00').toISOString()).toBe('2026-06-01T10:00:00.000Z');
    expect(parseDanishInstant('2026-12-01T12:00').toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });

  it('keeps an explicit offset as it is', () => {
    expect(parseDanishInstant('2026-03-31T12:00:00Z').toISOString()).toBe('2026-03-31T12:00:00.000Z');
  });

  it('refuses impossible dates and free text', () => {
    expect(() => parseDanishInstant('2026-02-30')).toThrow(RangeError);
    expect(() => parseDanishInstant('31-03-2026')).toThrow(RangeError);
    expect(() => parseDanishInstant('2026-03-31T25:00')).toThrow(RangeError);
  });

  it('adds calendar days across the October change without moving the wall-clock hour', () => {
    const before = parseDanishInstant('2026-10-24T08:00');
    expect(addDanishDays(before, 2).toISOString()).toBe(parseDanishInstant('2026-10-26T08:00').toISOString());
    expect(addDanishDays(before, 2).getTime() - before.getTime()).toBe(49 * 3_600_000);
  });

  it('names the Danish calendar date of an instant near midnight', () => {
    expect(danishDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(danishDate(new Date('2026-03-31T21:30:00Z'))).toBe('2026-03-31');
  });

  it('writes dates the way a Danish letter does', () => {
    expect(formatDanishDate(parseDanishInstant('2026-03-31'))).toBe('31. marts 2026');
    expect(formatDanishDateTime(parseDanishInstant('2026-03-31'))).toBe('31. marts 2026 kl. 23.59');
  });
});

describe('round phase', () => {
  const round = { opensAt: '2026-01-05T00:00:00.000Z', closeAt: '2026-04-30T21:59:59.999Z' };

  it('is scheduled before opening, open until close and closed after', () => {
    expect(roundPhase(round, new Date('2026-01-04T23:59:59Z'))).toBe('scheduled');
    expect(roundPhase(round, new Date('2026-01-05T00:00:00Z'))).toBe('open');
    expect(roundPhase(round, new Date('2026-04-30T21:59:59.999Z'))).toBe('open');
    expect(roundPhase(round, new Date('2026-04-30T22:00:00Z'))).toBe('closed');
  });

  it('stays open after the deadline when no close time is set', () => {
    expect(roundPhase({ opensAt: round.opensAt }, new Date('2030-01-01T00:00:00Z'))).toBe('open');
  });
});
