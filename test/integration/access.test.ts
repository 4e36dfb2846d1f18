// A reporter is bound to one organisation. Generated from the route table, so a route added
// later is covered the day it is added: on every route that names an organisation, a reporter
// asking for another organisation's data is refused and learns nothing, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../support/api.ts';
import { ROUTES, type RouteSpec } from '#functions/routes';
import { exampleAnswers } from '../../local/seed.ts';
import type { Round } from '#schemas/api';

const FORM = 'kraeftplan-v-kommunal';
const OWN = 'kommune-101';
const OTHER = 'kommune-147';
const MARKER = 'HEMMELIGT-FREDERIKSBERG-7f3a';

let api: Api;
let own: Client;
let other: Client;
let round: Round;

/** Bodies that would pass validation, so a refusal cannot hide behind a 422. */
const SAMPLE_BODIES: Record<string, unknown> = {
  saveDraft: { answers: { kontakt: { navn: 'Indtrænger' } } },
  returnSubmission: { comment: 'x' },
  reopen: { reason: 'x' },
  requestUpload: { fileName: 'a.pdf', contentType: 'application/pdf', size: 5 },
  putContacts: { emails: ['indtraenger@example.dk'] },
  grantExtension: { deadline: '2099-12-31', reason: 'x' },
};

beforeAll(async () => {
  api = await startApi();
  own = await api.as('reporter', OWN);
  other = await api.as('reporter', OTHER);
  round = await api.round(FORM);
  const answers = exampleAnswers(FORM);
  (answers['tvaergaaende'] as Record<string, string>)['oevrige_bemaerkninger'] = MARKER;
  const saved = await other('PUT', `/rounds/${round.roundId}/submissions/${OTHER}`, { body: { answers } });
  expect(saved.status).toBe(200);
  await other('POST', `/rounds/${round.roundId}/submissions/${OTHER}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
});
afterAll(() => api.stop());

function fill(route: RouteSpec): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'roundId') return round.roundId;
    if (name === 'orgId') return OTHER;
    if (name === 'formId') return FORM;
    if (name === 'revision' || name === 'version' || name === 'other') return '1';
    return 'x';
  });
}

const orgRoutes = (ROUTES as readonly RouteSpec[]).filter((r) => r.path.includes('{orgId}') && !r.localOnly);

describe("a reporter and another organisation's data", () => {
  it('has routes to check', () => {
    expect(orgRoutes.length).toBeGreaterThanOrEqual(8);
  });

  for (const route of orgRoutes) {
    it(`is refused on ${route.method} ${route.path}`, async () => {
      const before = await other('GET', `/rounds/${round.roundId}/submissions/${OTHER}`);
      const res = await own(route.method, fill(route), {
        ...(route.method === 'GET' ? {} : { body: SAMPLE_BODIES[route.operationId] ?? {} }),
        headers: { 'if-match': before.headers.get('etag') ?? '*' },
      });
      expect([403, 404]).toContain(res.status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.text).not.toContain(MARKER);
      const after = await other('GET', `/rounds/${round.roundId}/submissions/${OTHER}`);
      expect(after.body.revision).toBe(before.body.revision);
      expect(after.body.status).toBe(before.body.status);
    });
  }
});

describe('rounds a reporter does not answer', () => {
  it('are invisible: not listed and 404 when asked for', async () => {
    const regional = await api.round('kraeftplan-v-regional');
    const list = await own('GET', '/rounds');
    expect(list.body.items.map((r: Round) => r.roundId)).not.toContain(regional.roundId);
    expect(list.body.items.map((r: Round) => r.roundId)).toContain(round.roundId);
    const res = await own('GET', `/rounds/${regional.roundId}`);
    expect(res.status).toBe(404);
    const sub = await own('GET', `/rounds/${regional.roundId}/submissions/region-1084`);
    expect(sub.status).toBe(404);
  });
});

describe('roles', () => {
  it('lets SST readers read any report but not change it', async () => {
    const reader = await api.as('sst-reader');
    const read = await reader('GET', `/rounds/${round.roundId}/submissions/${OTHER}`);
    expect(read.status).toBe(200);
    expect(read.text).toContain(MARKER);
    const write = await reader('POST', `/rounds/${round.roundId}/submissions/${OTHER}/accept`);
    expect(write.status).toBe(403);
  });

  it('keeps SST administrators from filling in an organisation\'s report', async () => {
    const admin = await api.as('sst-admin');
    const res = await admin('PUT', `/rounds/${round.roundId}/submissions/${OWN}`, { body: { answers: {} } });
    expect(res.status).toBe(403);
  });

  it('keeps reporters from publishing forms and opening rounds', async () => {
    const publish = await own('POST', `/forms/${FORM}/versions`, { body: { schema: { type: 'object' } } });
    expect(publish.status).toBe(403);
    const open = await own('POST', '/rounds', { body: { formId: FORM, period: '2031', opensAt: '2031-01-01', deadline: '2031-03-31' } });
    expect(open.status).toBe(403);
  });

  it('answers 401 without a token and with a forged one', async () => {
    const none = await api.call('GET', '/rounds');
    expect(none.status).toBe(401);
    const token = await api.token('reporter', OWN);
    const [h, p] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, 'custom:orgId': OTHER })).toString('base64url');
    const forged = await api.call('GET', `/rounds/${round.roundId}/submissions/${OTHER}`, { token: `${h}.${forgedPayload}.${token.split('.')[2]}` });
    expect(forged.status).toBe(401);
    expect(forged.text).not.toContain(MARKER);
  });
});
