// The year wheel over HTTP: meetings and deadlines as JSON and as ICS (parsed back with ical.js),
// stable UIDs and rising SEQUENCE, reporters filtered to their rounds with their own deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { ulid } from 'ulid';
import { startApi, type Api } from '../support/api.ts';
import { addDanishDays, danishDate } from '#core/danish-time';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.stop());

function events(ics: string) {
  const vcal = new ICAL.Component(ICAL.parse(ics));
  return vcal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, start: e.startDate, end: e.endDate, sequence: e.sequence, description: e.description };
  });
}

describe('year wheel', () => {
  it('serves meetings and round deadlines as ICS with stable UIDs that replace events on update', async () => {
    const sst = await api.as('sst-admin');
    const meetingId = `tf-${ulid().toLowerCase().slice(-10)}`;
    const created = await sst('POST', '/meetings', {
      body: { meetingId, date: '2026-10-27', startTime: '10:00', endTime: '12:30', title: 'Task Force-møde', agenda: ['Status på Kræftplan V', 'Årshjul 2027'] },
    });
    expect(created.status).toBe(201);
    const round = await api.round('kraeftplan-v-regional', { deadline: '2026-12-15', closeAt: '2027-01-31' });

    const first = await sst('GET', '/calendar.ics?from=2026-01-01&to=2028-12-31');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    const meeting = events(first.text).find((e) => e.uid === `meeting-${meetingId}@statusportalen.sst.dk`)!;
    expect(meeting.summary).toBe('Task Force-møde');
    // 10:00 in Copenhagen on 27 October 2026 (winter time) is 09:00Z.
    expect(meeting.start.toJSDate().toISOString()).toBe('2026-10-27T09:00:00.000Z');
    expect(meeting.end.toJSDate().toISOString()).toBe('2026-10-27T11:30:00.000Z');
    expect(meeting.description).toContain('1. Status på Kræftplan V');
    expect(meeting.sequence).toBe(0);
    const deadline = events(first.text).find((e) => e.uid === `round-${round.roundId}-deadline@statusportalen.sst.dk`)!;
    expect(deadline.start.isDate).toBe(true);
    expect(deadline.start.toString()).toBe('2026-12-15');
    expect(deadline.summary).toBe(`Frist: ${round.title}`);

    const moved = await sst('PUT', `/meetings/${meetingId}`, { body: { date: '2026-10-28', startTime: '13:00', title: 'Task Force-møde (flyttet)', agenda: [] } });
    expect(moved.status).toBe(200);
    const again = events((await sst('GET', '/calendar.ics?from=2026-01-01&to=2028-12-31')).text).filter((e) => e.uid === meeting.uid);
    expect(again).toHaveLength(1);
    expect(again[0]!.sequence).toBe(1);
    expect(again[0]!.start.toJSDate().toISOString()).toBe('2026-10-28T12:00:00.000Z');
  });

  it("shows a reporter only its own rounds, with its extended deadline, and refuses it meeting changes", async () => {
    // Dates relative to today (and inside next year's calendar window), so the test holds on any day.
    const day = (n: number) => danishDate(addDanishDays(new Date(), n));
    const [deadline, extended] = [day(30), day(50)];
    const regional = await api.round('kraeftplan-v-regional', { deadline, closeAt: day(90) });
    const municipal = await api.round('kraeftplan-v-kommunal', { deadline });
    const orgId = regional.respondents[0]!;
    const sst = await api.as('sst-admin');
    expect((await sst('PUT', `/rounds/${regional.roundId}/extensions/${orgId}`, { body: { deadline: extended, reason: 'Ny leder' } })).status).toBe(200);

    const reporter = await api.as('reporter', orgId);
    const json = await reporter('GET', '/calendar?from=2026-01-01&to=2028-12-31');
    expect(json.status).toBe(200);
    const mine = json.body.items.filter((e: { roundId?: string }) => e.roundId === regional.roundId);
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'opening', title: `Åbner: ${regional.title}` }),
      expect.objectContaining({ kind: 'deadline', date: extended, extended: true, reason: 'Ny leder' }),
    ]);
    expect(json.body.items.some((e: { roundId?: string }) => e.roundId === municipal.roundId)).toBe(false);

    const ics = events((await reporter('GET', '/calendar.ics?from=2026-01-01&to=2028-12-31')).text);
    const ev = ics.find((e) => e.uid === `round-${regional.roundId}-deadline@statusportalen.sst.dk`)!;
    expect(ev.start.toString()).toBe(extended);
    expect(ev.summary).toMatch(/^Frist \(forlænget\): /);
    expect(ics.some((e) => e.uid.includes(municipal.roundId))).toBe(false);

    const other = await api.as('reporter', regional.respondents[1]!);
    const theirs = (await other('GET', '/calendar?from=2026-01-01&to=2028-12-31')).body.items.find(
      (e: { roundId?: string; kind: string }) => e.roundId === regional.roundId && e.kind === 'deadline',
    );
    expect(theirs).toMatchObject({ date: deadline });
    expect(theirs.extended).toBeUndefined();

    expect((await reporter('POST', '/meetings', { body: { date: '2026-10-01', title: 'x' } })).status).toBe(403);
  });

  it('changes a round reminder policy (SST admins only) and validates it', async () => {
    const round = await api.round('kraeftplan-v-regional');
    const policy = { atOpening: false, daysBefore: [7], daysAfter: [2], repeatEveryDays: null, repeatLimit: 0, hour: 9 };
    const sst = await api.as('sst-admin');
    const set = await sst('PUT', `/rounds/${round.roundId}/reminder-policy`, { body: policy });
    expect(set.status).toBe(200);
    expect(set.body.reminderPolicy).toEqual(policy);
    expect((await sst('GET', `/rounds/${round.roundId}`)).body.reminderPolicy).toEqual(policy);
    expect((await sst('PUT', `/rounds/${round.roundId}/reminder-policy`, { body: { ...policy, hour: 25 } })).status).toBe(422);
    const reader = await api.as('sst-reader');
    expect((await reader('PUT', `/rounds/${round.roundId}/reminder-policy`, { body: policy })).status).toBe(403);
    expect((await reader('GET', `/rounds/${round.roundId}/reminders`)).status).toBe(200);
  });

  // The job checks every round in the table: with the whole suite's rounds that takes a while here.
  it('runs the deadline check through POST /dev/jobs and shows the mail in GET /dev/outbox as .eml', { timeout: 180_000 }, async () => {
    const round = await api.round('kraeftplan-v-regional');
    const orgId = round.respondents[2]!;
    const reporter = await api.as('reporter', orgId);
    const address = `frist-${ulid().toLowerCase().slice(-8)}@${orgId}.example.dk`;
    expect((await reporter('PUT', `/orgs/${orgId}/contacts`, { body: { emails: [address] } })).status).toBe(200);
    const run = await api.call('POST', `/dev/jobs/deadline-check?now=${encodeURIComponent(new Date().toISOString())}`);
    expect(run.status).toBe(200);
    expect(run.body.job).toBe('deadline-check');
    const outbox = await api.call('GET', '/dev/outbox');
    const mail = outbox.body.items.find((m: { to: string[]; key?: string }) => m.to.includes(address) && m.key?.includes(round.roundId));
    expect(mail).toBeDefined();
    expect(mail.file).toMatch(/^\d{8}T\d{6}Z-[0-9a-z]+\.eml$/);
    expect(mail.subject).toBe(`Indberetningen er åbnet: ${round.title} – frist ${mail.subject.split(' – frist ')[1]}`);
    expect(mail.text).toContain(`/#/runder/${round.roundId}/${orgId}`);
    expect((await api.call('POST', '/dev/jobs/no-such-job')).status).toBe(404);
  });
});
