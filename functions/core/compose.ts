// The coordinator's first draft, composed from its round's contributions. Pure: a form's JSON
// Schema and the contributions in, answers out. The result is an ordinary draft of the
// coordinator's own report, saved as a revision it then edits; nothing here is final.
//
// Rules, chosen so that a secretariat gathering five regions' input gets one place to start:
// - A repeated item (an array with `x-item-key`) appears once per key value, in the order the
//   contributions first name it; the key must stay unique within the list.
// - Long free text (a plain string with maxLength of 1000 or more, or none) is brought in from
//   every contributor that answered, each paragraph headed by the contributor's name.
// - A field that is not summarised (`x-summary: "none"`: a contact person's name, e-mail, phone)
//   describes the contributor itself, not the matter reported on: it is never brought in. The
//   coordinator's own draft keeps what it had there (its own contact person), else it stays empty.
// - Every other answer (a choice, a number, a short text) is brought in only when every
//   contributor that answered gave the same one; otherwise the coordinator decides, reading the
//   contributions beside it.
import type { JsonObject } from '#schemas/api';

export interface Contribution {
  /** The contributor's name as it heads its paragraphs, e.g. `Region Midtjylland`. */
  name: string;
  answers: JsonObject;
}

type Schema = Record<string, unknown>;
interface Part {
  name: string;
  value: unknown;
}

const LONG_TEXT = 1000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isLongText(schema: Schema): boolean {
  if (schema['type'] !== 'string' || 'oneOf' in schema || 'enum' in schema || 'const' in schema || 'format' in schema) return false;
  const max = schema['maxLength'];
  return typeof max !== 'number' || max >= LONG_TEXT;
}

function joinText(schema: Schema, parts: Part[]): string | undefined {
  const texts = parts.filter((p) => typeof p.value === 'string' && p.value.trim() !== '');
  if (texts.length === 0) return undefined;
  const joined = texts.map((p) => `${p.name}: ${String(p.value).trim()}`).join('\n\n');
  const max = schema['maxLength'];
  // A draft must still fit the form; the contributions themselves keep every word.
  return typeof max === 'number' && joined.length > max ? `${joined.slice(0, max - 1)}…` : joined;
}

function same(parts: Part[]): unknown {
  const given = parts.filter((p) => p.value !== undefined && p.value !== null && p.value !== '');
  if (given.length === 0) return undefined;
  const first = JSON.stringify(given[0]!.value);
  return given.every((p) => JSON.stringify(p.value) === first) ? given[0]!.value : undefined;
}

function mergeItems(schema: Schema, parts: Part[], own: unknown): unknown[] | undefined {
  const key = schema['x-item-key'];
  const items = isObject(schema['items']) ? schema['items'] : undefined;
  if (typeof key !== 'string' || !items) return undefined;
  const groups = new Map<string, Part[]>();
  for (const part of parts) {
    if (!Array.isArray(part.value)) continue;
    for (const item of part.value) {
      if (!isObject(item) || typeof item[key] !== 'string') continue;
      const group = groups.get(item[key]) ?? [];
      group.push({ name: part.name, value: item });
      groups.set(item[key], group);
    }
  }
  if (groups.size === 0) return undefined;
  const ownItems = Array.isArray(own) ? own.filter(isObject) : [];
  const merged = [...groups.entries()].map(([value, group]) => ({ ...mergeObject(items, group, ownItems.find((i) => i[key] === value)), [key]: value }));
  const maxItems = schema['maxItems'];
  return typeof maxItems === 'number' ? merged.slice(0, maxItems) : merged;
}

function mergeObject(schema: Schema, parts: Part[], own: unknown): JsonObject {
  const out: JsonObject = {};
  const mine = isObject(own) ? own : {};
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    const childParts = parts.map((p) => ({ name: p.name, value: isObject(p.value) ? p.value[name] : undefined }));
    const value = mergeValue(child, childParts, mine[name]);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function mergeValue(schema: Schema, parts: Part[], own: unknown): unknown {
  // Not summarised: the coordinator's own (its contact person), never a contributor's.
  if (schema['x-summary'] === 'none') return own === null ? undefined : own;
  if (schema['type'] === 'array') return mergeItems(schema, parts, own) ?? same(parts);
  if (schema['type'] === 'object') {
    if (!parts.some((p) => isObject(p.value)) && !isObject(own)) return undefined;
    const merged = mergeObject(schema, parts, own);
    return Object.keys(merged).length > 0 ? merged : undefined;
  }
  if (isLongText(schema)) return joinText(schema, parts);
  return same(parts);
}

/**
 * The coordinator's draft from the contributions, in the order given (the round's contributor
 * order). `own` is the coordinator's draft so far, if any: what it holds in fields that are not
 * summarised (its contact person) is kept; everything else is composed afresh.
 */
export function composeFromContributions(schema: Schema, contributions: readonly Contribution[], own: JsonObject = {}): JsonObject {
  return mergeObject(
    schema,
    contributions.map((c) => ({ name: c.name, value: c.answers })),
    own,
  );
}
