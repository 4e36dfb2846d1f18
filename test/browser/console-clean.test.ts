// The browser console stays clean on the pages people open first: no failed request and no error
// logged. A tester saw every page log a 404 for /favicon.ico (the app had no icon).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startWebStack, type WebStack } from './support.ts';

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('the browser console', { timeout: 90_000 }, () => {
  it('logs no error and sees no failed request from sign-in to a reporter\'s list of rounds', async () => {
    const ctx = await stack.browser.newContext({ locale: 'da-DK' });
    try {
      const page = await ctx.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${r.status()} ${new URL(r.url()).pathname}`);
      });
      await signIn(page, stack.api.url, 'reporter', 'kommune-665');
      await page.getByRole('heading', { name: 'Mine indberetninger' }).waitFor();
      // The icon is the page's own (inline), so the browser never asks for /favicon.ico.
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
