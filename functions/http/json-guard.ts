// Refuses request bodies that are valid JSON but unsafe to keep: keys that reach object
// prototypes when a body is later merged or spread (`__proto__`, `constructor`, `prototype`),
// control characters and unpaired surrogates (they break CSV, XLSX and e-mail exports and
// are never part of an honest answer), and nesting or size beyond anything a form needs (so a
// crafted body cannot make a validator or serializer recurse or loop without end).
// It runs once per request on the parsed body, before any schema sees it; iterative, so the
// guard itself cannot overflow the stack.
import { Problem, type FieldError } from '#core/problems';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 32;
export const MAX_NODES = 200_000;
const MAX_REPORTED = 20;

/** C0 controls except tab, LF and CR; DEL; and any UTF-16 surrogate not in a pair. */
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasUnsafeText = (s: string): boolean => UNSAFE_TEXT.test(s);

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Throws a 422 `invalid-body` naming every offending place as a JSON pointer. */
export function assertSafeJson(value: unknown): void {
  const errors: FieldError[] = [];
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: '', depth: 0 }];
  let nodes = 0;
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value: v, pointer, depth } = stack.pop()!;
    if (++nodes > MAX_NODES) {
      errors.push({ pointer: '', message: `Indholdet har for mange værdier (højst ${MAX_NODES}).` });
      break;
    }
    if (typeof v === 'string') {
      if (hasUnsafeText(v)) errors.push({ pointer, message: 'Teksten indeholder ugyldige tegn (kontroltegn eller et ufuldstændigt Unicode-tegn).' });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      errors.push({ pointer, message: `Indholdet er indlejret for dybt (højst ${MAX_DEPTH} niveauer).` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], pointer: `${pointer}/${i}`, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = `${pointer}/${escape(key)}`;
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push({ pointer: at, message: 'Feltnavnet er ikke tilladt.' });
        continue;
      }
      if (hasUnsafeText(key)) {
        errors.push({ pointer: at, message: 'Feltnavnet indeholder ugyldige tegn.' });
        continue;
      }
      stack.push({ value: (v as Record<string, unknown>)[key], pointer: at, depth: depth + 1 });
    }
  }
  if (errors.length > 0) throw new Problem('invalid-body', 'Indholdet indeholder noget, der ikke kan gemmes.', { errors });
}
