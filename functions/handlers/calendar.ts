// The schedule: reminder policies, extensions, the reminder log, Task Force meetings, and the
// year wheel as JSON and iCalendar.
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { getScheduleDeps } from '#functions/schedule-composition';
import { createMeeting, grantExtension, listExtensions, setReminderPolicy, updateMeeting } from '#core/extensions';
import { calendarEntries, calendarIcs, UID_DOMAIN } from '#core/calendar';
import { getVisibleRound } from '#core/rounds-service';
import { maySeeRound } from '#core/policy';
import type { Identity } from '#core/identity';
import type { ScheduleDeps } from '#core/schedule-ports';
import type { ReminderPolicy } from '#schemas/api';
import type { CalendarEntry, Extension, ExtensionRequest, MeetingRequest, ReminderLogEntry } from '#schemas/schedule';

async function entries(deps: ScheduleDeps, who: Identity, query: Record<string, unknown>): Promise<CalendarEntry[]> {
  const year = new Date().getUTCFullYear();
  const [rounds, meetings] = await Promise.all([deps.rounds.list(), deps.meetings.list()]);
  const visible = rounds.filter((r) => maySeeRound(who, r));
  const extensions = new Map<string, Extension[]>(
    await Promise.all(visible.map(async (r) => [r.roundId, await deps.extensions.list(r.roundId)] as [string, Extension[]])),
  );
  return calendarEntries({
    who,
    rounds: visible,
    meetings,
    extensions,
    from: (query['from'] as string | undefined) ?? `${year - 1}-01-01`,
    to: (query['to'] as string | undefined) ?? '2030-12-31',
  });
}

export const handler = createAreaHandler('calendar', {
  setReminderPolicy: async ({ identity, params, body }) => ({
    body: await setReminderPolicy(getScheduleDeps(), identity!, params['roundId'] as string, body as ReminderPolicy),
  }),
  listReminders: async ({ identity, params }) => {
    const deps = getScheduleDeps();
    const round = await getVisibleRound(deps, identity!, params['roundId'] as string);
    const items: ReminderLogEntry[] = (await deps.claims.listReminders(round.roundId)).map((c) => ({
      orgId: c.orgId,
      step: c.step,
      state: c.state,
      attempts: c.attempts,
      claimedAt: c.claimedAt,
      ...(c.sentAt ? { sentAt: c.sentAt } : {}),
      ...(c.recipients ? { recipients: c.recipients } : {}),
      ...(c.error ? { error: c.error } : {}),
    }));
    return { body: { items } };
  },
  listExtensions: async ({ identity, params }) => ({
    body: { items: await listExtensions(getScheduleDeps(), identity!, params['roundId'] as string) },
  }),
  grantExtension: async ({ identity, params, body }) => ({
    body: await grantExtension(getScheduleDeps(), identity!, params['roundId'] as string, params['orgId'] as string, body as ExtensionRequest),
  }),
  listMeetings: async () => ({
    body: { items: (await getScheduleDeps().meetings.list()).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) },
  }),
  createMeeting: async ({ identity, body }) => {
    const meeting = await createMeeting(getScheduleDeps(), identity!, body as MeetingRequest);
    return { status: 201, body: meeting, headers: { location: `/meetings/${meeting.meetingId}` } };
  },
  updateMeeting: async ({ identity, params, body }) => ({
    body: await updateMeeting(getScheduleDeps(), identity!, params['meetingId'] as string, body as MeetingRequest),
  }),
  getCalendar: async ({ identity, query }) => ({ body: { items: await entries(getScheduleDeps(), identity!, query) } }),
  getCalendarIcs: async ({ identity, query }) => {
    const deps = getScheduleDeps();
    const [items, meetings] = await Promise.all([entries(deps, identity!, query), deps.meetings.list()]);
    const sequences = new Map<string, number>(meetings.map((m) => [`meeting-${m.meetingId}@${UID_DOMAIN}`, m.sequence]));
    for (const e of items) if (e.extended && e.kind === 'deadline') sequences.set(e.uid, 1);
    const ics = calendarIcs(items, { now: deps.clock.now(), webBaseUrl: deps.webBaseUrl, sequences });
    return {
      raw: { body: ics, contentType: 'text/calendar; charset=utf-8' },
      headers: { 'content-disposition': 'attachment; filename="statusportalen.ics"' },
    };
  },
}, { idempotency: idempotent });
