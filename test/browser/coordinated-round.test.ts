// A coordinated round in the browser, as Danske Regioner's secretariat and a region's staff
// take it: the region learns its contribution goes to Danske Regioner; Danske Regioner sees the
// five contributions with their status, reads one, returns it with a comment, and composes its own
// report from what has come in; the region sees the comment; a region cannot open another's.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import type { Round } from '#schemas/api';
import { exampleAnswers } from '../../local/seed.ts';
import { screenshot, seriousViolations, signIn, startWebStack, type WebStack } from './support.ts';

const DR = 'danske-regioner';
const HOVEDSTADEN = 'region-1084';
const FORM = 'kraeftplan-v-regional';
let stack: WebStack;
let round: Round;
const contexts: BrowserContext[] = [];

const sub = (orgId: string) => `/rounds/${round.roundId}/submissions/${orgId}`;

async function as(orgId: string): Promise<Page> {
  const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
  ctx.setDefaultTimeout(20_000);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, stack.api.url, 'reporter', orgId);
  return page;
}

async function expectAccessible(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p, name), `axe on ${name}`).toEqual([]);
}

/** A region's contribution saved and submitted through the API, its name in the text. */
async function contribute(orgId: string) {
  const client = await stack.api.as('reporter', orgId);
  const answers = exampleAnswers(FORM);
  (answers['initiativer'] as Record<string, unknown>[])[0]!['beskrivelse'] = `Status fra ${orgId}.`;
  const saved = await client('PUT', sub(orgId), { body: { answers }, headers: { 'if-match': '"0-new"' } });
  expect(saved.status, saved.text).toBe(200);
  const sent = await client('POST', `${sub(orgId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(sent.status, sent.text).toBe(200);
}

describe('a coordinated round in the browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    stack = await startWebStack();
    round = await stack.api.round(FORM, { title: `Koordineret ${ulid().slice(-6)}`, mode: 'coordinated', coordinator: DR, respondentsAt: '2026-03-31' });
    expect(round.contributors).toHaveLength(5);
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      for (const [i, c] of contexts.entries()) for (const p of c.pages()) await screenshot(p, `failed-coord-${i}-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
    }
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('tells a region that its contribution goes to Danske Regioner, also in the submit confirmation', async () => {
    const client = await stack.api.as('reporter', HOVEDSTADEN);
    const saved = await client('PUT', sub(HOVEDSTADEN), { body: { answers: exampleAnswers(FORM) }, headers: { 'if-match': '"0-new"' } });
    expect(saved.status, saved.text).toBe(200);
    const page = await as(HOVEDSTADEN);
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}/${HOVEDSTADEN}`);
    await page.getByRole('heading', { name: round.title }).waitFor();
    await page.getByText('Jeres bidrag sendes til Danske Regioner, som samler bidragene og indberetter til Sundhedsstyrelsen.').waitFor();
    await page.getByRole('button', { name: 'Indsend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Indsend indberetningen?' });
    await dialog.getByText('Når bidraget er indsendt, kan Danske Regioner se det.').waitFor();
    await expectAccessible(page, '50-contribution-confirm');
    await dialog.getByRole('button', { name: 'Ja, indsend' }).click();
    await page.getByText('Tak. Indberetningen er indsendt.').waitFor();
    // Another region's contribution is not this region's to open: the link leads to its own.
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}/region-1081`);
    await page.getByText('Region Hovedstadens indberetning').waitFor();
    expect(page.url()).toContain(`/${HOVEDSTADEN}`);
  });

  it('shows Danske Regioner every contribution with its status, and lets it return one with a comment', async () => {
    await contribute('region-1081');
    await contribute('region-1082');
    const page = await as(DR);
    await page.getByRole('heading', { name: 'Mine indberetninger' }).waitFor();
    await page.getByRole('row').filter({ hasText: round.title }).getByRole('link', { name: 'Se bidragene fra deltagerne' }).click();
    await page.getByRole('heading', { name: `Bidrag til ${round.title}` }).waitFor();
    const table = page.getByRole('table', { name: 'Bidrag og deres status' });
    expect(await table.locator('tbody tr').count()).toBe(5);
    await table.locator(`tr[data-org="${HOVEDSTADEN}"]`).getByText('Indsendt').waitFor();
    await table.locator('tr[data-org="region-1085"]').getByText('Ikke påbegyndt').waitFor();
    await page.locator('.figures').getByText('3', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Danske Regioners indberetning til Sundhedsstyrelsen' }).waitFor();
    await expectAccessible(page, '51-contributions');

    await page.getByRole('link', { name: 'Læs bidraget fra Region Hovedstaden' }).click();
    await page.getByRole('heading', { name: `Region Hovedstaden: ${round.title}` }).waitFor();
    await page.getByLabel('Kommentar til indberetteren').fill('Fremdriften for tidlig diagnostik mangler en begrundelse. Tilføj den venligst.');
    await expectAccessible(page, '52-contribution-review');
    await page.getByRole('button', { name: 'Send retur' }).click();
    await page.getByText('Indberetningen er sendt retur.').waitFor();
    const back = await (await stack.api.as('reporter', HOVEDSTADEN))('GET', sub(HOVEDSTADEN));
    expect(back.body).toMatchObject({ status: 'returned', review: { comment: 'Fremdriften for tidlig diagnostik mangler en begrundelse. Tilføj den venligst.' } });

    await page.getByRole('link', { name: `← Bidrag til ${round.title}` }).click();
    await page.locator(`tr[data-org="${HOVEDSTADEN}"]`).getByText('Sendt retur').waitFor();
    await page.locator(`tr[data-org="${HOVEDSTADEN}"]`).getByText('“Fremdriften for tidlig diagnostik mangler en begrundelse. Tilføj den venligst.”').waitFor();
  });

  it('lets Danske Regioner compose its own report from the contributions received, then edit it as its own', async () => {
    const page = await as(DR);
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}/bidrag`);
    await page.getByRole('heading', { name: `Bidrag til ${round.title}` }).waitFor();
    await page.getByText('2 af 5 bidrag er modtaget.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sammensæt indberetningen fra bidragene' }).click();
    await page.getByRole('dialog', { name: 'Sammensæt indberetningen fra bidragene' }).getByRole('button', { name: 'Ja, sammensæt' }).click();
    await page.getByText('Danske Regioners indberetning').waitFor();
    await page.getByRole('link', { name: 'Se bidragene fra deltagerne' }).waitFor();
    const text = await page.locator('#root_initiativer_0_beskrivelse').inputValue();
    expect(text).toContain('Status fra region-1081.');
    expect(text).toContain('Status fra region-1082.');
    const own = (await (await stack.api.as('reporter', DR))('GET', sub(DR))).body;
    expect(own.status).toBe('draft');
    await expectAccessible(page, '53-composed-report');
  });

  it('shows the region the coordinator\'s comment on its returned contribution', async () => {
    const page = await as(HOVEDSTADEN);
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}/${HOVEDSTADEN}`);
    await page.getByText('Fremdriften for tidlig diagnostik mangler en begrundelse. Tilføj den venligst.').waitFor();
    await page.locator('.report-meta').getByText('Sendt retur').waitFor();
    await screenshot(page, '54-contribution-returned');
  });
});
