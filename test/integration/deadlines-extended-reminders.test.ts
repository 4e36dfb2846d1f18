// Reminders around a moved deadline and a reminder sent by hand, over the real engines with a
// controlled clock, on the tester's municipal round (opened 1 September 2026, deadline 15
// December 2026; the stack first ran on 2 December): an extension does not make the deadline
// check send a past opening notice; "Send en påmindelse nu" counts the scheduled reminder the
// organisation already had that Danish day; and the deadline check sends no scheduled step to an
// organisation reminded by hand on the step's day or later. Only two municipalities have
// addresses, so only they are reminded; every run is scoped to this file's own rounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { startApi, type Api } from '../support/api.ts';
import { MemoryContacts, MemoryMail } from '../support/memory-schedule.ts';
import { storageConfigFromEnv } from '#functions/composition';
import { buildScheduleDeps } from '#functions/schedule-composition';
import { runDeadlineCheck } from '#core/deadline-service';
import { createRound } from '#core/rounds-service';
import { grantExtension } from '#core/extensions';
import { remindNow } from '#core/remind-now';
import { sstIdentity } from '#core/identity';
import type { ScheduleDeps } from '#core/schedule-ports';

const admin = sstIdentity('test-admin', 'sst-admin', 'Test Admin');
const KOEBENHAVN = 'kommune-101';
const AARHUS = 'kommune-751';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.stop());

function setup() {
  const mail = new MemoryMail();
  const contacts = new MemoryContacts();
  let now = new Date('2026-12-02T05:57:00Z');
  const clock = { now: () => now };
  const deps: ScheduleDeps = { ...buildScheduleDeps(storageConfigFromEnv(), { mail, webBaseUrl: 'https://statusportalen.example', clock }), contacts };
  for (const orgId of [KOEBENHAVN, AARHUS]) contacts.lists.set(orgId, { orgId, emails: [`kraeftplan@${orgId}.example.dk`] });
  const at = (iso: string) => {
    now = new Date(iso);
    return now;
  };
  return { mail, deps, at };
}

/** The municipal round as seeded: open since 1 September, deadline 15 December 2026, default policy. */
const municipalRound = (deps: ScheduleDeps) =>
  createRound(deps, admin, {
    roundId: `t-extrem-${ulid().toLowerCase()}`,
    formId: 'kraeftplan-v-kommunal',
    period: '2026',
    opensAt: '2026-09-01',
    deadline: '2026-12-15',
  });

const check = (deps: ScheduleDeps, now: Date, roundId: string) => runDeadlineCheck(deps, now, { onlyRounds: [roundId], remindersOnly: true });

describe('reminders after an extension', () => {
  it('sends no past opening notice when an extension is granted, and reminds before the new deadline', async () => {
    const { mail, deps, at } = setup();
    const round = await municipalRound(deps);
    // The stack's first run on 2 December: the latest due step, 14 days before 15 December, to both.
    await check(deps, at('2026-12-02T05:57:00Z'), round.roundId);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01']);
    expect(mail.steps(round.roundId, AARHUS)).toEqual(['before-14@2026-12-01']);

    at('2026-12-02T06:02:48Z');
    await grantExtension(deps, admin, round.roundId, KOEBENHAVN, { deadline: '2027-01-10', reason: 'Ny it-platform i kommunen' });
    // Before the fix this run sent "Indberetningen er åbnet: … frist 10. januar 2027" (opening@2026-09-01).
    const report = await check(deps, at('2026-12-02T06:02:51Z'), round.roundId);
    expect(report.outcomes.filter((o) => o.ref.kind === 'reminder' && o.ref.orgId === KOEBENHAVN)).toEqual([]);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01']);

    // Every morning (08:30 Danish time) to 12 January: København follows its new deadline of Sunday
    // 10 January 2027 (14 days before is Sunday 27 December, moved back to Thursday 24 December; 3 days
    // before is Thursday 7 January), and is never sent the opening notice or Aarhus's overdue steps.
    for (let d = new Date('2026-12-03T07:30:00Z'); d <= new Date('2027-01-12T07:30:00Z'); d = new Date(d.getTime() + 86_400_000)) {
      await check(deps, at(d.toISOString()), round.roundId);
    }
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01', 'before-14@2026-12-24', 'before-3@2027-01-07', 'after-1@2027-01-11']);
    const three = mail.sent.find((m) => m.key === `reminder/${round.roundId}/${KOEBENHAVN}/before-3@2027-01-07`)!;
    expect(three.subject).toContain('10. januar 2027');
    expect(three.text).toContain('Ny it-platform i kommunen');
    // Aarhus, on the round's deadline, is unchanged: 3 days before (Saturday 12 December moves back to Friday), then overdue weekly.
    expect(mail.steps(round.roundId, AARHUS)).toEqual([
      'before-14@2026-12-01',
      'before-3@2026-12-11',
      'after-1@2026-12-16',
      'after-8@2026-12-23',
      'after-15@2026-12-30',
      'after-22@2027-01-06',
    ]);
    expect(mail.sent.some((m) => m.key.includes('/opening@'))).toBe(false);
  }, 60_000);

  it('sends no past opening notice to an organisation extended before its first reminder', async () => {
    const { mail, deps, at } = setup();
    const round = await municipalRound(deps);
    at('2026-12-02T05:50:00Z');
    await grantExtension(deps, admin, round.roundId, KOEBENHAVN, { deadline: '2027-01-10', reason: 'Ny it-platform i kommunen' });
    // The first run ever: Aarhus's opening step is superseded by the 14-days step; København's too.
    await check(deps, at('2026-12-02T05:57:00Z'), round.roundId);
    expect(mail.steps(round.roundId, AARHUS)).toEqual(['before-14@2026-12-01']);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual([]);
  });
});

describe('a reminder sent now after the scheduled one the same day', () => {
  it('is not sent to an organisation already reminded that Danish day, scheduled or by hand, and is sent the next day', async () => {
    const { mail, deps, at } = setup();
    const round = await municipalRound(deps);
    // 06:57 Danish time on 2 December: the scheduled "14 dage før fristen" to both.
    await check(deps, at('2026-12-02T05:57:00Z'), round.roundId);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01']);

    // 07:01: SST selects København and sends a reminder now. Before the fix a second mail went out.
    at('2026-12-02T06:01:00Z');
    const same = await remindNow(deps, admin, round.roundId, [KOEBENHAVN]);
    expect(same.sent).toEqual([]);
    expect(same.alreadySent).toEqual([{ orgId: KOEBENHAVN, orgName: 'Københavns Kommune' }]);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01']);
    expect((await deps.claims.listReminders(round.roundId)).map((c) => c.step)).not.toContain('manual@2026-12-02');

    // The next Danish day (00:30 on 3 December is 23:30Z on the 2nd) it goes out, once.
    at('2026-12-02T23:30:00Z');
    const next = await remindNow(deps, admin, round.roundId, [KOEBENHAVN, AARHUS]);
    expect(next.sent.map((o) => o.orgId)).toEqual([KOEBENHAVN, AARHUS]);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01', 'manual@2026-12-03']);
    // A second click that day, and a manual reminder counts like a scheduled one.
    at('2026-12-03T09:00:00Z');
    const again = await remindNow(deps, admin, round.roundId, [KOEBENHAVN]);
    expect(again.sent).toEqual([]);
    expect(again.alreadySent.map((o) => o.orgId)).toEqual([KOEBENHAVN]);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01', 'manual@2026-12-03']);
  });
});

describe('a scheduled reminder after one sent by hand', () => {
  it('is not sent on the day SST already reminded the organisation by hand, nor the days after, and the next step is', async () => {
    const { mail, deps, at } = setup();
    const round = await municipalRound(deps);
    await check(deps, at('2026-12-02T07:30:00Z'), round.roundId);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01']);

    // Friday 11 December, 07:00 Danish time: SST reminds København by hand, an hour before the
    // scheduled "3 dage før fristen" (Saturday 12 December, moved back to Friday) falls due.
    at('2026-12-11T06:00:00Z');
    expect((await remindNow(deps, admin, round.roundId, [KOEBENHAVN])).sent.map((o) => o.orgId)).toEqual([KOEBENHAVN]);
    // 08:30: Aarhus gets the scheduled step; København, reminded 90 minutes ago, gets nothing.
    const report = await check(deps, at('2026-12-11T07:30:00Z'), round.roundId);
    expect(report.outcomes.filter((o) => o.ref.kind === 'reminder').map((o) => o.ref.kind === 'reminder' && o.ref.orgId)).toEqual([AARHUS]);
    // Nor the mornings after (the step stays superseded), up to the deadline.
    for (const day of ['2026-12-12', '2026-12-13', '2026-12-14', '2026-12-15']) await check(deps, at(`${day}T07:30:00Z`), round.roundId);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01', 'manual@2026-12-11']);
    // The day after the deadline both get the overdue reminder.
    await check(deps, at('2026-12-16T07:30:00Z'), round.roundId);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01', 'manual@2026-12-11', 'after-1@2026-12-16']);
    expect(mail.steps(round.roundId, AARHUS)).toEqual(['before-14@2026-12-01', 'before-3@2026-12-11', 'after-1@2026-12-16']);
  }, 60_000);

  it('still sends the step when the reminder by hand failed to reach anyone', async () => {
    const { mail, deps, at } = setup();
    const round = await municipalRound(deps);
    await check(deps, at('2026-12-02T07:30:00Z'), round.roundId);
    at('2026-12-11T06:00:00Z');
    mail.failFor.add(`kraeftplan@${KOEBENHAVN}.example.dk`);
    expect((await remindNow(deps, admin, round.roundId, [KOEBENHAVN])).failed.map((o) => o.orgId)).toEqual([KOEBENHAVN]);
    mail.failFor.clear();
    await check(deps, at('2026-12-11T07:30:00Z'), round.roundId);
    expect(mail.steps(round.roundId, KOEBENHAVN)).toEqual(['before-14@2026-12-01', 'before-3@2026-12-11']);
  }, 60_000);
});
