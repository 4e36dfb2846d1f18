// Inviting a co-author in the web app. SST's administrator, keyboard only at 320 px, ticks Social- og
// Boligstyrelsen under "Medforfattere" on a draft started without co-authors (the Kræftplan V
// template invites nobody); the invitation autosaves with the draft. The authority's author, in
// its own browser context, then finds the draft among its publications and writes in it. SST ticks
// the authority off again and the author's list and link lose the draft. Also: "Tilføj
// tekstafsnit" puts the focus in the new section's heading field, so typing goes there.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import { screenshot, seriousViolations, sidewaysOverflow, signIn, startWebStack, type WebStack } from './support.ts';

const SBST = 'social-og-boligstyrelsen';
let stack: WebStack;
let publicationId = '';
let title = '';
const contexts: BrowserContext[] = [];

async function as(role: 'sst-admin' | 'author', width: number): Promise<Page> {
  const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width, height: 900 } });
  ctx.setDefaultTimeout(20_000);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, stack.api.url, role);
  return page;
}

async function expectAccessible(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p, name, ['iframe.pub-preview']), `axe on ${name}`).toEqual([]);
}

async function reflows(p: Page) {
  expect(await sidewaysOverflow(p), 'what sticks out at 320 px').toEqual([]);
  const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'no sideways scrolling at 320 px').toBeLessThanOrEqual(client);
}

/**
 * Tab until `target` has the focus: forward first, then back (a control just before the focused
 * one is one Shift+Tab away, but a whole page of sections away going forward); at most `max`
 * presses each way; fails if it never does.
 */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 80) {
  const focused = () => target.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < max && !(await focused()); i++) await page.keyboard.press('Tab');
  for (let i = 0; i < 2 * max && !(await focused()); i++) await page.keyboard.press('Shift+Tab');
  expect(await focused(), 'reached by Tab').toBe(true);
}

const savedStatus = (p: Page) => p.getByRole('status').filter({ hasText: /Gemt kl\./ });
const openDraft = (p: Page) => p.goto(`${stack.api.url}/#/publikationer/${publicationId}`);
const authorsNow = async () => {
  const res = await (await stack.api.as('sst-admin'))('GET', `/publications/${publicationId}`);
  expect(res.status, res.text).toBe(200);
  return (res.body as { authors: string[] }).authors;
};

describe('co-authors in the browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    stack = await startWebStack();
    const admin = await stack.api.as('sst-admin');
    title = `Kræftplan V til ministeriet (eksempel ${ulid().slice(-6)})`;
    const created = await admin('POST', '/publications', { body: { template: 'kraeftplan-v-ministeriet', title, period: '2026' } });
    expect(created.status, created.text).toBe(201);
    publicationId = (created.body as { publicationId: string }).publicationId;
    expect((created.body as { authors: string[] }).authors).toEqual([]);
  }, 60_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      for (const [i, c] of contexts.entries()) for (const p of c.pages()) await screenshot(p, `failed-coauthors-${i}`).catch(() => undefined);
    }
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('SST invites Social- og Boligstyrelsen by keyboard; its author sees and edits the draft; SST removes it and the author no longer sees it', async () => {
    // Not invited yet: the author's list has no link to the draft, and the link itself finds nothing.
    const author = await as('author', 320);
    await author.getByRole('heading', { name: 'Publikationer', level: 1 }).waitFor();
    await expect.poll(() => author.locator('.loading').count()).toBe(0);
    expect(await author.locator(`a[href="#/publikationer/${publicationId}"]`).count()).toBe(0);

    const sst = await as('sst-admin', 320);
    await openDraft(sst);
    await sst.getByRole('heading', { name: title, level: 1 }).waitFor();
    const coAuthors = sst.getByRole('region', { name: 'Medforfattere' });
    await coAuthors.getByText('Ingen myndigheder er inviteret som medforfattere.').waitFor();
    // The registry's national authorities by official name, SST itself not among them.
    const boxes = coAuthors.getByRole('checkbox');
    expect(await boxes.evaluateAll((els) => els.map((el) => el.parentElement!.textContent!.trim()).sort())).toEqual(['Danske Regioner', 'KL', 'Social- og Boligstyrelsen', 'Sundhedsdatastyrelsen']);
    const sbst = coAuthors.getByRole('checkbox', { name: 'Social- og Boligstyrelsen' });
    await tabTo(sst, sbst);
    await sst.keyboard.press('Space');
    expect(await sbst.isChecked()).toBe(true);
    await coAuthors.getByText('Inviteret som medforfattere: Social- og Boligstyrelsen.').waitFor();
    await savedStatus(sst).waitFor();
    expect(await authorsNow()).toEqual([SBST]);
    await reflows(sst);
    await expectAccessible(sst, 'publication-coauthors-invited-320');

    // The author, in its own context: the draft is in its list, it writes in the introduction.
    await author.reload();
    await author.getByRole('heading', { name: 'Publikationer', level: 1 }).waitFor();
    await author.locator(`a[href="#/publikationer/${publicationId}"]`).click();
    await author.getByRole('heading', { name: title, level: 1 }).waitFor();
    // Who is invited is SST's to choose: the author has no boxes to tick.
    expect(await author.getByRole('checkbox', { name: 'Social- og Boligstyrelsen' }).count()).toBe(0);
    const intro = author.locator('#m-indledning');
    await tabTo(author, intro);
    await author.keyboard.press('Control+End');
    await author.keyboard.type('\n\nSocial- og Boligstyrelsens bidrag (eksempel).');
    await savedStatus(author).waitFor();
    await reflows(author);
    await expectAccessible(author, 'publication-coauthor-editing-320');
    const res = await (await stack.api.as('sst-admin'))('GET', `/publications/${publicationId}`);
    const intro2 = (res.body as { sections: { id: string; markdown: string }[] }).sections.find((s) => s.id === 'indledning');
    expect(intro2?.markdown).toContain('Social- og Boligstyrelsens bidrag (eksempel).');

    // SST's page is behind the author's save: ticking another authority there is refused like any
    // overtaken save (who saved first, fetch the newest), and invites nobody.
    const kl = coAuthors.getByRole('checkbox', { name: 'KL', exact: true });
    await tabTo(sst, kl);
    await sst.keyboard.press('Space');
    const conflict = sst.getByRole('alert').filter({ hasText: 'har gemt en nyere version' });
    await conflict.waitFor();
    expect(await kl.isDisabled()).toBe(true);
    expect(await authorsNow()).toEqual([SBST]);
    await expectAccessible(sst, 'publication-coauthors-conflict-320');
    await conflict.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await sst.getByRole('heading', { name: title, level: 1 }).waitFor();
    const sbstAgain = sst.getByRole('region', { name: 'Medforfattere' }).getByRole('checkbox', { name: 'Social- og Boligstyrelsen' });
    expect(await sbstAgain.isChecked()).toBe(true);
    await tabTo(sst, sbstAgain);
    await sst.keyboard.press('Space');
    await sst.getByText('Ingen myndigheder er inviteret som medforfattere.').waitFor();
    await savedStatus(sst).waitFor();
    expect(await authorsNow()).toEqual([]);

    // The author has lost it: gone from the list, and the link it still has finds nothing.
    await author.goto(`${stack.api.url}/#/publikationer`);
    await author.getByRole('heading', { name: 'Publikationer', level: 1 }).waitFor();
    await expect.poll(() => author.locator('.loading').count()).toBe(0);
    expect(await author.locator(`a[href="#/publikationer/${publicationId}"]`).count()).toBe(0);
    await openDraft(author);
    await author.getByText('Publikationen findes ikke.').waitFor();
    expect(await author.locator('#m-indledning').count()).toBe(0);
    await screenshot(author, 'publication-coauthor-removed-320');
  });

  it('"Tilføj tekstafsnit" puts the focus in the new section\'s heading, so what is typed lands there', async () => {
    const sst = await as('sst-admin', 1280);
    await openDraft(sst);
    await sst.getByRole('heading', { name: title, level: 1 }).waitFor();
    const add = sst.getByRole('button', { name: 'Tilføj tekstafsnit' });
    await add.focus();
    await sst.keyboard.press('Enter');
    const heading = sst.locator('input[id^="t-afsnit-"]');
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement), 'focus on the new heading field').toBe(true);
    expect(await sst.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Overskrift');
    await sst.keyboard.press('Control+A');
    await sst.keyboard.type('Perspektiver');
    expect(await heading.inputValue()).toBe('Perspektiver');
    await sst.getByRole('heading', { name: 'Perspektiver', level: 3 }).waitFor();
    await savedStatus(sst).waitFor();
    const res = await (await stack.api.as('sst-admin'))('GET', `/publications/${publicationId}`);
    expect((res.body as { sections: { title: string }[] }).sections.at(-1)?.title).toBe('Perspektiver');
  });
});
