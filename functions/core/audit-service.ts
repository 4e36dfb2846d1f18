// Reading the audit trail: one report's history for its organisation and SST, and the
// SST-wide log by time for auditors. Writing happens only with the changes themselves.
import { Problem } from '#core/problems';
import { reportRound } from '#core/report-access';
import { InvalidCursor, type CoreDeps, type AuditPage, type AuditEvent, type AuditFilter } from '#core/ports';
import { TZDate } from '@date-fns/tz';
import { DANISH_ZONE } from '#core/danish-time';
import { findOrganisation } from '#core/registry';
import { toCsv } from '#core/summary/csv';
import type { Identity } from '#core/identity';

export const submissionSubject = (roundId: string, orgId: string) => `round/${roundId}/submission/${orgId}`;

export async function submissionHistory(deps: Pick<CoreDeps, 'rounds' | 'audit'>, who: Identity, roundId: string, orgId: string): Promise<AuditEvent[]> {
  await reportRound(deps, who, roundId, orgId, 'read');
  return deps.audit.history(submissionSubject(roundId, orgId));
}

const MAX_SPAN_DAYS = 366;

function assertSpan(from: string, to: string): void {
  if (!(from < to)) throw new Problem('invalid-parameter', '"from" skal ligge før "to".');
  if (Date.parse(to) - Date.parse(from) > MAX_SPAN_DAYS * 86_400_000) {
    throw new Problem('invalid-parameter', `Et udtræk kan højst dække ${MAX_SPAN_DAYS} dage.`);
  }
}

export async function auditLog(deps: Pick<CoreDeps, 'audit'>, from: string, to: string, limit: number, cursor?: string, filter?: AuditFilter): Promise<AuditPage> {
  assertSpan(from, to);
  try {
    return await deps.audit.between(from, to, limit, cursor, filter);
  } catch (err) {
    if (err instanceof InvalidCursor) {
      throw new Problem('invalid-parameter', 'Sidemarkøren ("cursor") er ugyldig eller hører til et andet udtræk. Hent første side igen.', { parameter: 'cursor' });
    }
    throw err;
  }
}

/** The most events one export holds; a wider search is asked to narrow down. */
export const MAX_EXPORT_EVENTS = 10_000;

const pad = (n: number) => String(n).padStart(2, '0');
/** `02-12-2026 14:05:09` in Danish time: the form Danish Excel reads as a date and time. */
export function excelDanishDateTime(iso: string): string {
  const z = new TZDate(Date.parse(iso), DANISH_ZONE);
  return `${pad(z.getDate())}-${pad(z.getMonth() + 1)}-${z.getFullYear()} ${pad(z.getHours())}:${pad(z.getMinutes())}:${pad(z.getSeconds())}`;
}

const orgLabel = (orgId: string | undefined) => (orgId ? (findOrganisation(orgId)?.officialName ?? orgId) : null);

export const AUDIT_CSV_HEADER = ['Tidspunkt (dansk tid)', 'Handling', 'Udført af', 'Bruger-id', 'Rolle', 'Udførendes organisation', 'Emne', 'Organisation', 'Runde', 'Detaljer', 'Hændelses-id'];

/** The search as CSV for Danish Excel: `;`, UTF-8 with BOM, CRLF, Danish dates, formulas defused. */
export async function auditCsv(deps: Pick<CoreDeps, 'audit'>, from: string, to: string, filter: AuditFilter): Promise<string> {
  assertSpan(from, to);
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.audit.between(from, to, 500, cursor, filter);
    events.push(...page.items);
    if (events.length > MAX_EXPORT_EVENTS) {
      throw new Problem('invalid-parameter', `Søgningen giver mere end ${MAX_EXPORT_EVENTS.toLocaleString('da-DK')} hændelser. Vælg et kortere tidsrum eller flere filtre, og hent igen.`);
    }
    cursor = page.next;
  } while (cursor);
  const rows = events.map((e) => [
    excelDanishDateTime(e.at),
    e.action,
    e.actor,
    e.actorId ?? null,
    e.actorRole ?? null,
    orgLabel(e.actorOrgId),
    e.subject,
    orgLabel(e.orgId),
    e.roundId ?? (/^round\/([^/]+)/.exec(e.subject)?.[1] ?? null),
    e.detail ? JSON.stringify(e.detail) : null,
    e.id,
  ]);
  return toCsv(AUDIT_CSV_HEADER, rows, 'da');
}
