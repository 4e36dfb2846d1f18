// SST's changes to a round's schedule: a later deadline for one organisation (with a reason),
// a round's reminder policy, and the Task Force meetings of the year wheel.
import { Problem } from '#core/problems';
import { formatDanishDate, parseDanishInstant } from '#core/danish-time';
import { assertMayReview } from '#core/policy';
import { actorOf, isSst, type Identity } from '#core/identity';
import { getVisibleRound } from '#core/rounds-service';
import { reportingOrgs, withPhase } from '#core/rounds';
import { reminderSchedule, withPolicyDefaults } from '#core/reminders';
import { WriteConflict } from '#core/ports';
import type { ScheduleDeps } from '#core/schedule-ports';
import { extensionGrantedMail, extensionRevokedMail } from '#core/mail-texts';
import { orgName, submissionLink } from '#core/deadline-service';
import type { ReminderPolicyRequest, Round } from '#schemas/api';
import type { Extension, ExtensionRequest, Meeting, MeetingRequest, RevokeExtensionRequest } from '#schemas/schedule';

type Deps = Pick<ScheduleDeps, 'rounds' | 'extensions' | 'meetings' | 'policies' | 'clock' | 'newId'>;

const invalid = (pointer: string, message: string) => new Problem('invalid-body', message, { errors: [{ pointer, message }] });

export async function grantExtension(deps: Deps, who: Identity, roundId: string, orgId: string, request: ExtensionRequest): Promise<Extension> {
  return (await grant(deps, who, roundId, orgId, request)).extension;
}

/**
 * grantExtension, then the organisation's contacts are told (sendExtensionNotice) unless the
 * same extension was already in place (a retry without an idempotency key is no news).
 */
export async function grantExtensionAndNotify(
  deps: Deps,
  notice: ExtensionNoticeDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  request: ExtensionRequest,
): Promise<{ extension: Extension; notice?: { to: string[]; error?: string } }> {
  const { extension, before } = await grant(deps, who, roundId, orgId, request);
  if (before?.deadlineAt === extension.deadlineAt && before.reason === extension.reason) return { extension };
  return { extension, notice: await sendExtensionNotice(notice, roundId, orgId, { kind: 'granted', extension, before }) };
}

/** revokeExtension, then the organisation's contacts are told the round's deadline applies again. */
export async function revokeExtensionAndNotify(
  deps: Deps,
  notice: ExtensionNoticeDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  request: RevokeExtensionRequest,
): Promise<{ revoked: Extension; notice: { to: string[]; error?: string } }> {
  const revoked = await revokeExtension(deps, who, roundId, orgId, request);
  return { revoked, notice: await sendExtensionNotice(notice, roundId, orgId, { kind: 'revoked', revoked, reason: request.reason }) };
}

async function grant(deps: Deps, who: Identity, roundId: string, orgId: string, request: ExtensionRequest): Promise<{ extension: Extension; before: Extension | undefined }> {
  assertMayReview(who);
  const round = await getVisibleRound(deps, who, roundId);
  // Either level of a coordinated round may be given more time: a contribution, or the coordinator's report.
  if (!reportingOrgs(round).includes(orgId)) {
    throw new Problem('not-found', `Organisationen "${orgId}" skal ikke indberette i runden "${roundId}".`);
  }
  const deadlineAt = parseDanishInstant(request.deadline, 'end');
  if (deadlineAt <= new Date(round.deadlineAt)) {
    throw invalid('/deadline', `Den forlængede frist skal ligge efter rundens frist (${formatDanishDate(new Date(round.deadlineAt))}).`);
  }
  if (round.closeAt && deadlineAt > new Date(round.closeAt)) {
    throw invalid('/deadline', `Den forlængede frist må ikke ligge efter rundens lukning (${formatDanishDate(new Date(round.closeAt))}).`);
  }
  const before = await deps.extensions.get(roundId, orgId);
  const now = deps.clock.now().toISOString();
  const extension: Extension = {
    roundId,
    orgId,
    deadline: request.deadline,
    deadlineAt: deadlineAt.toISOString(),
    reason: request.reason,
    grantedAt: now,
    grantedBy: who.name,
  };
  await deps.extensions.put(extension, {
    at: now,
    id: deps.newId(),
    ...actorOf(who),
    action: 'round.extension',
    subject: `round/${roundId}/submission/${orgId}`,
    roundId,
    orgId,
    detail: { deadline: request.deadline, deadlineAt: extension.deadlineAt, reason: request.reason, previous: before?.deadlineAt ?? round.deadlineAt },
  });
  return { extension, before: before ?? undefined };
}

/**
 * Takes an organisation's extension away, with a reason: its deadline is the round's again
 * (reminders, overdue status and late flags follow). A report already submitted keeps the
 * judgement stored at its submission.
 */
export async function revokeExtension(deps: Deps, who: Identity, roundId: string, orgId: string, request: RevokeExtensionRequest): Promise<Extension> {
  assertMayReview(who);
  const round = await getVisibleRound(deps, who, roundId);
  const before = await deps.extensions.get(roundId, orgId);
  const none = () => new Problem('not-found', `Organisationen "${orgId}" har ingen forlænget frist i runden "${round.title}".`);
  if (!before) throw none();
  const now = deps.clock.now().toISOString();
  try {
    await deps.extensions.remove(roundId, orgId, {
      at: now,
      id: deps.newId(),
      ...actorOf(who),
      action: 'round.extension-revoke',
      subject: `round/${roundId}/submission/${orgId}`,
      roundId,
      orgId,
      detail: { reason: request.reason, revoked: before.deadlineAt, deadlineAt: round.deadlineAt },
    });
  } catch (err) {
    if (err instanceof WriteConflict) throw none();
    throw err;
  }
  return before;
}

/** SST sees every extension of a round; a reporter only its own organisation's. */
export async function listExtensions(deps: Deps, who: Identity, roundId: string): Promise<Extension[]> {
  await getVisibleRound(deps, who, roundId);
  const all = await deps.extensions.list(roundId);
  return isSst(who) ? all : all.filter((e) => e.orgId === who.orgId);
}

/** Sets a round's policy; fields the request leaves out take their documented defaults (not the round's current values). */
export async function setReminderPolicy(deps: Deps, who: Identity, roundId: string, request: ReminderPolicyRequest): Promise<Round> {
  assertMayReview(who);
  const policy = withPolicyDefaults(request);
  const round = await getVisibleRound(deps, who, roundId);
  const now = deps.clock.now();
  reminderSchedule({ ...round, reminderPolicy: policy });
  try {
    await deps.policies.setReminderPolicy(roundId, policy, {
      at: now.toISOString(),
      id: deps.newId(),
      ...actorOf(who),
      action: 'round.reminder-policy',
      subject: `round/${roundId}`,
      roundId,
      detail: { from: round.reminderPolicy ?? 'default', to: policy },
    });
  } catch (err) {
    if (err instanceof WriteConflict) throw new Problem('not-found', `Indberetningsrunden "${roundId}" findes ikke.`);
    throw err;
  }
  return withPhase({ ...round, reminderPolicy: policy }, now);
}

function meetingOf(id: string, request: MeetingRequest, sequence: number, who: Identity, at: string): Meeting {
  return {
    meetingId: id,
    date: request.date,
    ...(request.startTime ? { startTime: request.startTime } : {}),
    ...(request.endTime ? { endTime: request.endTime } : {}),
    title: request.title,
    ...(request.location ? { location: request.location } : {}),
    agenda: request.agenda ?? [],
    ...(request.roundIds?.length ? { roundIds: [...new Set(request.roundIds)] } : {}),
    sequence,
    updatedAt: at,
    updatedBy: who.name,
  };
}

// A meeting's fixed agenda names rounds by id; an id that names no round is a typo to catch here.
async function assertRoundsExist(deps: Deps, request: MeetingRequest): Promise<void> {
  if (!request.roundIds?.length) return;
  const known = new Set((await deps.rounds.list()).map((r) => r.roundId));
  const i = request.roundIds.findIndex((id) => !known.has(id));
  if (i >= 0) throw invalid(`/roundIds/${i}`, `Indberetningsrunden "${request.roundIds[i]}" findes ikke.`);
}

export async function createMeeting(deps: Deps, who: Identity, request: MeetingRequest): Promise<Meeting> {
  assertMayReview(who);
  await assertRoundsExist(deps, request);
  const id = request.meetingId ?? `taskforce-${request.date}`;
  const at = deps.clock.now().toISOString();
  const meeting = meetingOf(id, request, 0, who, at);
  try {
    await deps.meetings.put(meeting, undefined, meetingEvent(deps, who, at, 'meeting.create', meeting));
  } catch (err) {
    if (err instanceof WriteConflict) throw new Problem('already-exists', `Mødet "${id}" findes allerede; ret det med PUT /meetings/${id}.`);
    throw err;
  }
  return meeting;
}

export async function updateMeeting(deps: Deps, who: Identity, meetingId: string, request: MeetingRequest): Promise<Meeting> {
  assertMayReview(who);
  if (request.meetingId && request.meetingId !== meetingId) throw invalid('/meetingId', 'Mødets id kan ikke ændres.');
  const before = await deps.meetings.get(meetingId);
  if (!before) throw new Problem('not-found', `Mødet "${meetingId}" findes ikke.`);
  await assertRoundsExist(deps, request);
  const at = deps.clock.now().toISOString();
  // A change to a cancelled meeting reinstates it: the members get it again as a REQUEST.
  const meeting = meetingOf(meetingId, request, before.sequence + 1, who, at);
  try {
    await deps.meetings.put(meeting, before.sequence, meetingEvent(deps, who, at, 'meeting.update', meeting));
  } catch (err) {
    if (err instanceof WriteConflict) throw new Problem('edit-conflict', 'Mødet er ændret af en anden imens. Hent det igen.');
    throw err;
  }
  return meeting;
}

/**
 * Cancels a meeting: it stays stored (its UID is never reused) with `cancelled` and a higher
 * SEQUENCE, leaves the year wheel, and the members get METHOD:CANCEL.
 */
export async function cancelMeeting(deps: Deps, who: Identity, meetingId: string): Promise<Meeting> {
  assertMayReview(who);
  const before = await deps.meetings.get(meetingId);
  if (!before) throw new Problem('not-found', `Mødet "${meetingId}" findes ikke.`);
  if (before.cancelled) return before;
  const at = deps.clock.now().toISOString();
  const meeting: Meeting = { ...before, cancelled: true, sequence: before.sequence + 1, updatedAt: at, updatedBy: who.name };
  try {
    await deps.meetings.put(meeting, before.sequence, meetingEvent(deps, who, at, 'meeting.cancel', meeting));
  } catch (err) {
    if (err instanceof WriteConflict) throw new Problem('edit-conflict', 'Mødet er ændret af en anden imens. Hent det igen.');
    throw err;
  }
  return meeting;
}

function meetingEvent(deps: Deps, who: Identity, at: string, action: string, meeting: Meeting) {
  return {
    at,
    id: deps.newId(),
    ...actorOf(who),
    action,
    subject: `meeting/${meeting.meetingId}`,
    detail: { date: meeting.date, title: meeting.title, sequence: meeting.sequence },
  };
}

export type ExtensionNoticeDeps = Pick<ScheduleDeps, 'rounds' | 'contacts' | 'mail' | 'clock' | 'newId' | 'webBaseUrl'>;

export type ExtensionChange =
  | { kind: 'granted'; extension: Extension; /** The extension it replaced, if any. */ before?: Extension | undefined }
  | { kind: 'revoked'; revoked: Extension; reason: string };

/**
 * Tells the organisation's contacts by e-mail what an extension change means for them: the new
 * deadline, or that the round's deadline applies again. Called after the change is stored; a
 * mail that cannot be handed over is reported back (and logged by the caller), the change stands.
 */
export async function sendExtensionNotice(deps: ExtensionNoticeDeps, roundId: string, orgId: string, change: ExtensionChange): Promise<{ to: string[]; error?: string }> {
  const round = await deps.rounds.get(roundId);
  const to = (await deps.contacts.get(orgId))?.emails ?? [];
  if (!round || to.length === 0) return { to: [] };
  const common = { roundTitle: round.title, orgName: orgName(orgId), link: submissionLink(deps.webBaseUrl, roundId, orgId) };
  const now = deps.clock.now();
  const { subject, text } =
    change.kind === 'granted'
      ? extensionGrantedMail({
          ...common,
          reason: change.extension.reason,
          deadlineAt: new Date(change.extension.deadlineAt),
          previousDeadlineAt: new Date(change.before?.deadlineAt ?? round.deadlineAt),
          changed: change.before !== undefined,
        })
      : extensionRevokedMail({ ...common, reason: change.reason, deadlineAt: new Date(round.deadlineAt), revokedDeadlineAt: new Date(change.revoked.deadlineAt), now });
  try {
    await deps.mail.send({ to, subject, text, key: `extension/${roundId}/${orgId}/${deps.newId()}`, date: now });
    return { to };
  } catch (err) {
    return { to, error: err instanceof Error ? err.message : String(err) };
  }
}
