// Scheduled job (EventBridge Scheduler target): builds the consolidated summary of every open
// or recently closed round and stores it in S3. Input may carry `{ now?: string }` so a run can
// be replayed with a fixed clock.
import { getDeps } from '#functions/composition';

export interface BuildSummariesInput {
  now?: string;
}

export interface BuildSummariesResult {
  now: string;
  rounds: { roundId: string; written: boolean }[];
}

/** The job's core; replaced by the real build once the summary store lands. */
export async function runBuildSummaries(now: Date): Promise<BuildSummariesResult> {
  const deps = getDeps();
  const rounds = await deps.rounds.list();
  return { now: now.toISOString(), rounds: rounds.map((r) => ({ roundId: r.roundId, written: false })) };
}

export const handler = async (input?: BuildSummariesInput | null): Promise<BuildSummariesResult> => {
  const now = input?.now ? new Date(input.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`invalid now: ${input?.now}`);
  return runBuildSummaries(now);
};
