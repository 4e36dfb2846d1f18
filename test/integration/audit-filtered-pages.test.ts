// A narrow search in a busy month of the SST-wide audit log: DynamoDB's Limit counts the events
// read before the filter, so a page of 50 read 50 events at a time, and 25 reads reached 1,250
// events into the month. A round whose events came after that answered page 1 with no events and
// a cursor, and the log page said "no events" (found in a shuffled full run, where other suites
// had written thousands of events before the year wheel test searched its round).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { AuditEvent } from '#core/ports';
import { getDocumentClient, requiredEnv } from '#store/clients';
import { auditPut } from '#store/audit-item';
import { startApi, type Api } from '../support/api.ts';

let api: Api;
// A month no other test writes to: this file owns every event in it.
const FROM = '2018-03-01T00:00:00.000Z';
const TO = '2018-04-01T00:00:00.000Z';
const ROUND = `t-audit-busy-${ulid().toLowerCase()}`;
const FILLERS = 2_000;
const MATCHES = 120;

/** The n-th second of the month, as an ISO instant. */
const second = (n: number) => new Date(Date.parse(FROM) + n * 1000).toISOString();
/** Our round's events, every 13th after the fillers begin to thin: the matching ones, in order. */
const matchAt = (k: number) => second(FILLERS + k * 13 + 7);

beforeAll(async () => {
  api = await startApi();
  const table = requiredEnv('TABLE_NAME');
  const event = (at: string, roundId?: string): AuditEvent => ({
    at,
    id: ulid(),
    actor: 'Test',
    actorOrgId: 'sst',
    action: roundId ? 'round.update' : 'form.publish',
    subject: roundId ? `round/${roundId}` : `test/audit-busy/${at}`,
    ...(roundId ? { roundId } : {}),
  });
  const events = [
    ...Array.from({ length: FILLERS }, (_, n) => event(second(n))),
    ...Array.from({ length: MATCHES }, (_, k) => event(matchAt(k), ROUND)),
    // Fillers between the matches too, so pages cut in the middle of a read.
    ...Array.from({ length: MATCHES }, (_, k) => event(second(FILLERS + k * 13 + 3))),
  ];
  const db = getDocumentClient();
  for (let i = 0; i < events.length; i += 25) {
    const RequestItems = { [table]: events.slice(i, i + 25).map((e) => ({ PutRequest: { Item: auditPut(table, e).Put.Item } })) };
    let out = await db.send(new BatchWriteCommand({ RequestItems }));
    while (out.UnprocessedItems && Object.keys(out.UnprocessedItems).length > 0) out = await db.send(new BatchWriteCommand({ RequestItems: out.UnprocessedItems }));
  }
}, 120_000);
afterAll(() => api?.stop());

describe('a narrow search in a busy month of the audit log', () => {
  it('answers the first page with the round\'s first events, not an empty page and a cursor', async () => {
    const page = await api.deps.audit.between(FROM, TO, 50, undefined, { roundId: ROUND });
    expect(page.items.map((e) => e.at)).toEqual(Array.from({ length: 50 }, (_, k) => matchAt(k)));
    expect(page.next).toBeDefined();
  });

  it('pages through every matching event once, in order, when a read holds more matches than a page takes', async () => {
    for (const limit of [50, 7]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let calls = 0; ; calls++) {
        expect(calls, `limit ${limit}: the search did not end`).toBeLessThan(100);
        const page = await api.deps.audit.between(FROM, TO, limit, cursor, { roundId: ROUND });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((e) => e.at));
        if (!page.next) break;
        cursor = page.next;
      }
      expect(seen).toEqual(Array.from({ length: MATCHES }, (_, k) => matchAt(k)));
    }
  });

  it('answers GET /audit the same for SST, with the round filter in the query', async () => {
    const reader = await api.as('sst-reader');
    const res = await reader('GET', `/audit?from=${FROM}&to=${TO}&roundId=${ROUND}&limit=50`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toHaveLength(50);
    expect(res.body.items[0].at).toBe(matchAt(0));
  });
});
