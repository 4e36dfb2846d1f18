// Task Force meeting invitations as iTIP (RFC 5546) messages: a Danish e-mail with the meeting
// as an .ics attachment. METHOD:REQUEST when SST adds or changes a meeting, METHOD:CANCEL when
// it cancels one; the UID is the calendar feed's (`meeting-<id>@…`), so a member's calendar
// replaces or removes the event it already has, and SEQUENCE is the meeting's, raised on every
// change. Pure: the caller sends the message with its MailSender.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { formatDanishDate, parseDanishInstant } from '#core/danish-time';
import { UID_DOMAIN } from '#core/calendar';
import type { MailMessage } from '#core/schedule-ports';
import type { Meeting } from '#schemas/schedule';

export const meetingUid = (meetingId: string) => `meeting-${meetingId}@${UID_DOMAIN}`;

export interface Organizer {
  name: string;
  email: string;
}

export interface LinkedRound {
  roundId: string;
  title: string;
  href: string;
}

export interface InvitationInput {
  meeting: Meeting;
  method: 'REQUEST' | 'CANCEL';
  attendees: readonly string[];
  organizer: Organizer;
  rounds: readonly LinkedRound[];
  now: Date;
}

const addHour = (hhmm: string) => `${String(Math.min(23, Number(hhmm.slice(0, 2)) + 1)).padStart(2, '0')}:${hhmm.slice(3)}`;
const utcDay = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays));
};

function times(m: Meeting) {
  if (m.startTime === undefined) return { start: utcDay(m.date), end: utcDay(m.date, 1), allDay: true };
  return { start: parseDanishInstant(`${m.date}T${m.startTime}`), end: parseDanishInstant(`${m.date}T${m.endTime ?? addHour(m.startTime)}`) };
}

/** "3. november 2026 kl. 13.00–15.00", or the date alone for an all-day meeting. */
export function meetingWhen(m: Meeting): string {
  const day = formatDanishDate(parseDanishInstant(m.date, 'start'));
  if (m.startTime === undefined) return day;
  return `${day} kl. ${m.startTime.replace(':', '.')}–${(m.endTime ?? addHour(m.startTime)).replace(':', '.')}`;
}

function description(m: Meeting, rounds: readonly LinkedRound[]): string {
  const lines: string[] = [];
  if (m.agenda.length) lines.push('Dagsorden:', ...m.agenda.map((a, i) => `${i + 1}. ${a}`));
  if (rounds.length) lines.push(...(lines.length ? [''] : []), 'Status, der drøftes på mødet:', ...rounds.map((r) => `- ${r.title}: ${r.href}`));
  return lines.join('\n');
}

export function invitationIcs({ meeting, method, attendees, organizer, rounds, now }: InvitationInput): string {
  const cal = ical({
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    prodId: { company: 'Sundhedsstyrelsen', product: 'Statusportalen', language: 'DA' },
  });
  const text = description(meeting, rounds);
  cal.createEvent({
    id: meetingUid(meeting.meetingId),
    sequence: meeting.sequence,
    stamp: now,
    summary: meeting.title,
    ...times(meeting),
    ...(meeting.location ? { location: meeting.location } : {}),
    ...(text ? { description: text } : {}),
    organizer: { name: organizer.name, email: organizer.email },
    attendees: attendees.map((email) => ({ email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: method === 'REQUEST' })),
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}

/** The whole e-mail: one message to every member, as a calendar program sends an invitation. */
export function invitationMail(input: InvitationInput): MailMessage {
  const { meeting, method, rounds } = input;
  const when = meetingWhen(meeting);
  const changed = meeting.sequence > 0;
  const subject =
    method === 'CANCEL' ? `Aflyst: ${meeting.title} (${when})` : changed ? `Ændret møde: ${meeting.title} (${when})` : `Invitation: ${meeting.title} (${when})`;
  const opening =
    method === 'CANCEL'
      ? 'Sundhedsstyrelsen har aflyst dette møde i Task Force for kræft- og psykiatriområdet:'
      : changed
        ? 'Sundhedsstyrelsen har ændret dette møde i Task Force for kræft- og psykiatriområdet:'
        : 'Sundhedsstyrelsen inviterer til møde i Task Force for kræft- og psykiatriområdet:';
  const lines = [
    'Kære medlem af Task Force',
    '',
    opening,
    '',
    `Møde: ${meeting.title}`,
    `Tidspunkt: ${when}`,
    ...(meeting.location ? [`Sted: ${meeting.location}`] : []),
  ];
  if (method === 'REQUEST') {
    if (meeting.agenda.length) lines.push('', 'Dagsorden:', ...meeting.agenda.map((a, i) => `${i + 1}. ${a}`));
    if (rounds.length) lines.push('', 'Status, der drøftes på mødet:', ...rounds.map((r) => `- ${r.title}: ${r.href}`));
    lines.push('', 'Mødet er vedhæftet som kalenderfil (invitation.ics). Åbn den for at sætte mødet i din kalender eller opdatere det, du allerede har.');
  } else {
    lines.push('', 'Den vedhæftede kalenderfil (invitation.ics) fjerner mødet fra din kalender.');
  }
  lines.push(
    '',
    'Du får denne e-mail, fordi din adresse er opført som kontakt for en plads i Task Force.',
    '',
    'Med venlig hilsen',
    'Sundhedsstyrelsen, sekretariatet for Task Force',
  );
  return {
    to: [...input.attendees],
    subject,
    text: lines.join('\n'),
    attachments: [{ filename: 'invitation.ics', contentType: `text/calendar; charset=UTF-8; method=${method}`, content: invitationIcs(input) }],
    key: `meeting/${meeting.meetingId}/${meeting.sequence}`,
    date: input.now,
  };
}
