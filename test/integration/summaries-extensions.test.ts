// Lateness in the summaries follows deadline extensions the way the submission view does: an
// extension SST grants after a late submission makes it on time in the live status and in the
// summary (and a stored build made before the extension is not served as current), while an
// extension that ended before the report was sent leaves it late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';
import { addDanishDays } from '#core/danish-time';
import type { Round } from '#schemas/api';

const FORM = 'kraeftplan-v-regional';
let api: Api;
let reader: Client;
let admin: Client;

beforeAll(async () => {
  api = await startApi();
  reader = await api.as('sst-reader');
  admin = await api.as('sst-admin');
});
afterAll(() => api.stop());

/** Open since ten days, deadline a day ago, closing in a month: every submission now is late. */
function pastDeadlineRound(): Promise<Round> {
  const now = new Date();
  return api.round(FORM, {
    opensAt: addDanishDays(now, -10).toISOString(),
    deadline: new Date(now.getTime() - 24 * 3_600_000).toISOString(),
    closeAt: addDanishDays(now, 30).toISOString(),
  });
}

async function submit(round: Round, orgId: string): Promise<{ submittedAt: string; late: boolean }> {
  const reporter = await api.as('reporter', orgId);
  const path = `/rounds/${round.roundId}/submissions/${orgId}`;
  const saved = await reporter('PUT', path, { body: { answers: exampleAnswers(FORM) } });
  expect(saved.status).toBe(200);
  const submitted = await reporter('POST', `${path}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(submitted.status).toBe(200);
  return submitted.body;
}

const row = (completeness: { organisations: { orgId: string; late?: boolean }[] }, orgId: string) => completeness.organisations.find((o) => o.orgId === orgId);

describe('lateness and deadline extensions in the summaries', () => {
  it('counts a late report on time once SST extends its deadline past the submission', async () => {
    const round = await pastDeadlineRound();
    const [extended, other] = round.respondents as [string, string];
    expect((await submit(round, extended)).late).toBe(true);
    expect((await submit(round, other)).late).toBe(true);

    const before = await reader('GET', `/rounds/${round.roundId}/summary`);
    expect(before.status).toBe(200);
    expect(before.body.completeness).toMatchObject({ reported: 2, onTime: 0, late: 2, timelinessRate: 0 });

    const granted = await admin('PUT', `/rounds/${round.roundId}/extensions/${extended}`, {
      body: { deadline: addDanishDays(new Date(), 5).toISOString(), reason: 'Forlænget efter aftale' },
    });
    expect(granted.status).toBe(200);

    const status = await reader('GET', `/rounds/${round.roundId}/status`);
    expect(status.body.completeness).toMatchObject({ reported: 2, onTime: 1, late: 1, timelinessRate: 20 });
    expect(row(status.body.completeness, extended)?.late).toBe(false);
    expect(row(status.body.completeness, other)?.late).toBe(true);

    const after = await reader('GET', `/rounds/${round.roundId}/summary`);
    expect(after.headers.get('x-summary-source')).toBe('built');
    expect(after.body.contentHash).not.toBe(before.body.contentHash);
    expect(after.body.completeness).toMatchObject({ reported: 2, onTime: 1, late: 1 });
    expect(row(after.body.completeness, extended)?.late).toBe(false);
    const region = after.body.completeness.byRegion.find((r: { regionId: string }) => r.regionId === extended);
    expect(region).toMatchObject({ onTime: 1, late: 0 });

    // The submission view and the summary tell the organisation the same thing.
    const view = await (await api.as('reporter', extended))('GET', `/rounds/${round.roundId}/submissions/${extended}`);
    expect(view.body.late).toBe(false);
    expect((await reader('GET', `/rounds/${round.roundId}/summary`)).headers.get('x-summary-source')).toBe('stored');
  });

  it('leaves a report late when its extension ended before it was sent', async () => {
    const round = await pastDeadlineRound();
    const orgId = round.respondents[0]!;
    const sent = await submit(round, orgId);
    expect(sent.late).toBe(true);
    const endedBefore = new Date(Date.parse(sent.submittedAt) - 3_600_000).toISOString();
    const granted = await admin('PUT', `/rounds/${round.roundId}/extensions/${orgId}`, { body: { deadline: endedBefore, reason: 'For sent' } });
    expect(granted.status).toBe(200);

    const status = await reader('GET', `/rounds/${round.roundId}/status`);
    expect(status.body.completeness).toMatchObject({ reported: 1, onTime: 0, late: 1 });
    const summary = await reader('GET', `/rounds/${round.roundId}/summary`);
    expect(summary.body.completeness).toMatchObject({ reported: 1, onTime: 0, late: 1 });
    expect(row(summary.body.completeness, orgId)?.late).toBe(true);
  });
});
