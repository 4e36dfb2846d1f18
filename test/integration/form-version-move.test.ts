// A round moved to a newer form version after reports were started: each draft's answers come
// back fitted to the round's version, with what did not fit named (field title in the version it
// was answered in, value, reason); saving the fitted answers and submitting then works, and the
// left-out value stays in the report's earlier revision. A draft already on the round's version
// is returned as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ulid } from 'ulid';
import { FORMS_DIR, exampleAnswers } from '../../local/seed.ts';
import type { JsonObject, Round } from '#schemas/api';
import { startApi, type Api, type Client } from '../support/api.ts';

const MOVED = 'kommune-260'; // Halsnæs: started on version 1
const LATE = 'kommune-270'; // Gribskov: starts after the move
let api: Api;
let sst: Client;
let round: Round;
const formId = `move-${ulid().toLowerCase().slice(-10)}`;

beforeAll(async () => {
  api = await startApi();
  sst = await api.as('sst-admin');
  const v1 = JSON.parse(readFileSync(`${FORMS_DIR}/kraeftplan-v-kommunal/v1.schema.json`, 'utf8'));
  expect((await sst('POST', `/forms/${formId}/versions`, { body: { schema: v1, title: `Flyttest ${formId.slice(-4)}`, respondentKind: 'municipality', plan: 'kraeftplan-v' } })).status).toBe(201);
  round = await api.round(formId);
  // Version 2 has no phone field, and no longer offers "Implementeret" as a status.
  const v2 = structuredClone(v1);
  delete v2.properties.kontakt.properties.telefon;
  const status = v2.properties.rehabilitering.properties.status;
  status.oneOf = status.oneOf.filter((o: { const: string }) => o.const !== 'implementeret');
  expect((await sst('POST', `/forms/${formId}/versions`, { body: { schema: v2 } })).status).toBe(201);
});
afterAll(() => api?.stop());

describe('a round moved to a newer form version', () => {
  it('fits a started draft to the new version, names what was left out, and lets it be saved and submitted', async () => {
    const reporter = await api.as('reporter', MOVED);
    const path = `/rounds/${round.roundId}/submissions/${MOVED}`;
    const answers = exampleAnswers('kraeftplan-v-kommunal', 1) as JsonObject & { kontakt: Record<string, unknown> };
    answers.kontakt['telefon'] = '12 34 56 78';
    (answers['rehabilitering'] as Record<string, unknown>)['status'] = 'implementeret';
    const saved = await reporter('PUT', path, { body: { answers }, headers: { 'if-match': '"0-new"' } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.movedFrom).toBeUndefined();

    const moved = await sst('PUT', `/rounds/${round.roundId}/form-version`, { body: { version: 2 } });
    expect(moved.status, moved.text).toBe(200);

    const read = await reporter('GET', path);
    expect(read.status).toBe(200);
    expect(read.body.movedFrom).toEqual({
      formVersion: 1,
      dropped: [
        { pointer: '/kontakt/telefon', reason: 'not-in-form', value: '12 34 56 78', label: 'Kontaktperson › Telefon' },
        { pointer: '/rehabilitering/status', reason: 'invalid', value: 'implementeret', label: 'Rehabilitering og genoptræning › Status for kommunens indsats' },
      ],
    });
    const { telefon: _phone, ...contact } = answers.kontakt;
    expect(read.body.answers.kontakt).toEqual(contact);
    const { status: _status, ...rehabilitation } = answers['rehabilitering'] as Record<string, unknown>;
    expect(read.body.answers.rehabilitering).toEqual(rehabilitation);
    expect(read.body.answers.palliation).toEqual(answers['palliation']);
    // SST reads it the same way.
    expect((await sst('GET', path)).body.movedFrom.dropped).toHaveLength(2);

    // Saving the fitted answers (with a status version 2 offers) stores them under version 2; the draft is then an ordinary one.
    const fitted = await reporter('PUT', path, { body: { answers: { ...read.body.answers, rehabilitering: { ...read.body.answers.rehabilitering, status: 'igangsat' } } }, headers: { 'if-match': read.headers.get('etag')! } });
    expect(fitted.status, fitted.text).toBe(200);
    expect(fitted.body.movedFrom).toBeUndefined();
    expect((await reporter('GET', path)).body.movedFrom).toBeUndefined();
    const submitted = await reporter('POST', `${path}/submit`, { headers: { 'if-match': fitted.headers.get('etag')! } });
    expect(submitted.status, submitted.text).toBe(200);
    // The left-out phone number is still in the first revision.
    const first = await reporter('GET', `${path}/revisions/1`);
    expect(first.status, first.text).toBe(200);
    expect(first.body.answers.kontakt.telefon).toBe('12 34 56 78');
  });

  it('returns a report started after the move as it is', async () => {
    const reporter = await api.as('reporter', LATE);
    const path = `/rounds/${round.roundId}/submissions/${LATE}`;
    const saved = await reporter('PUT', path, { body: { answers: { kontakt: { navn: 'Eksempel' } } }, headers: { 'if-match': '"0-new"' } });
    expect(saved.status, saved.text).toBe(200);
    const read = await reporter('GET', path);
    expect(read.body.movedFrom).toBeUndefined();
    expect(read.body.answers).toEqual({ kontakt: { navn: 'Eksempel' } });
  });
});
