// Answers documents orphaned by a lost save are removed by the nightly sweep, and nothing a
// report refers to ever is. The lost save is a real one: the engine refuses its transaction
// because a colleague's save committed between its upload and its commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startApi, type Api, type Client } from '../support/api.ts';
import { saveDraft } from '#core/submissions-service';
import { sweepOrphanContent, SWEEP_GRACE_MS, type ContentSweepDeps } from '#core/content-sweep';
import { S3ContentObjects } from '#store/content-objects';
import { getS3Client } from '#store/clients';
import { storageConfigFromEnv } from '#functions/composition';
import type { CoreDeps } from '#core/ports';
import type { Identity } from '#core/identity';
import type { Round } from '#schemas/api';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-101';
let api: Api;
let reporter: Client;
const bucket = storageConfigFromEnv().bucket;
const objects = new S3ContentObjects(getS3Client(), bucket);
const colleague: Identity = { subject: 'sweep-test-colleague', name: 'Kollega i sweep-testen', role: 'reporter', orgId: ORG, scopes: [] };

beforeAll(async () => {
  api = await startApi();
  reporter = await api.as('reporter', ORG);
});
afterAll(() => api.stop());

const path = (roundId: string) => `/rounds/${roundId}/submissions/${ORG}`;

/** The sweep over this test's round alone: other files' saves in flight are not ours to judge. */
const sweepDeps = (round: Round): ContentSweepDeps => ({
  rounds: { list: async () => [(await api.deps.rounds.get(round.roundId))!] },
  submissions: api.deps.submissions,
  objects,
});

async function exists(key: string): Promise<boolean> {
  try {
    await getS3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'NotFound') return false;
    throw err;
  }
}

/** A save whose commit waits until another save over HTTP has landed, so its own transaction loses. */
async function lostSave(round: Round, etag: string): Promise<unknown> {
  const deps: CoreDeps = {
    ...api.deps,
    submissions: {
      ...api.deps.submissions,
      getHead: api.deps.submissions.getHead.bind(api.deps.submissions),
      listHeads: api.deps.submissions.listHeads.bind(api.deps.submissions),
      putContent: api.deps.submissions.putContent.bind(api.deps.submissions),
      readContent: api.deps.submissions.readContent.bind(api.deps.submissions),
      listRevisions: api.deps.submissions.listRevisions.bind(api.deps.submissions),
      getRevision: api.deps.submissions.getRevision.bind(api.deps.submissions),
      commit: async (change) => {
        const first = await reporter('PUT', path(round.roundId), { body: { answers: {} }, headers: { 'if-match': etag } });
        expect(first.status).toBe(200);
        return api.deps.submissions.commit(change);
      },
    },
  };
  return saveDraft(deps, colleague, round.roundId, ORG, {}, etag).then(
    () => 'saved',
    (err: unknown) => err,
  );
}

describe('the sweep of orphaned answers documents', () => {
  it('removes the document of a save whose transaction lost, after the grace period, and keeps every referenced one', async () => {
    const round = await api.round(FORM);
    const first = await reporter('PUT', path(round.roundId), { body: { answers: {} }, headers: { 'if-match': '"0-new"' } });
    expect(first.status).toBe(200);

    const outcome = await lostSave(round, first.headers.get('etag')!);
    // The engine refused the second transaction: the service answers the conflict a person sees.
    expect(outcome).toMatchObject({ status: 412 });

    const revisions = await api.deps.submissions.listRevisions(round.roundId, ORG);
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    const referenced = new Set(revisions.map((r) => r.contentKey));
    const stored = await objects.list(`submissions/${round.roundId}/`);
    const orphans = stored.filter((o) => !referenced.has(o.key)).map((o) => o.key);
    expect(orphans).toHaveLength(1);
    const orphan = orphans[0]!;

    // Inside the grace period the orphan stays: a save may still be between upload and commit.
    const early = await sweepOrphanContent(sweepDeps(round), new Date());
    expect(early).toMatchObject({ roundsChecked: 1, objectsSeen: 3, tooRecent: 1, removed: [] });
    expect(await exists(orphan)).toBe(true);

    const later = await sweepOrphanContent(sweepDeps(round), new Date(Date.now() + SWEEP_GRACE_MS + 60_000));
    expect(later.removed).toEqual([orphan]);
    expect(await exists(orphan)).toBe(false);
    for (const key of referenced) expect(await exists(key)).toBe(true);

    // The report and each revision still read as before.
    expect((await reporter('GET', path(round.roundId))).body).toMatchObject({ revision: 2, status: 'draft' });
    for (const r of revisions) expect((await reporter('GET', `${path(round.roundId)}/revisions/${r.revision}`)).status).toBe(200);

    // A second run finds nothing more to do.
    const again = await sweepOrphanContent(sweepDeps(round), new Date(Date.now() + SWEEP_GRACE_MS + 60_000));
    expect(again).toMatchObject({ objectsSeen: 2, removed: [], tooRecent: 0 });
  });

  it('leaves keys of another shape alone', async () => {
    const round = await api.round(FORM);
    const stray = `submissions/${round.roundId}/not-a-report.json`;
    await getS3Client().send(new PutObjectCommand({ Bucket: bucket, Key: stray, Body: '{}' }));
    const report = await sweepOrphanContent(sweepDeps(round), new Date(Date.now() + 2 * SWEEP_GRACE_MS));
    expect(report).toMatchObject({ objectsSeen: 1, removed: [] });
    expect(await exists(stray)).toBe(true);
  });
});
