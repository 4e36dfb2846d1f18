// The deadline check: run daily by EventBridge Scheduler (and on demand locally). It sends the
// reminders that are due, the overdue digest and the submission notices to SST.
// Input may carry `{ now?: string }` so a run can be replayed with a given clock.
export interface DeadlineCheckInput {
  now?: string;
}

export interface DeadlineCheckResult {
  now: string;
  sent: number;
  failed: number;
}

export async function handler(input: DeadlineCheckInput = {}): Promise<DeadlineCheckResult> {
  const now = input.now ? new Date(input.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`not an instant: ${input.now}`);
  // Filled in by the reminder engine (functions/core/reminders.ts + functions/jobs/reminder-run.ts).
  return { now: now.toISOString(), sent: 0, failed: 0 };
}
