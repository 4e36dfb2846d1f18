// A form as a spreadsheet, in the spirit of XLSForm (https://xlsform.org): a `survey` sheet with
// one row per question (and `begin group`/`end group`, `begin repeat`/`end repeat` around
// sections and lists of items), a `choices` sheet with the answer options, and a `settings`
// sheet with the form's id, version, title and description. This module converts such a sheet
// (as plain rows of cells: no workbook library here) to the form's JSON Schema with its `x-`
// annotations, and back. The format is documented in forms/README.md.
//
// The JSON it writes is canonical: keys in the order the shipped forms use, so a shipped schema
// converts to a sheet and back byte for byte. Every problem names the sheet, row and column, in
// Danish, as the person who edits the sheet in Excel or LibreOffice sees them.

export type Cell = string | number | boolean | null | undefined;
/** One sheet: the header row first, as Excel numbers them (row 1 is `rows[0]`). */
export type SheetRows = Cell[][];

export interface FormSheet {
  survey: SheetRows;
  choices: SheetRows;
  settings: SheetRows;
}

export type SheetName = keyof FormSheet;

export interface SheetProblem {
  sheet: SheetName;
  /** 1-based, as the spreadsheet shows it; 0 when the sheet itself is missing. */
  row: number;
  column?: string;
  message: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const schemaId = (formId: string, version: number) => `https://statusportalen.sst.dk/forms/${formId}/v${version}.schema.json`;

/** The columns of each sheet, in the order an exported sheet has them. */
export const SURVEY_COLUMNS = ['type', 'name', 'label', 'hint', 'required', 'min', 'max', 'pattern', 'unit', 'unit_field', 'target', 'better', 'aggregate', 'summary', 'order', 'item_key', 'item_label', 'item_hint'] as const;
export const CHOICE_COLUMNS = ['list_name', 'name', 'label', 'better', 'aggregate'] as const;
export const SETTINGS_COLUMNS = ['form_id', 'version', 'form_title', 'form_description', 'respondents', 'plan'] as const;
type SurveyColumn = (typeof SURVEY_COLUMNS)[number];

/** The question types, by their Danish names. */
export const QUESTION_TYPES = ['tekst', 'lang tekst', 'e-mail', 'dato', 'tal', 'heltal', 'valg', 'flervalg'] as const;
type QuestionType = (typeof QUESTION_TYPES)[number];

/** Defaults of `max` (characters) where README's conventions give one. */
const DEFAULT_MAX_LENGTH: Partial<Record<QuestionType, number>> = { 'lang tekst': 10_000, 'e-mail': 254 };

const SUMMARY_WORDS: Record<string, string> = {
  'optælling': 'choice',
  'optaelling': 'choice',
  'valg': 'choice',
  'choice': 'choice',
  'tal': 'number',
  'number': 'number',
  'tekst': 'text',
  'text': 'text',
  'ingen': 'none',
  'none': 'none',
};
const SUMMARY_OUT: Record<string, string> = { choice: 'optælling', number: 'tal', text: 'tekst', none: 'ingen' };

/** `better` → x-better: which side of a target is better. */
const BETTER_WORDS: Record<string, 'higher' | 'lower'> = { 'højere': 'higher', 'hoejere': 'higher', 'higher': 'higher', 'lavere': 'lower', 'lower': 'lower' };
const BETTER_OUT = { higher: 'højere', lower: 'lavere' } as const;
/** `aggregate` → x-aggregate: how a figure combines across organisations. */
const AGGREGATE_WORDS: Record<string, 'sum' | 'mean' | 'median' | 'none'> = { 'sum': 'sum', 'gennemsnit': 'mean', 'mean': 'mean', 'median': 'median', 'ingen': 'none', 'none': 'none' };
const AGGREGATE_OUT = { sum: 'sum', mean: 'gennemsnit', median: 'median', none: 'ingen' } as const;

type Annotations = { 'x-better'?: 'higher' | 'lower'; 'x-aggregate'?: 'sum' | 'mean' | 'median' | 'none' };

/** The `better` and `aggregate` cells of a row as the schema's annotations, each checked. */
function readAnnotations(r: Reader): Annotations {
  const out: Annotations = {};
  const better = r.text('better');
  if (better !== '') {
    const b = BETTER_WORDS[better.toLowerCase()];
    if (b) out['x-better'] = b;
    else r.problem('better', `Skriv »højere« eller »lavere« (hvad der er bedst i forhold til målet), ikke »${better}«.`);
  }
  const aggregate = r.text('aggregate');
  if (aggregate !== '') {
    const a = AGGREGATE_WORDS[aggregate.toLowerCase()];
    if (a) out['x-aggregate'] = a;
    else r.problem('aggregate', `Skriv »sum«, »gennemsnit«, »median« eller »ingen« (hvordan tallet lægges sammen på tværs af organisationer), ikke »${aggregate}«.`);
  }
  return out;
}

const annotationCells = (node: Record<string, unknown>): { better: Cell; aggregate: Cell } => ({
  better: BETTER_OUT[node['x-better'] as keyof typeof BETTER_OUT] ?? (node['x-better'] as Cell) ?? null,
  aggregate: AGGREGATE_OUT[node['x-aggregate'] as keyof typeof AGGREGATE_OUT] ?? (node['x-aggregate'] as Cell) ?? null,
});

/** Which `summary` values a type may have, its default first. */
const SUMMARIES: Record<QuestionType, string[]> = {
  'tekst': ['text', 'none'],
  'lang tekst': ['text', 'none'],
  'e-mail': ['none', 'text'],
  'dato': ['text', 'none'],
  'tal': ['number', 'none'],
  'heltal': ['number', 'none'],
  'valg': ['choice', 'none'],
  'flervalg': ['choice', 'none'],
};

/** The columns each kind of row may fill in (besides type, name, label, hint, required). */
const ALLOWED: Record<string, SurveyColumn[]> = {
  'tekst': ['min', 'max', 'pattern', 'summary'],
  'lang tekst': ['min', 'max', 'summary'],
  'e-mail': ['max', 'summary'],
  'dato': ['summary'],
  'tal': ['min', 'max', 'unit', 'unit_field', 'target', 'better', 'aggregate', 'summary'],
  'heltal': ['min', 'max', 'unit', 'unit_field', 'target', 'better', 'aggregate', 'summary'],
  'valg': ['summary'],
  'flervalg': ['min', 'max', 'summary'],
  'begin group': ['order'],
  'begin repeat': ['min', 'max', 'order', 'item_key', 'item_label', 'item_hint'],
};
const ALWAYS: SurveyColumn[] = ['type', 'name', 'label', 'hint', 'required'];

const TYPE_ALIASES: Record<string, string> = {
  'begin_group': 'begin group',
  'begin sektion': 'begin group',
  'end_group': 'end group',
  'slut sektion': 'end group',
  'begin_repeat': 'begin repeat',
  'begin liste af elementer': 'begin repeat',
  'end_repeat': 'end repeat',
  'slut liste af elementer': 'end repeat',
  'email': 'e-mail',
  'lang_tekst': 'lang tekst',
};

const NAME = /^[a-z][a-z0-9_]{0,63}$/;
const CHOICE_NAME = /^[a-z0-9][a-z0-9_]{0,99}$/;
const LIST_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const YES = new Set(['ja', 'yes', 'true', 'x', '1', 'sand']);
const NO = new Set(['', 'nej', 'no', 'false', '0', 'falsk']);

/** »survey«, række 7, kolonne »type«: …, the way every problem is shown to a person. */
export function describeProblem(p: SheetProblem): string {
  const where = p.row === 0 ? `Arket »${p.sheet}«` : `Arket »${p.sheet}«, række ${p.row}${p.column ? `, kolonne »${p.column}«` : ''}`;
  return `${where}: ${p.message}`;
}

export class SheetError extends Error {
  constructor(readonly problems: SheetProblem[]) {
    super(problems.map(describeProblem).join('\n'));
    this.name = 'SheetError';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading cells

const text = (v: Cell): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v));

interface Table {
  sheet: SheetName;
  /** Column name → index. */
  columns: Map<string, number>;
  /** Data rows with their 1-based row numbers; empty rows left out. */
  rows: { row: number; cells: Cell[] }[];
}

const normColumn = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');

function readTable(sheet: SheetName, rows: SheetRows | undefined, known: readonly string[], required: readonly string[], problems: SheetProblem[]): Table | undefined {
  if (!rows || rows.length === 0) {
    if (required.length > 0) problems.push({ sheet, row: 0, message: `Arket mangler. Det skal have kolonnerne ${required.map((c) => `»${c}«`).join(', ')} i første række.` });
    return undefined;
  }
  const columns = new Map<string, number>();
  (rows[0] ?? []).forEach((h, i) => {
    const name = normColumn(text(h));
    if (name === '') return;
    const canonical = name === 'list_name' || name === 'listname' ? 'list_name' : name;
    if (!known.includes(canonical)) {
      problems.push({ sheet, row: 1, column: text(h), message: `Ukendt kolonne. Brug ${known.map((c) => `»${c}«`).join(', ')}.` });
      return;
    }
    if (columns.has(canonical)) {
      problems.push({ sheet, row: 1, column: text(h), message: 'Kolonnen findes to gange.' });
      return;
    }
    columns.set(canonical, i);
  });
  for (const c of required) if (!columns.has(c)) problems.push({ sheet, row: 1, message: `Kolonnen »${c}« mangler i første række.` });
  const data = rows
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells: cells ?? [] }))
    .filter(({ cells }) => cells.some((c) => text(c) !== ''));
  return { sheet, columns, rows: data };
}

const cellOf = (t: Table, cells: Cell[], column: string): Cell => {
  const i = t.columns.get(column);
  return i === undefined ? undefined : cells[i];
};

type Reader = {
  text: (column: string) => string;
  raw: (column: string) => Cell;
  problem: (column: string | undefined, message: string) => void;
};

function reader(t: Table, row: number, cells: Cell[], problems: SheetProblem[]): Reader {
  return {
    text: (column) => text(cellOf(t, cells, column)),
    raw: (column) => cellOf(t, cells, column),
    problem: (column, message) => problems.push({ sheet: t.sheet, row, ...(column ? { column } : {}), message }),
  };
}

/** A number as a person types it in a Danish spreadsheet: a numeric cell, or text with a decimal comma. */
function readNumber(r: Reader, column: string, opts: { integer?: boolean; min?: number } = {}): number | undefined {
  const raw = r.raw(column);
  const s = text(raw);
  if (s === '') return undefined;
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (/^-?\d+(,\d+)?$/.test(s.replace(/\s/g, ''))) n = Number(s.replace(/\s/g, '').replace(',', '.'));
  else {
    r.problem(column, s.includes('.') ? `»${s}« er ikke et tal: skriv det uden punktum, og brug komma som decimaltegn.` : `»${s}« er ikke et tal.`);
    return undefined;
  }
  if (!Number.isFinite(n)) {
    r.problem(column, `»${s}« er ikke et tal.`);
    return undefined;
  }
  if (opts.integer && !Number.isInteger(n)) {
    r.problem(column, `Skal være et helt tal, ikke ${s}.`);
    return undefined;
  }
  if (opts.min !== undefined && n < opts.min) {
    r.problem(column, `Skal være mindst ${opts.min}.`);
    return undefined;
  }
  return n;
}

function readYes(r: Reader, column: string): boolean {
  const s = r.text(column).toLowerCase();
  if (YES.has(s)) return true;
  if (!NO.has(s)) r.problem(column, `Skriv »ja« eller lad feltet være tomt, ikke »${r.text(column)}«.`);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Sheet → schema

interface Container {
  kind: 'root' | 'group' | 'repeat';
  row: number;
  name: string;
  /** The object whose `properties` the rows inside fill. */
  object: JsonObject;
  properties: JsonObject;
  required: string[];
  /** The array node of a repeat. */
  array?: JsonObject;
  itemKey?: { name: string; row: number };
  /** Number fields' references to siblings, checked when the container closes. */
  refs: { row: number; column: string; name: string; want: 'text' | 'number' }[];
  /** Choice questions whose options carry `better`/`aggregate`: only a list's item key may. */
  annotatedChoices?: { row: number; name: string; list: string }[];
}

function newObject(title: string | undefined, description: string | undefined): { object: JsonObject; properties: JsonObject } {
  const properties: JsonObject = {};
  const object: JsonObject = { type: 'object' };
  if (title) object['title'] = title;
  if (description) object['description'] = description;
  return { object, properties };
}

/** `properties`, `required` and `additionalProperties` last, in that order, as the shipped forms have them. */
function closeObject(c: Container): void {
  c.object['properties'] = c.properties;
  if (c.required.length > 0) c.object['required'] = c.required;
  c.object['additionalProperties'] = false;
}

function checkRefs(c: Container, problems: SheetProblem[]): void {
  for (const ref of c.refs) {
    const sibling = c.properties[ref.name] as JsonObject | undefined;
    const type = sibling?.['type'];
    const ok = ref.want === 'text' ? type === 'string' && !sibling?.['oneOf'] : type === 'number' || type === 'integer';
    if (!ok) {
      const what = ref.want === 'text' ? 'et tekstfelt' : 'et talfelt';
      problems.push({ sheet: 'survey', row: ref.row, column: ref.column, message: `»${ref.name}« skal være ${what} i samme sektion eller liste.` });
    }
  }
  for (const use of c.annotatedChoices ?? []) {
    if (c.itemKey?.name !== use.name) {
      problems.push({
        sheet: 'survey',
        row: use.row,
        column: 'type',
        message: `Svarene i listen »${use.list}« har »better« eller »aggregate« på arket »choices«. Det kan kun bruges, når spørgsmålet er nøglefeltet (item_key) i en liste af elementer.`,
      });
    }
  }
  if (c.itemKey) {
    const key = c.properties[c.itemKey.name] as JsonObject | undefined;
    if (!key) problems.push({ sheet: 'survey', row: c.itemKey.row, column: 'item_key', message: `Listen har intet felt »${c.itemKey.name}«.` });
    else if (!key['oneOf'] || key['type'] !== 'string' || !c.required.includes(c.itemKey.name)) {
      problems.push({ sheet: 'survey', row: c.itemKey.row, column: 'item_key', message: `»${c.itemKey.name}« skal være et krævet felt af typen »valg«.` });
    }
  }
}

type Choice = { const: string; title: string } & Annotations;
type Choices = Map<string, Choice[]>;

function readChoices(t: Table | undefined, problems: SheetProblem[]): Choices {
  const lists: Choices = new Map();
  if (!t) return lists;
  for (const { row, cells } of t.rows) {
    const r = reader(t, row, cells, problems);
    const list = r.text('list_name');
    const name = r.text('name');
    const label = r.text('label');
    if (!LIST_NAME.test(list)) r.problem('list_name', list === '' ? 'Skal udfyldes.' : `»${list}« er ikke et gyldigt listenavn (små bogstaver a–z, tal og _, begynder med et bogstav).`);
    if (!CHOICE_NAME.test(name)) r.problem('name', name === '' ? 'Skal udfyldes.' : `»${name}« er ikke et gyldigt navn (små bogstaver a–z, tal og _; æ, ø og å skrives ae, oe og aa).`);
    if (label === '') r.problem('label', 'Skal udfyldes.');
    const options = lists.get(list) ?? [];
    if (options.some((o) => o.const === name)) r.problem('name', `Listen »${list}« har allerede et svar med navnet »${name}«.`);
    options.push({ const: name, title: label, ...readAnnotations(r) });
    lists.set(list, options);
  }
  return lists;
}

export interface SheetSettings {
  formId: string | undefined;
  version: number | undefined;
  title: string;
  description: string | undefined;
  /** Who answers the form; needed only for a new form (the form's manifest, not its schema). */
  respondentKind?: 'region' | 'municipality' | undefined;
  plan?: 'kraeftplan-v' | 'psykiatriplan' | undefined;
}

const RESPONDENTS: Record<string, 'region' | 'municipality'> = { region: 'region', regioner: 'region', kommune: 'municipality', kommuner: 'municipality', municipality: 'municipality' };
const RESPONDENTS_OUT = { region: 'regioner', municipality: 'kommuner' } as const;
const PLANS = ['kraeftplan-v', 'psykiatriplan'] as const;

function readSettings(t: Table | undefined, problems: SheetProblem[]): SheetSettings {
  const first = t?.rows[0];
  if (!t || !first) {
    if (t) problems.push({ sheet: 'settings', row: 2, column: 'form_title', message: 'Række 2 skal give skemaets titel.' });
    return { formId: undefined, version: undefined, title: '', description: undefined };
  }
  const r = reader(t, first.row, first.cells, problems);
  const formId = r.text('form_id');
  if (formId !== '' && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(formId)) r.problem('form_id', `»${formId}« er ikke et gyldigt skema-id (små bogstaver a–z, tal og bindestreg).`);
  const version = readNumber(r, 'version', { integer: true, min: 1 });
  const title = r.text('form_title');
  if (title === '') r.problem('form_title', 'Skal udfyldes.');
  for (const extra of t.rows.slice(1)) problems.push({ sheet: 'settings', row: extra.row, message: 'Arket har kun én række under overskrifterne.' });
  const respondents = r.text('respondents').toLowerCase();
  const respondentKind = respondents === '' ? undefined : RESPONDENTS[respondents];
  if (respondents !== '' && !respondentKind) r.problem('respondents', `Skriv »regioner« eller »kommuner«, ikke »${r.text('respondents')}«.`);
  const planText = r.text('plan').toLowerCase();
  const plan = PLANS.find((p) => p === planText);
  if (planText !== '' && !plan) r.problem('plan', `Skriv ${PLANS.map((p) => `»${p}«`).join(' eller ')}, ikke »${r.text('plan')}«.`);
  return { formId: formId || undefined, version, title, description: r.text('form_description') || undefined, respondentKind, plan };
}

function parseType(raw: string): { type: string; list?: string } {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const m = /^(valg|flervalg) (\S+)$/.exec(s);
  if (m) return { type: m[1]!, list: m[2]! };
  return { type: TYPE_ALIASES[s] ?? s };
}

export interface SheetResult {
  schema: JsonObject;
  settings: SheetSettings;
}

/**
 * Converts a form sheet to its JSON Schema. `version` overrides the settings sheet's version in
 * `$id` (the server numbers what it publishes). Throws `SheetError` with every problem found.
 */
export function sheetToSchema(sheet: Partial<FormSheet>, options: { version?: number; formId?: string } = {}): SheetResult {
  const problems: SheetProblem[] = [];
  const survey = readTable('survey', sheet.survey, SURVEY_COLUMNS, ['type', 'name', 'label'], problems);
  const choices = readChoices(readTable('choices', sheet.choices, CHOICE_COLUMNS, ['list_name', 'name', 'label'], problems), problems);
  const settings = readSettings(readTable('settings', sheet.settings, SETTINGS_COLUMNS, ['form_title'], problems), problems);
  if (options.formId && settings.formId && settings.formId !== options.formId) {
    problems.push({ sheet: 'settings', row: 2, column: 'form_id', message: `Regnearket er til skemaet »${settings.formId}«, ikke »${options.formId}«.` });
  }
  const formId = options.formId ?? settings.formId;
  const version = options.version ?? settings.version;

  const rootTop = newObject(undefined, undefined);
  const root: Container = { kind: 'root', row: 1, name: '', object: rootTop.object, properties: rootTop.properties, required: [], refs: [] };
  const stack: Container[] = [root];
  const usedLists = new Set<string>();

  for (const { row, cells } of survey?.rows ?? []) {
    const r = reader(survey!, row, cells, problems);
    const top = stack.at(-1)!;
    const rawType = r.text('type');
    const { type, list } = parseType(rawType);
    if (type === 'end group' || type === 'end repeat') {
      const want = type === 'end group' ? 'group' : 'repeat';
      for (const c of ALWAYS.slice(1).concat(SURVEY_COLUMNS.filter((c) => !ALWAYS.includes(c)))) {
        if (r.text(c) !== '') r.problem(c, `»${type}« har ingen ${c === 'name' ? 'navn' : 'værdi i denne kolonne'}; lad feltet være tomt.`);
      }
      if (top.kind !== want) {
        r.problem('type', top.kind === 'root' ? `»${type}« uden et »begin ${want}« før.` : `»${type}« afslutter »begin ${top.kind}« fra række ${top.row}; skriv »end ${top.kind}« først.`);
        continue;
      }
      checkRefs(top, problems);
      closeObject(top);
      stack.pop();
      continue;
    }
    const allowed = ALLOWED[type];
    if (!allowed) {
      r.problem('type', rawType === '' ? 'Skal udfyldes.' : `Ukendt type »${rawType}«. Brug en af: ${QUESTION_TYPES.map((q) => (q === 'valg' || q === 'flervalg' ? `${q} <liste>` : q)).join(', ')}, begin group, end group, begin repeat, end repeat.`);
      continue;
    }
    if ((type === 'valg' || type === 'flervalg') && !list) {
      r.problem('type', `Skriv listens navn efter »${type}«, fx »${type} status«, og svarene på arket »choices«.`);
      continue;
    }
    for (const c of SURVEY_COLUMNS) {
      if (!ALWAYS.includes(c) && !allowed.includes(c) && r.text(c) !== '') r.problem(c, `Kolonnen bruges ikke ved typen »${type}«; lad feltet være tomt.`);
    }
    const name = r.text('name');
    if (!NAME.test(name)) {
      r.problem('name', name === '' ? 'Skal udfyldes.' : `»${name}« er ikke et gyldigt navn (små bogstaver a–z, tal og _, begynder med et bogstav; æ, ø og å skrives ae, oe og aa).`);
    } else if (Object.hasOwn(top.properties, name)) {
      r.problem('name', `Navnet »${name}« er allerede brugt i ${top.kind === 'root' ? 'skemaet' : `»${top.name}«`}.`);
    }
    const label = r.text('label');
    if (label === '') r.problem('label', 'Skal udfyldes.');
    const hint = r.text('hint') || undefined;
    const required = readYes(r, 'required');
    const place = (node: JsonObject) => {
      if (!NAME.test(name) || Object.hasOwn(top.properties, name)) return;
      top.properties[name] = node;
      if (required) top.required.push(name);
    };
    const order = allowed.includes('order') ? readNumber(r, 'order', { integer: true }) : undefined;
    if (order !== undefined && top.kind !== 'root') r.problem('order', 'Kun sektioner direkte i skemaet har en rækkefølge.');

    if (type === 'begin group' || type === 'begin repeat') {
      const head: JsonObject = { type: type === 'begin group' ? 'object' : 'array' };
      head['title'] = label;
      if (hint) head['description'] = hint;
      if (order !== undefined && top.kind === 'root') head['x-order'] = order;
      let container: Container;
      if (type === 'begin group') {
        container = { kind: 'group', row, name, object: head, properties: {}, required: [], refs: [] };
      } else {
        const min = readNumber(r, 'min', { integer: true, min: 0 });
        const max = readNumber(r, 'max', { integer: true, min: 1 });
        if (max === undefined && r.text('max') === '') r.problem('max', 'Skriv det største antal elementer, listen må have.');
        if (min !== undefined && max !== undefined && min > max) r.problem('min', `Må ikke være større end »max« (${max}).`);
        if (min !== undefined) head['minItems'] = min;
        if (max !== undefined) head['maxItems'] = max;
        const itemKey = r.text('item_key');
        if (itemKey) head['x-item-key'] = itemKey;
        const item = newObject(r.text('item_label') || undefined, r.text('item_hint') || undefined);
        head['items'] = item.object;
        container = { kind: 'repeat', row, name, object: item.object, properties: {}, required: [], refs: [], array: head, ...(itemKey ? { itemKey: { name: itemKey, row } } : {}) };
      }
      place(head);
      stack.push(container);
      continue;
    }

    // A question.
    const q = type as QuestionType;
    const node: JsonObject = { type: q === 'tal' ? 'number' : q === 'heltal' ? 'integer' : q === 'flervalg' ? 'array' : 'string' };
    node['title'] = label;
    if (hint) node['description'] = hint;
    const summaryText = r.text('summary').toLowerCase();
    const summaries = SUMMARIES[q];
    let summary = summaries[0]!;
    if (summaryText !== '') {
      const s = SUMMARY_WORDS[summaryText];
      if (!s || !summaries.includes(s)) r.problem('summary', `»${r.text('summary')}« kan ikke bruges ved typen »${q}«. Brug ${summaries.map((x) => `»${SUMMARY_OUT[x]}«`).join(' eller ')}.`);
      else summary = s;
    }
    let options: Choice[] | undefined;
    if (list) {
      options = choices.get(list);
      usedLists.add(list);
      if (!options) r.problem('type', `Arket »choices« har ingen liste »${list}«.`);
    }
    if (q === 'tekst' || q === 'lang tekst' || q === 'e-mail') {
      if (q === 'e-mail') node['format'] = 'email';
      const pattern = r.text('pattern');
      if (pattern) {
        try {
          new RegExp(pattern, 'u');
          node['pattern'] = pattern;
        } catch {
          r.problem('pattern', 'Mønsteret er ikke et gyldigt regulært udtryk.');
        }
      }
      const min = readNumber(r, 'min', { integer: true, min: 0 });
      const max = readNumber(r, 'max', { integer: true, min: 1 }) ?? (r.text('max') === '' ? DEFAULT_MAX_LENGTH[q] : undefined);
      if (max === undefined && r.text('max') === '') r.problem('max', 'Skriv det største antal tegn, svaret må have.');
      if (min !== undefined && max !== undefined && min > max) r.problem('min', `Må ikke være større end »max« (${max}).`);
      if (min !== undefined) node['minLength'] = min;
      if (max !== undefined) node['maxLength'] = max;
      node['x-summary'] = summary;
      if (q === 'lang tekst') node['x-widget'] = 'textarea';
    } else if (q === 'dato') {
      node['format'] = 'date';
      node['x-summary'] = summary;
    } else if (q === 'valg') {
      if (options) node['oneOf'] = options.map((o) => ({ ...o }));
      node['x-summary'] = summary;
      if (list && options?.some((o) => o['x-better'] || o['x-aggregate'])) (top.annotatedChoices ??= []).push({ row, name, list });
    } else if (q === 'flervalg') {
      const min = readNumber(r, 'min', { integer: true, min: 0 });
      const max = readNumber(r, 'max', { integer: true, min: 1 });
      if (min !== undefined && max !== undefined && min > max) r.problem('min', `Må ikke være større end »max« (${max}).`);
      if (min !== undefined) node['minItems'] = min;
      if (max !== undefined) node['maxItems'] = max;
      node['uniqueItems'] = true;
      node['items'] = { type: 'string', ...(options ? { oneOf: options.map((o) => ({ ...o })) } : {}) };
      node['x-summary'] = summary;
      if (list && options?.some((o) => o['x-better'] || o['x-aggregate'])) (top.annotatedChoices ??= []).push({ row, name, list });
    } else {
      const integer = q === 'heltal';
      const min = readNumber(r, 'min', { integer });
      const max = readNumber(r, 'max', { integer });
      if (min !== undefined && max !== undefined && min > max) r.problem('min', `Må ikke være større end »max« (${max}).`);
      if (min !== undefined) node['minimum'] = min;
      if (max !== undefined) node['maximum'] = max;
      node['x-summary'] = summary;
      const unit = r.text('unit');
      const unitField = r.text('unit_field');
      if (unit && unitField) r.problem('unit_field', 'Brug enten »unit« eller »unit_field«, ikke begge.');
      if (unit) node['x-unit'] = unit;
      const target = r.raw('target');
      const targetText = text(target);
      if (targetText !== '') {
        if (typeof target === 'number' || /^-?\d+(,\d+)?$/.test(targetText)) {
          const n = readNumber(r, 'target');
          if (n !== undefined) node['x-target'] = n;
        } else if (NAME.test(targetText)) {
          node['x-target'] = targetText;
          top.refs.push({ row, column: 'target', name: targetText, want: 'number' });
        } else r.problem('target', `»${targetText}« er hverken et tal eller navnet på et talfelt.`);
      }
      if (unitField && !unit) {
        node['x-unit-field'] = unitField;
        top.refs.push({ row, column: 'unit_field', name: unitField, want: 'text' });
      }
      Object.assign(node, readAnnotations(r));
    }
    place(node);
  }
  for (const open of stack.slice(1).reverse()) {
    problems.push({ sheet: 'survey', row: open.row, column: 'type', message: `»begin ${open.kind}« (»${open.name}«) afsluttes aldrig med »end ${open.kind}«.` });
  }
  if (stack.length === 1) checkRefs(root, problems);
  if (survey && Object.keys(root.properties).length === 0 && problems.length === 0) {
    problems.push({ sheet: 'survey', row: 2, message: 'Skemaet har ingen spørgsmål.' });
  }
  if (problems.length > 0) throw new SheetError(problems);

  const schema: JsonObject = { $schema: SCHEMA_DIALECT };
  if (formId && version !== undefined) schema['$id'] = schemaId(formId, version);
  schema['type'] = 'object';
  schema['title'] = settings.title;
  if (settings.description) schema['description'] = settings.description;
  closeObject(root);
  schema['properties'] = root.object['properties']!;
  if (root.required.length > 0) schema['required'] = root.required;
  schema['additionalProperties'] = false;
  return { schema, settings: { ...settings, formId, version } };
}

// ---------------------------------------------------------------------------------------------
// Schema → sheet

/** Why a schema cannot be written as a sheet: the places (JSON pointers) it uses what a sheet cannot say. */
export class NotExpressible extends Error {
  constructor(readonly reasons: { pointer: string; message: string }[]) {
    super(reasons.map((r) => `${r.pointer || '/'}: ${r.message}`).join('\n'));
    this.name = 'NotExpressible';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

interface Writer {
  rows: Cell[][];
  lists: Map<string, string>;
  choiceRows: Cell[][];
  reasons: { pointer: string; message: string }[];
}

function listFor(w: Writer, name: string, options: unknown, pointer: string): string {
  if (!Array.isArray(options) || !options.every((o) => isObj(o) && typeof o['const'] === 'string' && typeof o['title'] === 'string')) {
    w.reasons.push({ pointer, message: 'Svarmulighederne skal hver have et navn (const) og en tekst (title).' });
    return name;
  }
  const opts = options as ({ const: string; title: string } & Record<string, unknown>)[];
  const key = JSON.stringify(opts.map((o) => [o.const, o.title, o['x-better'] ?? null, o['x-aggregate'] ?? null]));
  const known = w.lists.get(key);
  if (known) return known;
  const taken = new Set(w.lists.values());
  let list = name;
  for (let i = 2; taken.has(list); i++) list = `${name}_${i}`;
  w.lists.set(key, list);
  for (const o of opts) {
    const { better, aggregate } = annotationCells(o);
    w.choiceRows.push([list, o.const, o.title, better, aggregate]);
  }
  return list;
}

function surveyRow(values: Partial<Record<SurveyColumn, Cell>>): Cell[] {
  return SURVEY_COLUMNS.map((c) => values[c] ?? null);
}

const summaryCell = (q: QuestionType, node: Record<string, unknown>): string | null => {
  const s = node['x-summary'];
  return typeof s === 'string' && s !== SUMMARIES[q][0] ? (SUMMARY_OUT[s] ?? s) : null;
};

function writeProperties(w: Writer, object: Record<string, unknown>, pointer: string, atRoot: boolean): void {
  const properties = isObj(object['properties']) ? object['properties'] : {};
  const required = Array.isArray(object['required']) ? (object['required'] as unknown[]) : [];
  for (const [name, child] of Object.entries(properties)) {
    const at = `${pointer}/properties/${esc(name)}`;
    if (!isObj(child)) {
      w.reasons.push({ pointer: at, message: 'Feltet er ikke et skema-objekt.' });
      continue;
    }
    const base = {
      name,
      label: typeof child['title'] === 'string' ? child['title'] : null,
      hint: typeof child['description'] === 'string' ? child['description'] : null,
      required: required.includes(name) ? 'ja' : null,
    };
    const type = child['type'];
    if (type === 'object') {
      w.rows.push(surveyRow({ type: 'begin group', ...base, order: atRoot ? (child['x-order'] as Cell) : null }));
      writeProperties(w, child, at, false);
      w.rows.push(surveyRow({ type: 'end group' }));
    } else if (type === 'array' && isObj(child['items']) && child['items']['type'] === 'object') {
      const items = child['items'];
      w.rows.push(
        surveyRow({
          type: 'begin repeat',
          ...base,
          min: (child['minItems'] as Cell) ?? null,
          max: (child['maxItems'] as Cell) ?? null,
          order: atRoot ? (child['x-order'] as Cell) : null,
          item_key: (child['x-item-key'] as Cell) ?? null,
          item_label: (items['title'] as Cell) ?? null,
          item_hint: (items['description'] as Cell) ?? null,
        }),
      );
      writeProperties(w, items, `${at}/items`, false);
      w.rows.push(surveyRow({ type: 'end repeat' }));
    } else if (type === 'array' && isObj(child['items'])) {
      const list = listFor(w, name, child['items']['oneOf'], `${at}/items/oneOf`);
      w.rows.push(surveyRow({ type: `flervalg ${list}`, ...base, min: (child['minItems'] as Cell) ?? null, max: (child['maxItems'] as Cell) ?? null, summary: summaryCell('flervalg', child) }));
    } else if (type === 'string' && Array.isArray(child['oneOf'])) {
      const list = listFor(w, name, child['oneOf'], `${at}/oneOf`);
      w.rows.push(surveyRow({ type: `valg ${list}`, ...base, summary: summaryCell('valg', child) }));
    } else if (type === 'string') {
      const q: QuestionType = child['format'] === 'email' ? 'e-mail' : child['format'] === 'date' ? 'dato' : child['x-widget'] === 'textarea' ? 'lang tekst' : 'tekst';
      const max = child['maxLength'];
      w.rows.push(
        surveyRow({
          type: q,
          ...base,
          min: (child['minLength'] as Cell) ?? null,
          max: max === DEFAULT_MAX_LENGTH[q] ? null : ((max as Cell) ?? null),
          pattern: (child['pattern'] as Cell) ?? null,
          summary: summaryCell(q, child),
        }),
      );
    } else if (type === 'number' || type === 'integer') {
      const q: QuestionType = type === 'number' ? 'tal' : 'heltal';
      w.rows.push(
        surveyRow({
          type: q,
          ...base,
          min: (child['minimum'] as Cell) ?? null,
          max: (child['maximum'] as Cell) ?? null,
          unit: (child['x-unit'] as Cell) ?? null,
          unit_field: (child['x-unit-field'] as Cell) ?? null,
          target: (child['x-target'] as Cell) ?? null,
          ...annotationCells(child),
          summary: summaryCell(q, child),
        }),
      );
    } else {
      w.reasons.push({ pointer: at, message: `Typen ${JSON.stringify(type ?? null)} har ingen plads i et regneark.` });
    }
  }
}

/** Deep equality with object keys in any order (a foreign schema may order its keys otherwise). */
/** The pointer of the first place two JSON values differ (key order aside), or undefined when they are equal. */
export function sameJson(a: unknown, b: unknown, pointer: string): string | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return pointer;
    for (let i = 0; i < a.length; i++) {
      const d = sameJson(a[i], b[i], `${pointer}/${i}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = sameJson(a[k], b[k], `${pointer}/${esc(k)}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : pointer;
}

/**
 * Writes a schema as a sheet. The sheet converts back to exactly this schema: anything a sheet
 * cannot say (a keyword outside the format, a missing bound) throws `NotExpressible` naming where.
 */
export function schemaToSheet(
  schema: Record<string, unknown>,
  options: { formId?: string; version?: number; respondentKind?: 'region' | 'municipality'; plan?: string } = {},
): FormSheet {
  const w: Writer = { rows: [[...SURVEY_COLUMNS]], lists: new Map(), choiceRows: [[...CHOICE_COLUMNS]], reasons: [] };
  if (schema['type'] !== 'object') throw new NotExpressible([{ pointer: '', message: 'Skemaets rod skal være et objekt.' }]);
  writeProperties(w, schema, '', true);
  if (w.reasons.length > 0) throw new NotExpressible(w.reasons);
  const id = typeof schema['$id'] === 'string' ? /\/forms\/([a-z0-9][a-z0-9-]*)\/v(\d+)\.schema\.json$/.exec(schema['$id']) : null;
  const formId = options.formId ?? id?.[1];
  const version = options.version ?? (id ? Number(id[2]) : undefined);
  const sheet: FormSheet = {
    survey: w.rows,
    choices: w.choiceRows,
    settings: [
      [...SETTINGS_COLUMNS],
      [formId ?? null, version ?? null, (schema['title'] as Cell) ?? null, (schema['description'] as Cell) ?? null, options.respondentKind ? RESPONDENTS_OUT[options.respondentKind] : null, options.plan ?? null],
    ],
  };
  let back: JsonObject;
  try {
    back = sheetToSchema(sheet).schema;
  } catch (err) {
    if (err instanceof SheetError) throw new NotExpressible(err.problems.map((p) => ({ pointer: '', message: describeProblem(p) })));
    throw err;
  }
  // `$id` and `$schema` are the sheet's to set (the form, its version number, the one dialect).
  const { $id: _id, $schema: _dialect, ...given } = schema;
  const { $id: _backId, $schema: _backDialect, ...converted } = back;
  const differs = sameJson(given, converted, '');
  if (differs !== undefined) throw new NotExpressible([{ pointer: differs, message: 'Denne del af skemaet kan ikke skrives i regnearkets format.' }]);
  return sheet;
}
