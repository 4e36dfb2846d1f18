// National indicator uploads are audited like every other change: the event is written in the
// same DynamoDB transaction as the pointer to the new dataset, and shows in GET /audit. Each test
// uploads to a form of its own, so no other test's summaries see these datasets. One test fails
// the transaction through SDK middleware (as test/hardening/faults.test.ts does) to show the
// pointer and its event land together or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { MiddlewareStack } from '@smithy/types';
import { getDocumentClient } from '#store/clients';
import { startApi, type Api, type Client } from '../support/api.ts';
import { schemaOf } from '../support/summary-fixtures.ts';
import { publishFormVersion } from '#core/forms-service';
import { sstIdentity } from '#core/identity';
import type { AuditEvent } from '#core/ports';

let api: Api;
let admin: Client;
let reader: Client;

/** While set, the next TransactWriteItems call fails as DynamoDB would refuse it. */
let failTransactions = false;

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('sst-admin');
  reader = await api.as('sst-reader');
  (getDocumentClient().middlewareStack as MiddlewareStack<any, any>).add(
    (next, context) => async (args) => {
      if (failTransactions && /TransactWrite/.test(String(context.commandName))) {
        throw Object.assign(new Error('injected ValidationException'), { name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
      }
      return next(args);
    },
    { step: 'deserialize', name: 'indicatorsAuditFault', override: true },
  );
});
afterAll(() => api.stop());

async function ownForm(): Promise<string> {
  const formId = `t-indik-${ulid().toLowerCase()}`;
  await publishFormVersion(api.deps, sstIdentity('test', 'sst-admin', 'Test'), formId, {
    title: 'Skema til indikatortest',
    respondentKind: 'region',
    plan: 'psykiatriplan',
    schema: schemaOf('psykiatriplan-status'),
  });
  return formId;
}

const CSV = [
  'indikator;periode;region;værdi;enhed',
  'tvang_baelte;2028;Hele landet;412;personer',
  'tvang_baelte;2028;Region Nordjylland;61;personer',
  'tvang_baelte;2029-K2;1082;88,5;personer',
  'ventetid;2029;Hele landet;34;dage',
].join('\r\n');

async function eventsOf(formId: string, from: string) {
  const to = new Date(Date.now() + 1000).toISOString();
  const res = await reader('GET', `/audit?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&action=indicators.&limit=500`);
  expect(res.status).toBe(200);
  return (res.body.items as AuditEvent[]).filter((e) => e.subject === `form/${formId}`);
}

describe('PUT /forms/{formId}/indicators', () => {
  it('records who uploaded what in the audit trail: rows, periods and indicators', async () => {
    const formId = await ownForm();
    const from = new Date(Date.now() - 1000).toISOString();
    const put = await admin('PUT', `/forms/${formId}/indicators`, { rawBody: CSV, headers: { 'content-type': 'text/csv; charset=utf-8' } });
    expect(put.status).toBe(200);
    const events = (await eventsOf(formId, from)).filter((e) => e.action !== 'form.publish');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'indicators.upload',
      subject: `form/${formId}`,
      actor: 'SST administrator',
      actorOrgId: 'sst',
      at: put.body.uploadedAt,
      detail: { rows: 4, periods: ['2028', '2029', '2029-Q2'], indicators: ['tvang_baelte', 'ventetid'] },
    });
  });

  it('records each upload, a replacement too', async () => {
    const formId = await ownForm();
    const from = new Date(Date.now() - 1000).toISOString();
    await admin('PUT', `/forms/${formId}/indicators`, { rawBody: CSV, headers: { 'content-type': 'text/csv' } });
    const second = await admin('PUT', `/forms/${formId}/indicators`, { rawBody: CSV.split('\r\n').slice(0, 2).join('\r\n'), headers: { 'content-type': 'text/csv' } });
    expect(second.status).toBe(200);
    const uploads = (await eventsOf(formId, from)).filter((e) => e.action === 'indicators.upload');
    expect(uploads.map((e) => e.detail?.['rows'])).toEqual([4, 1]);
    expect((await reader('GET', `/forms/${formId}/indicators`)).body.rows).toHaveLength(1);
  });

  it('records nothing for an upload that is refused', async () => {
    const formId = await ownForm();
    const from = new Date(Date.now() - 1000).toISOString();
    const bad = await admin('PUT', `/forms/${formId}/indicators`, { rawBody: 'indikator;periode;region;værdi\na;20X8;;12', headers: { 'content-type': 'text/csv' } });
    expect(bad.status).toBe(422);
    const refused = await reader('PUT', `/forms/${formId}/indicators`, { rawBody: CSV, headers: { 'content-type': 'text/csv' } });
    expect(refused.status).toBe(403);
    expect((await eventsOf(formId, from)).filter((e) => e.action === 'indicators.upload')).toEqual([]);
    expect((await reader('GET', `/forms/${formId}/indicators`)).status).toBe(404);
  });

  it('keeps the previous dataset and records nothing when the pointer and event cannot be committed', async () => {
    const formId = await ownForm();
    const from = new Date(Date.now() - 1000).toISOString();
    expect((await admin('PUT', `/forms/${formId}/indicators`, { rawBody: CSV, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
    failTransactions = true;
    let failed;
    try {
      failed = await admin('PUT', `/forms/${formId}/indicators`, { rawBody: CSV.split('\r\n').slice(0, 2).join('\r\n'), headers: { 'content-type': 'text/csv' } });
    } finally {
      failTransactions = false;
    }
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect((await reader('GET', `/forms/${formId}/indicators`)).body.rows).toHaveLength(4);
    const uploads = (await eventsOf(formId, from)).filter((e) => e.action === 'indicators.upload');
    expect(uploads.map((e) => e.detail?.['rows'])).toEqual([4]);
  });
});
