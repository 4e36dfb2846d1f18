// The round form's awkward paths, as a tester walked them: a wrong deadline (the error summary
// takes focus), a successful create (focus on the message, the form gone so a second click
// cannot meet its own round), the same form and year again (named by title, no technical id),
// "Respondenter pr. dato" marked optional, unsaved edits kept over Back/Forward, and an opened
// round shown read-only with a link that says where it goes; then the status table's accept and
// reminder outcomes (focus, wording, selection) and the extension dialog's errors all at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ulid } from 'ulid';
import { addDanishDays, danishDate } from '#core/danish-time';
import { exampleAnswers } from '../../local/seed.ts';
import { expectAccessible, screenshot, signedInPages, startWebStack, type WebStack } from './support.ts';

const FORM = 'kraeftplan-v-kommunal';
const FORM_TITLE = 'Årlig kommunal opfølgning på Kræftplan V';
/** An example year no seeded or other test round uses, so the round's id (form-year) is free. */
const YEAR = '2043';
const roundId = `${FORM}-${YEAR}`;
/** Municipalities: one submits (accepted twice over), one is reminded and given an extension. */
const LEMVIG = 'kommune-665';
const title = `Rundeformular (eksempel) ${ulid().slice(-6)}`;

let stack: WebStack;

/** What has focus, in words: its text (or label) as a screen reader would start reading. */
const focused = (p: Page) => p.evaluate(() => {
  const el = document.activeElement;
  return el === document.body ? '<body>' : (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
});

async function fillNew(page: Page, opens: string, deadline: string): Promise<void> {
  await page.getByLabel('Skema *').selectOption(FORM);
  await expect.poll(() => page.getByLabel('Skemaversion *').inputValue()).not.toBe('');
  await page.getByLabel('År *').fill(YEAR);
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Åbner *').fill(opens);
  await page.getByLabel('Frist *').fill(deadline);
}

describe("SST's round form", { timeout: 180_000 }, () => {
  const newPage = signedInPages(() => stack, 'sst-round-form');
  beforeAll(async () => {
    stack = await startWebStack();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('focuses the error summary and the success message, then leaves no form to click twice; the same year again is named by title', async () => {
    const page = await newPage('sst-admin');
    await page.goto(`${stack.api.url}/#/ny-runde`);
    await page.getByRole('heading', { name: 'Opret en ny runde' }).waitFor();
    // "Respondenter pr. dato" may be left empty: no asterisk, and its hint says it is optional.
    const respondentsAt = page.getByLabel('Respondenter pr. dato', { exact: true });
    expect(await respondentsAt.count()).toBe(1);
    expect(await page.locator('#rf-respondents-at-hint').innerText()).toMatch(/^Valgfri\. .*Tom: fristens dato\.$/);

    const tomorrow = danishDate(addDanishDays(new Date(), 1));
    await fillNew(page, tomorrow, danishDate(new Date()));
    await page.getByRole('button', { name: 'Opret runden' }).click();
    // The server's error (deadline before opening) in the summary, and focus on the summary.
    const summary = page.getByRole('alert').filter({ hasText: 'Runden kan ikke gemmes' });
    await summary.getByText('Frist: Fristen skal ligge efter åbningstidspunktet.').waitFor();
    await expect.poll(() => focused(page)).toMatch(/^Runden kan ikke gemmes/);

    await page.getByLabel('Frist *').fill(danishDate(addDanishDays(new Date(), 30)));
    await page.getByRole('button', { name: 'Opret runden' }).click();
    await page.getByText(`Runden "${title}" er oprettet.`).waitFor();
    await expect.poll(() => focused(page)).toBe(`Runden "${title}" er oprettet. Åbn runden ${title}`);
    // The form is gone: nothing to click a second time; the link to the new round stays.
    expect(await page.getByRole('button', { name: 'Opret runden' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: `Åbn runden ${title}` }).getAttribute('href')).toBe(`#/runder/${roundId}`);
    await expectAccessible(page, 'rf-01-created');

    // The same form and year again: the message names the existing round by its title.
    await page.goto(`${stack.api.url}/#/`);
    await page.goto(`${stack.api.url}/#/ny-runde`);
    await page.getByRole('heading', { name: 'Opret en ny runde' }).waitFor();
    await fillNew(page, tomorrow, danishDate(addDanishDays(new Date(), 30)));
    await page.getByRole('button', { name: 'Opret runden' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'findes allerede' });
    await failure.waitFor();
    const text = await failure.innerText();
    expect(text).toContain(`Der findes allerede en runde for ${FORM_TITLE} ${YEAR}: "${title}".`);
    expect(text).not.toContain(roundId);
    await expect.poll(() => focused(page)).toContain('findes allerede');
    await expectAccessible(page, 'rf-02-exists');
  });

  it('keeps an unsaved change over Back and Forward, focuses "Ændringerne er gemt.", and shows an opened round read-only', async () => {
    const page = await newPage('sst-admin');
    const edit = `${stack.api.url}/#/runder/${roundId}/rediger`;
    await page.goto(`${stack.api.url}/#/`);
    await page.getByRole('heading', { name: 'Indberetningsrunder' }).waitFor();
    await page.goto(edit);
    await page.getByRole('heading', { name: `Ret runden ${title}` }).waitFor();
    const deadline = page.getByLabel('Frist *');
    await expect.poll(() => deadline.inputValue()).not.toBe('');
    const changed = danishDate(addDanishDays(new Date(), 40));
    await deadline.fill(changed);
    await page.goBack();
    await page.getByRole('heading', { name: 'Indberetningsrunder' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: `Ret runden ${title}` }).waitFor();
    // The change is still there, and the page says so.
    await expect.poll(() => deadline.inputValue()).toBe(changed);
    await page.getByText('Dine ændringer, som ikke er gemt endnu, er hentet frem igen.').waitFor();
    await expectAccessible(page, 'rf-03-restored');

    // Saved: focus on the message, and the saved round is what the page shows after a reload.
    await page.getByLabel('Åbner *').fill(danishDate(new Date()));
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByText('Ændringerne er gemt.').waitFor();
    await expect.poll(() => focused(page)).toMatch(/^Ændringerne er gemt\./);
    const round = (await (await stack.api.as('sst-admin'))('GET', `/rounds/${roundId}`)).body;
    expect(round).toMatchObject({ phase: 'open', deadline: changed });

    // Now open: every field read-only, no save button, and the link says where it goes.
    await page.reload();
    await page.getByText('Runden er åbnet og kan ikke længere rettes her.').waitFor();
    expect(await page.getByText('Dine ændringer, som ikke er gemt endnu').count()).toBe(0);
    await expect.poll(() => deadline.inputValue()).toBe(changed);
    for (const label of ['Frist *', 'Åbner *', 'Titel', 'Dage før fristen', 'Respondenter pr. dato']) {
      expect(await page.getByLabel(label, { exact: true }).isDisabled(), label).toBe(true);
    }
    expect(await page.getByRole('button', { name: 'Gem ændringerne' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: `Gå til rundens side: ${title}` }).getAttribute('href')).toBe(`#/runder/${roundId}`);
    await expectAccessible(page, 'rf-04-opened-read-only');
  });

  it('accepts one selected without mentioning others, says a stale accept is already accepted, drops it from the selection, and focuses each outcome', async () => {
    const sub = `/rounds/${roundId}/submissions/${LEMVIG}`;
    const lemvig = await stack.api.as('reporter', LEMVIG);
    const version = (await lemvig('GET', `/rounds/${roundId}`)).body.formVersion as number;
    const saved = await lemvig('PUT', sub, { body: { answers: exampleAnswers(FORM, version) }, headers: { 'if-match': '"0-new"' } });
    expect(saved.status, saved.text).toBe(200);
    expect((await lemvig('POST', `${sub}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } })).status).toBe(200);

    const page = await newPage('sst-admin');
    await page.goto(`${stack.api.url}/#/runder/${roundId}`);
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Indsendt' });
    await page.getByLabel('Vælg Lemvig').check();
    await page.getByRole('button', { name: 'Godkend de valgte' }).click();
    const confirm = page.getByRole('dialog', { name: 'Godkend de valgte indberetninger?' });
    await confirm.getByText('Den valgte indberetning er indsendt og godkendes.').waitFor();
    expect(await confirm.innerText()).not.toContain('øvrige');
    await screenshot(page, 'rf-05-accept-one');

    // Meanwhile another administrator accepts it.
    const other = await stack.api.as('sst-admin');
    const etag = (await other('GET', sub)).headers.get('etag')!;
    const accepted = await other('POST', `${sub}/accept`, { headers: { 'if-match': etag } });
    expect(accepted.status, accepted.text).toBe(200);

    await confirm.getByRole('button', { name: 'Godkend de valgte' }).click();
    const result = page.getByTestId('bulk-result');
    await result.getByText('Lemvig er allerede godkendt.').waitFor();
    expect(await result.innerText()).not.toMatch(/kan ikke godkendes|status "godkendt"/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bulk-result');
    // The filter hides Lemvig now; it is no longer counted as selected either.
    await page.getByTestId('selected-count').getByText('Ingen valgt').waitFor();
    await expectAccessible(page, 'rf-06-stale-accept');

    // "Send en påmindelse nu": focus goes to its outcome too.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle' });
    await page.getByLabel('Vælg Struer').check();
    await page.getByRole('button', { name: 'Send en påmindelse nu' }).click();
    await page.getByRole('dialog', { name: 'Send en påmindelse nu?' }).getByRole('button', { name: 'Send en påmindelse nu' }).click();
    await result.getByText(/Struer Kommune/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bulk-result');

    // The extension dialog shows both errors at once and focuses the first.
    await page.getByRole('button', { name: 'Frist for Struer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Frist for Struer' });
    await dialog.getByLabel('Ny frist *').fill(danishDate(addDanishDays(new Date(), 10)));
    await dialog.getByRole('button', { name: 'Forlæng fristen' }).click();
    await dialog.getByText(/^Den forlængede frist skal ligge efter rundens frist \(/).waitFor();
    await dialog.locator('#x-reason-error').getByText('Skal udfyldes.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('x-deadline');
    await expectAccessible(page, 'rf-07-extension-both-errors');
  });
});
