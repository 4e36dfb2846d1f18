// A draft save whose answer was lost (a dropped connection, a server killed mid-request) can be
// retried with the same Idempotency-Key: the retry learns the outcome instead of meeting a 412.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { exampleAnswers } from '../../local/seed.ts';
import { expectProblem, startHardened, type Hardened, QUIET } from './support.ts';

let api: Hardened;

beforeAll(async () => {
  api = await startHardened();
});
afterAll(() => api?.stop());

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-173';

describe('retry-safe drafts', () => {
  it('replays a committed draft save to a retry with the same Idempotency-Key instead of answering 412', async () => {
    const round = await api.round(FORM, QUIET);
    const token = await api.token('reporter', ORG);
    const path = `/rounds/${round.roundId}/submissions/${ORG}`;
    const first = await api.call('PUT', path, { token, body: { answers: exampleAnswers(FORM) } });
    const key = ulid();
    const body = { answers: { ...exampleAnswers(FORM) } };
    const headers = { 'if-match': first.headers.get('etag')!, 'idempotency-key': key };
    const saved = await api.call('PUT', path, { token, body, headers });
    expect(saved.status, saved.text).toBe(200);
    // The client never saw that answer and sends the very same request again.
    const retried = await api.call('PUT', path, { token, body, headers });
    expect(retried.status, retried.text).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.headers.get('etag')).toBe(saved.headers.get('etag'));
    expect(retried.body).toEqual(saved.body);
    const revisions = (await api.call('GET', `${path}/revisions`, { token })).body.items;
    expect(revisions.map((r: { action: string }) => r.action)).toEqual(['save', 'save']);
    // Another body under the same key is another request.
    expectProblem(await api.call('PUT', path, { token, body: { answers: {} }, headers }), 422, 'idempotency-key-reused');
  });
});
