// Everything between a form's JSON Schema and react-jsonschema-form: the Ajv 2020 validator
// rjsf needs, the uiSchema derived from the x- annotations, and the mapping between JSON
// pointers (the API's error locations) and rjsf's error schema and field ids.
// Validation before submit uses the server's own module (functions/core/form-validation.ts),
// so the browser and the API judge a report by the same code and speak the same Danish.
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import annotations from '../../forms/annotations.json' with { type: 'json' };
import { validateAnswers } from '#core/form-validation';
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
  } else if (node['type'] === 'array' && node['items'] && typeof node['items'] === 'object') {
    ui['items'] = nodeUi(node['items'] as Node);
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

/** Full validation as the server does it at submit; cached per form version. */
export function validateForSubmit(cacheKey: string, schema: Node, answers: JsonObject): FieldError[] {
  return validateAnswers(cacheKey, schema, clean(answers), 'full');
}

export type { RJSFSchema };
