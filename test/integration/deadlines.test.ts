// The deadline check over the real engines with a controlled clock: every reminder step once
// and only once, concurrent runs, a run failing halfway and its retry, a crashed claim,
// submitted organisations left alone, extensions, the DST Sundays, and SST's notices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { startApi, type Api } from '../support/api.ts';
import { MemoryContacts, MemoryMail } from '../support/memory-schedule.ts';
import { storageConfigFromEnv } from '#functions/composition';
import { buildScheduleDeps } from '#functions/schedule-composition';
import { orgName, runDeadlineCheck } from '#core/deadline-service';
import { createRound } from '#core/rounds-service';
import { grantExtension } from '#core/extensions';
import { sstIdentity } from '#core/identity';
import { addDanishDays, parseDanishInstant } from '#core/danish-time';
import type { ScheduleDeps } from '#core/schedule-ports';
import type { CreateRoundRequest } from '#schemas/api';
import { exampleAnswers } from '../../local/seed.ts';

const admin = sstIdentity('test-admin', 'sst-admin', 'Test Admin');

const addressOf = (orgId: string) => `indberetning@${orgId}.example.dk`;

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.stop());

function setup() {
  const mail = new MemoryMail();
  const contacts = new MemoryContacts();
  const deps: ScheduleDeps = { ...buildScheduleDeps(storageConfigFromEnv(), { mail, webBaseUrl: 'https://statusportalen.example' }), contacts };
  return { mail, contacts, deps };
}

async function regionalRound(deps: ScheduleDeps, contacts: MemoryContacts, request: Partial<CreateRoundRequest>) {
  const round = await createRound(deps, admin, {
    roundId: `t-deadline-${ulid().toLowerCase()}`,
    formId: 'kraeftplan-v-regional',
    period: '2026',
    opensAt: '2026-03-02',
    deadline: '2026-04-01',
    respondentsAt: '2026-06-01',
    ...request,
  });
  for (const orgId of round.respondents) contacts.lists.set(orgId, { orgId, emails: [addressOf(orgId)] });
  return round;
}

/** Instants from `from` to `to` (Danish dates) at the given UTC hours. */
function clock(from: string, to: string, utcHours: number[]): Date[] {
  const out: Date[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    for (const h of utcHours) out.push(new Date(d.getTime() + h * 3_600_000));
  }
  return out;
}

describe('deadline check', () => {
  it('sends every reminder step once and only once across a whole round, at 08:00 Danish time through the March DST switch', async () => {
    const { mail, contacts, deps } = setup();
    const round = await regionalRound(deps, contacts, { closeAt: '2026-04-30' });
    const firstSeen = new Map<string, string>();
    for (const now of clock('2026-03-01', '2026-05-02', [5, 6, 7, 13])) {
      const before = mail.sent.length;
      await runDeadlineCheck(deps, now, { onlyRounds: [round.roundId], remindersOnly: true });
      for (const m of mail.sent.slice(before)) firstSeen.set(m.key, m.date.toISOString());
    }
    const expected = [
      'opening@2026-03-02',
      'before-14@2026-03-18',
      // Sunday 29 March moves back to Friday 27 March; 2 April (skærtorsdag) forward past Easter.
      'before-3@2026-03-27',
      'after-1@2026-04-07',
      'after-8@2026-04-09',
      'after-15@2026-04-16',
      'after-22@2026-04-23',
      'after-29@2026-04-30',
    ];
    for (const orgId of round.respondents) {
      const keys = mail.of(round.roundId).filter((m) => m.to[0] === addressOf(orgId)).map((m) => m.key.split('/').pop());
      expect(keys).toEqual(expected);
    }
    expect(mail.of(round.roundId)).toHaveLength(expected.length * round.respondents.length);
    const orgId = round.respondents[0]!;
    // 08:00 CET is 07:00Z; from Sunday 29 March summer time is in force and 08:00 CEST is 06:00Z.
    expect(firstSeen.get(`reminder/${round.roundId}/${orgId}/before-14@2026-03-18`)).toBe('2026-03-18T07:00:00.000Z');
    expect(firstSeen.get(`reminder/${round.roundId}/${orgId}/before-3@2026-03-27`)).toBe('2026-03-27T07:00:00.000Z');
    expect(firstSeen.get(`reminder/${round.roundId}/${orgId}/after-1@2026-04-07`)).toBe('2026-04-07T06:00:00.000Z');
    const claims = await deps.claims.listReminders(round.roundId);
    expect(claims.every((c) => c.state === 'sent' && c.attempts === 1)).toBe(true);
    expect(claims).toHaveLength(expected.length * round.respondents.length);
    // Two months of a clock at four hours a day (252 runs against DynamoDB Local): about 12 s alone,
    // past the default 30 s when the whole suite shares two cores.
  }, 90_000);

  it('keeps weekly reminders at 08:00 local time across the last Sunday of October', async () => {
    const { mail, contacts, deps } = setup();
    const round = await regionalRound(deps, contacts, { opensAt: '2026-09-01', deadline: '2026-10-20', closeAt: '2026-11-10' });
    const firstSeen = new Map<string, string>();
    for (const now of clock('2026-10-19', '2026-10-29', [5, 6, 7, 8])) {
      const before = mail.sent.length;
      await runDeadlineCheck(deps, now, { onlyRounds: [round.roundId], remindersOnly: true });
      for (const m of mail.sent.slice(before)) firstSeen.set(m.key.split('/').pop()!, m.date.toISOString());
    }
    // The first run (19 Oct) catches up with one reminder (the latest due), not a burst; the
    // 3-days-before step fell on Saturday 17 October and was due on Friday the 16th.
    expect([...firstSeen.keys()]).toEqual(['before-3@2026-10-16', 'after-1@2026-10-21', 'after-8@2026-10-28']);
    expect(firstSeen.get('after-1@2026-10-21')).toBe('2026-10-21T06:00:00.000Z');
    expect(firstSeen.get('after-8@2026-10-28')).toBe('2026-10-28T07:00:00.000Z');
    expect(mail.of(round.roundId)).toHaveLength(3 * round.respondents.length);
    expect(mail.of(round.roundId).find((m) => m.key.endsWith('after-8@2026-10-28'))!.subject).toMatch(/^Fristen er overskredet: /);
  });

  it('lets exactly one of two concurrent runs send each reminder', async () => {
    const { mail, contacts, deps } = setup();
    const round = await regionalRound(deps, contacts, {});
    const now = parseDanishInstant('2026-03-02T09:00');
    const [a, b] = await Promise.all([
      runDeadlineCheck(deps, now, { onlyRounds: [round.roundId], remindersOnly: true, runId: 'run-a' }),
      runDeadlineCheck(deps, now, { onlyRounds: [round.roundId], remindersOnly: true, runId: 'run-b' }),
    ]);
    expect(a.sent + b.sent).toBe(round.respondents.length);
    expect(mail.of(round.roundId)).toHaveLength(round.respondents.length);
    expect(new Set(mail.of(round.roundId).map((m) => m.to[0])).size).toBe(round.respondents.length);
  });

  it('records a failed send, still reaches everyone else, and retries the failure on the next run', async () => {
    const { mail, contacts, deps } = setup();
    const round = await regionalRound(deps, contacts, {});
    const [broken, ...others] = round.respondents;
    mail.failFor.add(addressOf(broken!));
    const first = await runDeadlineCheck(deps, parseDanishInstant('2026-03-02T08:05'), { onlyRounds: [round.roundId], remindersOnly: true });
    expect(first.sent).toBe(others.length);
    expect(first.failed).toBe(1);
    const failedClaim = (await deps.claims.listReminders(round.roundId)).find((c) => c.orgId === broken)!;
    expect(failedClaim).toMatchObject({ state: 'failed', attempts: 1, step: 'opening@2026-03-02' });
    expect(failedClaim.error).toMatch(/mailbox unavailable/);

    mail.failFor.clear();
    const second = await runDeadlineCheck(deps, parseDanishInstant('2026-03-02T09:05'), { onlyRounds: [round.roundId], remindersOnly: true });
    expect(second.sent).toBe(1);
    for (const orgId of round.respondents) expect(mail.of(round.roundId).filter((m) => m.to[0] === addressOf(orgId))).toHaveLength(1);
    const retried = (await deps.claims.listReminders(round.roundId)).find((c) => c.orgId === broken)!;
    expect(retried).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('retries a claim left pending by a crashed run once its lease has run out, and not before', async () => {
    const { mail, contacts, deps } = setup();
    const round = await regionalRound(deps, contacts, {});
    const orgId = round.respondents[0]!;
    const crashedAt = parseDanishInstant('2026-03-02T08:00');
    // A run that claimed and then died before sending or recording anything.
    const claim = await deps.claims.claim({
      ref: { kind: 'reminder', roundId: round.roundId, orgId, step: 'opening@2026-03-02' },
      now: crashedAt,
      leaseMs: 15 * 60_000,
      maxAttempts: 5,
      runId: 'crashed',
    });
    expect(claim?.state).toBe('pending');
    await runDeadlineCheck(deps, new Date(crashedAt.getTime() + 60_000), { onlyRounds: [round.roundId], remindersOnly: true });
    expect(mail.of(round.roundId).filter((m) => m.to[0] === addressOf(orgId))).toHaveLength(0);
    await runDeadlineCheck(deps, new Date(crashedAt.getTime() + 16 * 60_000), { onlyRounds: [round.roundId], remindersOnly: true });
    expect(mail.of(round.roundId).filter((m) => m.to[0] === addressOf(orgId))).toHaveLength(1);
    expect(mail.of(round.roundId)).toHaveLength(round.respondents.length);
  });

  it('sends no reminder to an organisation that has submitted', async () => {
    const { mail, contacts, deps } = setup();
    const round = await api.round('kraeftplan-v-regional');
    for (const orgId of round.respondents) contacts.lists.set(orgId, { orgId, emails: [addressOf(orgId)] });
    const done = round.respondents[0]!;
    const reporter = await api.as('reporter', done);
    const saved = await reporter('PUT', `/rounds/${round.roundId}/submissions/${done}`, { body: { answers: exampleAnswers('kraeftplan-v-regional') } });
    expect(saved.status).toBe(200);
    const submitted = await reporter('POST', `/rounds/${round.roundId}/submissions/${done}/submit`, { headers: { 'if-match': saved.body.etag } });
    expect(submitted.status).toBe(200);

    await runDeadlineCheck(deps, new Date(), { onlyRounds: [round.roundId], remindersOnly: true });
    const to = mail.of(round.roundId).map((m) => m.to[0]);
    expect(to).not.toContain(addressOf(done));
    expect(to).toHaveLength(round.respondents.length - 1);
    expect(mail.of(round.roundId)[0]!.text).toContain(`https://statusportalen.example/#/runder/${round.roundId}/`);
  });

  it('follows an extended deadline: no overdue reminder, a reminder before the new deadline, no overdue entry for SST', async () => {
    const { mail, contacts, deps } = setup();
    const round = await regionalRound(deps, contacts, { deadline: '2026-03-31', closeAt: '2026-05-31' });
    const [extended, other] = round.respondents as [string, string];
    await grantExtension(deps, admin, round.roundId, extended, { deadline: '2026-04-30', reason: 'Ny it-platform i regionen' });
    contacts.lists.set('sst', { orgId: 'sst', emails: ['taskforce@sst.example.dk'] });
    contacts.settings = { submissionNotices: 'off', overdueDigest: true };

    await runDeadlineCheck(deps, parseDanishInstant('2026-03-02T08:30'), { onlyRounds: [round.roundId] });
    const report = await runDeadlineCheck(deps, parseDanishInstant('2026-04-01T08:30'), { onlyRounds: [round.roundId] });
    const mine = (orgId: string) => mail.of(round.roundId).filter((m) => m.to[0] === addressOf(orgId)).map((m) => m.key.split('/').pop());
    expect(mine(other)).toEqual(['opening@2026-03-02', 'after-1@2026-04-01']);
    expect(mine(extended)).toEqual(['opening@2026-03-02']);
    const digest = report.outcomes.find((o) => o.ref.kind === 'notice' && o.ref.topic === 'overdue')!;
    expect(digest.state).toBe('sent');
    const digestText = mail.sent.find((m) => m.key === 'notice/overdue/2026-04-01')!.text;
    const section = digestText.slice(digestText.indexOf(`${round.title} (frist 31. marts 2026):`)).split('\n\n')[0]!;
    expect(section).toContain(`  - ${orgName(other)}`);
    expect(section).not.toContain(orgName(extended));
    expect(section.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(round.respondents.length - 1);

    await runDeadlineCheck(deps, parseDanishInstant('2026-04-27T08:30'), { onlyRounds: [round.roundId], remindersOnly: true });
    expect(mine(extended)).toEqual(['opening@2026-03-02', 'before-3@2026-04-27']);
    const reminder = mail.of(round.roundId).find((m) => m.key.endsWith('before-3@2026-04-27'))!;
    expect(reminder.subject).toContain('30. april 2026');
    expect(reminder.text).toContain('forlængede frist');
    expect(reminder.text).toContain('Ny it-platform i regionen');
    // Others are past their deadline; the weekly reminder goes to them, not to the extended one.
    expect(mine(other)).toContain('after-22@2026-04-22');
  });

  it('flags a submission late against the extended deadline, not the round deadline', async () => {
    const now = new Date();
    const round = await api.round('kraeftplan-v-regional', {
      opensAt: addDanishDays(now, -10).toISOString(),
      deadline: addDanishDays(now, -1).toISOString(),
      closeAt: addDanishDays(now, 30).toISOString(),
    });
    const [extended, other] = round.respondents as [string, string];
    const sst = await api.as('sst-admin');
    const granted = await sst('PUT', `/rounds/${round.roundId}/extensions/${extended}`, {
      body: { deadline: addDanishDays(now, 5).toISOString(), reason: 'Sygdom i teamet' },
    });
    expect(granted.status).toBe(200);
    const results: Record<string, boolean> = {};
    for (const orgId of [extended, other]) {
      const reporter = await api.as('reporter', orgId);
      const saved = await reporter('PUT', `/rounds/${round.roundId}/submissions/${orgId}`, { body: { answers: exampleAnswers('kraeftplan-v-regional') } });
      const sub = await reporter('POST', `/rounds/${round.roundId}/submissions/${orgId}/submit`, { headers: { 'if-match': saved.body.etag } });
      expect(sub.status).toBe(200);
      results[orgId] = sub.body.late;
    }
    expect(results).toEqual({ [extended]: false, [other]: true });
    const view = await (await api.as('reporter', extended))('GET', `/rounds/${round.roundId}/submissions/${extended}`);
    expect(view.body.extension).toMatchObject({ reason: 'Sygdom i teamet' });
  });

  it('refuses an extension that is not later than the round deadline, and one from a reporter', async () => {
    const round = await api.round('kraeftplan-v-regional');
    const orgId = round.respondents[0]!;
    const sst = await api.as('sst-admin');
    const early = await sst('PUT', `/rounds/${round.roundId}/extensions/${orgId}`, { body: { deadline: '2020-01-01', reason: 'x' } });
    expect(early.status).toBe(422);
    const reporter = await api.as('reporter', orgId);
    const self = await reporter('PUT', `/rounds/${round.roundId}/extensions/${orgId}`, { body: { deadline: '2031-01-01', reason: 'x' } });
    expect(self.status).toBe(403);
  });

  it('tells SST of each new submission immediately, once, when SST chose immediate notices', async () => {
    const { mail, contacts, deps } = setup();
    contacts.lists.set('sst', { orgId: 'sst', emails: ['taskforce@sst.example.dk'] });
    contacts.settings = { submissionNotices: 'immediate', overdueDigest: false };
    const round = await api.round('kraeftplan-v-regional');
    // Start the feed just before this test's submission.
    await deps.claims.setMark('submission-notices', new Date(Date.now() - 1000).toISOString());
    const orgId = round.respondents[1]!;
    const reporter = await api.as('reporter', orgId);
    const saved = await reporter('PUT', `/rounds/${round.roundId}/submissions/${orgId}`, { body: { answers: exampleAnswers('kraeftplan-v-regional') } });
    await reporter('POST', `/rounds/${round.roundId}/submissions/${orgId}/submit`, { headers: { 'if-match': saved.body.etag } });

    const later = new Date(Date.now() + 2 * 60_000);
    await Promise.all([
      runDeadlineCheck(deps, later, { onlyRounds: [] }),
      runDeadlineCheck(deps, later, { onlyRounds: [] }),
    ]);
    await runDeadlineCheck(deps, new Date(later.getTime() + 60_000), { onlyRounds: [] });
    const notices = mail.sent.filter((m) => m.key.startsWith('notice/submitted/') && m.text.includes(round.roundId));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.to).toEqual(['taskforce@sst.example.dk']);
    expect(notices[0]!.subject).toMatch(/^Ny indberetning: /);
  });

  it('reminds both levels of a coordinated round: contributors of their contribution to Danske Regioner, Danske Regioner of its report, and follows an extension of either', async () => {
    const { mail, contacts, deps } = setup();
    const round = await regionalRound(deps, contacts, { mode: 'coordinated', coordinator: 'danske-regioner', respondentsAt: '2026-03-31' });
    contacts.lists.set('danske-regioner', { orgId: 'danske-regioner', emails: [addressOf('danske-regioner')] });
    await grantExtension(deps, admin, round.roundId, 'danske-regioner', { deadline: '2026-04-15', reason: 'Regionernes bidrag kom sent' });
    const to = (orgId: string) => mail.of(round.roundId).filter((m) => m.to.includes(addressOf(orgId)));
    // The opening day: the coordinator's opening notice names its own (extended) deadline.
    await runDeadlineCheck(deps, parseDanishInstant('2026-03-02T08:05'), { onlyRounds: [round.roundId], remindersOnly: true });
    expect(to('danske-regioner').map((m) => m.subject)).toEqual([`Indberetningen er åbnet: ${round.title} – frist 15. april 2026`]);
    // Three days before the round deadline (1 April 2026), at 08:05 Danish time.
    const report = await runDeadlineCheck(deps, parseDanishInstant('2026-03-29T08:05'), { onlyRounds: [round.roundId], remindersOnly: true });
    expect(report.noContacts).toEqual([]);
    // Every contributor, on the round's deadline; the coordinator not yet: its deadline is later.
    for (const orgId of round.respondents) {
      expect(to(orgId), orgId).toHaveLength(2);
      expect(to(orgId)[1]!.text).toContain(`Danske Regioner har endnu ikke modtaget ${orgName(orgId).replace(/$/, 's')} bidrag`);
    }
    expect(to('danske-regioner')).toHaveLength(1);
    // Three days before its own extended deadline (15 April), Danske Regioner is reminded of its report to SST.
    await runDeadlineCheck(deps, parseDanishInstant('2026-04-12T08:05'), { onlyRounds: [round.roundId], remindersOnly: true });
    const own = to('danske-regioner').slice(1);
    expect(own).toHaveLength(1);
    expect(own[0]!.text).toContain('vi har endnu ikke modtaget Danske Regioners indberetning');
    expect(own[0]!.text).toContain('Begrundelse: Regionernes bidrag kom sent');
    expect(own[0]!.text).toContain('15. april 2026');
  });
});
