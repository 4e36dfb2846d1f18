// Idempotency-Key on submit and on the POSTs that create something: a client that lost the
// first answer retries with the same key and gets that answer again, without a second effect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { exampleAnswers } from '../../local/seed.ts';
import { getDocumentClient } from '#store/clients';
import { storageConfigFromEnv } from '#functions/composition';
import { keys } from '#store/keys';
import { addDanishDays } from '#core/danish-time';
import { routes } from './support.ts';
import { expectProblem, snapshot, startHardened, type Hardened } from './support.ts';

const FORM = 'kraeftplan-v-kommunal';
const OWN = 'kommune-159';
const OTHER = 'kommune-161';
let api: Hardened;

beforeAll(async () => {
  api = await startHardened();
});
afterAll(() => api?.stop());

const sub = (roundId: string, orgId = OWN) => `/rounds/${roundId}/submissions/${orgId}`;
const roundBody = (roundId: string, period = '2032') => {
  const now = new Date();
  return { roundId, formId: FORM, period, opensAt: addDanishDays(now, -1).toISOString(), deadline: addDanishDays(now, 30).toISOString(), respondentsAt: '2026-06-01' };
};

async function drafted(orgId = OWN) {
  const round = await api.round(FORM);
  const token = await api.token('reporter', orgId);
  const saved = await api.call('PUT', sub(round.roundId, orgId), { token, body: { answers: exampleAnswers(FORM) } });
  expect(saved.status).toBe(200);
  return { round, token, etag: saved.headers.get('etag')! };
}

/** The record's hash: Powertools hashes the JSON of `[scope, key]` (scope = caller and route). */
const recordHash = (scope: string, key: string) => createHash('sha256').update(JSON.stringify([scope, key])).digest('base64');

describe('Idempotency-Key', () => {
  it('is honoured on submit, on every POST that creates something, and on draft saves', () => {
    const flagged = routes().filter((r) => r.idempotent).map((r) => r.operationId);
    for (const id of ['submit', 'createRound', 'publishFormVersion', 'prefill', 'saveDraft']) expect(flagged).toContain(id);
    for (const r of routes().filter((r) => r.idempotent && r.operationId !== 'saveDraft')) expect(r.method).toBe('POST');
  });

  it('replays the first answer of a create: same status, body and Location, and only one round', async () => {
    const token = await api.token('sst-admin');
    const roundId = `hidem-${ulid().toLowerCase()}`;
    const key = ulid();
    const body = roundBody(roundId);
    const first = await api.call('POST', '/rounds', { token, body, headers: { 'idempotency-key': key } });
    expect(first.status, first.text).toBe(201);
    const stored = await snapshot([roundId]);
    const again = await api.call('POST', '/rounds', { token, body, headers: { 'idempotency-key': key } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await snapshot([roundId])).toEqual(stored);
    // Without the key the same request meets the real rule: the id is taken.
    expectProblem(await api.call('POST', '/rounds', { token, body }), 409, 'already-exists');
  });

  it('refuses the same key with another body (422) and creates nothing', async () => {
    const token = await api.token('sst-admin');
    const key = ulid();
    const a = `hidem-${ulid().toLowerCase()}`;
    const b = `hidem-${ulid().toLowerCase()}`;
    expect((await api.call('POST', '/rounds', { token, body: roundBody(a), headers: { 'idempotency-key': key } })).status).toBe(201);
    const res = await api.call('POST', '/rounds', { token, body: roundBody(b), headers: { 'idempotency-key': key } });
    expectProblem(res, 422, 'idempotency-key-reused');
    expect((await snapshot([b])).items).toEqual([]);
  });

  it('replays a submit with its ETag instead of answering "already submitted"', async () => {
    const { round, token, etag } = await drafted();
    const key = ulid();
    const first = await api.call('POST', `${sub(round.roundId)}/submit`, { token, headers: { 'if-match': etag, 'idempotency-key': key } });
    expect(first.status).toBe(200);
    const again = await api.call('POST', `${sub(round.roundId)}/submit`, { token, headers: { 'if-match': etag, 'idempotency-key': key } });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.body).toEqual(first.body);
    const revisions = await api.call('GET', `${sub(round.roundId)}/revisions`, { token });
    expect(revisions.body.items.map((r: { action: string }) => r.action)).toEqual(['save', 'submit']);
  });

  it('runs a burst of retries with one key exactly once: one answer, the rest replays or 409', async () => {
    const { round, token, etag } = await drafted();
    const key = ulid();
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => api.call('POST', `${sub(round.roundId)}/submit`, { token, headers: { 'if-match': etag, 'idempotency-key': key } })),
    );
    const ok = replies.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of ok) expect(r.body).toEqual(ok[0]!.body);
    for (const r of replies.filter((r) => r.status !== 200)) expectProblem(r, 409, 'idempotency-in-progress');
    const revisions = await api.call('GET', `${sub(round.roundId)}/revisions`, { token });
    expect(revisions.body.items).toHaveLength(2);
  });

  it("keeps two callers' keys apart", async () => {
    const mine = await drafted(OWN);
    const theirs = await drafted(OTHER);
    const key = 'delt-noegle-1';
    const a = await api.call('POST', `${sub(mine.round.roundId, OWN)}/submit`, { token: mine.token, headers: { 'if-match': mine.etag, 'idempotency-key': key } });
    const b = await api.call('POST', `${sub(theirs.round.roundId, OTHER)}/submit`, { token: theirs.token, headers: { 'if-match': theirs.etag, 'idempotency-key': key } });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.orgId).toBe(OTHER);
  });

  it('does not keep refusals: after a 412 the client may fix If-Match and retry with its key', async () => {
    const { round, token, etag } = await drafted();
    const key = ulid();
    expectProblem(await api.call('POST', `${sub(round.roundId)}/submit`, { token, headers: { 'if-match': '"1-stale"', 'idempotency-key': key } }), 412);
    const fixed = await api.call('POST', `${sub(round.roundId)}/submit`, { token, headers: { 'if-match': etag, 'idempotency-key': key } });
    expect(fixed.status).toBe(200);
  });

  it('stores keys with a 24-hour TTL, scoped by caller and route', async () => {
    const token = await api.token('sst-admin');
    const key = ulid();
    expect((await api.call('POST', '/rounds', { token, body: roundBody(`hidem-${ulid().toLowerCase()}`), headers: { 'idempotency-key': key } })).status).toBe(201);
    const id = recordHash('local-sst-admin-sst\nPOST /rounds', key);
    const out = await getDocumentClient().send(new GetCommand({ TableName: storageConfigFromEnv().table, Key: keys.idempotency(id) }));
    expect(out.Item?.['status']).toBe('COMPLETED');
    const ttl = (out.Item?.['expiresAt'] as number) - Date.now() / 1000;
    expect(ttl).toBeGreaterThan(24 * 3600 - 120);
    expect(ttl).toBeLessThan(24 * 3600 + 120);
  });

  it('takes over a claim left by a crashed attempt once its lock lapses', async () => {
    const { round, token, etag } = await drafted();
    const key = ulid();
    const id = recordHash(`local-reporter-${OWN}\nPOST /rounds/{roundId}/submissions/{orgId}/submit`, key);
    const fingerprint = createHash('sha256').update(JSON.stringify([`${sub(round.roundId)}/submit`, etag, '', 'null'].join('\n'))).digest('base64');
    // What a process killed mid-request leaves: an IN_PROGRESS record whose lock lapsed a minute ago.
    await getDocumentClient().send(
      new PutCommand({
        TableName: storageConfigFromEnv().table,
        Item: { ...keys.idempotency(id), status: 'INPROGRESS', fingerprint, lockedUntil: Date.now() - 60_000, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      }),
    );
    const res = await api.call('POST', `${sub(round.roundId)}/submit`, { token, headers: { 'if-match': etag, 'idempotency-key': key } });
    expect(res.status).toBe(200);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses keys that are empty, too long or not printable ASCII', async () => {
    const { round, token, etag } = await drafted();
    for (const key of ['x'.repeat(256), 'nøgle', 'a b']) {
      expectProblem(await api.call('POST', `${sub(round.roundId)}/submit`, { token, headers: { 'if-match': etag, 'idempotency-key': key } }), 400);
    }
    expect((await api.call('GET', sub(round.roundId), { token })).body.status).toBe('draft');
  });
});
