// The nightly summary job interrupted partway. A build is stored in two writes: the immutable
// JSON object in S3, then the DynamoDB pointer that names it. Faults are thrown by SDK
// middleware on the process's own clients at each of those writes, for one round only, so the
// job is cut off in the middle of its work; nothing after the failed call runs, which is what
// a process dying at that point leaves behind. After each fault: the pointer never names an
// object that is not there, the API never serves a half-written or stale build, and a rerun
// writes each changed round once and then skips it while nothing changes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { MiddlewareStack } from '@smithy/types';
import { exampleAnswers } from '../../local/seed.ts';
import { getDocumentClient, getS3Client } from '#store/clients';
import { storageConfigFromEnv } from '#functions/composition';
import { buildSummaryDeps } from '#store/summary-store';
import { runBuildSummaries } from '#jobs/build-summaries';
import type { SummaryDeps } from '#core/summary/ports';
import type { RoundStore } from '#core/ports';
import type { Round } from '#schemas/api';
import { startHardened, type Hardened } from './support.ts';

const FORM = 'kraeftplan-v-regional';
let api: Hardened;
let deps: SummaryDeps;

interface Fault {
  /** Which SDK call fails: command name and its input (marshalled, for DynamoDB). */
  when: (command: string, input: Record<string, unknown>) => boolean;
  error: () => Error;
  seen: number;
}
const faults: Fault[] = [];

const sdkError = (name: string, status: number) => () =>
  Object.assign(new Error(`injected ${name}`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });

function inject(when: Fault['when'], error: () => Error): Fault {
  const f: Fault = { when, error, seen: 0 };
  faults.push(f);
  return f;
}

function install(stack: MiddlewareStack<any, any>, name: string) {
  stack.add(
    (next, context) => async (args) => {
      const f = faults.find((x) => x.when(String(context.commandName), (args.input ?? {}) as Record<string, unknown>));
      if (f) {
        f.seen++;
        throw f.error();
      }
      return next(args);
    },
    { step: 'deserialize', name, override: true },
  );
}

/** The S3 write of a build of this round. */
const buildObjectOf = (roundId: string) => (command: string, input: Record<string, unknown>) =>
  command === 'PutObjectCommand' && String(input['Key']).startsWith(`summaries/${roundId}/`);
/** The DynamoDB write of this round's summary pointer. */
const pointerOf = (roundId: string) => (command: string, input: Record<string, unknown>) => {
  const text = JSON.stringify(input);
  return /^Put(Item)?Command$/.test(command) && text.includes(`ROUND#${roundId}`) && text.includes('"SUMMARY"');
};

/** The job over these rounds only: the shared table holds every other test's rounds too. */
function job(rounds: Round[], at: Date) {
  const ids = new Set(rounds.map((r) => r.roundId));
  const scoped = Object.assign(Object.create(deps.rounds) as RoundStore, {
    list: async () => (await deps.rounds.list()).filter((r) => ids.has(r.roundId)),
  });
  return runBuildSummaries(at, { ...deps, rounds: scoped });
}

async function report(round: Round, orgId: string): Promise<void> {
  const token = await api.token('reporter', orgId);
  const path = `/rounds/${round.roundId}/submissions/${orgId}`;
  const saved = await api.call('PUT', path, { token, body: { answers: exampleAnswers(FORM) } });
  expect(saved.status).toBe(200);
  const submitted = await api.call('POST', `${path}/submit`, { token, headers: { 'if-match': saved.headers.get('etag')! } });
  expect(submitted.status).toBe(200);
}

async function objectsOf(roundId: string): Promise<string[]> {
  const out = await getS3Client().send(new ListObjectsV2Command({ Bucket: storageConfigFromEnv().bucket, Prefix: `summaries/${roundId}/` }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

/** The pointer names an object that exists and holds the build it says (same round, same hash). */
async function expectSoundPointer(roundId: string) {
  const ref = await deps.summaries.latest(roundId);
  expect(ref, roundId).toBeDefined();
  expect(await objectsOf(roundId)).toContain(ref!.key);
  const stored = await deps.summaries.read(ref!);
  expect(stored.roundId).toBe(roundId);
  expect(stored.contentHash).toBe(ref!.contentHash);
  return { ref: ref!, stored };
}

const entry = (r: Awaited<ReturnType<typeof job>>, round: Round) => r.rounds.find((x) => x.roundId === round.roundId);

beforeAll(async () => {
  api = await startHardened();
  deps = buildSummaryDeps(api.deps, storageConfigFromEnv());
  install(getS3Client().middlewareStack as MiddlewareStack<any, any>, 'summaryJobFaultsS3');
  install(getDocumentClient().middlewareStack as MiddlewareStack<any, any>, 'summaryJobFaultsDynamo');
});
afterEach(() => void faults.splice(0));
afterAll(() => api?.stop());

describe('the summary job interrupted', () => {
  it('keeps the previous build when S3 refuses a new one, builds the other rounds, and converges on the rerun', async () => {
    const rounds = [await api.round(FORM), await api.round(FORM), await api.round(FORM)];
    const [a, b, c] = rounds as [Round, Round, Round];
    for (const r of rounds) await report(r, 'region-1081');
    const t0 = Date.now();
    const first = await job(rounds, new Date(t0));
    for (const r of rounds) expect(entry(first, r)).toMatchObject({ written: true, source: 'built' });
    const before = await expectSoundPointer(b.roundId);
    expect(before.stored.completeness.reported).toBe(1);

    for (const r of rounds) await report(r, 'region-1082');
    const fault = inject(buildObjectOf(b.roundId), sdkError('AccessDenied', 403));
    const second = await job(rounds, new Date(t0 + 60_000));
    expect(fault.seen).toBeGreaterThan(0);
    expect(entry(second, a)).toMatchObject({ written: true });
    expect(entry(second, b)).toMatchObject({ written: false });
    expect(entry(second, b)?.error).toMatch(/injected AccessDenied/);
    expect(entry(second, c)).toMatchObject({ written: true });
    // The failed round still points at its previous, complete build; nothing new is under it.
    const after = await expectSoundPointer(b.roundId);
    expect(after.ref).toEqual(before.ref);
    expect(await objectsOf(b.roundId)).toEqual([before.ref.key]);

    // While S3 still refuses, a reader gets a fresh build with both reports, never the stale one;
    // the pointer stays on the previous complete build.
    const reader = await api.token('sst-reader');
    const during = await api.call('GET', `/rounds/${b.roundId}/summary`, { token: reader });
    expect(during.status).toBe(200);
    expect(during.headers.get('x-summary-source')).toBe('built');
    expect(during.body.completeness.reported).toBe(2);
    expect((await deps.summaries.latest(b.roundId))?.key).toBe(before.ref.key);
    expect(await objectsOf(b.roundId)).toEqual([before.ref.key]);

    faults.splice(0);
    const third = await job(rounds, new Date(t0 + 120_000));
    expect(entry(third, b)).toMatchObject({ written: true, source: 'built' });
    expect(entry(third, a)).toMatchObject({ written: false, source: 'stored' });
    expect(entry(third, c)).toMatchObject({ written: false, source: 'stored' });
    const rebuilt = await expectSoundPointer(b.roundId);
    expect(rebuilt.stored.completeness.reported).toBe(2);
    expect(await objectsOf(b.roundId)).toHaveLength(2);

    const fourth = await job(rounds, new Date(t0 + 180_000));
    for (const r of rounds) expect(entry(fourth, r)).toMatchObject({ written: false, source: 'stored' });
    expect(await objectsOf(b.roundId)).toHaveLength(2);
    const served = await api.call('GET', `/rounds/${b.roundId}/summary`, { token: reader });
    expect(served.status).toBe(200);
    expect(served.headers.get('x-summary-source')).toBe('stored');
    expect(served.body.contentHash).toBe(rebuilt.ref.contentHash);
    expect(served.body.completeness).toMatchObject({ reported: 2, onTime: 2 });
  });

  it('leaves the pointer on the previous build when the job dies between the S3 write and the pointer write; the rerun writes once, then skips', async () => {
    const round = await api.round(FORM);
    await report(round, 'region-1083');
    const t0 = Date.now();
    expect(entry(await job([round], new Date(t0)), round)).toMatchObject({ written: true });
    const before = await expectSoundPointer(round.roundId);

    await report(round, 'region-1084');
    const fault = inject(pointerOf(round.roundId), sdkError('ValidationException', 400));
    const crashed = await job([round], new Date(t0 + 60_000));
    expect(fault.seen).toBe(1);
    expect(entry(crashed, round)?.error).toMatch(/injected/);
    // The new object reached S3 but nothing names it: the pointer is exactly as it was.
    const orphans = (await objectsOf(round.roundId)).filter((k) => k !== before.ref.key);
    expect(orphans).toHaveLength(1);
    expect((await expectSoundPointer(round.roundId)).ref).toEqual(before.ref);

    faults.splice(0);
    // A reader after the crash is not served the old build as if it were current.
    const reader = await api.token('sst-reader');
    const fresh = await api.call('GET', `/rounds/${round.roundId}/summary`, { token: reader });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-summary-source')).toBe('built');
    expect(fresh.body.completeness.reported).toBe(2);
    const byReader = await expectSoundPointer(round.roundId);
    expect(byReader.ref.key).not.toBe(before.ref.key);
    expect(orphans).not.toContain(byReader.ref.key);

    // The job finds the reader's build current and writes nothing; nor does the next run.
    for (const minutes of [2, 3]) {
      const rerun = await job([round], new Date(t0 + minutes * 60_000));
      expect(entry(rerun, round)).toMatchObject({ written: false, source: 'stored', contentHash: byReader.ref.contentHash });
    }
    expect(await objectsOf(round.roundId)).toHaveLength(3);
    expect((await expectSoundPointer(round.roundId)).ref.key).toBe(byReader.ref.key);
  });

  it('writes the crashed build once on the job’s own rerun, and the run after skips it', async () => {
    const round = await api.round(FORM);
    await report(round, 'region-1085');
    const t0 = Date.now();
    await job([round], new Date(t0));
    await report(round, 'region-1081');
    inject(pointerOf(round.roundId), sdkError('ValidationException', 400));
    expect(entry(await job([round], new Date(t0 + 60_000)), round)?.error).toBeDefined();
    faults.splice(0);

    const rerun = await job([round], new Date(t0 + 120_000));
    expect(entry(rerun, round)).toMatchObject({ written: true, source: 'built' });
    const { stored } = await expectSoundPointer(round.roundId);
    expect(stored.completeness.reported).toBe(2);
    const again = await job([round], new Date(t0 + 180_000));
    expect(entry(again, round)).toMatchObject({ written: false, source: 'stored', contentHash: stored.contentHash });
    // First build, the orphan of the crash, the rerun's build: nothing more.
    expect(await objectsOf(round.roundId)).toHaveLength(3);
  });
});
