// The process dies mid-request (kill -9, as when Lambda's sandbox is torn down): a server in a
// child process on the same engines takes concurrent saves from several organisations and is
// killed while they are in flight. Afterwards every save the client saw acknowledged is stored
// with its revision and answers, no head points at content that is not there, and every
// organisation carries on from where the stored head says. The process killed is the one that
// serves (its own pid, reported at start-up), and it is checked to be gone afterwards.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '../../local/seed.ts';
import { isAlive } from '../../local/started-processes.ts';
import { startHardened, type Hardened } from './support.ts';
import { goneWithin, spawnFixture } from './support-spawn.ts';

const FORM = 'kraeftplan-v-kommunal';
const ORGS = ['kommune-165', 'kommune-167', 'kommune-169', 'kommune-173', 'kommune-175', 'kommune-183'];
const here = path.dirname(fileURLToPath(import.meta.url));
let api: Hardened;
let child: ChildProcess | undefined;

async function spawnServer(): Promise<{ child: ChildProcess; url: string; pid: number }> {
  // Node itself with tsx as a loader: the process we kill is the one that serves.
  const { child: c, ready } = await spawnFixture<{ url: string; pid: number }>(path.join(here, 'fixtures/child-server.ts'), 'child-server');
  return { child: c, ...ready };
}

beforeAll(async () => {
  api = await startHardened();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await api?.stop();
});

interface Ack {
  revision: number;
  etag: string;
  marker: string;
}

describe('a process killed mid-request', () => {
  it('loses no acknowledged save and leaves no head pointing at missing content', async () => {
    const round = await api.round(FORM);
    const started = await spawnServer();
    child = started.child;
    expect(started.pid, 'the serving process is the one spawned, not a wrapper around it').toBe(child.pid);
    const tokens = await Promise.all(
      ORGS.map(async (orgId) => {
        const res = await fetch(`${started.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'reporter', orgId }) });
        return ((await res.json()) as { token: string }).token;
      }),
    );
    const acks = new Map<string, Ack[]>(ORGS.map((o) => [o, []]));
    let killed = false;

    // Each organisation saves in a loop along its own ETag chain until the server dies.
    const loops = ORGS.map(async (orgId, i) => {
      let etag: string | undefined;
      for (let n = 1; !killed || n < 3; n++) {
        const marker = `${orgId}-gem-${n}`;
        try {
          const res = await fetch(`${started.url}/rounds/${round.roundId}/submissions/${orgId}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}`, ...(etag ? { 'if-match': etag } : {}) },
            body: JSON.stringify({ answers: { ...exampleAnswers(FORM), kontakt: { navn: marker, email: 'a@b.dk' } } }),
          });
          const body = (await res.json()) as { revision: number };
          if (res.status !== 200) throw new Error(`unexpected ${res.status} ${JSON.stringify(body)}`);
          etag = res.headers.get('etag')!;
          acks.get(orgId)!.push({ revision: body.revision, etag, marker });
        } catch {
          return; // Connection reset: the client was told nothing, so it may not assume anything.
        }
      }
    });
    // Let the saves run (every organisation acknowledged at least once, on a loaded machine too),
    // then kill the server while requests are in flight.
    const running = Date.now() + 30_000;
    while ([...acks.values()].some((a) => a.length < 2) && Date.now() < running) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    killed = true;
    child.kill('SIGKILL');
    await Promise.all(loops);
    // The serving process is gone, and nothing answers where it served.
    expect(await goneWithin(isAlive, started.pid, 5000)).toBe(true);
    await expect(fetch(`${started.url}/health`)).rejects.toThrow();
    expect([...acks.values()].flat().length).toBeGreaterThan(ORGS.length);

    for (const orgId of ORGS) {
      const head = await api.deps.submissions.getHead(round.roundId, orgId);
      const mine = acks.get(orgId)!;
      if (mine.length === 0) continue;
      const last = mine.at(-1)!;
      expect(head, orgId).toBeDefined();
      // The server may have committed one more save whose answer never arrived; never fewer.
      expect(head!.revision).toBeGreaterThanOrEqual(last.revision);
      expect(head!.revision).toBeLessThanOrEqual(last.revision + 1);
      await expect(api.deps.submissions.readContent(head!.contentKey)).resolves.toBeTruthy();
      for (const ack of mine) {
        const rev = await api.deps.submissions.getRevision(round.roundId, orgId, ack.revision);
        expect(rev, `${orgId} revision ${ack.revision}`).toBeDefined();
        const content = await api.deps.submissions.readContent(rev!.contentKey);
        expect((content['kontakt'] as { navn: string }).navn).toBe(ack.marker);
      }
      if (head!.revision === last.revision) expect(`"${head!.etag}"`).toBe(last.etag);
      // The organisation carries on from the stored head on a fresh server.
      const token = await api.token('reporter', orgId);
      const read = await api.call('GET', `/rounds/${round.roundId}/submissions/${orgId}`, { token });
      const next = await api.call('PUT', `/rounds/${round.roundId}/submissions/${orgId}`, {
        token,
        body: { answers: { kontakt: { navn: 'Efter nedbruddet' } } },
        headers: { 'if-match': read.headers.get('etag')! },
      });
      expect(next.status).toBe(200);
      expect(next.body.revision).toBe(head!.revision + 1);
    }
  }, 90_000);
});
