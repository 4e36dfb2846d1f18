// SST's reporting year in one chain, in the browser, as the secretariat works it: author the
// form's next version from a spreadsheet (download the current one, edit it as Excel would,
// upload, read the preview and the changes, publish), create a round on it, a municipality fills
// and submits its report in its own browser, remind the laggards from the status table (one
// e-mail each in the local outbox; a second click sends none), grant an extension the reporter
// then sees (and is told by e-mail), return one report and accept another from the table, upload
// national indicators with one error, fix and commit them and read the trend chart, add a Task
// Force meeting and subscribe to the year wheel with an ICS client that sends no Authorization
// header, and find the chain's events in the audit log. Each step is photographed to
// test-results/screenshots/1xx-e2e-*.png and checked with axe.
//
// Nothing here depends on other suites' data: the form is this test's own (its id is random),
// so the round (form-year) and its indicators are too; the municipalities are ones no other
// suite touches, and every outbox or audit read is filtered to this round or form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import ical, { type VEvent } from 'node-ical';
import type { BrowserContext, Page } from 'playwright-core';
import { ulid } from 'ulid';
import { addDanishDays, danishDate } from '#core/danish-time';
import { FORMS_DIR } from '../../local/seed.ts';
import { screenshot, seriousViolations, signIn, startWebStack, type WebStack } from './support.ts';

/** Region Hovedstaden municipalities no other suite uses. */
const HILLEROED = 'kommune-219'; // fills and submits in the browser
const ALLEROED = 'kommune-201'; // has reported (through the API) and is returned
const HELSINGOER = 'kommune-217'; // laggard with an address; gets an extension
const HOERSHOLM = 'kommune-223'; // laggard with an address
const RUDERSDAL = 'kommune-230'; // laggard without an address
const YEAR = '2026';

let stack: WebStack;
const contexts: BrowserContext[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'sst-year-e2e-'));
const formId = `aar-${ulid().toLowerCase().slice(-10)}`;
const formTitle = `Kommunal opfølgning, årstest ${formId.slice(-4)}`;
const roundId = `${formId}-${YEAR}`;
const roundTitle = `Årets runde (eksempel) ${formId.slice(-4)}`;
const tag = ulid().toLowerCase().slice(-8);
const address = (name: string) => `kraeft-${tag}@${name}.example`;

async function newPage(role: 'sst-admin' | 'reporter', orgId?: string): Promise<Page> {
  const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  ctx.setDefaultTimeout(30_000);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, stack.api.url, role, orgId);
  return page;
}

async function step(p: Page, name: string, exclude: readonly string[] = []) {
  await expect.poll(() => p.locator('.loading').count(), { timeout: 20_000 }).toBe(0);
  await screenshot(p, name);
  expect(await seriousViolations(p, name, exclude), `axe on ${name}`).toEqual([]);
}

const outbox = async (prefix: string): Promise<{ to: string[]; subject: string; text?: string; key?: string }[]> =>
  ((await stack.api.call('GET', '/dev/outbox')).body.items as { to: string[]; subject: string; text?: string; key?: string }[]).filter((m) => m.key?.startsWith(prefix));

function rowNamed(ws: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === name) return ws.getRow(r);
  throw new Error(`no row ${name} in the sheet`);
}

describe("SST's year, end to end in the browser", { timeout: 600_000 }, () => {
  beforeAll(async () => {
    stack = await startWebStack();
    // The form's first version, as it stood last year; the chain authors the second.
    const sst = await stack.api.as('sst-admin');
    const schema = JSON.parse(readFileSync(`${FORMS_DIR}/kraeftplan-v-kommunal/v1.schema.json`, 'utf8'));
    const published = await sst('POST', `/forms/${formId}/versions`, { body: { schema, title: formTitle, respondentKind: 'municipality', plan: 'kraeftplan-v' } });
    expect(published.status, published.text).toBe(201);
    // Rudersdal has none: no suite gives it any (and an address list cannot be emptied).
    for (const [orgId, emails] of [[HELSINGOER, [address('helsingoer')]], [HOERSHOLM, [address('hoersholm')]]] as const) {
      const res = await sst('PUT', `/orgs/${orgId}/contacts`, { body: { emails } });
      expect(res.status, res.text).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    for (const [i, c] of contexts.entries()) for (const p of c.pages()) await screenshot(p, `199-e2e-last-${i}`).catch(() => undefined);
    for (const c of contexts.splice(0)) await c.close();
    await stack?.stop();
  });

  it('runs the year: form, round, report, reminders, extension, review, indicators, calendar, audit log', async () => {
    const sst = await newPage('sst-admin');
    const url = stack.api.url;

    // 1. A new form version from the spreadsheet.
    await sst.getByRole('navigation').getByRole('link', { name: 'Skemaer' }).click();
    await sst.getByRole('heading', { name: 'Skemaer', level: 1 }).waitFor();
    await step(sst, '100-e2e-forms');
    await sst.getByRole('link', { name: `Ny version af ${formTitle}` }).click();
    await sst.getByRole('heading', { name: `Ny version af »${formTitle}«` }).waitFor();
    const [file] = await Promise.all([sst.waitForEvent('download'), sst.getByRole('button', { name: 'Hent version 1 som regneark' }).click()]);
    const v1Sheet = path.join(dir, file.suggestedFilename());
    await file.saveAs(v1Sheet);
    // Edited as a person would in Excel: a question added under the referrals, the phone removed.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(v1Sheet);
    const survey = wb.getWorksheet('survey')!;
    survey.insertRow(rowNamed(survey, 'antal_henviste').number + 1, ['heltal', 'antal_forloeb', 'Antal afsluttede forløb', 'Eksempel: forløb afsluttet i året.', null, 0, 100000, null, 'forløb']);
    survey.spliceRows(rowNamed(survey, 'telefon').number, 1);
    const v2Sheet = path.join(dir, 'version-2.xlsx');
    await wb.xlsx.writeFile(v2Sheet);
    await sst.getByLabel('Regneark med den nye version').setInputFiles(v2Sheet);
    await sst.getByText('Regnearket »version-2.xlsx« er kontrolleret og kan udgives som version 2.').waitFor();
    const changes = sst.getByRole('region', { name: 'Ændringer i forhold til version 1' }).first().getByRole('table');
    await changes.getByRole('row').filter({ hasText: 'Antal afsluttede forløb' }).getByText('Tilføjet (heltal)').waitFor();
    await changes.getByRole('row').filter({ hasText: 'Telefon' }).getByText('Fjernet (var tekst)').waitFor();
    await sst.locator('.preview-frame').getByLabel('Antal afsluttede forløb').waitFor();
    await step(sst, '101-e2e-form-preview');
    await sst.getByRole('button', { name: 'Udgiv som version 2' }).click();
    const publish = sst.getByRole('dialog', { name: 'Udgiv version 2?' });
    await step(sst, '102-e2e-form-confirm');
    await publish.getByRole('button', { name: /^Udgiv/ }).click();
    await sst.getByText('Version 2 er udgivet.').waitFor();
    await step(sst, '103-e2e-form-published');

    // 2. A round on the new version, opening today.
    await sst.goto(`${url}/#/`);
    await sst.getByRole('link', { name: 'Opret en ny runde' }).click();
    await sst.getByRole('heading', { name: 'Opret en ny runde' }).waitFor();
    await sst.getByLabel('Skema *').selectOption({ label: formTitle });
    await expect.poll(() => sst.getByLabel('Skemaversion *').inputValue()).toBe('2');
    await sst.getByLabel('År *').fill(YEAR);
    await sst.getByLabel('Titel').fill(roundTitle);
    await sst.getByLabel('Åbner *').fill(danishDate(new Date()));
    await sst.getByLabel('Frist *').fill(danishDate(addDanishDays(new Date(), 30)));
    await sst.getByLabel('Respondenter pr. dato', { exact: true }).fill('2026-06-01');
    await sst.getByText('98 respondenter pr.').waitFor();
    await step(sst, '104-e2e-new-round');
    await sst.getByRole('button', { name: 'Opret runden' }).click();
    await sst.getByText(`Runden "${roundTitle}" er oprettet.`).waitFor();
    const created = (await (await stack.api.as('sst-admin'))('GET', `/rounds/${roundId}`)).body;
    expect(created).toMatchObject({ formId, formVersion: 2, phase: 'open', title: roundTitle });

    // Allerød reports by itself meanwhile (through the API, as its own system would).
    const alleroed = await stack.api.as('reporter', ALLEROED);
    const alleroedSub = `/rounds/${roundId}/submissions/${ALLEROED}`;
    const answers = JSON.parse(readFileSync(`${FORMS_DIR}/kraeftplan-v-kommunal/example.v1.json`, 'utf8'));
    delete answers.kontakt.telefon;
    const saved = await alleroed('PUT', alleroedSub, { body: { answers }, headers: { 'if-match': '"0-new"' } });
    expect(saved.status, saved.text).toBe(200);
    const submitted = await alleroed('POST', `${alleroedSub}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    expect(submitted.status, submitted.text).toBe(200);

    // 3. Hillerød fills in and submits the new version in its own browser.
    const reporter = await newPage('reporter', HILLEROED);
    await reporter.getByRole('heading', { name: 'Mine indberetninger' }).waitFor();
    await reporter.getByRole('row').filter({ hasText: roundTitle }).getByRole('link', { name: roundTitle }).click();
    await reporter.getByRole('heading', { name: roundTitle }).waitFor();
    await reporter.locator('#root_kontakt_navn').fill('Eksempel Jensen');
    await reporter.locator('#root_kontakt_email').fill('eksempel.jensen@hilleroed.example');
    for (const section of ['rehabilitering', 'palliation', 'tidlige_indsatser', 'sammenhaeng']) {
      await reporter.locator(`#root_${section}_status`).selectOption({ label: 'Igangsat' });
      await reporter.locator(`#root_${section}_beskrivelse`).fill(`Eksempel: kommunens indsats for ${section} er i gang.`);
    }
    await reporter.locator('#root_rehabilitering_antal_forloeb').fill('42');
    expect(await reporter.locator('#root_kontakt_telefon').count()).toBe(0);
    await reporter.getByRole('status').filter({ hasText: /^Gemt kl\. \d{2}\.\d{2}$/ }).waitFor();
    await step(reporter, '105-e2e-reporter-filled');
    await reporter.getByRole('button', { name: 'Indsend' }).click();
    await reporter.getByRole('dialog', { name: 'Indsend indberetningen?' }).getByRole('button', { name: 'Ja, indsend' }).click();
    await reporter.getByText('Tak. Indberetningen er indsendt.').waitFor();
    await step(reporter, '106-e2e-reporter-submitted');
    const hilleroedReport = (await (await stack.api.as('reporter', HILLEROED))('GET', `/rounds/${roundId}/submissions/${HILLEROED}`)).body;
    expect(hilleroedReport).toMatchObject({ status: 'submitted', answers: { rehabilitering: { antal_forloeb: 42 } } });

    // 4. Reminders from the status table: the selected laggards, one e-mail each, once.
    await sst.goto(`${url}/#/runder/${roundId}`);
    await sst.getByRole('heading', { name: roundTitle }).waitFor();
    await sst.locator('table.status-table tbody tr').first().waitFor();
    for (const name of ['Hillerød', 'Helsingør', 'Hørsholm', 'Rudersdal']) await sst.getByLabel(`Vælg ${name}`, { exact: true }).check();
    await sst.getByTestId('selected-count').getByText('4 valgt').waitFor();
    await sst.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    const remindDialog = sst.getByRole('dialog', { name: 'Send en påmindelse nu?' });
    await remindDialog.getByText('3 valgte organisationer').waitFor();
    await step(sst, '107-e2e-remind-confirm');
    await remindDialog.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    const result = sst.getByTestId('bulk-result');
    await result.getByText('Påmindelse sendt til Helsingør Kommune, Hørsholm Kommune.').waitFor();
    await result.getByText('Ingen kontaktadresse – kunne ikke påmindes: Rudersdal Kommune.').waitFor();
    await step(sst, '108-e2e-reminded');
    const reminders = await outbox(`reminder/${roundId}/`);
    expect(reminders.map((m) => m.to).sort()).toEqual([[address('helsingoer')], [address('hoersholm')]]);
    expect(reminders.filter((m) => m.key?.includes(`/${RUDERSDAL}/`) || m.key?.includes(`/${HILLEROED}/`))).toEqual([]);
    await sst.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    await remindDialog.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    await result.getByText('Ingen påmindelser sendt.').waitFor();
    expect(await outbox(`reminder/${roundId}/`)).toHaveLength(2);

    // 5. An extension for Helsingør, which its reporter then sees, and is told by e-mail.
    await sst.getByRole('button', { name: 'Frist for Helsingør' }).click();
    const extension = sst.getByRole('dialog', { name: 'Frist for Helsingør' });
    const extended = danishDate(addDanishDays(new Date(), 44));
    await extension.getByLabel('Ny frist *').fill(extended);
    await extension.getByLabel('Begrundelse *').first().fill('Eksempel: ny kontaktperson i kommunen');
    await step(sst, '109-e2e-extension');
    await extension.getByRole('button', { name: 'Forlæng fristen' }).click();
    await result.getByText(/^Fristen for Helsingør er forlænget til /).waitFor();
    await sst.locator(`tr[data-org="${HELSINGOER}"]`).getByText('Forlænget frist: Eksempel: ny kontaktperson i kommunen').waitFor();
    const helsingoer = await newPage('reporter', HELSINGOER);
    await helsingoer.getByRole('row').filter({ hasText: roundTitle }).getByRole('link', { name: roundTitle }).click();
    await helsingoer.getByText(/^Fristen er forlænget til .* \(oprindelig frist /).waitFor();
    await step(helsingoer, '110-e2e-reporter-extension');
    const told = await outbox(`extension/${roundId}/${HELSINGOER}/`);
    expect(told.map((m) => m.to)).toEqual([[address('helsingoer')]]);
    expect(told[0]!.text).toContain('Eksempel: ny kontaktperson i kommunen');

    // 6. Allerød's report returned from its review page, Hillerød's accepted from the table.
    await sst.getByRole('link', { name: 'Gennemse Allerød' }).click();
    await sst.getByLabel('Kommentar til indberetteren').fill('Eksempel: uddyb venligst status på palliation.');
    await step(sst, '111-e2e-review');
    await sst.getByRole('button', { name: 'Send retur' }).click();
    await sst.getByText('Indberetningen er sendt retur.').waitFor();
    await sst.goto(`${url}/#/runder/${roundId}`);
    await sst.locator(`tr[data-org="${ALLEROED}"]`).getByText('Sendt retur').waitFor();
    // Hillerød corrects its report after SST opened the table: the accept is refused, not made unseen.
    const hilleroed = await stack.api.as('reporter', HILLEROED);
    const hilleroedSub = `/rounds/${roundId}/submissions/${HILLEROED}`;
    const reopened = await hilleroed('POST', `${hilleroedSub}/reopen`, { body: { reason: 'Eksempel: et tal var forkert' }, headers: { 'if-match': (await hilleroed('GET', hilleroedSub)).headers.get('etag')! } });
    expect(reopened.status, reopened.text).toBe(200);
    const corrected = await hilleroed('PUT', hilleroedSub, { body: { answers: { ...hilleroedReport.answers, rehabilitering: { ...hilleroedReport.answers.rehabilitering, antal_forloeb: 44 } } }, headers: { 'if-match': reopened.headers.get('etag')! } });
    expect(corrected.status, corrected.text).toBe(200);
    expect((await hilleroed('POST', `${hilleroedSub}/submit`, { headers: { 'if-match': corrected.headers.get('etag')! } })).status).toBe(200);
    const acceptSelected = async () => {
      await sst.getByRole('button', { name: 'Godkend de valgte' }).click();
      const acceptDialog = sst.getByRole('dialog', { name: 'Godkend de valgte indberetninger?' });
      await acceptDialog.getByText('1 af de valgte er indsendt og godkendes.').waitFor();
      await acceptDialog.getByRole('button', { name: 'Godkend de valgte' }).click();
    };
    await sst.getByLabel('Vælg Hillerød', { exact: true }).check();
    await sst.getByLabel('Vælg Allerød', { exact: true }).check();
    await acceptSelected();
    await result.getByText('Ikke godkendt: Hillerød. Indberetningen er ændret, siden du åbnede tabellen.', { exact: false }).waitFor();
    await result.getByText('Ingen indberetninger er godkendt.').waitFor();
    await step(sst, '112-e2e-accept-changed');
    expect((await hilleroed('GET', hilleroedSub)).body.status).toBe('submitted');
    // The table has been read again: now the accept is of the version shown.
    await acceptSelected();
    await result.getByText('Godkendt: Hillerød.').waitFor();
    await result.getByText('Sprunget over (ikke indsendt): Allerød.').waitFor();
    await sst.locator(`tr[data-org="${HILLEROED}"]`).getByText('Godkendt').waitFor();
    await sst.locator(`tr[data-org="${ALLEROED}"]`).getByText('Sendt retur').waitFor();
    await step(sst, '113-e2e-accepted');

    // 7. National indicators beside the form: one error named by line and column, fixed, committed, charted.
    await sst.getByRole('link', { name: 'Indikatorer' }).click();
    await sst.getByRole('heading', { name: 'Nationale indikatorer', level: 1 }).waitFor();
    await sst.getByLabel('Skema', { exact: true }).selectOption(formId);
    await sst.getByRole('button', { name: 'Vis skemaets indikatorer' }).click();
    await sst.getByRole('heading', { name: 'Indlæs nye data' }).waitFor();
    const csv = (value: string) => ({
      name: 'indikatorer.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `\ufeff${[
          'indikator;periode;region;værdi;enhed;målværdi;retning;titel;kilde',
          'forloeb;2025;Hele landet;61,0;procent;75;op;Afsluttede forløb (eksempel);Eksempel: kommunernes egne tal',
          'forloeb;2026;Hele landet;66,5;procent;75;op;;Eksempel: kommunernes egne tal',
          `forloeb;2025;Region Hovedstaden;${value};procent;75;op;;Eksempel: kommunernes egne tal`,
          'forloeb;2026;Region Hovedstaden;70,2;procent;75;op;;Eksempel: kommunernes egne tal',
        ].join('\r\n')}\r\n`,
        'utf8',
      ),
    });
    await sst.getByLabel('CSV-fil').setInputFiles(csv('64 pct.'));
    await sst.getByText('Filen har 1 fejl og er ikke gemt.').waitFor();
    const error = sst.getByRole('table', { name: 'Fejl i filen' }).getByRole('row').nth(1);
    expect(await error.getByRole('cell').allTextContents()).toEqual(['4', 'værdi', '"64 pct." er ikke et tal.']);
    expect((await (await stack.api.as('sst-reader'))('GET', `/forms/${formId}/indicators`)).status).toBe(404);
    await step(sst, '114-e2e-indicators-error');
    await sst.getByLabel('CSV-fil').setInputFiles(csv('64,3'));
    await sst.getByText('Filen kan læses uden fejl: 4 rækker.').waitFor();
    await sst.getByRole('button', { name: 'Gem de 4 rækker' }).click();
    await sst.getByText('4 rækker fra indikatorer.csv er gemt').waitFor();
    const trend = sst.getByRole('region', { name: 'Afsluttede forløb (eksempel) (procent)' });
    await trend.getByText('Højere er bedre. Den stiplede røde linje er målet.').waitFor();
    await trend.getByRole('img', { name: 'Afsluttede forløb (eksempel) (procent)' }).waitFor();
    const figures = trend.getByRole('table', { name: 'Tal for Afsluttede forløb (eksempel) (procent)' });
    expect(await figures.getByRole('columnheader').allTextContents()).toEqual(['Periode', 'Hele landet', 'Region Hovedstaden', 'Mål']);
    expect(await trend.locator('svg circle').count()).toBe(4);
    await step(sst, '115-e2e-indicators-trend');

    // 8. A Task Force meeting on the round, and the year wheel in a calendar app without a token.
    await sst.getByRole('link', { name: 'Årshjul' }).click();
    await sst.getByRole('heading', { name: 'Årshjul', level: 1 }).waitFor();
    const meeting = `Task Force-møde (eksempel) ${formId.slice(-4)}`;
    await sst.getByRole('button', { name: 'Tilføj møde' }).click();
    await sst.getByLabel('Titel', { exact: true }).fill(meeting);
    await sst.getByLabel('Dato', { exact: true }).fill(danishDate(addDanishDays(new Date(), 35)));
    await sst.getByLabel('Starttidspunkt').fill('10:00');
    await sst.getByLabel('Sluttidspunkt').fill('12:00');
    await sst.getByRole('textbox', { name: 'Dagsorden' }).fill('Velkomst\nÅrets indberetninger\nEventuelt');
    await sst.getByRole('checkbox', { name: roundTitle }).check();
    await step(sst, '116-e2e-meeting');
    await sst.getByRole('button', { name: 'Tilføj mødet' }).click();
    await sst.getByText(`Mødet "${meeting}" er tilføjet`).waitFor();
    await sst.getByLabel('Navn på abonnementet (valgfrit)').fill('Kalenderen på arbejdet');
    await sst.getByRole('button', { name: 'Opret abonnementsadresse' }).click();
    const feed = await sst.getByLabel('Abonnementsadresse').inputValue();
    expect(feed).toMatch(new RegExp(`^${url}/calendar/feed/[A-Za-z0-9_-]{43}$`));
    await step(sst, '117-e2e-subscribed');
    // As a calendar app fetches it: a plain GET, no Authorization header, then a standard parser.
    const plain = await fetch(feed);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(await plain.text())).filter((c): c is VEvent => c?.type === 'VEVENT');
    const summaries = events.map((e) => String(e.summary));
    expect(summaries).toEqual(expect.arrayContaining([meeting, `Frist: ${roundTitle}`]));
    expect(String(events.find((e) => String(e.summary) === meeting)!.description)).toContain('2. Årets indberetninger');
    // node-ical's own fetch, which sends no credentials either, reads the same.
    const fetched = Object.values(await ical.async.fromURL(feed)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(fetched.map((e) => String(e.summary))).toEqual(expect.arrayContaining([meeting]));

    // 9. The audit log: the chain's events for the round, the publication of the form, and an
    // actor typed in lower case.
    await sst.getByRole('link', { name: 'Log', exact: true }).click();
    await sst.getByRole('heading', { name: 'Log', level: 1 }).waitFor();
    await sst.getByLabel('Indberetningsrunde').selectOption(roundId);
    await sst.getByRole('button', { name: 'Søg i loggen' }).click();
    await sst.getByRole('heading', { name: 'Resultater, side 1' }).waitFor();
    const actions = async () => (await sst.locator('#audit-results tbody tr td:nth-child(2)').allInnerTexts()).map((a) => a.trim());
    await expect.poll(actions).toEqual(expect.arrayContaining(['round.create', 'submission.submit', 'round.remind-now', 'round.extension', 'submission.return', 'submission.reopen', 'submission.accept']));
    await step(sst, '118-e2e-audit-round');
    await sst.getByLabel('Handling').selectOption('submission.accept');
    await sst.getByLabel('Udført af').fill('sst ADMINISTRATOR');
    await sst.getByRole('button', { name: 'Søg i loggen' }).click();
    await expect.poll(actions).toEqual(['submission.accept']);
    await sst.getByLabel('Indberetningsrunde').selectOption('');
    await sst.getByLabel('Udført af').fill('');
    await sst.getByLabel('Handling').selectOption('form.publish');
    await sst.getByRole('button', { name: 'Søg i loggen' }).click();
    await sst.locator('#audit-results tbody tr').filter({ hasText: formId }).first().waitFor();
    await step(sst, '119-e2e-audit-form');
  });
});
