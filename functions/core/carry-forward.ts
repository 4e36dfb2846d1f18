// Carry-forward: last year's accepted answers as the start of this year's draft. A field the
// current form no longer has (or whose value no longer fits) is dropped and reported, never
// silently lost, so the reporter knows what to fill in anew.
import { schemaFields } from '#core/schema-fields';
import { validateAnswers } from '#core/form-validation';
import type { JsonObject } from '#schemas/api';

export interface DroppedField {
  pointer: string;
  reason: 'not-in-form' | 'invalid';
  value: unknown;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function prune(value: unknown, pointer: string, pattern: string, known: Set<string>, prefixes: Set<string>, dropped: DroppedField[]): unknown {
  if (value !== null && typeof value === 'object') {
    if (!prefixes.has(pattern) && !known.has(pattern)) {
      dropped.push({ pointer, reason: 'not-in-form', value });
      return undefined;
    }
    if (known.has(pattern)) return value; // a leaf of type object/array kept whole
    if (Array.isArray(value)) {
      return value.map((item, i) => prune(item, `${pointer}/${i}`, `${pattern}/*`, known, prefixes, dropped)).filter((v) => v !== undefined);
    }
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const kept = prune(child, `${pointer}/${escape(key)}`, `${pattern}/${escape(key)}`, known, prefixes, dropped);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  if (!known.has(pattern)) {
    dropped.push({ pointer, reason: 'not-in-form', value });
    return undefined;
  }
  return value;
}

function removeAt(doc: JsonObject, pointer: string): unknown {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  for (const part of parts.slice(0, -1)) node = (node as Record<string, unknown>)?.[part];
  const last = parts.at(-1);
  if (node === null || typeof node !== 'object' || last === undefined) return undefined;
  const value = (node as Record<string, unknown>)[last];
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete (node as Record<string, unknown>)[last];
  return value;
}

/** Keeps what the current form can hold; returns what was dropped and why. */
export function carryForward(previous: JsonObject, cacheKey: string, schema: JsonObject): { answers: JsonObject; dropped: DroppedField[] } {
  const fields = schemaFields(schema);
  const known = new Set(fields.map((f) => f.pointer));
  const prefixes = new Set<string>(['']);
  for (const f of fields) {
    const parts = f.pointer.split('/');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('/'));
  }
  const dropped: DroppedField[] = [];
  const answers = (prune(structuredClone(previous), '', '', known, prefixes, dropped) ?? {}) as JsonObject;
  // Values the form still names but no longer accepts (a retired choice, a retyped number).
  // Remove deepest first so array indices of earlier errors stay valid.
  const invalid = validateAnswers(cacheKey, schema, answers, 'draft')
    .map((e) => e.pointer)
    .filter((p) => p !== '')
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  for (const pointer of new Set(invalid)) {
    const value = removeAt(answers, pointer);
    if (value !== undefined) dropped.push({ pointer, reason: 'invalid', value });
  }
  return { answers, dropped };
}
