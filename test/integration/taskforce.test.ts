// The Task Force over HTTP: seats and their contacts, meeting invitations and cancellations in
// the local outbox parsed back as iTIP (RFC 5546) with ical.js, and the year wheel's openings
// and linked rounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { ulid } from 'ulid';
import { startApi, type Api } from '../support/api.ts';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.stop());

interface OutboxMail {
  to: string[];
  subject: string;
  key?: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

function itip(mail: OutboxMail) {
  const ics = mail.attachments?.find((a) => a.filename === 'invitation.ics');
  expect(ics, mail.subject).toBeDefined();
  const vcal = new ICAL.Component(ICAL.parse(ics!.content));
  const [vevent] = vcal.getAllSubcomponents('vevent');
  const event = new ICAL.Event(vevent);
  return {
    contentType: ics!.contentType,
    method: vcal.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent!.getFirstPropertyValue('status'),
    organizer: String(vevent!.getFirstPropertyValue('organizer')),
    attendees: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, '')),
    start: event.startDate,
    description: event.description,
  };
}

describe('Task Force', () => {
  it('lists the seats of the terms of reference on a date: 6 for DR and the regions in 2026, 5 from 2027', async () => {
    const reader = await api.as('sst-reader');
    const count = (items: { groupId: string }[], group: string) => items.filter((s) => s.groupId === group).length;
    const y2026 = (await reader('GET', '/taskforce/seats?at=2026-06-01')).body.items;
    const y2027 = (await reader('GET', '/taskforce/seats?at=2027-06-01')).body.items;
    expect(count(y2026, 'dr-og-regionerne')).toBe(6);
    expect(count(y2027, 'dr-og-regionerne')).toBe(5);
    expect(count(y2026, 'kl-og-kommunerne')).toBe(5);
    expect(y2026).toHaveLength(15);
    expect(y2027).toHaveLength(14);
    const reporter = await api.as('reporter', 'region-1081');
    expect((await reporter('GET', '/taskforce/seats')).status).toBe(403);
  });

  it('mails each change of a meeting as iTIP: REQUEST with a stable UID and rising SEQUENCE, then CANCEL', async () => {
    const sst = await api.as('sst-admin');
    const tag = ulid().toLowerCase().slice(-8);
    const sdsAddress = `sds-${tag}@sundhedsdatastyrelsen.example.dk`;
    const drAddress = `dr6-${tag}@regioner.example.dk`;
    expect((await sst('PUT', '/taskforce/seats/sundhedsdatastyrelsen-1/contacts', { body: { emails: [sdsAddress] } })).status).toBe(200);
    const set = await sst('PUT', '/taskforce/seats/dr-og-regionerne-6/contacts', { body: { emails: [drAddress] } });
    expect(set.status).toBe(200);
    expect(set.body.validTo).toBe('2027-01-01');
    const round = await api.round('kraeftplan-v-regional', { deadline: '2026-12-15', closeAt: '2027-01-31' });

    const meetingId = `tf-${tag}`;
    const uid = `meeting-${meetingId}@statusportalen.sst.dk`;
    const created = await sst('POST', '/meetings', {
      body: { meetingId, date: '2026-11-03', startTime: '13:00', endTime: '15:00', title: 'Møde i Task Force', agenda: ['Status på Kræftplan V'], roundIds: [round.roundId] },
    });
    expect(created.status, created.text).toBe(201);
    expect((await sst('PUT', `/meetings/${meetingId}`, { body: { date: '2026-11-04', startTime: '13:00', title: 'Møde i Task Force', roundIds: [round.roundId] } })).status).toBe(200);
    // A meeting in 2027: the sixth regional seat has lapsed, so its contact is not invited.
    const cancelled = await sst('DELETE', `/meetings/${meetingId}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ cancelled: true, sequence: 2 });
    expect((await sst('DELETE', `/meetings/${meetingId}`)).body.sequence).toBe(2);

    const outbox: OutboxMail[] = (await api.call('GET', '/dev/outbox')).body.items;
    const mails = outbox.filter((m) => m.key?.startsWith(`meeting/${meetingId}/`)).sort((a, b) => (a.key! < b.key! ? -1 : 1));
    expect(mails.map((m) => m.key)).toEqual([`meeting/${meetingId}/0`, `meeting/${meetingId}/1`, `meeting/${meetingId}/2`]);
    const parsed = mails.map(itip);
    expect(parsed.map((p) => p.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(parsed.map((p) => p.contentType)).toEqual([
      'text/calendar; charset=UTF-8; method=REQUEST',
      'text/calendar; charset=UTF-8; method=REQUEST',
      'text/calendar; charset=UTF-8; method=CANCEL',
    ]);
    expect(new Set(parsed.map((p) => p.uid))).toEqual(new Set([uid]));
    expect(parsed.map((p) => p.sequence)).toEqual([0, 1, 2]);
    expect(parsed[2]!.status).toBe('CANCELLED');
    for (const p of parsed) {
      expect(p.attendees).toEqual(expect.arrayContaining([sdsAddress, drAddress]));
      expect(p.organizer).toMatch(/^mailto:/i);
    }
    expect(parsed[1]!.start.toJSDate().toISOString()).toBe('2026-11-04T12:00:00.000Z');
    expect(parsed[0]!.description).toContain(round.title);
    expect(mails[0]!.subject).toBe('Invitation: Møde i Task Force (3. november 2026 kl. 13.00–15.00)');
    expect(mails[1]!.subject).toMatch(/^Ændret møde: /);
    expect(mails[2]!.subject).toMatch(/^Aflyst: /);
    expect(mails[0]!.text).toContain('Dagsorden:\n1. Status på Kræftplan V');
    expect(mails[0]!.to).toEqual(expect.arrayContaining([sdsAddress, drAddress]));

    // The cancelled meeting leaves the year wheel.
    const wheel = (await sst('GET', '/calendar?from=2026-01-01&to=2027-12-31')).body.items;
    expect(wheel.find((e: { uid: string }) => e.uid === uid)).toBeUndefined();

    // From 2027 the lapsed seat is not invited.
    const later = `tf-${tag}-2027`;
    expect((await sst('POST', '/meetings', { body: { meetingId: later, date: '2027-03-02', title: 'Møde i Task Force' } })).status).toBe(201);
    const again: OutboxMail[] = (await api.call('GET', '/dev/outbox')).body.items;
    const invite2027 = itip(again.find((m) => m.key === `meeting/${later}/0`)!);
    expect(invite2027.attendees).toContain(sdsAddress);
    expect(invite2027.attendees).not.toContain(drAddress);
    expect(invite2027.start.isDate).toBe(true);
  });

  it("shows round openings and a meeting's linked rounds in the year wheel, JSON and ICS", async () => {
    const sst = await api.as('sst-admin');
    const round = await api.round('kraeftplan-v-regional', { deadline: '2026-12-15', closeAt: '2027-01-31' });
    const meetingId = `tf-${ulid().toLowerCase().slice(-10)}`;
    expect((await sst('POST', '/meetings', { body: { meetingId, date: '2026-12-08', title: 'Møde i Task Force', roundIds: [round.roundId] } })).status).toBe(201);
    const bad = await sst('POST', '/meetings', { body: { date: '2026-12-09', title: 'Møde', roundIds: ['findes-ikke'] } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/roundIds/0');

    const items = (await sst('GET', '/calendar?from=2020-01-01&to=2030-12-31')).body.items;
    const opening = items.find((e: { uid: string }) => e.uid === `round-${round.roundId}-opening@statusportalen.sst.dk`);
    expect(opening).toMatchObject({ kind: 'opening', title: `Åbner: ${round.title}`, roundId: round.roundId });
    const meeting = items.find((e: { uid: string }) => e.uid === `meeting-${meetingId}@statusportalen.sst.dk`);
    expect(meeting.links).toEqual([
      { roundId: round.roundId, title: round.title, href: expect.stringContaining(`/#/runder/${round.roundId}`), summary: `/rounds/${round.roundId}/summary?format=html` },
    ]);

    const reporter = await api.as('reporter', round.respondents[0]!);
    const theirs = (await reporter('GET', '/calendar?from=2020-01-01&to=2030-12-31')).body.items;
    expect(theirs.find((e: { uid: string }) => e.uid === meeting.uid).links[0].summary).toBeUndefined();
    const outsider = await api.as('reporter', 'kommune-101');
    const notTheirs = (await outsider('GET', '/calendar?from=2020-01-01&to=2030-12-31')).body.items;
    expect(notTheirs.find((e: { uid: string }) => e.uid === meeting.uid).links).toBeUndefined();

    const ics = (await sst('GET', '/calendar.ics?from=2020-01-01&to=2030-12-31')).text;
    const vcal = new ICAL.Component(ICAL.parse(ics));
    const uids = vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid);
    expect(uids).toContain(opening.uid);
    const m = vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.uid === meeting.uid)!;
    expect(m.description).toContain(`Status, der drøftes på mødet:\n- ${round.title}:`);
  });
});
