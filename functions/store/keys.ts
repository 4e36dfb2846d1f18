// The single table's key design, in one place. No request path scans: every read is a
// GetItem or a Query on a partition named here.
export const pad = (n: number, width = 6) => String(n).padStart(width, '0');

/** The audit index's partition of one month (`yyyy-mm`): every event recorded in it. */
const auditMonth = (month: string) => `AUDIT#${month}`;

export const IDEMPOTENCY_PK = 'IDEM';

export const keys = {
  formCatalogue: (formId?: string) => ({ PK: 'FORMS', ...(formId ? { SK: `FORM#${formId}` } : {}) }),
  formVersion: (formId: string, version: number) => ({ PK: `FORM#${formId}`, SK: `V#${pad(version, 4)}` }),
  round: (roundId: string) => ({ PK: 'ROUNDS', SK: `ROUND#${roundId}` }),
  head: (roundId: string, orgId: string) => ({ PK: `ROUND#${roundId}`, SK: `SUB#${orgId}` }),
  headsOf: (roundId: string) => `ROUND#${roundId}`,
  headByOrg: (orgId: string, roundId: string) => ({ GSI1PK: `ORG#${orgId}`, GSI1SK: `ROUND#${roundId}` }),
  revisionsOf: (roundId: string, orgId: string) => `REV#${roundId}#${orgId}`,
  revision: (roundId: string, orgId: string, revision: number) => ({ PK: `REV#${roundId}#${orgId}`, SK: `R#${pad(revision, 8)}` }),
  event: (subject: string, at: string, id: string) => ({
    PK: `HIST#${subject}`,
    SK: `EVT#${at}#${id}`,
    GSI1PK: auditMonth(at.slice(0, 7)),
    GSI1SK: `${at}#${id}`,
  }),
  auditMonth,
  historyOf: (subject: string) => `HIST#${subject}`,
  contacts: (orgId: string) => ({ PK: `ORG#${orgId}`, SK: 'CONTACTS' }),
  /** The latest summary build of a round (points at its S3 object). */
  summary: (roundId: string) => ({ PK: `ROUND#${roundId}`, SK: 'SUMMARY' }),
  /** The current national indicator dataset of a form (points at its S3 object). */
  indicators: (formId: string) => ({ PK: `FORM#${formId}`, SK: 'INDICATORS' }),
  notificationSettings: () => ({ PK: 'ORG#sst', SK: 'NOTIFY' }),
  extension: (roundId: string, orgId: string) => ({ PK: `ROUND#${roundId}`, SK: `EXT#${orgId}` }),
  /** At-most-once claims: a reminder is `ROUND#<roundId>` / `REM#<orgId>#<step>`. */
  reminder: (roundId: string, orgId: string, step: string) => ({ PK: `ROUND#${roundId}`, SK: `REM#${orgId}#${step}` }),
  notice: (kind: string, id: string) => ({ PK: `NOTICE#${kind}`, SK: id }),
  mark: (name: string) => ({ PK: 'MARKS', SK: name }),
  /**
   * Powertools idempotency records (functions/store/idempotency-store.ts): one partition, the SK
   * `IDEM#<hash>` a base64 SHA-256 of caller, route and the client's Idempotency-Key; TTL `expiresAt`.
   */
  idempotency: (hash: string) => ({ PK: IDEMPOTENCY_PK, SK: `${IDEMPOTENCY_PK}#${hash}` }),
  /** The Task Force's seat contacts: one small partition, a score of items. */
  seatContacts: (seatId?: string) => ({ PK: 'TASKFORCE', ...(seatId ? { SK: `SEAT#${seatId}` } : {}) }),
  /** A calendar subscription found by its token's SHA-256 (the public feed route reads only this). */
  calendarFeed: (tokenHash: string) => ({ PK: `CALFEED#${tokenHash}`, SK: 'FEED' }),
  /** One person's calendar subscriptions, listed on their year-wheel page. */
  calendarFeedsOf: (subject: string, subscriptionId?: string) => ({ PK: `CALFEEDS#${subject}`, ...(subscriptionId ? { SK: `SUB#${subscriptionId}` } : {}) }),
  meeting: (meetingId?: string) => ({ PK: 'MEETINGS', ...(meetingId ? { SK: `MEETING#${meetingId}` } : {}) }),
};

/** The months (`yyyy-mm`) whose audit partitions an ISO interval from `from` to `to` touches. */
export function auditMonths(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export const objectKeys = {
  summary: (roundId: string, builtAt: string, hash: string, ext: string) => `summaries/${roundId}/${builtAt.replace(/[-:.]/g, '')}-${hash.slice(0, 16)}.${ext}`,
  indicators: (formId: string, at: string, hash: string) => `indicators/${formId}/${at.replace(/[-:.]/g, '')}-${hash.slice(0, 16)}.json`,
  formSchema: (formId: string, version: number) => `forms/${formId}/v${pad(version, 4)}.schema.json`,
  submission: (roundId: string, orgId: string, revision: number, unique: string) =>
    `submissions/${roundId}/${orgId}/${pad(revision)}-${unique}.json`,
};

export const GSI1 = 'GSI1';
