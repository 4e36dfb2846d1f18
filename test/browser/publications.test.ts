// SST's psychiatry status report in the browser, as the secretariat and its co-author work: SST
// starts it from the example template and adds a data block with the picker, the live preview
// shows the round's figures; Social- og Boligstyrelsen's author lands on its publications and
// writes its section; SST approves and publishes; a municipality reads the edition. Every screen
// is checked with axe, and the editor and the list at 320 px.
// The server runs in this process on a fixed sundhedsråd composition (test/support/health-council-fixture.ts),
// so the table per sundhedsråd reads the same whatever SST adds to registry/sundhedsraad.csv.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import type { Round } from '#schemas/api';
import { exampleAnswers } from '../../local/seed.ts';
import { screenshot, seriousViolations, signIn, startWebStack, type WebStack } from './support.ts';

vi.mock('#core/sundhedsraad-data', async () => ({
  HEALTH_COUNCIL_ROWS: (await import('../support/health-council-fixture.ts')).FIXTURE_HEALTH_COUNCIL_ROWS,
}));

const FORM = 'psykiatriplan-status';
const TITLE = 'Årlig statusrapport for 10-årsplanen for psykiatrien 2026';
const SBST_TEXT = 'Social- og Boligstyrelsen: bostøtte og væresteder er udbygget i 2026.';
let stack: WebStack;
let round: Round;
let municipal2027: Round;
let publicationId = '';
const contexts: BrowserContext[] = [];

async function as(role: 'sst-admin' | 'author' | 'reporter', orgId?: string, width = 1280): Promise<Page> {
  const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width, height: 900 } });
  ctx.setDefaultTimeout(20_000);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, stack.api.url, role, orgId);
  return page;
}

/** The app's page with axe; the preview frame's page is checked on its own (expectPageAccessible). */
async function expectAccessible(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p, name, ['iframe.pub-preview']), `axe on ${name}`).toEqual([]);
}

/** The publication's own HTML (what the preview frame and the public URL show), opened as a page. */
async function expectPageAccessible(path: string, token: string, name: string) {
  const res = await fetch(stack.api.url + path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 320, height: 900 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.setContent(await res.text(), { waitUntil: 'load' });
  await reflows(page);
  await screenshot(page, name);
  expect(await seriousViolations(page, name), `axe on ${name}`).toEqual([]);
}

async function reflows(p: Page) {
  const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'no sideways scrolling at 320 px').toBeLessThanOrEqual(client);
}

async function report(orgId: string, into = round, formId = FORM) {
  const client = await stack.api.as('reporter', orgId);
  const sub = `/rounds/${into.roundId}/submissions/${orgId}`;
  const saved = await client('PUT', sub, { body: { answers: exampleAnswers(formId) }, headers: { 'if-match': '"0-new"' } });
  expect(saved.status, saved.text).toBe(200);
  const sent = await client('POST', `${sub}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(sent.status, sent.text).toBe(200);
}

const savedStatus = (p: Page) => p.getByRole('status').filter({ hasText: /Gemt kl\./ });

describe('publications in the browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    stack = await startWebStack();
    round = await stack.api.round(FORM, { title: `Psykiatri ${ulid().slice(-6)}` });
    await report('region-1081');
    await report('region-1082');
    municipal2027 = await stack.api.round('kraeftplan-v-kommunal', { title: `Kommunal opfølgning 2027 ${ulid().slice(-6)}`, period: '2027', respondentsAt: '2027-01-01' });
    await report('kommune-165', municipal2027, 'kraeftplan-v-kommunal');
    await report('kommune-101', municipal2027, 'kraeftplan-v-kommunal');
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      for (const [i, c] of contexts.entries()) for (const p of c.pages()) await screenshot(p, `failed-pub-${i}-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
    }
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('SST starts the report from the example template, adds a data block with the picker and sees it in the live preview', async () => {
    const page = await as('sst-admin');
    await page.getByRole('link', { name: 'Publikationer' }).click();
    await page.getByRole('heading', { name: 'Publikationer', level: 1 }).waitFor();
    await expectAccessible(page, 'publications-list-admin');
    await page.getByLabel('Skabelon').selectOption('psykiatri-10-aarsplan');
    await page.getByLabel('År').fill('2026');
    await page.getByRole('button', { name: 'Opret' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    publicationId = decodeURIComponent(page.url().split('/').pop()!);
    expect(publicationId).toMatch(/^pub-/);
    await expect.poll(() => page.getByText('eksempler på struktur – ikke officiel tekst').count()).toBe(1);

    // The picker: the distribution of the goals' status in this test's round.
    const picker = page.getByRole('group', { name: 'Tilføj datablok' });
    await picker.getByLabel('Slags data').selectOption('status-distribution');
    await picker.getByLabel('Indberetningsrunde').selectOption(round.roundId);
    await picker.getByLabel('Spørgsmål').selectOption('/maal/*/status');
    // By keyboard: Enter on the button lands on the inserted block's heading, which says what it holds.
    await picker.getByRole('button', { name: 'Indsæt datablokken' }).focus();
    await page.keyboard.press('Enter');
    const inserted = page.getByRole('heading', { name: 'Fordeling af svar (status pr. initiativ eller mål)', level: 3 });
    await expect.poll(() => inserted.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await inserted.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '))).toBe(
      `Datablok: Fordeling af svar (status pr. initiativ eller mål) fra ${round.roundId} (/maal/*/status)`,
    );
    await screenshot(page, 'publication-block-inserted');
    await savedStatus(page).waitFor();
    const preview = page.frameLocator('iframe.pub-preview');
    await preview.getByRole('heading', { name: TITLE }).waitFor();
    await expect.poll(async () => (await preview.locator('body').innerText()).includes('Vurdering af fremdrift: fordeling'), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await preview.locator('body').innerText()).includes(round.title)).toBe(false);
    await expectAccessible(page, 'publication-editor-admin');
    await expectPageAccessible(`/publications/${publicationId}?format=html`, await stack.api.token('sst-admin'), 'publication-preview-page-320');
  });

  it("Social- og Boligstyrelsen's author lands on its publications and writes its section, keyboard only, at 320 px", async () => {
    const page = await as('author', undefined, 320);
    await page.getByRole('heading', { name: 'Publikationer', level: 1 }).waitFor();
    // No rounds, no year wheel: the author has the publications and nothing else.
    await expect.poll(() => page.getByRole('link', { name: 'Indberetninger', exact: true }).count()).toBe(0);
    await reflows(page);
    await expectAccessible(page, 'publications-list-author-320');
    await page.locator(`a[href="#/publikationer/${publicationId}"]`).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    // To the section's text by keyboard: Tab until the field of "Det sociale område" has focus.
    const field = page.getByRole('textbox', { name: 'Tekst (Markdown)' }).and(page.locator('#m-social-omraadet'));
    for (let i = 0; i < 60 && !(await field.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n\n${SBST_TEXT}`);
    await savedStatus(page).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /Godkend/ }).count()).toBe(0);
    await reflows(page);
    await expectAccessible(page, 'publication-editor-author-320');
  });

  it('SST approves and publishes; a municipality reads the edition', async () => {
    const page = await as('sst-admin');
    await page.goto(`${stack.api.url}/#/publikationer/${publicationId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.locator('#m-social-omraadet').inputValue()).toContain(SBST_TEXT);
    // The versions say what the co-author changed, word by word.
    await page.locator('.pub-versions summary').click();
    const added = page.locator('.pub-versions .pub-diff ins', { hasText: 'bostøtte og væresteder' });
    await added.first().waitFor();
    expect(await added.first().innerText()).toContain('tilføjet:');
    await expectAccessible(page, 'publication-versions-diff');
    await page.getByRole('button', { name: 'Godkend denne version' }).click();
    await page.getByText(/Version \d+ er godkendt af/).waitFor();
    await page.getByRole('button', { name: 'Udgiv som ny udgave' }).click();
    const dialog = page.getByRole('dialog', { name: 'Udgiv publikationen?' });
    await dialog.waitFor();
    await expectAccessible(page, 'publication-publish-dialog');
    await dialog.getByRole('button', { name: 'Udgiv som ny udgave' }).click();
    await page.getByText(/Udgave 1 er udgivet/).waitFor();
    await expectAccessible(page, 'publication-published-admin');

    const reader = await as('reporter', 'kommune-101');
    await reader.getByRole('link', { name: 'Publikationer' }).click();
    await reader.locator(`a[href="#/publikationer/${publicationId}"]`).click();
    await reader.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const edition = reader.frameLocator('iframe.pub-preview');
    await expect.poll(async () => (await edition.locator('body').innerText()).includes('bostøtte og væresteder'), { timeout: 20_000 }).toBe(true);
    expect(await edition.locator('body').innerText()).toContain('Udgave 1, udgivet');
    expect(await reader.getByRole('textbox').count()).toBe(0);
    await expectAccessible(reader, 'publication-reader-municipality');
    await expectPageAccessible(`/publications/${publicationId}?format=html`, await stack.api.token('reporter', 'kommune-101'), 'publication-edition-page-320');
  });

  it('the picker offers sundhedsråd only for a municipal round counted from 2027, and the preview shows the councils and the municipalities in none', async () => {
    const admin = await stack.api.as('sst-admin');
    const created = await admin('POST', '/publications', { body: { template: 'blank', title: 'Kommunerne pr. sundhedsråd (eksempel)' } });
    expect(created.status, created.text).toBe(201);
    const page = await as('sst-admin');
    await page.goto(`${stack.api.url}/#/publikationer/${created.body.publicationId}`);
    await page.getByRole('heading', { name: 'Kommunerne pr. sundhedsråd (eksempel)', level: 1 }).waitFor();
    const picker = page.getByRole('group', { name: 'Tilføj datablok' });
    await picker.getByLabel('Slags data').selectOption('question');
    const groupings = () => picker.getByLabel('Opdelt pr.').locator('option').allTextContents();
    // The regions' psychiatry round: no sundhedsråd to choose.
    await picker.getByLabel('Indberetningsrunde').selectOption(round.roundId);
    await expect.poll(groupings).toEqual(['region', 'organisation']);
    await picker.getByLabel('Indberetningsrunde').selectOption(municipal2027.roundId);
    await expect.poll(groupings).toEqual(['region', 'sundhedsråd', 'organisation']);
    await picker.getByLabel('Spørgsmål').selectOption('/rehabilitering/antal_henviste');
    await picker.getByLabel('Opdelt pr.').selectOption('health-council');
    await expectAccessible(page, 'publication-picker-health-council');
    await picker.getByRole('button', { name: 'Indsæt datablokken' }).click();
    await savedStatus(page).waitFor();
    await expect.poll(() => page.locator('.pub-block').innerText()).toContain('opdelt pr. sundhedsråd');
    const preview = page.frameLocator('iframe.pub-preview');
    await expect.poll(async () => (await preview.locator('body').innerText()).includes('Antal borgere henvist til kræftrehabilitering (borgere) pr. sundhedsråd'), { timeout: 20_000 }).toBe(true);
    const table = preview.locator('table', { hasText: 'pr. sundhedsråd' });
    expect(await table.locator('tbody th[scope="row"]').allTextContents()).toEqual(['Sundhedsråd Amager og Vestegnen', 'Ikke fordelt på et sundhedsråd']);
    await screenshot(page, 'publication-preview-health-council');
    // Back to the regions' round: the choice falls back to region rather than offering what does not exist.
    await picker.getByLabel('Indberetningsrunde').selectOption(round.roundId);
    await expect.poll(() => picker.getByLabel('Opdelt pr.').inputValue()).toBe('region');
  });
});
