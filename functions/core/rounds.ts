// Reporting rounds: who must answer which form by when, and what phase a round is in.
// Times are instants (ISO, UTC); the agreed deadline text is kept beside them for people.
import { Problem } from '#core/problems';
import { danishDate, formatDanishDateTime, parseDanishInstant } from '#core/danish-time';
import { respondentsAt } from '#core/registry';
import type { CreateRoundRequest, RespondentKind, Round, RoundPhase } from '#schemas/api';

export type RoundRecord = Omit<Round, 'phase'>;

export interface RoundInput {
  request: CreateRoundRequest;
  formTitle: string;
  formVersion: number;
  respondentKind: RespondentKind;
  now: Date;
  createdBy: string;
}

export function buildRound({ request, formTitle, formVersion, respondentKind, now, createdBy }: RoundInput): RoundRecord {
  const opensAt = parseDanishInstant(request.opensAt, 'start');
  const deadlineAt = parseDanishInstant(request.deadline, 'end');
  const closeAt = request.closeAt ? parseDanishInstant(request.closeAt, 'end') : undefined;
  if (deadlineAt <= opensAt) {
    throw new Problem('invalid-body', 'Fristen skal ligge efter åbningstidspunktet.', {
      errors: [{ pointer: '/deadline', message: 'Fristen skal ligge efter åbningstidspunktet.' }],
    });
  }
  if (closeAt && closeAt < deadlineAt) {
    throw new Problem('invalid-body', 'Lukketidspunktet må ikke ligge før fristen.', {
      errors: [{ pointer: '/closeAt', message: 'Lukketidspunktet må ikke ligge før fristen.' }],
    });
  }
  const at = request.respondentsAt ?? danishDate(deadlineAt);
  const respondents = respondentsAt(at, respondentKind);
  return {
    roundId: request.roundId ?? `${request.formId}-${request.period}`,
    formId: request.formId,
    formVersion,
    title: request.title ?? `${formTitle} ${request.period}`,
    period: request.period,
    respondentKind,
    respondentsAt: at,
    opensAt: opensAt.toISOString(),
    deadline: request.deadline,
    deadlineAt: deadlineAt.toISOString(),
    ...(closeAt ? { closeAt: closeAt.toISOString() } : {}),
    ...(request.reminderPolicy ? { reminderPolicy: request.reminderPolicy } : {}),
    respondents,
    createdAt: now.toISOString(),
    createdBy,
  };
}

export function roundPhase(round: Pick<RoundRecord, 'opensAt' | 'closeAt'>, now: Date): RoundPhase {
  if (now.getTime() < Date.parse(round.opensAt)) return 'scheduled';
  if (round.closeAt && now.getTime() > Date.parse(round.closeAt)) return 'closed';
  return 'open';
}

export function withPhase(round: RoundRecord, now: Date): Round {
  return { ...round, phase: roundPhase(round, now) };
}

/** Late means after the last on-time instant; late answers are accepted until the round closes. */
export function isLate(round: Pick<RoundRecord, 'deadlineAt'>, at: Date, extendedDeadlineAt?: string): boolean {
  return at.getTime() > Date.parse(extendedDeadlineAt ?? round.deadlineAt);
}

/**
 * Whether a submitted report counts as late, for every reader (the report itself, summaries,
 * status): the judgement stored at first submission, unless an extension granted since covers it.
 */
export function reportIsLate(
  report: { submittedAt: string; late?: boolean | undefined },
  deadlineAt: string,
  extendedDeadlineAt?: string,
): boolean {
  const submitted = Date.parse(report.submittedAt);
  const late = report.late ?? submitted > Date.parse(extendedDeadlineAt ?? deadlineAt);
  return late && !(extendedDeadlineAt !== undefined && submitted <= Date.parse(extendedDeadlineAt));
}

/** Reporters may write only while a round is open; the refusal says when it opens or closed. */
export function assertOpenForReporting(round: RoundRecord, now: Date): void {
  const phase = roundPhase(round, now);
  if (phase === 'scheduled') {
    throw new Problem(
      'round-not-open',
      `Indberetningsrunden åbner ${formatDanishDateTime(new Date(round.opensAt))}.`,
      { opensAt: round.opensAt },
    );
  }
  if (phase === 'closed') {
    throw new Problem(
      'round-closed',
      `Indberetningsrunden lukkede ${formatDanishDateTime(new Date(round.closeAt!))}. Kontakt Sundhedsstyrelsen, hvis I har brug for at indberette.`,
      { closedAt: round.closeAt },
    );
  }
}
