// A review move on a report that moved on, over HTTP against the local engines, as two SST
// colleagues meet it: one returns the report, its reporter resubmits it, and the other, whose
// page still shows the first version, accepts; or both accept at once. The refusal says in
// Danish what happened meanwhile and by whom, never a word about saving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDanishDateTime } from '#core/danish-time';
import { exampleAnswers } from '../../local/seed.ts';
import { startApi, type Api } from '../support/api.ts';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-360';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.stop());

async function submitted() {
  const round = await api.round(FORM);
  const path = `/rounds/${round.roundId}/submissions/${ORG}`;
  const reporter = await api.as('reporter', ORG);
  const saved = await reporter('PUT', path, { body: { answers: exampleAnswers(FORM, round.formVersion) }, headers: { 'if-match': '"0-new"' } });
  expect(saved.status, saved.text).toBe(200);
  const sent = await reporter('POST', `${path}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(sent.status, sent.text).toBe(200);
  return { path, reporter, etag: sent.headers.get('etag')! };
}

describe('a review move on a report that moved on', () => {
  it('tells the second reviewer that the reporter resubmitted it after they read it, and what to do', async () => {
    const { path, reporter, etag } = await submitted();
    const first = await api.as('sst-admin');
    const second = await api.as('sst-admin');
    expect((await first('POST', `${path}/return`, { body: { comment: 'Udfyld venligst afsnittet om rehabilitering.' }, headers: { 'if-match': etag } })).status).toBe(200);
    const returned = await reporter('GET', path);
    const again = await reporter('POST', `${path}/submit`, { headers: { 'if-match': returned.headers.get('etag')! } });
    expect(again.status, again.text).toBe(200);

    const stale = await second('POST', `${path}/accept`, { headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    const now = (await second('GET', path)).body;
    expect(stale.body).toMatchObject({ type: 'https://statusportalen.sst.dk/problems/edit-conflict', currentStatus: 'submitted', savedBy: now.updatedBy });
    expect(stale.body.detail).toBe(`${now.updatedBy} indsendte indberetningen ${formatDanishDateTime(new Date(now.updatedAt))}, efter du hentede den. Se den nyeste version, før du godkender den.`);
    expect(stale.body.detail).not.toMatch(/gemme/);
    // Nothing changed: the report waits, submitted, for a review of what is in it now.
    expect(now.status).toBe('submitted');
  });

  it('tells the second of two reviewers accepting at once that it is already accepted, by whom and when', async () => {
    const { path, etag } = await submitted();
    const [a, b] = [await api.as('sst-admin'), await api.as('sst-admin')];
    const replies = await Promise.all([a('POST', `${path}/accept`, { headers: { 'if-match': etag } }), b('POST', `${path}/accept`, { headers: { 'if-match': etag } })]);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    const lost = replies.find((r) => r.status !== 200)!;
    const now = (await a('GET', path)).body;
    expect(now.status).toBe('accepted');
    // Both read the report before either accepted: the loser is refused by the version it named
    // (412, the store's conditional write) or, when the winner's accept landed before the loser's
    // read, by the status (409). Either way it reads the same sentence.
    expect([409, 412]).toContain(lost.status);
    expect(lost.body.detail).toBe(`Indberetningen er allerede godkendt af ${now.updatedBy} ${formatDanishDateTime(new Date(now.updatedAt))}.`);
    // Accepting again later, or returning the accepted report as a stale page would: who and when.
    const later = await b('POST', `${path}/accept`, { headers: { 'if-match': etag } });
    expect(later.status).toBe(409);
    expect(later.body).toMatchObject({ type: 'https://statusportalen.sst.dk/problems/invalid-transition', currentStatus: 'accepted' });
    expect(later.body.detail).toBe(`Indberetningen er allerede godkendt af ${now.updatedBy} ${formatDanishDateTime(new Date(now.updatedAt))}.`);
  });

  it('tells a second return that the report is already sent back', async () => {
    const { path, etag } = await submitted();
    const sst = await api.as('sst-admin');
    expect((await sst('POST', `${path}/return`, { body: { comment: 'Mangler tal for 2026.' }, headers: { 'if-match': etag } })).status).toBe(200);
    const twice = await sst('POST', `${path}/return`, { body: { comment: 'Mangler tal for 2026.' }, headers: { 'if-match': etag } });
    expect(twice.status).toBe(409);
    const now = (await sst('GET', path)).body;
    expect(twice.body.detail).toBe(`Indberetningen er allerede sendt retur af ${now.updatedBy} ${formatDanishDateTime(new Date(now.updatedAt))}.`);
  });
});
