// The printable report over HTTP: a filled draft and a report nobody has started, in Danish,
// with every answer escaped, and only for the readers of the report itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-147';
let api: Api;
let reporter: Client;

beforeAll(async () => {
  api = await startApi();
  reporter = await api.as('reporter', ORG);
});
afterAll(() => api.stop());

const sub = (roundId: string, orgId = ORG) => `/rounds/${roundId}/submissions/${orgId}`;

describe('the printable report', () => {
  it('prints a filled draft in Danish with titles, choice labels and escaped answers', async () => {
    const round = await api.round(FORM);
    const answers = exampleAnswers(FORM);
    (answers['tvaergaaende'] as Record<string, unknown>)['oevrige_bemaerkninger'] = '<script>alert("ø")</script> & “citat”';
    const saved = await reporter('PUT', sub(round.roundId), { body: { answers } });
    expect(saved.status, saved.text).toBe(200);
    const res = await reporter('GET', `${sub(round.roundId)}/print`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = res.text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;ø&quot;)&lt;/script&gt; &amp; “citat”');
    expect(html).toContain('Frederiksberg');
    expect(html).toContain(round.title);
    expect(html).toContain('Kladde (ikke indsendt)');
    expect(html).toContain('Rehabilitering og genoptræning');
    expect(html).toContain('Antal borgere henvist til kræftrehabilitering');
    // A choice is printed by its label, never its id.
    const schema = (await reporter('GET', `/forms/${FORM}/versions/${round.formVersion}`)).body.schema;
    const status = schema.properties.rehabilitering.properties.status;
    const chosen = status.oneOf.find((o: { const: string }) => o.const === (answers['rehabilitering'] as Record<string, string>)['status']);
    expect(html).toContain(`<div class="a">${chosen.title}</div>`);
    expect(html).toMatch(/Frist<\/dt><dd>\d+\. \w+ 2\d{3} kl\. \d\d\.\d\d/);
  });

  it('prints a report nobody has started, every question marked "Ikke besvaret"', async () => {
    const round = await api.round(FORM);
    const res = await (await api.as('sst-reader'))('GET', `${sub(round.roundId)}/print`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Ikke påbegyndt');
    expect(res.text).toContain('Ikke besvaret');
    expect(res.text).toContain('Ingen bilag.');
    expect(res.text).not.toContain('Indsendt</dt>');
  });

  it('names who submitted and when, and SST\'s return comment at its field', async () => {
    const round = await api.round(FORM);
    const saved = await reporter('PUT', sub(round.roundId), { body: { answers: exampleAnswers(FORM) } });
    await reporter('POST', `${sub(round.roundId)}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
    const admin = await api.as('sst-admin');
    const returned = await admin('POST', `${sub(round.roundId)}/return`, { body: { comment: 'Uddyb <b>barriererne</b>.', pointer: '/rehabilitering/status' } });
    expect(returned.status).toBe(200);
    const html = (await reporter('GET', `${sub(round.roundId)}/print`)).text;
    expect(html).toContain('Sendt retur til rettelse');
    expect(html).toMatch(/Indsendt<\/dt><dd>[^<]+ af Indberetter/);
    expect(html).toContain('Bemærkninger fra Sundhedsstyrelsen');
    expect(html).toContain('Uddyb &lt;b&gt;barriererne&lt;/b&gt;.');
    expect(html).toContain('om Rehabilitering og genoptræning › Status for kommunens indsats');
  });

  it("refuses a reporter of another organisation (403)", async () => {
    const round = await api.round(FORM);
    const other = await api.as('reporter', 'kommune-101');
    const res = await other('GET', `${sub(round.roundId)}/print`);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
