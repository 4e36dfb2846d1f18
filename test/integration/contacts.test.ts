// Contact addresses over HTTP: who may read and change them, validation, the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '../support/api.ts';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.stop());

describe('contacts', () => {
  it("lets a reporter replace its own organisation's addresses, with an audit event", async () => {
    const reporter = await api.as('reporter', 'kommune-147');
    const put = await reporter('PUT', '/orgs/kommune-147/contacts', { body: { emails: ['kvalitet@frb.example.dk', 'KVALITET@frb.example.dk', 'chef@frb.example.dk'] } });
    expect(put.status).toBe(200);
    expect(put.body.emails).toEqual(['kvalitet@frb.example.dk', 'chef@frb.example.dk']);
    const got = await reporter('GET', '/orgs/kommune-147/contacts');
    expect(got.body).toMatchObject({ orgId: 'kommune-147', emails: ['kvalitet@frb.example.dk', 'chef@frb.example.dk'] });
    const history = await api.deps.audit.history('org/kommune-147/contacts');
    expect(history.at(-1)).toMatchObject({ action: 'contacts.update', orgId: 'kommune-147', detail: { to: ['kvalitet@frb.example.dk', 'chef@frb.example.dk'] } });
  });

  it("refuses a reporter another organisation's contacts, and an SST reader any change", async () => {
    const reporter = await api.as('reporter', 'kommune-147');
    expect((await reporter('GET', '/orgs/kommune-151/contacts')).status).toBe(403);
    expect((await reporter('PUT', '/orgs/kommune-151/contacts', { body: { emails: ['a@b.dk'] } })).status).toBe(403);
    const reader = await api.as('sst-reader');
    expect((await reader('GET', '/orgs/kommune-147/contacts')).status).toBe(200);
    expect((await reader('PUT', '/orgs/kommune-147/contacts', { body: { emails: ['a@b.dk'] } })).status).toBe(403);
    const admin = await api.as('sst-admin');
    expect((await admin('PUT', '/orgs/kommune-151/contacts', { body: { emails: ['sundhed@gladsaxe.example.dk'] } })).status).toBe(200);
    expect((await admin('GET', '/orgs/no-such-org/contacts')).status).toBe(404);
  });

  it('refuses addresses that are not e-mail addresses, and an empty list, pointing at the field', async () => {
    const admin = await api.as('sst-admin');
    const bad = await admin('PUT', '/orgs/kommune-153/contacts', { body: { emails: ['ok@x.dk', 'ikke en adresse'] } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/emails/1' })]);
    expect((await admin('PUT', '/orgs/kommune-153/contacts', { body: { emails: [] } })).status).toBe(422);
  });

  it('lets SST admins choose how SST hears of new submissions', async () => {
    const admin = await api.as('sst-admin');
    const set = await admin('PUT', '/notifications/settings', { body: { submissionNotices: 'immediate', overdueDigest: true } });
    expect(set.status).toBe(200);
    expect((await admin('GET', '/notifications/settings')).body).toMatchObject({ submissionNotices: 'immediate', overdueDigest: true });
    expect((await admin('PUT', '/notifications/settings', { body: { submissionNotices: 'hourly', overdueDigest: true } })).status).toBe(422);
    const reporter = await api.as('reporter', 'kommune-147');
    expect((await reporter('GET', '/notifications/settings')).status).toBe(403);
  });
});
