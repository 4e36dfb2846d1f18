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

/** A reporter sees only rounds its organisation answers; SST sees all. */
export function maySeeRound(who: Identity, round: { respondents: readonly string[] }): boolean {
  return isSst(who) || (who.role === 'reporter' && round.respondents.includes(who.orgId));
}
