// Validates answers against a form's JSON Schema (draft 2020-12) with Ajv.
// Each schema is compiled once per process and cached by form and version: versions are
// immutable, so a compiled validator never goes stale. Drafts are checked for types only
// (a half-filled form is normal); a submission is checked in full. Messages are Danish
// because the person who reads them is the one filling the form.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import annotations from '../../forms/annotations.json' with { type: 'json' };
import type { FieldError } from '#core/problems';

// ajv-formats ships CommonJS; under ESM its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;

export type Mode = 'draft' | 'full';

/**
 * Keywords a draft is not held to: presence and size (a half-filled form is normal), and the
 * shape of a string (an e-mail address half typed when autosave fires must not block saving
 * everything else). Types, choices and ranges still apply; submit checks everything.
 */
const DEFERRED_TO_SUBMIT = new Set(['required', 'minItems', 'minProperties', 'minLength', 'dependentRequired', 'minContains', 'format', 'pattern']);
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
  if (validate(answers)) return [];
  return toFieldErrors(validate.errors ?? []);
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

function message(e: ErrorObject): string {
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
      return `Skal være mindst ${p['limit']}.`;
    case 'maximum':
      return `Må højst være ${p['limit']}.`;
    case 'exclusiveMinimum':
      return `Skal være større end ${p['limit']}.`;
    case 'exclusiveMaximum':
      return `Skal være mindre end ${p['limit']}.`;
    case 'multipleOf':
      return `Skal gå op i ${p['multipleOf']}.`;
    case 'minLength':
      return `Skal være mindst ${p['limit']} tegn.`;
    case 'maxLength':
      return `Må højst være ${p['limit']} tegn.`;
    case 'minItems':
      return `Skal have mindst ${p['limit']} elementer.`;
    case 'maxItems':
      return `Må højst have ${p['limit']} elementer.`;
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
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  if (e.keyword === 'required') return `${e.instancePath}/${escape(String(p['missingProperty']))}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escape(String(p['additionalProperty']))}`;
  if (e.keyword === 'unevaluatedProperties') return `${e.instancePath}/${escape(String(p['unevaluatedProperty']))}`;
  return e.instancePath;
}

/** One error per field and message; the branches of a choice (`oneOf` of consts) collapse into one. */
export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    if (/\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath)) continue;
    const fe = { pointer: pointerOf(e) || '', message: message(e) };
    const key = `${fe.pointer}\u0000${fe.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(fe);
  }
  return out;
}
