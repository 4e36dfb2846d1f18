// Spawns a TypeScript fixture as one Node process (tsx as a loader, not the tsx wrapper, which
// would put a second process between the test and the one that does the work), records it for
// the leak check of the test run, and reads its first stdout line as JSON.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { recordStartedProcess } from '../../local/started-processes.ts';

export async function spawnFixture<T>(file: string, what: string): Promise<{ child: ChildProcess; ready: T }> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  recordStartedProcess(child.pid, what);
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start`)), 60_000);
    createInterface({ input: child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
  });
  return { child, ready: JSON.parse(line) as T };
}

/** Resolves once `pid` is gone (or a zombie), false after `ms`. */
export async function goneWithin(isAlive: (pid: number) => boolean, pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}
