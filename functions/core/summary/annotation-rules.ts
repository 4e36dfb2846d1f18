// The publish check for the summary annotations `x-better` and `x-aggregate`. Ajv only knows
// that the keywords exist (forms/annotations.json); what they may say, and where, is checked
// here, in Danish, so an administrator who publishes a form that sums a percentage or a target,
// or misspells a direction, is told which field and why before a single report uses it.
import { AGGREGATES, BETTER, isShareUnit } from '#core/summary/direction';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumberType = (t: unknown): boolean => t === 'number' || t === 'integer' || (Array.isArray(t) && t.some((x) => x === 'number' || x === 'integer'));
const esc = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** Danish reasons why the schema's `x-better` / `x-aggregate` cannot be used; empty when they can. */
export function summaryAnnotationProblems(schema: unknown): string[] {
  const problems: string[] = [];
  const values = (node: Node, at: string) => {
    if ('x-better' in node && !(BETTER as readonly unknown[]).includes(node['x-better'])) {
      problems.push(`${at}: x-better skal være "higher" (højere er bedre) eller "lower" (lavere er bedre).`);
    }
    if ('x-aggregate' in node && !(AGGREGATES as readonly unknown[]).includes(node['x-aggregate'])) {
      problems.push(`${at}: x-aggregate skal være "sum", "mean", "median" eller "none".`);
    }
  };
  const walk = (node: unknown, at: string, siblings: Node | undefined, name: string | undefined, optionOfKey: boolean) => {
    if (!isNode(node)) return;
    const annotated = 'x-better' in node || 'x-aggregate' in node;
    if (annotated) {
      values(node, at || '/');
      if (!isNumberType(node['type']) && !optionOfKey) {
        problems.push(`${at || '/'}: x-better og x-aggregate hører til et talfelt (number eller integer) eller til en valgmulighed i listens nøglefelt (x-item-key).`);
      }
      if (node['x-aggregate'] === 'sum') {
        const isTarget = name !== undefined && siblings !== undefined && Object.values(siblings).some((s) => isNode(s) && s !== node && s['x-target'] === name);
        if (isTarget) problems.push(`${at}: en målværdi lægges ikke sammen på tværs af organisationer; brug x-aggregate "mean", "median" eller "none".`);
        if (typeof node['x-unit'] === 'string' && isShareUnit(node['x-unit'])) {
          problems.push(`${at}: en andel eller rate (enhed ${node['x-unit']}) lægges ikke sammen på tværs af organisationer; brug x-aggregate "mean", "median" eller "none".`);
        }
      }
    }
    const properties = node['properties'];
    if (isNode(properties)) for (const [k, child] of Object.entries(properties)) walk(child, `${at}/properties/${esc(k)}`, properties, k, false);
    if (isNode(node['items'])) {
      const items = node['items'];
      const key = typeof node['x-item-key'] === 'string' ? node['x-item-key'] : undefined;
      walk(items, `${at}/items`, undefined, undefined, false);
      const keyNode = key && isNode(items['properties']) ? (items['properties'] as Node)[key] : undefined;
      if (isNode(keyNode) && Array.isArray(keyNode['oneOf'])) {
        keyNode['oneOf'].forEach((o, i) => walk(o, `${at}/items/properties/${esc(key!)}/oneOf/${i}`, undefined, undefined, true));
      }
    }
    for (const k of ['oneOf', 'anyOf']) {
      const list = node[k];
      // Options of an item key were walked above, as options; other options must not carry the annotations.
      if (Array.isArray(list) && !optionOfKey) {
        list.forEach((o, i) => {
          const path = `${at}/${k}/${i}`;
          if (isNode(o) && ('x-better' in o || 'x-aggregate' in o) && !isKeyOption(schema, path)) {
            problems.push(`${path}: x-better og x-aggregate hører til et talfelt (number eller integer) eller til en valgmulighed i listens nøglefelt (x-item-key).`);
          }
        });
      }
    }
  };
  walk(schema, '', undefined, undefined, false);
  return problems;
}

/** Whether `path` is an option of an `x-item-key` field (`…/items/properties/<key>/oneOf/<i>`). */
function isKeyOption(root: unknown, path: string): boolean {
  const m = /^(.*)\/items\/properties\/([^/]+)\/oneOf\/\d+$/.exec(path);
  if (!m) return false;
  let node: unknown = root;
  for (const raw of m[1]!.split('/').slice(1)) {
    if (!isNode(node)) return false;
    node = node[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isNode(node) && node['x-item-key'] === m[2]!.replace(/~1/g, '/').replace(/~0/g, '~');
}
