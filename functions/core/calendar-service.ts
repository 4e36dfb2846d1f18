// The year wheel and the reminder log as use cases: what a caller may see of rounds, their
// (extended) deadlines and the Task Force meetings, as entries or as one iCalendar document.
import { calendarEntries, calendarIcs, UID_DOMAIN } from '#core/calendar';
import { getVisibleRound } from '#core/rounds-service';
import { maySeeRound } from '#core/policy';
import type { Identity } from '#core/identity';
import type { ScheduleDeps } from '#core/schedule-ports';
import type { CalendarEntry, Extension, Meeting, ReminderLogEntry } from '#schemas/schedule';

export interface CalendarWindow {
  from?: string | undefined;
  to?: string | undefined;
}

// Each reader names the stores it uses, so the calendar function is built from table stores alone.
type WheelDeps = Pick<ScheduleDeps, 'clock' | 'rounds' | 'meetings' | 'extensions' | 'webBaseUrl'>;

export async function yearWheel(deps: WheelDeps, who: Identity, window: CalendarWindow): Promise<CalendarEntry[]> {
  const year = deps.clock.now().getUTCFullYear();
  const [rounds, meetings] = await Promise.all([deps.rounds.list(), deps.meetings.list()]);
  const visible = rounds.filter((r) => maySeeRound(who, r));
  const extensions = new Map<string, Extension[]>(
    await Promise.all(visible.map(async (r) => [r.roundId, await deps.extensions.list(r.roundId)] as [string, Extension[]])),
  );
  return calendarEntries({ who, rounds: visible, meetings, extensions, from: window.from ?? `${year - 1}-01-01`, to: window.to ?? '2030-12-31', webBaseUrl: deps.webBaseUrl });
}

/** The year wheel as RFC 5545; meetings carry their SEQUENCE, an extended deadline replaces the original. */
export async function yearWheelIcs(deps: WheelDeps, who: Identity, window: CalendarWindow): Promise<string> {
  const [items, meetings] = await Promise.all([yearWheel(deps, who, window), deps.meetings.list()]);
  const sequences = new Map<string, number>(meetings.map((m) => [`meeting-${m.meetingId}@${UID_DOMAIN}`, m.sequence]));
  for (const e of items) if (e.extended && e.kind === 'deadline') sequences.set(e.uid, 1);
  return calendarIcs(items, { now: deps.clock.now(), webBaseUrl: deps.webBaseUrl, sequences });
}

export async function reminderLog(deps: Pick<ScheduleDeps, 'rounds' | 'claims'>, who: Identity, roundId: string): Promise<ReminderLogEntry[]> {
  const round = await getVisibleRound(deps, who, roundId);
  return (await deps.claims.listReminders(round.roundId)).map((c) => ({
    orgId: c.orgId,
    step: c.step,
    state: c.state,
    attempts: c.attempts,
    claimedAt: c.claimedAt,
    ...(c.sentAt ? { sentAt: c.sentAt } : {}),
    ...(c.recipients ? { recipients: c.recipients } : {}),
    ...(c.error ? { error: c.error } : {}),
  }));
}

export async function meetingsInOrder(deps: Pick<ScheduleDeps, 'meetings'>): Promise<Meeting[]> {
  return (await deps.meetings.list()).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
