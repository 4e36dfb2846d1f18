// Validates answers against a form's JSON Schema (draft 2020-12) with Ajv.
// Each schema is compiled once per process and cached by form and version: versions are
// immutable, so a compiled validator never goes stale. Drafts are checked for types and
// choices only (a half-filled form is normal); a submission is checked in full. Messages are
// Danish because the person who reads them is the one filling the form. The web app bundles
// this module too (it shows the same messages as it is typed), so it stays browser-safe.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import annotations from '../../forms/annotations.json' with { type: 'json' };
import type { FieldError } from '#core/problems';

// ajv-formats ships CommonJS; under ESM its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;

export type Mode = 'draft' | 'full';

/**
 * Keywords a draft is not held to: presence, sizes, ranges and the shape of a string. Autosave
 * fires while someone types, so a half-typed e-mail address, a number on its way to its range or a
 * text one character too long must never block saving everything else. Types, choices and
 * unknown fields still apply (they would corrupt what is stored); submit checks everything.
 */
const DEFERRED_TO_SUBMIT = new Set([
  'required',
  'dependentRequired',
  'minProperties',
  'maxProperties',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minContains',
  'maxContains',
  'minLength',
  'maxLength',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
]);
/** Deferred keywords that only say something is missing: no warning while a field is typed. */
const PRESENCE = new Set(['required', 'minItems', 'minProperties', 'dependentRequired', 'minContains']);
/** Keywords whose value maps names (not keywords) to sub-schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    addUsedSchema: false,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addVocabulary(annotations as string[]);
  return ajv;
}

let ajv: Ajv2020 | undefined;
const instance = () => (ajv ??= newAjv());

/** A copy of the schema without the keywords a draft is not held to. */
export function draftSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(draftSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DEFERRED_TO_SUBMIT.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object') {
      // A field may well be called "format" or "required": keep every name, walk its schema.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, draftSchema(sub)]));
    } else {
      // `enum`/`const` values and `x-` annotations are data, not sub-schemas: copy as they are.
      out[key] = key === 'enum' || key === 'const' || key.startsWith('x-') ? value : draftSchema(value);
    }
  }
  return out;
}

const cache = new Map<string, ValidateFunction>();

function validatorFor(cacheKey: string, schema: object, mode: Mode): ValidateFunction {
  const key = `${cacheKey}#${mode}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = instance().compile(mode === 'full' ? schema : (draftSchema(schema) as object));
    cache.set(key, validate);
  }
  return validate;
}

/**
 * Validates answers; returns every error as a JSON pointer with a Danish message
 * (empty when valid). `cacheKey` must identify the schema, e.g. `formId@version`.
 */
export function validateAnswers(cacheKey: string, schema: object, answers: unknown, mode: Mode): FieldError[] {
  const validate = validatorFor(cacheKey, schema, mode);
  const errors = validate(answers) ? [] : toFieldErrors(validate.errors ?? [], answers);
  return mode === 'full' ? [...errors, ...duplicateItemKeys(schema, answers)] : errors;
}

/**
 * What the browser shows at a field while it is typed: the errors a submit would find that a
 * draft is not blocked by (ranges, lengths, formats, a choice made twice), without those that only
 * say something is still missing (an empty required field is no news while filling the form).
 */
export function fieldWarnings(cacheKey: string, schema: object, answers: unknown): FieldError[] {
  const validate = validatorFor(cacheKey, schema, 'full');
  const deferred = validate(answers)
    ? []
    : (validate.errors ?? []).filter(
        (e) => DEFERRED_TO_SUBMIT.has(e.keyword) && !PRESENCE.has(e.keyword) && !(e.keyword === 'minLength' && valueAt(answers, e.instancePath) === ''),
      );
  return [...toFieldErrors(deferred, answers), ...duplicateItemKeys(schema, answers)];
}

const escapeToken = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function valueAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

type SchemaNode = Record<string, unknown>;
const isNode = (v: unknown): v is SchemaNode => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `x-item-key` (forms/README.md): within one list, an item's key names the initiative, goal or
 * indicator it is about, so two items with the same key would be one item reported twice and
 * summed twice. Each repeat is an error at its key, naming the item that chose it first.
 */
function duplicateItemKeys(schema: unknown, value: unknown, pointer = ''): FieldError[] {
  if (!isNode(schema)) return [];
  const out: FieldError[] = [];
  const properties = schema['properties'];
  if (isNode(properties) && isNode(value)) {
    for (const [name, sub] of Object.entries(properties)) {
      if (Object.hasOwn(value, name)) out.push(...duplicateItemKeys(sub, value[name], `${pointer}/${escapeToken(name)}`));
    }
  }
  const items = schema['items'];
  if (Array.isArray(value) && isNode(items)) {
    const key = schema['x-item-key'];
    const first = new Map<string, number>();
    value.forEach((item, i) => {
      if (typeof key === 'string' && isNode(item) && item[key] !== undefined && item[key] !== null && item[key] !== '') {
        const id = JSON.stringify(item[key]);
        const earlier = first.get(id);
        if (earlier === undefined) first.set(id, i);
        else out.push({ pointer: `${pointer}/${i}/${escapeToken(key)}`, message: `Er allerede valgt i punkt ${earlier + 1}.` });
      }
      out.push(...duplicateItemKeys(items, item, `${pointer}/${i}`));
    });
  }
  return out;
}

/** Checks that a document is a usable JSON Schema; returns readable reasons when not. */
export function checkFormSchema(schema: unknown): string[] {
  const a = instance();
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return ['Skemaet skal være et JSON-objekt.'];
  const declared = (schema as Record<string, unknown>)['$schema'];
  if (declared !== undefined && declared !== 'https://json-schema.org/draft/2020-12/schema') {
    return ['Skemaet skal bruge JSON Schema draft 2020-12 ($schema).'];
  }
  if ((schema as Record<string, unknown>)['type'] !== 'object') return ['Skemaets rod skal have "type": "object".'];
  if (!a.validateSchema(schema)) {
    return (a.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'ugyldig'}`);
  }
  try {
    a.compile(schema);
    a.compile(draftSchema(schema) as object);
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
  return [];
}

const TYPE_WORDS: Record<string, string> = {
  string: 'tekst',
  number: 'et tal',
  integer: 'et helt tal',
  boolean: 'ja eller nej',
  array: 'en liste',
  object: 'en gruppe af felter',
  null: 'tom',
};

// Made on first use: the formatter loads ICU's Danish data, which a cold start need not pay for.
let numbers: Intl.NumberFormat | undefined;
/** A limit as a Danish reader writes it: 0,5 and 10.000. */
const num = (n: unknown): string =>
  typeof n === 'number' ? (numbers ??= new Intl.NumberFormat('da-DK', { maximumFractionDigits: 20 })).format(n) : String(n);
/** "1 element", "2 elementer": the noun agrees with the count. */
const count = (n: unknown, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

function message(e: ErrorObject, data: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'Skal udfyldes.';
    case 'type': {
      const types = String(p['type']).split(',').map((t) => TYPE_WORDS[t] ?? t);
      return `Skal være ${types.join(' eller ')}.`;
    }
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return 'Vælg en af de mulige værdier.';
    case 'minimum':
      return `Skal være mindst ${num(p['limit'])}.`;
    case 'maximum':
      return `Må højst være ${num(p['limit'])}.`;
    case 'exclusiveMinimum':
      return `Skal være større end ${num(p['limit'])}.`;
    case 'exclusiveMaximum':
      return `Skal være mindre end ${num(p['limit'])}.`;
    case 'multipleOf':
      return `Skal være et multiplum af ${num(p['multipleOf'])}.`;
    case 'minLength':
      // An empty text that must have something in it is simply not filled in yet.
      return data === '' ? 'Skal udfyldes.' : `Skal være mindst ${count(p['limit'], 'tegn', 'tegn')}.`;
    case 'maxLength':
      return `Må højst være ${count(p['limit'], 'tegn', 'tegn')}.`;
    case 'minItems':
      return `Skal have mindst ${count(p['limit'], 'element', 'elementer')}.`;
    case 'maxItems':
      return `Må højst have ${count(p['limit'], 'element', 'elementer')}.`;
    case 'minProperties':
      return `Skal have mindst ${count(p['limit'], 'felt', 'felter')} udfyldt.`;
    case 'maxProperties':
      return `Må højst have ${count(p['limit'], 'felt', 'felter')} udfyldt.`;
    case 'uniqueItems':
      return 'Må ikke indeholde det samme to gange.';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'Feltet findes ikke i skemaet.';
    case 'format':
      return p['format'] === 'email' ? 'Skal være en gyldig e-mailadresse.' : 'Har ikke det rigtige format.';
    case 'pattern':
      return 'Har ikke det rigtige format.';
    default:
      return 'Ugyldig værdi.';
  }
}

function pointerOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const escape = escapeToken;
  if (e.keyword === 'required') return `${e.instancePath}/${escape(String(p['missingProperty']))}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escape(String(p['additionalProperty']))}`;
  if (e.keyword === 'unevaluatedProperties') return `${e.instancePath}/${escape(String(p['unevaluatedProperty']))}`;
  return e.instancePath;
}

/**
 * One error per field and message; the branches of a choice (`oneOf` of consts) collapse into one.
 * `answers` lets a message see the value (an empty text reads "Skal udfyldes.").
 */
export function toFieldErrors(errors: ErrorObject[], answers?: unknown): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    if (/\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath)) continue;
    const fe = { pointer: pointerOf(e) || '', message: message(e, valueAt(answers, e.instancePath)) };
    const key = `${fe.pointer}\u0000${fe.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(fe);
  }
  return out;
}
