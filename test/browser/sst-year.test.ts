// SST's year in the browser, as the secretariat's two people work it: edit a municipality's
// reminder addresses and SST's own notices, read a round's reminder log, add a Task Force meeting,
// subscribe to the year wheel from a calendar app (an ICS client that sends no Authorization
// header) and revoke it, upload national indicators with one error, fix and commit them and read
// the trend chart, search the audit log and export it for Danish Excel. Every page is checked
// with axe, at 320 CSS px, and by keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageConfigFromEnv } from '#functions/composition';
import { buildScheduleDeps } from '#functions/schedule-composition';
import { runDeadlineCheck } from '#core/deadline-service';
import { MemoryMail } from '../support/memory-schedule.ts';
import type { Round } from '#schemas/api';
import { ulid } from 'ulid';
import { publishFormVersion } from '#core/forms-service';
import { sstIdentity } from '#core/identity';
import { formatDanishDate } from '#core/danish-time';
import { schemaOf } from '../support/summary-fixtures.ts';
import ical, { type VEvent } from 'node-ical';
import { expectAccessible, screenshot, sidewaysOverflow, signedInPages, startWebStack, type WebStack } from './support.ts';

const MUNICIPALITY = 'kommune-147';
const MUNICIPALITY_NAME = 'Frederiksberg Kommune';
/** Reminded by hand in the reminder-log test; no other suite uses it. */
const BY_HAND = 'kommune-187';
let stack: WebStack;
let round: Round;
let indicatorForm: string;

describe("SST's year in the browser", { timeout: 180_000 }, () => {
  const newPage = signedInPages(() => stack, 'sstyear');
  const sstPage = (role: 'sst-admin' | 'sst-reader' = 'sst-admin', viewport?: { width: number; height: number }) => newPage(role, undefined, viewport);
  beforeAll(async () => {
    stack = await startWebStack();
    round = await stack.api.round('kraeftplan-v-kommunal', { title: `Årets runde ${Date.now().toString(36)}` });
    // A form of this test's own, so its indicator data reach no other suite's summaries.
    indicatorForm = `t-bind-${ulid().toLowerCase()}`;
    await publishFormVersion(stack.api.deps, sstIdentity('test', 'sst-admin', 'Test'), indicatorForm, {
      title: `Psykiatriplan, indikatortest ${indicatorForm.slice(-5)}`,
      respondentKind: 'region',
      plan: 'psykiatriplan',
      schema: schemaOf('psykiatriplan-status'),
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it("edits a municipality's contact addresses and SST's notices, and reads the round's reminder log", async () => {
    const page = await sstPage();
    await page.goto(`${stack.api.url}/#/kontakter`);
    await page.getByRole('heading', { name: 'Kontaktadresser og underretninger' }).waitFor();
    await page.getByLabel('Organisation', { exact: true }).selectOption(MUNICIPALITY);
    await page.getByRole('button', { name: 'Vis adresser' }).click();
    await page.getByRole('heading', { name: `Adresser for ${MUNICIPALITY_NAME}` }).waitFor();
    expect(page.url()).toContain(`#/kontakter/${MUNICIPALITY}`);
    await page.getByLabel('E-mailadresse 1').fill('ikke-en-adresse');
    await page.getByRole('button', { name: 'Gem adresser' }).click();
    await page.getByText('Skal være en gyldig e-mailadresse.').waitFor();
    expect(await page.getByLabel('E-mailadresse 1').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('E-mailadresse 1').fill('sundhed@frederiksberg.example.dk');
    await page.getByRole('button', { name: 'Tilføj adresse' }).click();
    await page.getByLabel('E-mailadresse 2').fill('kvalitet@frederiksberg.example.dk');
    await page.getByRole('button', { name: 'Gem adresser' }).click();
    await page.getByText('Adresserne er gemt.').waitFor();
    // Focus stays in the form, on the outcome (the disabled submit button would drop it to the page).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact-outcome');
    const stored = await (await stack.api.as('sst-reader'))('GET', `/orgs/${MUNICIPALITY}/contacts`);
    expect(stored.body.emails).toEqual(['sundhed@frederiksberg.example.dk', 'kvalitet@frederiksberg.example.dk']);
    await expectAccessible(page, '80-sst-contacts');

    // SST's own notices: one e-mail a morning instead of one per report.
    await page.getByLabel('Dagligt: én samlet e-mail hver morgen').check();
    await page.getByRole('button', { name: 'Gem underretninger' }).click();
    await page.getByText('Underretningerne er gemt.').waitFor();
    expect((await (await stack.api.as('sst-reader'))('GET', '/notifications/settings')).body.submissionNotices).toBe('daily');

    // A pasted link opens the organisation; a reader sees the list without a form.
    const reader = await sstPage('sst-reader');
    await reader.goto(`${stack.api.url}/#/kontakter/${MUNICIPALITY}`);
    await reader.getByText('sundhed@frederiksberg.example.dk').waitFor();
    expect(await reader.getByRole('button', { name: 'Gem adresser' }).count()).toBe(0);
    await expectAccessible(reader, '81-sst-contacts-reader');

    // The deadline check sends the opening reminder; the log says to whom and when.
    const mail = new MemoryMail();
    await runDeadlineCheck(buildScheduleDeps(storageConfigFromEnv(), { mail }), new Date(), { onlyRounds: [round.roundId], remindersOnly: true });
    expect(mail.sent.map((m) => m.to).flat()).toContain('sundhed@frederiksberg.example.dk');
    await page.getByRole('link', { name: 'Påmindelser' }).click();
    await page.getByRole('heading', { name: 'Påmindelser', level: 1 }).waitFor();
    await page.getByLabel('Indberetningsrunde').selectOption(round.roundId);
    await page.getByRole('button', { name: 'Vis påmindelser' }).click();
    const row = page.getByRole('row').filter({ hasText: MUNICIPALITY_NAME });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('sundhed@frederiksberg.example.dk, kvalitet@frederiksberg.example.dk');
    expect(await row.textContent()).toContain('Åbning');
    expect(await row.textContent()).toContain('Sendt');
    await expectAccessible(page, '82-sst-reminders');

    // A reminder sent by hand: Frederiksberg had its opening notice today and is skipped; Vallensbæk
    // (an address of this test's own, no reminder yet) gets it, and the log names it in Danish.
    const admin = await stack.api.as('sst-admin');
    expect((await admin('PUT', `/orgs/${BY_HAND}/contacts`, { body: { emails: ['sundhed@vallensbaek.example.dk'] } })).status).toBe(200);
    const now = await admin('POST', `/rounds/${round.roundId}/reminders`, { body: { orgIds: [MUNICIPALITY, BY_HAND] } });
    expect(now.body.sent.map((o: { orgId: string }) => o.orgId)).toEqual([BY_HAND]);
    expect(now.body.alreadySent.map((o: { orgId: string }) => o.orgId)).toEqual([MUNICIPALITY]);
    await page.reload();
    const manual = page.getByRole('row').filter({ hasText: 'Vallensbæk Kommune' });
    await manual.waitFor();
    expect(await manual.textContent()).toContain(`Sendt manuelt (${formatDanishDate(new Date())})`);
    expect(await page.locator('table').textContent()).not.toContain('manual@');
    await screenshot(page, '82-sst-reminders-manual');
  });

  it('adds, changes and cancels a meeting, and subscribes to the year wheel from a calendar app that sends no token, then revokes it', async () => {
    const page = await sstPage();
    await page.goto(`${stack.api.url}/#/aarshjul`);
    await page.getByRole('heading', { name: 'Årshjul', level: 1 }).waitFor();
    const title = `Task Force-møde ${Date.now().toString(36)}`;
    /** The outcome has the focus, and it is a status message (announced) with this text. */
    const expectOutcomeFocused = async (text: string) => {
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meetings-flash');
      expect(await page.locator('#meetings-flash').getByRole('status').innerText()).toBe(text);
    };
    await page.getByRole('button', { name: 'Tilføj møde' }).click();
    // The form opens with focus in its first field.
    await page.getByLabel('Titel', { exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meeting-title');
    // Wrong first: no title, an end before the start.
    await page.getByLabel('Dato', { exact: true }).fill('2026-12-10');
    await page.getByLabel('Starttidspunkt').fill('13:00');
    await page.getByLabel('Sluttidspunkt').fill('12:00');
    await page.getByRole('button', { name: 'Tilføj mødet' }).click();
    await page.getByText('Giv mødet en titel.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meeting-title');
    await page.getByText('Sluttidspunktet skal ligge efter starttidspunktet.').waitFor();
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Sluttidspunkt').fill('15:30');
    await page.getByLabel('Sted').fill('Sundhedsstyrelsen, Islands Brygge 67');
    await page.getByRole('textbox', { name: 'Dagsorden' }).fill('Velkomst\nStatus på Kræftplan V\nEventuelt');
    await page.getByRole('checkbox', { name: round.title }).check();
    await expectAccessible(page, '83-meeting-form');
    // Saved by keyboard: focus goes to the outcome, a status message that names the meeting.
    await page.getByRole('button', { name: 'Tilføj mødet' }).press('Enter');
    await expectOutcomeFocused(`Mødet "${title}" er tilføjet, og medlemmerne får en invitation.`);
    const row = page.getByRole('row').filter({ hasText: title }).first();
    await row.getByText('Status på Kræftplan V').waitFor();
    await screenshot(page, '83-meeting-added');
    // The overview shows it with its agenda and the round it discusses.
    const overview = page.locator('section.month').getByRole('row').filter({ hasText: title });
    await overview.getByRole('link', { name: round.title }).waitFor();

    // Opened and left unsaved, with the button or with Escape: focus is back on "Ret …".
    const edit = row.getByRole('button', { name: `Ret ${title}` });
    await edit.press('Enter');
    await page.getByLabel('Starttidspunkt').waitFor();
    await page.getByRole('button', { name: 'Annullér' }).press('Enter');
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);
    await edit.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meeting-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByLabel('Starttidspunkt').count()).toBe(0);
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);

    // Change it: move it an hour.
    await edit.click();
    await page.getByLabel('Starttidspunkt').fill('14:00');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await expectOutcomeFocused(`Mødet "${title}" er ændret, og medlemmerne får den nye invitation.`);
    await row.getByText('14:00–15:30').waitFor();
    const meeting = (await (await stack.api.as('sst-reader'))('GET', '/meetings')).body.items.find((m: { title: string }) => m.title === title);
    expect(meeting).toMatchObject({ startTime: '14:00', endTime: '15:30', agenda: ['Velkomst', 'Status på Kræftplan V', 'Eventuelt'], roundIds: [round.roundId], sequence: 1 });
    await expectAccessible(page, '84-calendar-meetings');

    // Subscribe: the address is shown once; a calendar app fetches it without any credentials.
    await page.getByLabel('Navn på abonnementet (valgfrit)').fill('Outlook på arbejdet');
    await page.getByRole('button', { name: 'Opret abonnementsadresse' }).click();
    const url = await page.getByLabel('Abonnementsadresse').inputValue();
    expect(url).toMatch(new RegExp(`^${stack.api.url}/calendar/feed/[A-Za-z0-9_-]{43}$`));
    await page.getByRole('row').filter({ hasText: 'Outlook på arbejdet' }).getByText('Aktivt').waitFor();
    await expectAccessible(page, '85-calendar-subscribed');
    const events = Object.values(await ical.async.fromURL(url)).filter((c): c is VEvent => c?.type === 'VEVENT');
    const event = events.find((e) => String(e.summary) === title)!;
    expect(event).toBeDefined();
    // 14:00 in Copenhagen on 10 December 2026 is 13:00Z.
    expect(new Date(event.start).toISOString()).toBe('2026-12-10T13:00:00.000Z');
    expect(String(event.description)).toContain('2. Status på Kræftplan V');
    expect(events.map((e) => String(e.summary))).toContain(`Frist: ${round.title}`);

    // Revoke it, by keyboard: the dialog asks first; the address then answers 410.
    await page.getByRole('button', { name: 'Tilbagekald Outlook på arbejdet' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Tilbagekald abonnementet?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ja, tilbagekald' }).press('Enter');
    await page.getByText('Abonnementet "Outlook på arbejdet" er tilbagekaldt.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Outlook på arbejdet' }).getByText('Tilbagekaldt').waitFor();
    await expect(ical.async.fromURL(url)).rejects.toThrow(/410/);
    expect((await fetch(url)).status).toBe(410);

    // Cancel the meeting: it leaves the overview and stays listed as cancelled.
    await row.getByRole('button', { name: `Aflys ${title}` }).click();
    await page.getByRole('dialog', { name: 'Aflys mødet?' }).getByRole('button', { name: 'Ja, aflys mødet' }).click();
    await page.getByText(`Mødet "${title}" er aflyst.`).waitFor();
    await row.getByText('Aflyst').waitFor();
    // The "Aflys" button is gone; focus is on the outcome, not dropped to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meetings-flash');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain(`Mødet "${title}" er aflyst.`);
    await expect.poll(() => overview.count()).toBe(0);
    await expectAccessible(page, '86-calendar-cancelled');
  });

  it("shows the Task Force's seats on a date and changes one seat's invitation addresses, by keyboard; a reader only reads them", async () => {
    // A seat no other suite writes (taskforce.test.ts and the matrix use others), so its addresses are this test's.
    const SEAT = 'social-og-boligstyrelsen-1';
    const SEAT_NAME = 'Social- og Boligstyrelsen, plads 1';
    const reader = await stack.api.as('sst-reader');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    const seatsOn = async (at: string) => (await reader('GET', `/taskforce/seats?at=${at}`)).body.items as { seatId: string; emails: string[] }[];
    const now = await seatsOn(today);
    const later = await seatsOn('2027-06-01');
    const page = await sstPage();
    await page.goto(`${stack.api.url}/#/aarshjul`);
    const section = page.getByRole('region', { name: 'Task Forcens pladser og invitationsadresser' });
    await section.waitFor();
    await section.getByText(new RegExp(`^${now.length} pladser pr\\. `)).waitFor();
    const rows = section.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(now.length + 1);
    // Before the reform the sixth regional seat says when it lapses; from 2027 it is gone.
    if (today < '2027-01-01') await section.getByRole('rowheader', { name: /DR og regionerne, plads 6.*Bortfalder 1\. januar 2027/ }).waitFor();
    await section.getByLabel('Pladser pr. dato').fill('');
    await section.getByRole('button', { name: 'Vis pladser' }).click();
    await section.getByText('Angiv en gyldig dato.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('seats-at');
    await section.getByLabel('Pladser pr. dato').fill('2027-06-01');
    await section.getByRole('button', { name: 'Vis pladser' }).click();
    await section.getByText(`${later.length} pladser pr. 1. juni 2027.`).waitFor();
    expect(await rows.count()).toBe(later.length + 1);
    expect(later.some((s) => s.seatId === 'dr-og-regionerne-6')).toBe(false);
    expect(await section.getByRole('rowheader', { name: /DR og regionerne, plads 6/ }).count()).toBe(0);
    await expectAccessible(page, '86-taskforce-seats');

    // Keyboard only: open the seat's form, a wrong address first, then two right ones.
    const tag = Date.now().toString(36);
    const first = `sekretariat-${tag}@sbst.example.dk`;
    const second = `psykiatri-${tag}@sbst.example.dk`;
    await section.getByRole('button', { name: `Ret adresser ${SEAT_NAME}` }).focus();
    await page.keyboard.press('Enter');
    const form = section.getByRole('region', { name: `Adresser for ${SEAT_NAME}` });
    await form.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'seat-email-0');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('ikke en adresse');
    await form.getByRole('button', { name: 'Gem adresser' }).click();
    await form.getByText('Skal være en gyldig e-mailadresse.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('seat-email-0');
    await form.getByLabel('E-mailadresse 1').fill(first);
    await form.getByRole('button', { name: 'Tilføj adresse' }).click();
    await form.getByLabel('E-mailadresse 2').fill(second);
    await form.getByLabel('E-mailadresse 2').press('Enter');
    await form.getByText(`Adresserne for ${SEAT_NAME} er gemt.`).waitFor();
    // Focus stays in the seat's form, on the outcome.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('seat-email-outcome');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#seat-form') !== null)).toBe(true);
    const stored = (await seatsOn('2027-06-01')).find((s) => s.seatId === SEAT);
    expect(stored?.emails).toEqual([first, second]);
    const row = section.getByRole('row', { name: new RegExp(SEAT_NAME) });
    await row.getByText(first).waitFor();
    await row.getByText(second).waitFor();
    await screenshot(page, '86-taskforce-seat-saved');
    await form.getByRole('button', { name: 'Annullér' }).click();
    expect(await form.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`seat-edit-${SEAT}`);

    // A reader sees the same addresses and no way to change them.
    const readerPage = await sstPage('sst-reader');
    await readerPage.goto(`${stack.api.url}/#/aarshjul`);
    const readerSection = readerPage.getByRole('region', { name: 'Task Forcens pladser og invitationsadresser' });
    await readerSection.getByRole('row', { name: new RegExp(SEAT_NAME) }).getByText(first).waitFor();
    await readerSection.getByText('Du kan se adresserne, men kun en administrator kan rette dem.').waitFor();
    expect(await readerSection.getByRole('button', { name: /Ret adresser/ }).count()).toBe(0);
    await expectAccessible(readerPage, '86-taskforce-seats-reader');
  });

  it('uploads indicators with one error, sees it by line and column, fixes and commits them, and reads the trend chart beside its table', async () => {
    const page = await sstPage();
    await page.getByRole('link', { name: 'Indikatorer' }).click();
    await page.getByRole('heading', { name: 'Nationale indikatorer', level: 1 }).waitFor();
    await page.getByLabel('Skema', { exact: true }).selectOption(indicatorForm);
    await page.getByRole('button', { name: 'Vis skemaets indikatorer' }).click();
    await page.getByRole('heading', { name: 'Indlæs nye data' }).waitFor();
    const lines = (value: string) =>
      [
        'indikator;periode;region;værdi;enhed;målværdi;retning;titel;kilde',
        'ventetid;2025;Hele landet;31,5;dage;30;ned;Ventetid til udredning (eksempel);Eksempel: Landspatientregisteret',
        'ventetid;2026;Hele landet;29,0;dage;30;ned;;Eksempel: Landspatientregisteret',
        `ventetid;2025;Region Nordjylland;${value};dage;30;ned;;Eksempel: Landspatientregisteret`,
        'ventetid;2026;Region Nordjylland;30,1;dage;30;ned;;Eksempel: Landspatientregisteret',
      ].join('\r\n');
    const file = (value: string) => ({ name: 'indikatorer.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${lines(value)}\r\n`, 'utf8') });
    await page.getByLabel('CSV-fil').setInputFiles(file('33 dage'));
    await page.getByText('Filen har 1 fejl og er ikke gemt.').waitFor();
    // Focus is on the preview's result, not on a heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ind-preview-result');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Filen har 1 fejl og er ikke gemt.');
    const error = page.getByRole('table', { name: 'Fejl i filen' }).getByRole('row').nth(1);
    expect((await error.getByRole('cell').allTextContents())).toEqual(['4', 'værdi', '"33 dage" er ikke et tal.']);
    // The rows that could be read are shown as they would be stored; nothing is stored yet.
    await page.getByRole('table', { name: 'Rækker, som de vil blive gemt' }).getByRole('row').filter({ hasText: '31,5 dage' }).waitFor();
    expect(await page.getByRole('button', { name: /^Gem de/ }).count()).toBe(0);
    expect((await (await stack.api.as('sst-reader'))('GET', `/forms/${indicatorForm}/indicators`)).status).toBe(404);
    await expectAccessible(page, '87-indicators-error');

    await page.getByLabel('CSV-fil').setInputFiles(file('33,2'));
    await page.getByText('Filen kan læses uden fejl: 4 rækker.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Filen kan læses uden fejl: 4 rækker.');
    await page.getByRole('button', { name: 'Gem de 4 rækker' }).click();
    await page.getByText('4 rækker fra indikatorer.csv er gemt').waitFor();
    const stored = await (await stack.api.as('sst-reader'))('GET', `/forms/${indicatorForm}/indicators`);
    expect(stored.body.rows).toHaveLength(4);

    // The data set is listed with its source and its audit event.
    const [event] = (await stack.api.deps.audit.history(`form/${indicatorForm}`)).filter((e) => e.action === 'indicators.upload');
    const listed = page.getByRole('table', { name: 'Datasæt pr. skema' }).getByRole('row').filter({ hasText: indicatorForm.slice(-5) });
    await listed.getByText('Eksempel: Landspatientregisteret').waitFor();
    await listed.getByText(`loghændelse ${event!.id}`).waitFor();

    // The trend: a chart per indicator with target and direction, the table beside it.
    const trend = page.getByRole('region', { name: 'Ventetid til udredning (eksempel) (dage)' });
    await trend.getByText('Lavere er bedre. Den stiplede røde linje er målet.').waitFor();
    await trend.getByRole('img', { name: 'Ventetid til udredning (eksempel) (dage)' }).waitFor();
    const table = trend.getByRole('table', { name: 'Tal for Ventetid til udredning (eksempel) (dage)' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Periode', 'Hele landet', 'Region Nordjylland', 'Mål']);
    expect(await table.getByRole('row').nth(2).textContent()).toBe('20262930,130');
    expect(await trend.locator('svg circle').count()).toBe(4);
    expect(await trend.locator('svg path.target').count()).toBe(1);
    await expectAccessible(page, '88-indicators-trend');
  });

  it('searches the audit log by round and action, by keyboard, and exports the search as CSV for Danish Excel', async () => {
    const page = await sstPage();
    await page.getByRole('link', { name: 'Log', exact: true }).click();
    await page.getByRole('heading', { name: 'Log', level: 1 }).waitFor();
    await page.getByLabel('Indberetningsrunde').selectOption(round.roundId);
    await page.getByLabel('Handling').selectOption('round.');
    await page.getByRole('button', { name: 'Søg i loggen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Resultater, side 1' }).waitFor();
    // The round's own events of the round family: its creation, and the reminder sent by hand above.
    const from = encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString());
    const to = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    const expected = (await (await stack.api.as('sst-reader'))('GET', `/audit?from=${from}&to=${to}&roundId=${round.roundId}&action=round.`)).body.items as { action: string }[];
    expect(expected.map((e) => e.action)).toContain('round.create');
    const rows = page.locator('#audit-results tbody tr');
    await expect.poll(() => rows.count()).toBe(expected.length);
    const texts = await rows.allTextContents();
    expect(texts.some((r) => r.includes('round.create'))).toBe(true);
    expect(texts.every((r) => /round\./.test(r))).toBe(true);
    await expectAccessible(page, '90-audit-search');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent søgningen som CSV (Excel)' }).click()]);
    let bytes = Buffer.alloc(0);
    for await (const c of await file.createReadStream()) bytes = Buffer.concat([bytes, c as Buffer]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('Tidspunkt (dansk tid);Handling;')).toBe(true);
    const events = lines.slice(1).filter(Boolean);
    expect(events).toHaveLength(expected.length);
    expect(events[0]!.split(';')[0]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(events.map((l) => l.split(';')[1]).sort()).toEqual(expected.map((e) => e.action).sort());
  });

  it('fits every SST year page into 320 CSS px without sideways scrolling', async () => {
    const page = await sstPage('sst-admin', { width: 320, height: 640 });
    const pages: [string, string][] = [
      [`#/kontakter/${MUNICIPALITY}`, 'Kontaktadresser og underretninger'],
      [`#/paamindelser/${round.roundId}`, 'Påmindelser'],
      ['#/aarshjul', 'Årshjul'],
      [`#/indikatorer/${indicatorForm}`, 'Nationale indikatorer'],
      ['#/log', 'Log'],
    ];
    const wide: string[] = [];
    for (const [hash, heading] of pages) {
      await page.goto(`${stack.api.url}/${hash}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      const culprits = await sidewaysOverflow(page);
      if (culprits.length) wide.push(`${hash}: ${culprits.join(', ')}`);
      await screenshot(page, `89-320-${hash.split('/')[1]}`);
    }
    expect(wide).toEqual([]);
  });
});
