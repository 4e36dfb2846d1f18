// Forms, rounds and the registry over HTTP: publishing versions, opening rounds with the
// respondents of their date (the 2027 merger), and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { startApi, type Api, type Client } from '../support/api.ts';
import { ROUTES } from '#functions/routes';

let api: Api;
let admin: Client;
let reader: Client;

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('sst-admin');
  reader = await api.as('sst-reader');
});
afterAll(() => api.stop());

describe('the organisation registry', () => {
  it('lists 5 regions in 2026 and 4 from 2027, with Østdanmark', async () => {
    const y2026 = await reader('GET', '/orgs?kind=region&at=2026-12-31');
    expect(y2026.body.items).toHaveLength(5);
    const y2027 = await reader('GET', '/orgs?kind=region&at=2027-01-01');
    expect(y2027.body.items).toHaveLength(4);
    expect(y2027.body.items.map((o: { name: string }) => o.name)).toContain('Region Østdanmark');
  });

  it('lists 98 municipalities, each with its region on the date', async () => {
    const res = await reader('GET', '/orgs?kind=municipality&at=2027-06-01');
    expect(res.body.items).toHaveLength(98);
    expect(res.body.items.filter((o: { regionId: string }) => o.regionId === 'region-oestdanmark')).toHaveLength(46);
  });

  it('gives each organisation its official name beside the short one', async () => {
    const res = await reader('GET', '/orgs?at=2026-06-01');
    const byId = new Map(res.body.items.map((o: { id: string; name: string; officialName: string }) => [o.id, [o.name, o.officialName]]));
    expect(byId.get('kommune-101')).toEqual(['København', 'Københavns Kommune']);
    expect(byId.get('kommune-400')).toEqual(['Bornholm', 'Bornholms Regionskommune']);
    expect(byId.get('kommune-751')).toEqual(['Aarhus', 'Aarhus Kommune']);
    expect(byId.get('region-1084')).toEqual(['Region Hovedstaden', 'Region Hovedstaden']);
    expect(byId.get('kl')).toEqual(['KL – Kommunernes Landsforening', 'KL']);
    for (const o of res.body.items as { officialName: unknown }[]) expect(o.officialName).toEqual(expect.any(String));
  });

  it('refuses a malformed date with 400', async () => {
    const res = await reader('GET', '/orgs?at=2026-13-01');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-parameter');
  });
});

describe('forms', () => {
  it('lists the three shipped forms with Danish titles', async () => {
    const res = await reader('GET', '/forms');
    const ids = res.body.items.map((f: { formId: string }) => f.formId);
    expect(ids).toEqual(expect.arrayContaining(['kraeftplan-v-regional', 'kraeftplan-v-kommunal', 'psykiatriplan-status']));
    expect(res.body.items.find((f: { formId: string }) => f.formId === 'kraeftplan-v-kommunal').title).toMatch(/opfølgning/);
  });

  it('publishes a new form, then a second version that reports its field changes', async () => {
    const formId = `testskema-${ulid().toLowerCase().slice(-8)}`;
    const v1 = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Prøveskema',
      properties: { navn: { type: 'string', 'x-summary': 'text' }, antal: { type: 'integer', 'x-summary': 'number' } },
    };
    const first = await admin('POST', `/forms/${formId}/versions`, { body: { schema: v1, respondentKind: 'region', plan: 'psykiatriplan' } });
    expect(first.status).toBe(201);
    expect(first.body.version).toBe(1);
    expect(first.headers.get('location')).toBe(`/forms/${formId}/versions/1`);

    const v2 = { ...v1, properties: { navn: { type: 'string', 'x-summary': 'text' }, antal: { type: 'number', 'x-summary': 'number' }, ny: { type: 'boolean', 'x-summary': 'choice' } } };
    const second = await admin('POST', `/forms/${formId}/versions`, { body: { schema: v2 } });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
    expect(second.body.changes).toEqual(
      expect.arrayContaining([
        { pointer: '/ny', change: 'added', to: 'boolean' },
        { pointer: '/antal', change: 'type-changed', from: 'integer', to: 'number' },
      ]),
    );
    const v1again = await reader('GET', `/forms/${formId}/versions/1`);
    expect(v1again.body.schema).toEqual(v1);
    const detail = await reader('GET', `/forms/${formId}`);
    expect(detail.body.latestVersion).toBe(2);
    expect(detail.body.versions).toEqual([1, 2]);
  });

  it('refuses a schema that is not valid JSON Schema with 422', async () => {
    const res = await admin('POST', `/forms/ugyldigt-${ulid().toLowerCase().slice(-8)}/versions`, {
      body: { schema: { type: 'object', properties: { a: { type: 'tekst' } } }, respondentKind: 'region', plan: 'kraeftplan-v' },
    });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-form-schema');
  });

  it('publishes x-better and x-aggregate, and refuses a sum of a target or a misspelt direction in Danish', async () => {
    const props = (extra: Record<string, unknown>) => ({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Prøveskema',
      properties: {
        tvang: {
          type: 'object',
          title: 'Tvang',
          properties: {
            personer: { type: 'integer', 'x-summary': 'number', 'x-unit': 'personer', 'x-target': 'maal', 'x-better': 'lower', 'x-aggregate': 'sum' },
            maal: { type: 'integer', 'x-summary': 'number', 'x-unit': 'personer', 'x-aggregate': 'mean', ...extra },
          },
        },
      },
    });
    const body = (schema: unknown) => ({ body: { schema, respondentKind: 'region', plan: 'psykiatriplan' } });
    const ok = await admin('POST', `/forms/retning-${ulid().toLowerCase().slice(-8)}/versions`, body(props({})));
    expect(ok.status).toBe(201);
    const summed = await admin('POST', `/forms/retning-${ulid().toLowerCase().slice(-8)}/versions`, body(props({ 'x-aggregate': 'sum' })));
    expect(summed.status).toBe(422);
    expect(summed.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-form-schema');
    expect(summed.body.detail).toContain('/properties/tvang/properties/maal: en målværdi lægges ikke sammen');
    const misspelt = await admin('POST', `/forms/retning-${ulid().toLowerCase().slice(-8)}/versions`, body(props({ 'x-better': 'mindre' })));
    expect(misspelt.status).toBe(422);
    expect(misspelt.body.errors).toEqual([{ pointer: '/schema', message: '/properties/tvang/properties/maal: x-better skal være "higher" (højere er bedre) eller "lower" (lavere er bedre).' }]);
  });

  it('answers 404 for a form or version that does not exist', async () => {
    expect((await reader('GET', '/forms/findes-ikke')).status).toBe(404);
    expect((await reader('GET', '/forms/kraeftplan-v-kommunal/versions/999')).status).toBe(404);
  });
});

describe('rounds', () => {
  it('takes its respondents from the registry on its date: 5 regions in 2026, 4 in 2027', async () => {
    const suffix = ulid().toLowerCase().slice(-8);
    const r2026 = await admin('POST', '/rounds', {
      body: { roundId: `reg-2026-${suffix}`, formId: 'kraeftplan-v-regional', period: '2026', opensAt: '2026-01-05', deadline: '2026-03-31' },
    });
    expect(r2026.status).toBe(201);
    expect(r2026.body.respondents).toHaveLength(5);
    expect(r2026.body.deadlineAt).toBe('2026-03-31T21:59:59.999Z');
    const r2027 = await admin('POST', '/rounds', {
      body: { roundId: `reg-2027-${suffix}`, formId: 'kraeftplan-v-regional', period: '2027', opensAt: '2027-01-04', deadline: '2027-03-31' },
    });
    expect(r2027.body.respondents).toHaveLength(4);
    expect(r2027.body.respondents).toContain('region-oestdanmark');
    expect(r2027.body.phase).toBe('scheduled');
  });

  it('refuses a second round with the same id (409) and a deadline before opening (422)', async () => {
    const roundId = `dup-${ulid().toLowerCase().slice(-8)}`;
    const body = { roundId, formId: 'kraeftplan-v-kommunal', period: '2026', opensAt: '2026-09-01', deadline: '2026-12-15' };
    expect((await admin('POST', '/rounds', { body })).status).toBe(201);
    expect((await admin('POST', '/rounds', { body })).status).toBe(409);
    const backwards = await admin('POST', '/rounds', { body: { ...body, roundId: `${roundId}-b`, deadline: '2026-08-01' } });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].pointer).toBe('/deadline');
  });
});

describe('the API description', () => {
  it('serves an OpenAPI 3.1 document with every deployed route and no local-only one', async () => {
    const res = await api.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const documented = res.body.paths[route.path]?.[route.method.toLowerCase()];
      if ('localOnly' in route && route.localOnly) expect(documented).toBeUndefined();
      else expect(documented?.operationId).toBe(route.operationId);
    }
    expect(res.body.components.schemas.Submission).toBeDefined();
    expect(res.body.components.schemas.Organisation.required).toEqual(expect.arrayContaining(['name', 'officialName']));
  });

  it('answers unknown paths and methods with problem documents', async () => {
    const missing = await api.call('GET', '/findes-ikke');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const method = await api.call('DELETE', '/forms');
    expect(method.status).toBe(405);
  });
});
