// The preload script fetches the page the app then shows (one choice, pageFor in web/src/routes.ts),
// walked in Chromium: for addresses of each kind and each role, opened by link in a fresh load,
// the page file the app imports by itself (preload script blocked) is the page file the preload
// script asks for (app running).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, signedInPages, startWebStack, type WebStack } from './support.ts';

let stack: WebStack;
let roundId: string;
const OWN = 'kommune-101';
const OTHER = 'kommune-707';

/** A page module's own file, as web/build.ts names it (assets/chunk-<Page>-<hash>.js), out of a URL. */
const pageFile = (url: string) => /\/assets\/chunk-([A-Z]\w*Page)-\w+\.js$/.exec(new URL(url, 'http://x').pathname)?.[1];

/** Opens `hash` in a fresh load and waits until the app has loaded what it needs. */
async function open(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${stack.api.url}/${hash}`);
  await page.waitForLoadState('networkidle');
}

/** The page files the app fetched for `hash` with the preload script blocked. */
async function appLoads(page: Page, hash: string): Promise<string[]> {
  const seen = new Set<string>();
  const onRequest = (req: { url(): string }) => {
    const name = pageFile(req.url());
    if (name) seen.add(name);
  };
  page.on('request', onRequest);
  await open(page, hash);
  page.off('request', onRequest);
  return [...seen].sort();
}

/** The page files the preload script asked for on `hash`. */
async function preloaded(page: Page, hash: string): Promise<string[]> {
  await open(page, hash);
  const hrefs = await page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map(pageFile).filter((n): n is string => n !== undefined))].sort();
}

describe('the preload script and the app choose the same page', { timeout: 150_000 }, () => {
  const newPage = signedInPages(() => stack, 'page-preload');
  beforeAll(async () => {
    stack = await startWebStack();
    roundId = (await stack.api.round('kraeftplan-v-kommunal', { title: 'Forhåndshentning (eksempel)' })).roundId;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const CASES = {
    reporter: ['#/', '#/runder/{r}', `#/runder/{r}/${OWN}`, `#/runder/{r}/${OTHER}`, '#/aarshjul', '#/kontakter', '#/publikationer', '#/ny-runde'],
    'sst-admin': ['#/', '#/runder/{r}', `#/runder/{r}/${OWN}`, '#/runder/{r}/bidrag', '#/ny-runde', '#/runder/{r}/rediger', '#/skemaer', '#/log', '#/paamindelser/{r}'],
    'sst-reader': [`#/kontakter/${OWN}`, '#/indikatorer', '#/skemaer', '#/findes-ikke'],
    author: ['#/', '#/runder/{r}', '#/publikationer/p1'],
  } as const;

  for (const [role, hashes] of Object.entries(CASES) as [keyof typeof CASES, readonly string[]][]) {
    it(`preloads, for ${role}, the page file the app loads on every address`, async () => {
      const page = await newPage(role, role === 'reporter' ? OWN : undefined);
      const mismatches: string[] = [];
      const withoutPreload: Record<string, string[]> = {};
      await page.route('**/assets/preload-*.js', (route) => route.abort());
      for (const raw of hashes) withoutPreload[raw] = await appLoads(page, raw.replace('{r}', roundId));
      await page.unroute('**/assets/preload-*.js');
      for (const raw of hashes) {
        const hash = raw.replace('{r}', roundId);
        const asked = await preloaded(page, hash);
        // Another organisation's report, opened by a reporter, redirects to its own: the app loads
        // the report page only, and that is what the preload script asks for.
        const shown = withoutPreload[raw]!;
        if (asked.join('+') !== shown.join('+')) mismatches.push(`${raw}: app ${shown.join('+') || '–'}, preload ${asked.join('+') || '–'}`);
      }
      expect(mismatches).toEqual([]);
      // At least one address per role opens a page module, so the comparison compared something.
      expect(Object.values(withoutPreload).some((files) => files.length > 0)).toBe(true);
      await screenshot(page, `90-preload-${role}-last`);
    });
  }
});
