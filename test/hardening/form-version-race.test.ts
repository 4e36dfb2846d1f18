// The form-version switch against submits in flight: the switch may win or the submits may, but
// a round never ends on a version other than the one its submitted reports were checked against.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { startHardened, type Hardened, QUIET } from './support.ts';

let api: Hardened;

beforeAll(async () => {
  api = await startHardened();
});
afterAll(() => api?.stop());

const ORGS = ['kommune-101', 'kommune-147', 'kommune-151'];
const sub = (roundId: string, orgId: string) => `/rounds/${roundId}/submissions/${orgId}`;

/** v1 accepts `{status}`; v2 also requires `nyt_felt`, so a report checked against v2 could not pass with `{status}` alone. */
async function twoVersions(admin: string): Promise<string> {
  const formId = `race-${ulid().toLowerCase().slice(-10)}`;
  const v1 = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title: 'Prøveskema til kapløb',
    properties: { status: { type: 'string', 'x-summary': 'choice', oneOf: [{ const: 'igangsat', title: 'Igangsat' }] } },
    required: ['status'],
  };
  const v2 = { ...v1, properties: { ...v1.properties, nyt_felt: { type: 'string', 'x-summary': 'text' } }, required: ['status', 'nyt_felt'] };
  expect((await api.call('POST', `/forms/${formId}/versions`, { token: admin, body: { schema: v1, respondentKind: 'municipality', plan: 'kraeftplan-v' } })).status).toBe(201);
  expect((await api.call('POST', `/forms/${formId}/versions`, { token: admin, body: { schema: v2 } })).status).toBe(201);
  return formId;
}

describe('form-version switch against submits', () => {
  it('never leaves a round on v2 with a report validated against v1, in 20 races', async () => {
    const admin = await api.token('sst-admin');
    const formId = await twoVersions(admin);
    const outcomes = { switched: 0, submitted: 0 };
    for (let race = 0; race < 20; race++) {
      const round = await api.round(formId, { formVersion: 1, ...QUIET });
      const drafts = await Promise.all(
        ORGS.map(async (orgId) => {
          const token = await api.token('reporter', orgId);
          const saved = await api.call('PUT', sub(round.roundId, orgId), { token, body: { answers: { status: 'igangsat' } } });
          expect(saved.status, saved.text).toBe(200);
          return { orgId, token, etag: saved.headers.get('etag')! };
        }),
      );
      const [switched, ...submits] = await Promise.all([
        api.call('PUT', `/rounds/${round.roundId}/form-version`, { token: admin, body: { version: 2 } }),
        ...drafts.map((d) => api.call('POST', `${sub(round.roundId, d.orgId)}/submit`, { token: d.token, headers: { 'if-match': d.etag } })),
      ]);
      expect([200, 409, 412], switched!.text).toContain(switched!.status);
      for (const s of submits) expect([200, 422], s.text).toContain(s.status);
      const final = (await api.call('GET', `/rounds/${round.roundId}`, { token: admin })).body.formVersion as number;
      if (switched!.status === 200) outcomes.switched++;
      for (const d of drafts) {
        const revisions = (await api.call('GET', `${sub(round.roundId, d.orgId)}/revisions`, { token: d.token })).body.items as { action: string; formVersion?: number }[];
        for (const r of revisions.filter((x) => x.action === 'submit')) {
          outcomes.submitted++;
          // What the submit was checked against, as recorded with it, is the round's version now.
          expect(r.formVersion, `race ${race}: round on v${final}`).toBe(final);
        }
      }
      // v2 needs a field the drafts lack: a submit accepted on a round that is now on v2 was checked against v1.
      if (final === 2) expect(submits.filter((s) => s.status === 200)).toHaveLength(0);
    }
    console.info(`20 races: the switch won ${outcomes.switched}, ${outcomes.submitted} submits were accepted`);
    expect(outcomes.switched + outcomes.submitted).toBeGreaterThan(0);
  }, 240_000);

  it('refuses the switch once a report is submitted, and records the lock on the round', async () => {
    const admin = await api.token('sst-admin');
    const formId = await twoVersions(admin);
    const round = await api.round(formId, { formVersion: 1, ...QUIET });
    const token = await api.token('reporter', ORGS[0]);
    const saved = await api.call('PUT', sub(round.roundId, ORGS[0]!), { token, body: { answers: { status: 'igangsat' } } });
    expect((await api.call('POST', `${sub(round.roundId, ORGS[0]!)}/submit`, { token, headers: { 'if-match': saved.headers.get('etag')! } })).status).toBe(200);
    const read = await api.call('GET', `/rounds/${round.roundId}`, { token: admin });
    expect(read.body.formVersionLockedAt).toEqual(expect.any(String));
    expect((await api.call('PUT', `/rounds/${round.roundId}/form-version`, { token: admin, body: { version: 2 } })).status).toBe(409);
  });
});
