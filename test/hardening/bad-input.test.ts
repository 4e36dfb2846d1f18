// Hostile and broken requests on every route, generated from the route table at run time:
// broken JSON, wrong media types, oversize and pathological bodies, unsafe strings and keys,
// unknown fields, crafted path parameters and every kind of bad token. Each must get the
// right 4xx problem document (no stack, no internal names) and leave storage exactly as it
// was, read back from the engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import { ulid } from 'ulid';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exampleAnswers, FORMS_DIR } from '../../local/seed.ts';
import { publishFormVersion } from '#core/forms-service';
import { saveDraft } from '#core/submissions-service';
import { sstIdentity } from '#core/identity';
import type { JsonObject, Round } from '#schemas/api';
import type { RouteSpec } from '#functions/routes';
import { expectProblem, fillPath, reporterIdentity, routes, snapshot, startHardened, type Hardened, type Reply, type TokenRole } from './support.ts';
import { contractChecker } from '../support/contract.ts';
import { zipBomb } from '../support/zip-bomb.ts';
// exceljs's own zip library, to write what exceljs's writer never would.
import JSZip from 'jszip';
import { schemaToSheet } from '#core/form-sheet';
import { writeFormWorkbook } from '#functions/formats/form-sheet-xlsx';

/** Every refusal these suites provoke, held against the OpenAPI document at the end. */
const contract = contractChecker();
const checked = (route: RouteSpec, res: Reply): Reply => {
  if (!route.localOnly) contract.check(route, res);
  return res;
};

const OWN = 'kommune-155';
const OTHER = 'kommune-157';
const BASE_FORM = 'kraeftplan-v-kommunal';
const DEFAULT_MAX_BODY = 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/** Bodies that pass the route's schema, so each case below fails for exactly one reason. */
const VALID: Record<string, unknown> = {
  saveDraft: { answers: { kontakt: { navn: 'Gyldig' } } },
  reopen: { reason: 'Gyldig' },
  returnSubmission: { comment: 'Gyldig' },
  createRound: { formId: BASE_FORM, period: '2031', opensAt: '2031-01-01', deadline: '2031-03-31' },
  switchFormVersion: { version: 1 },
  updateRound: { period: '2031', opensAt: '2031-01-01', deadline: '2031-03-31' },
  remindNow: { orgIds: [OWN] },
  revokeExtension: { reason: 'Gyldig' },
  requestUpload: { fileName: 'bilag.pdf', contentType: 'application/pdf', size: 10 },
  putContacts: { emails: ['kontakt@dragoer.dk'] },
  putNotificationSettings: { submissionNotices: 'none', overdueDigest: false },
  setReminderPolicy: { atOpening: true, daysBefore: [3], daysAfter: [1], repeatEveryDays: null, repeatLimit: 1, hour: 9 },
  grantExtension: { deadline: '2031-04-30', reason: 'Gyldig' },
  createMeeting: { date: '2031-01-01', title: 'Gyldigt møde' },
  updateMeeting: { date: '2031-01-01', title: 'Gyldigt møde' },
  createCalendarSubscription: { label: 'Gyldig' },
  createPublication: { template: 'blank' },
  updatePublication: { title: 'Gyldig', sections: [{ id: 'afsnit-1', kind: 'text', title: 'Gyldigt', markdown: 'Gyldig tekst.' }] },
  addPublicationComment: { sectionId: 'afsnit-1', text: 'Gyldig' },
  publishPublication: { public: false, announce: false },
};

let api: Hardened;
let round: Round;
let formId: string;
const apiRoutes = routes().filter((r) => !r.localOnly);

function callerFor(route: RouteSpec): { role: TokenRole; orgId?: string } | undefined {
  if (route.auth === 'public') return undefined;
  if (route.auth.includes('reporter')) return { role: 'reporter', orgId: OWN };
  if (route.auth.includes('sst-admin')) return { role: 'sst-admin' };
  if (route.auth.includes('sst-reader')) return { role: 'sst-reader' };
  return { role: 'machine' };
}

const tokenFor = async (route: RouteSpec) => {
  const c = callerFor(route);
  return c ? api.token(c.role, c.orgId) : undefined;
};

const pathOf = (route: RouteSpec, values: Record<string, string> = {}) =>
  fillPath(route, { roundId: round.roundId, orgId: OWN, formId, version: '1', revision: '1', other: '1', meetingId: 'hbad-meeting', attachmentId: 'x', name: 'x', subscriptionId: '01JAAAAAAAAAAAAAAAAAAAAAAA', token: 'A'.repeat(43), publicationId: 'pub-0000000000000000000000hbad', ...values });

/** Every string in a value (keys kept) replaced by `f(string)`; adds one if there is none. */
function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

const markers = () => [round.roundId, `FORM#${formId}`, `ORG#${OWN}`, 'hbad-meeting', '2031'];

beforeAll(async () => {
  api = await startHardened();
  formId = `hbad-${ulid().toLowerCase()}`;
  const schema = JSON.parse(readFileSync(path.join(FORMS_DIR, BASE_FORM, 'v1.schema.json'), 'utf8')) as JsonObject;
  await publishFormVersion(api.deps, sstIdentity('hbad', 'sst-admin'), formId, {
    title: 'Hærdningsskema',
    description: 'Til forkerte forespørgsler',
    respondentKind: 'municipality',
    plan: 'kraeftplan-v',
    schema,
  });
  round = await api.round(formId);
  await saveDraft(api.deps, reporterIdentity(OWN), round.roundId, OWN, exampleAnswers(BASE_FORM), undefined);
}, 60_000);
afterAll(() => api?.stop());

describe('bodies', () => {
  const withBody = apiRoutes.filter((r) => r.body);
  it('has routes with bodies to check', () => expect(withBody.length).toBeGreaterThanOrEqual(5));

  for (const route of withBody.filter((r) => r.bodyType !== 'csv')) {
    it(`${route.method} ${route.path}: refuses broken, oversize, unsafe and unknown content, and stores nothing`, async () => {
      const token = await tokenFor(route);
      const target = pathOf(route);
      const valid = VALID[route.operationId] ?? {};
      const validText = JSON.stringify(valid);
      const json = { 'content-type': 'application/json', 'if-match': '*' };
      const before = await snapshot(markers());
      const send = async (rawBody: string, headers: Record<string, string> = json) => checked(route, await api.call(route.method, target, { token, rawBody, headers }));
      const inside = (fragment: string) => (validText === '{}' ? `{"x":${fragment}}` : `${validText.slice(0, -1)},"x":${fragment}}`);

      expectProblem(await send('{"answers": {'), 400, 'malformed-request');
      expectProblem(await send('{"a":1}{"b":2}'), 400, 'malformed-request');
      expectProblem(await send(validText, { 'content-type': 'text/plain', 'if-match': '*' }), 415, 'unsupported-media-type');
      expectProblem(await send(validText, { 'content-type': 'application/x-www-form-urlencoded', 'if-match': '*' }), 415);
      expectProblem(await send(validText, { 'if-match': '*' }), 415);
      const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY;
      expectProblem(await send(`{"x":"${'a'.repeat(limit)}"}`), 413, 'payload-too-large');
      // Pathological shapes: deep nesting (the guard, or the parser itself, refuses it) and huge arrays.
      expectProblem(await send(inside('['.repeat(5000) + ']'.repeat(5000))), [400, 422]);
      expectProblem(await send(inside('['.repeat(200_000) + ']'.repeat(200_000))), [400, 413, 422]);
      expectProblem(await send(inside(`[${'0,'.repeat(300_000)}0]`)), 422, 'invalid-body');
      // Unsafe strings wherever the body has text, and as a key.
      const nul = JSON.stringify(mapStrings(valid, (s) => `${s}\u0000`));
      expectProblem(await send(nul === validText ? inside('"a\\u0000b"') : nul), 422, 'invalid-body');
      expectProblem(await send(inside('{"a\\u0000b":1}')), 422, 'invalid-body');
      expectProblem(await send(inside('"\\ud800"')), 422, 'invalid-body');
      expectProblem(await send(inside('"\\udc00x"')), 422, 'invalid-body');
      expectProblem(await send(inside('"\\u001b[31m"')), 422, 'invalid-body');
      // Keys that reach prototypes when merged, at the top and deep inside.
      expectProblem(await send(`{"__proto__":{"polluted":"ja"},${validText.slice(1)}`.replace(',}', '}')), 422, 'invalid-body');
      expectProblem(await send(inside('{"constructor":{"prototype":{"polluted":"ja"}}}')), 422, 'invalid-body');
      expectProblem(await send(inside('{"a":{"b":{"__proto__":{"polluted":"ja"}}}}')), 422, 'invalid-body');
      // Unknown fields on API bodies are refused, never stored.
      expectProblem(await send(JSON.stringify({ ...(valid as object), ukendtFelt: 'gemmes ikke' })), 422, 'invalid-body');
      // A body of the wrong shape is told so in Danish, field by field: zod's own English never reaches a person.
      const wrongShape = await send('[]');
      expectProblem(wrongShape, 422, 'invalid-body');
      const messages = ((wrongShape.body as { errors?: { message: string }[] }).errors ?? []).map((e) => e.message);
      expect(messages.length, route.operationId).toBeGreaterThan(0);
      for (const m of messages) expect(m, route.operationId).not.toMatch(/\b(Invalid|Expected|expected|received|Too (big|small)|Unrecognized)\b/);

      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(await snapshot(markers())).toEqual(before);
    });
  }

  for (const route of withBody.filter((r) => r.bodyType === 'csv')) {
    it(`${route.method} ${route.path}: refuses other media types, control characters and oversize text`, async () => {
      const token = await tokenFor(route);
      const before = await snapshot([`FORM#${formId}`]);
      const send = async (rawBody: string, type: string) => checked(route, await api.call(route.method, pathOf(route), { token, rawBody, headers: { 'content-type': type } }));
      expectProblem(await send('indikator;periode;region;værdi\na;2026;;1\n', 'application/json'), 415);
      expectProblem(await send('indikator;periode;region;værdi\na\u0000;2026;;1\n', 'text/csv'), 422, 'invalid-body');
      expectProblem(await send('x'.repeat((route.maxBodyBytes ?? DEFAULT_MAX_BODY) + 1), 'text/csv'), 413);
      expect(await snapshot([`FORM#${formId}`])).toEqual(before);
    });
  }

  for (const route of withBody.filter((r) => r.uploads)) {
    it(`${route.method} ${route.path}: refuses uploads that are no workbook, inflate without end, hold control characters or are too large`, async () => {
      const token = await tokenFor(route);
      const before = await snapshot(markers());
      const send = async (rawBody: string | Buffer, type = XLSX) => checked(route, await api.call(route.method, pathOf(route), { token, rawBody, headers: { 'content-type': type } }));
      expectProblem(await send('type;name;label\ntekst;navn;Navn\n'), 422, 'invalid-form-sheet');
      expectProblem(await send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), 422, 'invalid-form-sheet');
      expectProblem(await send(zipBomb()), 422, 'invalid-form-sheet');
      expectProblem(await send(Buffer.alloc((route.maxBodyBytes ?? DEFAULT_MAX_BODY) + 1, 0x50)), 413, 'payload-too-large');
      expectProblem(await send(Buffer.alloc(0)), [415, 422]);
      // A workbook of the right form with a control character in one label, as OOXML escapes it
      // (`_x0007_`, which exceljs decodes; its writer would drop the character): named by its cell.
      const sheet = schemaToSheet(JSON.parse(readFileSync(path.join(FORMS_DIR, BASE_FORM, 'v1.schema.json'), 'utf8')), { formId });
      sheet.survey[2]![2] = 'NavnMedKontroltegn';
      const zip = await JSZip.loadAsync(await writeFormWorkbook(sheet));
      const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
      zip.file('xl/sharedStrings.xml', strings.replace('NavnMedKontroltegn', 'Navn_x0007_'));
      const res = await send(await zip.generateAsync({ type: 'nodebuffer' }));
      expectProblem(res, 422, 'invalid-form-sheet');
      expect(res.body.errors).toEqual([
        { pointer: '/survey/3/label', sheet: 'survey', row: 3, column: 'label', message: 'Arket »survey«, række 3, kolonne »label«: Teksten indeholder ugyldige tegn (kontroltegn eller et ufuldstændigt Unicode-tegn).' },
      ]);
      // Another binary type is no upload here.
      expectProblem(await send(await writeFormWorkbook(sheet), 'application/pdf'), 415, 'unsupported-media-type');
      expect(await snapshot(markers())).toEqual(before);
    });
  }

  it('never stores prototype keys or control characters in answers, and keeps Object.prototype clean', async () => {
    const token = await api.token('reporter', OWN);
    const target = `/rounds/${round.roundId}/submissions/${OWN}`;
    const before = await api.call('GET', target, { token });
    for (const answers of [
      '{"__proto__":{"polluted":"ja"},"kontakt":{"navn":"A"}}',
      '{"kontakt":{"navn":"A","constructor":{"prototype":{"polluted":"ja"}}}}',
      '{"kontakt":{"navn":"Nul\\u0000byte"}}',
      '{"kontakt":{"navn":"Halv \\ud83d"}}',
    ]) {
      const res = await api.call('PUT', target, { token, rawBody: `{"answers":${answers}}`, headers: { 'content-type': 'application/json', 'if-match': before.headers.get('etag')! } });
      expectProblem(res, 422, 'invalid-body');
    }
    const after = await api.call('GET', target, { token });
    expect(after.body).toEqual(before.body);
    expect(after.text).not.toContain('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('path parameters', () => {
  const withParams = apiRoutes.filter((r) => r.params && Object.keys(r.params).length > 0);
  const BAD = ['..%2F..%2Fetc%2Fpasswd', '..', '%2F', 'kommune-155%2F..%2Fkommune-157', 'a'.repeat(5000), '%00', 'A%20B', '%C0%AF', '%E0%A4%A', 'KOMMUNE-155', '%F0%9F%92%A9'];

  for (const route of withParams) {
    it(`${route.method} ${route.path}: refuses traversal, encoded slashes, odd bytes and very long ids`, async () => {
      const token = await tokenFor(route);
      const before = route.method === 'GET' ? undefined : await snapshot(markers());
      for (const name of Object.keys(route.params!)) {
        for (const bad of BAD) {
          // Built by hand: fillPath would encode the encodings.
          const raw = pathOf(route).split('/').map((seg, i) => (route.path.split('/')[i] === `{${name}}` ? bad : seg)).join('/');
          // `..` resolves before routing; where it lands on another declared route (`/forms/../indicators`
          // is `GET /indicators`), the request is simply that route, asked by a caller allowed it.
          const resolved = new URL(raw, 'http://x').pathname;
          if (bad === '..' && apiRoutes.some((r) => r.method === route.method && r.path === resolved)) continue;
          const res = await api.raw(route.method, raw, {
            token,
            headers: { 'content-type': 'application/json', 'if-match': '*' },
            ...(route.body ? { rawBody: JSON.stringify(VALID[route.operationId] ?? {}) } : {}),
          });
          expectProblem(res, [400, 403, 404, 405]);
        }
      }
      if (before) expect(await snapshot(markers())).toEqual(before);
    });
  }

  it("resolves ../ before routing, so a path cannot walk into another organisation's report", async () => {
    const token = await api.token('reporter', OWN);
    const res = await api.raw('GET', `/rounds/${round.roundId}/submissions/${OWN}/../${OTHER}`, { token });
    expectProblem(res, 403, 'forbidden');
    const encoded = await api.raw('GET', `/rounds/${round.roundId}/submissions/${OWN}%2F..%2F${OTHER}`, { token });
    expectProblem(encoded, 400);
  });

  it('answers unknown paths and methods with problems', async () => {
    expectProblem(await api.call('GET', '/does-not-exist'), 404, 'not-found');
    expectProblem(await api.call('DELETE', '/rounds', { token: await api.token('sst-admin') }), 405, 'method-not-allowed');
  });
});

describe('tokens', () => {
  const guarded = apiRoutes.filter((r) => r.auth !== 'public');
  let variants: { name: string; header: string; status: 401 | 403 }[];

  beforeAll(async () => {
    const good = await api.token('reporter', OWN);
    const [h, p, s] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const stranger = await generateKeyPair('ES256', { extractable: true });
    const now = Math.floor(Date.now() / 1000);
    const base = { sub: 'hbad', name: 'Angriber', 'cognito:groups': ['reporter'], 'custom:orgId': OWN };
    const publicJwk = await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey);
    variants = [
      { name: 'no token', header: '', status: 401 },
      { name: 'not a JWT', header: 'Bearer not-a-jwt', status: 401 },
      { name: 'empty bearer', header: 'Bearer ', status: 401 },
      { name: 'basic scheme', header: `Basic ${Buffer.from('a:b').toString('base64')}`, status: 401 },
      { name: 'organisation claim changed', header: `Bearer ${h}.${b64({ ...claims, 'custom:orgId': OTHER })}.${s}`, status: 401 },
      { name: 'group claim raised to admin', header: `Bearer ${h}.${b64({ ...claims, 'cognito:groups': ['sst-admin'] })}.${s}`, status: 401 },
      { name: 'signature stripped', header: `Bearer ${h}.${p}.`, status: 401 },
      { name: 'alg none', header: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, 'custom:orgId': OTHER })}.`, status: 401 },
      { name: 'signed by another key', header: `Bearer ${await api.sign(base, { key: stranger.privateKey })}`, status: 401 },
      {
        name: 'HS256 with a public key as secret',
        header: `Bearer ${await new SignJWT(base).setProtectedHeader({ alg: 'HS256' }).setIssuer('statusportalen-local').setAudience('statusportalen-web').setExpirationTime('1h').sign(new TextEncoder().encode(JSON.stringify(publicJwk)))}`,
        status: 401,
      },
      { name: 'expired', header: `Bearer ${await api.sign(base, { expiresAt: now - 60 })}`, status: 401 },
      { name: 'not yet valid', header: `Bearer ${await api.sign(base, { notBefore: now + 3600 })}`, status: 401 },
      { name: 'wrong issuer', header: `Bearer ${await api.sign(base, { issuer: 'https://evil.example' })}`, status: 401 },
      { name: 'wrong audience', header: `Bearer ${await api.sign(base, { audience: 'another-app' })}`, status: 401 },
      // Genuine signature, but no usable role: authenticated, yet nothing is allowed.
      { name: 'no groups', header: `Bearer ${await api.sign({ sub: 'hbad', name: 'Uden rolle' })}`, status: 403 },
      { name: 'unknown group', header: `Bearer ${await api.sign({ sub: 'hbad', 'cognito:groups': ['admin', 'root'] })}`, status: 403 },
      { name: 'reporter without organisation', header: `Bearer ${await api.sign({ sub: 'hbad', 'cognito:groups': ['reporter'] })}`, status: 403 },
      { name: 'no subject', header: `Bearer ${await api.sign({ 'cognito:groups': ['sst-admin'] })}`, status: 403 },
      { name: 'scope without the summaries prefix', header: `Bearer ${await api.sign({ sub: 'm', client_id: 'm', scope: 'other/admin' })}`, status: 403 },
    ];
  });

  for (const route of guarded) {
    it(`${route.method} ${route.path}: refuses forged, expired, wrongly signed, alg:none and role-less tokens`, async () => {
      const before = route.method === 'GET' ? undefined : await snapshot(markers());
      for (const v of variants) {
        const res = checked(
          route,
          await api.call(route.method, pathOf(route), {
            headers: { ...(v.header ? { authorization: v.header } : {}), 'content-type': 'application/json', 'if-match': '*' },
            ...(route.body ? { rawBody: JSON.stringify(VALID[route.operationId] ?? {}) } : {}),
          }),
        );
        expectProblem(res, v.status);
        expect(res.text, v.name).not.toContain('Gyldig');
      }
      if (before) expect(await snapshot(markers())).toEqual(before);
    });
  }

  it('lets the server verify refuse expired and alg:none tokens itself', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await api.sign({ sub: 'x', 'cognito:groups': ['sst-admin'] }, { expiresAt: now - 1 });
    expect(await api.server.devAuth.verify(expired)).toBeUndefined();
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', exp: now + 60, iss: 'statusportalen-local', aud: 'statusportalen-web' })).toString('base64url')}.`;
    expect(await api.server.devAuth.verify(none)).toBeUndefined();
  });
});

describe('the OpenAPI document', () => {
  it('describes every refusal above: status, media type, problem schema and headers', () => {
    expect(contract.seen.length).toBeGreaterThan(100);
    expect([...new Set(contract.seen.flatMap((c) => c.problems))]).toEqual([]);
  });
});
