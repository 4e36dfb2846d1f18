// SST moves an open round to the form's newer version from the round's page: the confirmation
// says how many reports are started and what happens to their answers; afterwards the reporter
// who had started is told which answers did not fit the new version, the rest is saved, and the
// report can be submitted. After the first submission a newer version is no longer offered.
// axe, keyboard, 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ulid } from 'ulid';
import type { Round } from '#schemas/api';
import { FORMS_DIR, exampleAnswers } from '../../local/seed.ts';
import { expectAccessible, screenshot, sidewaysOverflow, signedInPages, startWebStack, type WebStack } from './support.ts';

const STARTED = 'kommune-320'; // Faxe: started on version 1
let stack: WebStack;
let round: Round;
const formId = `flyt-${ulid().toLowerCase().slice(-10)}`;



describe('moving a round to a newer form version', { timeout: 120_000 }, () => {
  const newPage = signedInPages(() => stack, 'version-move');
  beforeAll(async () => {
    stack = await startWebStack();
    const sst = await stack.api.as('sst-admin');
    const v1 = JSON.parse(readFileSync(`${FORMS_DIR}/kraeftplan-v-kommunal/v1.schema.json`, 'utf8'));
    expect((await sst('POST', `/forms/${formId}/versions`, { body: { schema: v1, title: `Flytteskema ${formId.slice(-4)}`, respondentKind: 'municipality', plan: 'kraeftplan-v' } })).status).toBe(201);
    round = await stack.api.round(formId, { title: `Flytterunde (eksempel) ${formId.slice(-4)}` });
    const reporter = await stack.api.as('reporter', STARTED);
    const answers = exampleAnswers('kraeftplan-v-kommunal', 1);
    const saved = await reporter('PUT', `/rounds/${round.roundId}/submissions/${STARTED}`, { body: { answers }, headers: { 'if-match': '"0-new"' } });
    expect(saved.status, saved.text).toBe(200);
    // Version 2, published after the round opened: no phone field.
    const v2 = structuredClone(v1);
    delete v2.properties.kontakt.properties.telefon;
    expect((await sst('POST', `/forms/${formId}/versions`, { body: { schema: v2 } })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('moves the round by keyboard after a confirmation that says what happens to the started report', async () => {
    const page = await newPage('sst-admin');
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}`);
    const section = page.getByRole('region', { name: 'Skemaversion' });
    await section.getByText('Runden bruger version 1 af skemaet. Version 2 er udgivet.').waitFor();
    await expectAccessible(page, '120-version-move');
    await page.setViewportSize({ width: 320, height: 720 });
    const wide = await sidewaysOverflow(page);
    await screenshot(page, '120-version-move-320');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(wide).toEqual([]);
    await section.getByRole('button', { name: 'Flyt runden til version 2' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Flyt runden til version 2?' });
    await dialog.getByText(/^1 indberetning er påbegyndt\. Dens svar overføres til den nye version, næste gang den åbnes\./).waitFor();
    await dialog.getByText('Runden kan flyttes, indtil den første indberetning er indsendt.').waitFor();
    await expectAccessible(page, '121-version-move-confirm');
    await dialog.getByRole('button', { name: 'Flyt runden til version 2' }).press('Enter');
    await page.getByTestId('version-result').getByText('Runden bruger nu version 2 af skemaet.').waitFor();
    // The page is read again: the round is on version 2, and there is nothing newer to move to.
    await expect.poll(() => section.getByRole('button', { name: /^Flyt runden/ }).count()).toBe(0);
    expect((await (await stack.api.as('sst-admin'))('GET', `/rounds/${round.roundId}`)).body.formVersion).toBe(2);
    await expectAccessible(page, '122-version-moved');
  });

  it("tells the reporter which answers did not fit, saves the rest, and the report can be submitted", async () => {
    const page = await newPage('reporter', STARTED);
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}/${STARTED}`);
    await page.getByText('Sundhedsstyrelsen har flyttet runden fra version 1 til version 2 af skemaet, efter at du begyndte.', { exact: false }).waitFor();
    const phone = String((exampleAnswers('kraeftplan-v-kommunal', 1) as { kontakt: { telefon: string } }).kontakt.telefon);
    await page.getByRole('listitem').filter({ hasText: `Kontaktperson › Telefon: »${phone}«` }).waitFor();
    expect(await page.locator('#root_kontakt_telefon').count()).toBe(0);
    await page.getByRole('status').filter({ hasText: /^Gemt kl\. \d{2}\.\d{2}$/ }).waitFor();
    await expectAccessible(page, '123-reporter-moved');
    const stored = (await (await stack.api.as('reporter', STARTED))('GET', `/rounds/${round.roundId}/submissions/${STARTED}`)).body;
    expect(stored.movedFrom).toBeUndefined();
    expect(stored.answers.kontakt.telefon).toBeUndefined();
    await page.getByRole('button', { name: 'Indsend' }).click();
    await page.getByRole('dialog', { name: 'Indsend indberetningen?' }).getByRole('button', { name: 'Ja, indsend' }).click();
    await page.getByText('Tak. Indberetningen er indsendt.').waitFor();

    // Submitted: a version 3 published now is not offered; the round keeps version 2.
    const api = await stack.api.as('sst-admin');
    const v2 = (await api('GET', `/forms/${formId}/versions/2`)).body.schema;
    expect((await api('POST', `/forms/${formId}/versions`, { body: { schema: { ...v2, description: 'Version 3 (eksempel).' } } })).status).toBe(201);
    const sst = await newPage('sst-admin');
    await sst.goto(`${stack.api.url}/#/runder/${round.roundId}`);
    await sst.locator(`tr[data-org="${STARTED}"]`).getByText('Indsendt').waitFor();
    expect(await sst.getByRole('region', { name: 'Skemaversion' }).count()).toBe(0);
  });
});
