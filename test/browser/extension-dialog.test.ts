// SST's extension dialog on the round's status table, and on a coordinated round's coordinator
// above it, in the moment after a change: the table reads itself again after every grant or
// revoke, and until that read comes back the row and its dialog show the change's own answer,
// never what was there before. The reload is held back here (its request waits until the test
// lets it go), so the row is looked at and its dialog opened and used before the reload is back.
// Walked by keyboard at 320 CSS px, axe on each step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDanishDays, danishDate } from '#core/danish-time';
import { expectAccessible, screenshot, sidewaysOverflow, signedInPages, startWebStack, type WebStack } from './support.ts';

const ORG = 'kommune-751'; // Aarhus: its row is the last in Danish order (Å)
let stack: WebStack;

/** From now on, the page's reads of `path` wait until `release()`; `held()` counts them. */
async function holdReads(page: Page, path: string): Promise<{ release: () => void; held: () => number }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(`**${path}`, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    held += 1;
    await gate;
    await route.continue();
  });
  return { release, held: () => held };
}

describe('the extension dialog right after a change', { timeout: 120_000 }, () => {
  const newPage = signedInPages(() => stack, 'extension-dialog');
  beforeAll(async () => {
    stack = await startWebStack();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('shows a revoke in the row and its dialog before the table has reloaded, and grants again from there', async () => {
    const round = await stack.api.round('kraeftplan-v-kommunal', { title: 'Forlængelser (eksempel)' });
    const sst = await stack.api.as('sst-admin');
    const extensions = `/rounds/${round.roundId}/extensions`;
    const first = danishDate(addDanishDays(new Date(), 40));
    const granted = await sst('PUT', `${extensions}/${ORG}`, { body: { deadline: first, reason: 'Ny kontaktperson (eksempel)' } });
    expect(granted.status, granted.text).toBe(200);

    const page = await newPage('sst-admin', undefined, { width: 320, height: 720 });
    /** Tab until the field `id` has focus (a date field takes a Tab per part of the date). */
    const tabTo = async (id: string) => {
      for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++) await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);
    };
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}`);
    const row = page.locator(`tr[data-org="${ORG}"]`);
    await row.getByText('Forlænget frist: Ny kontaktperson (eksempel)').waitFor();

    // From here on the table's reload (its read of the round's extensions) waits until let go.
    const { release, held } = await holdReads(page, extensions);

    // Revoke, by keyboard: the row's button, then Tab to the revoke reason and the revoke button.
    const button = page.getByRole('button', { name: 'Frist for Aarhus' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Frist for Aarhus' });
    await dialog.getByTestId('extension-now').waitFor();
    await tabTo('x-revoke');
    await page.keyboard.type('Givet ved en fejl (eksempel)');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Tilbagekald forlængelsen');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('bulk-result');
    await result.getByText('Forlængelsen for Aarhus er tilbagekaldt.').waitFor();
    expect((await sst('GET', extensions)).body.items.filter((e: { orgId: string }) => e.orgId === ORG)).toEqual([]);
    // The table's reload has started and is still waiting.
    await expect.poll(held).toBe(1);

    // The row already shows the round's deadline again: no extension, no reason.
    expect(await row.getByText(/^Forlænget frist:/).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Frist for Aarhus');
    await expectAccessible(page, '83-extension-revoked-320');

    // Its dialog, opened at once, offers a new extension: nothing current, nothing to revoke.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getByTestId('extension-now').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Tilbagekald forlængelsen' }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Ret den forlængede frist' }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('x-deadline');
    expect(await sidewaysOverflow(page)).toEqual([]);
    await expectAccessible(page, '84-extension-dialog-after-revoke-320');

    // Granted again from that dialog, by keyboard, while the first reload still waits.
    const second = danishDate(addDanishDays(new Date(), 35));
    await dialog.getByLabel('Ny frist *').fill(second);
    await tabTo('x-reason');
    await page.keyboard.type('Sygdom i teamet (eksempel)');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Forlæng fristen');
    await page.keyboard.press('Enter');
    await result.getByText(/^Fristen for Aarhus er forlænget til /).waitFor();
    const now = (await sst('GET', extensions)).body.items.find((e: { orgId: string }) => e.orgId === ORG);
    expect(now).toMatchObject({ deadline: second, reason: 'Sygdom i teamet (eksempel)' });
    await row.getByText('Forlænget frist: Sygdom i teamet (eksempel)').waitFor();
    expect(held()).toBe(2);
    await expectAccessible(page, '85-extension-granted-again-320');
    // The outcome, in the bulk bar above the table (announced where focus stays, on the row's button).
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, '85-extension-granted-again-message-320');

    // The reloads come back: the row keeps what the server holds, and its dialog shows it as current.
    const reloaded = page.waitForResponse((res) => res.url().endsWith(extensions) && res.request().method() === 'GET');
    release();
    await reloaded;
    await page.waitForLoadState('networkidle');
    await page.unroute(`**${extensions}`);
    expect(await row.getByText(/^Forlænget frist:/).allInnerTexts()).toEqual(['Forlænget frist: Sygdom i teamet (eksempel)']);
    await button.focus();
    await page.keyboard.press('Enter');
    await dialog.getByTestId('extension-now').getByText(/Begrundelse: Sygdom i teamet \(eksempel\)$/).waitFor();
    expect(await dialog.getByLabel('Ny frist *').inputValue()).toBe(second);
    await expectAccessible(page, '86-extension-dialog-after-reload-320');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it("does the same for a coordinated round's coordinator, whose extension is above the table", async () => {
    const DR = 'danske-regioner';
    const round = await stack.api.round('kraeftplan-v-regional', { title: 'Forlængelser, koordineret (eksempel)', mode: 'coordinated', coordinator: DR, respondentsAt: '2026-03-31' });
    const sst = await stack.api.as('sst-admin');
    const extensions = `/rounds/${round.roundId}/extensions`;
    const granted = await sst('PUT', `${extensions}/${DR}`, { body: { deadline: danishDate(addDanishDays(new Date(), 40)), reason: 'Et sent bidrag (eksempel)' } });
    expect(granted.status, granted.text).toBe(200);

    const page = await newPage('sst-admin');
    await page.goto(`${stack.api.url}/#/runder/${round.roundId}`);
    const report = page.getByRole('region', { name: 'Danske Regioners indberetning til Sundhedsstyrelsen' });
    await report.getByText(/Forlænget til/).waitFor();
    const { release, held } = await holdReads(page, extensions);

    const button = report.getByRole('button', { name: 'Forlæng fristen for Danske Regioner' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Frist for Danske Regioner' });
    await dialog.getByTestId('extension-now').waitFor();
    await dialog.getByLabel('Begrundelse *').nth(1).fill('Givet ved en fejl (eksempel)');
    await dialog.getByRole('button', { name: 'Tilbagekald forlængelsen' }).click();
    await page.getByTestId('bulk-result').getByText('Forlængelsen for Danske Regioner er tilbagekaldt.').waitFor();
    await expect.poll(held).toBe(1);
    expect(await report.getByText(/Forlænget til/).count()).toBe(0);

    await button.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getByTestId('extension-now').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Tilbagekald forlængelsen' }).count()).toBe(0);
    await expectAccessible(page, '87-coordinator-extension-after-revoke');
    await dialog.getByLabel('Ny frist *').fill(danishDate(addDanishDays(new Date(), 35)));
    await dialog.getByLabel('Begrundelse *').fill('Et andet sent bidrag (eksempel)');
    await dialog.getByRole('button', { name: 'Forlæng fristen' }).click();
    await report.getByText(/Forlænget til/).waitFor();
    release();
    await page.waitForLoadState('networkidle');
    await page.unroute(`**${extensions}`);
    const now = (await sst('GET', extensions)).body.items.find((e: { orgId: string }) => e.orgId === DR);
    expect(now).toMatchObject({ reason: 'Et andet sent bidrag (eksempel)' });
    await report.getByText(/Forlænget til/).waitFor();
  });
});
