// Scheduled job (EventBridge Scheduler target, nightly): builds the consolidated summary of
// every open or recently closed round and stores each changed build in S3 under the round,
// named by its timestamp and content hash. Input may carry `{ now?: string }` so a run can be
// replayed with a fixed clock, and `{ roundIds?: string[] }` to rebuild only those rounds; the result lists each round and whether a new build was written.
import { Logger } from '@aws-lambda-powertools/logger';
import { getDeps, storageConfigFromEnv } from '#functions/composition';
import { buildSummaryDeps } from '#store/summary-store';
import { buildDueSummaries, type JobReport } from '#core/summary/service';
import type { SummaryDeps } from '#core/summary/ports';

export interface BuildSummariesInput {
  now?: string;
  roundIds?: string[];
}

export type BuildSummariesResult = JobReport;

const logger = new Logger({ serviceName: 'statusportalen', persistentKeys: { job: 'build-summaries' } });

/** The job's core with an explicit clock; `local/job.ts` and tests call it directly. */
export async function runBuildSummaries(now: Date, base?: SummaryDeps, roundIds?: readonly string[]): Promise<BuildSummariesResult> {
  const deps = base ?? buildSummaryDeps(getDeps(), storageConfigFromEnv());
  const report = await buildDueSummaries({ ...deps, clock: { now: () => now } }, roundIds ? { onlyRounds: roundIds } : {});
  for (const r of report.rounds) {
    if (r.error) logger.error('summary build failed', { roundId: r.roundId, error: r.error });
  }
  logger.info('summaries built', { now: report.now, rounds: report.rounds.length, written: report.rounds.filter((r) => r.written).length });
  return report;
}

export const handler = async (input?: BuildSummariesInput | null): Promise<BuildSummariesResult> => {
  const now = input?.now ? new Date(input.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`invalid now: ${input?.now}`);
  const roundIds = input?.roundIds;
  if (roundIds !== undefined && !(Array.isArray(roundIds) && roundIds.every((id) => typeof id === 'string'))) throw new Error('roundIds must be a list of round ids');
  return runBuildSummaries(now, undefined, roundIds);
};
