// The summary annotations (`x-better`, `x-aggregate`) for shipped form versions published before
// those keywords existed (forms/summary-overlay.json). A published schema is never edited, and
// these keywords change no answer's validity, so they are laid over a copy of the schema when
// the summary plan is made. Only these two keywords, only on the schema whose `$id` the entry
// names, and a pointer that does not resolve changes nothing (the forms test proves every shipped
// pointer resolves).
import overlay from '../../../forms/summary-overlay.json' with { type: 'json' };

type Node = Record<string, unknown>;
type Annotations = { 'x-better'?: string; 'x-aggregate'?: string };
interface Entry {
  $id: string;
  fields: Record<string, Annotations & { options?: Record<string, Annotations> }>;
}

const KEYWORDS = ['x-better', 'x-aggregate'] as const;
const entries = overlay as unknown as Record<string, Entry | string>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

export function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (!isNode(node)) return undefined;
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return node;
}

function copyAnnotations(from: Annotations, to: Node): void {
  for (const k of KEYWORDS) if (from[k] !== undefined && to[k] === undefined) to[k] = from[k];
}

/** The overlay entry for a form version, if there is one for exactly this schema. */
export function overlayFor(formId: string, version: number, schema: unknown): Entry | undefined {
  const entry = entries[`${formId}@${version}`];
  if (!entry || typeof entry === 'string') return undefined;
  return isNode(schema) && schema['$id'] === entry.$id ? entry : undefined;
}

/**
 * The schema with the overlay's annotations added (a copy; the original is untouched). An
 * annotation the schema already has wins: a version that carries its own is never overridden.
 */
export function withSummaryAnnotations(formId: string, version: number, schema: Record<string, unknown>): Record<string, unknown> {
  const entry = overlayFor(formId, version, schema);
  if (!entry) return schema;
  const copy = structuredClone(schema);
  for (const [pointer, annotations] of Object.entries(entry.fields)) {
    const node = resolvePointer(copy, pointer);
    if (!isNode(node)) continue;
    copyAnnotations(annotations, node);
    const options = Array.isArray(node['oneOf']) ? (node['oneOf'] as unknown[]) : [];
    for (const [value, a] of Object.entries(annotations.options ?? {})) {
      const option = options.find((o) => isNode(o) && o['const'] === value);
      if (isNode(option)) copyAnnotations(a, option);
    }
  }
  return copy;
}
