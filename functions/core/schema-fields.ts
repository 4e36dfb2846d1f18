// Walks a form's JSON Schema into its fields (JSON pointers with their types), so a new
// version can report what was added, removed or retyped, and answers can be carried forward.
import type { FieldChange } from '#schemas/api';

export interface SchemaField {
  /** Pointer into the answers, with `*` standing for any array index. */
  pointer: string;
  type: string;
}

type Node = Record<string, unknown>;

function typeOf(node: Node): string {
  const t = node['type'];
  if (Array.isArray(t)) return t.join('|');
  if (typeof t === 'string') return t;
  return 'any';
}

export function schemaFields(schema: unknown, pointer = ''): SchemaField[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Node;
  const type = typeOf(node);
  const properties = node['properties'] as Record<string, unknown> | undefined;
  if (properties) {
    return Object.entries(properties).flatMap(([name, child]) =>
      schemaFields(child, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  if (type === 'array' && node['items'] && typeof node['items'] === 'object') {
    const inner = schemaFields(node['items'], `${pointer}/*`);
    return inner.length > 0 ? inner : [{ pointer, type }];
  }
  return pointer ? [{ pointer, type }] : [];
}

export function diffSchemas(previous: unknown, next: unknown): FieldChange[] {
  const before = new Map(schemaFields(previous).map((f) => [f.pointer, f.type]));
  const after = new Map(schemaFields(next).map((f) => [f.pointer, f.type]));
  const changes: FieldChange[] = [];
  for (const [pointer, type] of after) {
    const old = before.get(pointer);
    if (old === undefined) changes.push({ pointer, change: 'added', to: type });
    else if (old !== type) changes.push({ pointer, change: 'type-changed', from: old, to: type });
  }
  for (const [pointer, type] of before) {
    if (!after.has(pointer)) changes.push({ pointer, change: 'removed', from: type });
  }
  return changes;
}
