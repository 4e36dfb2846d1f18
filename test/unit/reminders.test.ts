// The reminder schedule in Danish time: default steps, DST weeks, caps, extensions, catch-up.
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, dueStep, dueStepWithin, owesReport, reminderSchedule } from '#core/reminders';
import { danishDate, parseDanishInstant } from '#core/danish-time';
import { isWorkingDay } from '#core/working-days';

const round = (opens: string, deadline: string, close?: string, reminderPolicy = DEFAULT_REMINDER_POLICY) => ({
  opensAt: parseDanishInstant(opens, 'start').toISOString(),
  deadlineAt: parseDanishInstant(deadline, 'end').toISOString(),
  ...(close ? { closeAt: parseDanishInstant(close, 'end').toISOString() } : {}),
  reminderPolicy,
});

const ids = (r: ReturnType<typeof round>, deadlineAt?: string) => reminderSchedule(r, deadlineAt).map((s) => s.id);

describe('reminderSchedule', () => {
  it('sends the default steps at 08:00 Danish time: opening, 14 and 3 days before, the day after, then weekly until close', () => {
    const r = round('2026-01-05', '2026-03-31', '2026-04-30');
    expect(ids(r)).toEqual([
      'opening@2026-01-05',
      'before-14@2026-03-17',
      // 28 March 2026 is a Saturday: the step goes out on Friday the 27th.
      'before-3@2026-03-27',
      'after-1@2026-04-01',
      'after-8@2026-04-08',
      'after-15@2026-04-15',
      'after-22@2026-04-22',
      'after-29@2026-04-29',
    ]);
    const at = reminderSchedule(r).map((s) => s.at.toISOString());
    // 08:00 CET is 07:00Z in winter; after the switch on 29 March it is 06:00Z.
    expect(at[0]).toBe('2026-01-05T07:00:00.000Z');
    expect(at[1]).toBe('2026-03-17T07:00:00.000Z');
    expect(at[2]).toBe('2026-03-27T07:00:00.000Z');
    expect(at[3]).toBe('2026-04-01T06:00:00.000Z');
  });

  it('keeps 08:00 local time across the last Sunday of March (the summer-time switch)', () => {
    // Deadline 1 April: three days before is Sunday 29 March 2026, the day clocks go forward;
    // the step moves back to Friday the 27th, still winter time, and the day after is summer time.
    const steps = reminderSchedule(round('2026-03-01', '2026-04-01', '2026-04-10'));
    const friday = steps.find((s) => s.id === 'before-3@2026-03-27')!;
    expect(friday.at.toISOString()).toBe('2026-03-27T07:00:00.000Z');
    expect(friday.movedFrom).toBe('2026-03-29');
    // The day after, 2 April 2026, is skærtorsdag: sent Tuesday 7 April, after Easter, in summer time.
    expect(steps.find((s) => s.id === 'after-1@2026-04-07')!.at.toISOString()).toBe('2026-04-07T06:00:00.000Z');
    const before14 = steps.find((s) => s.id.startsWith('before-14'))!;
    expect(before14.at.toISOString()).toBe('2026-03-18T07:00:00.000Z');
  });

  it('keeps 08:00 local time across the last Sunday of October (back to winter time)', () => {
    // Deadline 20 October 2026; weekly reminders straddle Sunday 25 October.
    const steps = reminderSchedule(round('2026-09-01', '2026-10-20', '2026-11-30'));
    const after1 = steps.find((s) => s.id === 'after-1@2026-10-21')!;
    const after8 = steps.find((s) => s.id === 'after-8@2026-10-28')!;
    expect(after1.at.toISOString()).toBe('2026-10-21T06:00:00.000Z');
    expect(after8.at.toISOString()).toBe('2026-10-28T07:00:00.000Z');
    // Three days before 28 October is Sunday the 25th (back to winter time): sent Friday the 23rd, summer time.
    const moved = reminderSchedule(round('2026-09-01', '2026-10-28', '2026-11-30')).find((s) => s.id === 'before-3@2026-10-23')!;
    expect(moved.at.toISOString()).toBe('2026-10-23T06:00:00.000Z');
  });

  it('stops weekly reminders after eight weeks when the round has no close-at', () => {
    const after = ids(round('2026-01-05', '2026-03-31')).filter((id) => id.startsWith('after-'));
    expect(after).toHaveLength(1 + DEFAULT_REMINDER_POLICY.repeatLimit);
    expect(after.at(-1)).toBe('after-57@2026-05-27');
  });

  it('drops steps before the opening and after the close', () => {
    expect(ids(round('2026-03-20', '2026-03-31', '2026-04-03'))).toEqual(['opening@2026-03-20', 'before-3@2026-03-27', 'after-1@2026-04-01']);
  });

  it('follows an extended deadline with steps on other dates, so they are new steps', () => {
    const r = round('2026-01-05', '2026-03-31', '2026-05-31');
    const extended = ids(r, parseDanishInstant('2026-04-30', 'end').toISOString());
    expect(extended).toContain('before-3@2026-04-27');
    expect(extended).toContain('after-1@2026-05-01');
    expect(extended).not.toContain('after-1@2026-04-01');
  });

  it('follows a per-round policy', () => {
    const policy = { atOpening: false, daysBefore: [7], daysAfter: [], repeatEveryDays: null, repeatLimit: 0, hour: 13 };
    const steps = reminderSchedule(round('2026-01-05', '2026-03-31', '2026-04-30', policy));
    expect(steps.map((s) => s.id)).toEqual(['before-7@2026-03-24']);
    expect(steps[0]!.at.toISOString()).toBe('2026-03-24T12:00:00.000Z');
  });

  it('reminds at once when a round opens in the afternoon', () => {
    const r = { ...round('2026-01-05', '2026-03-31'), opensAt: parseDanishInstant('2026-01-05T14:30').toISOString() };
    expect(reminderSchedule(r)[0]!.at.toISOString()).toBe('2026-01-05T13:30:00.000Z');
  });
});

describe('reminderSchedule on Danish working days', () => {
  it('moves "3 days before" 31 March 2027, Easter Sunday, back past Easter to Wednesday 24 March', () => {
    // 28 March 2027 is påskedag; 27th Saturday, 26th langfredag, 25th skærtorsdag.
    const steps = reminderSchedule(round('2027-01-04', '2027-03-31', '2027-04-30'));
    const before3 = steps.find((s) => s.kind === 'before' && s.days === 3)!;
    expect(before3.id).toBe('before-3@2027-03-24');
    expect(before3.movedFrom).toBe('2027-03-28');
    expect(before3.at.toISOString()).toBe('2027-03-24T07:00:00.000Z');
    expect(steps.find((s) => s.kind === 'before' && s.days === 14)!.id).toBe('before-14@2027-03-17');
  });

  it('moves a step after the deadline forward past Easter Monday, never back before the deadline', () => {
    // Deadline Sunday 28 March 2027 (SST's date, not moved): the day after is anden påskedag.
    const after1 = reminderSchedule(round('2027-01-04', '2027-03-28', '2027-04-30')).find((s) => s.kind === 'after' && s.days === 1)!;
    expect(after1.id).toBe('after-1@2027-03-30');
    expect(after1.movedFrom).toBe('2027-03-29');
  });

  it('moves a step on Christmas back to a working day: juleaftensdag is not a public holiday', () => {
    // Deadline 29 December 2026: three days before is 26 December (2. juledag, a Saturday).
    const before3 = reminderSchedule(round('2026-12-01', '2026-12-29', '2027-01-31')).find((s) => s.kind === 'before' && s.days === 3)!;
    expect(before3.id).toBe('before-3@2026-12-24');
    // Deadline 4 January 2027: "3 days before" is 1 January (nytårsdag); 31 December 2026 is a Thursday.
    expect(ids(round('2026-12-01', '2027-01-04', '2027-01-31'))).toContain('before-3@2026-12-31');
  });

  it('sends the opening notice of a round opened on a Saturday on the Monday morning', () => {
    const steps = reminderSchedule(round('2027-01-02', '2027-03-31', '2027-04-30'));
    expect(steps[0]!.id).toBe('opening@2027-01-04');
    expect(steps[0]!.at.toISOString()).toBe('2027-01-04T07:00:00.000Z');
  });

  it('never sends a step on a Saturday, Sunday or public holiday, over a whole year of deadlines', () => {
    for (let d = new Date(Date.UTC(2027, 0, 1)); d.getUTCFullYear() === 2027; d.setUTCDate(d.getUTCDate() + 1)) {
      const deadline = d.toISOString().slice(0, 10);
      for (const step of reminderSchedule(round('2026-11-01', deadline, '2028-01-31'))) {
        expect(isWorkingDay(danishDate(step.at)), `${deadline}: ${step.id}`).toBe(true);
      }
    }
  });
});

describe('dueStep', () => {
  const steps = reminderSchedule(round('2026-01-05', '2026-03-31', '2026-04-30'));

  it('is nothing before the opening reminder', () => {
    expect(dueStep(steps, parseDanishInstant('2026-01-05T07:59'))).toBeUndefined();
  });

  it('is the latest due step, so a scheduler that was down sends one reminder, not a burst', () => {
    expect(dueStep(steps, parseDanishInstant('2026-03-29T10:00'))!.id).toBe('before-3@2026-03-27');
    expect(dueStep(steps, parseDanishInstant('2026-04-01T07:59'))!.id).toBe('before-3@2026-03-27');
    expect(dueStep(steps, parseDanishInstant('2026-04-01T08:00'))!.id).toBe('after-1@2026-04-01');
  });
});

describe('owesReport', () => {
  it('is true until the first submission and stays false after a return for correction', () => {
    expect(owesReport(undefined)).toBe(true);
    expect(owesReport({})).toBe(true);
    expect(owesReport({ submittedAt: '2026-03-01T10:00:00Z' })).toBe(false);
  });
});

describe('the due step of an extended organisation', () => {
  const r = round('2026-09-01', '2026-12-15');
  const extended = reminderSchedule(r, parseDanishInstant('2027-01-10', 'end').toISOString());
  const own = reminderSchedule(r);

  it('is none while the round has a later step due than its own latest (the opening notice of September, in December)', () => {
    const now = parseDanishInstant('2026-12-02T08:30');
    expect(dueStep(extended, now)?.id).toBe('opening@2026-09-01');
    expect(dueStepWithin(extended, own, now)).toBeUndefined();
  });

  it('is its own step once that falls due after the round\'s latest, and the opening notice on the opening day', () => {
    expect(dueStepWithin(extended, own, parseDanishInstant('2026-12-24T08:30'))?.id).toBe('before-14@2026-12-24');
    expect(dueStepWithin(extended, own, parseDanishInstant('2027-01-07T08:30'))?.id).toBe('before-3@2027-01-07');
    expect(dueStepWithin(extended, own, parseDanishInstant('2026-09-01T08:30'))?.id).toBe('opening@2026-09-01');
  });
});
