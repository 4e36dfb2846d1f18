// The indicator upload's dry run over HTTP: a file with one wrong value shows the rows it would
// store and that error by line and column, and stores nothing (no data set, no audit event);
// the fixed file commits; GET /indicators lists each form's data set with its sources and the
// upload's audit event; the `retning` column reaches the trend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { startApi, type Api, type Client } from '../support/api.ts';
import { schemaOf } from '../support/summary-fixtures.ts';
import { publishFormVersion } from '#core/forms-service';
import { sstIdentity } from '#core/identity';

let api: Api;
let admin: Client;
let reader: Client;

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('sst-admin');
  reader = await api.as('sst-reader');
});
afterAll(() => api.stop());

async function ownForm(): Promise<string> {
  const formId = `t-prev-${ulid().toLowerCase()}`;
  await publishFormVersion(api.deps, sstIdentity('test', 'sst-admin', 'Test'), formId, {
    title: 'Skema til forhåndsvisning',
    respondentKind: 'region',
    plan: 'psykiatriplan',
    schema: schemaOf('psykiatriplan-status'),
  });
  return formId;
}

const csv = (lines: string[]) => ({ rawBody: `\ufeff${lines.join('\r\n')}\r\n`, headers: { 'content-type': 'text/csv; charset=utf-8' } });
const HEADER = 'indikator;periode;region;værdi;enhed;målværdi;retning;kilde';
const GOOD = [
  HEADER,
  'ventetid;2025;Hele landet;31,5;dage;30;ned;Eksempel: Landspatientregisteret',
  'ventetid;2026;Hele landet;29,0;dage;30;ned;Eksempel: Landspatientregisteret',
  'ventetid;2026;Region Nordjylland;33,2;dage;30;ned;Eksempel: Landspatientregisteret',
];

describe('indicator dry run', () => {
  it('shows the rows it would store and each error by line and column, and stores nothing', async () => {
    const formId = await ownForm();
    const bad = [...GOOD];
    bad[3] = 'ventetid;2026;Region Nordjylland;33 dage;dage;30;ned;Eksempel: Landspatientregisteret';
    const preview = await admin('POST', `/forms/${formId}/indicators/validate`, csv(bad));
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ formId, valid: false, rowCount: 2, errorsTruncated: false });
    expect(preview.body.errors).toEqual([{ line: 4, column: 'værdi', pointer: '/lines/4/værdi', message: '"33 dage" er ikke et tal.' }]);
    expect(preview.body.rows.map((r: { period: string; value: number }) => [r.period, r.value])).toEqual([['2025', 31.5], ['2026', 29]]);
    expect(preview.body.rows[0]).toMatchObject({ unit: 'dage', target: 30, direction: 'down', source: 'Eksempel: Landspatientregisteret' });
    expect((await reader('GET', `/forms/${formId}/indicators`)).status).toBe(404);
    expect(await api.deps.audit.history(`form/${formId}`)).toEqual(expect.not.arrayContaining([expect.objectContaining({ action: 'indicators.upload' })]));

    const fixed = await admin('POST', `/forms/${formId}/indicators/validate`, csv(GOOD));
    expect(fixed.body).toMatchObject({ valid: true, rowCount: 3, errors: [] });
    expect((await reader('GET', `/forms/${formId}/indicators`)).status).toBe(404);
  });

  it('commits the fixed file, and lists the data set with its sources and the upload audit event', async () => {
    const formId = await ownForm();
    const put = await admin('PUT', `/forms/${formId}/indicators`, csv(GOOD));
    expect(put.status, put.text).toBe(200);
    const list = await reader('GET', '/indicators');
    expect(list.status).toBe(200);
    const mine = list.body.items.find((d: { formId: string }) => d.formId === formId);
    const [event] = (await api.deps.audit.history(`form/${formId}`)).filter((e) => e.action === 'indicators.upload');
    expect(mine).toMatchObject({
      formTitle: 'Skema til forhåndsvisning',
      current: {
        rowCount: 3,
        periods: ['2025', '2026'],
        sources: ['Eksempel: Landspatientregisteret'],
        indicators: [{ indicator: 'ventetid', title: 'ventetid', unit: 'dage', direction: 'down' }],
      },
      uploads: [{ id: event!.id, at: event!.at, rows: 3, periods: ['2025', '2026'], indicators: ['ventetid'] }],
    });
    const trend = await reader('GET', `/forms/${formId}/trend`);
    expect(trend.body.indicators).toEqual([expect.objectContaining({ indicator: 'ventetid', direction: 'down', unit: 'dage' })]);
  });

  it('names a direction it does not know, and keeps the rest of the checks', async () => {
    const formId = await ownForm();
    const preview = await admin('POST', `/forms/${formId}/indicators/validate`, csv([HEADER, 'ventetid;2026;;29;dage;30;sideværts;Eksempel']));
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors).toEqual([expect.objectContaining({ line: 2, column: 'retning' })]);
    expect(preview.body.errors[0].message).toContain('"op"');
    const upload = await admin('PUT', `/forms/${formId}/indicators`, csv([HEADER, 'ventetid;2026;;29;dage;30;sideværts;Eksempel']));
    expect(upload.status).toBe(422);
    expect(upload.body.errors[0]).toMatchObject({ line: 2, column: 'retning' });
    const empty = await admin('POST', `/forms/${formId}/indicators/validate`, csv(['indikator;periode']));
    expect(empty.body.errors.map((e: { column?: string }) => e.column)).toContain('værdi');
  });

  it('lets only SST admins run it, and answers 404 for a form that does not exist', async () => {
    const formId = await ownForm();
    const reporter = await api.as('reporter', 'region-1081');
    expect((await reporter('POST', `/forms/${formId}/indicators/validate`, csv(GOOD))).status).toBe(403);
    expect((await reader('POST', `/forms/${formId}/indicators/validate`, csv(GOOD))).status).toBe(403);
    expect((await reporter('GET', '/indicators')).status).toBe(403);
    expect((await admin('POST', '/forms/no-such-form/indicators/validate', csv(GOOD))).status).toBe(404);
    expect((await admin('POST', `/forms/${formId}/indicators/validate`, { rawBody: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(415);
  });
});
