// `npm run bench -- web [--runs N]`: the web app's first load, as a municipal employee meets it.
// Builds the app, serves it from the local server beside the API (compressed as CloudFront
// does, local/static.ts), and drives Debian's Chromium with the CPU throttled 4× (CDP
// Emulation.setCPUThrottlingRate) and an empty cache. Reports, per page, the JavaScript bytes
// the browser downloaded (as sent, compressed) and, for a reporter's form opened by link, the
// time from navigation until the form takes input. Targets (issue 18): sign-in ≤ 100 KiB of
// compressed JavaScript, a reporter's form page ≤ 250 KiB, SST's pages loaded only on SST routes,
// the form page interactive in ≤ 2 s. Table on stdout, JSON under bench/results/.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildWeb } from '../web/build.ts';
import { createStaticHandler } from '../local/static.ts';
import { startEngines, startServer } from '../local/stack.ts';
import { seedBenchRound } from './seed-round.ts';
import { REPO_ROOT } from '../infra/bundling.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const TARGETS = { signInKiB: 100, formKiB: 250, formMs: 2000 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Compressed JavaScript bytes the page downloads while `action` runs and until the network is
 * idle after it, and which files; `beforeReady` is the part that arrived before `action` ended
 * (for the form page: before the form took input; what loads after it, such as validation, is
 * in `bytes` too).
 */
async function jsDownloads(page: Page, action: () => Promise<void>): Promise<{ bytes: number; files: string[]; beforeReady: number }> {
  const files: string[] = [];
  const sizes: Promise<{ bytes: number; at: number }>[] = [];
  const onResponse = (res: import('playwright-core').Response) => {
    if (!res.url().endsWith('.js')) return;
    files.push(new URL(res.url()).pathname);
    // As sent: the compressed body (content-length of the encoded response).
    sizes.push(res.finished().then(() => ({ bytes: Number(res.headers()['content-length'] ?? 0), at: Date.now() })));
  };
  page.on('response', onResponse);
  await action();
  const ready = Date.now();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const all = await Promise.all(sizes);
  const sum = (xs: { bytes: number }[]) => xs.reduce((a, b) => a + b.bytes, 0);
  return { bytes: sum(all), files, beforeReady: sum(all.filter((x) => x.at <= ready)) };
}

export async function run(args: string[]): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  const dist = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-web-bench-'));
  const built = await buildWeb(dist);
  const engines = await startEngines();
  const { roundId } = await seedBenchRound('web-bench');
  const orgId = 'kommune-101';
  const server = await startServer({ extra: createStaticHandler(dist) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  const formUrl = `${server.url}/#/runder/${encodeURIComponent(roundId)}/${orgId}`;
  try {
    const fresh = async () => {
      const ctx = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
      ctx.setDefaultTimeout(60_000);
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      return { ctx, page };
    };
    const signIn = async (page: Page, role: 'reporter' | 'sst-admin') => {
      await page.getByRole('heading', { name: 'Log ind' }).waitFor();
      await page.getByLabel(role === 'reporter' ? 'Indberetter (region eller kommune)' : 'Sundhedsstyrelsen, administrator').check();
      if (role === 'reporter') await page.getByLabel('Organisation', { exact: true }).selectOption(orgId);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByRole('button', { name: 'Log ud' }).waitFor();
    };

    // What each page downloads (one pass, cache disabled).
    const { ctx: c1, page: p1 } = await fresh();
    const signInPage = await jsDownloads(p1, async () => {
      await p1.goto(`${server.url}/#/`);
      await p1.getByRole('heading', { name: 'Log ind' }).waitFor();
    });
    await signIn(p1, 'reporter');
    await p1.goto('about:blank');
    const formPage = await jsDownloads(p1, async () => {
      await p1.goto(formUrl);
      await p1.locator('form input, form select, form textarea').first().waitFor({ state: 'visible' });
    });
    await c1.close();
    const { ctx: c2, page: p2 } = await fresh();
    await p2.goto(`${server.url}/#/`);
    await signIn(p2, 'sst-admin');
    await p2.goto('about:blank');
    const sstRoundPage = await jsDownloads(p2, async () => {
      await p2.goto(`${server.url}/#/runder/${encodeURIComponent(roundId)}`);
      await p2.getByRole('heading', { level: 1 }).waitFor();
    });
    await c2.close();
    // SST's page files: what the SST round page loads beyond the reporter's form page.
    const sstOnly = sstRoundPage.files.filter((f) => !formPage.files.includes(f) && !signInPage.files.includes(f));
    const reporterLoadsSst = formPage.files.some((f) => sstOnly.includes(f)) || signInPage.files.some((f) => sstOnly.includes(f));

    // Time to an interactive form page, opened by link by a signed-in reporter, empty cache.
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { ctx, page } = await fresh();
      await page.goto(`${server.url}/#/`);
      await signIn(page, 'reporter');
      await page.goto('about:blank');
      const t0 = Date.now();
      await page.goto(formUrl);
      const field = page.locator('form input, form select, form textarea').first();
      await field.waitFor({ state: 'visible' });
      // Interactive: the field is enabled and takes focus.
      await field.focus();
      times.push(Date.now() - t0);
      await ctx.close();
    }
    const kib = (n: number) => n / 1024;
    const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
    console.log(`\nWeb app first load (Chromium, CPU throttled 4×, cache disabled; load average ${load})`);
    console.log(`${'page'.padEnd(34)}${'JS KiB sent'.padStart(12)}${'before ready'.padStart(14)}${'files'.padStart(7)}${'target'.padStart(10)}${'met'.padStart(5)}`);
    const row = (name: string, d: { bytes: number; files: string[]; beforeReady: number }, target?: number) =>
      console.log(`${name.padEnd(34)}${kib(d.bytes).toFixed(1).padStart(12)}${kib(d.beforeReady).toFixed(1).padStart(14)}${String(d.files.length).padStart(7)}${(target ? `≤${target}` : '-').padStart(10)}${(target ? (kib(d.bytes) <= target ? 'yes' : 'NO') : '-').padStart(5)}`);
    row('sign-in', signInPage, TARGETS.signInKiB);
    row('reporter form page (by link)', formPage, TARGETS.formKiB);
    row('SST round page (by link)', sstRoundPage);
    console.log(`SST-only files: ${sstOnly.length}; loaded by a reporter: ${reporterLoadsSst ? 'YES' : 'no'}`);
    console.log(`form page interactive: median ${median(times)} ms of ${runs} (${times.join(', ')}), target ≤ ${TARGETS.formMs} ms: ${median(times) <= TARGETS.formMs ? 'met' : 'MISSED'}`);
    console.log(`build: entry ${(built.bytes.js / 1024).toFixed(0)} KiB minified, ${Object.keys(built.chunks).length} JS files`);

    const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `web-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), loadAverage: os.loadavg(), cpuThrottling: 4, signInPage, formPage, sstRoundPage, sstOnly, reporterLoadsSst, formInteractiveMs: times, targets: TARGETS }, null, 2));
    console.log(`JSON: ${path.relative(REPO_ROOT, file)}`);
  } finally {
    await browser.close();
    await server.stop();
    await engines.stop();
    rmSync(dist, { recursive: true, force: true });
  }
}
