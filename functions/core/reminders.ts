// Reminder policy and schedule: which reminders an organisation gets in a round, and when.
// Pure: every step is a Danish calendar day at a fixed Danish wall-clock hour, computed with
// addDanishDays so a summer-time change never moves a reminder off 08:00 local time.
//
// Step ids name the step AND the Danish date it falls on (`before-3@2026-03-28`). The date
// matters: an organisation granted an extension gets a new schedule whose steps fall on other
// dates, so "3 days before" the extended deadline is a new step, while changing the hour of a
// policy never re-sends a step already sent that day.
//
// Working days: a step computed onto a Saturday, Sunday or Danish public holiday is sent on
// another working day (`#core/working-days`). A step before the deadline moves to the previous
// working day, so "3 days before" 2027-03-31 (Easter Sunday) goes out on Wednesday 2027-03-24
// and still comes before the deadline. The opening notice and the steps after the deadline move
// to the next working day instead: moved earlier, an overdue reminder could arrive before the
// deadline had passed, and an opening notice before the round was open. The deadline itself is
// never moved: it is the date SST set (see the README, "Working days").
import { addDanishDays, danishDate, parseDanishInstant } from '#core/danish-time';
import { toWorkingDay } from '#core/working-days';
import { roundPhase, type RoundRecord } from '#core/rounds';
import { REMINDER_POLICY_DEFAULTS } from '#schemas/reminder-defaults';
import type { ReminderPolicy, ReminderPolicyRequest } from '#schemas/api';

export type { ReminderPolicy };

/** How long "weekly until close" runs when a round has no close-at: eight weeks after the deadline. */
export const DEFAULT_REPEAT_LIMIT = REMINDER_POLICY_DEFAULTS.repeatLimit;

/** The documented defaults (`#schemas/reminder-defaults`, shown in the OpenAPI document). */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  ...REMINDER_POLICY_DEFAULTS,
  daysBefore: [...REMINDER_POLICY_DEFAULTS.daysBefore],
  daysAfter: [...REMINDER_POLICY_DEFAULTS.daysAfter],
};

/** A policy as a request gave it, with every field it left out taken from the defaults. */
export function withPolicyDefaults(request: ReminderPolicyRequest): ReminderPolicy {
  const d = DEFAULT_REMINDER_POLICY;
  return {
    atOpening: request.atOpening ?? d.atOpening,
    daysBefore: request.daysBefore ?? [...d.daysBefore],
    daysAfter: request.daysAfter ?? [...d.daysAfter],
    repeatEveryDays: request.repeatEveryDays === undefined ? d.repeatEveryDays : request.repeatEveryDays,
    repeatLimit: request.repeatLimit ?? d.repeatLimit,
    hour: request.hour ?? d.hour,
  };
}

export type StepKind = 'opening' | 'before' | 'after';

export interface ReminderStep {
  /** Stable id, unique per (round, organisation): `<kind>[-<days>]@<Danish date>`. */
  id: string;
  kind: StepKind;
  /** Days before (kind 'before') or after (kind 'after') the deadline's Danish date. */
  days: number;
  /** The instant the step becomes due, on a working day. */
  at: Date;
  /** The Danish date the step was computed onto when that was not a working day. */
  movedFrom?: string;
}

export interface ScheduleRound {
  opensAt: string;
  deadlineAt: string;
  closeAt?: string | undefined;
  reminderPolicy?: ReminderPolicy | undefined;
}

export function policyOf(round: Pick<ScheduleRound, 'reminderPolicy'>): ReminderPolicy {
  return round.reminderPolicy ?? DEFAULT_REMINDER_POLICY;
}

/** A Danish calendar date at the policy's local hour. */
function atHour(date: string, hour: number): Date {
  return parseDanishInstant(`${date}T${String(hour).padStart(2, '0')}:00`);
}

/**
 * Every reminder of one organisation's schedule, in time order. `deadlineAt` is the
 * organisation's effective deadline (its extension, if any). Steps before the opening are
 * dropped (the opening reminder covers them), steps after close are dropped, and two steps
 * on the same day collapse into the first.
 */
export function reminderSchedule(round: ScheduleRound, deadlineAt: string = round.deadlineAt): ReminderStep[] {
  const policy = policyOf(round);
  const opensAt = new Date(round.opensAt);
  const closeAt = round.closeAt ? new Date(round.closeAt) : undefined;
  const deadline = new Date(deadlineAt);
  // Steps are counted from the Danish date the deadline falls on; a 23:59:59.999 deadline is that day.
  const deadlineDay = atHour(danishDate(deadline), policy.hour);
  const steps: ReminderStep[] = [];
  const add = (kind: StepKind, days: number, computed: Date) => {
    const label = kind === 'opening' ? 'opening' : `${kind}-${days}`;
    const day = danishDate(computed);
    const workday = toWorkingDay(day, kind === 'before' ? 'previous' : 'next');
    const at = workday === day ? computed : atHour(workday, policy.hour);
    steps.push({ id: `${label}@${workday}`, kind, days, at, ...(workday !== day && { movedFrom: day }) });
  };

  if (policy.atOpening) {
    const morning = atHour(danishDate(opensAt), policy.hour);
    // A round opening in the afternoon reminds at once; one opening at midnight waits for the morning.
    add('opening', 0, morning > opensAt ? morning : opensAt);
  }
  for (const days of policy.daysBefore) add('before', days, addDanishDays(deadlineDay, -days));
  for (const days of policy.daysAfter) add('after', days, addDanishDays(deadlineDay, days));
  if (policy.repeatEveryDays) {
    const last = Math.max(0, ...policy.daysAfter);
    // "Weekly until close": without a close-at the repetition stops after repeatLimit reminders.
    const limit = closeAt ? Number.MAX_SAFE_INTEGER : policy.repeatLimit;
    for (let n = 1, days = last + policy.repeatEveryDays; n <= limit; n += 1, days += policy.repeatEveryDays) {
      const at = addDanishDays(deadlineDay, days);
      if (closeAt && at > closeAt) break;
      add('after', days, at);
      if (n > 520) break; // ten years of weekly reminders: a policy this long is a typo
    }
  }

  const kept: ReminderStep[] = [];
  const days = new Set<string>();
  for (const step of steps.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (step.at < opensAt && step.kind !== 'opening') continue;
    if (closeAt && step.at > closeAt) continue;
    if (step.kind === 'before' && step.at > deadline) continue;
    const day = danishDate(step.at);
    if (days.has(day)) continue;
    days.add(day);
    kept.push(step);
  }
  return kept;
}

/**
 * The one step to send now: the latest step that is due. Earlier steps a stopped scheduler
 * missed are superseded by it rather than sent in a burst; a step already handled stays handled.
 */
export function dueStep(schedule: readonly ReminderStep[], now: Date): ReminderStep | undefined {
  let due: ReminderStep | undefined;
  for (const step of schedule) if (step.at <= now) due = step;
  return due;
}

/**
 * The step to send now to an organisation whose deadline is its own (an extension), measured
 * against the round's schedule: its own due step, unless the round's schedule has a later step
 * due by now. Moving a deadline later moves the steps before it later too, so on the day of an
 * extension the latest due step of the new schedule can be one long past (the opening notice of
 * September, in December), a step every organisation on the round's deadline had superseded by a
 * later one. Sent then, it would be a late notice the others never get; it stays superseded, and
 * the organisation's next reminder is the first step of its own schedule that falls due after
 * the round's latest (e.g. "3 dage før" its new deadline).
 */
export function dueStepWithin(own: readonly ReminderStep[], roundSchedule: readonly ReminderStep[], now: Date): ReminderStep | undefined {
  const step = dueStep(own, now);
  const roundStep = dueStep(roundSchedule, now);
  return step && roundStep && roundStep.at > step.at ? undefined : step;
}

/** Whether an organisation still owes a report: it has never submitted (a returned report was on time). */
export function owesReport(head: { submittedAt?: string | undefined } | undefined): boolean {
  return !head?.submittedAt;
}

/** The round is open for reminders: opened, not closed. */
export function remindersActive(round: Pick<RoundRecord, 'opensAt' | 'closeAt'>, now: Date): boolean {
  return roundPhase(round, now) === 'open';
}

/** Whole Danish calendar days from `now` to the deadline's day (negative once past). */
export function daysUntil(deadlineAt: Date, now: Date): number {
  const a = Date.parse(`${danishDate(now)}T00:00:00Z`);
  const b = Date.parse(`${danishDate(deadlineAt)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
