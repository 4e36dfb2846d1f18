// A coordinated round as SST's secretariat sees it: the report SST receives and reviews is
// Danske Regioner's, so the round page and the rounds list show it first, with its status, a way
// in and a deadline extension; the figures under it are the contributions to Danske Regioner,
// whose "godkendt" is Danske Regioner's approval, not SST's, and SST is offered no bulk accept of
// contributions it does not review.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import type { Round } from '#schemas/api';
import { exampleAnswers } from '../../local/seed.ts';
import { screenshot, seriousViolations, sidewaysOverflow, signIn, startWebStack, type WebStack } from './support.ts';

const DR = 'danske-regioner';
const FORM = 'kraeftplan-v-regional';
const CONTRIBUTORS = ['region-1081', 'region-1084'];
let stack: WebStack;
let round: Round;
const contexts: BrowserContext[] = [];

const sub = (orgId: string) => `/rounds/${round.roundId}/submissions/${orgId}`;

async function sst(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport });
  ctx.setDefaultTimeout(20_000);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, stack.api.url, 'sst-admin');
  return page;
}

async function expectAccessible(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p, name), `axe on ${name}`).toEqual([]);
}

describe("a coordinated round on SST's screens", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    stack = await startWebStack();
    round = await stack.api.round(FORM, { title: `Koordineret SST ${ulid().slice(-6)}`, mode: 'coordinated', coordinator: DR, respondentsAt: '2026-03-31' });
    // Two regions contribute; Danske Regioner accepts one, composes its report and submits it to SST.
    for (const orgId of CONTRIBUTORS) {
      const client = await stack.api.as('reporter', orgId);
      const saved = await client('PUT', sub(orgId), { body: { answers: exampleAnswers(FORM) }, headers: { 'if-match': '"0-new"' } });
      expect(saved.status, saved.text).toBe(200);
      expect((await client('POST', `${sub(orgId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } })).status).toBe(200);
    }
    const dr = await stack.api.as('reporter', DR);
    expect((await dr('POST', `${sub(CONTRIBUTORS[0]!)}/accept`)).status).toBe(200);
    const saved = await dr('PUT', sub(DR), { body: { answers: exampleAnswers(FORM) }, headers: { 'if-match': '"0-new"' } });
    expect(saved.status, saved.text).toBe(200);
    const sent = await dr('POST', `${sub(DR)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    expect(sent.status, sent.text).toBe(200);
  }, 120_000);

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("shows Danske Regioner's report to SST first, opens it, and names the figures as contributions to Danske Regioner", async () => {
    const page = await sst();
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}`);
    const report = page.getByRole('region', { name: 'Danske Regioners indberetning til Sundhedsstyrelsen' });
    await report.waitFor();
    await report.getByText('Indsendt', { exact: true }).waitFor();
    await report.getByText(/^Indsendt \d+\. \w+ \d{4}/).waitFor();
    const figures = page.getByRole('region', { name: 'Bidrag til Danske Regioner' });
    await figures.getByText('godkendt betyder her godkendt af Danske Regioner', { exact: false }).waitFor();
    expect(await figures.locator('[data-figure="reported"] dd').textContent()).toBe('2');
    expect(await figures.locator('[data-figure="accepted"] dd').textContent()).toBe('1');
    await page.getByRole('heading', { name: 'Deltagere', level: 2 }).waitFor();
    // SST reviews the coordinator's report, not the contributions: no bulk accept of them.
    expect(await page.getByRole('button', { name: 'Godkend de valgte' }).count()).toBe(0);
    await expectAccessible(page, '55-sst-coordinated-round');

    // The way in is the report SST reviews.
    await report.getByRole('link', { name: 'Åbn Danske Regioners indberetning' }).click();
    await page.waitForURL(new RegExp(`#/runder/${round.roundId}/${DR}$`));
    await page.getByRole('button', { name: 'Send retur' }).waitFor();
    await page.goBack();
    await report.waitFor();

    // The rounds list says the same in one cell.
    await page.goto(`${stack.api.url}/#/`);
    const cell = page.locator(`[data-round-status="${round.roundId}"]`);
    await cell.scrollIntoViewIfNeeded();
    await expect.poll(() => cell.textContent()).toContain('Danske Regioners indberetning: Indsendt');
    expect(await cell.textContent()).toContain('Bidrag: 2 af 5 modtaget, 1 godkendt af Danske Regioner');
  });

  it("extends Danske Regioner's deadline from the round page, by keyboard, and fits 320 CSS px", async () => {
    const page = await sst({ width: 320, height: 700 });
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}`);
    const report = page.getByRole('region', { name: 'Danske Regioners indberetning til Sundhedsstyrelsen' });
    await report.waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await report.getByRole('button', { name: 'Forlæng fristen for Danske Regioner' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const later = new Date(Date.parse(round.deadlineAt) + 14 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel(/^Ny frist/).fill(later);
    await dialog.getByLabel(/^Begrundelse/).fill('Danske Regioner venter på et sent bidrag.');
    await dialog.getByRole('button', { name: /^Forlæng/ }).click();
    await report.getByText(/Forlænget til/).waitFor();
    const extensions = (await (await stack.api.as('sst-reader'))('GET', `/rounds/${round.roundId}/extensions`)).body.items as { orgId: string; reason: string }[];
    expect(extensions.find((e) => e.orgId === DR)?.reason).toBe('Danske Regioner venter på et sent bidrag.');
    await expectAccessible(page, '56-sst-coordinated-extension-320');
  });
});
