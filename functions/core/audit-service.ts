// Reading the audit trail: one report's history for its organisation and SST, and the
// SST-wide log by time for auditors. Writing happens only with the changes themselves.
import { Problem } from '#core/problems';
import { reportRound } from '#core/report-access';
import { InvalidCursor, type CoreDeps, type AuditPage, type AuditEvent } from '#core/ports';
import type { Identity } from '#core/identity';

export const submissionSubject = (roundId: string, orgId: string) => `round/${roundId}/submission/${orgId}`;

export async function submissionHistory(deps: Pick<CoreDeps, 'rounds' | 'audit'>, who: Identity, roundId: string, orgId: string): Promise<AuditEvent[]> {
  await reportRound(deps, who, roundId, orgId, 'read');
  return deps.audit.history(submissionSubject(roundId, orgId));
}

const MAX_SPAN_DAYS = 366;

export async function auditLog(deps: Pick<CoreDeps, 'audit'>, from: string, to: string, limit: number, cursor?: string): Promise<AuditPage> {
  if (!(from < to)) throw new Problem('invalid-parameter', '"from" skal ligge før "to".');
  if (Date.parse(to) - Date.parse(from) > MAX_SPAN_DAYS * 86_400_000) {
    throw new Problem('invalid-parameter', `Et udtræk kan højst dække ${MAX_SPAN_DAYS} dage.`);
  }
  try {
    return await deps.audit.between(from, to, limit, cursor);
  } catch (err) {
    if (err instanceof InvalidCursor) {
      throw new Problem('invalid-parameter', 'Sidemarkøren ("cursor") er ugyldig eller hører til et andet udtræk. Hent første side igen.', { parameter: 'cursor' });
    }
    throw err;
  }
}
