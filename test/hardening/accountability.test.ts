// Who did what is recorded by the stable user id (`sub`), role and organisation, beside the
// display name: a name claim alone can be anyone's, and names change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '../../local/seed.ts';
import { startHardened, type Hardened, QUIET } from './support.ts';

let api: Hardened;

beforeAll(async () => {
  api = await startHardened();
});
afterAll(() => api?.stop());

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-169';

describe('accountability', () => {
  it('records the stable user id, role and organisation of every actor in the history and the revisions SST reads', async () => {
    const round = await api.round(FORM, QUIET);
    const path = `/rounds/${round.roundId}/submissions/${ORG}`;
    // Two people who give the same display name are still told apart.
    const anne = await api.sign({ sub: 'sub-anne-0001', name: 'Anne Jensen', 'cognito:groups': ['reporter'], 'custom:orgId': ORG });
    const other = await api.sign({ sub: 'sub-anne-0002', name: 'Anne Jensen', 'cognito:groups': ['reporter'], 'custom:orgId': ORG });
    const admin = await api.sign({ sub: 'sub-sst-admin-7', name: 'Kim Sørensen', 'cognito:groups': ['sst-admin'] });
    const saved = await api.call('PUT', path, { token: anne, body: { answers: exampleAnswers(FORM) } });
    expect(saved.status, saved.text).toBe(200);
    const submitted = await api.call('POST', `${path}/submit`, { token: other, headers: { 'if-match': saved.headers.get('etag')! } });
    expect(submitted.status, submitted.text).toBe(200);
    expect((await api.call('POST', `${path}/accept`, { token: admin })).status).toBe(200);

    const reader = await api.token('sst-reader');
    const history = (await api.call('GET', `${path}/history`, { token: reader })).body.items;
    expect(history.map((e: Record<string, unknown>) => [e['action'], e['actor'], e['actorId'], e['actorRole'], e['actorOrgId']])).toEqual([
      ['submission.save', 'Anne Jensen', 'sub-anne-0001', 'reporter', ORG],
      ['submission.submit', 'Anne Jensen', 'sub-anne-0002', 'reporter', ORG],
      ['submission.accept', 'Kim Sørensen', 'sub-sst-admin-7', 'sst-admin', 'sst'],
    ]);
    const revisions = (await api.call('GET', `${path}/revisions`, { token: reader })).body.items;
    expect(revisions.map((r: Record<string, unknown>) => [r['savedBy'], r['savedById'], r['savedByRole'], r['savedByOrgId']])).toEqual([
      ['Anne Jensen', 'sub-anne-0001', 'reporter', ORG],
      ['Anne Jensen', 'sub-anne-0002', 'reporter', ORG],
      ['Kim Sørensen', 'sub-sst-admin-7', 'sst-admin', 'sst'],
    ]);
    const one = (await api.call('GET', `${path}/revisions/2`, { token: reader })).body;
    expect(one).toMatchObject({ savedById: 'sub-anne-0002', savedByRole: 'reporter', savedByOrgId: ORG });
    const log = (await api.call('GET', `/audit?from=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&roundId=${round.roundId}&limit=500`, { token: reader })).body.items;
    expect(log.find((e: Record<string, unknown>) => e['subject'] === `round/${round.roundId}/submission/${ORG}` && e['action'] === 'submission.accept')).toMatchObject({ actorId: 'sub-sst-admin-7', actorRole: 'sst-admin' });
  });

  it('records the stable id and role on round and form events too', async () => {
    const admin = await api.sign({ sub: 'sub-sst-admin-8', name: 'Kim Sørensen', 'cognito:groups': ['sst-admin'] });
    const round = await api.round(FORM, QUIET);
    const res = await api.call('PUT', `/rounds/${round.roundId}/reminder-policy`, {
      token: admin,
      body: { atOpening: false, daysBefore: [7], daysAfter: [], repeatEveryDays: null, repeatLimit: 0, hour: 9 },
    });
    expect(res.status, res.text).toBe(200);
    const events = await api.deps.audit.history(`round/${round.roundId}`);
    expect(events.at(-1)).toMatchObject({ actor: 'Kim Sørensen', actorId: 'sub-sst-admin-8', actorRole: 'sst-admin', actorOrgId: 'sst' });
  });
});
