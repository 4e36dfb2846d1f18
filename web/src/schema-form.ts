// Everything between a form's JSON Schema and react-jsonschema-form: the Ajv 2020 validator
// rjsf needs, the uiSchema derived from the x- annotations, and the mapping between JSON
// pointers (the API's error locations) and rjsf's error schema and field ids.
// Validation before submit uses the server's own module (functions/core/form-validation.ts),
// so the browser and the API judge a report by the same code and speak the same Danish. It
// loads with import() once the form is on screen (loadValidation): it brings RE2JS (40 KiB
// compressed) and compiles the form twice, which a reporter should not wait for to see the form.
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import annotations from '../../forms/annotations.json' with { type: 'json' };
import { t } from './i18n.ts';
import type { FieldError, JsonObject } from './types.ts';

/** rjsf's validator: Ajv for draft 2020-12, knowing our x- keywords. */
export const rjsfValidator = customizeValidator({
  AjvClass: Ajv2020 as never,
  ajvOptionsOverrides: { keywords: annotations as string[] },
});

type Node = Record<string, any>;

/** The uiSchema for a form: section order (x-order), text areas (x-widget), units as help. */
export function uiSchemaFor(schema: Node): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  const props = (schema['properties'] ?? {}) as Record<string, Node>;
  const ordered = Object.keys(props).sort((a, b) => (props[a]!['x-order'] ?? 1e9) - (props[b]!['x-order'] ?? 1e9));
  ui['ui:order'] = [...ordered, '*'];
  for (const [name, child] of Object.entries(props)) ui[name] = nodeUi(child);
  return ui;
}

function nodeUi(node: Node): UiSchema {
  const ui: UiSchema = {};
  if (node['type'] === 'object') {
    for (const [name, child] of Object.entries((node['properties'] ?? {}) as Record<string, Node>)) ui[name] = nodeUi(child);
  } else if (node['type'] === 'array' && node['uniqueItems'] === true && Array.isArray((node['items'] as Node | undefined)?.['oneOf'])) {
    // A multiple choice (flervalg in a form sheet): one checkbox per option.
    ui['ui:widget'] = 'checkboxes';
  } else if (node['type'] === 'array' && node['items'] && typeof node['items'] === 'object') {
    // Each item is headed by its own number and name (form-templates.tsx), not the items' common title.
    ui['items'] = { ...nodeUi(node['items'] as Node), 'ui:label': false };
    const itemName = String((node['items'] as Node)['title'] ?? t('itemFallback'));
    ui['ui:options'] = { addLabel: t('addItem', itemName.toLocaleLowerCase('da')) };
  } else if (node['type'] === 'number' || node['type'] === 'integer') {
    // Danish number entry (see readDanishNumber); units as help.
    ui['ui:field'] = 'danishNumber';
    if (typeof node['x-unit'] === 'string') ui['ui:help'] = `Enhed: ${node['x-unit']}`;
  } else {
    if (node['x-widget'] === 'textarea') {
      ui['ui:widget'] = 'textarea';
      ui['ui:options'] = { rows: 5 };
    }
    if (Array.isArray(node['oneOf'])) ui['ui:placeholder'] = t('selectPlaceholder');
    if (typeof node['x-unit'] === 'string') ui['ui:help'] = `Enhed: ${node['x-unit']}`;
  }
  return ui;
}

const segments = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The id rjsf gives the field at `pointer` (`/kontakt/email` → `root_kontakt_email`). */
export const fieldId = (pointer: string): string => ['root', ...segments(pointer)].join('_');

/** "Kontaktperson › E-mail": the titles along the pointer, for error summaries and review notes. */
export function labelOf(schema: Node, pointer: string): string {
  const titles: string[] = [];
  let node: Node | undefined = schema;
  for (const seg of segments(pointer)) {
    if (!node) break;
    if (node['type'] === 'array') {
      node = node['items'] as Node | undefined;
      titles.push(`${node?.['title'] ?? ''} ${Number(seg) + 1}`.trim());
    } else {
      node = (node['properties'] as Record<string, Node> | undefined)?.[seg];
      titles.push(String(node?.['title'] ?? seg));
    }
  }
  return titles.join(' › ') || String(schema['title'] ?? '');
}

/** Every field pointer in the form, in display order, for choosing where a review comment applies. */
export function fieldPointers(schema: Node): string[] {
  const out: string[] = [];
  const props = (schema['properties'] ?? {}) as Record<string, Node>;
  const ordered = Object.keys(props).sort((a, b) => (props[a]!['x-order'] ?? 1e9) - (props[b]!['x-order'] ?? 1e9));
  for (const section of ordered) {
    const node = props[section]!;
    out.push(`/${section}`);
    if (node['type'] === 'object') for (const f of Object.keys(node['properties'] ?? {})) out.push(`/${section}/${f}`);
  }
  return out;
}

/** rjsf's ErrorSchema for a list of pointer errors (so they show at their fields). */
export function toErrorSchema(errors: FieldError[]): ErrorSchema {
  const root: Record<string, any> = {};
  for (const { pointer, message } of errors) {
    let node = root;
    for (const seg of segments(pointer)) node = node[seg] ??= {};
    (node['__errors'] ??= [] as string[]).push(message);
  }
  return root as ErrorSchema;
}

/** A plain JSON copy: drops the `undefined` values rjsf leaves for emptied fields. */
export const clean = (data: unknown): JsonObject => JSON.parse(JSON.stringify(data ?? {})) as JsonObject;

/**
 * Gives every object section an empty object, so a missing section is reported at its
 * fields ("Navn skal udfyldes") rather than as one vague error on the whole section.
 */
export function withSections(schema: Node, answers: JsonObject): JsonObject {
  const out: JsonObject = { ...answers };
  for (const [name, node] of Object.entries((schema['properties'] ?? {}) as Record<string, Node>)) {
    if (node['type'] === 'object' && out[name] === undefined) out[name] = {};
  }
  return out;
}

/** The shared validation module (see the header), loaded once on first call. */
export type Validation = typeof import('#core/form-validation');
let validation: Promise<Validation> | undefined;
let loaded: Validation | undefined;
export function loadValidation(): Promise<Validation> {
  validation ??= import('#core/form-validation').then((v) => (loaded = v));
  return validation;
}
/** The validation module if it has loaded, else undefined. */
export const validationNow = (): Validation | undefined => loaded;

/** Full validation as the server does it at submit; cached per form version. */
export function validateForSubmit(v: Validation, cacheKey: string, schema: Node, answers: JsonObject): FieldError[] {
  return v.validateAnswers(cacheKey, schema, clean(answers), 'full');
}

export type { RJSFSchema };

// ---------------------------------------------------------------------------------------------
// Numbers as Danes type them. A number field is a text field: "1.234" and "1 234" are one
// thousand two hundred and thirty-four (the Danish thousands separators), "12,5" is twelve and a
// half, a trailing unit the field itself states is dropped ("50 %" in a field of %), and "1.5" is
// refused with a hint, because a Dane who types it may mean either; nothing ever turns silently
// into a decimal. Whenever what is kept differs from what was typed, the field says how it reads.

export type NumberReading =
  | { kind: 'empty' }
  /** `reread`: the text was not the plain number (thousands separators or a unit were dropped). */
  | { kind: 'number'; value: number; reread: boolean }
  | { kind: 'invalid'; hint: 'decimalPoint' | 'notNumber' };

const SPACE = '[ \u00a0\u202f]';
const GROUPED = new RegExp(String.raw`^-?\d{1,3}((\.\d{3})+|(${SPACE}\d{3})+)(,\d+)?$`);
const PLAIN = /^-?\d+(,\d+)?$/;
const POINT_DECIMAL = /^-?\d*\.\d+$/;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text without a trailing `unit` ("50 %", "1.234 kr." → "50", "1.234"); the final point of a unit like "kr." may be left out. */
function withoutUnit(text: string, unit: string | undefined): { text: string; stripped: boolean } {
  const u = unit?.trim();
  if (!u) return { text, stripped: false };
  const pattern = new RegExp(`${SPACE}*${escapeRegExp(u.replace(/\.$/, ''))}${u.endsWith('.') ? '\\.?' : ''}$`, 'iu');
  const rest = text.replace(pattern, '');
  return rest !== text && rest.trim() !== '' ? { text: rest.trim(), stripped: true } : { text, stripped: false };
}

/** How the text in a number field reads, by the rules above; `unit` is the field's own (x-unit). */
export function readDanishNumber(text: string, unit?: string): NumberReading {
  const trimmed = text.replace(/^\s+|\s+$/gu, '');
  if (trimmed === '') return { kind: 'empty' };
  const { text: s, stripped } = withoutUnit(trimmed, unit);
  if (GROUPED.test(s)) return { kind: 'number', value: Number(s.replace(/[.\s\u00a0\u202f]/gu, '').replace(',', '.')), reread: true };
  if (PLAIN.test(s)) return { kind: 'number', value: Number(s.replace(',', '.')), reread: stripped };
  return { kind: 'invalid', hint: POINT_DECIMAL.test(s) ? 'decimalPoint' : 'notNumber' };
}

let danish: Intl.NumberFormat | undefined;
/** A bound as Danes read it ("100.000"), whatever the page's language: the field reads Danish numbers. */
const bound = (n: number) => (danish ??= new Intl.NumberFormat('da-DK', { maximumFractionDigits: 20 })).format(n);

/**
 * The one message a number field shows for text that is no number it can hold, in the field's own
 * terms: a whole number or not, its range, and an example only if the example fits that range.
 */
export function numberAdvice(node: Node, hint: 'decimalPoint' | 'notNumber'): string {
  const min = typeof node['minimum'] === 'number' ? (node['minimum'] as number) : undefined;
  const max = typeof node['maximum'] === 'number' ? (node['maximum'] as number) : undefined;
  const exMin = typeof node['exclusiveMinimum'] === 'number' ? (node['exclusiveMinimum'] as number) : undefined;
  const exMax = typeof node['exclusiveMaximum'] === 'number' ? (node['exclusiveMaximum'] as number) : undefined;
  const fits = (x: number) => (min === undefined || x >= min) && (max === undefined || x <= max) && (exMin === undefined || x > exMin) && (exMax === undefined || x < exMax);
  const range = min !== undefined && max !== undefined ? t('numberRangeBoth', bound(min), bound(max)) : min !== undefined ? t('numberRangeMin', bound(min)) : max !== undefined ? t('numberRangeMax', bound(max)) : '';
  const thousands = fits(1234) ? t('numberPointThousands') : '';
  if (node['type'] === 'integer') {
    // "1.5" in a whole-number field: no decimal comma to suggest, only what a point means.
    if (hint === 'decimalPoint') return `${t('numberAdviceInteger', range, '')}${thousands}`;
    return t('numberAdviceInteger', range, fits(1234) ? t('numberExample', '1234') : '');
  }
  if (hint === 'decimalPoint') return `${t('numberDecimalComma', fits(12.5) ? t('numberExample', '12,5') : '')}${thousands}`;
  const examples = ['1234', '12,5'].filter((x) => fits(Number(x.replace(',', '.'))));
  return t('numberAdviceNumber', range, examples.length === 2 ? t('numberExamples', examples[0]!, examples[1]!) : examples.length === 1 ? t('numberExample', examples[0]!) : '');
}

/**
 * The errors with the number fields' own message: a field holding text that is no number (kept in
 * the form, never saved) says what to type there, once, instead of the validator's generic
 * "Skal være et helt tal.", so the field, the save bar and the summary say the same.
 */
export function withNumberAdvice(schema: Node, answers: unknown, errors: FieldError[]): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const value = valueAt(answers, e.pointer);
    const node = typeof value === 'string' ? schemaNodeAt(schema, e.pointer) : undefined;
    const reading = node && (node['type'] === 'integer' || node['type'] === 'number') ? readDanishNumber(value as string, node['x-unit'] as string | undefined) : undefined;
    const message = reading?.kind === 'invalid' ? numberAdvice(node!, reading.hint) : e.message;
    if (!out.some((o) => o.pointer === e.pointer && o.message === message)) out.push({ ...e, message });
  }
  return out;
}

/** The schema node of the field at `pointer`. */
function schemaNodeAt(schema: Node, pointer: string): Node | undefined {
  let node: Node | undefined = schema;
  for (const seg of segments(pointer)) {
    if (!node) return undefined;
    node = node['type'] === 'array' ? (node['items'] as Node | undefined) : (node['properties'] as Record<string, Node> | undefined)?.[seg];
  }
  return node;
}

/** A stored number as the field shows it: decimal comma, no thousands separator ("1234", "12,5"). */
export const showDanishNumber = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? String(value).replace('.', ',') : value == null ? '' : String(value));

// ---------------------------------------------------------------------------------------------
// JSON pointers into answers.

export const pointerSegments = segments;
const escapeSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (...path: (string | number)[]): string => path.map((p) => `/${escapeSegment(String(p))}`).join('');

export function valueAt(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const seg of segments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** A copy of `data` with the value at `pointer` replaced (or removed when `value` is undefined). */
export function withValueAt(data: JsonObject, pointer: string, value: unknown): JsonObject {
  const segs = segments(pointer);
  if (segs.length === 0) return (value ?? {}) as JsonObject;
  const copy = clean(data) as Record<string, any>;
  let node: Record<string, any> = copy;
  for (const seg of segs.slice(0, -1)) {
    if (node[seg] === null || typeof node[seg] !== 'object') node[seg] = {};
    node = node[seg] as Record<string, any>;
  }
  const last = segs[segs.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node[Number(last)] = null;
    else delete node[last];
  } else node[last] = value;
  return copy as JsonObject;
}

/**
 * What autosave sends: the answers without the values a draft cannot hold (a word in a number
 * field, a choice not in the list). Those stay in the form, marked at their field, and every
 * other field is saved.
 */
export function savableAnswers(v: Validation, cacheKey: string, schema: Node, answers: JsonObject): { answers: JsonObject; held: FieldError[] } {
  let out = clean(answers);
  const held = v.validateAnswers(cacheKey, schema, out, 'draft');
  let left = held;
  // Removing a whole list item's value leaves null behind, which a second pass takes out too.
  for (let pass = 0; pass < 3 && left.length > 0; pass++) {
    for (const e of left) out = withValueAt(out, e.pointer, undefined);
    left = v.validateAnswers(cacheKey, schema, out, 'draft').filter((e) => e.pointer !== '');
  }
  return { answers: out, held };
}

// ---------------------------------------------------------------------------------------------
// Long forms: the sections in order with their state, and list items by their own name.

/** The label of a choice value in a schema node (oneOf const/title or enum). */
export function choiceLabel(node: Node | undefined, value: unknown): string | undefined {
  if (!node) return undefined;
  const options = (node['oneOf'] ?? node['anyOf']) as Node[] | undefined;
  const hit = options?.find((o) => o['const'] === value);
  if (hit) return String(hit['title'] ?? value);
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** "Initiativ 2: Tidlig opsporing": a list item by its number and, once chosen, its key's label. */
export function itemTitle(arraySchema: Node, item: unknown, index: number): string {
  const items = (arraySchema['items'] ?? {}) as Node;
  const base = `${String(items['title'] ?? t('itemFallback'))} ${index + 1}`;
  const key = arraySchema['x-item-key'] as string | undefined;
  if (!key || item === null || typeof item !== 'object') return base;
  const label = choiceLabel(((items['properties'] ?? {}) as Record<string, Node>)[key], (item as Record<string, unknown>)[key]);
  return label ? `${base}: ${label}` : base;
}

export type SectionState = 'complete' | 'missing' | 'error' | 'optional';

export interface SectionInfo {
  name: string;
  title: string;
  pointer: string;
  state: SectionState;
}

/** Whether a value holds any answer at all (an empty section or list holds none). */
const hasAnswer = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && (typeof v !== 'object' || Object.values(v as Record<string, unknown>).some(hasAnswer));

/** Each top-level section in display order, with whether it is complete, missing answers, or wrong somewhere. */
export function sectionStates(schema: Node, missing: FieldError[], wrong: FieldError[], answers: JsonObject = {}): SectionInfo[] {
  const props = (schema['properties'] ?? {}) as Record<string, Node>;
  const ordered = Object.keys(props).sort((a, b) => (props[a]!['x-order'] ?? 1e9) - (props[b]!['x-order'] ?? 1e9));
  const inSection = (name: string) => (e: FieldError) => e.pointer === `/${name}` || e.pointer.startsWith(`/${name}/`);
  return ordered.map((name) => ({
    name,
    title: String(props[name]!['title'] ?? name),
    pointer: `/${name}`,
    state: wrong.some(inSection(name)) ? 'error' : missing.some(inSection(name)) ? 'missing' : hasAnswer(answers[name]) ? 'complete' : 'optional',
  }));
}

/** The list item a change removed ("Initiativ 2: Tidlig opsporing"), if it removed exactly one. */
export function removedItem(schema: Node, before: unknown, after: unknown): string | undefined {
  if (schema['type'] === 'array' && Array.isArray(before) && Array.isArray(after)) {
    if (after.length === before.length - 1) {
      const i = before.findIndex((item, k) => JSON.stringify(item) !== JSON.stringify(after[k]));
      const at = i < 0 ? before.length - 1 : i;
      return itemTitle(schema, before[at], at);
    }
    const items = schema['items'] as Node | undefined;
    if (!items || after.length !== before.length) return undefined;
    for (let k = 0; k < before.length; k++) {
      const found = removedItem(items, before[k], after[k]);
      if (found) return found;
    }
    return undefined;
  }
  if (schema['type'] === 'object' && before && after && typeof before === 'object' && typeof after === 'object') {
    for (const [name, child] of Object.entries((schema['properties'] ?? {}) as Record<string, Node>)) {
      const found = removedItem(child, (before as Record<string, unknown>)[name], (after as Record<string, unknown>)[name]);
      if (found) return found;
    }
  }
  return undefined;
}
