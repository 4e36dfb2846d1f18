// A report's past and its documents in a real browser: the revision history opens a revision
// read-only and compares it with the one before (fields by their Danish titles, choices by
// their labels); "changed since last year" compares with last year's accepted report; the
// reporter uploads a PDF straight to storage (s3rver, cross-origin), is refused a text file
// with the server's own Danish reason, and downloads the file again; SST sees each round's
// completeness in the rounds list, the figures and the regions on the round page, and the
// attachment on the review page. axe-core checks every new view.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import { addDanishDays } from '#core/danish-time';
import type { Round } from '#schemas/api';
import { screenshot, seriousViolations, signIn, startWebStack, type WebStack } from './support.ts';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-727'; // Odder, Region Midtjylland: no other browser test reports for it
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = JSON.parse(readFileSync(path.join(ROOT, 'forms', FORM, 'example.v1.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const PDF_BYTES = Buffer.from('%PDF-1.7\n% Bilag om rehabilitering i Odder\n%%EOF\n');

let stack: WebStack;
let lastYear: Round;
let thisYear: Round;
let ctx: BrowserContext;
let page: Page;
let sstCtx: BrowserContext;

async function expectAccessible(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p, name), `axe on ${name}`).toEqual([]);
}

const waitSaved = (p: Page) => p.getByRole('status').filter({ hasText: /^Gemt kl\. \d{2}\.\d{2}$/ }).waitFor({ timeout: 20_000 });
const sub = (round: Round) => `/rounds/${round.roundId}/submissions/${ORG}`;

describe('revisions, changes since last year, attachments and round status in the browser', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    stack = await startWebStack();
    const tag = ulid().slice(-6);
    const now = new Date();
    // Last year's round ends before this year's, so it is "the latest earlier round of the same form".
    lastYear = await stack.api.round(FORM, { title: `Sidste år ${tag}`, period: '2025', deadline: addDanishDays(now, 10).toISOString() });
    thisYear = await stack.api.round(FORM, { title: `Historik og bilag ${tag}`, deadline: addDanishDays(now, 20).toISOString() });
    const reporter = await stack.api.as('reporter', ORG);
    const saved = await reporter('PUT', sub(lastYear), { body: { answers: example } });
    expect(saved.status).toBe(200);
    expect((await reporter('POST', `${sub(lastYear)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } })).status).toBe(200);
    expect((await (await stack.api.as('sst-admin'))('POST', `${sub(lastYear)}/accept`)).status).toBe(200);
    // This year starts as revision 1: a new contact person and palliation further along.
    const answers = {
      ...example,
      kontakt: { ...example['kontakt'], navn: 'Åse Mikkelsen' },
      palliation: { ...example['palliation'], status: 'implementeret' },
    };
    expect((await reporter('PUT', sub(thisYear), { body: { answers } })).status).toBe(200);

    ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    ctx.setDefaultTimeout(20_000);
    page = await ctx.newPage();
    await signIn(page, stack.api.url, 'reporter', ORG);
    await page.goto(`${stack.api.url}/#/runder/${thisYear.roundId}/${ORG}`);
    await page.getByRole('heading', { name: thisYear.title }).waitFor();
  }, 120_000);

  afterEach(async (c) => {
    if (c.task.result?.state === 'fail' && page) await screenshot(page, `failed-${c.task.name.slice(0, 40)}`).catch(() => undefined);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('compares a revision with the previous one by field titles and choice labels, and opens one read-only', async () => {
    await page.locator('#root_rehabilitering_antal_henviste').fill('250');
    await waitSaved(page);
    await page.getByText('Historik', { exact: true }).click();
    await page.getByRole('button', { name: 'Sammenlign version 2 med version 1' }).click();
    const diff = page.getByRole('table', { name: 'Ændringer fra version 1 til version 2' });
    await diff.waitFor();
    const row = diff.getByRole('row', { name: /Rehabilitering og genoptræning › Antal borgere henvist til kræftrehabilitering/ });
    expect(await row.locator('td').allInnerTexts()).toEqual(['Ændret', '312 borgere', '250 borgere']);
    expect(await diff.locator('tbody tr').count()).toBe(1);
    // Focus moves to the panel's heading so a screen reader hears what opened.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('revision-panel-title');
    await expectAccessible(page, '20-revision-diff');

    await page.getByRole('button', { name: 'Vis version 1' }).click();
    await page.getByRole('heading', { name: 'Version 1 (Gemt)' }).waitFor();
    const old = page.locator('#rev1_rehabilitering_antal_henviste');
    await old.waitFor();
    expect(await old.inputValue()).toBe('312');
    expect(await old.getAttribute('readonly')).not.toBeNull();
    // The form being edited keeps its own ids and value.
    expect(await page.locator('#root_rehabilitering_antal_henviste').inputValue()).toBe('250');
    await expectAccessible(page, '21-revision-view');
    await page.getByRole('button', { name: 'Luk' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Vis version 1');
  });

  it('shows what changed since last year\'s accepted report, following the form as the reporter types', async () => {
    const section = page.locator('details.since-last-year');
    await section.locator('summary').click();
    await section.getByText(`Sammenlignet med jeres godkendte indberetning i runden ${lastYear.title} (2025). 3 felter er ændret.`).waitFor();
    const table = section.getByRole('table', { name: 'Ændret siden sidste år' });
    expect(await table.getByRole('row', { name: /Palliation › Status for kommunens indsats/ }).locator('td').allInnerTexts()).toEqual([
      'Ændret',
      'Delvist implementeret',
      'Implementeret',
    ]);
    await table.getByRole('row', { name: /Kontaktperson › Navn/ }).getByText('Åse Mikkelsen').waitFor();
    await expectAccessible(page, '22-since-last-year');
    // Back to last year's value: one change fewer, at once.
    await page.locator('#root_rehabilitering_antal_henviste').fill('312');
    await section.getByText('2 felter er ændret.').waitFor();
    await waitSaved(page);
  });

  it('uploads a PDF to storage, refuses a text file with the server\'s reason, and downloads the PDF again', async () => {
    const attachments = page.locator('section.attachments');
    await attachments.getByText('Der er ingen bilag.').waitFor();
    const input = attachments.getByLabel('Vælg en fil (PDF, DOCX eller XLSX, højst 20 MB)');
    expect(await input.getAttribute('accept')).toContain('.pdf');
    await attachments.getByText('Hver fil må højst fylde 20 MB, og bilagene må tilsammen højst fylde 50 MB (højst 20 filer).').waitFor();

    await input.setInputFiles({ name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('ikke et bilag') });
    await attachments.getByRole('button', { name: 'Upload bilag' }).click();
    await attachments.getByRole('alert').getByText('Bilaget kunne ikke tilføjes: Bilag skal være PDF, Word (DOCX) eller Excel (XLSX).').waitFor();
    await expectAccessible(page, '23-attachment-refused');

    await input.setInputFiles({ name: 'Rehabilitering Odder 2026.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    await attachments.getByRole('button', { name: 'Upload bilag' }).click();
    await attachments.getByText('Bilaget Rehabilitering Odder 2026.pdf er tilføjet.').waitFor();
    const row = attachments.getByRole('row', { name: /Rehabilitering Odder 2026\.pdf/ });
    await row.getByText(`${PDF_BYTES.length} byte`).waitFor();
    const saved = await (await stack.api.as('reporter', ORG))('GET', sub(thisYear));
    expect(saved.body.revision).toBe(4);
    expect(saved.body.attachments).toEqual([expect.objectContaining({ fileName: 'Rehabilitering Odder 2026.pdf', size: PDF_BYTES.length, revision: 4 })]);
    await expectAccessible(page, '24-attachment-uploaded');

    // The history follows: the attachment's revision changed no field.
    await page.getByRole('button', { name: 'Sammenlign version 4 med version 3' }).click();
    await page.getByText('Ingen felter blev ændret i denne version').waitFor();

    const [file] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Hent Rehabilitering Odder 2026.pdf' }).click()]);
    expect(file.suggestedFilename()).toBe('Rehabilitering Odder 2026.pdf');
    const chunks: Buffer[] = [];
    for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(PDF_BYTES)).toBe(true);

    // Autosave carries on from the attachment's revision instead of meeting a stale ETag.
    await page.locator('#root_kontakt_stilling').fill('Sundhedskonsulent');
    await waitSaved(page);
    expect(await page.getByText('En anden har gemt indberetningen, før dig').count()).toBe(0);
  });

  it('shows SST each round\'s completeness in the list, the figures and regions on the round page, and the attachment on review', async () => {
    sstCtx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    sstCtx.setDefaultTimeout(20_000);
    const p = await sstCtx.newPage();
    await signIn(p, stack.api.url, 'sst-reader');
    await p.getByRole('heading', { name: 'Indberetningsrunder' }).waitFor();
    const row = p.getByRole('row').filter({ has: p.getByRole('link', { name: lastYear.title }) });
    await row.scrollIntoViewIfNeeded();
    await row.getByText(/^1 af 98 indsendt \(1 %\)/).waitFor();
    await row.getByText('1 til tiden · 0 for sent · 97 mangler · 1 godkendt').waitFor();
    await expectAccessible(p, '25-sst-rounds-status');

    await row.getByRole('link', { name: lastYear.title }).click();
    await p.getByRole('heading', { name: lastYear.title }).waitFor();
    const figures = p.getByTestId('round-figures');
    const figure = async (key: string) => (await figures.locator(`[data-figure="${key}"] dd`).innerText()).trim();
    await figures.waitFor();
    expect([await figure('expected'), await figure('reported'), await figure('onTime'), await figure('late'), await figure('missing'), await figure('accepted')]).toEqual([
      '98',
      '1',
      '1',
      '0',
      '97',
      '1',
    ]);
    const regions = p.getByRole('table', { name: 'Status fordelt på regioner' });
    const midt = regions.getByRole('row', { name: /Region Midtjylland/ });
    const cells = await midt.locator('td').allInnerTexts();
    expect(cells.slice(1, 6)).toEqual(['1', '1', '0', String(Number(cells[0]) - 1), '1']);
    expect(await regions.locator('tbody tr').count()).toBe(5);
    await expectAccessible(p, '26-sst-round-figures');

    await p.goto(`${stack.api.url}/#/runder/${thisYear.roundId}/${ORG}`);
    await p.getByRole('heading', { name: `Odder: ${thisYear.title}` }).waitFor();
    const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Hent Rehabilitering Odder 2026.pdf' }).click()]);
    expect(file.suggestedFilename()).toBe('Rehabilitering Odder 2026.pdf');
    expect(await p.locator('#attachment-file').count()).toBe(0);
    await p.locator('summary', { hasText: 'Ændret siden sidste år' }).click();
    await p.getByText('3 felter er ændret.').waitFor();
    await expectAccessible(p, '27-sst-review-attachments');
    await sstCtx.close();
  });
});
