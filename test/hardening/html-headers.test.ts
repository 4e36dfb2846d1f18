// The API's HTML pages (the summary report and the print view) run no script, fetch nothing and
// cannot be framed, whatever their renderers might let through; and no answer of the API, HTML or
// not, bodiless or not, may be type-sniffed by a browser. Checked on real responses over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '../../local/seed.ts';
import { startHardened, type Hardened, type Reply } from './support.ts';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-157';
/** What issue 13 requires of every HTML page the API serves, directive by directive. */
const REQUIRED = ["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:'];
let api: Hardened;

beforeAll(async () => {
  api = await startHardened();
});
afterAll(() => api?.stop());

const directives = (res: Reply) => (res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim());

function expectLockedDownPage(res: Reply) {
  expect(res.status, res.text.slice(0, 200)).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(directives(res)).toEqual(expect.arrayContaining(REQUIRED));
  // Nothing beyond inline styles and data: images: no script-src, connect-src or other source.
  expect(directives(res).filter((d) => /^(script|connect|frame|img|style|font|object)-src/.test(d)).sort()).toEqual(['img-src data:', "style-src 'unsafe-inline'"]);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('HTML pages served by the API', () => {
  it('serve the summary report (format=html) under a no-script CSP with nosniff', async () => {
    const round = await api.round(FORM);
    const token = await api.token('sst-reader');
    const res = await api.call('GET', `/rounds/${round.roundId}/summary?format=html&fresh=true`, { token });
    expectLockedDownPage(res);
    expect(res.text).not.toMatch(/<script/i);
  });

  it("serve a publication's preview and its public edition under the same CSP, with a writer's raw HTML and script links made inert", async () => {
    const token = await api.token('sst-admin');
    const made = await api.call('POST', '/publications', { token, body: { template: 'blank' } });
    expect(made.status, made.text).toBe(201);
    const id = made.body.publicationId as string;
    const markdown = 'Tekst <script>alert(1)</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3)) [kilde](https://www.sst.dk/)';
    const saved = await api.call('PUT', `/publications/${id}`, {
      token,
      headers: { 'if-match': made.body.etag },
      body: { title: 'Overskrift <b>fed</b>', sections: [{ id: 'a', kind: 'text', title: '<i>A</i>', markdown }] },
    });
    expect(saved.status, saved.text).toBe(200);
    const preview = await api.call('GET', `/publications/${id}?format=html`, { token });
    expectLockedDownPage(preview);
    expect(preview.text).not.toMatch(/<script|<img|javascript:|<b>fed|<i>A/i);
    expect(preview.text).toContain('<a href="https://www.sst.dk/">kilde</a>');
    const approved = await api.call('POST', `/publications/${id}/approve`, { token, headers: { 'if-match': saved.body.etag } });
    const published = await api.call('POST', `/publications/${id}/publish`, { token, headers: { 'if-match': approved.body.etag }, body: { public: true, announce: false } });
    expect(published.status, published.text).toBe(200);
    const open = await api.call('GET', `/public/publications/${id}`);
    expectLockedDownPage(open);
    expect(open.text).not.toMatch(/<script|<img|javascript:/i);
  });

  it('serve the print view under the same CSP with nosniff', async () => {
    const round = await api.round(FORM);
    const token = await api.token('reporter', ORG);
    const saved = await api.call('PUT', `/rounds/${round.roundId}/submissions/${ORG}`, { token, body: { answers: exampleAnswers(FORM) } });
    expect(saved.status, saved.text).toBe(200);
    expectLockedDownPage(await api.call('GET', `/rounds/${round.roundId}/submissions/${ORG}/print`, { token }));
  });
});

describe('every API answer', () => {
  it('carries nosniff: JSON, CSV, XLSX, problems, 304 and bodiless answers alike', async () => {
    const round = await api.round(FORM);
    const token = await api.token('sst-reader');
    const summary = `/rounds/${round.roundId}/summary`;
    const json = await api.call('GET', summary, { token });
    const answers: [string, Reply][] = [
      ['health', await api.call('GET', '/health')],
      ['json', json],
      ['csv', await api.call('GET', `${summary}?format=csv`, { token })],
      ['xlsx', await api.call('GET', `${summary}?format=xlsx`, { token })],
      ['304', await api.call('GET', summary, { token, headers: { 'if-none-match': json.headers.get('etag')! } })],
      ['401', await api.call('GET', '/rounds')],
      ['404', await api.call('GET', '/rounds/findes-ikke', { token })],
    ];
    expect(answers.find(([name]) => name === '304')![1].status).toBe(304);
    for (const [name, res] of answers) expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
  });
});
