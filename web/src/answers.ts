// Field-level changes between two answer documents, as people read them: each JSON pointer
// becomes the Danish title path from the form schema ("Rehabilitering › Status"), each value
// its label (a choice's title, "Ja"/"Nej"). The diff itself is the server's own pure module
// (#core/answers-diff), so a change shown here is exactly what the API's diff route reports.
import { diffAnswers, type AnswerChange } from '#core/answers-diff';
import { currentLang, t } from './i18n.ts';
import { labelOf } from './schema-form.ts';

export type { AnswerChange };

type Node = Record<string, any>;

const segments = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The schema node that describes the value at `pointer`, if the schema knows it. */
export function schemaAt(schema: Node, pointer: string): Node | undefined {
  let node: Node | undefined = schema;
  for (const seg of segments(pointer)) {
    if (!node) return undefined;
    node = node['type'] === 'array' ? (node['items'] as Node | undefined) : (node['properties'] as Record<string, Node> | undefined)?.[seg];
  }
  return node;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isLeaf = (v: unknown): boolean => !isObject(v) && !(Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object'));

/** Every leaf value under `value` with its pointer: a whole section added becomes its fields. */
function leaves(value: unknown, pointer: string): [string, unknown][] {
  if (isLeaf(value)) return [[pointer, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${pointer}/${escape(k)}`));
}

/**
 * The server's changes, with added or removed sections and list items opened up into their
 * fields, so every row of the table names one field the reporter knows from the form.
 */
export function fieldChanges(changes: AnswerChange[]): AnswerChange[] {
  return changes.flatMap((c): AnswerChange[] => {
    if (c.change === 'added' && !isLeaf(c.new)) return leaves(c.new, c.pointer).map(([pointer, v]) => ({ pointer, change: 'added', new: v }));
    if (c.change === 'removed' && !isLeaf(c.old)) return leaves(c.old, c.pointer).map(([pointer, v]) => ({ pointer, change: 'removed', old: v }));
    if (c.change === 'changed' && (!isLeaf(c.old) || !isLeaf(c.new))) {
      // A field that turned from a value into a section or back: show both sides field by field.
      return [
        ...leaves(c.old, c.pointer).map(([pointer, v]): AnswerChange => ({ pointer, change: 'removed', old: v })),
        ...leaves(c.new, c.pointer).map(([pointer, v]): AnswerChange => ({ pointer, change: 'added', new: v })),
      ];
    }
    return [c];
  });
}

/** Changes from `before` to `after`, computed here with the server's diff. */
export const compareAnswers = (before: unknown, after: unknown): AnswerChange[] => fieldChanges(diffAnswers(before ?? {}, after ?? {}));

/** A value as the form shows it: a choice by its title, booleans as Ja/Nej, lists joined. */
export function formatAnswer(schema: Node, pointer: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('emptyValue');
  const node = schemaAt(schema, pointer);
  const choice = (v: unknown, n: Node | undefined) => {
    const options = (n?.['oneOf'] ?? n?.['anyOf']) as { const?: unknown; title?: string }[] | undefined;
    return options?.find((o) => o.const === v)?.title;
  };
  if (Array.isArray(value)) return value.map((v) => choice(v, node?.['items'] as Node | undefined) ?? String(v)).join(', ') || t('emptyValue');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  const unit = typeof node?.['x-unit'] === 'string' ? ` ${node['x-unit'] as string}` : '';
  if (typeof value === 'number') return `${new Intl.NumberFormat(currentLang() === 'en' ? 'en-GB' : 'da-DK').format(value)}${unit}`;
  return choice(value, node) ?? String(value);
}

/** "Kontaktperson › E-mail" for a change; a field the schema no longer has keeps its pointer. */
export const changeLabel = (schema: Node, pointer: string): string => (schemaAt(schema, pointer) ? labelOf(schema, pointer) : pointer);
