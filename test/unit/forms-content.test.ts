// The three real forms under forms/, every shipped version: each schema must compile under strict
// Ajv 2020, carry exact summary annotations for the consolidation engine, speak Danish, say plainly
// that it is an example template, and accept its own complete example answer (the dev stack seeds
// from it).
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import annotations from '../../forms/annotations.json' with { type: 'json' };
import { validateAnswers } from '#core/form-validation';

// ajv-formats ships CommonJS; under ESM its default export may be the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv2020,
) => Ajv2020;

interface Schema {
  [keyword: string]: unknown;
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  oneOf?: Array<{ const: string; title: string }>;
}

const FORMS_DIR = fileURLToPath(new URL('../../forms/', import.meta.url));

const EXPECTED: Record<string, { respondentKind: string; plan: string }> = {
  'kraeftplan-v-regional': { respondentKind: 'region', plan: 'kraeftplan-v' },
  'kraeftplan-v-kommunal': { respondentKind: 'municipality', plan: 'kraeftplan-v' },
  'psykiatriplan-status': { respondentKind: 'region', plan: 'psykiatriplan' },
};

/** Where each form's example keeps a fixed choice, to prove that an unknown value is refused. */
const CHOICE_FIELD: Record<string, string[]> = {
  'kraeftplan-v-regional': ['initiativer', '0', 'status'],
  'kraeftplan-v-kommunal': ['rehabilitering', 'status'],
  'psykiatriplan-status': ['maal', '0', 'indikatorer', '0', 'indikator'],
};

/** Where each form's example keeps a number, to prove that a text there is refused. */
const NUMBER_FIELD: Record<string, string[]> = {
  'kraeftplan-v-regional': ['initiativer', '0', 'fremdrift'],
  'kraeftplan-v-kommunal': ['rehabilitering', 'antal_henviste'],
  'psykiatriplan-status': ['maal', '0', 'indikatorer', '0', 'vaerdi'],
};

// x-better and x-aggregate: the shipped versions get them from forms/summary-overlay.json (test/unit/summary-direction.test.ts).
const ANNOTATIONS = ['x-summary', 'x-target', 'x-unit', 'x-unit-field', 'x-item-key', 'x-widget', 'x-order', 'x-better', 'x-aggregate'];
const SUMMARY_KINDS = ['choice', 'number', 'text', 'none'];
const DANISH_LETTERS = /[æøåÆØÅ]/;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const formIds = readdirSync(FORMS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${FORMS_DIR}${d.name}/form.json`))
  .map((d) => d.name)
  .sort();

/** Every shipped version of every form, as `v<n>.schema.json` files beside the manifest. */
const versionsOf = (formId: string): number[] =>
  readdirSync(`${FORMS_DIR}${formId}`)
    .map((f) => /^v(\d+)\.schema\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
const formVersions = formIds.flatMap((formId) => versionsOf(formId).map((version) => ({ formId, version })));

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(annotations);
  return ajv;
}

interface Node {
  /** JSON-pointer-like path; array items are written as `[]`. */
  path: string;
  schema: Schema;
  parent?: Schema;
  name?: string;
}

/** Every schema node reachable through `properties` and `items` (choice branches excluded). */
function nodes(schema: Schema, path = '', parent?: Schema, name?: string): Node[] {
  const here: Node = { path: path || '/', schema, ...(parent ? { parent } : {}), ...(name ? { name } : {}) };
  const out: Node[] = [here];
  for (const [key, child] of Object.entries(schema.properties ?? {})) out.push(...nodes(child, `${path}/${key}`, schema, key));
  if (schema.items) out.push(...nodes(schema.items, `${path}/[]`));
  return out;
}

const isLeaf = (s: Schema) => s.type !== 'object' && s.type !== 'array';

/** Paths of the leaf values in an answer, array indexes written as `[]`. */
function answerLeafPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => answerLeafPaths(v, `${path}/[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => answerLeafPaths(v, `${path}/${k}`));
  }
  return [path];
}

function setAt(target: unknown, path: string[], value: unknown): void {
  let cursor = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string, unknown>;
  cursor[path[path.length - 1] as string] = value;
}

const clone = <T>(v: T): T => structuredClone(v);

it('has exactly the three forms of the Task Force', () => {
  expect(formIds).toEqual(Object.keys(EXPECTED).sort());
});

it('lists the annotation keywords that the forms use, all prefixed x-', () => {
  expect([...annotations].sort()).toEqual([...ANNOTATIONS].sort());
});

it('numbers each form\'s versions 1, 2, … with no gap, each with its example answer', () => {
  for (const formId of formIds) {
    const versions = versionsOf(formId);
    expect(versions, formId).toEqual(versions.map((_, i) => i + 1));
    for (const v of versions) expect(existsSync(`${FORMS_DIR}${formId}/example.v${v}.json`), `${formId} example.v${v}.json`).toBe(true);
  }
});

describe.each(formVersions)('form $formId v$version', ({ formId, version }) => {
  const dir = `${FORMS_DIR}${formId}`;
  const manifest = readJson(`${dir}/form.json`) as Record<string, unknown>;
  const schema = readJson(`${dir}/v${version}.schema.json`) as Schema;
  const example = readJson(`${dir}/example.v${version}.json`);
  const all = nodes(schema);
  const leaves = all.filter((n) => isLeaf(n.schema));

  describe('manifest', () => {
    it('names the form, its respondents and its plan', () => {
      expect(Object.keys(manifest).sort()).toEqual(['description', 'formId', 'plan', 'respondentKind', 'title']);
      expect(manifest['formId']).toBe(formId);
      expect(manifest['respondentKind']).toBe(EXPECTED[formId]?.respondentKind);
      expect(manifest['plan']).toBe(EXPECTED[formId]?.plan);
    });

    it('has a Danish title and says in its description that the form is an example template', () => {
      expect(manifest['title']).toMatch(DANISH_LETTERS);
      expect(manifest['description']).toMatch(/eksempelskabelon/i);
    });
  });

  describe('schema', () => {
    it('is draft 2020-12 with an $id under statusportalen.sst.dk and an object root', () => {
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toBe(`https://statusportalen.sst.dk/forms/${formId}/v${version}.schema.json`);
      expect(schema.type).toBe('object');
    });

    it('compiles with Ajv 2020 in strict mode, with the x- annotations registered', () => {
      expect(() => strictAjv().compile(schema)).not.toThrow();
    });

    it('is accepted by the server schema check', async () => {
      const { checkFormSchema } = await import('#core/form-validation');
      expect(checkFormSchema(schema)).toEqual([]);
    });

    it('says in its description that it is an example template filled in by SST', () => {
      expect(schema.description).toMatch(/eksempelskabelon/i);
      expect(schema.description).toMatch(/Sundhedsstyrelsen[^.]* erstatter [^.]*officielle/);
    });

    it('gives the form, every section, every item and every field a title and a description', () => {
      for (const n of all) {
        expect(n.schema.title, `${n.path} title`).toEqual(expect.any(String));
        expect(n.schema.title?.trim(), `${n.path} title`).not.toBe('');
        expect(n.schema.description, `${n.path} description`).toEqual(expect.any(String));
        expect(n.schema.description?.trim(), `${n.path} description`).not.toBe('');
      }
    });

    it('writes its titles in Danish (æ, ø or å occur)', () => {
      const titles = all.map((n) => n.schema.title ?? '').join(' ');
      expect(titles).toMatch(DANISH_LETTERS);
      expect(schema.title).toMatch(DANISH_LETTERS);
    });

    it('closes every object with additionalProperties: false', () => {
      for (const n of all.filter((x) => x.schema.type === 'object')) {
        expect(n.schema['additionalProperties'], n.path).toBe(false);
      }
    });

    it('declares a type on every node', () => {
      for (const n of all) expect(['object', 'array', 'string', 'number', 'integer', 'boolean'], n.path).toContain(n.schema.type);
    });

    it('gives every leaf field exactly one valid x-summary, and no section or list one', () => {
      expect(leaves.length).toBeGreaterThan(0);
      for (const n of all) {
        if (isLeaf(n.schema)) expect(SUMMARY_KINDS, n.path).toContain(n.schema['x-summary']);
        else expect(n.schema['x-summary'], n.path).toBeUndefined();
      }
    });

    it('uses no x- keyword outside the registered annotations', () => {
      const seen = new Set<string>();
      const visit = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(visit);
        else if (v !== null && typeof v === 'object') {
          for (const [k, child] of Object.entries(v)) {
            if (k.startsWith('x-')) seen.add(k);
            else visit(child);
          }
        }
      };
      visit(schema);
      for (const k of seen) expect(ANNOTATIONS).toContain(k);
    });

    it('summarises choices as choice, numbers as number and texts as text or none', () => {
      for (const n of leaves) {
        const kind = n.schema['x-summary'];
        if (n.schema.oneOf) expect(kind, n.path).toBe('choice');
        else if (n.schema.type === 'number' || n.schema.type === 'integer') expect(kind, n.path).toBe('number');
        else expect(['text', 'none'], n.path).toContain(kind);
      }
    });

    it('writes every fixed choice as a string oneOf of const + Danish label, with unique values', () => {
      const choices = all.filter((n) => n.schema.oneOf);
      expect(choices.length).toBeGreaterThan(0);
      for (const n of choices) {
        expect(n.schema.type, n.path).toBe('string');
        const options = n.schema.oneOf ?? [];
        expect(options.length, n.path).toBeGreaterThan(1);
        for (const o of options) {
          expect(Object.keys(o).sort(), n.path).toEqual(['const', 'title']);
          expect(o.const, n.path).toMatch(/^[a-z0-9_]+$/);
          expect(o.title.trim(), n.path).not.toBe('');
        }
        expect(new Set(options.map((o) => o.const)).size, n.path).toBe(options.length);
      }
    });

    it('bounds every free text with maxLength and every list with maxItems', () => {
      for (const n of all) {
        if (n.schema.type === 'string' && !n.schema.oneOf) {
          expect(n.schema['maxLength'], n.path).toEqual(expect.any(Number));
          expect(n.schema['maxLength'] as number, n.path).toBeLessThanOrEqual(10000);
        }
        if (n.schema.type === 'array') expect(n.schema['maxItems'], n.path).toEqual(expect.any(Number));
      }
    });

    it('keys every list of objects by a required choice inside its items (x-item-key)', () => {
      for (const n of all.filter((x) => x.schema.type === 'array')) {
        const key = n.schema['x-item-key'];
        expect(key, n.path).toEqual(expect.any(String));
        const items = n.schema.items as Schema;
        expect(items.type, n.path).toBe('object');
        expect(items.required, n.path).toContain(key);
        const keyField = items.properties?.[key as string];
        expect(keyField?.oneOf, n.path).toBeDefined();
        expect(keyField?.['x-summary'], n.path).toBe('choice');
      }
    });

    it('labels every initiative, goal and indicator option as an example, never as official wording', () => {
      for (const n of all.filter((x) => x.schema.type === 'array')) {
        const items = n.schema.items as Schema;
        const keyField = items.properties?.[n.schema['x-item-key'] as string];
        for (const o of keyField?.oneOf ?? []) expect(o.title, n.path).toMatch(/^Eksempel: /);
      }
    });

    it('points x-target, x-unit and x-unit-field only from number fields to a number sibling or a unit text sibling', () => {
      for (const n of all) {
        const s = n.schema;
        const numeric = s.type === 'number' || s.type === 'integer';
        const siblings = n.parent?.properties ?? {};
        if (s['x-target'] !== undefined) {
          expect(numeric, n.path).toBe(true);
          const target = s['x-target'];
          if (typeof target === 'string') expect(['number', 'integer'], n.path).toContain(siblings[target]?.type);
          else expect(target, n.path).toEqual(expect.any(Number));
        }
        if (s['x-unit'] !== undefined) {
          expect(numeric, n.path).toBe(true);
          expect(s['x-unit'], n.path).toEqual(expect.any(String));
          expect(s['x-unit-field'], `${n.path} has both x-unit and x-unit-field`).toBeUndefined();
        }
        if (s['x-unit-field'] !== undefined) {
          expect(numeric, n.path).toBe(true);
          expect(siblings[s['x-unit-field'] as string]?.type, n.path).toBe('string');
        }
      }
    });

    it('gives every number field a unit, either x-unit or x-unit-field', () => {
      for (const n of leaves.filter((x) => x.schema.type === 'number' || x.schema.type === 'integer')) {
        expect(n.schema['x-unit'] ?? n.schema['x-unit-field'], n.path).toBeDefined();
      }
    });

    it('uses x-widget only as textarea on free text and x-order only as distinct integers on sections', () => {
      for (const n of all) {
        if (n.schema['x-widget'] !== undefined) {
          expect(n.schema['x-widget'], n.path).toBe('textarea');
          expect(n.schema.type, n.path).toBe('string');
          expect(n.schema.oneOf, n.path).toBeUndefined();
        }
        if (n.schema['x-order'] !== undefined) expect(n.parent, `${n.path} is not a section`).toBe(schema);
      }
      const orders = Object.values(schema.properties ?? {}).map((s) => s['x-order']);
      for (const o of orders) expect(Number.isInteger(o)).toBe(true);
      expect(new Set(orders).size).toBe(orders.length);
    });

    it('lists only properties it defines as required (sections and fields alike)', () => {
      for (const n of all.filter((x) => x.schema.required)) {
        for (const r of n.schema.required ?? []) expect(Object.keys(n.schema.properties ?? {}), n.path).toContain(r);
      }
    });
  });

  describe(`example answer (example.v${version}.json)`, () => {
    it('fills in every field of the form at least once', () => {
      const schemaLeaves = new Set(leaves.map((n) => n.path));
      const answered = new Set(answerLeafPaths(example));
      expect([...schemaLeaves].filter((p) => !answered.has(p))).toEqual([]);
      expect([...answered].filter((p) => !schemaLeaves.has(p))).toEqual([]);
    });

    it('validates in full against the schema under strict Ajv', () => {
      const validate = strictAjv().compile(schema);
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    });

    it('passes the server submit check with no field errors', () => {
      expect(validateAnswers(`${formId}@test`, schema, example, 'full')).toEqual([]);
    });

    it('is written in Danish', () => {
      expect(JSON.stringify(example)).toMatch(DANISH_LETTERS);
    });
  });

  describe('invalid answers', () => {
    const validate = strictAjv().compile(schema);
    const numberPath = NUMBER_FIELD[formId] ?? [];

    it('refuses a text where a number belongs, at submit and in a draft', () => {
      const wrong = clone(example);
      setAt(wrong, numberPath, 'cirka halvtreds');
      expect(validate(wrong)).toBe(false);
      expect(validate.errors?.some((e) => e.keyword === 'type' && e.instancePath === `/${numberPath.join('/')}`)).toBe(true);
      expect(validateAnswers(`${formId}@test`, schema, wrong, 'draft')).toContainEqual({
        pointer: `/${numberPath.join('/')}`,
        message: expect.stringMatching(/^Skal være/),
      });
    });

    it('refuses a section given as a list instead of a group of fields', () => {
      const wrong = clone(example) as Record<string, unknown>;
      wrong['kontakt'] = ['Mette'];
      expect(validate(wrong)).toBe(false);
    });

    it('refuses a value outside a fixed choice list', () => {
      const wrong = clone(example);
      const path = CHOICE_FIELD[formId] ?? [];
      setAt(wrong, path, 'findes_ikke');
      expect(validate(wrong)).toBe(false);
      expect(validate.errors?.some((e) => e.instancePath === `/${path.join('/')}`)).toBe(true);
    });

    it('refuses a field the form does not define', () => {
      const wrong = clone(example) as Record<string, unknown>;
      wrong['ukendt_felt'] = 'tekst';
      expect(validate(wrong)).toBe(false);
    });

    it('refuses a malformed contact e-mail', () => {
      const wrong = clone(example) as { kontakt: Record<string, unknown> };
      wrong.kontakt['email'] = 'ikke-en-adresse';
      expect(validate(wrong)).toBe(false);
    });

    it('demands the required fields at submit but lets a draft leave them out', () => {
      const partial = { kontakt: { navn: 'Mette Holm Sørensen' } };
      expect(validateAnswers(`${formId}@test`, schema, partial, 'draft')).toEqual([]);
      expect(validateAnswers(`${formId}@test`, schema, {}, 'draft')).toEqual([]);
      const errors = validateAnswers(`${formId}@test`, schema, partial, 'full');
      expect(errors).toContainEqual({ pointer: '/kontakt/email', message: 'Skal udfyldes.' });
    });
  });
});

// Text corrections go into a new version (forms/README.md: a published version is never edited);
// these pin the corrected wording in the latest version of the municipal form.
describe('Danish wording of the municipal Kræftplan V form', () => {
  const formId = 'kraeftplan-v-kommunal';
  const latest = versionsOf(formId).at(-1)!;
  const schema = readJson(`${FORMS_DIR}${formId}/v${latest}.schema.json`) as Schema;
  const example = readJson(`${FORMS_DIR}${formId}/example.v${latest}.json`) as Record<string, Record<string, unknown>>;

  it('asks for the number of referred citizens in one plain sentence', () => {
    expect(latest).toBeGreaterThanOrEqual(2);
    expect(schema.properties?.['rehabilitering']?.properties?.['antal_henviste']?.description).toBe(
      'Antal borgere, for hvem kommunen i seneste kalenderår har modtaget en henvisning eller en genoptræningsplan til kræftrehabilitering. Udfyldes, hvis tallet er opgjort.',
    );
  });

  it('writes "aften- og nattevagter" in its example answer', () => {
    expect(example['palliation']?.['naeste_skridt']).toBe('Kompetenceudvikling af aften- og nattevagter i hjemmeplejen i 2026.');
    for (const v of versionsOf(formId)) expect(readFileSync(`${FORMS_DIR}${formId}/example.v${v}.json`, 'utf8')).not.toContain('aftens-');
  });
});
