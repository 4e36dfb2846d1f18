// Browser-test harness: builds the web app into a temp folder (esbuild, ~1 s), serves it from
// the local server beside the API, and drives Debian's Chromium through playwright-core.
// axe-core checks each page; screenshots go to test-results/screenshots/ for a reviewer.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { buildWeb } from '../../web/build.ts';
import { createStaticHandler } from '../../local/static.ts';
import { startApi, type Api } from '../support/api.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface WebStack {
  api: Api;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startWebStack(): Promise<WebStack> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH.`);
  }
  const dist = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-web-'));
  await buildWeb(dist);
  const api = await startApi({ extra: createStaticHandler(dist) });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    api,
    browser,
    async stop() {
      await browser.close();
      await api.stop();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical findings on the page as it is now (WCAG 2.0/2.1 A and AA and
 * best practice). Every finding, whatever its impact, is also appended to
 * test-results/axe.jsonl so a reviewer sees the minor ones too.
 */
export async function seriousViolations(page: Page, name = page.url(), exclude: readonly string[] = []): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  // A frame that is re-rendered while axe runs in it (a live preview) can stall the run: such a
  // page is excluded here and checked on its own.
  for (const selector of exclude) builder = builder.exclude(selector);
  const result = await builder.analyze();
  appendFileSync(
    path.join(SCREENSHOTS, '..', 'axe.jsonl'),
    `${JSON.stringify({ page: name, passes: result.passes.length, violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) })}\n`,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
}

/**
 * The elements axe finds breaking one rule on the page as it is now, as `rule: target`. For the
 * moderate and minor rules that seriousViolations lets pass, such as 'heading-order'.
 */
export async function ruleViolations(page: Page, rule: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withRules([rule]).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${String(n.target)}`));
}

/** What the user sees first (`name.png`) and the whole page (`name-full.png`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-full.png`), fullPage: true });
}

/** Signs in on the dev sign-in page, as a user would: role, organisation, button. */
export async function signIn(page: Page, baseUrl: string, role: 'reporter' | 'sst-admin' | 'sst-reader' | 'author', orgId?: string): Promise<void> {
  await page.goto(`${baseUrl}/#/`);
  await page.getByRole('heading', { name: 'Log ind' }).waitFor();
  const label = { reporter: 'Indberetter (region eller kommune)', 'sst-admin': 'Sundhedsstyrelsen, administrator', 'sst-reader': 'Sundhedsstyrelsen, læser', author: 'Medforfatter fra Social- og Boligstyrelsen' }[role];
  await page.getByLabel(label).check();
  if (orgId) await page.getByLabel('Organisation', { exact: true }).selectOption(orgId);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
}

/**
 * What sticks out sideways on the page as it is now (after its loaders are gone): the innermost
 * elements wider than the viewport, at most three, as `tag.class`; empty when nothing does.
 */
export async function sidewaysOverflow(p: Page): Promise<string[]> {
  await expect.poll(() => p.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
  return p.evaluate(() => {
    const client = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= client) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > client + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > client + 1))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
  });
}

type Role = 'reporter' | 'sst-admin' | 'sst-reader' | 'author';

/**
 * Signed-in pages for one test file, each in a browser context of its own (Danish locale,
 * downloads accepted). Call it inside the file's describe: after each test its contexts are
 * closed, with a screenshot of every open page first when the test failed.
 */
export function signedInPages(stack: () => WebStack, failPrefix: string) {
  const contexts: BrowserContext[] = [];
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      for (const [i, c] of contexts.entries()) for (const p of c.pages()) await screenshot(p, `failed-${failPrefix}-${i}-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
    }
    for (const c of contexts.splice(0)) await c.close();
  });
  return async (role: Role, orgId?: string, viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const ctx = await stack().browser.newContext({ locale: 'da-DK', viewport, acceptDownloads: true });
    ctx.setDefaultTimeout(20_000);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signIn(page, stack().api.url, role, orgId);
    return page;
  };
}

/** Waits until nothing is loading, keeps a screenshot for the reviewer, and asks axe for serious findings. */
export async function expectAccessible(p: Page, name: string, exclude: readonly string[] = []): Promise<void> {
  await expect.poll(() => p.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
  await screenshot(p, name);
  expect(await seriousViolations(p, name, exclude), `axe on ${name}`).toEqual([]);
}
