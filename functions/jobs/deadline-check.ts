// The deadline check, as the scheduler's target (EventBridge Scheduler, Europe/Copenhagen).
// Idempotent and safe to run concurrently: run it daily at the least, or every few minutes
// for "immediate" submission notices to SST. Input may carry `{ now?: string }` so a run can
// be replayed with a given clock.
import { Logger } from '@aws-lambda-powertools/logger';
import { runDeadlineCheck, type DeadlineCheckReport, type DeadlineDeps } from '#core/deadline-service';
import { buildDeadlineDeps } from '#functions/schedule-composition';
import { requiredEnv } from '#store/clients';
import { mailSenderFromEnv } from '#functions/mail/from-env';

let jobDeps: DeadlineDeps | undefined;
const getJobDeps = (): DeadlineDeps => (jobDeps ??= buildDeadlineDeps(requiredEnv('TABLE_NAME'), { mail: mailSenderFromEnv() }));

export interface DeadlineCheckInput {
  now?: string;
}

export interface DeadlineCheckResult {
  now: string;
  runId: string;
  roundsChecked: number;
  sent: number;
  failed: number;
  noContacts: number;
}

const logger = new Logger({ serviceName: 'statusportalen', persistentKeys: { job: 'deadline-check' } });

export function summarise(report: DeadlineCheckReport): DeadlineCheckResult {
  const { now, runId, roundsChecked, sent, failed, noContacts } = report;
  return { now, runId, roundsChecked, sent, failed, noContacts: noContacts.length };
}

export async function deadlineCheck(input: DeadlineCheckInput = {}, deps: DeadlineDeps = getJobDeps()): Promise<DeadlineCheckResult> {
  const now = input.now ? new Date(input.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`not an instant: ${input.now}`);
  const report = await runDeadlineCheck(deps, now);
  for (const o of report.outcomes.filter((x) => x.state === 'failed')) logger.warn('notice failed', { ref: o.ref, error: o.error });
  if (report.noContacts.length) logger.warn('no contact address', { count: report.noContacts.length, first: report.noContacts.slice(0, 10) });
  const result = summarise(report);
  logger.info('deadline check done', { ...result });
  return result;
}

export const handler = (input: DeadlineCheckInput | null | undefined): Promise<DeadlineCheckResult> => deadlineCheck(input ?? {});
