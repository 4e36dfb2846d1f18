// The review loop, the audit trail, revision diffs, carry-forward across form versions and
// form evolution, over HTTP against the real local engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';
import type { SubmissionHead } from '#core/ports';
import { getSubmission, prefill } from '#core/submissions-service';
import { Problem } from '#core/problems';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-751';
let api: Api;
let reporter: Client;
let admin: Client;
let reader: Client;

beforeAll(async () => {
  api = await startApi();
  reporter = await api.as('reporter', ORG);
  admin = await api.as('sst-admin');
  reader = await api.as('sst-reader');
});
afterAll(() => api.stop());

const sub = (roundId: string, orgId = ORG) => `/rounds/${roundId}/submissions/${orgId}`;

async function submitted(roundId: string) {
  const saved = await reporter('PUT', sub(roundId), { body: { answers: exampleAnswers(FORM) } });
  const res = await reporter('POST', `${sub(roundId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(res.status).toBe(200);
  return res;
}

describe('review transitions', () => {
  it('refuses each illegal move with 409 and changes nothing', async () => {
    const round = await api.round(FORM);
    await reporter('PUT', sub(round.roundId), { body: { answers: {} } });
    const draftAccept = await admin('POST', `${sub(round.roundId)}/accept`);
    expect(draftAccept.status).toBe(409);
    expect(draftAccept.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-transition');
    const draftReturn = await admin('POST', `${sub(round.roundId)}/return`, { body: { comment: 'Nej' } });
    expect(draftReturn.status).toBe(409);
    const draftReopen = await reporter('POST', `${sub(round.roundId)}/reopen`, { headers: { 'if-match': '*' } });
    expect(draftReopen.status).toBe(409);
    expect((await reporter('GET', sub(round.roundId))).body).toMatchObject({ status: 'draft', revision: 1 });
  });

  it('keeps an accepted report final until SST reopens it with a reason', async () => {
    const round = await api.round(FORM);
    await submitted(round.roundId);
    await admin('POST', `${sub(round.roundId)}/accept`);
    const byReporter = await reporter('POST', `${sub(round.roundId)}/reopen`, { headers: { 'if-match': '*' } });
    expect(byReporter.status).toBe(409);
    expect(byReporter.body.type).toBe('https://statusportalen.sst.dk/problems/already-accepted');
    const noReason = await admin('POST', `${sub(round.roundId)}/reopen`, { body: {} });
    expect(noReason.status).toBe(422);
    const reopened = await admin('POST', `${sub(round.roundId)}/reopen`, { body: { reason: 'Tallene for palliation skal rettes efter revision.' } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('returned');
    expect(reopened.body.review.comment).toBe('Tallene for palliation skal rettes efter revision.');
    const acceptAgain = await admin('POST', `${sub(round.roundId)}/accept`);
    expect(acceptAgain.status).toBe(409);
  });

  it('refuses a return without a comment', async () => {
    const round = await api.round(FORM);
    await submitted(round.roundId);
    const res = await admin('POST', `${sub(round.roundId)}/return`, { body: { comment: '   ' } });
    expect(res.status).toBe(422);
  });
});

describe('the audit trail', () => {
  it('records every action with actor, organisation and time, oldest first', async () => {
    const round = await api.round(FORM);
    await submitted(round.roundId);
    await admin('POST', `${sub(round.roundId)}/return`, { body: { comment: 'Uddyb afsnittet om palliation.' } });
    const history = await reporter('GET', `${sub(round.roundId)}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['submission.save', 'submission.submit', 'submission.return']);
    const [save, , ret] = history.body.items;
    expect(save).toMatchObject({ actor: 'Indberetter, Aarhus', actorOrgId: ORG, orgId: ORG, roundId: round.roundId });
    expect(ret).toMatchObject({ actor: 'SST administrator', actorOrgId: 'sst', detail: { comment: 'Uddyb afsnittet om palliation.', from: 'submitted', to: 'returned' } });
  });

  it('is visible SST-wide by time, a page at a time, and not to reporters', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const round = await api.round(FORM);
    await submitted(round.roundId);
    const to = new Date(Date.now() + 1000).toISOString();
    const q = (extra = '') => `/audit?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${extra}`;
    const all = await reader('GET', q('&limit=500'));
    expect(all.status).toBe(200);
    const mine = all.body.items.filter((e: { roundId?: string }) => e.roundId === round.roundId).map((e: { action: string }) => e.action);
    expect(mine).toEqual(['round.create', 'submission.save', 'submission.submit']);
    const firstPage = await reader('GET', q('&limit=1'));
    expect(firstPage.body.items).toHaveLength(1);
    expect(firstPage.body.next).toBeTruthy();
    const secondPage = await reader('GET', q(`&limit=1&cursor=${firstPage.body.next}`));
    expect(secondPage.body.items[0].id).not.toBe(firstPage.body.items[0].id);
    expect((await reporter('GET', q())).status).toBe(403);
  });

  it('has no route that edits or deletes an event', async () => {
    const { ROUTES } = await import('#functions/routes');
    const writes = ROUTES.filter((r) => (r.path.startsWith('/audit') || r.path.endsWith('/history')) && r.method !== 'GET');
    expect(writes).toEqual([]);
  });

  it('writes the change and its event together or not at all', async () => {
    const round = await api.round(FORM);
    const { submissions } = api.deps;
    const contentKey = await submissions.putContent(round.roundId, ORG, 1, {});
    const head: SubmissionHead = {
      roundId: round.roundId,
      orgId: ORG,
      status: 'draft',
      revision: 1,
      etag: '1-fault',
      contentKey,
      updatedAt: new Date().toISOString(),
      updatedBy: 'Test',
    };
    // The fault: an event DynamoDB refuses (over its 400 KB item limit) in the same step as the change.
    const oversized = { at: head.updatedAt, id: ulid(), actor: 'Test', actorOrgId: ORG, action: 'submission.save', subject: `round/${round.roundId}/submission/${ORG}`, detail: { blob: 'x'.repeat(450_000) } };
    await expect(
      submissions.commit({
        head,
        expectedEtag: undefined,
        revision: { roundId: round.roundId, orgId: ORG, revision: 1, action: 'save', status: 'draft', savedAt: head.updatedAt, savedBy: 'Test', contentKey },
        event: oversized,
      }),
    ).rejects.toThrow();
    expect(await submissions.getHead(round.roundId, ORG)).toBeUndefined();
    expect(await submissions.listRevisions(round.roundId, ORG)).toEqual([]);
    expect(await api.deps.audit.history(`round/${round.roundId}/submission/${ORG}`)).toEqual([]);
  });
});

describe('revision diffs', () => {
  it('lists the fields changed between two revisions with old and new values', async () => {
    const round = await api.round(FORM);
    const first = await reporter('PUT', sub(round.roundId), { body: { answers: { kontakt: { navn: 'Jens' }, palliation: { antal_borgere_palliation: 10 } } } });
    await reporter('PUT', sub(round.roundId), {
      body: { answers: { kontakt: { navn: 'Jens Ægidius' }, palliation: { antal_borgere_palliation: 10, status: 'igangsat' } } },
      headers: { 'if-match': first.headers.get('etag')! },
    });
    const diff = await reader('GET', `${sub(round.roundId)}/revisions/1/diff/2`);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual([
      { pointer: '/kontakt/navn', change: 'changed', old: 'Jens', new: 'Jens Ægidius' },
      { pointer: '/palliation/status', change: 'added', new: 'igangsat' },
    ]);
  });
});

describe('carry-forward and form evolution', () => {
  async function twoVersionForm() {
    const formId = `cf-${ulid().toLowerCase().slice(-10)}`;
    const base = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Prøveskema til overførsel',
      properties: {
        status: { type: 'string', 'x-summary': 'choice', oneOf: [{ const: 'igangsat', title: 'Igangsat' }, { const: 'udgaaet', title: 'Udgået' }] },
        beskrivelse: { type: 'string', 'x-summary': 'text' },
        gammelt_felt: { type: 'string', 'x-summary': 'text' },
      },
      required: ['status'],
    };
    const v1 = await admin('POST', `/forms/${formId}/versions`, { body: { schema: base, respondentKind: 'municipality', plan: 'kraeftplan-v' } });
    expect(v1.status).toBe(201);
    const { gammelt_felt: _removed, ...kept } = base.properties;
    const v2 = await admin('POST', `/forms/${formId}/versions`, {
      body: { schema: { ...base, properties: { ...kept, status: { ...kept.status, oneOf: [kept.status.oneOf[0]] }, nyt_felt: { type: 'integer', 'x-summary': 'number' } } } },
    });
    expect(v2.body.changes).toEqual(expect.arrayContaining([{ pointer: '/gammelt_felt', change: 'removed', from: 'string' }, { pointer: '/nyt_felt', change: 'added', to: 'integer' }]));
    return formId;
  }

  it("starts this year's draft from last year's accepted answers, reporting the removed field", async () => {
    const formId = await twoVersionForm();
    const lastYear = await api.round(formId, { period: '2025', formVersion: 1, opensAt: '2025-01-01', deadline: '2025-12-31', respondentsAt: '2025-06-01' });
    // Last year's round is over; write its accepted report through the core, as it was then.
    const previousAnswers = { status: 'udgaaet', beskrivelse: 'Sidste års tekst om rehabilitering på Ærø.', gammelt_felt: 'Fjernes i år' };
    const { submissions } = api.deps;
    const contentKey = await submissions.putContent(lastYear.roundId, ORG, 1, previousAnswers);
    const at = '2025-12-01T10:00:00.000Z';
    await submissions.commit({
      head: { roundId: lastYear.roundId, orgId: ORG, status: 'accepted', revision: 1, etag: '1-seeded', contentKey, updatedAt: at, updatedBy: 'SST', submittedAt: at, late: false },
      expectedEtag: undefined,
      revision: { roundId: lastYear.roundId, orgId: ORG, revision: 1, action: 'accept', status: 'accepted', savedAt: at, savedBy: 'SST', contentKey },
      event: { at, id: ulid(), actor: 'SST', actorOrgId: 'sst', action: 'submission.accept', subject: `round/${lastYear.roundId}/submission/${ORG}` },
    });
    const thisYear = await api.round(formId, { formVersion: 2 });
    const res = await reporter('POST', `${sub(thisYear.roundId)}/prefill`);
    expect(res.status).toBe(201);
    expect(res.body.carriedFrom).toEqual({ roundId: lastYear.roundId, revision: 1, orgId: ORG, orgName: 'Aarhus' });
    expect(res.body.submission.answers).toEqual({ beskrivelse: 'Sidste års tekst om rehabilitering på Ærø.' });
    expect(res.body.dropped).toEqual(
      expect.arrayContaining([
        { pointer: '/gammelt_felt', reason: 'not-in-form', value: 'Fjernes i år' },
        { pointer: '/status', reason: 'invalid', value: 'udgaaet' },
      ]),
    );
    expect(res.body.submission.status).toBe('draft');
    const again = await reporter('POST', `${sub(thisYear.roundId)}/prefill`);
    expect(again.status).toBe(409);
    // Naming the not-started version says what happened: someone started the report first.
    const raced = await reporter('POST', `${sub(thisYear.roundId)}/prefill`, { headers: { 'if-match': '"0-new"' } });
    expect(raced.status).toBe(412);
    expect(raced.body).toMatchObject({ type: 'https://statusportalen.sst.dk/problems/edit-conflict', currentRevision: 1 });
  });

  it("starts Region Østdanmark's first report from the predecessor it names, and says whose answers they are", async () => {
    const formId = `cf-${ulid().toLowerCase().slice(-10)}`;
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Prøveskema til regionernes overførsel',
      properties: { beskrivelse: { type: 'string', 'x-summary': 'text' } },
    };
    expect((await admin('POST', `/forms/${formId}/versions`, { body: { schema, respondentKind: 'region', plan: 'kraeftplan-v' } })).status).toBe(201);
    const lastYear = await api.round(formId, { period: '2026', opensAt: '2026-01-01', deadline: '2026-03-31', respondentsAt: '2026-06-01' });
    expect(lastYear.respondents).toEqual(expect.arrayContaining(['region-1084', 'region-1085']));
    const { submissions } = api.deps;
    const at = '2026-03-20T10:00:00.000Z';
    for (const [orgId, text] of [['region-1084', 'Hovedstadens status på palliation.'], ['region-1085', 'Sjællands status på palliation.']] as const) {
      const contentKey = await submissions.putContent(lastYear.roundId, orgId, 1, { beskrivelse: text });
      await submissions.commit({
        head: { roundId: lastYear.roundId, orgId, status: 'accepted', revision: 1, etag: '1-seeded', contentKey, updatedAt: at, updatedBy: 'SST', submittedAt: at, late: false },
        expectedEtag: undefined,
        revision: { roundId: lastYear.roundId, orgId, revision: 1, action: 'accept', status: 'accepted', savedAt: at, savedBy: 'SST', contentKey },
        event: { at, id: ulid(), actor: 'SST', actorOrgId: 'sst', action: 'submission.accept', subject: `round/${lastYear.roundId}/submission/${orgId}` },
      });
    }
    const thisYear = await api.round(formId, { period: '2027', deadline: '2027-03-31', respondentsAt: '2027-06-01' });
    expect(thisYear.respondents).toContain('region-oestdanmark');
    // Østdanmark's reporters can log in from 2027-01-01 only, so its side runs through the core at a 2027 clock.
    const deps = { ...api.deps, clock: { now: () => new Date('2027-02-01T09:00:00.000Z') } };
    const oest = { subject: `oest-${ulid()}`, name: 'Østdanmarks indberetter', role: 'reporter' as const, orgId: 'region-oestdanmark', scopes: [] };
    const path = sub(thisYear.roundId, 'region-oestdanmark');

    // No answers of its own and two predecessors: it must choose, and is told the choices.
    const unchosen = await prefill(deps, oest, thisYear.roundId, 'region-oestdanmark').catch((e: unknown) => e);
    expect(unchosen).toBeInstanceOf(Problem);
    expect((unchosen as Problem).code).toBe('invalid-body');
    expect((unchosen as Problem).message).toContain('Region Hovedstaden (region-1084) eller Region Sjælland (region-1085)');
    // Only a predecessor: not another region, even one in the same form.
    await expect(prefill(deps, oest, thisYear.roundId, 'region-oestdanmark', undefined, 'region-1081')).rejects.toMatchObject({ code: 'invalid-body' });

    const res = await prefill(deps, oest, thisYear.roundId, 'region-oestdanmark', undefined, 'region-1085');
    expect(res.carriedFrom).toEqual({ roundId: lastYear.roundId, revision: 1, orgId: 'region-1085', orgName: 'Region Sjælland' });
    expect(res.submission).toMatchObject({ orgId: 'region-oestdanmark', status: 'draft', answers: { beskrivelse: 'Sjællands status på palliation.' } });
    const [revision] = await submissions.listRevisions(thisYear.roundId, 'region-oestdanmark');
    expect(revision).toMatchObject({ action: 'prefill' });
    const sstView = await admin('GET', `${path}/history`);
    expect(sstView.status).toBe(200);
    expect(JSON.stringify(sstView.body)).toContain('"fromOrg":"region-1085"');
    // A predecessor is not a way into another organisation's report: Hovedstaden cannot start Østdanmark's.
    const hovedstaden = await api.as('reporter', 'region-1084');
    // Like any other organisation's report, it does not exist for Hovedstaden's reporters (404).
    expect((await hovedstaden('POST', `${path}/prefill`, { body: { from: 'region-1084' } })).status).toBe(404);
  });

  it("starts Region Østdanmark's first report from both predecessors at once: each initiative once, each text with its origin named", async () => {
    const formId = `cfb-${ulid().toLowerCase().slice(-10)}`;
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Prøveskema til to forgængeres svar',
      properties: {
        initiativer: {
          type: 'array',
          'x-item-key': 'initiativ',
          items: {
            type: 'object',
            properties: { initiativ: { type: 'string', enum: ['palliation', 'rehabilitering'] }, beskrivelse: { type: 'string', maxLength: 4000 } },
          },
        },
      },
    };
    expect((await admin('POST', `/forms/${formId}/versions`, { body: { schema, respondentKind: 'region', plan: 'kraeftplan-v' } })).status).toBe(201);
    const lastYear = await api.round(formId, { period: '2026', opensAt: '2026-01-01', deadline: '2026-03-31', respondentsAt: '2026-06-01' });
    const { submissions } = api.deps;
    const at = '2026-03-20T10:00:00.000Z';
    const previous = {
      'region-1084': { initiativer: [{ initiativ: 'palliation', beskrivelse: 'Hovedstaden: palliativt team i hver klynge.' }] },
      'region-1085': {
        initiativer: [
          { initiativ: 'palliation', beskrivelse: 'Sjælland: udgående palliation.' },
          { initiativ: 'rehabilitering', beskrivelse: 'Sjælland: rehabilitering i kommunerne.' },
        ],
      },
    };
    for (const [orgId, answers] of Object.entries(previous)) {
      const contentKey = await submissions.putContent(lastYear.roundId, orgId, 1, answers);
      await submissions.commit({
        head: { roundId: lastYear.roundId, orgId, status: 'accepted', revision: 1, etag: '1-seeded', contentKey, updatedAt: at, updatedBy: 'SST', submittedAt: at, late: false },
        expectedEtag: undefined,
        revision: { roundId: lastYear.roundId, orgId, revision: 1, action: 'accept', status: 'accepted', savedAt: at, savedBy: 'SST', contentKey },
        event: { at, id: ulid(), actor: 'SST', actorOrgId: 'sst', action: 'submission.accept', subject: `round/${lastYear.roundId}/submission/${orgId}` },
      });
    }
    const thisYear = await api.round(formId, { period: '2027', deadline: '2027-03-31', respondentsAt: '2027-06-01' });
    const deps = { ...api.deps, clock: { now: () => new Date('2027-02-01T09:00:00.000Z') } };
    const oest = { subject: `oest-${ulid()}`, name: 'Østdanmarks indberetter', role: 'reporter' as const, orgId: 'region-oestdanmark', scopes: [] };

    // The report not yet started names whose answers it may start from.
    const fresh = await getSubmission(deps, oest, thisYear.roundId, 'region-oestdanmark');
    expect(fresh.predecessors).toEqual([
      { orgId: 'region-1084', name: 'Region Hovedstaden' },
      { orgId: 'region-1085', name: 'Region Sjælland' },
    ]);
    // A list must name predecessors only, each once.
    await expect(prefill(deps, oest, thisYear.roundId, 'region-oestdanmark', undefined, ['region-1084', 'region-oestdanmark'])).rejects.toMatchObject({ code: 'invalid-body' });
    await expect(prefill(deps, oest, thisYear.roundId, 'region-oestdanmark', undefined, ['region-1084', 'region-1084'])).rejects.toMatchObject({ code: 'invalid-body' });

    const res = await prefill(deps, oest, thisYear.roundId, 'region-oestdanmark', undefined, ['region-1084', 'region-1085']);
    expect(res.combined?.map((c) => c.orgId)).toEqual(['region-1084', 'region-1085']);
    expect(res.carriedFrom.orgId).toBe('region-1084');
    expect(res.submission.answers).toEqual({
      initiativer: [
        { initiativ: 'palliation', beskrivelse: 'Region Hovedstaden: Hovedstaden: palliativt team i hver klynge.\n\nRegion Sjælland: Sjælland: udgående palliation.' },
        { initiativ: 'rehabilitering', beskrivelse: 'Region Sjælland: Sjælland: rehabilitering i kommunerne.' },
      ],
    });
    expect(res.submission.predecessors).toBeUndefined();
    const history = await admin('GET', `${sub(thisYear.roundId, 'region-oestdanmark')}/history`);
    const event = history.body.items.find((e: { action: string }) => e.action === 'submission.prefill');
    expect(event.detail.fromOrgs.map((f: { orgId: string }) => f.orgId)).toEqual(['region-1084', 'region-1085']);
  });

  it('answers 404 when there is no accepted report to start from', async () => {
    const formId = await twoVersionForm();
    const round = await api.round(formId, { formVersion: 2 });
    expect((await reporter('POST', `${sub(round.roundId)}/prefill`)).status).toBe(404);
  });

  it("refuses to restore a version whose answers the round's current form version no longer accepts (422)", async () => {
    const formId = await twoVersionForm();
    const round = await api.round(formId, { formVersion: 1 });
    const first = await reporter('PUT', sub(round.roundId), { body: { answers: { status: 'udgaaet' } } });
    const second = await reporter('PUT', sub(round.roundId), { body: { answers: { status: 'igangsat' } }, headers: { 'if-match': first.headers.get('etag')! } });
    expect((await admin('PUT', `/rounds/${round.roundId}/form-version`, { body: { version: 2 } })).status).toBe(200);
    const res = await reporter('POST', `${sub(round.roundId)}/revisions/1/restore`, { headers: { 'if-match': second.headers.get('etag')! } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ pointer: '/status', message: 'Vælg en af de mulige værdier.' }]);
    expect(res.body.detail).toMatch(/^Dette felt har en forkert type eller et valg, skemaet ikke kender: status\. Ret det, og gem igen\.$/);
    expect((await reporter('GET', sub(round.roundId))).body).toMatchObject({ revision: 2, answers: { status: 'igangsat' } });
  });

  it('lets a round switch form version until the first submission, and not after', async () => {
    const formId = await twoVersionForm();
    const round = await api.round(formId, { formVersion: 1 });
    const moved = await admin('PUT', `/rounds/${round.roundId}/form-version`, { body: { version: 2 } });
    expect(moved.status).toBe(200);
    expect(moved.body.formVersion).toBe(2);
    const saved = await reporter('PUT', sub(round.roundId), { body: { answers: { status: 'igangsat' } } });
    await reporter('POST', `${sub(round.roundId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    const refused = await admin('PUT', `/rounds/${round.roundId}/form-version`, { body: { version: 1 } });
    expect(refused.status).toBe(409);
    expect((await reader('GET', `/rounds/${round.roundId}`)).body.formVersion).toBe(2);
  });
});
