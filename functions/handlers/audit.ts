// The audit trail, read-only: a report's history and the SST-wide log.
import { createAreaHandler } from '#http/area';
import { AUDIT_ROUTES } from '#functions/routes/audit';
import { getTableDeps } from '#functions/composition';
import { auditCsv, auditLog, submissionHistory } from '#core/audit-service';

export const handler = createAreaHandler(AUDIT_ROUTES, {
  submissionHistory: async ({ identity, params }) => ({
    body: { items: await submissionHistory(getTableDeps(), identity, params.roundId, params.orgId) },
  }),
  auditLog: async ({ query }) => {
    const { from, to, limit, cursor, ...filter } = query;
    return { body: await auditLog(getTableDeps(), new Date(from).toISOString(), new Date(to).toISOString(), limit, cursor, filter) };
  },
  auditExport: async ({ query }) => {
    const { from, to, ...filter } = query;
    const csv = await auditCsv(getTableDeps(), new Date(from).toISOString(), new Date(to).toISOString(), filter);
    return {
      raw: { body: csv, contentType: 'text/csv; charset=utf-8' },
      headers: { 'content-disposition': `attachment; filename="statusportalen-log-${from.slice(0, 10)}-${to.slice(0, 10)}.csv"` },
    };
  },
});
