// One question's figures per sundhedsråd in a publication, over the local engines: a municipal
// form of this test's own with a count (summed), a share (a mean, never summed) and a waiting time
// (a median, lower is better); municipalities in and outside Sundhedsråd Amager og Vestegnen
// submit real reports to a round counted on 1 January 2027; the block groups them by the
// registry on that date, shows the municipalities in no known sundhedsråd as a row of their own,
// is frozen when SST publishes, and reads the same in the PDF. Rounds before the reform, and
// rounds the regions answer, say why there is no grouping instead of showing one.
// The server runs in this process on a fixed composition (test/support/health-council-fixture.ts:
// Amager og Vestegnen's nine, the other 89 in none), so compositions SST adds to
// registry/sundhedsraad.csv change none of the figures below.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ulid } from 'ulid';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startApi, type Api, type Client } from '../support/api.ts';
import { saveDraft, submit } from '#core/submissions-service';
import type { Identity } from '#core/identity';
import type { Round } from '#schemas/api';

vi.mock('#core/sundhedsraad-data', async () => ({
  HEALTH_COUNCIL_ROWS: (await import('../support/health-council-fixture.ts')).FIXTURE_HEALTH_COUNCIL_ROWS,
}));

const FORM = `raad-${ulid().toLowerCase().slice(-10)}`;
const COUNCIL = 'Sundhedsråd Amager og Vestegnen';
const UNASSIGNED = 'Ikke fordelt på et sundhedsråd';

/** An example form for this test only (not an official form): three number fields, three aggregations. */
const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: 'Prøveskema for sundhedsråd (eksempel)',
  properties: {
    rehab: {
      type: 'object',
      title: 'Rehabilitering',
      properties: {
        henviste: { type: 'integer', title: 'Borgere henvist', 'x-summary': 'number', 'x-unit': 'borgere' },
        andel: { type: 'number', title: 'Andel påbegyndt inden for 14 dage', 'x-summary': 'number', 'x-unit': '%' },
        ventetid: { type: 'number', title: 'Ventetid', 'x-summary': 'number', 'x-unit': 'dage', 'x-better': 'lower', 'x-aggregate': 'median' },
      },
    },
  },
};

/** Who reports what. 165, 153 and 155 are in Sundhedsråd Amager og Vestegnen; 101 and 751 are in none of the fixture's. */
const REPORTS: Record<string, { henviste: number; andel: number; ventetid: number }> = {
  'kommune-165': { henviste: 10, andel: 40, ventetid: 10 },
  'kommune-153': { henviste: 30, andel: 60, ventetid: 20 },
  'kommune-155': { henviste: 5, andel: 20, ventetid: 60 },
  'kommune-101': { henviste: 100, andel: 90, ventetid: 30 },
  'kommune-751': { henviste: 50, andel: 70, ventetid: 50 },
};

let api: Api;
let admin: Client;
let reporter: Client;
let round2027: Round;
let round2026: Round;
let regional: Round;

const reporterOf = (orgId: string): Identity => ({ subject: `t-${orgId}`, name: `Indberetter, ${orgId}`, role: 'reporter', orgId, scopes: [] });

async function report(roundId: string, orgId: string, rehab: Record<string, number>) {
  const s = await saveDraft(api.deps, reporterOf(orgId), roundId, orgId, { rehab }, undefined);
  await submit(api.deps, reporterOf(orgId), roundId, orgId, s.etag);
}

/** The body rows of the table with this caption, as the reader sees the cells. */
function tableRows(html: string, caption: string): { head: string[]; rows: string[][] } {
  const table = html.match(new RegExp(`<table><caption>${caption.replace(/[()]/g, '\\$&')}</caption>([\\s\\S]*?)</table>`));
  if (!table) throw new Error(`no table "${caption}" in the page`);
  const cells = (row: string) => [...row.matchAll(/<t[hd](?:\s[^>]*)?>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!);
  const [thead, tbody] = table[1]!.split('<tbody>');
  return { head: cells(thead!), rows: [...tbody!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!)) };
}

const block = (id: string, roundId: string, field: string, by: string) => ({ id, kind: 'data', title: id, block: { type: 'question', roundId, field, by }, markdown: '' });

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('sst-admin');
  reporter = await api.as('reporter', 'kommune-101');
  const published = await admin('POST', `/forms/${FORM}/versions`, { body: { schema: SCHEMA, respondentKind: 'municipality', plan: 'kraeftplan-v' } });
  expect(published.status, published.text).toBe(201);
  round2027 = await api.round(FORM, { period: '2027', respondentsAt: '2027-01-01' });
  round2026 = await api.round(FORM, { respondentsAt: '2026-06-01' });
  regional = await api.round('psykiatriplan-status');
  for (const [orgId, rehab] of Object.entries(REPORTS)) await report(round2027.roundId, orgId, rehab);
}, 60_000);
afterAll(() => api?.stop());

describe('a question block per sundhedsråd', () => {
  let id: string;
  let etag: string;
  let editionHtml: string;

  it('SST adds the three fields per sundhedsråd; the preview sums the count, never the share, and takes the median where the form says so', async () => {
    const created = await admin('POST', '/publications', { body: { template: 'blank', title: 'Kommunerne pr. sundhedsråd (eksempel)' } });
    expect(created.status, created.text).toBe(201);
    id = created.body.publicationId;
    const sections = [
      block('henviste', round2027.roundId, '/rehab/henviste', 'health-council'),
      block('andel', round2027.roundId, '/rehab/andel', 'health-council'),
      block('ventetid', round2027.roundId, '/rehab/ventetid', 'health-council'),
      block('foer-reformen', round2026.roundId, '/rehab/henviste', 'health-council'),
      block('regioner', regional.roundId, '/maal/*/indikatorer/*/vaerdi', 'health-council'),
    ];
    const saved = await admin('PUT', `/publications/${id}`, { body: { title: created.body.title, sections }, headers: { 'if-match': created.body.etag } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.sections[0].block.by).toBe('health-council');
    etag = saved.body.etag;

    const page = (await admin('GET', `/publications/${id}?format=html`)).text;
    const count = tableRows(page, 'Borgere henvist (borgere) pr. sundhedsråd');
    expect(count.head).toEqual(['Sundhedsråd', 'Kommuner', 'Antal svar', 'Sum', 'Gennemsnit', 'Median', 'Mindste', 'Største']);
    // Every municipality of the round is in a row: 9 in the council, the other 89 of the 98 in the last.
    expect(count.rows).toEqual([
      [COUNCIL, '9', '3', '45', '15', '10', '5', '30'],
      [UNASSIGNED, '89', '2', '150', '75', '75', '50', '100'],
    ]);
    const share = tableRows(page, 'Andel påbegyndt inden for 14 dage (%) pr. sundhedsråd');
    expect(share.head).not.toContain('Sum');
    expect(share.rows).toEqual([
      [COUNCIL, '9', '3', '40', '40', '20', '60'],
      [UNASSIGNED, '89', '2', '80', '80', '70', '90'],
    ]);
    const wait = tableRows(page, 'Ventetid (dage) pr. sundhedsråd');
    expect(wait.head).not.toContain('Sum');
    expect(wait.rows).toEqual([
      [COUNCIL, '9', '3', '30', '20', '10', '60'],
      [UNASSIGNED, '89', '2', '40', '40', '30', '50'],
    ]);
    // The chart shows the figure the aggregation names (the median here), with its text alternative.
    expect(page).toContain('Median pr. sundhedsråd (dage): 5 svar fra kommunerne, fordelt på 1 sundhedsråd efter sammensætningen pr. 1. januar 2027. 89 kommuner er ikke fordelt');
    expect(page).toContain('det samles som gennemsnit');
    // A share is drawn on its whole 0–100 % scale: the 80 % bar is 80 % of the 330-unit track, not all of it.
    expect(page).toMatch(/aria-labelledby="alt-andel"[^]*?<rect x="210" y="29" width="264\.0"/);
    // Before the reform and for the regions' rounds the block says why, and shows no made-up grouping.
    expect(page).toContain('Sundhedsrådene findes fra 1. januar 2027');
    expect(page).toContain('besvares af regionerne');
  });

  it('refuses a grouping the API does not know, in Danish', async () => {
    const current = await admin('GET', `/publications/${id}`);
    const res = await admin('PUT', `/publications/${id}`, {
      body: { title: current.body.title, sections: [block('x', round2027.roundId, '/rehab/henviste', 'kommune')] },
      headers: { 'if-match': current.body.etag },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.title).toBe('Indholdet har ikke den forventede form');
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/sections/0/block/by' })]);
  });

  it('publishing freezes the figures per sundhedsråd: a later report changes the draft, not the edition, and the PDF carries the same table', async () => {
    const approved = await admin('POST', `/publications/${id}/approve`, { headers: { 'if-match': etag } });
    expect(approved.status, approved.text).toBe(200);
    const published = await admin('POST', `/publications/${id}/publish`, { body: { public: false, announce: false }, headers: { 'if-match': approved.body.etag } });
    expect(published.status, published.text).toBe(200);
    const history = await api.deps.audit.history(`publication/${id}`);
    const snapshots = history.find((e) => e.action === 'publication.published')!.detail!['snapshots'] as { sectionId: string; source: { id: string; contentHash: string } }[];
    expect(snapshots.find((s) => s.sectionId === 'henviste')!.source).toMatchObject({ id: round2027.roundId, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    editionHtml = (await reporter('GET', `/publications/${id}?format=html&edition=1`)).text;
    expect(tableRows(editionHtml, 'Borgere henvist (borgere) pr. sundhedsråd').rows[0]).toEqual([COUNCIL, '9', '3', '45', '15', '10', '5', '30']);

    // Ishøj (in the council) reports after publishing.
    await report(round2027.roundId, 'kommune-183', { henviste: 55, andel: 50, ventetid: 15 });
    const after = (await reporter('GET', `/publications/${id}?format=html&edition=1`)).text;
    expect(after).toBe(editionHtml);
    const draft = (await admin('GET', `/publications/${id}?format=html`)).text;
    expect(tableRows(draft, 'Borgere henvist (borgere) pr. sundhedsråd').rows[0]).toEqual([COUNCIL, '9', '4', '100', '25', '20', '5', '55']);

    const pdf = await admin('GET', `/publications/${id}?format=pdf&edition=1`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const doc = await getDocument({ data: new Uint8Array(pdf.bytes!), useSystemFonts: false, isEvalSupported: false }).promise;
    let text = '';
    // The charts' bars: rectangles filled in the chart colour (#14365d), drawn as vector paths.
    let bars = 0;
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      text += (await page.getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' ');
      const ops = await page.getOperatorList();
      let fill = '';
      ops.fnArray.forEach((fn, j) => {
        if (fn === OPS.setFillRGBColor) fill = String(ops.argsArray[j]?.[0]);
        if (fn === OPS.constructPath && fill === '#14365d') bars++;
      });
    }
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Borgere henvist (borgere) pr. sundhedsråd');
    expect(flat).toContain(COUNCIL);
    expect(flat).toContain(UNASSIGNED);
    // Three charts (sum, mean, median), one bar per group each, and each chart's text alternative under it.
    expect(bars).toBeGreaterThanOrEqual(6);
    expect(flat).toContain('Sum pr. sundhedsråd (borgere): 5 svar fra kommunerne');
    expect(flat).toContain('Gennemsnit pr. sundhedsråd (%)');
    expect(flat).toContain('Median pr. sundhedsråd (dage)');
  });
});
