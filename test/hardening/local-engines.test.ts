// The local engines are reachable from this machine only and never outlive their owner. DynamoDB
// Local has no host flag and no authentication: it must not listen on any interface but loopback
// (`ss -ltn` is the witness), must die when the process that started it is killed with SIGKILL,
// and a port still held by an earlier engine is refused with a hint, never silently reused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, loopbackIsolation, startDynamoDbLocal, type Engine } from '../../local/engines.ts';
import { isAlive } from '../../local/started-processes.ts';
import { goneWithin, spawnFixture } from './support-spawn.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** Listening TCP sockets in this network namespace: local address, port and owning process names. */
function listeners(): { address: string; port: number; users: string }[] {
  return execFileSync('ss', ['-Hltnp'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      const local = cols[3]!;
      const at = local.lastIndexOf(':');
      return { address: local.slice(0, at), port: Number(local.slice(at + 1)), users: cols.slice(5).join(' ') };
    });
}

/** Java processes running DynamoDB Local on `port`, wherever their namespace. */
const javaOnPort = (port: number): number[] => {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.jar -port ${port} `], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

describe('DynamoDB Local on this machine', () => {
  it.skipIf(loopbackIsolation() !== 'netns')('listens on 127.0.0.1 only: ss -ltn shows no other address on its port and no socket of its Java process', async () => {
    const port = await freePort();
    const engine: Engine = await startDynamoDbLocal(port);
    cleanup.push(() => engine.stop());
    const mine = listeners().filter((l) => l.port === port);
    expect(mine.map((l) => l.address)).toEqual(['127.0.0.1']);
    // Our Java listens only inside its own namespace, where the one interface is a private loopback.
    const java = javaOnPort(port);
    expect(java.length).toBeGreaterThan(0);
    expect(listeners().filter((l) => java.some((pid) => l.users.includes(`pid=${pid},`)))).toEqual([]);
    expect(engine.isolated).toBe(true);
    // And it answers there.
    const res = await fetch(`${engine.endpoint}/`, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' });
    expect(res.status).toBeLessThan(500);
  });

  it('dies with the process that started it, even when that process is killed with SIGKILL', async () => {
    const { child, ready } = await spawnFixture<{ pid: number; enginePid: number; port: number }>(path.join(here, 'fixtures/engine-owner.ts'), 'engine-owner');
    cleanup.push(() => child.kill('SIGKILL'));
    expect(ready.pid).toBe(child.pid);
    const java = javaOnPort(ready.port);
    expect(java.length).toBeGreaterThan(0);
    process.kill(ready.pid, 'SIGKILL');
    expect(await goneWithin(isAlive, ready.pid, 5000)).toBe(true);
    expect(await goneWithin(isAlive, ready.enginePid, 5000), 'the engine process').toBe(true);
    for (const pid of java) expect(await goneWithin(isAlive, pid, 5000), `java ${pid}`).toBe(true);
    expect(javaOnPort(ready.port)).toEqual([]);
  }, 60_000);

  it('refuses a port an earlier engine still holds, names its pid and how to stop it, and starts nothing', async () => {
    const port = await freePort();
    // Stands in for a stale engine: a listener that is not ours, whose pid the pid file names.
    const stale = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => stale.once('listening', r));
    cleanup.push(() => stale.close());
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sp-stale-'));
    writeFileSync(path.join(dataDir, 'engine.pid'), `${process.pid}\n`);
    await expect(startDynamoDbLocal(port, dataDir)).rejects.toThrow(new RegExp(`port ${port} .*taken.*kill ${process.pid}`));
    expect(javaOnPort(port)).toEqual([]);
  });
});
