// A schema an SST administrator publishes runs on every reporter's draft; it must not be able to
// stall the service (catastrophic regex backtracking) or break it (recursion without end). Patterns
// run on a linear-time engine, and what cannot be validated safely is refused at publish (422).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { expectProblem, startHardened, type Hardened, QUIET } from './support.ts';

let api: Hardened;

beforeAll(async () => {
  api = await startHardened();
});
afterAll(() => api?.stop());

const ORG = 'kommune-167';
const base = (extra: Record<string, unknown>) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: 'Prøveskema',
  properties: { status: { type: 'string', 'x-summary': 'text' } },
  ...extra,
});
const formId = () => `sikker-${ulid().toLowerCase().slice(-10)}`;

async function publish(schema: unknown) {
  const admin = await api.token('sst-admin');
  const id = formId();
  const res = await api.call('POST', `/forms/${id}/versions`, { token: admin, body: { schema, respondentKind: 'municipality', plan: 'kraeftplan-v' } });
  return { id, res };
}

describe('admin-published schemas', () => {
  it('matches the reviewer\'s "^(b+)+$" pattern property against a 29-character key in linear time', async () => {
    const { id, res } = await publish(base({ patternProperties: { '^(b+)+$': { type: 'string' } }, additionalProperties: false }));
    expect(res.status, res.text).toBe(201);
    const round = await api.round(id, QUIET);
    const token = await api.token('reporter', ORG);
    const key = `${'b'.repeat(28)}!`;
    const started = performance.now();
    const saved = await api.call('PUT', `/rounds/${round.roundId}/submissions/${ORG}`, { token, body: { answers: { [key]: 'x', bbb: 'y' } } });
    const ms = performance.now() - started;
    console.info(`"^(b+)+$" against a 29-character key: ${Math.round(ms)} ms`);
    expectProblem(saved, 422, 'validation-failed');
    expect(saved.body.errors).toEqual([{ pointer: `/${key}`, message: 'Feltet findes ikke i skemaet.' }]);
    expect(ms).toBeLessThan(500);
    // Linear: a key of 20,000 characters (backtracking would need longer than the universe) is as quick.
    const long = `${'b'.repeat(19_999)}!`;
    const t2 = performance.now();
    const again = await api.call('PUT', `/rounds/${round.roundId}/submissions/${ORG}`, { token, body: { answers: { [long]: 'x' } } });
    const ms2 = performance.now() - t2;
    console.info(`"^(b+)+$" against a 20,000-character key: ${Math.round(ms2)} ms`);
    expectProblem(again, 422, 'validation-failed');
    expect(ms2).toBeLessThan(500);
  });

  it('refuses at publish a pattern the linear-time engine cannot run (a back-reference)', async () => {
    const { res } = await publish(base({ properties: { kode: { type: 'string', pattern: '^(a+)\\1$', 'x-summary': 'text' } } }));
    expectProblem(res, 422, 'invalid-form-schema');
  });

  it('refuses at publish a schema that refers to itself ($defs.a = anyOf [$ref a]), instead of a 500 on every save', async () => {
    const { res } = await publish(base({ $defs: { a: { anyOf: [{ $ref: '#/$defs/a' }] } }, properties: { status: { $ref: '#/$defs/a' } } }));
    expectProblem(res, 422, 'invalid-form-schema');
  });

  it('refuses at publish a schema whose root refers back to itself ($ref "#")', async () => {
    const { res } = await publish(base({ properties: { under: { $ref: '#' } } }));
    expectProblem(res, 422, 'invalid-form-schema');
  });

  it('still publishes a schema whose $refs form no cycle', async () => {
    const { res } = await publish(base({ $defs: { tekst: { type: 'string', 'x-summary': 'text' } }, properties: { a: { $ref: '#/$defs/tekst' }, b: { $ref: '#/$defs/tekst' } } }));
    expect(res.status, res.text).toBe(201);
  });
});
