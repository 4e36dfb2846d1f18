// How people name what a form's JSON Schema holds: a JSON pointer as the Danish titles on its
// way ("Rehabilitering › Antal henviste", a list item as "punkt 2"), and a stored value as its
// label (a choice's title, "Ja"/"Nej"). Pure and schema-driven, for error details and the
// printable report alike.
export type SchemaNode = Record<string, unknown>;

export const isNode = (v: unknown): v is SchemaNode => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export const pointerSegments = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The Danish titles from the root to the value at `pointer`; a list item is "punkt N" (1-based). */
export function titlePath(schema: unknown, pointer: string): string[] {
  const out: string[] = [];
  let node: unknown = schema;
  for (const seg of pointerSegments(pointer)) {
    if (!isNode(node)) {
      out.push(seg);
      continue;
    }
    if (isNode(node['items']) && /^\d+$/.test(seg)) {
      out.push(`punkt ${Number(seg) + 1}`);
      node = node['items'];
      continue;
    }
    const properties = node['properties'];
    const child = isNode(properties) && Object.hasOwn(properties, seg) ? properties[seg] : undefined;
    out.push((isNode(child) && str(child['title'])) || seg);
    node = child;
  }
  return out;
}

/** "Rehabilitering › Antal henviste": how a field is named in a sentence. */
export const fieldName = (schema: unknown, pointer: string): string => titlePath(schema, pointer).join(' › ') || 'Indberetningen';

/** The options of a choice field (`oneOf`/`anyOf` of consts, or `enum`), in schema order. */
export function choiceOptions(node: SchemaNode): { value: unknown; label: string }[] | undefined {
  const branches = node['oneOf'] ?? node['anyOf'];
  if (Array.isArray(branches) && branches.every((b) => isNode(b) && 'const' in b)) {
    return (branches as SchemaNode[]).map((b) => ({ value: b['const'], label: str(b['title']) ?? String(b['const']) }));
  }
  if (Array.isArray(node['enum'])) return (node['enum'] as unknown[]).map((v) => ({ value: v, label: String(v) }));
  return undefined;
}

// Made on first use: the formatter loads ICU's Danish data, which a cold start need not pay for.
let numbers: Intl.NumberFormat | undefined;

/** A leaf value as a reader reads it: the choice's label, "Ja"/"Nej", or the value itself. */
export function valueLabel(node: SchemaNode | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  const options = node ? choiceOptions(node) : undefined;
  const option = options?.find((o) => o.value === value);
  if (option) return option.label;
  if (typeof value === 'number') return (numbers ??= new Intl.NumberFormat('da-DK', { maximumFractionDigits: 20 })).format(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
