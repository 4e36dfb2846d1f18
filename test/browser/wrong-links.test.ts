// Links that lead nowhere the user may go, walked in Chromium: a round that does not exist, a
// page the user may not see, an organisation not in the round, another organisation's report and
// a round the user's organisation does not report in. Each says what is wrong under a heading that
// takes the focus, offers no "Prøv igen" that cannot help, and links back; a fault that may pass
// (the network) still offers to try again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ulid } from 'ulid';
import type { Round } from '#schemas/api';
import { expectAccessible, sidewaysOverflow, signedInPages, startWebStack, type WebStack } from './support.ts';

const LEMVIG = 'kommune-665';
const KOBENHAVN = 'kommune-101';
const MIDTJYLLAND = 'region-1082';
const HOVEDSTADEN = 'region-1084';
const DR = 'danske-regioner';
let stack: WebStack;
let municipal: Round;
let coordinated: Round;
let direct: Round;

/** The focused element's tag and text ("H1 Siden findes ikke"), '' for <body>. */
const focused = (p: Page) => p.evaluate(() => (document.activeElement === document.body || !document.activeElement ? '' : `${document.activeElement.tagName} ${(document.activeElement as HTMLElement).innerText}`));

/**
 * Opens `hash` in the signed-in app (as a pasted link does) and checks the page it shows: the
 * heading, focused; the API's detail; no "Prøv igen"; the link back. Returns after following it.
 */
async function expectDeadEnd(p: Page, hash: string, heading: string, detail: string | RegExp, name: string, back = '← Indberetninger', backTo = '#/') {
  await p.goto(`${stack.api.url}/${hash}`);
  await p.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  await expect.poll(() => focused(p)).toBe(`H1 ${heading}`);
  await p.getByText(detail).waitFor();
  expect(await p.getByRole('button', { name: 'Prøv igen' }).count()).toBe(0);
  expect(await p.locator('main').innerText()).not.toMatch(/Der opstod en fejl|\b(403|404)\b|HTTP/);
  await expectAccessible(p, name);
  await p.getByRole('link', { name: back, exact: true }).click();
  await expect.poll(() => new URL(p.url()).hash).toBe(backTo);
  await p.getByRole('heading', { level: 1 }).waitFor();
}

describe('links that lead nowhere the user may go', { timeout: 120_000 }, () => {
  const newPage = signedInPages(() => stack, 'wrong-links');
  beforeAll(async () => {
    stack = await startWebStack();
    const tag = ulid().slice(-6);
    municipal = await stack.api.round('kraeftplan-v-kommunal', { title: `Forkerte links, kommunal (eksempel) ${tag}` });
    coordinated = await stack.api.round('kraeftplan-v-regional', { title: `Forkerte links, koordineret (eksempel) ${tag}`, mode: 'coordinated', coordinator: DR, respondentsAt: '2026-03-31' });
    direct = await stack.api.round('kraeftplan-v-regional', { title: `Forkerte links, direkte (eksempel) ${tag}`, respondentsAt: '2026-03-31' });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('a municipality opening a region round’s contributions: the round does not exist for it', async () => {
    const p = await newPage('reporter', LEMVIG);
    await expectDeadEnd(p, `#/runder/${coordinated.roundId}/bidrag`, 'Siden findes ikke', `Indberetningsrunden "${coordinated.roundId}" findes ikke.`, '90-wrong-link-municipality-contributions');
    await p.getByRole('heading', { level: 1, name: 'Mine indberetninger' }).waitFor();
  });

  it('contributions and a round page of a round that does not exist, opened by SST', async () => {
    const p = await newPage('sst-admin');
    await expectDeadEnd(p, '#/runder/findes-ikke/bidrag', 'Siden findes ikke', 'Indberetningsrunden "findes-ikke" findes ikke.', '91-wrong-link-missing-contributions');
    await p.getByRole('heading', { level: 1, name: 'Indberetningsrunder' }).waitFor();
    await expectDeadEnd(p, '#/runder/findes-ikke', 'Siden findes ikke', 'Indberetningsrunden "findes-ikke" findes ikke.', '92-wrong-link-missing-round');
  });

  it('SST opening an organisation that is not in the round (also at 320 px: the long round id wraps)', async () => {
    const p = await newPage('sst-admin');
    await expectDeadEnd(p, `#/runder/${municipal.roundId}/kommune-999`, 'Siden findes ikke', `Organisationen "kommune-999" skal ikke indberette i runden "${municipal.roundId}".`, '93-wrong-link-sst-unknown-org');
    const narrow = await newPage('sst-admin', undefined, { width: 320, height: 640 });
    await narrow.goto(`${stack.api.url}/#/runder/${municipal.roundId}/kommune-999`);
    await narrow.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
    await expectAccessible(narrow, '93-wrong-link-sst-unknown-org-320');
    expect(await sidewaysOverflow(narrow)).toEqual([]);
  });

  it('Danske Regioner opening a direct round’s contributions, a region opening a coordinated round’s', async () => {
    const dr = await newPage('reporter', DR);
    await expectDeadEnd(dr, `#/runder/${direct.roundId}/bidrag`, 'Siden findes ikke', `Indberetningsrunden "${direct.roundId}" findes ikke.`, '94-wrong-link-dr-direct-contributions');
    const region = await newPage('reporter', MIDTJYLLAND);
    await expectDeadEnd(region, `#/runder/${coordinated.roundId}/bidrag`, 'Du har ikke adgang til siden', 'Kun koordinatoren og Sundhedsstyrelsen kan se bidragene i runden.', '95-wrong-link-region-contributions');
  });

  it('a fault that may pass still offers "Prøv igen", and trying again helps', async () => {
    const p = await newPage('reporter', DR);
    let fail = true;
    await p.route(`**/rounds/${coordinated.roundId}/contributions`, (route) => (fail ? route.abort() : route.continue()));
    await p.goto(`${stack.api.url}/#/runder/${coordinated.roundId}/bidrag`);
    const retry = p.getByRole('button', { name: 'Prøv igen' });
    await retry.waitFor();
    await p.getByText('Kunne ikke få forbindelse til serveren').waitFor();
    fail = false;
    await retry.click();
    await p.getByRole('heading', { level: 1, name: coordinated.title }).waitFor();
  });

  it('a reporter opening another organisation’s report link sees its own, with a word about the link', async () => {
    const p = await newPage('reporter', LEMVIG);
    await p.goto(`${stack.api.url}/#/runder/${municipal.roundId}/${KOBENHAVN}`);
    await p.getByRole('heading', { level: 1, name: municipal.title }).waitFor();
    await expect.poll(() => new URL(p.url()).hash).toBe(`#/runder/${municipal.roundId}/${LEMVIG}`);
    await p.getByText('Lemvig Kommunes indberetning').waitFor();
    await p.getByRole('status').filter({ hasText: 'Linket var til en anden organisations indberetning. Du kan kun se jeres egen, som vises her.' }).waitFor();
    await expect.poll(() => focused(p)).toBe(`H1 ${municipal.title}`);
    await expectAccessible(p, '96-wrong-link-foreign-report');
    // The word is about the link: going home and back to the report by its own link shows none.
    await p.getByRole('link', { name: '← Indberetninger' }).click();
    await p.getByRole('heading', { level: 1, name: 'Mine indberetninger' }).waitFor();
    await p.goto(`${stack.api.url}/#/runder/${municipal.roundId}/${LEMVIG}`);
    await p.getByRole('heading', { level: 1, name: municipal.title }).waitFor();
    await p.getByText('Lemvig Kommunes indberetning').waitFor();
    expect(await p.getByText('Linket var til en anden organisations indberetning').count()).toBe(0);

    const region = await newPage('reporter', MIDTJYLLAND);
    await region.goto(`${stack.api.url}/#/runder/${direct.roundId}/${HOVEDSTADEN}`);
    await region.getByRole('heading', { level: 1, name: direct.title }).waitFor();
    await expect.poll(() => new URL(region.url()).hash).toBe(`#/runder/${direct.roundId}/${MIDTJYLLAND}`);
    await region.getByRole('status').filter({ hasText: 'Linket var til en anden organisations indberetning.' }).waitFor();
  });

  it('a municipality opening a region’s contribution link: its organisation does not report in the round', async () => {
    const p = await newPage('reporter', LEMVIG);
    const hash = `#/runder/${coordinated.roundId}/${MIDTJYLLAND}`;
    await expectDeadEnd(p, hash, 'Lemvig Kommune indberetter ikke i runden', /som Lemvig Kommune ikke indberetter i/, '97-wrong-link-not-respondent');
    // It said so where the link pointed, not at an address of its own making.
    await p.goBack();
    await expect.poll(() => new URL(p.url()).hash).toBe(hash);
    await p.getByRole('heading', { level: 1, name: 'Lemvig Kommune indberetter ikke i runden' }).waitFor();
  });
});
