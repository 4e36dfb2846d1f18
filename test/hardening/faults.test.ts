// The save path under injected faults. Faults are thrown by SDK middleware on the process's
// own clients (the adapter boundary); the engines behind them stay real. After each fault:
// the client was told the truth (a 5xx problem, or success only with the data stored), no
// head points at content that is not there, no ETag names anything but the stored head, and
// a plain retry converges.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { MiddlewareStack } from '@smithy/types';
import { exampleAnswers } from '../../local/seed.ts';
import { getDocumentClient, getS3Client } from '#store/clients';
import { expectProblem, startHardened, type Hardened } from './support.ts';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-163';
let api: Hardened;
let token: string;

interface Fault {
  /** Command names (SDK level, e.g. PutObjectCommand, TransactWriteItemsCommand). */
  command: RegExp;
  /** How many calls fail (attempts, when `retryable`). */
  times: number;
  error: () => Error;
  seen: number;
}
const faults: Fault[] = [];

const sdkError = (name: string, status: number) => () =>
  Object.assign(new Error(`injected ${name}`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });

function inject(command: RegExp, times: number, error: () => Error): Fault {
  const f = { command, times, error, seen: 0 };
  faults.push(f);
  return f;
}

function install(stack: MiddlewareStack<any, any>, name: string) {
  // In the deserialize step: inside the SDK's retry loop, as a real failed call would be.
  stack.add(
    (next, context) => async (args) => {
      const f = faults.find((x) => x.command.test(String(context.commandName)) && x.seen < x.times);
      if (f) {
        f.seen++;
        throw f.error();
      }
      return next(args);
    },
    { step: 'deserialize', name, override: true },
  );
}

const sub = (roundId: string) => `/rounds/${roundId}/submissions/${ORG}`;
const answers = (n: number) => ({ ...exampleAnswers(FORM), kontakt: { navn: `Version ${n}`, email: 'a@b.dk' } });

/** Storage read straight from the engines: the head, its content, every revision's content. */
async function stored(roundId: string) {
  const head = await api.deps.submissions.getHead(roundId, ORG);
  const revisions = await api.deps.submissions.listRevisions(roundId, ORG);
  const contents = await Promise.all(revisions.map((r) => api.deps.submissions.readContent(r.contentKey)));
  return { head, revisions, contents, headContent: head ? await api.deps.submissions.readContent(head.contentKey) : undefined };
}

async function expectConsistent(roundId: string) {
  const s = await stored(roundId);
  if (!s.head) return expect(s.revisions).toEqual([]);
  expect(s.revisions.map((r) => r.revision)).toEqual(Array.from({ length: s.head.revision }, (_, i) => i + 1));
  expect(s.revisions.at(-1)!.contentKey).toBe(s.head.contentKey);
  const read = await api.call('GET', sub(roundId), { token });
  expect(read.status).toBe(200);
  expect(read.headers.get('etag')).toBe(`"${s.head.etag}"`);
  expect(read.body.answers).toEqual(s.headContent);
}

beforeAll(async () => {
  api = await startHardened();
  token = await api.token('reporter', ORG);
  install(getS3Client().middlewareStack as MiddlewareStack<any, any>, 'hardeningFaultsS3');
  install(getDocumentClient().middlewareStack as MiddlewareStack<any, any>, 'hardeningFaultsDynamo');
});
afterEach(() => void faults.splice(0));
afterAll(() => api?.stop());

describe('faults on the save path', () => {
  it('answers 5xx and stores nothing when S3 refuses the answers; a retry converges', async () => {
    const round = await api.round(FORM);
    const first = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) } });
    inject(/PutObject/, 99, sdkError('AccessDenied', 403));
    const res = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(2) }, headers: { 'if-match': first.headers.get('etag')! } });
    expectProblem(res, 500, 'internal');
    expect((await stored(round.roundId)).head!.revision).toBe(1);
    faults.splice(0);
    const retry = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(2) }, headers: { 'if-match': first.headers.get('etag')! } });
    expect(retry.status).toBe(200);
    expect(retry.body.revision).toBe(2);
    await expectConsistent(round.roundId);
  });

  it('answers 5xx when the DynamoDB transaction fails after the answers reached S3: the head keeps its old content and ETag', async () => {
    const round = await api.round(FORM);
    const first = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) } });
    inject(/TransactWrite/, 99, sdkError('ValidationException', 400));
    const res = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(2) }, headers: { 'if-match': first.headers.get('etag')! } });
    expectProblem(res, 500);
    faults.splice(0);
    const s = await stored(round.roundId);
    expect(s.head!.revision).toBe(1);
    expect(s.headContent).toEqual(answers(1));
    await expectConsistent(round.roundId);
    const retry = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(2) }, headers: { 'if-match': first.headers.get('etag')! } });
    expect(retry.status).toBe(200);
    await expectConsistent(round.roundId);
  });

  it('never answers a read with 200 when the content cannot be read', async () => {
    const round = await api.round(FORM);
    await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) } });
    inject(/GetObject/, 99, sdkError('InternalError', 500));
    const res = await api.call('GET', sub(round.roundId), { token });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expectProblem(res);
  });

  it('rides out brief DynamoDB throttling through the SDK retries, and saves once', async () => {
    const round = await api.round(FORM);
    const f = inject(/TransactWrite/, 2, sdkError('ProvisionedThroughputExceededException', 400));
    const res = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) } });
    expect(f.seen).toBe(2);
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(1);
    await expectConsistent(round.roundId);
  });

  it('answers 503 with Retry-After when throttling outlasts the retries; nothing is written and a retry converges', async () => {
    const round = await api.round(FORM);
    inject(/TransactWrite/, 99, sdkError('ThrottlingException', 400));
    const res = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) } });
    expectProblem(res, 503, 'unavailable');
    expect(res.body.detail).toBe('Systemet har travlt lige nu. Prøv igen om et øjeblik.');
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await stored(round.roundId)).head).toBeUndefined();
    faults.splice(0);
    const retry = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) } });
    expect(retry.status).toBe(200);
    await expectConsistent(round.roundId);
  });

  it('answers 503 with Retry-After when the Idempotency-Key record cannot be claimed under throttling; a retry with the key converges', async () => {
    const round = await api.round(FORM);
    const headers = { 'idempotency-key': ulid() };
    inject(/^PutItemCommand$/, 99, sdkError('ThrottlingException', 400));
    const res = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) }, headers });
    expectProblem(res, 503, 'unavailable');
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await stored(round.roundId)).head).toBeUndefined();
    faults.splice(0);
    const retry = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) }, headers });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps the 503 of a throttled save under an Idempotency-Key and releases the key, so the retry runs', async () => {
    const round = await api.round(FORM);
    const headers = { 'idempotency-key': ulid() };
    inject(/TransactWrite/, 99, sdkError('ThrottlingException', 400));
    expectProblem(await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) }, headers }), 503, 'unavailable');
    faults.splice(0);
    const retry = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) }, headers });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    await expectConsistent(round.roundId);
  });

  it('gives the client its committed answer when the Idempotency-Key record cannot be completed', async () => {
    const round = await api.round(FORM);
    const headers = { 'idempotency-key': ulid() };
    inject(/^UpdateItemCommand$/, 99, sdkError('ThrottlingException', 400));
    const res = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(1) }, headers });
    expect(res.status, res.text).toBe(200);
    faults.splice(0);
    await expectConsistent(round.roundId);
  });

  it('lets exactly one of racing saves from the same ETag win; the losers are told 412 and the winner is what is stored', async () => {
    const round = await api.round(FORM);
    const first = await api.call('PUT', sub(round.roundId), { token, body: { answers: answers(0) } });
    const etag = first.headers.get('etag')!;
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api.call('PUT', sub(round.roundId), { token, body: { answers: answers(i + 1) }, headers: { 'if-match': etag } })),
    );
    const winners = replies.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    for (const r of replies.filter((r) => r.status !== 200)) expectProblem(r, 412, 'edit-conflict');
    const s = await stored(round.roundId);
    expect(`"${s.head!.etag}"`).toBe(winners[0]!.headers.get('etag'));
    expect(s.headContent).toEqual(winners[0]!.body.answers);
    await expectConsistent(round.roundId);
  });
});
