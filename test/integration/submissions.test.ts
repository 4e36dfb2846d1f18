// The reporting loop over HTTP against the real local engines: drafts, ETags, submit,
// reopen, review, revisions and the refusals a reporter can meet on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';
import { addDanishDays } from '#core/danish-time';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-101';
let api: Api;
let reporter: Client;
let admin: Client;

beforeAll(async () => {
  api = await startApi();
  reporter = await api.as('reporter', ORG);
  admin = await api.as('sst-admin');
});
afterAll(() => api.stop());

const path = (roundId: string, orgId = ORG) => `/rounds/${roundId}/submissions/${orgId}`;

describe('a municipal report from first save to acceptance', () => {
  it('starts as not_started with revision 0 and the ETag "0-new", which a first save can name', async () => {
    const round = await api.round(FORM);
    const res = await reporter('GET', path(round.roundId));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'not_started', revision: 0, answers: {}, etag: '"0-new"' });
    expect(res.headers.get('etag')).toBe('"0-new"');
    const saved = await reporter('PUT', path(round.roundId), { body: { answers: {} }, headers: { 'if-match': res.headers.get('etag')! } });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(1);
  });

  it('walks draft → submit → reopen → submit → return → resubmit → accept, keeping every revision', async () => {
    const round = await api.round(FORM);
    const answers = exampleAnswers(FORM);
    const saved = await reporter('PUT', path(round.roundId), { body: { answers } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'draft', revision: 1 });
    const etag1 = saved.headers.get('etag')!;
    expect(etag1).toMatch(/^"1-/);

    const submitted = await reporter('POST', `${path(round.roundId)}/submit`, { headers: { 'if-match': etag1 } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', revision: 2, late: false });
    expect(submitted.body.submittedAt).toBeTruthy();

    const reopened = await reporter('POST', `${path(round.roundId)}/reopen`, { headers: { 'if-match': submitted.headers.get('etag')! } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('draft');

    const again = await reporter('POST', `${path(round.roundId)}/submit`, { headers: { 'if-match': reopened.headers.get('etag')! } });
    expect(again.body.status).toBe('submitted');

    const returned = await admin('POST', `${path(round.roundId)}/return`, {
      body: { comment: 'Uddyb venligst barriererne for rehabilitering.', pointer: '/rehabilitering/barrierer_og_risici' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');

    const seen = await reporter('GET', path(round.roundId));
    expect(seen.body.review).toMatchObject({ comment: 'Uddyb venligst barriererne for rehabilitering.', pointer: '/rehabilitering/barrierer_og_risici' });

    const fixed = { ...answers, rehabilitering: { ...(answers['rehabilitering'] as object), barrierer_og_risici: 'Færre mænd deltager; vi afprøver aftenhold.' } };
    const resaved = await reporter('PUT', path(round.roundId), { body: { answers: fixed }, headers: { 'if-match': seen.headers.get('etag')! } });
    expect(resaved.body.status).toBe('draft');
    const resubmitted = await reporter('POST', `${path(round.roundId)}/submit`, { headers: { 'if-match': resaved.headers.get('etag')! } });
    expect(resubmitted.body.status).toBe('submitted');

    const accepted = await admin('POST', `${path(round.roundId)}/accept`);
    expect(accepted.body).toMatchObject({ status: 'accepted' });

    const refused = await reporter('PUT', path(round.roundId), { body: { answers }, headers: { 'if-match': accepted.headers.get('etag')! } });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('https://statusportalen.sst.dk/problems/already-accepted');

    const revisions = await reporter('GET', `${path(round.roundId)}/revisions`);
    expect(revisions.body.items.map((r: { action: string }) => r.action)).toEqual([
      'save', 'submit', 'reopen', 'submit', 'return', 'save', 'submit', 'accept',
    ]);
    const first = await reporter('GET', `${path(round.roundId)}/revisions/1`);
    expect(first.body.answers).toEqual(answers);
    const sixth = await reporter('GET', `${path(round.roundId)}/revisions/6`);
    expect((sixth.body.answers.rehabilitering as { barrierer_og_risici: string }).barrierer_og_risici).toBe('Færre mænd deltager; vi afprøver aftenhold.');
  });

  it('keeps Danish letters intact through storage', async () => {
    const round = await api.round(FORM);
    const text = 'Æblegrød, øllebrød og Ålborg — “citat” og emoji 🙂';
    await reporter('PUT', path(round.roundId), { body: { answers: { tvaergaaende: { oevrige_bemaerkninger: text } } } });
    const res = await reporter('GET', path(round.roundId));
    expect(res.body.answers.tvaergaaende.oevrige_bemaerkninger).toBe(text);
  });
});

describe('concurrent edits', () => {
  it('requires If-Match once a revision exists (428)', async () => {
    const round = await api.round(FORM);
    await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    const res = await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    expect(res.status).toBe(428);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a save with a stale ETag and says who saved first and when (412)', async () => {
    const round = await api.round(FORM);
    const first = await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    const stale = first.headers.get('etag')!;
    await reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Anne' } } }, headers: { 'if-match': stale } });
    const res = await reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Bo' } } }, headers: { 'if-match': stale } });
    expect(res.status).toBe(412);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/edit-conflict');
    expect(res.body.savedBy).toBe('Indberetter, København');
    expect(res.body.savedAt).toBeTruthy();
    const now = await reporter('GET', path(round.roundId));
    expect(now.body.answers).toEqual({ kontakt: { navn: 'Anne' } });
  });

  it('lets exactly one of two parallel saves on the same ETag win', async () => {
    const round = await api.round(FORM);
    const first = await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    const etag = first.headers.get('etag')!;
    const results = await Promise.all(
      ['Anne', 'Bo', 'Cecilie', 'Dorte'].map((navn) =>
        reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn } } }, headers: { 'if-match': etag } }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(3);
    const now = await reporter('GET', path(round.roundId));
    expect(now.body.revision).toBe(2);
    expect(now.body.answers).toEqual(winners[0]!.body.answers);
    const revisions = await reporter('GET', `${path(round.roundId)}/revisions`);
    expect(revisions.body.items).toHaveLength(2);
  });

  it('refuses a first save naming "0-new" once someone else has created the report, saying who (412)', async () => {
    const round = await api.round(FORM);
    const seen = await reporter('GET', path(round.roundId));
    const colleague = await api.as('reporter', ORG);
    expect((await colleague('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Anne' } } } })).status).toBe(200);
    const res = await reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Bo' } } }, headers: { 'if-match': seen.headers.get('etag')! } });
    expect(res.status).toBe(412);
    expect(res.body).toMatchObject({ type: 'https://statusportalen.sst.dk/problems/edit-conflict', savedBy: 'Indberetter, København', currentRevision: 1 });
    expect(res.body.savedAt).toBeTruthy();
    expect(res.body.currentEtag).toMatch(/^"1-/);
    expect(res.body.detail).not.toMatch(/If-Match|ETag|412/);
    expect((await reporter('GET', path(round.roundId))).body.answers).toEqual({ kontakt: { navn: 'Anne' } });
  });

  it('creates with If-None-Match: * only while no report exists (412 after)', async () => {
    const round = await api.round(FORM);
    const first = await reporter('PUT', path(round.roundId), { body: { answers: {} }, headers: { 'if-none-match': '*' } });
    expect(first.status).toBe(200);
    const second = await reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Bo' } } }, headers: { 'if-none-match': '*' } });
    expect(second.status).toBe(412);
    expect(second.body).toMatchObject({ type: 'https://statusportalen.sst.dk/problems/edit-conflict', currentRevision: 1, currentEtag: first.headers.get('etag') });
  });

  it('lets exactly one of two concurrent conflict-safe first saves win, the other told who was first', async () => {
    for (const headers of [{ 'if-match': '"0-new"' }, { 'if-none-match': '*' }] as Record<string, string>[]) {
      const round = await api.round(FORM);
      const results = await Promise.all(
        ['Anne', 'Bo'].map((navn) => reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn } } }, headers })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const loser = results.find((r) => r.status === 412)!;
      expect(loser.body).toMatchObject({ savedBy: 'Indberetter, København', currentRevision: 1, currentEtag: results.find((r) => r.status === 200)!.headers.get('etag') });
      expect((await reporter('GET', `${path(round.roundId)}/revisions`)).body.items).toHaveLength(1);
    }
  });

  it('asks in plain Danish to fetch the report again when a save or submit names no version (428)', async () => {
    const round = await api.round(FORM);
    await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    const save = await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    expect(save.status).toBe(428);
    expect(save.body.detail).toBe('Hent indberetningen igen, før du gemmer, så ingen andres ændringer overskrives.');
    const submit = await reporter('POST', `${path(round.roundId)}/submit`);
    expect(submit.status).toBe(428);
    for (const res of [save, submit]) expect(`${res.body.title} ${res.body.detail}`).not.toMatch(/If-Match|ETag|428/i);
  });

  it('lets exactly one of two parallel first saves win', async () => {
    const round = await api.round(FORM);
    const results = await Promise.all(
      ['Anne', 'Bo'].map((navn) => reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn } } } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });
});

describe('validation', () => {
  it('accepts a partial draft but refuses wrong types with every error as a pointer (422)', async () => {
    const round = await api.round(FORM);
    const res = await reporter('PUT', path(round.roundId), {
      body: { answers: { rehabilitering: { antal_henviste: 'mange', status: 'måske' }, kontakt: { email: 'lars@' } } },
    });
    expect(res.status).toBe(422);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/rehabilitering/antal_henviste', '/rehabilitering/status']);
    expect(res.body.errors.find((e: { pointer: string }) => e.pointer === '/rehabilitering/antal_henviste').message).toBe('Skal være et helt tal.');
    // The detail names the fields as the form does, never a pointer or a keyword.
    expect(res.body.detail).toMatch(/^Disse felter har en forkert type eller et valg, skemaet ikke kender: .*Rehabilitering og genoptræning › Antal borgere henvist/);
    expect(res.body.detail).not.toContain('/rehabilitering');
    const after = await reporter('GET', path(round.roundId));
    expect(after.body.status).toBe('not_started');
  });

  it('saves a half-typed e-mail address in a draft, so autosave never blocks, and refuses it at submit', async () => {
    const round = await api.round(FORM);
    const answers = { ...exampleAnswers(FORM), kontakt: { navn: 'Lars', email: 'lars.bach@' } };
    const saved = await reporter('PUT', path(round.roundId), { body: { answers } });
    expect(saved.status).toBe(200);
    const res = await reporter('POST', `${path(round.roundId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ pointer: '/kontakt/email', message: 'Skal være en gyldig e-mailadresse.' }]);
  });

  it('refuses to submit an incomplete report and lists what is missing', async () => {
    const round = await api.round(FORM);
    const saved = await reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Anne Ørsted' } } } });
    const res = await reporter('POST', `${path(round.roundId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    expect(res.status).toBe(422);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/rehabilitering');
    expect(pointers).toContain('/kontakt/email');
    expect(res.body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    expect((await reporter('GET', path(round.roundId))).body.status).toBe('draft');
  });

  it('refuses answers over 1 MB with 413 and stores nothing', async () => {
    const round = await api.round(FORM);
    const big = 'æ'.repeat(600_000);
    const res = await reporter('PUT', path(round.roundId), { body: { answers: { tvaergaaende: { oevrige_bemaerkninger: big } } } });
    expect(res.status).toBe(413);
    expect((await reporter('GET', path(round.roundId))).body.revision).toBe(0);
  });

  it('refuses a body that is not JSON (415) and JSON that does not parse (400)', async () => {
    const round = await api.round(FORM);
    const wrongType = await reporter('PUT', path(round.roundId), { rawBody: 'answers=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(wrongType.status).toBe(415);
    const broken = await reporter('PUT', path(round.roundId), { rawBody: '{"answers": {', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body.type).toBe('https://statusportalen.sst.dk/problems/malformed-request');
  });

  it('refuses unknown fields in the request body', async () => {
    const round = await api.round(FORM);
    const res = await reporter('PUT', path(round.roundId), { body: { answers: {}, status: 'accepted' } });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-body');
  });
});

describe('round timing', () => {
  it('refuses a save before the round opens, saying when it opens', async () => {
    const round = await api.round(FORM, { opensAt: addDanishDays(new Date(), 3).toISOString(), deadline: addDanishDays(new Date(), 30).toISOString() });
    const res = await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/round-not-open');
    expect(res.body.detail).toMatch(/åbner/);
  });

  it('refuses a save after the round has closed', async () => {
    const now = new Date();
    const round = await api.round(FORM, {
      opensAt: addDanishDays(now, -30).toISOString(),
      deadline: addDanishDays(now, -10).toISOString(),
      closeAt: addDanishDays(now, -2).toISOString(),
    });
    const res = await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/round-closed');
  });

  it('accepts a submission after the deadline but before close, flagged late', async () => {
    const now = new Date();
    const round = await api.round(FORM, {
      opensAt: addDanishDays(now, -30).toISOString(),
      deadline: addDanishDays(now, -1).toISOString(),
      closeAt: addDanishDays(now, 10).toISOString(),
    });
    const saved = await reporter('PUT', path(round.roundId), { body: { answers: exampleAnswers(FORM) } });
    const res = await reporter('POST', `${path(round.roundId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    expect(res.status).toBe(200);
    expect(res.body.late).toBe(true);
  });
});

describe('deadlines on the report', () => {
  it("shows the round's deadline, and the organisation's extended one as effective once SST grants it", async () => {
    const round = await api.round(FORM);
    const before = await reporter('GET', path(round.roundId));
    expect(before.body).toMatchObject({ deadlineAt: round.deadlineAt, roundDeadlineAt: round.deadlineAt });
    expect(before.body.extension).toBeUndefined();
    const deadline = addDanishDays(new Date(), 45).toISOString().slice(0, 10);
    const granted = await admin('PUT', `/rounds/${round.roundId}/extensions/${ORG}`, { body: { deadline, reason: 'Ny direktør' } });
    expect(granted.status, granted.text).toBe(200);
    const after = await reporter('GET', path(round.roundId));
    expect(after.body.roundDeadlineAt).toBe(round.deadlineAt);
    expect(after.body.extension).toMatchObject({ deadline, reason: 'Ny direktør' });
    expect(after.body.deadlineAt).toBe(after.body.extension.deadlineAt);
    expect(Date.parse(after.body.deadlineAt)).toBeGreaterThan(Date.parse(round.deadlineAt));
    const saved = await reporter('PUT', path(round.roundId), { body: { answers: {} }, headers: { 'if-match': after.headers.get('etag')! } });
    expect(saved.body.deadlineAt).toBe(after.body.deadlineAt);
  });
});

describe('restoring an earlier version', () => {
  it("saves revision 1's answers as a new revision, audited, and keeps the history", async () => {
    const round = await api.round(FORM);
    const first = await reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Anne' } } } });
    const second = await reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Bo' } } }, headers: { 'if-match': first.headers.get('etag')! } });
    const restored = await reporter('POST', `${path(round.roundId)}/revisions/1/restore`, { headers: { 'if-match': second.headers.get('etag')! } });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body).toMatchObject({ status: 'draft', revision: 3, answers: { kontakt: { navn: 'Anne' } } });
    expect(restored.headers.get('etag')).toBe(restored.body.etag);
    const revisions = await reporter('GET', `${path(round.roundId)}/revisions`);
    expect(revisions.body.items.map((r: { action: string }) => r.action)).toEqual(['save', 'save', 'restore']);
    expect((await reporter('GET', `${path(round.roundId)}/revisions/2`)).body.answers).toEqual({ kontakt: { navn: 'Bo' } });
    const history = await reporter('GET', `${path(round.roundId)}/history`);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'submission.restore', detail: { revision: 3, fromRevision: 1, from: 'draft', to: 'draft' } });
  });

  it('needs the current version named (428), refuses a stale one (412) and an unknown revision (404)', async () => {
    const round = await api.round(FORM);
    const first = await reporter('PUT', path(round.roundId), { body: { answers: {} } });
    await reporter('PUT', path(round.roundId), { body: { answers: { kontakt: { navn: 'Bo' } } }, headers: { 'if-match': first.headers.get('etag')! } });
    const missing = await reporter('POST', `${path(round.roundId)}/revisions/1/restore`);
    expect(missing.status).toBe(428);
    expect(missing.body.detail).not.toMatch(/If-Match|ETag/);
    expect((await reporter('POST', `${path(round.roundId)}/revisions/1/restore`, { headers: { 'if-match': first.headers.get('etag')! } })).status).toBe(412);
    const now = await reporter('GET', path(round.roundId));
    const unknown = await reporter('POST', `${path(round.roundId)}/revisions/9/restore`, { headers: { 'if-match': now.headers.get('etag')! } });
    expect(unknown.status).toBe(404);
    expect((await reporter('GET', path(round.roundId))).body.revision).toBe(2);
  });

  it('refuses while the report is submitted, with a Danish reason (409)', async () => {
    const round = await api.round(FORM);
    const saved = await reporter('PUT', path(round.roundId), { body: { answers: exampleAnswers(FORM) } });
    const submitted = await reporter('POST', `${path(round.roundId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    const res = await reporter('POST', `${path(round.roundId)}/revisions/1/restore`, { headers: { 'if-match': submitted.headers.get('etag')! } });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-transition');
    expect(res.body.detail).toMatch(/indsendt/);
  });
});
