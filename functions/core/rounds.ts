// Reporting rounds: who must answer which form by when, and what phase a round is in.
// Times are instants (ISO, UTC); the agreed deadline text is kept beside them for people.
import { Problem } from '#core/problems';
import { danishDate, formatDanishDateTime, parseDanishInstant } from '#core/danish-time';
import { findOrganisation, isValidOn, respondentsAt, SST_ORG_ID } from '#core/registry';
import type { CreateRoundRequest, ReminderPolicy, RespondentKind, Round, RoundMode, RoundPhase } from '#schemas/api';

/** As stored: rounds created before coordinated rounds existed carry no mode and are direct. */
export type RoundRecord = Omit<Round, 'phase' | 'mode'> & { mode?: RoundMode };

export interface RoundInput {
  request: CreateRoundRequest;
  formTitle: string;
  formVersion: number;
  respondentKind: RespondentKind;
  /** The request's policy with its defaults filled in (`withPolicyDefaults`); absent: the default policy. */
  reminderPolicy?: ReminderPolicy | undefined;
  now: Date;
  createdBy: string;
}

export function buildRound({ request, formTitle, formVersion, respondentKind, reminderPolicy, now, createdBy }: RoundInput): RoundRecord {
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
  const chain = coordination(request, at, respondentKind);
  const respondents = chain.mode === 'coordinated' ? chain.contributors : respondentsAt(at, respondentKind);
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
    ...(reminderPolicy ? { reminderPolicy } : {}),
    respondents,
    ...chain,
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
  return { ...round, mode: round.mode ?? 'direct', phase: roundPhase(round, now) };
}

const refuse = (pointer: string, message: string) => new Problem('invalid-body', message, { errors: [{ pointer, message }] });

/**
 * Who reports to whom. A coordinated round's contributors are its respondents (summaries,
 * completeness and reminders count them as before); the coordinator reports on top of them, so
 * it may be an organisation that is never a respondent itself, such as Danske Regioner.
 */
function coordination(
  request: CreateRoundRequest,
  at: string,
  kind: RespondentKind,
): { mode: 'direct' } | { mode: 'coordinated'; coordinator: string; contributors: string[] } {
  const mode = request.mode ?? 'direct';
  if (mode === 'direct') {
    if (request.coordinator !== undefined) throw refuse('/coordinator', 'En direkte runde har ingen koordinator. Vælg en koordineret runde.');
    if (request.contributors !== undefined) throw refuse('/contributors', 'En direkte runde har ingen bidragydere. Vælg en koordineret runde.');
    return { mode };
  }
  const coordinator = request.coordinator;
  if (coordinator === undefined) throw refuse('/coordinator', 'En koordineret runde skal have en koordinator.');
  if (coordinator === SST_ORG_ID) throw refuse('/coordinator', 'Sundhedsstyrelsen modtager koordinatorens rapport og kan ikke selv være koordinator.');
  if (!findOrganisation(coordinator) || !isValidOn(coordinator, at)) {
    throw refuse('/coordinator', `Organisationen "${coordinator}" findes ikke i registret pr. ${at}.`);
  }
  const eligible = respondentsAt(at, kind);
  const contributors = request.contributors ?? eligible;
  const seen = new Set<string>();
  contributors.forEach((orgId, i) => {
    const what = kind === 'region' ? 'en region' : 'en kommune';
    if (!eligible.includes(orgId)) throw refuse(`/contributors/${i}`, `"${orgId}" er ikke ${what} i registret pr. ${at}.`);
    if (seen.has(orgId)) throw refuse(`/contributors/${i}`, `"${orgId}" står flere gange blandt bidragyderne.`);
    seen.add(orgId);
  });
  if (seen.has(coordinator)) throw refuse('/coordinator', 'Koordinatoren kan ikke også være bidragyder i samme runde.');
  return { mode, coordinator, contributors: [...contributors] };
}

/** Every organisation with a report in the round: the respondents, and a coordinated round's coordinator. */
export function reportingOrgs(round: Pick<RoundRecord, 'respondents' | 'coordinator'>): string[] {
  return round.coordinator ? [...round.respondents, round.coordinator] : [...round.respondents];
}

/** In a coordinated round, whether this organisation's report is a contribution to the coordinator. */
export function isContribution(round: Pick<RoundRecord, 'mode' | 'contributors'>, orgId: string): boolean {
  return round.mode === 'coordinated' && (round.contributors ?? []).includes(orgId);
}

/** Late means after the last on-time instant; late answers are accepted until the round closes. */
export function isLate(round: Pick<RoundRecord, 'deadlineAt'>, at: Date, extendedDeadlineAt?: string): boolean {
  return at.getTime() > Date.parse(extendedDeadlineAt ?? round.deadlineAt);
}

/**
 * Whether a submitted report counts as late, for every reader (the report itself, summaries,
 * status): the judgement stored at first submission, unless an extension granted since covers it.
 * A report returned for correction and sent again after the deadline was still on time, so the
 * first submission counts (`firstSubmittedAt`; a head without it has only ever kept the first).
 */
export function reportIsLate(
  report: { submittedAt: string; firstSubmittedAt?: string | undefined; late?: boolean | undefined },
  deadlineAt: string,
  extendedDeadlineAt?: string,
): boolean {
  const submitted = Date.parse(report.firstSubmittedAt ?? report.submittedAt);
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
