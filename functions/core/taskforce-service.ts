// The Task Force as use cases: its seats on a date with each seat's contacts (SST reads, SST
// administrators set them), and the invitations that go to those contacts when SST adds,
// changes or cancels a meeting.
import { Problem } from '#core/problems';
import { danishDate } from '#core/danish-time';
import { actorOf, isSst, type Identity } from '#core/identity';
import { normaliseEmails } from '#core/contacts';
import { findSeat, seatsAt } from '#core/taskforce';
import { invitationMail, type LinkedRound, type Organizer } from '#core/invitations';
import type { RoundRecord } from '#core/rounds';
import type { ScheduleDeps, SeatContacts } from '#core/schedule-ports';
import type { Meeting, Seat } from '#schemas/schedule';

type SeatDeps = Pick<ScheduleDeps, 'seats' | 'clock' | 'newId'>;

export async function listSeats(deps: SeatDeps, who: Identity, at?: string): Promise<Seat[]> {
  if (!isSst(who)) throw new Problem('forbidden', 'Kun Sundhedsstyrelsen kan se Task Forcens pladser og kontakter.');
  const date = at ?? danishDate(deps.clock.now());
  const contacts = new Map((await deps.seats.list()).map((c) => [c.seatId, c]));
  return seatsAt(date).map((s) => {
    const c = contacts.get(s.seatId);
    return { ...s, emails: c?.emails ?? [], ...(c ? { updatedAt: c.updatedAt, updatedBy: c.updatedBy } : {}) };
  });
}

export async function setSeatContacts(deps: SeatDeps, who: Identity, seatId: string, emails: readonly string[]): Promise<Seat> {
  if (who.role !== 'sst-admin') throw new Problem('forbidden', 'Kun Sundhedsstyrelsens administratorer kan rette Task Forcens kontakter.');
  const seat = findSeat(seatId);
  if (!seat) throw new Problem('not-found', `Pladsen "${seatId}" findes ikke i Task Force.`);
  const before = (await deps.seats.list()).find((c) => c.seatId === seatId);
  const now = deps.clock.now().toISOString();
  const contacts: SeatContacts = { seatId, emails: normaliseEmails(emails), updatedAt: now, updatedBy: who.name };
  await deps.seats.put(contacts, {
    at: now,
    id: deps.newId(),
    ...actorOf(who),
    action: 'taskforce.seat-contacts',
    subject: `taskforce/${seatId}`,
    detail: { before: before?.emails ?? [], after: contacts.emails },
  });
  return { ...seat, emails: contacts.emails, updatedAt: now, updatedBy: who.name };
}

/** Every address of the seats that exist on the meeting's date, each once. */
export async function memberAddresses(deps: Pick<ScheduleDeps, 'seats'>, date: string): Promise<string[]> {
  const valid = new Set(seatsAt(date).map((s) => s.seatId));
  return normaliseEmails((await deps.seats.list()).filter((c) => valid.has(c.seatId)).flatMap((c) => c.emails));
}

// The summary is SST's link (members of the Task Force read it in SST's consolidated form);
// the round's page is where the web app shows its status.
const roundHref = (base: string, roundId: string) => `${base.replace(/\/+$/, '')}/#/runder/${encodeURIComponent(roundId)}`;

export function linkedRounds(meeting: Pick<Meeting, 'roundIds'>, rounds: readonly RoundRecord[], webBaseUrl: string): LinkedRound[] {
  return (meeting.roundIds ?? []).map((roundId) => ({
    roundId,
    title: rounds.find((r) => r.roundId === roundId)?.title ?? roundId,
    href: roundHref(webBaseUrl, roundId),
  }));
}

export interface InvitationOutcome {
  recipients: number;
  messageId?: string;
  error?: string;
}

export type InviteDeps = Pick<ScheduleDeps, 'seats' | 'rounds' | 'mail' | 'clock' | 'webBaseUrl'> & { organizer: Organizer };

/**
 * Sends the meeting to every member. The meeting is already stored: a failed send is reported
 * (and the next change sends the meeting again, with a higher SEQUENCE), never rolled back.
 */
export async function sendInvitation(deps: InviteDeps, meeting: Meeting, method: 'REQUEST' | 'CANCEL'): Promise<InvitationOutcome> {
  const attendees = await memberAddresses(deps, meeting.date);
  if (attendees.length === 0) return { recipients: 0 };
  const rounds = meeting.roundIds?.length ? await deps.rounds.list() : [];
  const mail = invitationMail({ meeting, method, attendees, organizer: deps.organizer, rounds: linkedRounds(meeting, rounds, deps.webBaseUrl), now: deps.clock.now() });
  try {
    const { messageId } = await deps.mail.send(mail);
    return { recipients: attendees.length, messageId };
  } catch (err) {
    return { recipients: attendees.length, error: err instanceof Error ? err.message : String(err) };
  }
}
