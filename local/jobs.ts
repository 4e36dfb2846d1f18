// The scheduled jobs by name, for the local stack: `POST /dev/jobs/{name}?now=ISO`,
// `npm run job -- <name> [--now ISO]` and the local server's timer all run them from here.
// Each entry is the same handler EventBridge Scheduler invokes on AWS, loaded on first use.
export type JobRunner = (input: { now?: string }) => Promise<unknown>;

export const JOBS: Record<string, () => Promise<JobRunner>> = {
  'deadline-check': async () => (await import('#jobs/deadline-check')).handler,
  'build-summaries': async () => (await import('#jobs/build-summaries')).handler,
  'sweep-content': async () => (await import('#jobs/sweep-content')).handler,
};

export async function runJob(name: string, now?: string): Promise<unknown> {
  const load = JOBS[name];
  if (!load) throw new Error(`no job "${name}" (known: ${Object.keys(JOBS).join(', ')})`);
  return (await load())(now ? { now } : {});
}
