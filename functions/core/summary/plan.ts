// Reads a form's JSON Schema into a consolidation plan: which fields are summarised and how.
// The plan is what makes the engine schema-driven: the `x-summary`, `x-target`, `x-unit`,
// `x-unit-field`, `x-item-key`, `x-better` and `x-aggregate` annotations decide everything, so
// a new form version with new fields summarises without a code change. Plans are cached per
// form version.
import { aggregateOf, betterOf, type Aggregate, type Better, type Direction } from '#core/summary/direction';

type Node = Record<string, unknown>;

export interface Option {
  value: string;
  label: string;
  /** `x-better` / `x-aggregate` on an item-key option: they hold for the item's number fields. */
  direction?: Direction;
}

interface PlanBase {
  key: string;
  /** Property names from the enclosing object (or item) to the value. */
  path: string[];
  pointer: string;
  title: string;
  description?: string;
}

export interface ChoicePlan extends PlanBase {
  kind: 'choice';
  options: Option[];
}

export interface NumberPlan extends PlanBase {
  kind: 'number';
  unit?: string;
  /** Sibling property (same object) holding the unit. */
  unitField?: string[];
  unitFieldKey?: string;
  target?: number | { field: string; path: string[] };
  /** The field's own `x-better` / `x-aggregate`; an item's option may supply what is missing. */
  direction: Direction;
  /** Another number field of the same object names this one as its `x-target`. */
  isTarget: boolean;
}

export interface TextPlan extends PlanBase {
  kind: 'text';
}

export interface ListPlan extends PlanBase {
  kind: 'list';
  itemKey: string;
  itemKeyTitle: string;
  /** The item-key field's options, in schema order (items are listed in this order). */
  itemOptions: Option[];
  fields: FieldPlan[];
}

export type FieldPlan = ChoicePlan | NumberPlan | TextPlan | ListPlan;

export interface SectionPlan {
  key: string;
  pointer: string;
  title: string;
  description?: string;
  order: number;
  fields: FieldPlan[];
}

export interface SummaryPlan {
  title: string;
  sections: SectionPlan[];
}

const esc = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function typeOf(node: Node): string {
  const t = node['type'];
  if (Array.isArray(t)) return String(t.find((x) => x !== 'null') ?? 'null');
  return typeof t === 'string' ? t : node['oneOf'] || node['enum'] ? 'string' : node['properties'] ? 'object' : 'any';
}

function optionsOf(node: Node): Option[] | undefined {
  const oneOf = node['oneOf'] ?? node['anyOf'];
  if (Array.isArray(oneOf)) {
    const opts = (oneOf as Node[])
      .filter((o) => o && 'const' in o)
      .map((o) => {
        const direction = directionOf(o);
        return { value: String(o['const']), label: str(o['title']) ?? String(o['const']), ...(direction.better || direction.aggregate ? { direction } : {}) };
      });
    if (opts.length > 0) return opts;
  }
  if (Array.isArray(node['enum'])) return (node['enum'] as unknown[]).map((v) => ({ value: String(v), label: String(v) }));
  if (typeOf(node) === 'boolean') return [{ value: 'true', label: 'Ja' }, { value: 'false', label: 'Nej' }];
  return undefined;
}

function directionOf(node: Node): Direction {
  const better: Better | undefined = betterOf(node['x-better']);
  const aggregate: Aggregate | undefined = aggregateOf(node['x-aggregate']);
  return { ...(better ? { better } : {}), ...(aggregate ? { aggregate } : {}) };
}

function base(node: Node, key: string, path: string[], pointer: string, titlePrefix: string): PlanBase {
  const title = str(node['title']) ?? key;
  const description = str(node['description']);
  return { key, path, pointer, title: titlePrefix ? `${titlePrefix} › ${title}` : title, ...(description ? { description } : {}) };
}

/** The fields of an object node, nested objects flattened into it (their titles joined with ›). */
function objectFields(node: Node, pointer: string, prefixPath: string[] = [], titlePrefix = '', keyFrom = prefixPath.length): FieldPlan[] {
  const properties = (node['properties'] ?? {}) as Record<string, Node>;
  const out: FieldPlan[] = [];
  for (const [name, child] of Object.entries(properties)) {
    if (!child || typeof child !== 'object') continue;
    const path = [...prefixPath, name];
    const ptr = `${pointer}/${esc(name)}`;
    const key = path.slice(keyFrom).join('.');
    const type = typeOf(child);
    if (type === 'object') {
      out.push(...objectFields(child, ptr, path, base(child, key, path, ptr, titlePrefix).title, keyFrom));
      continue;
    }
    const field = fieldPlan(child, key, path, ptr, titlePrefix, properties);
    if (field) out.push(field);
  }
  return out;
}

function fieldPlan(node: Node, key: string, path: string[], pointer: string, titlePrefix: string, siblings: Record<string, Node>): FieldPlan | undefined {
  const type = typeOf(node);
  const b = base(node, key, path, pointer, titlePrefix);
  if (type === 'array') {
    const items = node['items'] as Node | undefined;
    if (!items || typeof items !== 'object') return undefined;
    if (typeOf(items) !== 'object') {
      // An array of plain values: each value counts as a choice (multi-select) or a text.
      const opts = optionsOf(items);
      return opts ? { ...b, kind: 'choice', options: opts } : node['x-summary'] === 'none' ? undefined : { ...b, kind: 'text' };
    }
    const props = (items['properties'] ?? {}) as Record<string, Node>;
    const itemKey = str(node['x-item-key']);
    const keyNode = itemKey ? props[itemKey] : undefined;
    const inner = objectFields(items, `${pointer}/*`).filter((f) => f.key !== itemKey);
    return {
      ...b,
      kind: 'list',
      itemKey: itemKey ?? '',
      itemKeyTitle: (keyNode && str(keyNode['title'])) ?? 'Element',
      itemOptions: (keyNode && optionsOf(keyNode)) ?? [],
      fields: inner,
    };
  }
  const declared = str(node['x-summary']);
  if (declared === 'none') return undefined;
  const options = optionsOf(node);
  const kind = declared ?? (options ? 'choice' : type === 'number' || type === 'integer' ? 'number' : 'text');
  if (kind === 'choice') return { ...b, kind: 'choice', options: options ?? [] };
  if (kind === 'number') {
    const isTarget = Object.values(siblings).some((s) => s && s !== node && s['x-target'] === path[path.length - 1]);
    const plan: NumberPlan = { ...b, kind: 'number', direction: directionOf(node), isTarget };
    const unit = str(node['x-unit']);
    if (unit) plan.unit = unit;
    const unitField = str(node['x-unit-field']);
    if (unitField && siblings[unitField]) {
      plan.unitField = [...path.slice(0, -1), unitField];
      plan.unitFieldKey = unitField;
    }
    const target = node['x-target'];
    if (typeof target === 'number') plan.target = target;
    else if (typeof target === 'string' && siblings[target]) plan.target = { field: target, path: [...path.slice(0, -1), target] };
    return plan;
  }
  return { ...b, kind: 'text' };
}

export function planFromSchema(schema: unknown): SummaryPlan {
  const root = (schema && typeof schema === 'object' ? schema : {}) as Node;
  const properties = (root['properties'] ?? {}) as Record<string, Node>;
  const sections: SectionPlan[] = [];
  let position = 0;
  for (const [name, node] of Object.entries(properties)) {
    position++;
    if (!node || typeof node !== 'object') continue;
    const pointer = `/${esc(name)}`;
    const order = typeof node['x-order'] === 'number' ? node['x-order'] : 1000 + position;
    const title = str(node['title']) ?? name;
    const description = str(node['description']);
    let fields: FieldPlan[];
    if (typeOf(node) === 'object') fields = objectFields(node, pointer, [name]);
    else {
      const field = fieldPlan(node, name, [name], pointer, '', properties);
      fields = field ? [field] : [];
    }
    if (fields.length === 0) continue; // e.g. contact details: nothing to consolidate
    sections.push({ key: name, pointer, title, order, fields, ...(description ? { description } : {}) });
  }
  sections.sort((a, b) => a.order - b.order);
  return { title: str(root['title']) ?? '', sections };
}

const cache = new Map<string, SummaryPlan>();

/** Plans are pure functions of an immutable form version, so one per process is enough. */
export function cachedPlan(cacheKey: string, schema: unknown): SummaryPlan {
  let plan = cache.get(cacheKey);
  if (!plan) {
    plan = planFromSchema(schema);
    cache.set(cacheKey, plan);
  }
  return plan;
}
