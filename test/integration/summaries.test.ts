// Summaries over HTTP against the real local engines: figures from submitted reports, who may
// read them, the stored build and when it is rebuilt, Danish CSV and XLSX read back, the
// redirect for large bodies, the nightly job, trends and national indicator uploads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Context } from 'aws-lambda';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';
import { readCsv } from '#core/summary/indicators';
import { buildSummaryDeps } from '#store/summary-store';
import { storageConfigFromEnv } from '#functions/composition';
import { runBuildSummaries } from '#jobs/build-summaries';
import type { Round } from '#schemas/api';
import type { ApiEvent, ApiResult } from '#http/area';

let api: Api;
let reader: Client;
let admin: Client;

beforeAll(async () => {
  api = await startApi();
  reader = await api.as('sst-reader');
  admin = await api.as('sst-admin');
});
afterAll(() => api.stop());

type Json = Record<string, any>;

async function report(round: Round, orgId: string, answers: Json, options: { accept?: boolean } = {}): Promise<void> {
  const reporter = await api.as('reporter', orgId);
  const path = `/rounds/${round.roundId}/submissions/${orgId}`;
  const saved = await reporter('PUT', path, { body: { answers } });
  expect(saved.status).toBe(200);
  const submitted = await reporter('POST', `${path}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(submitted.status).toBe(200);
  if (options.accept) expect((await admin('POST', `${path}/accept`)).status).toBe(200);
}

function regional(fremdrift: number, text?: string): Json {
  const a = exampleAnswers('kraeftplan-v-regional') as Json;
  a.initiativer[0].fremdrift = fremdrift;
  if (text) a.initiativer[0].beskrivelse = text;
  return a;
}

/** A round with three regions reported: Nordjylland (60), Midtjylland (accepted, 75), Syddanmark (90). */
async function seededRound(): Promise<Round> {
  const round = await api.round('kraeftplan-v-regional');
  await report(round, 'region-1081', regional(60));
  await report(round, 'region-1082', regional(75, 'Udredningen er samlet i Århus; ventetiden er faldet til 5½ dag.'), { accept: true });
  await report(round, 'region-1083', regional(90));
  const draft = await api.as('reporter', 'region-1084');
  await draft('PUT', `/rounds/${round.roundId}/submissions/region-1084`, { body: { answers: regional(10) } });
  return round;
}

const machineEvent = (method: string, path: string, routePath: string, params: Record<string, string>, scopes: string[]): ApiEvent =>
  ({
    version: '2.0',
    routeKey: `${method} ${routePath}`,
    rawPath: path,
    rawQueryString: '',
    headers: {},
    pathParameters: params,
    isBase64Encoded: false,
    requestContext: {
      http: { method, path },
      authorizer: { jwt: { claims: { sub: 'sst-datavarehus', client_id: 'sst-datavarehus', scope: scopes.join(' ') }, scopes } },
    },
  }) as unknown as ApiEvent;

async function asMachine(event: ApiEvent): Promise<ApiResult> {
  const { handler } = await import('#handlers/summaries');
  return handler(event, {} as Context);
}

describe('GET /rounds/{roundId}/summary', () => {
  let round: Round;
  beforeAll(async () => {
    round = await seededRound();
  });

  it('builds the summary from submitted and accepted reports with exact figures', async () => {
    const res = await reader('GET', `/rounds/${round.roundId}/summary`);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.completeness).toMatchObject({ expected: 5, reported: 3, onTime: 3, late: 0, missing: 2, accepted: 1, reportingRate: 60, timelinessRate: 60 });
    expect(s.completeness.byStatus).toEqual({ not_started: 1, draft: 1, submitted: 2, returned: 0, accepted: 1 });
    const list = s.sections.find((x: Json) => x.key === 'initiativer').fields[0];
    const fremdrift = list.items.find((i: Json) => i.id === 'tidlig_diagnostik').fields.find((f: Json) => f.key === 'fremdrift');
    expect(fremdrift).toMatchObject({ n: 3, sum: null, mean: 75, median: 75, min: 60, max: 90, unit: '%' });
    expect(fremdrift.target).toMatchObject({ n: 3, better: 'higher', met: 0, notMet: 3, meanDifference: -25, value: 100 });
    expect(fremdrift).toMatchObject({ aggregate: 'mean', sum: null });
  });

  it('serves the stored build while nothing changed, and rebuilds when a report arrives', async () => {
    const own = await seededRound();
    const first = await reader('GET', `/rounds/${own.roundId}/summary`);
    expect(first.headers.get('x-summary-source')).toBe('built');
    const second = await reader('GET', `/rounds/${own.roundId}/summary`);
    expect(second.headers.get('x-summary-source')).toBe('stored');
    expect(second.body.builtAt).toBe(first.body.builtAt);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    const notModified = await reader('GET', `/rounds/${own.roundId}/summary`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(notModified.status).toBe(304);

    await report(own, 'region-1085', regional(100));
    const third = await reader('GET', `/rounds/${own.roundId}/summary`);
    expect(third.headers.get('x-summary-source')).toBe('built');
    expect(third.body.completeness.reported).toBe(4);
    expect(third.body.contentHash).not.toBe(first.body.contentHash);
  });

  it('refuses reporters with 403', async () => {
    const reporter = await api.as('reporter', 'region-1081');
    const res = await reporter('GET', `/rounds/${round.roundId}/summary`);
    expect(res.status).toBe(403);
    expect((await reporter('GET', `/rounds/${round.roundId}/status`)).status).toBe(403);
  });

  it('lets a machine client with the summaries.read scope read, and refuses one without it', async () => {
    const ok = await asMachine(machineEvent('GET', `/rounds/${round.roundId}/status`, '/rounds/{roundId}/status', { roundId: round.roundId }, ['statusportalen/summaries.read']));
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body!).completeness.reported).toBe(3);
    const refused = await asMachine(machineEvent('GET', `/rounds/${round.roundId}/status`, '/rounds/{roundId}/status', { roundId: round.roundId }, ['forms.read']));
    expect(refused.statusCode).toBe(403);
  });

  it('answers 404 for an unknown round', async () => {
    expect((await reader('GET', '/rounds/findes-ikke-2026/summary')).status).toBe(404);
  });

  it('writes CSV for Danish Excel: BOM, semicolons, CRLF, decimal comma and Danish letters', async () => {
    const own = await api.round('kraeftplan-v-regional');
    await report(own, 'region-1081', regional(60, 'Første skridt: Ærø og Østjylland følger efter.'));
    await report(own, 'region-1082', regional(75));
    const res = await fetch(`${api.url}/rounds/${own.roundId}/summary?format=csv`, { headers: { authorization: `Bearer ${await api.token('sst-reader')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = readCsv(text.slice(1), ';');
    expect(rows[0]!.cells).toEqual(['Sektion', 'Element', 'Spørgsmål', 'Nøgletal', 'Region', 'Organisation', 'Værdi', 'Enhed']);
    const find = (pred: (c: string[]) => boolean) => rows.find((r) => pred(r.cells))?.cells;
    expect(find((c) => c[0] === 'Indberetning' && c[3] === 'Indberetningsprocent' && c[4] === 'Hele landet')?.[6]).toBe('40');
    const mean = find((c) => c[1] === 'Eksempel: Tidlig diagnostik og hurtig udredning ved mistanke om kræft' && c[2] === 'Fremdrift i procent' && c[3] === 'Gennemsnit' && c[4] === 'Hele landet');
    expect(mean?.[6]).toBe('67,5');
    expect(mean?.[7]).toBe('%');
    expect(find((c) => c[3] === 'Svar' && c[5] === 'Region Nordjylland' && c[2] === 'Beskrivelse af status' && c[1]!.includes('Tidlig'))?.[6]).toBe('Første skridt: Ærø og Østjylland følger efter.');

    const en = await reader('GET', `/rounds/${own.roundId}/summary?format=csv&locale=en`);
    const enRows = readCsv(en.text.replace(/^\ufeff/, ''), ',');
    expect(enRows.find((r) => r.cells[3] === 'Gennemsnit' && r.cells[2] === 'Fremdrift i procent' && r.cells[4] === 'Hele landet')?.cells[6]).toBe('67.5');
  });

  it('writes XLSX with a completeness sheet, a sheet per section, frozen headers and exact numbers', async () => {
    const res = await fetch(`${api.url}/rounds/${round.roundId}/summary?format=xlsx`, { headers: { authorization: `Bearer ${await api.token('sst-reader')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    // Excel allows 31 characters in a sheet name: the long section title is cut at a word, in full in A1.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Fuldstændighed', 'Organisationer', 'Status på kræftplanens…', 'De tre nationale målsætninger', 'Tværgående bemærkninger', 'Nationale indikatorer', 'Om udtrækket',
    ]);
    const completeness = wb.getWorksheet('Fuldstændighed')!;
    expect(completeness.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(completeness.getRow(2).getCell(8).value).toBe('Indberetningsprocent');
    expect(completeness.getRow(3).values).toEqual([undefined, 'Hele landet', 5, 3, 3, 0, 2, 1, 60, 60]);
    expect(String(wb.worksheets[2]!.getCell('A1').value)).toMatch(/^Status på kræftplanens initiativer/);
    expect(completeness.getColumn(1).width).toBe(24);
    const orgs = wb.getWorksheet('Organisationer')!;
    const sjaelland = orgs.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Region Sjælland') as unknown[];
    expect(sjaelland[3]).toBe('Ikke påbegyndt');
    const initiatives = wb.worksheets[2]!;
    expect(initiatives.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const mean = initiatives.getSheetValues().find((r) => Array.isArray(r) && r[2] === 'Fremdrift i procent' && r[3] === 'Gennemsnit' && r[4] === 'Hele landet' && String(r[1]).includes('Tidlig')) as unknown[];
    expect(mean[6]).toBe(75);
    const text = initiatives.getSheetValues().find((r) => Array.isArray(r) && r[3] === 'Svar' && r[5] === 'Region Midtjylland' && r[2] === 'Beskrivelse af status' && String(r[1]).includes('Tidlig')) as unknown[];
    expect(text[6]).toBe('Udredningen er samlet i Århus; ventetiden er faldet til 5½ dag.');
  });

  it('serves a Danish HTML report', async () => {
    const res = await reader('GET', `/rounds/${round.roundId}/summary?format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<html lang="da">');
    expect(res.text).toContain('Indberetning og rettidighed');
    expect(res.text).toContain('<svg');
  });

  it('redirects (303) to a short-lived S3 link when the body is too large to answer inline', async () => {
    process.env['SUMMARY_MAX_INLINE_BYTES'] = '2000';
    try {
      const res = await fetch(`${api.url}/rounds/${round.roundId}/summary?format=xlsx`, {
        headers: { authorization: `Bearer ${await api.token('sst-reader')}` },
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(location).toContain(`summaries/${round.roundId}/`);
      expect(location).toMatch(/X-Amz-Expires=300/);
      const file = await fetch(location);
      expect(file.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await file.arrayBuffer());
      expect(wb.getWorksheet('Fuldstændighed')!.getRow(3).getCell(3).value).toBe(3);
    } finally {
      delete process.env['SUMMARY_MAX_INLINE_BYTES'];
    }
  });
});

describe('the build-summaries job', () => {
  it('stores a build per changed round and skips writing when nothing changed', async () => {
    const round = await api.round('kraeftplan-v-kommunal');
    await report(round, 'kommune-101', exampleAnswers('kraeftplan-v-kommunal'));
    const deps = buildSummaryDeps(api.deps, storageConfigFromEnv());
    const now = new Date();
    // Only this suite's round: the engines are shared, and other suites' open rounds are not ours to build.
    const first = await runBuildSummaries(now, deps, [round.roundId]);
    expect(first.rounds.find((r) => r.roundId === round.roundId)).toMatchObject({ written: true, source: 'built' });
    const stored = await deps.summaries.latest(round.roundId);
    expect(stored?.key).toMatch(new RegExp(`^summaries/${round.roundId}/\\d{8}T\\d{9}Z-[0-9a-f]{16}\\.json$`));

    const second = await runBuildSummaries(new Date(now.getTime() + 60_000), deps, [round.roundId]);
    expect(second.rounds.find((r) => r.roundId === round.roundId)).toMatchObject({ written: false, source: 'stored' });
    expect((await deps.summaries.latest(round.roundId))?.key).toBe(stored?.key);
  });

  it('leaves scheduled rounds and rounds closed long ago alone', async () => {
    const scheduled = await api.round('kraeftplan-v-kommunal', { opensAt: '2040-01-01', deadline: '2040-03-01' });
    const open = await api.round('kraeftplan-v-kommunal');
    const old = await api.round('kraeftplan-v-kommunal', { opensAt: '2020-01-01', deadline: '2020-03-01', closeAt: '2020-04-01' });
    const report2 = await runBuildSummaries(new Date(), buildSummaryDeps(api.deps, storageConfigFromEnv()), [scheduled.roundId, open.roundId, old.roundId]);
    expect(report2.rounds.map((r) => r.roundId)).toEqual([open.roundId]);
  });
});

describe('national indicators and the trend', () => {
  const csv = [
    'indikator;periode;region;værdi;enhed;målværdi;titel;kilde',
    'tvang_baelte;2028;Hele landet;412;personer;350;Personer bæltefikseret;Sundhedsdatastyrelsen',
    'tvang_baelte;2028;Region Nordjylland;61;personer;;;Sundhedsdatastyrelsen',
    'tvang_baelte;2029-K2;1082;88,5;personer;;;Sundhedsdatastyrelsen',
  ].join('\r\n');

  it('accepts a Danish CSV from SST administrators and shows it beside the form answers', async () => {
    const put = await admin('PUT', '/forms/psykiatriplan-status/indicators', { rawBody: `\ufeff${csv}`, headers: { 'content-type': 'text/csv; charset=utf-8' } });
    expect(put.status).toBe(200);
    expect(put.body.rows).toHaveLength(3);
    expect(put.body.rows[2]).toMatchObject({ indicator: 'tvang_baelte', period: '2029-Q2', regionId: 'region-1082', value: 88.5, title: 'Personer bæltefikseret' });
    expect((await reader('GET', '/forms/psykiatriplan-status/indicators')).body.rows).toHaveLength(3);

    const r2028 = await api.round('psykiatriplan-status', { period: '2028' });
    const r2029 = await api.round('psykiatriplan-status', { period: '2029' });
    const a = exampleAnswers('psykiatriplan-status') as Json;
    await report(r2028, 'region-1081', a);
    const b = structuredClone(a);
    b.maal[1].indikatorer[0].vaerdi = 160;
    await report(r2029, 'region-1081', b);

    const summary = await reader('GET', `/rounds/${r2028.roundId}/summary`);
    expect(summary.body.indicators.map((v: Json) => [v.regionName ?? 'Hele landet', v.value])).toEqual([['Hele landet', 412], ['Region Nordjylland', 61]]);

    const trend = await reader('GET', '/forms/psykiatriplan-status/trend');
    expect(trend.status).toBe(200);
    const series = trend.body.series.find((x: Json) => x.key === '/maal[mindre_tvang]/indikatorer[personer_baeltefikseret]/vaerdi');
    const points = series.points.filter((p: Json) => p.roundId === r2028.roundId || p.roundId === r2029.roundId);
    expect(points.map((p: Json) => [p.period, p.mean, p.targetMean])).toEqual([['2028', 182, 150], ['2029', 160, 150]]);
    expect(trend.body.indicators[0].points).toHaveLength(3);
  });

  it('reports every bad line with its line number and column', async () => {
    const bad = ['indikator;periode;region;værdi', 'a;2028;;12', 'b;20X8;;12', 'c;2028;Region Atlantis;1', 'd;2028;;tolv', 'a;2028;;13'].join('\n');
    const res = await admin('PUT', '/forms/psykiatriplan-status/indicators', { rawBody: bad, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: Json) => [e.line, e.column ?? null])).toEqual([[3, 'periode'], [4, 'region'], [5, 'værdi'], [6, null]]);
    expect(res.body.errors[0].pointer).toBe('/lines/3/periode');
  });

  it('refuses the upload from an SST reader and a JSON body', async () => {
    expect((await reader('PUT', '/forms/psykiatriplan-status/indicators', { rawBody: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(403);
    expect((await admin('PUT', '/forms/psykiatriplan-status/indicators', { body: { csv } })).status).toBe(415);
  });
});
