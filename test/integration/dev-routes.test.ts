// The local-only /dev routes get the same body checks as the API's routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '../support/api.ts';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());

describe('POST /dev/token', () => {
  it('signs a token a reporter can use', async () => {
    const res = await api.call('POST', '/dev/token', { body: { role: 'reporter', orgId: 'kommune-101' } });
    expect(res.status).toBe(200);
    expect((await api.call('GET', '/rounds', { token: res.body.token })).status).toBe(200);
  });

  it('refuses a body that is not JSON, unknown fields, control characters and unknown organisations', async () => {
    const form = await api.call('POST', '/dev/token', { rawBody: 'role=sst-admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const extra = await api.call('POST', '/dev/token', { body: { role: 'sst-admin', admin: true } });
    expect(extra.status).toBe(422);
    expect(extra.body.errors[0].message).toMatch(/Ukendte felter/);
    const nul = await api.call('POST', '/dev/token', { body: { role: 'sst-reader', name: 'a\u0000b' } });
    expect(nul.status).toBe(422);
    const unknown = await api.call('POST', '/dev/token', { body: { role: 'reporter', orgId: 'kommune-999' } });
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });
});
