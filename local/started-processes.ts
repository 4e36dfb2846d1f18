// A register of the processes the local stack and the tests start, so a test run can prove it
// left none behind (test/global-teardown check in test/global-setup.ts). The register is a
// directory named by STATUSPORTALEN_PID_DIR, inherited by every worker and child process; one
// empty file per process, named by its pid and what it is. Without the variable, nothing is kept.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PID_DIR_VARIABLE = 'STATUSPORTALEN_PID_DIR';

export function recordStartedProcess(pid: number | undefined, what: string): void {
  const dir = process.env[PID_DIR_VARIABLE];
  if (!dir || pid === undefined) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${pid}-${what.replace(/[^\w.-]+/g, '_')}`), '');
}

/** True while the process exists and is not a zombie (exited, waiting to be reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // Field 3 of /proc/<pid>/stat is the state; the name before it may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export function startedProcesses(dir: string): { pid: number; what: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.map((name) => {
    const [pid, ...what] = name.split('-');
    return { pid: Number(pid), what: what.join('-') };
  });
}
