// Who may reach one organisation's report in a round, checked in one place for every use case
// that touches a report (answers, revisions, history, attachments). A round the caller may not
// see, or an organisation that is not a respondent, is simply not found.
import { Problem } from '#core/problems';
import { assertMayReadIn, assertMayReport, assertMayReview, assertMayReviewIn } from '#core/policy';
import { getVisibleRound } from '#core/rounds-service';
import { reportingOrgs, type RoundRecord } from '#core/rounds';
import type { CoreDeps, SubmissionHead } from '#core/ports';
import type { Identity } from '#core/identity';

/**
 * read: the organisation and SST (and a coordinator, for its round's contributions); report: the
 * organisation's reporters; review: SST administrators (a coordinator, for its round's contributions).
 */
export type ReportAccess = 'read' | 'report' | 'review';

export interface ReportContext {
  round: RoundRecord;
  head: SubmissionHead | undefined;
  /** This organisation's extended deadline, if SST granted one. */
  extension?: { deadline: string; deadlineAt: string; reason: string } | undefined;
}

/** The round, once the caller is allowed this access to the organisation's report in it. */
export async function reportRound(deps: Pick<CoreDeps, 'rounds'>, who: Identity, roundId: string, orgId: string, access: ReportAccess): Promise<RoundRecord> {
  // Reviewing is SST's, and a coordinator's in its own round: anyone else is refused as before,
  // whether or not the round exists for them.
  if (access === 'review' && who.role !== 'sst-admin' && !(who.role === 'reporter' && (await deps.rounds.get(roundId))?.coordinator === who.orgId)) {
    assertMayReview(who);
  }
  const round = await getVisibleRound(deps, who, roundId);
  if (access === 'read') assertMayReadIn(who, round, orgId);
  else if (access === 'report') assertMayReport(who, orgId);
  else assertMayReviewIn(who, round, orgId);
  if (!reportingOrgs(round).includes(orgId)) {
    throw new Problem('not-found', `Organisationen "${orgId}" skal ikke indberette i runden "${roundId}".`);
  }
  return round;
}

/** The round with the report's head and the organisation's extension, read side by side. */
export async function loadReport(deps: CoreDeps, who: Identity, roundId: string, orgId: string, access: ReportAccess): Promise<ReportContext> {
  const round = await reportRound(deps, who, roundId, orgId, access);
  const [head, extension] = await Promise.all([deps.submissions.getHead(roundId, orgId), deps.extensions?.get(roundId, orgId)]);
  return { round, head, extension };
}
