// The deadline check: one idempotent pass over the open rounds. Safe to run as often as the
// scheduler likes and twice at once: every e-mail is preceded by a claim (a conditional write)
// that exactly one run can take, so each (round, organisation, step) is sent at most once when
// runs succeed; a crash between claim and outcome is retried after the claim's lease.
// One failing recipient never stops the others: each send is caught and recorded.
import { mapBounded } from '#core/bounded';
import { danishDate, parseDanishInstant, startOfDanishDay, addDanishDays } from '#core/danish-time';
import { findOrganisation, SST_ORG_ID } from '#core/registry';
import { DEFAULT_REMINDER_POLICY, dueStep, dueStepWithin, owesReport, reminderSchedule, remindersActive, type ReminderStep } from '#core/reminders';
import { overdueDigestMail, reminderMail, submissionNoticeMail, type OverdueLine, type SubmittedLine } from '#core/mail-texts';
import { isContribution, reportingOrgs, type RoundRecord } from '#core/rounds';
import type { MailMessage, NoticeClaim, NoticeRef, ScheduleDeps } from '#core/schedule-ports';
import type { SubmissionStore } from '#core/ports';
import type { NotificationSettings } from '#schemas/schedule';

/** The step id of a reminder sent by hand starts with this (`manual@<Danish date>`). */
export const MANUAL_STEP_PREFIX = 'manual@';

/** Longer than any send takes; a claim older than this with no outcome is presumed crashed. */
export const CLAIM_LEASE_MS = 15 * 60_000;
/** A notice that failed this many times is left for a person to look at (state `failed`). */
export const MAX_ATTEMPTS = 5;
/** Sends in flight at once: SES's default rate is 14/s, a handful keeps far below it. */
const PARALLEL_SENDS = 4;
/**
 * Rounds whose heads and extensions are read at once while the check gathers what it decides on.
 * Read one after another (with a GetItem of contacts per owing organisation) they were most of a
 * run; a bound keeps a large run from spending the table's read capacity in one burst.
 */
const PARALLEL_READS = 8;
/** The audit index is eventually consistent: leave the newest minute to the next run. */
const FEED_SETTLE_MS = 60_000;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { submissionNotices: 'daily', overdueDigest: true };

export interface DeadlineCheckOptions {
  runId?: string;
  /** Limit the pass to these rounds (tests; a replay of one round). */
  onlyRounds?: readonly string[];
  leaseMs?: number;
  /** Skip the notices to SST (tests of reminders alone). */
  remindersOnly?: boolean;
}

export interface NoticeOutcome {
  ref: NoticeRef;
  state: 'sent' | 'failed';
  to: string[];
  subject: string;
  error?: string;
}

export interface DeadlineCheckReport {
  now: string;
  runId: string;
  roundsChecked: number;
  sent: number;
  failed: number;
  /** Organisations that owe a reminder but have no contact address. */
  noContacts: { roundId: string; orgId: string }[];
  outcomes: NoticeOutcome[];
}

interface Job {
  ref: NoticeRef;
  to: string[];
  build(): { subject: string; text: string };
  detail?: Record<string, unknown>;
  /** Runs after a successful send (e.g. moving a cursor). */
  after?: () => Promise<void>;
}

/** The name the e-mails use: the official one ("Aarhus Kommune"), which takes the genitive well. */
export const orgName = (orgId: string): string => findOrganisation(orgId)?.officialName ?? orgId;

export const submissionLink = (base: string, roundId: string, orgId: string): string =>
  `${base.replace(/\/+$/, '')}/#/runder/${encodeURIComponent(roundId)}/${encodeURIComponent(orgId)}`;

const messageKey = (ref: NoticeRef): string =>
  ref.kind === 'reminder' ? `reminder/${ref.roundId}/${ref.orgId}/${ref.step}` : `notice/${ref.topic}/${ref.id}`;

/** The check reads submission heads, never their documents: the job bundles no S3 client. */
export type DeadlineDeps = Omit<ScheduleDeps, 'forms' | 'submissions'> & { submissions: Pick<SubmissionStore, 'listHeads'> };

export async function runDeadlineCheck(deps: DeadlineDeps, now: Date, options: DeadlineCheckOptions = {}): Promise<DeadlineCheckReport> {
  const runId = options.runId ?? deps.newId();
  const report: DeadlineCheckReport = { now: now.toISOString(), runId, roundsChecked: 0, sent: 0, failed: 0, noContacts: [], outcomes: [] };
  const rounds = (await deps.rounds.list()).filter(
    (r) => remindersActive(r, now) && (!options.onlyRounds || options.onlyRounds.includes(r.roundId)),
  );
  const jobs: Job[] = [];
  const overdue: OverdueLine[] = [];

  // The reads first, side by side (bounded); the decisions after, in round order as before.
  const stateOf = await mapBounded(rounds, PARALLEL_READS, async (round) => {
    const [heads, extensions] = await Promise.all([deps.submissions.listHeads(round.roundId), deps.extensions.list(round.roundId)]);
    const headOf = new Map(heads.map((h) => [h.orgId, h]));
    // Every report owed: the respondents', and in a coordinated round the coordinator's own.
    const owing = reportingOrgs(round).filter((orgId) => owesReport(headOf.get(orgId)));
    // Reminders SST sent by hand: one of them on or after a step's day makes the step superfluous.
    const manual = owing.length > 0 ? await deps.claims.listReminders(round.roundId) : [];
    return { owing, extensionOf: new Map(extensions.map((e) => [e.orgId, e])), lastManual: lastManualReminders(manual) };
  });
  // Every owing organisation's list in one batched read (a GetItem each was most of a run).
  const lists = await deps.contacts.getMany([...new Set(stateOf.flatMap((s) => s.owing))]);
  const emailsOf = (orgId: string) => lists.get(orgId)?.emails ?? [];

  for (const [i, round] of rounds.entries()) {
    report.roundsChecked += 1;
    const { owing, extensionOf, lastManual } = stateOf[i]!;
    // A reminder schedule is a pure function of the round and a deadline, and most reports of a
    // round share its deadline: computed once per deadline, not once per organisation.
    const scheduleOf = new Map<string, ReturnType<typeof reminderSchedule>>();
    const scheduleFor = (deadlineAt: string) => {
      let schedule = scheduleOf.get(deadlineAt);
      if (!schedule) scheduleOf.set(deadlineAt, (schedule = reminderSchedule(round, deadlineAt)));
      return schedule;
    };
    const late: OverdueLine['orgs'] = [];
    for (const orgId of owing) {
      const extension = extensionOf.get(orgId);
      const deadlineAt = extension?.deadlineAt ?? round.deadlineAt;
      const to = emailsOf(orgId);
      if (now > new Date(deadlineAt)) late.push({ orgName: orgName(orgId), deadlineAt: new Date(deadlineAt), extended: !!extension, noContacts: to.length === 0 });
      const step = extension ? dueStepWithin(scheduleFor(deadlineAt), scheduleFor(round.deadlineAt), now) : dueStep(scheduleFor(deadlineAt), now);
      if (!step) continue;
      // SST reminded this organisation by hand on the step's day or later (the scheduler was
      // down, or SST was quicker at 07:00 than the 08:00 run): it has heard, and a second mail
      // the same day would be noise. The step stays superseded until the next one falls due.
      if (remindedByHandSince(lastManual.get(orgId), step)) continue;
      if (to.length === 0) {
        report.noContacts.push({ roundId: round.roundId, orgId });
        continue;
      }
      jobs.push({
        ref: { kind: 'reminder', roundId: round.roundId, orgId, step: step.id },
        to,
        detail: { roundId: round.roundId, orgId, step: step.id, dueAt: step.at.toISOString() },
        build: () =>
          reminderMail({
            roundTitle: round.title,
            orgName: orgName(orgId),
            deadlineAt: new Date(deadlineAt),
            extended: extension ? { reason: extension.reason } : undefined,
            link: submissionLink(deps.webBaseUrl, round.roundId, orgId),
            step,
            now,
            closeAt: round.closeAt ? new Date(round.closeAt) : undefined,
            coordinatorName: isContribution(round, orgId) && round.coordinator ? orgName(round.coordinator) : undefined,
          }),
      });
    }
    if (late.length > 0) overdue.push({ roundTitle: round.title, deadlineAt: new Date(round.deadlineAt), orgs: late });
  }

  let finish: (() => Promise<void>) | undefined;
  if (!options.remindersOnly) {
    const settings = (await deps.contacts.getSettings()) ?? DEFAULT_NOTIFICATION_SETTINGS;
    const sst = (await deps.contacts.get(SST_ORG_ID))?.emails ?? [];
    jobs.push(...overdueDigest(settings, sst, overdue, now));
    const notices = await submissionNotices(deps, settings, sst, now, rounds);
    jobs.push(...notices.jobs);
    finish = notices.finish;
  }

  await mapBounded(jobs, PARALLEL_SENDS, (job) => attempt(deps, job, now, runId, options.leaseMs ?? CLAIM_LEASE_MS, report));
  if (finish) await finish();
  return report;
}

/** Per organisation, when its latest reminder by hand went out (or is going out); failed ones reached nobody. */
function lastManualReminders(claims: readonly (NoticeClaim & { orgId: string; step: string })[]): Map<string, Date> {
  const last = new Map<string, Date>();
  for (const c of claims) {
    if (!c.step.startsWith(MANUAL_STEP_PREFIX) || c.state === 'failed') continue;
    const at = new Date(c.sentAt ?? c.claimedAt);
    const before = last.get(c.orgId);
    if (!before || at > before) last.set(c.orgId, at);
  }
  return last;
}

/** A reminder by hand from the start of the step's Danish day on covers the step. */
export const remindedByHandSince = (manualAt: Date | undefined, step: Pick<ReminderStep, 'at'>): boolean =>
  !!manualAt && manualAt >= startOfDanishDay(danishDate(step.at));

/** Once a Danish day, from the policy hour on, when someone is past their deadline. */
function overdueDigest(settings: NotificationSettings, sst: string[], overdue: OverdueLine[], now: Date): Job[] {
  if (!settings.overdueDigest || sst.length === 0 || overdue.length === 0) return [];
  const today = danishDate(now);
  if (now < morningOf(today)) return [];
  return [{ ref: { kind: 'notice', topic: 'overdue', id: today }, to: sst, build: () => overdueDigestMail(overdue, now) }];
}

const CURSOR = 'submission-notices';

/**
 * New submissions, read from the audit log (no change to the submit path): immediately (one
 * mail per submission, as soon as a run sees it) or as one digest each morning. A cursor says
 * how far SST has been told; claims make each mail at most once even when runs overlap.
 */
async function submissionNotices(
  deps: DeadlineDeps,
  settings: NotificationSettings,
  sst: string[],
  now: Date,
  rounds: RoundRecord[],
): Promise<{ jobs: Job[]; finish?: () => Promise<void> }> {
  const cursorText = await deps.claims.getMark(CURSOR);
  const upTo = new Date(now.getTime() - FEED_SETTLE_MS);
  if (settings.submissionNotices === 'off' || sst.length === 0) {
    // Nobody to tell: move on, so switching notices on later does not replay the past.
    if (!cursorText || new Date(cursorText) < upTo) await deps.claims.setMark(CURSOR, upTo.toISOString());
    return { jobs: [] };
  }
  const titles = new Map(rounds.map((r) => [r.roundId, r.title]));
  const titleOf = async (roundId: string) => titles.get(roundId) ?? (await deps.rounds.get(roundId))?.title ?? roundId;
  const line = async (e: { roundId: string; orgId: string; at: string; late: boolean }): Promise<SubmittedLine> => ({
    roundTitle: await titleOf(e.roundId),
    orgName: orgName(e.orgId),
    at: new Date(e.at),
    late: e.late,
    link: submissionLink(deps.webBaseUrl, e.roundId, e.orgId),
  });

  if (settings.submissionNotices === 'daily') {
    const today = danishDate(now);
    const dayStart = startOfDanishDay(today);
    if (now < morningOf(today)) return { jobs: [] };
    const from = cursorText ? new Date(cursorText) : addDanishDays(dayStart, -1);
    if (from >= dayStart) return { jobs: [] };
    const events = await deps.submitFeed.submitEvents(from, dayStart);
    const advance = () => deps.claims.setMark(CURSOR, dayStart.toISOString());
    if (events.length === 0) {
      await advance();
      return { jobs: [] };
    }
    const lines = await Promise.all(events.map(line));
    return {
      jobs: [
      {
        ref: { kind: 'notice', topic: 'submitted-daily', id: today },
        to: sst,
        detail: { count: events.length },
        build: () => submissionNoticeMail(lines, addDanishDays(dayStart, -1)),
        after: advance,
      },
      ],
    };
  }

  const from = cursorText ? new Date(cursorText) : addDanishDays(now, -1);
  if (from >= upTo) return { jobs: [] };
  const events = await deps.submitFeed.submitEvents(from, upTo);
  const jobs: Job[] = [];
  for (const e of events) {
    const l = await line(e);
    jobs.push({ ref: { kind: 'notice', topic: 'submitted', id: e.id }, to: sst, build: () => submissionNoticeMail([l]) });
  }
  // The cursor moves up to the first submission not yet told (sent, or given up on after
  // MAX_ATTEMPTS), so a failed notice is retried by the next run and nothing is skipped.
  const finish = async () => {
    let cursor = upTo.toISOString();
    for (const e of events) {
      const claim = await deps.claims.get({ kind: 'notice', topic: 'submitted', id: e.id });
      if (claim && (claim.state === 'sent' || claim.attempts >= MAX_ATTEMPTS)) continue;
      cursor = e.at;
      break;
    }
    if (!cursorText || cursor > cursorText) await deps.claims.setMark(CURSOR, cursor);
  };
  return { jobs, finish };
}

const morningOf = (date: string) => parseDanishInstant(`${date}T${String(DEFAULT_REMINDER_POLICY.hour).padStart(2, '0')}:00`);

async function attempt(deps: DeadlineDeps, job: Job, now: Date, runId: string, leaseMs: number, report: DeadlineCheckReport): Promise<void> {
  let claim: NoticeClaim | undefined;
  try {
    claim = await deps.claims.claim({ ref: job.ref, now, leaseMs, maxAttempts: MAX_ATTEMPTS, runId, ...(job.detail ? { detail: job.detail } : {}) });
  } catch (err) {
    report.failed += 1;
    report.outcomes.push({ ref: job.ref, state: 'failed', to: job.to, subject: '', error: `claim: ${message(err)}` });
    return;
  }
  // Someone else sent it, is sending it, or it is done: not ours.
  if (!claim) return;
  const { subject, text } = job.build();
  const mail: MailMessage = { to: job.to, subject, text, key: messageKey(job.ref), date: now };
  let messageId: string;
  try {
    ({ messageId } = await deps.mail.send(mail));
  } catch (err) {
    report.failed += 1;
    report.outcomes.push({ ref: job.ref, state: 'failed', to: job.to, subject, error: message(err) });
    await deps.claims.markFailed(claim, now, message(err)).catch(() => undefined);
    return;
  }
  report.sent += 1;
  report.outcomes.push({ ref: job.ref, state: 'sent', to: job.to, subject });
  // The mail is out: recording it may still fail (then a later run may resend after the lease,
  // the one duplicate the design admits), but it never turns this send into a failure.
  await deps.claims.markSent(claim, now, messageId, job.to).catch(() => undefined);
  if (job.after) await job.after().catch(() => undefined);
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
