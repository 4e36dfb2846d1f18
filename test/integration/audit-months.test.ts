// The SST-wide audit log is partitioned by month on GSI1. Paging through it must cross month
// boundaries without losing or repeating an event, whatever the page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { AuditEvent } from '#core/ports';
import { getDocumentClient, requiredEnv } from '#store/clients';
import { auditPut } from '#store/audit-item';
import { startApi, type Api } from '../support/api.ts';

let api: Api;
// Months no other test writes to: this file owns every event in the window.
const FROM = '2019-11-01T00:00:00.000Z';
const TO = '2020-02-01T00:00:00.000Z';
const AT = ['2019-11-03T10:00:00.000Z', '2019-11-30T23:59:59.999Z', '2019-12-01T00:00:00.000Z', '2020-01-15T12:00:00.000Z', '2020-01-31T23:00:00.000Z'];
// Outside the window: the end is exclusive.
const AFTER = '2020-02-01T00:00:00.000Z';

beforeAll(async () => {
  api = await startApi();
  const table = requiredEnv('TABLE_NAME');
  const event = (at: string): AuditEvent => ({ at, id: ulid(), actor: 'Test', actorOrgId: 'sst', action: 'form.publish', subject: `test/audit-months/${at}` });
  await getDocumentClient().send(new TransactWriteCommand({ TransactItems: [...AT, AFTER].map((at) => auditPut(table, event(at))) }));
});
afterAll(() => api.stop());

async function allPages(limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await api.deps.audit.between(FROM, TO, limit, cursor);
    seen.push(...page.items.map((e) => e.at));
    if (!page.next) return seen;
    cursor = page.next;
  }
  throw new Error('the log did not end within 20 pages');
}

describe('the audit log across month partitions', () => {
  it.each([1, 2, 3, 4, 5, 6])('returns every event in the window once, in order, with pages of %i', async (limit) => {
    expect(await allPages(limit)).toEqual(AT);
  });
});
