// SST's round screens in the browser, as the secretariat uses them: create a round (the
// reminder defaults filled in, a missing deadline named at its field), change it before it
// opens, a reporter submits, the status table sorts in Danish order and selects by keyboard,
// "Send en påmindelse nu" reaches each laggard with an address once (a second click sends
// none; who has no address is named), an extension the reporter then sees, a return from the
// review page and an accept from the table, the selected reports as a zip; axe and 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { ulid } from 'ulid';
import { addDanishDays, danishDate } from '#core/danish-time';
import { exampleAnswers } from '../../local/seed.ts';
import { expectAccessible, screenshot, sidewaysOverflow, signedInPages, startWebStack, type WebStack } from './support.ts';

const FORM = 'kraeftplan-v-kommunal';
/** Municipalities no other suite touches: two with an address, one without, one that submits. */
const LEMVIG = 'kommune-665';
const STRUER = 'kommune-671';
const SYDDJURS = 'kommune-706';
const NORDDJURS = 'kommune-707';
/** An example year no seeded or other test round uses, so the round's id (form-year) is free. */
const YEAR = '2039';

let stack: WebStack;
const roundId = `${FORM}-${YEAR}`;
const title = `Kommunal opfølgning (eksempel) ${ulid().slice(-6)}`;
const tag = ulid().toLowerCase().slice(-8);




const reminders = async (): Promise<{ to: string[]; key?: string }[]> =>
  ((await stack.api.call('GET', '/dev/outbox')).body.items as { to: string[]; key?: string }[]).filter((m) => m.key?.startsWith(`reminder/${roundId}/`));

const rowNames = (p: Page) => p.locator('table.status-table tbody th[scope="row"]').allInnerTexts();

describe("SST's round screens", { timeout: 240_000 }, () => {
  const newPage = signedInPages(() => stack, 'sst-rounds');
  beforeAll(async () => {
    stack = await startWebStack();
    const sst = await stack.api.as('sst-admin');
    for (const [orgId, name] of [[LEMVIG, 'lemvig'], [STRUER, 'struer']] as const) {
      const res = await sst('PUT', `/orgs/${orgId}/contacts`, { body: { emails: [`kraeft-${tag}@${name}.example`] } });
      expect(res.status, res.text).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a round with the reminder defaults filled in, names a missing field, and changes the round before it opens', async () => {
    const page = await newPage('sst-admin');
    await page.getByRole('heading', { name: 'Indberetningsrunder' }).waitFor();
    await expectAccessible(page, '70-sst-rounds');
    await page.getByRole('link', { name: 'Opret en ny runde' }).click();
    await page.getByRole('heading', { name: 'Opret en ny runde' }).waitFor();
    // The documented defaults are there before anything is typed.
    await expect.poll(() => page.getByLabel('Dage før fristen').inputValue()).toBe('14, 3');
    expect(await page.getByLabel('Dage efter fristen').inputValue()).toBe('1');
    expect(await page.getByLabel('Gentag derefter hver … dag').inputValue()).toBe('7');
    expect(await page.getByLabel('Klokkeslæt (time, 0–23)').inputValue()).toBe('8');
    expect(await page.getByLabel('Send en besked, når runden åbner').isChecked()).toBe(true);

    await page.getByLabel('Skema *').selectOption(FORM);
    await expect.poll(() => page.getByLabel('Skemaversion *').inputValue()).not.toBe('');
    await page.getByLabel('År *').fill(YEAR);
    await page.getByLabel('Titel').fill(title);
    const tomorrow = danishDate(addDanishDays(new Date(), 1));
    await page.getByLabel('Åbner *').fill(tomorrow);
    await page.getByLabel('Respondenter pr. dato', { exact: true }).fill('2026-06-01');
    await page.getByText('98 respondenter pr.').waitFor();
    await page.getByRole('button', { name: 'Opret runden' }).click();
    // No deadline: the summary names it and leads to the field.
    const summary = page.getByRole('alert').filter({ hasText: 'Runden kan ikke gemmes' });
    await summary.getByRole('link', { name: 'Frist: Skal udfyldes.' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rf-deadline');
    await expectAccessible(page, '71-new-round-errors');

    const deadline = danishDate(addDanishDays(new Date(), 30));
    await page.getByLabel('Frist *').fill(deadline);
    await page.getByRole('button', { name: 'Opret runden' }).click();
    await page.getByText(`Runden "${title}" er oprettet.`).waitFor();
    const created = (await (await stack.api.as('sst-admin'))('GET', `/rounds/${roundId}`)).body;
    expect(created).toMatchObject({ title, phase: 'scheduled', respondents: expect.any(Array), reminderPolicy: { atOpening: true, daysBefore: [14, 3], daysAfter: [1], repeatEveryDays: 7, repeatLimit: 8, hour: 8 } });
    expect(created.respondents).toHaveLength(98);
    await expectAccessible(page, '72-new-round-created');

    // The rounds list, by year: the new round has not opened and can be changed.
    await page.goto(`${stack.api.url}/#/`);
    await page.getByLabel('År', { exact: true }).selectOption(YEAR);
    const row = page.locator(`tr[data-round="${roundId}"]`);
    await row.getByText('Ikke åbnet endnu').waitFor();
    await row.getByRole('link', { name: `Ret runden ${title}` }).click();
    await page.getByRole('heading', { name: `Ret runden ${title}` }).waitFor();
    await expect.poll(() => page.getByLabel('Åbner *').inputValue()).toBe(tomorrow);
    await page.getByLabel('Åbner *').fill(danishDate(new Date()));
    await page.getByLabel('Dage før fristen').fill('10, 2');
    await expectAccessible(page, '73-edit-round');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByText('Ændringerne er gemt.').waitFor();
    const changed = (await (await stack.api.as('sst-admin'))('GET', `/rounds/${roundId}`)).body;
    expect(changed).toMatchObject({ phase: 'open', reminderPolicy: { daysBefore: [10, 2] } });
    // Open now: the form says it can no longer be changed, and the list offers no "Ret".
    await page.reload();
    await page.getByText('Runden er åbnet og kan ikke længere rettes her.').waitFor();
    await page.goto(`${stack.api.url}/#/`);
    await page.getByLabel('År', { exact: true }).selectOption(YEAR);
    await row.getByText('Åben').waitFor();
    expect(await row.getByRole('link', { name: /^Ret runden/ }).count()).toBe(0);
  });

  it('sorts in Danish order, selects by keyboard, reminds the laggards once, and grants an extension the reporter sees', async () => {
    // A reporter submits.
    const norddjurs = await stack.api.as('reporter', NORDDJURS);
    const sub = `/rounds/${roundId}/submissions/${NORDDJURS}`;
    const version = (await norddjurs('GET', `/rounds/${roundId}`)).body.formVersion as number;
    const saved = await norddjurs('PUT', sub, { body: { answers: exampleAnswers(FORM, version) }, headers: { 'if-match': '"0-new"' } });
    expect(saved.status, saved.text).toBe(200);
    expect((await norddjurs('POST', `${sub}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } })).status).toBe(200);

    const page = await newPage('sst-admin');
    await page.goto(`${stack.api.url}/#/runder/${roundId}`);
    await page.getByRole('heading', { name: title }).waitFor();
    await page.locator('table.status-table tbody tr').first().waitFor();
    // Alphabetical in Danish: Aabenraa, Aalborg and Aarhus are Å and come last, after Ærø.
    const names = await rowNames(page);
    expect(names[0]).toBe('Albertslund');
    expect(names.slice(-4)).toEqual(['Ærø', 'Aabenraa', 'Aalborg', 'Aarhus']);
    expect(await page.getByRole('columnheader', { name: 'Organisation' }).getAttribute('aria-sort')).toBe('ascending');
    // Sort by status by keyboard: the submitted report moves to the end (after the not started).
    await page.getByRole('button', { name: 'Status' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('columnheader', { name: 'Status' }).getAttribute('aria-sort')).toBe('ascending');
    expect((await rowNames(page)).at(-1)).toBe('Norddjurs');
    await page.getByRole('button', { name: 'Organisation' }).click();

    // Select four: by keyboard (Space) and by click; the count is announced.
    await page.getByLabel('Søg efter organisation').fill('djurs');
    expect(await rowNames(page)).toEqual(['Norddjurs', 'Syddjurs']);
    await page.getByLabel('Vælg alle viste organisationer').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('selected-count').getByText('2 valgt').waitFor();
    await page.getByLabel('Søg efter organisation').fill('');
    await page.getByLabel('Vælg Lemvig').check();
    await page.getByLabel('Vælg Struer').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('selected-count').getByText('4 valgt').waitFor();
    expect(await page.getByTestId('selected-count').getAttribute('role')).toBe('status');
    await expectAccessible(page, '74-status-table-selected');

    await page.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    const confirm = page.getByRole('dialog', { name: 'Send en påmindelse nu?' });
    await confirm.getByText('3 valgte organisationer').waitFor();
    await expectAccessible(page, '75-remind-confirm');
    await confirm.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    const result = page.getByTestId('bulk-result');
    await result.getByText('Påmindelse sendt til Lemvig Kommune, Struer Kommune.').waitFor();
    await result.getByText('Ingen kontaktadresse – kunne ikke påmindes: Syddjurs Kommune.').waitFor();
    await expectAccessible(page, '76-remind-result');
    const once = await reminders();
    expect(once.map((m) => m.to[0]).sort()).toEqual([`kraeft-${tag}@lemvig.example`, `kraeft-${tag}@struer.example`]);

    // A second click sends none.
    await page.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    await confirm.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    await result.getByText('Ingen påmindelser sendt.').waitFor();
    await result.getByText('Har allerede fået en påmindelse i dag (sendes ikke igen): Lemvig Kommune, Struer Kommune.').waitFor();
    expect(await reminders()).toHaveLength(2);

    // An extension for Syddjurs, from its row.
    await page.getByRole('button', { name: 'Frist for Syddjurs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Frist for Syddjurs' });
    await dialog.getByRole('button', { name: 'Forlæng fristen' }).click();
    await dialog.getByText('Skal udfyldes.').first().waitFor();
    const extended = danishDate(addDanishDays(new Date(), 45));
    await dialog.getByLabel('Ny frist *').fill(extended);
    await dialog.getByLabel('Begrundelse *').fill('Ny kontaktperson i kommunen');
    await expectAccessible(page, '77-extension-dialog');
    await dialog.getByRole('button', { name: 'Forlæng fristen' }).click();
    await result.getByText(/^Fristen for Syddjurs er forlænget til /).waitFor();
    await page.locator(`tr[data-org="${SYDDJURS}"]`).getByText('Forlænget frist: Ny kontaktperson i kommunen').waitFor();
    // Focus is back on the row's button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Frist for Syddjurs');

    const reporter = await newPage('reporter', SYDDJURS);
    await reporter.goto(`${stack.api.url}/#/runder/${roundId}/${SYDDJURS}`);
    await reporter.getByText(/^Fristen er forlænget til .* \(oprindelig frist /).waitFor();
    await reporter.getByText('Ny kontaktperson i kommunen').first().waitFor();
    await screenshot(reporter, '78-reporter-sees-extension');

    // Changed, then revoked with a reason: the reporter's deadline is the round's again.
    await page.getByRole('button', { name: 'Frist for Syddjurs' }).click();
    await dialog.getByTestId('extension-now').waitFor();
    await dialog.getByRole('button', { name: 'Tilbagekald forlængelsen' }).click();
    await dialog.getByText('Skal udfyldes.').waitFor();
    await dialog.getByLabel('Begrundelse *').nth(1).fill('Givet ved en fejl');
    await dialog.getByRole('button', { name: 'Tilbagekald forlængelsen' }).click();
    await result.getByText('Forlængelsen for Syddjurs er tilbagekaldt.').waitFor();
    expect((await (await stack.api.as('reporter', SYDDJURS))('GET', `/rounds/${roundId}/submissions/${SYDDJURS}`)).body.extension).toBeUndefined();
    // The table is read again: the row no longer shows the extension (so its dialog offers a new one).
    await expect.poll(() => page.locator(`tr[data-org="${SYDDJURS}"]`).getByText(/^Forlænget frist:/).count(), { timeout: 20_000 }).toBe(0);
    // And granted again, so the reporter sees it in the last step.
    await page.getByRole('button', { name: 'Frist for Syddjurs' }).click();
    await dialog.getByLabel('Ny frist *').fill(extended);
    await dialog.getByLabel('Begrundelse *').first().fill('Ny kontaktperson i kommunen');
    await dialog.getByRole('button', { name: 'Forlæng fristen' }).click();
    await result.getByText(/^Fristen for Syddjurs er forlænget til /).waitFor();
    await reporter.reload();
    await reporter.getByText(/^Fristen er forlænget til /).waitFor();
  });

  it('returns a report from its review page, accepts it from the table, and downloads the selected as a zip', async () => {
    const page = await newPage('sst-admin');
    await page.goto(`${stack.api.url}/#/runder/${roundId}`);
    await page.getByRole('link', { name: 'Gennemse Norddjurs' }).click();
    await page.getByLabel('Kommentar til indberetteren').fill('Uddyb venligst status på rehabilitering.');
    await page.getByRole('button', { name: 'Send retur' }).click();
    await page.getByText('Indberetningen er sendt retur.').waitFor();

    // The reporter submits again.
    const norddjurs = await stack.api.as('reporter', NORDDJURS);
    const sub = `/rounds/${roundId}/submissions/${NORDDJURS}`;
    const etag = (await norddjurs('GET', sub)).headers.get('etag')!;
    expect((await norddjurs('POST', `${sub}/submit`, { headers: { 'if-match': etag } })).status).toBe(200);

    await page.goto(`${stack.api.url}/#/runder/${roundId}`);
    await page.getByLabel('Vælg Norddjurs').check();
    await page.getByLabel('Vælg Lemvig').check();
    await page.getByRole('button', { name: 'Godkend de valgte' }).click();
    const confirm = page.getByRole('dialog', { name: 'Godkend de valgte indberetninger?' });
    await confirm.getByText('1 af de valgte er indsendt og godkendes.').waitFor();
    await confirm.getByRole('button', { name: 'Godkend de valgte' }).click();
    await page.getByTestId('bulk-result').getByText('Godkendt: Norddjurs.').waitFor();
    await page.getByTestId('bulk-result').getByText('Sprunget over (ikke indsendt): Lemvig.').waitFor();
    await page.locator(`tr[data-org="${NORDDJURS}"]`).getByText('Godkendt').waitFor();

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent de valgte (zip)' }).click()]);
    expect(file.suggestedFilename()).toBe(`${roundId}-udvalgte.zip`);
    const zip = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
    expect(Object.keys(zip).sort()).toEqual(['Norddjurs Kommune.html', 'oversigt.csv']);
    expect(strFromU8(zip['Norddjurs Kommune.html']!)).toContain('Norddjurs Kommunes indberetning');
    // UTF-8 with a byte-order mark, so Danish Excel reads æ, ø and å (TextDecoder drops the mark).
    expect([...zip['oversigt.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = strFromU8(zip['oversigt.csv']!);
    expect(csv.startsWith('Organisation;Region;Status;')).toBe(true);
    expect(csv).toContain('Lemvig;Region Midtjylland;Ikke påbegyndt (ingen side i zip-filen)');
    expect(csv).toContain('Norddjurs;Region Midtjylland;Godkendt;');
    await page.getByTestId('bulk-result').getByText('Zip-filen med 1 indberetning er hentet.').waitFor();
    await expectAccessible(page, '79-accepted-downloaded');
  });

  it('fits the rounds list, the round form and the status table into 320 CSS px', async () => {
    const page = await newPage('sst-admin', undefined, { width: 320, height: 720 });
    const wide: string[] = [];
    for (const [hash, heading, shot] of [
      ['#/', 'Indberetningsrunder', '80-rounds-320'],
      ['#/ny-runde', 'Opret en ny runde', '81-new-round-320'],
      [`#/runder/${roundId}`, title, '82-status-table-320'],
    ] as const) {
      await page.goto(`${stack.api.url}/${hash}`);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      const culprits = await sidewaysOverflow(page);
      if (culprits.length) wide.push(`${hash}: ${culprits.join(', ')}`);
      await screenshot(page, shot);
    }
    expect(wide).toEqual([]);
  });
});
