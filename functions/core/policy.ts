// Access policy, in one place. Route-level roles come from the route table; this module
// decides everything that depends on the resource: which organisation's data a caller may see.
// A reporter is bound to one organisation and never learns anything about another's report.
import { Problem } from '#core/problems';
import type { Identity } from '#core/identity';
import { isSst } from '#core/identity';

export function assertRole(who: Identity, allowed: readonly string[]): void {
  if (!allowed.includes(who.role)) {
    throw new Problem('forbidden', 'Din rolle giver ikke adgang til denne handling.');
  }
}

/** Reading an organisation's reports, contacts and history. */
export function assertMayReadOrg(who: Identity, orgId: string): void {
  if (isSst(who)) return;
  if (who.role === 'reporter' && who.orgId === orgId) return;
  throw new Problem('forbidden', 'Du kan kun se din egen organisations indberetninger.');
}

/** Writing answers, submitting and reopening: only the organisation's own reporters. */
export function assertMayReport(who: Identity, orgId: string): void {
  if (who.role === 'reporter' && who.orgId === orgId) return;
  if (isSst(who)) throw new Problem('forbidden', 'Sundhedsstyrelsen kan ikke udfylde en organisations indberetning.');
  throw new Problem('forbidden', 'Du kan kun udfylde din egen organisations indberetning.');
}

/** Reviewing (return, accept, reopening an accepted report) is SST's administrators' task. */
export function assertMayReview(who: Identity): void {
  if (who.role !== 'sst-admin') throw new Problem('forbidden', 'Kun Sundhedsstyrelsens administratorer kan behandle indberetninger.');
}

/** A reporter sees only rounds its organisation answers or coordinates; SST sees all. */
export function maySeeRound(who: Identity, round: { respondents: readonly string[]; coordinator?: string | undefined }): boolean {
  return isSst(who) || (who.role === 'reporter' && (round.respondents.includes(who.orgId) || round.coordinator === who.orgId));
}

interface Chain {
  mode?: 'direct' | 'coordinated' | undefined;
  coordinator?: string | undefined;
  contributors?: readonly string[] | undefined;
}

/** A coordinator's reporters, facing a contribution of the round they coordinate. */
export function isCoordinatorOf(who: Identity, round: Chain, orgId: string): boolean {
  return (
    who.role === 'reporter' &&
    round.mode === 'coordinated' &&
    round.coordinator === who.orgId &&
    (round.contributors ?? []).includes(orgId)
  );
}

/**
 * Reading one report in a round: the organisation and SST, and in a coordinated round the
 * coordinator for each contribution. Contributors never read each other's or the coordinator's.
 */
export function assertMayReadIn(who: Identity, round: Chain, orgId: string): void {
  if (isCoordinatorOf(who, round, orgId)) return;
  assertMayReadOrg(who, orgId);
}

/**
 * Reviewing one report: in a coordinated round the coordinator reviews the contributions and
 * SST the coordinator's report; in a direct round SST reviews every report.
 */
export function assertMayReviewIn(who: Identity, round: Chain, orgId: string): void {
  if (round.mode === 'coordinated' && (round.contributors ?? []).includes(orgId)) {
    if (isCoordinatorOf(who, round, orgId)) return;
    throw new Problem('forbidden', 'Bidragene i en koordineret runde behandles af koordinatoren.');
  }
  assertMayReview(who);
}
