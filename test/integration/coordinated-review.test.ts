// What a coordinated round's review says about itself, over HTTP against the local engines: who
// returned a report (Danske Regioner for a contribution, SST otherwise), when a returned report
// was sent again, and that composing never takes a contributor's contact person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';
import type { Round } from '#schemas/api';

const FORM = 'kraeftplan-v-regional';
const DR = 'danske-regioner';
const MIDT = 'region-1082';
const SYD = 'region-1083';
let api: Api;
let admin: Client;
let dr: Client;
let midt: Client;
let syd: Client;

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('sst-admin');
  dr = await api.as('reporter', DR);
  midt = await api.as('reporter', MIDT);
  syd = await api.as('reporter', SYD);
});
afterAll(() => api.stop());

const sub = (roundId: string, orgId: string) => `/rounds/${roundId}/submissions/${orgId}`;
const coordinated = (): Promise<Round> => api.round(FORM, { mode: 'coordinated', coordinator: DR, respondentsAt: '2026-03-31' });

/** Example answers with a contact person of this organisation's own. */
function answersWithContact(name: string, email: string) {
  return { ...exampleAnswers(FORM), kontakt: { navn: name, stilling: `Kontakt for ${name}`, email, telefon: '+45 12 34 56 78' } };
}

async function saveAndSubmit(client: Client, roundId: string, orgId: string, answers: Record<string, unknown>) {
  const current = await client('GET', sub(roundId, orgId));
  const saved = await client('PUT', sub(roundId, orgId), { body: { answers }, headers: { 'if-match': current.headers.get('etag')! } });
  expect(saved.status, saved.text).toBe(200);
  const sent = await client('POST', `${sub(roundId, orgId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(sent.status, sent.text).toBe(200);
  return sent;
}

describe('who returned a report', () => {
  it('names Danske Regioner on a contribution it returned, everywhere the comment is read', async () => {
    const { roundId } = await coordinated();
    await saveAndSubmit(midt, roundId, MIDT, answersWithContact('Mads Midt', 'mads@rm.dk'));
    const back = await dr('POST', `${sub(roundId, MIDT)}/return`, { body: { comment: 'Tilføj barrierer for Viborg.' } });
    expect(back.status, back.text).toBe(200);
    expect(back.body.review).toMatchObject({ byOrgId: DR, byOrgName: 'Danske Regioner' });
    // The region reads who returned it, and so do the coordinator's overview and SST.
    expect((await midt('GET', sub(roundId, MIDT))).body.review).toMatchObject({ comment: 'Tilføj barrierer for Viborg.', byOrgId: DR, byOrgName: 'Danske Regioner' });
    const row = (await dr('GET', `/rounds/${roundId}/contributions`)).body.contributions.find((c: { orgId: string }) => c.orgId === MIDT);
    expect(row.review).toMatchObject({ byOrgId: DR, byOrgName: 'Danske Regioner' });
    // The printed report heads the comments with the organisation that wrote them.
    const print = await midt('GET', `${sub(roundId, MIDT)}/print`);
    expect(print.text).toContain('Bemærkninger fra Danske Regioner');
    expect(print.text).not.toContain('Bemærkninger fra Sundhedsstyrelsen');
  });

  it('names Sundhedsstyrelsen on a report it returned in a direct round, and on the coordinator\'s own', async () => {
    const direct = await api.round(FORM, { respondentsAt: '2026-03-31' });
    await saveAndSubmit(midt, direct.roundId, MIDT, exampleAnswers(FORM));
    const back = await admin('POST', `${sub(direct.roundId, MIDT)}/return`, { body: { comment: 'Uddyb.' } });
    expect(back.body.review).toMatchObject({ byOrgId: 'sst', byOrgName: 'Sundhedsstyrelsen' });
    expect((await midt('GET', `${sub(direct.roundId, MIDT)}/print`)).text).toContain('Bemærkninger fra Sundhedsstyrelsen');

    const { roundId } = await coordinated();
    await saveAndSubmit(dr, roundId, DR, exampleAnswers(FORM));
    const own = await admin('POST', `${sub(roundId, DR)}/return`, { body: { comment: 'Angiv kapaciteten.' } });
    expect(own.body.review).toMatchObject({ byOrgId: 'sst', byOrgName: 'Sundhedsstyrelsen' });
  });
});

describe('a contribution returned and sent again', () => {
  it('shows the latest submission as submittedAt, keeps the first apart, and the overview sees the comment answered', async () => {
    const { roundId } = await coordinated();
    const first = await saveAndSubmit(midt, roundId, MIDT, exampleAnswers(FORM));
    const back = await dr('POST', `${sub(roundId, MIDT)}/return`, { body: { comment: 'Tilføj barrierer.' } });
    expect(back.status, back.text).toBe(200);
    await new Promise((r) => setTimeout(r, 5)); // two submissions a few milliseconds apart, so their times differ
    const again = await saveAndSubmit(midt, roundId, MIDT, { ...exampleAnswers(FORM), initiativer: exampleAnswers(FORM)['initiativer'] });

    expect(again.body.submittedAt > first.body.submittedAt).toBe(true);
    expect(again.body.firstSubmittedAt).toBe(first.body.submittedAt);
    // The time is the second submit's revision's, not the first's.
    const revisions = (await dr('GET', `${sub(roundId, MIDT)}/revisions`)).body.items as { action: string; savedAt: string }[];
    const submits = revisions.filter((r) => r.action === 'submit');
    expect(submits).toHaveLength(2);
    expect(again.body.submittedAt).toBe(submits.at(-1)!.savedAt);
    expect(first.body.submittedAt).toBe(submits[0]!.savedAt);
    // The overview: submitted again after the comment it was returned with.
    const row = (await dr('GET', `/rounds/${roundId}/contributions`)).body.contributions.find((c: { orgId: string }) => c.orgId === MIDT);
    expect(row).toMatchObject({ status: 'submitted', submittedAt: again.body.submittedAt, firstSubmittedAt: first.body.submittedAt });
    expect(row.submittedAt > row.review.at).toBe(true);
  });

  it('does the same in a direct round', async () => {
    const direct = await api.round(FORM, { respondentsAt: '2026-03-31' });
    const first = await saveAndSubmit(syd, direct.roundId, SYD, exampleAnswers(FORM));
    await admin('POST', `${sub(direct.roundId, SYD)}/return`, { body: { comment: 'Uddyb.' } });
    await new Promise((r) => setTimeout(r, 5));
    const again = await saveAndSubmit(syd, direct.roundId, SYD, exampleAnswers(FORM));
    expect(again.body.submittedAt > first.body.submittedAt).toBe(true);
    expect(again.body.firstSubmittedAt).toBe(first.body.submittedAt);
  });
});

describe('composing the coordinator\'s report', () => {
  it('never takes a contributor\'s contact person, even from the only contribution', async () => {
    const { roundId } = await coordinated();
    await saveAndSubmit(midt, roundId, MIDT, answersWithContact('Mads Midt', 'mads@rm.dk'));
    const composed = await dr('POST', `${sub(roundId, DR)}/compose`);
    expect(composed.status, composed.text).toBe(200);
    expect(JSON.stringify(composed.body.answers)).not.toContain('Mads Midt');
    expect(composed.body.answers.kontakt).toBeUndefined();
    // What is summarised still comes in: the initiatives, the region's text under its name.
    expect((composed.body.answers.initiativer as unknown[]).length).toBeGreaterThan(0);
  });

  it('keeps the coordinator\'s own contact person from its draft, also when contributors agree on one', async () => {
    const { roundId } = await coordinated();
    const same = answersWithContact('Fælles Kontakt', 'faelles@example.dk');
    await saveAndSubmit(midt, roundId, MIDT, same);
    await saveAndSubmit(syd, roundId, SYD, same);
    const mine = { navn: 'Dorte Regioner', stilling: 'Konsulent', email: 'dorte@example.dk', telefon: '+45 87 65 43 21' };
    const start = await dr('GET', sub(roundId, DR));
    const draft = await dr('PUT', sub(roundId, DR), { body: { answers: { kontakt: mine } }, headers: { 'if-match': start.headers.get('etag')! } });
    expect(draft.status, draft.text).toBe(200);
    const composed = await dr('POST', `${sub(roundId, DR)}/compose`, { headers: { 'if-match': draft.headers.get('etag')! } });
    expect(composed.status, composed.text).toBe(200);
    expect(composed.body.answers.kontakt).toEqual(mine);
  });
});
