// A coordinated round in the browser, as Danske Regioner's secretariat and a region's staff
// take it: the region learns its contribution goes to Danske Regioner; Danske Regioner sees the
// five contributions with their status, reads one, returns it with a comment, and composes its own
// report from what has come in; the region sees the comment; a region cannot open another's.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import type { Round } from '#schemas/api';
import { exampleAnswers } from '../../local/seed.ts';
import { ruleViolations, screenshot, seriousViolations, sidewaysOverflow, signIn, startWebStack, type WebStack } from './support.ts';

const DR = 'danske-regioner';
const HOVEDSTADEN = 'region-1084';
const FORM = 'kraeftplan-v-regional';
let stack: WebStack;
let round: Round;
const contexts: BrowserContext[] = [];

const sub = (orgId: string) => `/rounds/${round.roundId}/submissions/${orgId}`;

async function as(orgId: string, width = 1280, role: 'reporter' | 'sst-admin' = 'reporter'): Promise<Page> {
  const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width, height: 900 } });
  ctx.setDefaultTimeout(20_000);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, stack.api.url, role, role === 'reporter' ? orgId : undefined);
  return page;
}

/** The id of the focused element, '' for <body>. */
const focusedId = (p: Page) => p.evaluate(() => (document.activeElement === document.body ? '' : (document.activeElement?.id ?? '')));

async function expectAccessible(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p, name), `axe on ${name}`).toEqual([]);
}

/** A region's contribution saved and submitted through the API, its name in the text. */
async function contribute(orgId: string, roundId = round.roundId) {
  const client = await stack.api.as('reporter', orgId);
  const path = `/rounds/${roundId}/submissions/${orgId}`;
  const answers = exampleAnswers(FORM);
  (answers['initiativer'] as Record<string, unknown>[])[0]!['beskrivelse'] = `Status fra ${orgId}.`;
  const current = await client('GET', path);
  const saved = await client('PUT', path, { body: { answers }, headers: { 'if-match': current.headers.get('etag')! } });
  expect(saved.status, saved.text).toBe(200);
  const sent = await client('POST', `${path}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(sent.status, sent.text).toBe(200);
  return sent.body as { submittedAt: string };
}

/** Every word of the element's text on one line: nothing broken mid-word. */
const wordsUnbroken = (p: Page, selector: string) =>
  p.locator(selector).evaluateAll((els) =>
    els.flatMap((el) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
      return broken;
    }),
  );

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
    const dialog = page.getByRole('dialog', { name: 'Send bidraget til Danske Regioner?' });
    await dialog.getByText('Når bidraget er indsendt, kan Danske Regioner se det.').waitFor();
    await expectAccessible(page, '50-contribution-confirm');
    await dialog.getByRole('button', { name: 'Ja, indsend' }).click();
    await page.getByText('Tak. Bidraget er sendt til Danske Regioner.').waitFor();
    // Another region's contribution is not this region's to open: the link leads to its own.
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}/region-1081`);
    await page.getByText('Region Hovedstadens bidrag til Danske Regioner').waitFor();
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
    // Five participants, three contributions in: the intro says both, not "de 5 bidrag".
    await page.getByText('Her er bidragene fra de 5 deltagere, I samler til jeres indberetning til Sundhedsstyrelsen (3 modtaget indtil nu).', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Danske Regioners indberetning til Sundhedsstyrelsen' }).waitFor();
    await expectAccessible(page, '51-contributions');

    await page.getByRole('link', { name: 'Læs bidraget fra Region Hovedstaden' }).click();
    await page.getByRole('heading', { name: `Region Hovedstaden: ${round.title}` }).waitFor();
    await page.getByLabel('Kommentar til indberetteren').fill('Fremdriften for tidlig diagnostik mangler en begrundelse. Tilføj den venligst.');
    await expectAccessible(page, '52-contribution-review');
    await page.getByRole('button', { name: 'Send retur' }).click();
    await page.getByText('Bidraget er sendt retur.').waitFor();
    // Read-only now, with no review section above it: its list items stand right under the page title.
    await page.getByRole('heading', { name: /^Initiativ 1: / }).waitFor();
    expect(await ruleViolations(page, 'heading-order')).toEqual([]);
    await screenshot(page, '52-contribution-returned');
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

  describe('review moves as Danske Regioner and SST make them', () => {
    let review: Round;
    const MIDT = 'region-1082';
    const SYD = 'region-1083';
    const NORD = 'region-1081';
    const reviewUrl = (orgId: string) => `${stack.api.url}/#/runder/${review.roundId}/${orgId}`;
    beforeAll(async () => {
      review = await stack.api.round(FORM, { title: `Gennemgang ${ulid().slice(-6)}`, mode: 'coordinated', coordinator: DR, respondentsAt: '2026-03-31' });
      for (const id of [MIDT, SYD, NORD]) await contribute(id, review.roundId);
    });

    it('names Danske Regioner as the one that returned a contribution, and moves focus to the outcome (keyboard, 320 px)', async () => {
      const page = await as(DR, 320);
      await page.goto(reviewUrl(MIDT));
      await page.getByRole('heading', { name: `Region Midtjylland: ${review.title}` }).waitFor();
      await page.getByLabel('Kommentar til indberetteren').fill('Initiativ 1 mangler barrierer for Viborg.');
      await page.getByRole('button', { name: 'Send retur' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Bidraget er sendt retur.').waitFor();
      expect(await focusedId(page)).toBe('review-outcome');
      await page.getByText('Danske Regioner har sendt bidraget retur med denne kommentar:').waitFor();
      expect(await page.getByText('Sundhedsstyrelsen har sendt').count()).toBe(0);
      expect(await sidewaysOverflow(page)).toEqual([]);
      await expectAccessible(page, '55-dr-320-after-return');

      const region = await as(MIDT, 320);
      await region.goto(reviewUrl(MIDT));
      await region.getByText('Danske Regioner har sendt bidraget retur med denne kommentar:').waitFor();
      await region.getByText('Initiativ 1 mangler barrierer for Viborg.').waitFor();
      expect(await region.getByText('Sundhedsstyrelsen har sendt').count()).toBe(0);
      await expectAccessible(region, '56-midt-320-returned');
    });

    it('shows a contribution sent again after its return as answered, with the new time (320 px)', async () => {
      const again = await contribute(MIDT, review.roundId);
      const page = await as(DR, 320);
      await page.goto(`${stack.api.url}/#/runder/${review.roundId}/bidrag`);
      const row = page.locator(`tr[data-org="${MIDT}"]`);
      await row.getByText('Indsendt', { exact: true }).waitFor();
      const when = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(new Date(again.submittedAt));
      await row.getByText(`Besvaret: indsendt igen`, { exact: false }).waitFor();
      expect(await row.locator('.comment-answered').innerText()).toContain(when);
      // The figure card's label wraps between words, not inside "Sundhedsstyrelsen".
      expect(await wordsUnbroken(page, '.figures dt')).toEqual([]);
      expect(await sidewaysOverflow(page)).toEqual([]);
      await expectAccessible(page, '57-dr-320-contributions-answered');
    });

    it('tells a second colleague, where they are, that the contribution was already returned or accepted, keeping their comment', async () => {
      const one = await as(DR);
      const two = await as(DR);
      for (const p of [one, two]) {
        await p.goto(reviewUrl(SYD));
        await p.getByRole('heading', { name: `Region Syddanmark: ${review.title}` }).waitFor();
      }
      await one.getByLabel('Kommentar til indberetteren').fill('Kollega 1: uddyb fremdriften.');
      await one.getByRole('button', { name: 'Send retur' }).click();
      await one.getByText('Bidraget er sendt retur.').waitFor();

      await two.getByLabel('Kommentar til indberetteren').fill('Kollega 2: min egen kommentar.');
      await two.getByRole('button', { name: 'Send retur' }).click();
      const stale = two.locator('#review-stale');
      await stale.getByText('En kollega har allerede sendt bidraget retur', { exact: false }).waitFor();
      expect(await focusedId(two)).toBe('review-stale');
      // The page shows the real status and the colleague's comment, and keeps what this one typed.
      await two.locator('.report-meta').getByText('Sendt retur').waitFor();
      await two.getByText('Kollega 1: uddyb fremdriften.').waitFor();
      await stale.getByText('Kollega 2: min egen kommentar.').waitFor();
      await expectAccessible(two, '58-dr2-stale-return');

      for (const p of [one, two]) {
        await p.goto(reviewUrl(NORD));
        await p.getByRole('heading', { name: `Region Nordjylland: ${review.title}` }).waitFor();
      }
      await one.getByRole('button', { name: 'Godkend' }).click();
      await one.getByRole('dialog').getByRole('button', { name: 'Godkend' }).click();
      await one.getByText('Bidraget er godkendt.').waitFor();
      expect(await focusedId(one)).toBe('review-outcome');
      await two.getByRole('button', { name: 'Godkend' }).click();
      await two.getByRole('dialog').getByText('Godkend bidraget fra Region Nordjylland?').waitFor();
      await two.getByRole('dialog').getByRole('button', { name: 'Godkend' }).click();
      await two.locator('#review-stale').getByText('En kollega har allerede godkendt bidraget', { exact: false }).waitFor();
      expect(await focusedId(two)).toBe('review-stale');
      await two.locator('.report-meta').getByText('Godkendt').waitFor();
      await expectAccessible(two, '59-dr2-stale-accept');
      // The region reads who accepted it: Danske Regioner, not Sundhedsstyrelsen, which has not seen it.
      const region = await as(NORD);
      await region.goto(`${stack.api.url}/#/runder/${review.roundId}/${NORD}`);
      await region.getByText('Danske Regioner har godkendt bidraget.').waitFor();
      expect(await region.getByText('Sundhedsstyrelsen har godkendt').count()).toBe(0);
    });

    it('says "det 1 modtagne bidrag" in the compose dialog when one has come in', async () => {
      const single = await stack.api.round(FORM, { title: `Ét bidrag ${ulid().slice(-6)}`, mode: 'coordinated', coordinator: DR, respondentsAt: '2026-03-31' });
      await contribute(MIDT, single.roundId);
      const page = await as(DR);
      await page.goto(`${stack.api.url}/#/runder/${single.roundId}/bidrag`);
      await page.getByRole('button', { name: 'Sammensæt indberetningen fra bidragene' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sammensæt indberetningen fra bidragene' });
      await dialog.getByText('Indberetningen startes fra det 1 modtagne bidrag og gemmes som kladde.').waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    });

    it('moves focus to the outcome after SST accepts a report in a direct round (keyboard)', async () => {
      const direct = await stack.api.round(FORM, { title: `Direkte ${ulid().slice(-6)}`, respondentsAt: '2026-03-31' });
      await contribute(MIDT, direct.roundId);
      const page = await as('sst', 320, 'sst-admin');
      await page.goto(`${stack.api.url}/#/runder/${direct.roundId}/${MIDT}`);
      await page.getByRole('button', { name: 'Godkend' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').getByRole('button', { name: 'Godkend' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Indberetningen er godkendt.').waitFor();
      expect(await focusedId(page)).toBe('review-outcome');
      await expectAccessible(page, '60-sst-320-accepted');
    });
  });
});
