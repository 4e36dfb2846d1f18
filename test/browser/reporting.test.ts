// The whole reporting loop in a real browser (Chromium via playwright-core) against the local
// stack: a municipality fills, saves, reloads and submits its report; a second session for the
// same municipality gets the conflict message instead of overwriting; SST returns the report
// with a comment, the municipality fixes and resubmits, SST accepts and downloads the XLSX.
// Every page is checked with axe-core and photographed to test-results/screenshots/.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import type { Round } from '#schemas/api';
import { screenshot, seriousViolations, signIn, startWebStack, type WebStack } from './support.ts';

const ORG = 'kommune-101'; // København
let stack: WebStack;
let round: Round;
let reporter: BrowserContext;
let other: BrowserContext;
let sst: BrowserContext;
let page: Page;
let otherPage: Page;
let sstPage: Page;

const reportUrl = () => `${stack.api.url}/#/runder/${round.roundId}/${ORG}`;
const fieldGroup = (p: Page, id: string) => p.locator(`.form-group:has(> #${id}), .form-group:has(#${id})`).last();

async function expectAccessible(p: Page, name: string) {
  await screenshot(p, name);
  expect(await seriousViolations(p, name), `axe on ${name}`).toEqual([]);
}

async function waitSaved(p: Page) {
  await p.getByRole('status').filter({ hasText: /^Gemt kl\. \d{2}\.\d{2}$/ }).waitFor({ timeout: 20_000 });
}

// A real browser on two shared cores: give each step room when the whole suite runs at once.
describe('reporting in the browser', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    stack = await startWebStack();
    round = await stack.api.round('kraeftplan-v-kommunal', { title: `Browsertest ${ulid().slice(-6)}` });
    reporter = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    reporter.setDefaultTimeout(20_000);
    page = await reporter.newPage();
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('signs a municipal reporter in and lists the open report with its deadline and status', async () => {
    await page.goto(`${stack.api.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    await expectAccessible(page, '01-sign-in');
    await signIn(page, stack.api.url, 'reporter', ORG);
    await page.getByRole('heading', { name: 'Mine indberetninger' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: round.title });
    await expect(row.getByText('Ikke påbegyndt')).toBeTruthy();
    await row.getByText('Ikke påbegyndt').waitFor();
    await expectAccessible(page, '02-my-reports');
    await row.getByRole('link', { name: round.title }).click();
    await page.getByRole('heading', { name: round.title }).waitFor();
  });

  it('shows a validation error at the field it concerns, with a linked summary', async () => {
    await page.locator('#root_kontakt_navn').fill('Mette Frederiksen Hansen');
    await page.locator('#root_kontakt_email').fill('ikke-en-mailadresse');
    await page.getByRole('button', { name: 'Indsend' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Indberetningen kan ikke indsendes endnu' });
    await summary.waitFor();
    await summary.getByRole('link', { name: /E-mail: Skal være en gyldig e-mailadresse/ }).waitFor();
    await fieldGroup(page, 'root_kontakt_email').getByText('Skal være en gyldig e-mailadresse.').waitFor();
    await fieldGroup(page, 'root_rehabilitering_beskrivelse').getByText('Skal udfyldes.').waitFor();
    await expectAccessible(page, '03-form-errors');
    // The summary's link takes keyboard focus to the field.
    await summary.getByRole('link', { name: /E-mail: Skal være en gyldig/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('root_kontakt_email');
  });

  it('saves the draft as the reporter types and finds it again after a reload', async () => {
    await page.locator('#root_kontakt_email').fill('mette.hansen@example.dk');
    for (const section of ['rehabilitering', 'palliation', 'tidlige_indsatser', 'sammenhaeng']) {
      await page.locator(`#root_${section}_status`).selectOption({ label: 'Igangsat' });
      await page.locator(`#root_${section}_beskrivelse`).fill(`Kommunens indsats for ${section} er i gang.`);
    }
    await page.locator('#root_rehabilitering_antal_henviste').fill('120');
    await waitSaved(page);
    // The errors fixed meanwhile are gone from the summary.
    expect(await page.getByText('Indberetningen kan ikke indsendes endnu').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: round.title }).waitFor();
    expect(await page.locator('#root_kontakt_email').inputValue()).toBe('mette.hansen@example.dk');
    expect(await page.locator('#root_rehabilitering_antal_henviste').inputValue()).toBe('120');
    await page.getByText('Kladde', { exact: true }).first().waitFor();
    await expectAccessible(page, '04-draft-form');
  });

  it('tells a second session that someone else saved first instead of overwriting', async () => {
    other = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    other.setDefaultTimeout(20_000);
    otherPage = await other.newPage();
    await signIn(otherPage, stack.api.url, 'reporter', ORG);
    await otherPage.goto(reportUrl());
    await otherPage.getByRole('heading', { name: round.title }).waitFor();

    await page.locator('#root_kontakt_stilling').fill('Sundhedskonsulent');
    await waitSaved(page);

    await otherPage.locator('#root_kontakt_stilling').fill('Teamleder');
    const conflict = otherPage.getByRole('alert').filter({ hasText: 'En anden har gemt indberetningen før dig' });
    await conflict.waitFor({ timeout: 20_000 });
    await conflict.getByText(/Indberetter, København gemte indberetningen/).waitFor();
    // The second session's unsaved input is still there to copy, and the server kept the first.
    expect(await otherPage.locator('#root_kontakt_stilling').inputValue()).toBe('Teamleder');
    const saved = await (await stack.api.as('reporter', ORG))('GET', `/rounds/${round.roundId}/submissions/${ORG}`);
    expect(saved.body.answers.kontakt.stilling).toBe('Sundhedskonsulent');
    await expectAccessible(otherPage, '05-conflict');

    await conflict.getByRole('button', { name: 'Hent nyeste version' }).click();
    // It asks first: the unsaved input would be replaced (and is then listed beside the form).
    await otherPage.getByRole('dialog', { name: 'Hent nyeste version' }).getByRole('button', { name: 'Hent nyeste version' }).click();
    await otherPage.waitForFunction(() => (document.getElementById('root_kontakt_stilling') as HTMLInputElement | null)?.value === 'Sundhedskonsulent');
    expect(await otherPage.getByText('En anden har gemt indberetningen før dig').count()).toBe(0);
    await other.close();
  });

  it('submits after a confirmation and shows the report read-only with "reopen"', async () => {
    await page.getByRole('button', { name: 'Indsend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Indsend indberetningen?' });
    await dialog.waitFor();
    await expectAccessible(page, '06-confirm-submit');
    await dialog.getByRole('button', { name: 'Ja, indsend' }).click();
    await page.getByText('Tak. Indberetningen er indsendt.').waitFor();
    await page.getByRole('button', { name: 'Genåbn indberetningen' }).waitFor();
    expect(await page.locator('#root_kontakt_navn').getAttribute('readonly')).not.toBeNull();
    await page.getByText('Historik', { exact: true }).click();
    await page.getByRole('cell', { name: 'Indsendt' }).first().waitFor();
    await expectAccessible(page, '07-submitted');
  });

  it('lets an SST admin see the round status and return the report with a comment', async () => {
    sst = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    sst.setDefaultTimeout(20_000);
    sstPage = await sst.newPage();
    await signIn(sstPage, stack.api.url, 'sst-admin');
    await sstPage.getByRole('heading', { name: 'Indberetningsrunder' }).waitFor();
    await expectAccessible(sstPage, '08-sst-rounds');
    await sstPage.getByRole('link', { name: round.title }).click();
    await sstPage.getByRole('heading', { name: round.title }).waitFor();
    const table = sstPage.locator(`tr[data-org="${ORG}"]`);
    if (await sstPage.getByText('Status for runden kan ikke vises endnu.').count()) {
      await sstPage.goto(`${stack.api.url}/#/runder/${round.roundId}/${ORG}`);
    } else {
      await table.getByText('Indsendt').waitFor();
      await sstPage.getByLabel('Status', { exact: true }).selectOption({ label: 'Indsendt' });
      await table.waitFor();
      await expectAccessible(sstPage, '09-sst-round-status');
      await table.getByRole('link').click();
    }
    await sstPage.getByRole('heading', { name: `København: ${round.title}` }).waitFor();
    await sstPage.getByLabel('Kommentar til indberetteren').fill('Antallet af henviste borgere ser for lavt ud. Tjek venligst tallet.');
    await sstPage.getByLabel('Felt, kommentaren gælder (valgfrit)').selectOption({ label: 'Rehabilitering og genoptræning › Antal borgere henvist til kræftrehabilitering' });
    await expectAccessible(sstPage, '10-sst-review');
    await sstPage.getByRole('button', { name: 'Send retur' }).click();
    await sstPage.getByText('Indberetningen er sendt retur.').waitFor();
  });

  it('shows the reporter the comment; the fix is saved and submitted again', async () => {
    await page.reload();
    await page.getByText('Sundhedsstyrelsen har sendt indberetningen retur med denne kommentar:').waitFor();
    await page.getByText('Antallet af henviste borgere ser for lavt ud. Tjek venligst tallet.').waitFor();
    await expectAccessible(page, '11-returned');
    await page.getByRole('link', { name: 'Rehabilitering og genoptræning › Antal borgere henvist til kræftrehabilitering' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('root_rehabilitering_antal_henviste');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('312');
    await waitSaved(page);
    // The comment stays in view after the save has turned the report back into a draft.
    await page.getByText('Antallet af henviste borgere ser for lavt ud. Tjek venligst tallet.').waitFor();
    await page.getByRole('button', { name: 'Indsend' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, indsend' }).click();
    await page.getByText('Tak. Indberetningen er indsendt.').waitFor();
    const saved = await (await stack.api.as('reporter', ORG))('GET', `/rounds/${round.roundId}/submissions/${ORG}`);
    expect(saved.body).toMatchObject({ status: 'submitted', answers: { rehabilitering: { antal_henviste: 312 } } });
  });

  it('lets SST accept the report and download the summary as XLSX', async () => {
    await sstPage.reload();
    await sstPage.getByRole('button', { name: 'Godkend' }).click();
    await sstPage.getByRole('dialog').getByRole('button', { name: 'Godkend' }).click();
    await sstPage.getByText('Indberetningen er godkendt.').waitFor();
    await screenshot(sstPage, '12-sst-accepted');
    expect((await (await stack.api.as('reporter', ORG))('GET', `/rounds/${round.roundId}/submissions/${ORG}`)).body.status).toBe('accepted');

    await sstPage.goto(`${stack.api.url}/#/runder/${round.roundId}`);
    await sstPage.getByRole('heading', { name: round.title }).waitFor();
    const xlsx = sstPage.getByRole('button', { name: 'Hent som Excel (XLSX)' });
    if ((await xlsx.count()) === 0) return expect.soft(false, 'the summary route is not there yet').toBe(true);
    const [file] = await Promise.all([sstPage.waitForEvent('download'), xlsx.click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await file.createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    });
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an XLSX is a zip
  });

  it('can be used with the keyboard alone: skip link, visible focus, sign-in by Enter', async () => {
    const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(20_000);
    const p = await ctx.newPage();
    await p.goto(`${stack.api.url}/`);
    await p.getByRole('button', { name: 'Log ind' }).waitFor();
    await p.keyboard.press('Tab');
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toBe('Gå til indhold');
    const ring = await p.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).toBe('solid');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('indhold');
    // Reporter is preselected; Tab reaches the organisation list and then the button.
    for (let i = 0; i < 12 && (await p.evaluate(() => document.activeElement?.textContent)) !== 'Log ind'; i++) await p.keyboard.press('Tab');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Mine indberetninger' }).waitFor();
    await ctx.close();
  });

  it('lets a reporter edit its reminder addresses, see the year wheel with its .ics file, and keeps unsaved input', async () => {
    const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(20_000);
    const p = await ctx.newPage();
    const fanoe = 'kommune-563';
    await signIn(p, stack.api.url, 'reporter', fanoe);
    const contactsLink = p.getByRole('link', { name: 'Kontaktadresser' });
    if ((await contactsLink.count()) === 0) return expect.soft(false, 'the contacts route is not there yet').toBe(true);
    await contactsLink.click();
    await p.getByRole('heading', { name: 'Kontaktadresser til påmindelser' }).waitFor();
    await p.getByLabel('E-mailadresse 1').fill('sundhed@fanoe.example.dk');
    await p.getByRole('button', { name: 'Tilføj adresse' }).click();
    await p.getByLabel('E-mailadresse 2').fill('ikke en adresse');
    await p.getByRole('button', { name: 'Gem adresser' }).click();
    await p.locator('.contact-row.has-error').getByText('Skal være en gyldig e-mailadresse.').waitFor();
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('contact-1');
    await p.getByLabel('E-mailadresse 2').fill('borgerservice@fanoe.example.dk');
    await p.getByRole('button', { name: 'Gem adresser' }).click();
    await p.getByText('Adresserne er gemt.').waitFor();
    await expectAccessible(p, '13-contacts');
    const saved = await (await stack.api.as('reporter', fanoe))('GET', `/orgs/${fanoe}/contacts`);
    expect(saved.body.emails).toEqual(['sundhed@fanoe.example.dk', 'borgerservice@fanoe.example.dk']);

    await p.getByRole('link', { name: 'Årshjul' }).click();
    await p.getByRole('heading', { name: 'Årshjul' }).waitFor();
    await p.getByRole('table').first().waitFor();
    await expectAccessible(p, '14-calendar');
    const [ics] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Hent kalenderen (.ics)' }).click()]);
    const stream = await ics.createReadStream();
    let text = '';
    for await (const c of stream) text += (c as Buffer).toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);

    // Nothing typed is lost: with the network refusing saves, the input survives a reload
    // and is offered back, then saved once the network is back.
    await p.goto(`${stack.api.url}/#/runder/${round.roundId}/${fanoe}`);
    await p.getByRole('heading', { name: round.title }).waitFor();
    const failSaves = (r: import('playwright-core').Route) => (r.request().method() === 'PUT' ? r.abort() : r.continue());
    await p.route('**/rounds/*/submissions/*', failSaves);
    await p.locator('#root_kontakt_navn').fill('Jens Fanø');
    await p.getByText('Dine seneste ændringer kunne ikke gemmes').waitFor({ timeout: 20_000 });
    p.once('dialog', (d) => void d.accept());
    await p.reload();
    await p.unroute('**/rounds/*/submissions/*', failSaves);
    await p.getByRole('heading', { name: 'Du har ændringer, der ikke blev gemt' }).waitFor();
    expect(await p.locator('#root_kontakt_navn').inputValue()).toBe('');
    await expectAccessible(p, '15-restore-unsaved');
    await p.getByRole('button', { name: 'Gendan mine ændringer' }).click();
    expect(await p.locator('#root_kontakt_navn').inputValue()).toBe('Jens Fanø');
    await waitSaved(p);
    const restored = await (await stack.api.as('reporter', fanoe))('GET', `/rounds/${round.roundId}/submissions/${fanoe}`);
    expect(restored.body.answers.kontakt.navn).toBe('Jens Fanø');

    await p.getByRole('link', { name: 'Årshjul' }).click();
    await p.getByRole('button', { name: 'Language: English' }).click();
    await p.getByRole('heading', { name: 'Year wheel' }).waitFor();
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    await ctx.close();
  });
  it('tells a reporter who follows a link to a round that has not opened when it opens', async () => {
    const later = await stack.api.round('kraeftplan-v-kommunal', { title: `Kommer snart ${Date.now().toString(36)}`, opensAt: '2027-01-04T08:00:00+01:00', deadline: '2027-03-31T23:59:00+02:00' });
    const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(20_000);
    const p = await ctx.newPage();
    await signIn(p, stack.api.url, 'reporter', 'kommune-563');
    await p.goto(`${stack.api.url}/#/runder/${later.roundId}/kommune-563`);
    await p.getByText('Runden er ikke åbnet endnu. Den åbner 4. januar 2027 kl. 08.00.').waitFor();
    await expectAccessible(p, '16-round-not-open');
    await ctx.close();
  });
});
