// Validates answers against a form's JSON Schema (draft 2020-12) with Ajv.
// Each schema is compiled once per process and cached by form and version: versions are
// immutable, so a compiled validator never goes stale. Drafts are checked for types and
// choices only (a half-filled form is normal); a submission is checked in full. Messages are
// Danish because the person who reads them is the one filling the form. The web app bundles
// this module too (it shows the same messages as it is typed), so it stays browser-safe.
// Schemas are published by SST's administrators and then run on every reporter's draft, so what
// could stall or break a validation is kept out: `pattern` and `patternProperties` run on RE2JS,
// a pure-JS port of RE2 whose matching is linear in the input (no catastrophic backtracking; a
// pattern it cannot run, such as a back-reference, is refused at publish), and a schema whose
// `$ref`s lead back to themselves is refused at publish.
import { newAjv, type Ajv2020, type ErrorObject, type ValidateFunction } from '#core/form-validator';
import { Problem, type FieldError } from '#core/problems';
import { summaryAnnotationProblems } from '#core/summary/annotation-rules';

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
 * Runs a compiled validator. A schema that passed `checkFormSchema` does not throw; one stored
 * before those checks might (a recursion without end), and that is the form's fault, told to
 * the reporter as such, never an internal error.
 */
function run(validate: ValidateFunction, answers: unknown): boolean {
  try {
    return validate(answers) as boolean;
  } catch {
    throw new Problem('invalid-form-schema', 'Skemaet for denne indberetning kan ikke bruges til at kontrollere svarene. Kontakt Sundhedsstyrelsen.');
  }
}

/**
 * Validates answers; returns every error as a JSON pointer with a Danish message
 * (empty when valid). `cacheKey` must identify the schema, e.g. `formId@version`.
 */
export function validateAnswers(cacheKey: string, schema: object, answers: unknown, mode: Mode): FieldError[] {
  return validateAnswersBounded(cacheKey, schema, answers, mode, Infinity).errors;
}

/**
 * As `validateAnswers`, with at most `limit` errors written out and the rest only counted
 * (`omitted`): a crafted draft of 130,000 unknown keys has 130,000 errors, and writing each one's
 * Danish message (and later its field's name) is work no answer will show.
 */
export function validateAnswersBounded(cacheKey: string, schema: object, answers: unknown, mode: Mode, limit: number): { errors: FieldError[]; omitted: number } {
  const validate = validatorFor(cacheKey, schema, mode);
  const found = run(validate, answers) ? { errors: [], omitted: 0 } : collectFieldErrors(validate.errors ?? [], answers, limit);
  if (mode !== 'full') return found;
  const duplicates = duplicateItemKeys(schema, answers);
  const room = Math.max(0, limit - found.errors.length);
  return { errors: [...found.errors, ...duplicates.slice(0, room)], omitted: found.omitted + Math.max(0, duplicates.length - room) };
}

/**
 * What the browser shows at a field while it is typed: the errors a submit would find that a
 * draft is not blocked by (ranges, lengths, formats, a choice made twice), without those that only
 * say something is still missing (an empty required field is no news while filling the form).
 */
export function fieldWarnings(cacheKey: string, schema: object, answers: unknown): FieldError[] {
  return submitChecks(cacheKey, schema, answers).warnings;
}

/**
 * One full validation, sorted for a form being filled in: the errors a submit would find that a
 * draft is not blocked by and that say more than "still missing" (`warnings`, as `fieldWarnings`),
 * and all the others (`missing`: required answers not given yet, and what a draft cannot hold).
 * Together they are what `validateAnswers(…, 'full')` finds.
 */
export function submitChecks(cacheKey: string, schema: object, answers: unknown): { warnings: FieldError[]; missing: FieldError[] } {
  const validate = validatorFor(cacheKey, schema, 'full');
  const raw = run(validate, answers) ? [] : (validate.errors ?? []);
  const isWarning = (e: ErrorObject) => DEFERRED_TO_SUBMIT.has(e.keyword) && !PRESENCE.has(e.keyword) && !(e.keyword === 'minLength' && valueAt(answers, e.instancePath) === '');
  const duplicates = duplicateItemKeys(schema, answers);
  const warnings = [...toFieldErrors(raw.filter(isWarning), answers), ...duplicates];
  const missing = toFieldErrors(raw.filter((e) => !isWarning(e)), answers);
  return { warnings, missing };
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
  const cycle = refProblem(schema);
  if (cycle) return [cycle];
  const annotations = summaryAnnotationProblems(schema);
  if (annotations.length > 0) return annotations;
  try {
    // Compiling builds every pattern on the linear-time engine: one it cannot run fails here.
    const full = a.compile(schema);
    const draft = a.compile(draftSchema(schema) as object);
    // A trial run on an empty report: whatever throws here would throw on every save.
    full({});
    draft({});
  } catch (err) {
    return [err instanceof Error ? `Skemaet kan ikke bruges: ${err.message}` : 'Skemaet kan ikke bruges.'];
  }
  return [];
}

/** Keywords whose values are data, not schemas: a `$ref` key inside them is no reference. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

function resolveLocal(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/**
 * Why the schema's references cannot be validated safely, if they cannot: a `$ref` that leads
 * back into a schema it is already inside (`$defs.a = {anyOf: [{$ref: "#/$defs/a"}]}`, or `$ref:
 * "#"`) recurses without end on some input; dynamic references and references out of the
 * document are not needed by a form and are refused as well. Forms are finite questionnaires,
 * so no recursion is lost.
 */
function refProblem(root: unknown): string | undefined {
  const cycleFree = new Set<string>();
  // `chain`: where the walk has been on its way here, one location per reference followed.
  const walk = (node: unknown, at: string, chain: string[]): string | undefined => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) {
        const found = walk(item, `${at}/${i}`, chain);
        if (found) return found;
      }
      return undefined;
    }
    if (!isNode(node)) return undefined;
    for (const [key, value] of Object.entries(node)) {
      if (DATA_KEYWORDS.has(key) || key.startsWith('x-')) continue;
      if (key === '$dynamicRef' || key === '$recursiveRef') return `Skemaet må ikke bruge ${key}.`;
      if (key === '$ref' && typeof value === 'string') {
        if (value !== '#' && !value.startsWith('#/')) return `Henvisningen "${value.slice(0, 200)}" skal pege ind i skemaet selv (begynde med "#/").`;
        const target = decodeURIComponent(value.slice(1));
        const path = [...chain, at];
        if (path.some((p) => p === target || p.startsWith(`${target}/`))) {
          return `Henvisningen "${value.slice(0, 200)}" fører tilbage til sig selv: et skema må ikke være rekursivt.`;
        }
        if (cycleFree.has(target)) continue;
        const sub = resolveLocal(root, target);
        if (sub === undefined) return `Henvisningen "${value.slice(0, 200)}" peger på noget, der ikke findes i skemaet.`;
        const found = walk(sub, target, path);
        if (found) return found;
        cycleFree.add(target);
        continue;
      }
      const found = walk(value, `${at}/${escapeToken(key)}`, chain);
      if (found) return found;
    }
    return undefined;
  };
  return walk(root, '', []);
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
  return collectFieldErrors(errors, answers, Infinity).errors;
}

/** `toFieldErrors` that writes out the first `limit` and only counts the others (one per field and keyword). */
function collectFieldErrors(errors: ErrorObject[], answers: unknown, limit: number): { errors: FieldError[]; omitted: number } {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  let omitted = 0;
  for (const e of errors) {
    if (/\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath)) continue;
    if (out.length >= limit) {
      const key = `${pointerOf(e)}\u0000${e.keyword}`;
      if (!seen.has(key)) {
        seen.add(key);
        omitted++;
      }
      continue;
    }
    const fe = { pointer: pointerOf(e) || '', message: message(e, valueAt(answers, e.instancePath)) };
    const key = `${fe.pointer}\u0000${fe.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    seen.add(`${pointerOf(e)}\u0000${e.keyword}`);
    out.push(fe);
  }
  return { errors: out, omitted };
}
