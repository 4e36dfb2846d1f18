// SST authors a form's next version in the browser: downloads the current version as a
// spreadsheet, edits it (with exceljs, as Excel would), uploads it with a mistake and is told
// sheet, row and column, fixes it, sees the form as reporters will see it (and tries its
// validation), the fields added and removed with what that means for carry-forward and for the
// round already open, then publishes, by keyboard. Every screen is checked with axe-core, at
// 320 CSS px too, and photographed to test-results/screenshots/.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import type { Round } from '#schemas/api';
import { FORMS_DIR } from '../../local/seed.ts';
import { screenshot, seriousViolations, signIn, startWebStack, type WebStack } from './support.ts';

let stack: WebStack;
let sst: BrowserContext;
let page: Page;
let formId: string;
let round: Round;
const dir = mkdtempSync(path.join(os.tmpdir(), 'form-authoring-'));
let downloaded: string;

async function expectAccessible(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p, name), `axe on ${name}`).toEqual([]);
}

async function fitsWidth(p: Page): Promise<string | undefined> {
  const { scroll, client, culprits } = await p.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > client + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > client + 1))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { scroll: document.documentElement.scrollWidth, client, culprits };
  });
  return scroll > client ? `${scroll} > ${client} (${culprits.join(', ')})` : undefined;
}

function rowNamed(ws: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === name) return ws.getRow(r);
  throw new Error(`no row ${name}`);
}

describe('authoring a form version in the browser', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    stack = await startWebStack();
    formId = `browser-${ulid().toLowerCase().slice(-10)}`;
    const admin = await stack.api.as('sst-admin');
    const schema = JSON.parse(readFileSync(`${FORMS_DIR}/kraeftplan-v-kommunal/v1.schema.json`, 'utf8'));
    const res = await admin('POST', `/forms/${formId}/versions`, { body: { schema, title: `Browserskema ${formId.slice(-4)}`, respondentKind: 'municipality', plan: 'kraeftplan-v' } });
    expect(res.status, res.text).toBe(201);
    round = await stack.api.round(formId, { title: `Browserrunde ${formId.slice(-4)}` });
    sst = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    sst.setDefaultTimeout(20_000);
    page = await sst.newPage();
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows SST administrators the forms from the navigation, and downloads the current version as a sheet', async () => {
    await signIn(page, stack.api.url, 'sst-admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Skemaer' }).click();
    await page.getByRole('heading', { name: 'Skemaer', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: formId });
    await expect.poll(() => row.getByRole('cell').allTextContents()).toEqual(['Kommuner', '1', expect.any(String)]);
    await expectAccessible(page, '60-forms');
    await row.getByRole('link', { name: `Ny version af Browserskema ${formId.slice(-4)}` }).click();
    await page.getByRole('heading', { name: `Ny version af »Browserskema ${formId.slice(-4)}«` }).waitFor();
    await page.getByText(/^Version 1 blev udgivet .+ af /).waitFor();
    await expectAccessible(page, '61-author');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent version 1 som regneark' }).click()]);
    expect(file.suggestedFilename()).toBe(`${formId}-v1.xlsx`);
    downloaded = path.join(dir, file.suggestedFilename());
    await file.saveAs(downloaded);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['survey', 'choices', 'settings']);
  });

  it('uploads the downloaded sheet unchanged and is told there is nothing to publish', async () => {
    await page.getByLabel('Regneark med den nye version').setInputFiles(downloaded);
    const unchanged = page.getByRole('heading', { name: 'Ingen ændringer i forhold til version 1' });
    await unchanged.waitFor();
    await page.getByText(`Regnearket »${formId}-v1.xlsx« er magen til version 1, så der er intet at udgive.`, { exact: false }).waitFor();
    // Focus moves to the outcome; nothing offers to publish, and no "can be published" is said.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Ingen ændringer i forhold til version 1');
    expect(await page.getByRole('button', { name: /^Udgiv/ }).count()).toBe(0);
    expect(await page.getByText(/kan udgives som version/).count()).toBe(0);
    expect(await page.getByText(/kan være ændret/).count()).toBe(0);
    await expectAccessible(page, '61b-author-unchanged');
  });

  let typoRow: number;

  it('uploads an edited sheet with a mistake and is told sheet, row and column', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    const survey = wb.getWorksheet('survey')!;
    const after = rowNamed(survey, 'antal_henviste').number;
    survey.insertRow(after + 1, ['heltl', 'antal_forloeb', 'Antal afsluttede forløb', 'Eksempel: forløb afsluttet i året.', null, 0, 100000, null, 'forløb']);
    survey.spliceRows(rowNamed(survey, 'telefon').number, 1);
    typoRow = after; // the removed row was above it
    const bad = path.join(dir, 'med-fejl.xlsx');
    await wb.xlsx.writeFile(bad);
    await page.getByLabel('Regneark med den nye version').setInputFiles(bad);
    const alert = page.locator('.error-summary');
    await alert.getByRole('heading', { name: 'Regnearket har 1 fejl' }).waitFor();
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^Arket »survey«, række ${typoRow}, kolonne »type«: Ukendt type »heltl«\\. Brug en af: tekst, lang tekst, e-mail, dato, tal, heltal, valg <liste>, flervalg <liste>`)),
    ]);
    // Focus moves to the list, so a screen reader reads it and the keyboard starts there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /^Udgiv/ }).count()).toBe(0);
    await expectAccessible(page, '62-author-sheet-error');
    // Fixed in the spreadsheet, for the next upload.
    survey.getRow(typoRow).getCell(1).value = 'heltal';
    await wb.xlsx.writeFile(path.join(dir, 'rettet.xlsx'));
  });

  it('chooses the corrected sheet by keyboard and sees the form as reporters will, its changes and the open round', async () => {
    await page.getByLabel('Regneark med den nye version').focus();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(path.join(dir, 'rettet.xlsx'));
    await page.getByText('Regnearket »rettet.xlsx« er kontrolleret og kan udgives som version 2.').waitFor();
    // The section and the table's own scroll box both bear the heading's name.
    const changes = page.getByRole('region', { name: 'Ændringer i forhold til version 1' }).first().getByRole('table');
    await changes.waitFor();
    expect(await changes.getByRole('row').allTextContents()).toEqual([
      'FeltÆndringBetydning for overførsel af sidste års svar',
      'Rehabilitering og genoptræning › Antal afsluttede forløb/rehabilitering/antal_forloebTilføjet (heltal)Feltet er tomt i nye kladder og udfyldes af indberetteren.',
      'Kontaktperson › Telefon/kontakt/telefonFjernet (var tekst)Svar i feltet overføres ikke; indberetteren får at vide, hvad der ikke blev overført.',
    ]);
    await page.getByText(`${round.title} bruger version 1 og beholder den. Runden kan flyttes til den nye version, indtil den første indberetning er indsendt.`).waitFor();
    // The reporters' form: the new field is there with its unit, the removed one is not.
    const preview = page.locator('.preview-frame');
    const added = preview.getByLabel('Antal afsluttede forløb');
    await added.waitFor();
    await preview.getByText('Enhed: forløb').first().waitFor();
    expect(await preview.getByLabel('Telefon').count()).toBe(0);
    // Its validation, as on the report page: a number out of range is marked at once; submit's check lists what is missing.
    await added.fill('-5');
    await added.blur();
    await expect.poll(() => added.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Kontrollér som ved indsendelse' }).click();
    const summary = preview.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Kontaktperson: Skal udfyldes.', 'Rehabilitering og genoptræning › Antal afsluttede forløb: Skal være mindst 0.']));
    await expectAccessible(page, '63-author-preview');
    expect((await (await stack.api.as('sst-admin'))('GET', `/forms/${formId}`)).body.latestVersion).toBe(1);
  });

  it('fits the authoring page with its changes and preview into 320 CSS px', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const wide = await fitsWidth(page);
    await screenshot(page, '64-author-320');
    expect(await seriousViolations(page, '64-author-320')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(wide).toBeUndefined();
  });

  it('publishes the checked sheet by keyboard, after a confirmation', async () => {
    await page.getByRole('button', { name: 'Udgiv som version 2' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Udgiv version 2?' });
    await dialog.waitFor();
    await expectAccessible(page, '66-author-confirm');
    await page.keyboard.press('Enter');
    await page.getByText('Version 2 er udgivet.').waitFor();
    await page.getByText(/^Version 2 blev udgivet .+ af /).waitFor();
    await expectAccessible(page, '67-author-published');
    const api = await stack.api.as('sst-admin');
    const v2 = (await api('GET', `/forms/${formId}/versions/2`)).body;
    expect(v2.schema.properties.rehabilitering.properties.antal_forloeb).toMatchObject({ type: 'integer', title: 'Antal afsluttede forløb', 'x-unit': 'forløb' });
    expect(v2.schema.properties.kontakt.properties.telefon).toBeUndefined();
    expect(v2.changes).toHaveLength(2);
    expect((await api('GET', `/rounds/${round.roundId}`)).body.formVersion).toBe(1);
  });

  it('fits the list of forms into 320 CSS px', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${stack.api.url}/#/skemaer`);
    await page.getByRole('row').filter({ hasText: formId }).waitFor();
    const wide = await fitsWidth(page);
    await screenshot(page, '65-forms-320');
    expect(await seriousViolations(page, '65-forms-320')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(wide).toBeUndefined();
  });

  it('is not there for other roles', async () => {
    const reader = await stack.browser.newContext({ locale: 'da-DK' });
    const p = await reader.newPage();
    await signIn(p, stack.api.url, 'sst-reader');
    expect(await p.getByRole('navigation').getByRole('link', { name: 'Skemaer' }).count()).toBe(0);
    await p.goto(`${stack.api.url}/#/skemaer/${formId}`);
    await p.getByText('Siden findes ikke.').first().waitFor();
    await reader.close();
  });
});
