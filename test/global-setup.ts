// Starts DynamoDB Local (in memory) and s3rver once for the whole run, publishes the shipped
// forms, and hands the endpoints to every test worker. Its teardown fails the run if any process
// the run started is still alive.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEngines } from '../local/stack.ts';
import { PID_DIR_VARIABLE, isAlive, startedProcesses } from '../local/started-processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stackEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  // Every process the run starts (engines, servers in child processes) is recorded here; workers inherit it.
  const pidDir = mkdtempSync(path.join(os.tmpdir(), 'sp-test-pids-'));
  process.env[PID_DIR_VARIABLE] = pidDir;
  const engines = await startEngines();
  const { buildDeps, storageConfigFromEnv } = await import('#functions/composition');
  const { seedForms } = await import('../local/seed.ts');
  await seedForms(buildDeps(storageConfigFromEnv()));
  project.provide('stackEnv', engines.env);
  return async () => {
    await engines.stop();
    await assertNothingLeftBehind(pidDir);
  };
}

/** Fails the run when a process it started is still alive (after killing it, so nothing lingers). */
async function assertNothingLeftBehind(pidDir: string): Promise<void> {
  const started = startedProcesses(pidDir);
  const deadline = Date.now() + 5000;
  while (started.some((p) => isAlive(p.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const alive = started.filter((p) => isAlive(p.pid));
  for (const p of alive) process.kill(p.pid, 'SIGKILL');
  rmSync(pidDir, { recursive: true, force: true });
  if (alive.length) {
    throw new Error(`the test run left processes alive (now killed): ${alive.map((p) => `${p.what} (pid ${p.pid})`).join(', ')}`);
  }
}
