// The printable HTML report, rendered by headless Chromium (Debian's package) to an A4 PDF
// and a PNG: it must load without errors, draw its SVG charts and print in Danish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { buildRoundSummary } from '#core/summary/aggregate';
import { buildTrend } from '#core/summary/trend';
import { summaryHtml } from '#core/summary/html';
import { clone, exampleOf, summaryInput, type Json } from '../support/summary-fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(() => browser?.close());

function psychiatryReport(): string {
  const make = (period: string, value: number) => {
    const a: Json = clone(exampleOf('psykiatriplan-status'));
    a.maal[1].indikatorer[0].vaerdi = value;
    const b: Json = clone(a);
    b.samlet_status.samlet_vurdering = 'Særligt børne- og ungdomspsykiatrien i Østjylland har fået flere pladser; ventetiden er nu på 28 dage.';
    return buildRoundSummary(
      summaryInput('psykiatriplan-status', 'region', [
        { orgId: 'region-1081', status: 'submitted', answers: a },
        { orgId: 'region-1082', status: 'accepted', answers: b, late: true },
        { orgId: 'region-1083', status: 'draft', answers: a },
      ], { period }),
    );
  };
  const summaries = [make('2026', 182), make('2027', 170), make('2028', 149)];
  const trend = buildTrend({ formId: 'psykiatriplan-status', formTitle: 'Psykiatri' }, summaries, [
    { indicator: 'tvang', title: 'Personer bæltefikseret', period: '2026', value: 412, unit: 'personer', target: 350 },
    { indicator: 'tvang', title: 'Personer bæltefikseret', period: '2027', value: 380, unit: 'personer', target: 350 },
  ], new Date('2028-12-31T00:00:00Z'));
  return summaryHtml(summaries[2]!, trend);
}

describe('the HTML report in headless Chromium', () => {
  it.skipIf(!existsSync(CHROMIUM))('prints to an A4 PDF and a PNG without errors', async () => {
    const html = psychiatryReport();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => !r.url().startsWith('data:') && r.url() !== 'about:blank' && errors.push(`external request ${r.url()}`));
    await page.setContent(html, { waitUntil: 'load' });

    expect(await page.title()).toContain('samlet opgørelse');
    expect(await page.locator('h2').allTextContents()).toEqual(expect.arrayContaining(['Indberetning og rettidighed', 'Udvikling over årene']));
    expect(await page.locator('figure svg').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('body').innerText()).toContain('Østjylland');

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);

    const png = await page.screenshot({ fullPage: true });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(errors).toEqual([]);
    await page.close();
  });
});
