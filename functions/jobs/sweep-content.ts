// Scheduled job (EventBridge Scheduler target, nightly): removes answers documents that no
// report refers to, left behind by saves whose transaction lost (functions/core/content-sweep.ts).
// Input may carry `{ now?: string }` so a run can be replayed with a given clock.
import { Logger } from '@aws-lambda-powertools/logger';
import { sweepOrphanContent, type ContentSweepDeps, type ContentSweepReport } from '#core/content-sweep';
import { getDocumentClient, getS3Client, requiredEnv } from '#store/clients';
import { DynamoRoundStore } from '#store/round-store';
import { DynamoSubmissionStore } from '#store/submission-store';
import { JsonBlobs } from '#store/blobs';
import { S3ContentObjects } from '#store/content-objects';

export interface SweepContentInput {
  now?: string;
}

export interface SweepContentResult {
  now: string;
  roundsChecked: number;
  objectsSeen: number;
  removed: number;
  tooRecent: number;
}

const logger = new Logger({ serviceName: 'statusportalen', persistentKeys: { job: 'sweep-content' } });

let jobDeps: ContentSweepDeps | undefined;
function getJobDeps(): ContentSweepDeps {
  if (jobDeps) return jobDeps;
  const table = requiredEnv('TABLE_NAME');
  const bucket = requiredEnv('BUCKET_NAME');
  const db = getDocumentClient();
  const s3 = getS3Client();
  jobDeps = {
    rounds: new DynamoRoundStore(db, table),
    submissions: new DynamoSubmissionStore(db, table, new JsonBlobs(s3, bucket)),
    objects: new S3ContentObjects(s3, bucket),
  };
  return jobDeps;
}

export function summarise(report: ContentSweepReport): SweepContentResult {
  const { now, roundsChecked, objectsSeen, removed, tooRecent } = report;
  return { now, roundsChecked, objectsSeen, removed: removed.length, tooRecent };
}

export async function sweepContent(input: SweepContentInput = {}, deps: ContentSweepDeps = getJobDeps()): Promise<SweepContentResult> {
  const now = input.now ? new Date(input.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`not an instant: ${input.now}`);
  const report = await sweepOrphanContent(deps, now);
  if (report.removed.length) logger.info('orphaned answers removed', { count: report.removed.length, first: report.removed.slice(0, 10) });
  const result = summarise(report);
  logger.info('content sweep done', { ...result });
  return result;
}

export const handler = (input: SweepContentInput | null | undefined): Promise<SweepContentResult> => sweepContent(input ?? {});
