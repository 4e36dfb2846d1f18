// The edges of who a token says the caller is: a reporter acts for one organisation in the
// registry today (never SST, never one that does not exist yet or any more), read from
// custom:orgId, or for a federated user from custom:fedOrgId only; a machine client
// holds exactly this API's scope, and an audit cursor is ours or it is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getDocumentClient } from '#store/clients';
import { storageConfigFromEnv } from '#functions/composition';
import { keys } from '#store/keys';
import { danishDate } from '#core/danish-time';
import { expectProblem, startHardened, type Hardened, QUIET } from './support.ts';

let api: Hardened;

beforeAll(async () => {
  api = await startHardened();
});
afterAll(() => api?.stop());

const reporterAs = (orgId: string) => api.sign({ sub: `sub-${orgId}`, name: 'Indberetter', 'cognito:groups': ['reporter'], 'custom:orgId': orgId });
// A federated reporter's ID token as Cognito issues it: a `<provider>_<id>` username and the
// `identities` claim, which Cognito writes for federated users only and no user can set.
const federatedAs = (claims: Record<string, unknown>) =>
  api.sign({
    sub: 'sub-federated-0001',
    'cognito:username': 'MitID-Erhverv_abc123',
    identities: [{ userId: 'abc123', providerName: 'MitID-Erhverv', providerType: 'SAML', issuer: null, primary: 'true', dateCreated: '1764633600000' }],
    name: 'Føderet Indberetter',
    'cognito:groups': ['reporter'],
    ...claims,
  });
const contactsOf = async (orgId: string) =>
  (await getDocumentClient().send(new GetCommand({ TableName: storageConfigFromEnv().table, Key: keys.contacts(orgId), ConsistentRead: true }))).Item;

describe('identity edges', () => {
  it("refuses a reporter token whose organisation is SST (401), and SST's notification addresses stay as they were", async () => {
    const token = await reporterAs('sst');
    const before = await contactsOf('sst');
    const put = await api.call('PUT', '/orgs/sst/contacts', { token, body: { emails: ['angriber@example.com'] } });
    expectProblem(put, 401, 'unauthenticated');
    expectProblem(await api.call('GET', '/rounds', { token }), 401, 'unauthenticated');
    expect(await contactsOf('sst')).toEqual(before);
  });

  it('refuses a reporter token whose organisation is not in the registry at today\'s date (401)', async () => {
    // Region Østdanmark exists from 2027-01-01; before that Hovedstaden does and it does not, after that the reverse.
    const notToday = danishDate(new Date()) < '2027-01-01' ? 'region-oestdanmark' : 'region-1084';
    for (const orgId of ['kommune-999', notToday]) {
      expectProblem(await api.call('GET', '/rounds', { token: await reporterAs(orgId) }), 401, 'unauthenticated');
    }
    expect((await api.call('GET', '/rounds', { token: await reporterAs('kommune-101') })).status).toBe(200);
  });

  it('lets a federated reporter act for the organisation its provider asserted (custom:fedOrgId), and for no other', async () => {
    const token = await federatedAs({ 'custom:fedOrgId': 'kommune-101' });
    expect((await api.call('GET', '/orgs/kommune-101/contacts', { token })).status).toBe(200);
    expectProblem(await api.call('GET', '/orgs/kommune-147/contacts', { token }), 403, 'forbidden');
    expect((await api.call('GET', '/rounds', { token })).status).toBe(200);
  });

  it('never lets a password user take an organisation from custom:fedOrgId, nor a federated user from custom:orgId', async () => {
    // A password user with both attributes acts for custom:orgId only.
    const both = await api.sign({ sub: 'sub-password-0001', name: 'Indberetter', 'cognito:groups': ['reporter'], 'custom:orgId': 'kommune-101', 'custom:fedOrgId': 'kommune-147' });
    expect((await api.call('GET', '/orgs/kommune-101/contacts', { token: both })).status).toBe(200);
    expectProblem(await api.call('GET', '/orgs/kommune-147/contacts', { token: both }), 403, 'forbidden');
    // With custom:fedOrgId alone a password user speaks for nobody.
    const fedOnly = await api.sign({ sub: 'sub-password-0002', name: 'Indberetter', 'cognito:groups': ['reporter'], 'custom:fedOrgId': 'kommune-147' });
    expectProblem(await api.call('GET', '/orgs/kommune-147/contacts', { token: fedOnly }), 403, 'forbidden');
    // A federated token naming its organisation only in custom:orgId speaks for nobody either.
    const orgOnly = await federatedAs({ 'custom:orgId': 'kommune-101' });
    expectProblem(await api.call('GET', '/orgs/kommune-101/contacts', { token: orgOnly }), 403, 'forbidden');
  });

  it("refuses a federated reporter whose asserted organisation is SST or not in the registry today (401), and SST's addresses stay as they were", async () => {
    const before = await contactsOf('sst');
    const sst = await federatedAs({ 'custom:fedOrgId': 'sst' });
    expectProblem(await api.call('PUT', '/orgs/sst/contacts', { token: sst, body: { emails: ['angriber@example.com'] } }), 401, 'unauthenticated');
    expect(await contactsOf('sst')).toEqual(before);
    const notToday = danishDate(new Date()) < '2027-01-01' ? 'region-oestdanmark' : 'region-1084';
    for (const orgId of ['kommune-999', notToday]) {
      expectProblem(await api.call('GET', '/rounds', { token: await federatedAs({ 'custom:fedOrgId': orgId }) }), 401, 'unauthenticated');
    }
  });

  it('accepts a machine client only with the full scope statusportalen/summaries.read', async () => {
    const round = await api.round('kraeftplan-v-kommunal', QUIET);
    const machine = (scope: string) => api.sign({ sub: 'machine-client', client_id: 'machine-client', scope, token_use: 'access' });
    for (const scope of ['other/summaries.read', 'summaries.read', 'statusportalen/summaries.read/x', 'x/statusportalen/summaries.read']) {
      const res = await api.call('GET', `/rounds/${round.roundId}/status`, { token: await machine(scope) });
      expect(res.status, scope).toBe(403);
    }
    expect((await api.call('GET', `/rounds/${round.roundId}/status`, { token: await machine('statusportalen/summaries.read') })).status).toBe(200);
  });

  it('answers a tampered /audit cursor with 400 and a Danish detail, never 500', async () => {
    const token = await api.token('sst-reader');
    const from = encodeURIComponent('2026-01-01T00:00:00Z');
    const to = encodeURIComponent('2026-12-31T00:00:00Z');
    const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    const tampered = [
      b64({ month: '2026-11', key: { PK: 'x', SK: 'y', GSI1PK: 'AUDIT#1999-01', GSI1SK: 'z' } }),
      b64({ month: '2026-11', key: { GSI1PK: 'AUDIT#2026-11' } }),
      b64({ month: '2026-11', key: 'x' }),
      b64({ month: 5 }),
      b64({ month: '../etc' }),
      b64('null'),
      b64('[1,2]'),
      'not base64 at all!',
    ];
    for (const cursor of tampered) {
      const res = await api.call('GET', `/audit?from=${from}&to=${to}&limit=5&cursor=${encodeURIComponent(cursor)}`, { token });
      expectProblem(res, 400, 'invalid-parameter');
      expect(res.body.detail, cursor).toMatch(/[æøå]|Ugyldig|side/i);
    }
  });

  it('still follows a cursor it issued itself', async () => {
    const token = await api.token('sst-reader');
    const from = encodeURIComponent(new Date(Date.now() - 30 * 86_400_000).toISOString());
    const to = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    const first = await api.call('GET', `/audit?from=${from}&to=${to}&limit=2`, { token });
    expect(first.status).toBe(200);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await api.call('GET', `/audit?from=${from}&to=${to}&limit=2&cursor=${encodeURIComponent(first.body.next)}`, { token });
    expect(second.status, second.text).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});
