// The Task Force's seats as the terms of reference set them, counted on dates either side of
// the 2027 reform, and the invitation e-mail's iTIP attachment parsed back with ical.js.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { findSeat, seatCountsAt, seatsAt } from '#core/taskforce';
import { TASKFORCE_SEATS } from '#core/taskforce-data';
import { findOrganisation, organisationsAt } from '#core/registry';
import { genitive } from '#core/danish-names';
import { invitationMail } from '#core/invitations';
import type { Meeting } from '#schemas/schedule';

describe('Task Force seats', () => {
  it('counts the seats of the terms of reference on 2026-06-01', () => {
    expect(seatCountsAt('2026-06-01')).toEqual({
      'dr-og-regionerne': 6,
      'kl-og-kommunerne': 5,
      'indenrigs-og-sundhedsministeriet': 1,
      'social-og-boligministeriet': 1,
      'social-og-boligstyrelsen': 1,
      'sundhedsdatastyrelsen': 1,
    });
    expect(seatsAt('2026-06-01')).toHaveLength(15);
  });

  it('gives DR and the regions 5 seats from 2027-01-01, the others unchanged', () => {
    expect(seatCountsAt('2027-06-01')).toMatchObject({ 'dr-og-regionerne': 5, 'kl-og-kommunerne': 5, 'sundhedsdatastyrelsen': 1 });
    expect(seatsAt('2027-06-01')).toHaveLength(14);
    expect(seatsAt('2026-12-31').filter((s) => s.groupId === 'dr-og-regionerne')).toHaveLength(6);
    expect(seatsAt('2027-01-01').filter((s) => s.groupId === 'dr-og-regionerne')).toHaveLength(5);
    expect(findSeat('dr-og-regionerne-6')).toMatchObject({ validTo: '2027-01-01' });
    expect(findSeat('dr-og-regionerne-5')?.validTo).toBeUndefined();
  });

  it('seats only organisations in the registry, each citing the terms of reference', () => {
    for (const group of TASKFORCE_SEATS) {
      expect(group.source).toMatch(/^Kommissorium for Task Force for kræft- og psykiatriområdet/);
      for (const orgId of group.orgIds) expect(findOrganisation(orgId), orgId).toBeDefined();
    }
    expect(findSeat('social-og-boligministeriet-1')?.partly).toBe(true);
    expect(findSeat('indenrigs-og-sundhedsministeriet-1')?.partly).toBe(false);
  });

  it('knows both ministries by their official names, as ministries, and their genitives', () => {
    expect(organisationsAt('2026-06-01', 'ministry').map((o) => o.officialName)).toEqual(['Indenrigs- og Sundhedsministeriet', 'Social- og Boligministeriet']);
    expect(genitive(findOrganisation('indenrigs-og-sundhedsministeriet')!.officialName)).toBe('Indenrigs- og Sundhedsministeriets');
    expect(genitive(findOrganisation('social-og-boligministeriet')!.officialName)).toBe('Social- og Boligministeriets');
  });
});

describe('meeting invitations', () => {
  const meeting: Meeting = {
    meetingId: 'taskforce-2026-4',
    date: '2026-11-03',
    startTime: '13:00',
    endTime: '15:00',
    title: 'Møde i Task Force',
    agenda: ['Status på Kræftplan V'],
    sequence: 3,
    updatedAt: '2026-10-01T08:00:00.000Z',
    updatedBy: 'Eksempel Administrator',
  };
  const input = {
    meeting,
    attendees: ['a@example.dk', 'b@example.dk'],
    organizer: { name: 'Sundhedsstyrelsen, sekretariatet for Task Force', email: 'no-reply@statusportalen.local' },
    rounds: [{ roundId: 'eksempel', title: 'Eksempel på en runde', href: 'http://127.0.0.1:3000/#/runder/eksempel' }],
    now: new Date('2026-10-01T08:00:00.000Z'),
  };
  const parse = (ics: string) => {
    const vcal = new ICAL.Component(ICAL.parse(ics));
    const vevent = vcal.getFirstSubcomponent('vevent')!;
    return { vcal, vevent, event: new ICAL.Event(vevent) };
  };

  it('attaches a REQUEST with the feed UID, the meeting SEQUENCE, organizer and attendees', () => {
    const mail = invitationMail({ ...input, method: 'REQUEST' });
    const { vcal, vevent, event } = parse(mail.attachments![0]!.content);
    expect(vcal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('meeting-taskforce-2026-4@statusportalen.sst.dk');
    expect(event.sequence).toBe(3);
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:no-reply@statusportalen.local');
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:a@example.dk', 'mailto:b@example.dk']);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-03T12:00:00.000Z');
    expect(mail.subject).toBe('Ændret møde: Møde i Task Force (3. november 2026 kl. 13.00–15.00)');
    expect(mail.text).toContain('- Eksempel på en runde: http://127.0.0.1:3000/#/runder/eksempel');
  });

  it('attaches a CANCEL with status CANCELLED', () => {
    const mail = invitationMail({ ...input, method: 'CANCEL' });
    const { vcal, vevent } = parse(mail.attachments![0]!.content);
    expect(vcal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(mail.attachments![0]!.contentType).toBe('text/calendar; charset=UTF-8; method=CANCEL');
    expect(mail.subject).toMatch(/^Aflyst: /);
  });
});
