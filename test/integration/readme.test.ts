// The README runs as written: every ```sh block that is not marked `setup` (the two commands
// themselves) or `aws` (needs an account) runs in a fresh bash, in the repository folder, against
// a stack started the way `npm start` starts it (local/start.ts, with a data folder and ports of
// its own). Only the address differs: the blocks' http://127.0.0.1:3000 becomes this stack's.
// curl fails on any 4xx/5xx answer here (a .curlrc with fail-with-body), so a block whose request
// is refused fails its test. The stack is stopped with its whole process group at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/engines.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Block {
  info: string;
  line: number;
  text: string;
}

const blocks: Block[] = [...README.matchAll(/^```sh([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  info: m[1]!.trim(),
  line: README.slice(0, m.index).split('\n').length,
  text: m[2]!,
}));
const runnable = blocks.filter((b) => b.info === '');

let stack: ChildProcess | undefined;
let url = '';
/** What the stack printed while starting (its banner). */
let startup = '';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-readme-'));
const curlHome = path.join(scratch, 'curl');

/** The repository's tracked and untracked files, to prove the blocks leave nothing behind. */
const repoFiles = () => spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' }).stdout;

beforeAll(async () => {
  const [port, dynamoPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  spawnSync('mkdir', ['-p', curlHome]);
  writeFileSync(path.join(curlHome, '.curlrc'), 'fail-with-body\nshow-error\n');
  stack = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port), DYNAMODB_PORT: String(dynamoPort), S3_PORT: String(s3Port), STATUSPORTALEN_DATA_DIR: path.join(scratch, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  stack.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  stack.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const started = Date.now();
  while (!/API:\s+(http:\/\/127\.0\.0\.1:\d+)/.test(out)) {
    if (stack.exitCode !== null || Date.now() - started > 90_000) throw new Error(`the local stack did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  url = /API:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
  while (!/Ctrl-C stops everything/.test(out) && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 200));
  startup = out;
}, 120_000);

afterAll(async () => {
  if (stack?.pid) {
    try {
      process.kill(-stack.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      try {
        process.kill(-stack.pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    try {
      process.kill(-stack.pid, 'SIGKILL');
    } catch {
      // Gone, as it should be.
    }
  }
  rmSync(scratch, { recursive: true, force: true });
}, 30_000);

const ran = new Set<number>();

function run(block: Block) {
  ran.add(block.line);
  const script = block.text.replaceAll('http://127.0.0.1:3000', url);
  const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    // A fresh shell: no variable of another block or of this process leaks in.
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: scratch, CURL_HOME: curlHome, TMPDIR: scratch, LANG: 'C.UTF-8' },
  });
  return { ...result, all: `${result.stdout}\n${result.stderr}` };
}

describe('the README', () => {
  it("starts the stack with a banner naming the data folder it uses (STATUSPORTALEN_DATA_DIR here), not .local/", () => {
    const data = path.join(scratch, 'data');
    expect(startup).toMatch(new RegExp(`Data: +${data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/ `));
    expect(startup).toContain(`Mail:      ${data}/outbox/*.eml`);
    expect(startup).not.toContain('.local/');
  });

  it('marks every shell block as runnable here, as the two setup commands, or as needing AWS', () => {
    expect(blocks.filter((b) => !['', 'setup', 'aws'].includes(b.info)).map((b) => `line ${b.line}: ${b.info}`)).toEqual([]);
    expect(runnable.length).toBeGreaterThanOrEqual(4);
  });

  it('submits the municipal report with curl: a first save named "0-new", then the submit', () => {
    const block = runnable.find((b) => b.text.includes('/submit'))!;
    const before = repoFiles();
    const r = run(block);
    expect(r.status, r.all).toBe(0);
    expect(r.stdout).toContain('the report as fetched: "0-new"');
    expect(r.stdout).toMatch(/saved as "1-[a-z0-9]+"/);
    expect(r.stdout).toContain('"status":"submitted"');
    expect(repoFiles()).toBe(before);
  });

  it('pulls the summaries in every format into a scratch folder, overwriting on a second run', () => {
    const block = runnable.find((b) => b.text.includes('format=xlsx'))!;
    const before = repoFiles();
    for (const _ of [1, 2]) {
      const r = run(block);
      expect(r.status, r.all).toBe(0);
      expect(r.stdout).toContain('"expected":');
      expect(r.stdout).toMatch(/opsamling\.csv/);
      expect(r.stdout).toMatch(/opsamling\.xlsx/);
      expect(r.stdout).toMatch(/rapport\.html/);
    }
    expect(repoFiles()).toBe(before);
  });

  it('changes a reminder policy and reads the reminder log as an SST administrator', () => {
    const block = runnable.find((b) => b.text.includes('reminder-policy'))!;
    const r = run(block);
    expect(r.status, r.all).toBe(0);
    expect(r.stdout).toContain('"daysBefore":[7]');
    expect(r.stdout).toContain('"items"');
  });

  it('runs the deadline check with another clock and shows the reminder mail in the outbox', () => {
    const block = runnable.find((b) => b.text.includes('/dev/outbox'))!;
    const r = run(block);
    expect(r.status, r.all).toBe(0);
    // Region Hovedstaden has not reported (København submitted in the block above, so it gets none).
    expect(r.stdout).toContain('"to":["kraeftplan@regionh.example"]');
    expect(r.stdout).toContain('Kære Region Hovedstaden');
    const outbox = readdirSync(path.join(scratch, 'data', 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(outbox.length).toBeGreaterThan(0);
  });

  it('has run every runnable block above, none left out', () => {
    expect(runnable.filter((b) => !ran.has(b.line)).map((b) => `README line ${b.line}`)).toEqual([]);
  });
});
