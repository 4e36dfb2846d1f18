// A coordinated round end to end over HTTP against the local engines: five regions contribute to
// Danske Regioner, which returns one, composes its own report and sends it on to SST, who
// returns it and accepts it; with the access rules of both levels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';
import { respondentsAt } from '#core/registry';
import type { Round } from '#schemas/api';

const FORM = 'kraeftplan-v-regional';
const DR = 'danske-regioner';
const REGIONS = respondentsAt('2026-03-31', 'region');
let api: Api;
let admin: Client;
let reader: Client;
let dr: Client;
const region: Record<string, Client> = {};

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('sst-admin');
  reader = await api.as('sst-reader');
  dr = await api.as('reporter', DR);
  for (const id of REGIONS) region[id] = await api.as('reporter', id);
});
afterAll(() => api.stop());

const sub = (roundId: string, orgId: string) => `/rounds/${roundId}/submissions/${orgId}`;
const coordinated = (): Promise<Round> => api.round(FORM, { mode: 'coordinated', coordinator: DR, respondentsAt: '2026-03-31' });

/** The region's own example answers, its name in the free text so composition can be traced. */
function answersOf(orgId: string) {
  const answers = exampleAnswers(FORM);
  const items = answers['initiativer'] as Record<string, unknown>[];
  items[0]!['beskrivelse'] = `Bidrag fra ${orgId}.`;
  return answers;
}

async function contribute(roundId: string, orgId: string) {
  const current = await region[orgId]!('GET', sub(roundId, orgId));
  const saved = await region[orgId]!('PUT', sub(roundId, orgId), { body: { answers: answersOf(orgId) }, headers: { 'if-match': current.headers.get('etag')! } });
  expect(saved.status, saved.text).toBe(200);
  const sent = await region[orgId]!('POST', `${sub(roundId, orgId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(sent.status, sent.text).toBe(200);
  return sent;
}

describe('creating a coordinated round', () => {
  it('shows mode, coordinator and the five regions as contributors', async () => {
    const round = await coordinated();
    const got = await reader('GET', `/rounds/${round.roundId}`);
    expect(got.body).toMatchObject({ mode: 'coordinated', coordinator: DR, contributors: REGIONS, respondents: REGIONS });
    expect(REGIONS).toHaveLength(5);
    const listed = await dr('GET', '/rounds');
    expect(listed.body.items.map((r: Round) => r.roundId)).toContain(round.roundId);
  });

  it('takes the four regions of 2027 after the merger', async () => {
    const round = await api.round(FORM, { mode: 'coordinated', coordinator: DR, respondentsAt: '2027-03-31' });
    expect(round.contributors).toHaveLength(4);
  });

  it('refuses a coordinator that is SST or unknown, and contributors of the wrong kind', async () => {
    const base = { formId: FORM, period: '2026', opensAt: '2026-01-05', deadline: '2026-03-31', mode: 'coordinated' };
    for (const body of [
      { ...base, coordinator: 'sst' },
      { ...base, coordinator: 'no-such-org' },
      { ...base },
      { ...base, coordinator: DR, contributors: ['kommune-101'] },
      { ...base, coordinator: DR, contributors: [REGIONS[0], REGIONS[0]] },
      { formId: FORM, period: '2026', opensAt: '2026-01-05', deadline: '2026-03-31', coordinator: DR },
    ]) {
      const res = await admin('POST', '/rounds', { body: { ...body, roundId: `coord-bad-${Math.random().toString(36).slice(2, 10)}` } });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors[0].pointer).toMatch(/^\/(coordinator|contributors)/);
    }
  });

  it('keeps a round direct by default', async () => {
    const round = await api.round('kraeftplan-v-kommunal');
    expect(round.mode).toBe('direct');
    expect(round.coordinator).toBeUndefined();
  });
});

describe('a coordinated round end to end', () => {
  it('runs from five contributions through Danske Regioner to SST', async () => {
    const { roundId } = await coordinated();
    const [first, second, ...rest] = REGIONS as [string, string, ...string[]];

    // A contribution in progress is the coordinator's to read live, never the other regions'.
    await region[first]!('PUT', sub(roundId, first), { body: { answers: answersOf(first) } });
    expect((await dr('GET', sub(roundId, first))).status).toBe(200);
    expect((await region[second]!('GET', sub(roundId, first))).status).toBe(403);
    expect((await region[second]!('GET', sub(roundId, DR))).status).toBe(403);
    // The coordinator reads but never writes a contribution.
    expect((await dr('PUT', sub(roundId, first), { body: { answers: {} } })).status).toBe(403);
    // SST does not review a contribution: that is the coordinator's.
    expect((await admin('POST', `${sub(roundId, first)}/return`, { body: { comment: 'Nej' } })).status).toBe(403);

    for (const id of REGIONS) await contribute(roundId, id);
    let overview = await dr('GET', `/rounds/${roundId}/contributions`);
    expect(overview.status, overview.text).toBe(200);
    expect(overview.body.contributions.map((c: { status: string }) => c.status)).toEqual(REGIONS.map(() => 'submitted'));
    expect(overview.body.coordinator).toMatchObject({ orgId: DR, status: 'not_started' });
    expect((await region[first]!('GET', `/rounds/${roundId}/contributions`)).status).toBe(403);

    // Danske Regioner returns one contribution with a comment; the region corrects and resubmits.
    const returned = await dr('POST', `${sub(roundId, second)}/return`, { body: { comment: 'Uddyb status for tidlig diagnostik.' } });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', review: { comment: 'Uddyb status for tidlig diagnostik.' } });
    const seen = await region[second]!('GET', sub(roundId, second));
    expect(seen.body.review.comment).toBe('Uddyb status for tidlig diagnostik.');
    const history = await admin('GET', `${sub(roundId, second)}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toContain('submission.return');
    const returnEvent = history.body.items.find((e: { action: string }) => e.action === 'submission.return');
    expect(returnEvent).toMatchObject({ actorOrgId: DR });
    await contribute(roundId, second);
    const accepted = await dr('POST', `${sub(roundId, rest[0]!)}/accept`);
    expect(accepted.status, accepted.text).toBe(200);

    // Completeness shows both levels.
    let status = await reader('GET', `/rounds/${roundId}/status`);
    expect(status.body.coordination).toMatchObject({
      coordinator: DR,
      contributionsExpected: 5,
      contributionsReceived: 5,
      contributionsAccepted: 1,
      report: { status: 'not_started' },
    });

    // Danske Regioner composes: each initiative once, every region's text under its name.
    const composed = await dr('POST', `${sub(roundId, DR)}/compose`);
    expect(composed.status, composed.text).toBe(200);
    expect(composed.body.status).toBe('draft');
    const items = composed.body.answers.initiativer as { initiativ: string; beskrivelse: string }[];
    expect(new Set(items.map((i) => i.initiativ)).size).toBe(items.length);
    const name = (await reader('GET', `/orgs?at=2026-03-31&kind=region`)).body.items.find((o: { id: string }) => o.id === first).name as string;
    expect(items[0]!.beskrivelse).toContain(`${name}: Bidrag fra ${first}.`);
    // The history names the version composed from the contributions, so it can be found to restore.
    const revisions = (await dr('GET', `${sub(roundId, DR)}/revisions`)).body.items as { revision: number; action: string }[];
    expect(revisions.map((r) => r.action)).toEqual(['compose']);
    // The coordinator fills what composition leaves to it, and submits to SST.
    const answers = { ...composed.body.answers, kontakt: exampleAnswers(FORM)['kontakt'] };
    const fixed = answers.initiativer as Record<string, unknown>[];
    const example = exampleAnswers(FORM)['initiativer'] as Record<string, unknown>[];
    for (const item of fixed) Object.assign(item, { ...example.find((e) => e['initiativ'] === item['initiativ']), beskrivelse: item['beskrivelse'] });
    const saved = await dr('PUT', sub(roundId, DR), { body: { answers }, headers: { 'if-match': composed.headers.get('etag')! } });
    expect(saved.status, saved.text).toBe(200);
    const sent = await dr('POST', `${sub(roundId, DR)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    expect(sent.status, sent.text).toBe(200);
    // Contributors never see the coordinator's report; nobody but Danske Regioner writes it.
    expect((await region[first]!('GET', sub(roundId, DR))).status).toBe(403);
    expect((await admin('PUT', sub(roundId, DR), { body: { answers: {} } })).status).toBe(403);
    // The coordinator cannot review its own report: SST does.
    expect((await dr('POST', `${sub(roundId, DR)}/accept`)).status).toBe(403);

    const back = await admin('POST', `${sub(roundId, DR)}/return`, { body: { comment: 'Angiv kapaciteten i strålebehandlingen.' } });
    expect(back.status, back.text).toBe(200);
    const again = await dr('GET', sub(roundId, DR));
    expect(again.body.review.comment).toBe('Angiv kapaciteten i strålebehandlingen.');
    const resent = await dr('POST', `${sub(roundId, DR)}/submit`, { headers: { 'if-match': again.headers.get('etag')! } });
    expect(resent.status, resent.text).toBe(200);
    const final = await admin('POST', `${sub(roundId, DR)}/accept`);
    expect(final.status, final.text).toBe(200);
    expect(final.body.status).toBe('accepted');

    // SST reads both levels.
    expect((await reader('GET', sub(roundId, first))).status).toBe(200);
    overview = await reader('GET', `/rounds/${roundId}/contributions`);
    expect(overview.body.coordinator.status).toBe('accepted');
    status = await reader('GET', `/rounds/${roundId}/status`);
    expect(status.body.coordination.report.status).toBe('accepted');
    expect(status.body.completeness.expected).toBe(5);
  });

  it('gives a coordinator nothing of a round it does not coordinate', async () => {
    const direct = await api.round(FORM, { respondentsAt: '2026-03-31' });
    const other = await api.round(FORM, { mode: 'coordinated', coordinator: 'kl', respondentsAt: '2026-03-31' });
    await region[REGIONS[0]!]!('PUT', sub(other.roundId, REGIONS[0]!), { body: { answers: answersOf(REGIONS[0]!) } });
    expect((await dr('GET', `/rounds/${direct.roundId}`)).status).toBe(404);
    expect((await dr('GET', sub(direct.roundId, REGIONS[0]!))).status).toBe(404);
    expect((await dr('GET', sub(other.roundId, REGIONS[0]!))).status).toBe(404);
    expect((await dr('GET', `/rounds/${other.roundId}/contributions`)).status).toBe(404);
    // KL coordinating is configuration only: its reporters read this round's contributions.
    const kl = await api.as('reporter', 'kl');
    expect((await kl('GET', sub(other.roundId, REGIONS[0]!))).status).toBe(200);
  });
});
