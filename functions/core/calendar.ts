// The Task Force's year wheel: meetings and every round deadline in one calendar, as JSON
// entries and as an RFC 5545 feed. UIDs are stable (`round-<id>-deadline@…`, `meeting-<id>@…`)
// and meetings carry a rising SEQUENCE, so a calendar that imports the feed again replaces
// events instead of duplicating them. A reporter sees only the rounds its organisation
// answers, with its own (possibly extended) deadline.
import ical from 'ical-generator';
import { danishDate, formatDanishDate, formatDanishDateTime, parseDanishInstant, isDate } from '#core/danish-time';
import { findOrganisation } from '#core/registry';
import { isSst, type Identity } from '#core/identity';
import { maySeeRound } from '#core/policy';
import type { RoundRecord } from '#core/rounds';
import type { CalendarEntry, Extension, Meeting } from '#schemas/schedule';

export const UID_DOMAIN = 'statusportalen.sst.dk';

export interface CalendarInput {
  who: Identity;
  rounds: readonly RoundRecord[];
  meetings: readonly Meeting[];
  /** Extensions per round (all of them; filtered here by who may see them). */
  extensions: ReadonlyMap<string, readonly Extension[]>;
  from: string;
  to: string;
  /** Where the web app lives (links to rounds' pages). */
  webBaseUrl: string;
}

// The web app's page for the round (a reporter lands on its own report), never the API route,
// which answers a browser with 401 JSON.
const roundLink = (base: string, roundId: string) => `${base.replace(/\/+$/, '')}/#/runder/${encodeURIComponent(roundId)}`;

function deadlineTimes(deadline: string, deadlineAt: string): Pick<CalendarEntry, 'date' | 'start' | 'end'> {
  const at = new Date(deadlineAt);
  // A deadline agreed as a date is a whole day in the calendar; one with a time is a point in it.
  if (isDate(deadline)) return { date: deadline };
  return { date: danishDate(at), start: new Date(at.getTime() - 30 * 60_000).toISOString(), end: at.toISOString() };
}

export function calendarEntries({ who, rounds, meetings, extensions, from, to, webBaseUrl }: CalendarInput): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  const sst = isSst(who);
  for (const round of rounds) {
    if (!maySeeRound(who, round)) continue;
    const own = sst ? undefined : extensions.get(round.roundId)?.find((e) => e.orgId === who.orgId);
    entries.push({
      uid: `round-${round.roundId}-deadline@${UID_DOMAIN}`,
      kind: 'deadline',
      title: own ? `Frist (forlænget): ${round.title}` : `Frist: ${round.title}`,
      ...deadlineTimes(own?.deadline ?? round.deadline, own?.deadlineAt ?? round.deadlineAt),
      roundId: round.roundId,
      formId: round.formId,
      ...(own ? { extended: true, reason: own.reason } : {}),
    });
    // The opening day, as the round's page and its first reminder announce it.
    entries.push({
      uid: `round-${round.roundId}-opening@${UID_DOMAIN}`,
      kind: 'opening',
      title: `Åbner: ${round.title}`,
      date: danishDate(new Date(round.opensAt)),
      roundId: round.roundId,
      formId: round.formId,
    });
    if (sst) {
      for (const e of extensions.get(round.roundId) ?? []) {
        entries.push({
          uid: `round-${round.roundId}-extension-${e.orgId}@${UID_DOMAIN}`,
          kind: 'deadline',
          title: `Forlænget frist: ${findOrganisation(e.orgId)?.officialName ?? e.orgId} – ${round.title}`,
          ...deadlineTimes(e.deadline, e.deadlineAt),
          roundId: round.roundId,
          formId: round.formId,
          extended: true,
          reason: e.reason,
        });
      }
    }
  }
  const visible = new Map(rounds.filter((r) => maySeeRound(who, r)).map((r) => [r.roundId, r]));
  for (const m of meetings) {
    if (m.cancelled) continue;
    const timed = m.startTime !== undefined;
    // The year wheel's fixed agenda: which rounds' consolidated status the meeting discusses.
    // A reporter sees only the rounds its organisation answers; SST also gets the summary.
    const links = (m.roundIds ?? []).flatMap((id) => {
      const r = visible.get(id);
      if (!r) return [];
      return [{ roundId: id, title: r.title, href: roundLink(webBaseUrl, id), ...(sst ? { summary: `/rounds/${encodeURIComponent(id)}/summary?format=html` } : {}) }];
    });
    entries.push({
      uid: `meeting-${m.meetingId}@${UID_DOMAIN}`,
      kind: 'meeting',
      title: m.title,
      date: m.date,
      ...(timed
        ? {
            start: parseDanishInstant(`${m.date}T${m.startTime}`).toISOString(),
            end: parseDanishInstant(`${m.date}T${m.endTime ?? addHour(m.startTime!)}`).toISOString(),
          }
        : {}),
      meetingId: m.meetingId,
      agenda: m.agenda,
      ...(m.location ? { location: m.location } : {}),
      ...(links.length ? { links } : {}),
    });
  }
  return entries
    .filter((e) => e.date >= from && e.date <= to)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.start ?? '') < (b.start ?? '') ? -1 : 1));
}

const addHour = (hhmm: string) => `${String(Math.min(23, Number(hhmm.slice(0, 2)) + 1)).padStart(2, '0')}:${hhmm.slice(3)}`;

const utcDay = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays));
};

/** The entries as an iCalendar document (all-day events as DATE values, timed ones in UTC). */
export function calendarIcs(entries: readonly CalendarEntry[], options: { now: Date; webBaseUrl: string; sequences?: ReadonlyMap<string, number>; name?: string }): string {
  const cal = ical({
    name: options.name ?? 'Statusportalen – årshjul',
    prodId: { company: 'Sundhedsstyrelsen', product: 'Statusportalen', language: 'DA' },
  });
  for (const e of entries) {
    const lines: string[] = [];
    if (e.kind === 'deadline' && e.roundId) {
      lines.push(`Frist ${e.start ? formatDanishDateTime(new Date(e.end!)) : formatDanishDate(parseDanishInstant(e.date))}.`);
      if (e.reason) lines.push(`Forlænget frist. Begrundelse: ${e.reason}`);
      lines.push('', `Indberetningen: ${roundLink(options.webBaseUrl, e.roundId)}`);
    }
    if (e.kind === 'opening' && e.roundId) lines.push(`Indberetningen åbner: ${roundLink(options.webBaseUrl, e.roundId)}`);
    if (e.agenda?.length) lines.push('Dagsorden:', ...e.agenda.map((a, i) => `${i + 1}. ${a}`));
    if (e.links?.length) lines.push(...(lines.length ? [''] : []), 'Status, der drøftes på mødet:', ...e.links.map((l) => `- ${l.title}: ${l.href}`));
    cal.createEvent({
      id: e.uid,
      summary: e.title,
      ...(e.start ? { start: new Date(e.start), end: new Date(e.end ?? e.start) } : { start: utcDay(e.date), end: utcDay(e.date, 1), allDay: true }),
      stamp: options.now,
      sequence: options.sequences?.get(e.uid) ?? 0,
      ...(lines.length ? { description: lines.join('\n') } : {}),
      ...(e.location ? { location: e.location } : {}),
      ...(e.roundId ? { url: roundLink(options.webBaseUrl, e.roundId) } : {}),
    });
  }
  return cal.toString();
}
