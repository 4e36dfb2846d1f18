// Property tests for the schema-driven validation (pure, no engines): for every shipped form,
// answers generated from the form's own schema validate in full and in draft mode; every
// subset of a valid answer is a valid draft; and every error pointer, whatever junk is sent,
// resolves into the answer document or its parent, so a client can always show it somewhere.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shippedForms } from '../../local/seed.ts';
import { validateAnswers } from '#core/form-validation';

type Schema = Record<string, any>;

/** Answers that satisfy `schema`, for the keywords the shipped forms use. */
function arb(schema: Schema, full: boolean): fc.Arbitrary<unknown> {
  if (schema['oneOf']) return fc.constantFrom(...(schema['oneOf'] as { const: unknown }[]).map((o) => o.const));
  if (schema['enum']) return fc.constantFrom(...(schema['enum'] as unknown[]));
  switch (schema['type']) {
    case 'object': {
      const props = (schema['properties'] ?? {}) as Record<string, Schema>;
      const required = new Set<string>(full ? (schema['required'] ?? []) : []);
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arb(s, full)]));
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    case 'array': {
      const constraints = { minLength: schema['minItems'] ?? 0, maxLength: Math.min(schema['maxItems'] ?? 4, 4) };
      const key = schema['x-item-key'] as string | undefined;
      // A list keyed by x-item-key names each initiative or goal once: a valid answer never repeats a key.
      if (key) return fc.uniqueArray(arb(schema['items'] as Schema, full), { ...constraints, selector: (item) => JSON.stringify((item as Record<string, unknown>)[key]) });
      return fc.array(arb(schema['items'] as Schema, full), constraints);
    }
    case 'integer':
      return fc.integer({ min: schema['minimum'] ?? -1000, max: schema['maximum'] ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema['minimum'] ?? -1000, max: schema['maximum'] ?? 1_000_000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema['format'] === 'email') return fc.constantFrom('a@b.dk', 'kontakt@kommune.dk', 'aase.oeberg@sst.dk');
      if (schema['pattern']) return fc.constantFrom('12 34 56 78', '+45 12345678', '12345678');
      if (schema['format'] === 'date') return fc.constantFrom('2026-01-31', '2027-12-01');
      return fc.string({ minLength: schema['minLength'] ?? 0, maxLength: Math.min(schema['maxLength'] ?? 50, 50) }).filter((s) => s.length >= (schema['minLength'] ?? 0));
    default:
      throw new Error(`the generator does not know ${JSON.stringify(schema).slice(0, 80)}: teach it`);
  }
}

/** A random subset: drops keys and array items at every level. */
function subset(value: unknown, keep: () => boolean): unknown {
  if (Array.isArray(value)) return value.filter(keep).map((v) => subset(v, keep));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(keep).map(([k, v]) => [k, subset(v, keep)]));
  return value;
}

function resolve(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let cur: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return false;
    cur = (cur as Record<string, unknown>)[key];
  }
  return true;
}

const parentOf = (pointer: string) => pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));

describe.each(shippedForms().flatMap((f) => f.versions.map((v) => ({ id: `${f.manifest.formId}@${v.version}`, schema: v.schema as Schema }))))('$id', ({ id, schema }) => {
  it('accepts any complete answer generated from the schema, in full and in draft mode', () => {
    fc.assert(
      fc.property(arb(schema, true), (answers) => {
        expect(validateAnswers(`prop-${id}`, schema, answers, 'full')).toEqual([]);
        expect(validateAnswers(`prop-${id}`, schema, answers, 'draft')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('accepts every subset of a valid answer as a draft', () => {
    fc.assert(
      fc.property(arb(schema, true), fc.infiniteStream(fc.boolean()), (answers, coins) => {
        const it = coins[Symbol.iterator]();
        const part = subset(answers, () => it.next().value as boolean);
        expect(validateAnswers(`prop-${id}`, schema, part, 'draft')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('points every error at a place in the answers or its parent, whatever is sent', () => {
    const junk = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(arb(schema, false), fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 12 }), junk), { maxLength: 4 }), (answers, edits) => {
        const doc = structuredClone(answers) as Record<string, unknown>;
        const keys = Object.keys((schema['properties'] ?? {}) as object);
        for (const [i, name, value] of edits) {
          const section = keys[i % keys.length]!;
          const target = doc[section];
          if (target && typeof target === 'object' && !Array.isArray(target) && i % 2 === 0) (target as Record<string, unknown>)[name] = value;
          else doc[i % 3 === 0 ? name : section] = value;
        }
        for (const mode of ['draft', 'full'] as const) {
          for (const e of validateAnswers(`prop-${id}`, schema, doc, mode)) {
            expect(resolve(doc, e.pointer) || resolve(doc, parentOf(e.pointer)), `${mode} ${e.pointer}`).toBe(true);
            expect(e.message).toMatch(/\S/);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
