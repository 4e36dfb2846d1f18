// The printable summary report in Debian's Chromium, with the fonts this machine has (the
// report asks for Segoe UI, Helvetica Neue or Arial and gets the fallback, DejaVu Sans, the
// widest of them): every text of every chart lies inside its chart and clear of every other
// text, so no label is clipped ("98 forvente") or drawn over another. Also: no sum of
// percentages or targets, the median column, round ticks. Screenshots to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildRoundSummary } from '#core/summary/aggregate';
import { buildTrend } from '#core/summary/trend';
import { summaryHtml } from '#core/summary/html';
import { respondentsAt } from '#core/registry';
import { CHROMIUM, SCREENSHOTS } from './support.ts';
import { clone, exampleOf, schemaOf, summaryInput, type Json } from '../support/summary-fixtures.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Every number field's item gets a value, every goal and indicator is reported: the longest labels. */
function psychiatryAll(): Json {
  const base = exampleOf('psykiatriplan-status');
  const schema = schemaOf('psykiatriplan-status');
  const goals = schema['properties'].maal.items.properties.maal.oneOf.map((o: Json) => o['const']);
  const indicators = schema['properties'].maal.items.properties.indikatorer.items.properties.indikator.oneOf.map((o: Json) => o['const']);
  base.maal = goals.map((maal: string, i: number) => ({
    maal,
    status: ['paa_rette_vej', 'delvist_paa_rette_vej', 'ikke_paa_rette_vej', 'kan_ikke_vurderes'][i % 4],
    beskrivelse: 'Eksempeltekst.',
    indikatorer: indicators.slice(i, i + 3).map((indikator: string, j: number) => ({ indikator, vaerdi: 50 + 37 * j, enhed: j === 0 ? '%' : 'personer', maalvaerdi: 60 })),
  }));
  return base;
}

function reports(): { name: string; html: string }[] {
  // Municipal: 98 expected, the total label that used to be cut.
  const kbh = exampleOf('kraeftplan-v-kommunal');
  const municipalities = respondentsAt('2026-06-01', 'municipality');
  const kommunal = buildRoundSummary(
    summaryInput(
      'kraeftplan-v-kommunal',
      'municipality',
      municipalities.slice(0, 60).map((orgId, i) => ({ orgId, status: i % 3 === 0 ? 'accepted' : 'submitted', answers: clone(kbh), late: i % 7 === 0 })),
    ),
  );
  const psyk = buildRoundSummary(
    summaryInput('psykiatriplan-status', 'region', [
      { orgId: 'region-1081', status: 'submitted', answers: psychiatryAll() },
      { orgId: 'region-1082', status: 'submitted', answers: psychiatryAll() },
    ]),
  );
  const regional = (period: string, fremdrift: number) => {
    const a = exampleOf('kraeftplan-v-regional');
    for (const i of a.initiativer) i.fremdrift = fremdrift;
    return buildRoundSummary(summaryInput('kraeftplan-v-regional', 'region', [{ orgId: 'region-1084', status: 'submitted', answers: a }], { period }));
  };
  const r2025 = regional('2025', 27);
  const r2026 = regional('2026', 98);
  const trend = buildTrend({ formId: 'kraeftplan-v-regional', formTitle: 'Regional' }, [r2025, r2026], [], new Date('2026-12-31T00:00:00Z'));
  return [
    { name: 'summary-report-kommunal', html: summaryHtml(kommunal) },
    { name: 'summary-report-psykiatri', html: summaryHtml(psyk) },
    { name: 'summary-report-regional-trend', html: summaryHtml(r2026, trend) },
  ];
}

interface Box {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

describe.each(reports())('$name in Chromium', ({ name, html }) => {
  it('draws every chart text inside its chart and clear of every other text, in the fallback font', async () => {
    await page.setContent(html, { waitUntil: 'load' });
    const charts = await page.$$eval('svg', (svgs) =>
      svgs.map((svg) => {
        const [, , vw, vh] = svg.getAttribute('viewBox')!.split(' ').map(Number);
        const texts = [...svg.querySelectorAll('text')].map((t) => {
          const b = (t as SVGTextElement).getBBox();
          return { text: t.textContent ?? '', x: b.x, y: b.y, w: b.width, h: b.height };
        });
        return { title: svg.getAttribute('aria-label') ?? '', vw: vw!, vh: vh!, texts };
      }),
    );
    expect(charts.length, 'the report has charts').toBeGreaterThan(0);
    const tol = 0.5;
    for (const c of charts) {
      for (const t of c.texts) {
        const where = `${c.title}: "${t.text}" at ${t.x.toFixed(1)},${t.y.toFixed(1)} ${t.w.toFixed(1)}×${t.h.toFixed(1)} in ${c.vw}×${c.vh}`;
        expect(t.x, where).toBeGreaterThanOrEqual(-tol);
        expect(t.y, where).toBeGreaterThanOrEqual(-tol);
        expect(t.x + t.w, where).toBeLessThanOrEqual(c.vw + tol);
        expect(t.y + t.h, where).toBeLessThanOrEqual(c.vh + tol);
      }
      const overlaps = (a: Box, b: Box) => a.x < b.x + b.w - tol && b.x < a.x + a.w - tol && a.y < b.y + b.h - tol && b.y < a.y + a.h - tol;
      for (let i = 0; i < c.texts.length; i++) {
        for (let j = i + 1; j < c.texts.length; j++) {
          const a = c.texts[i]!;
          const b = c.texts[j]!;
          expect(overlaps(a, b), `${c.title}: "${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
    }
    // The font Chromium actually used for a chart label: the fallback the width table is made for.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'svg text.lbl' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => f.familyName)).toContain('DejaVu Sans');
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
    const figures = page.locator('figure');
    const count = await figures.count();
    for (const i of new Set([0, 1, count - 1].filter((i) => i >= 0 && i < count))) await figures.nth(i).screenshot({ path: path.join(SCREENSHOTS, `${name}-chart-${i + 1}.png`) });
  });

  it('shows a median column, no "Sum" of a percentage or a target, and round ticks only', async () => {
    await page.setContent(html, { waitUntil: 'load' });
    const tables = await page.$$eval('h4 + table', (ts) =>
      ts.map((t) => ({ title: t.previousElementSibling!.textContent ?? '', heads: [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? '') })),
    );
    const numberTables = tables.filter((t) => t.heads.includes('Antal svar'));
    for (const t of numberTables) {
      expect(t.heads, t.title).toContain('Median');
      if (/%|Målværdi/.test(t.title)) expect(t.heads, t.title).not.toContain('Sum');
    }
    // The y-axis labels of each line chart: an even 1-2-5 step, or 0–100 % in quarters.
    const axes = await page.$$eval('svg', (svgs) =>
      svgs.map((svg) => [...svg.querySelectorAll('text[text-anchor="end"]')].map((t) => t.textContent ?? '').filter((x) => /^-?[\d.,]+( %)?$/.test(x))),
    );
    const lineAxes = axes.filter((a) => a.length >= 2);
    if (name.endsWith('trend')) expect(lineAxes.length, 'the trend report has line charts').toBeGreaterThan(0);
    for (const labels of lineAxes) {
      const values = labels.map((t) => Number(t.replace(' %', '').replace(/\./g, '').replace(',', '.')));
      if (labels[0]!.endsWith(' %')) {
        expect(values).toEqual([0, 25, 50, 75, 100]);
        continue;
      }
      const step = values[1]! - values[0]!;
      values.forEach((v, i) => expect(v).toBeCloseTo(values[0]! + i * step, 9));
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9), labels.join(' ')).toBe(true);
    }
  });
});
