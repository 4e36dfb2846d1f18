// Direction and aggregation: the Danish target sentence, the defaults and guards, the publish
// check of `x-better` / `x-aggregate`, the overlay for the shipped versions, what every number
// field of every shipped form version resolves to, and JSON, CSV and HTML saying the same thing.
import { describe, expect, it } from 'vitest';
import { shippedForms } from '../../local/seed.ts';
import { buildRoundSummary } from '#core/summary/aggregate';
import { resolveDirection, targetSentence, targetVerdict } from '#core/summary/direction';
import { summaryAnnotationProblems } from '#core/summary/annotation-rules';
import { overlayFor, resolvePointer, withSummaryAnnotations } from '#core/summary/overlay';
import { checkFormSchema } from '#core/form-validation';
import { summaryCsv } from '#core/summary/csv';
import { summaryHtml } from '#core/summary/html';
import type { FieldSummary, NumberSummary, RoundSummary } from '#core/summary/model';
import overlay from '../../forms/summary-overlay.json' with { type: 'json' };
import { clone, exampleOf, schemaOf, summaryInput, type Json } from '../support/summary-fixtures.ts';

describe('the target sentence', () => {
  it('says where a lower-is-better value lies against an upper limit', () => {
    expect(targetSentence(182, 150, 'lower', 'personer')).toBe('182 personer mod et mål på højst 150: over målet');
    expect(targetVerdict(182, 150, 'lower', 'personer')).toBe('182 personer mod et mål på højst 150: over målet (ikke nået)');
    expect(targetVerdict(34, 30, 'lower', 'dage')).toBe('34 dage mod et mål på højst 30: over målet (ikke nået)');
    expect(targetVerdict(120, 150, 'lower', 'personer')).toBe('120 personer mod et mål på højst 150: under målet (nået)');
  });

  it('says where a higher-is-better value lies against a lower limit, in Danish number format', () => {
    expect(targetVerdict(71.5, 90, 'higher', '%')).toBe('71,5 % mod et mål på mindst 90: under målet (ikke nået)');
    expect(targetVerdict(95, 90, 'higher', '%')).toBe('95 % mod et mål på mindst 90: over målet (nået)');
    expect(targetVerdict(1500, 1500, 'higher')).toBe('1.500 mod et mål på mindst 1.500: på målet (nået)');
    expect(targetVerdict(150, 150, 'lower', 'personer')).toBe('150 personer mod et mål på højst 150: på målet (nået)');
  });
});

describe('resolving direction and aggregation', () => {
  const plain = { isTarget: false, units: ['borgere'], unitFromRespondent: false };
  it('defaults to higher is better, and to a sum for a count', () => {
    expect(resolveDirection({}, undefined, plain)).toEqual({ better: 'higher', aggregate: 'sum' });
  });
  it('takes the mean by default for targets, shares and units the respondents name', () => {
    expect(resolveDirection({}, undefined, { ...plain, isTarget: true })).toEqual({ better: 'higher', aggregate: 'mean' });
    expect(resolveDirection({}, undefined, { ...plain, units: ['%'] }).aggregate).toBe('mean');
    expect(resolveDirection({}, undefined, { ...plain, units: [], unitFromRespondent: true }).aggregate).toBe('mean');
  });
  it('lets the field’s own annotation win over its item’s, and the item’s over the default', () => {
    expect(resolveDirection({ better: 'higher' }, { better: 'lower', aggregate: 'median' }, plain)).toEqual({ better: 'higher', aggregate: 'median' });
    expect(resolveDirection({}, { better: 'lower' }, plain)).toEqual({ better: 'lower', aggregate: 'sum' });
  });
  it('never sums a target or a share, whatever the annotation says', () => {
    expect(resolveDirection({ aggregate: 'sum' }, undefined, { ...plain, isTarget: true }).aggregate).toBe('mean');
    expect(resolveDirection({}, { aggregate: 'sum' }, { ...plain, units: ['borgere', '%'], unitFromRespondent: true }).aggregate).toBe('mean');
  });
});

// ---------- the publish check ----------

const numberForm = (props: Record<string, Json>, extra: Json = {}): Json => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: 'Prøve',
  properties: { tal: { type: 'object', title: 'Tal', properties: props, 'x-order': 1 } },
  ...extra,
});

describe('the publish check of x-better and x-aggregate', () => {
  it('accepts every shipped form version with its summary annotations laid over it', () => {
    for (const form of shippedForms()) {
      for (const v of form.versions) {
        const annotated = withSummaryAnnotations(form.manifest.formId, v.version, v.schema);
        expect(checkFormSchema(annotated), `${form.manifest.formId} v${v.version}`).toEqual([]);
      }
    }
  });

  it('accepts the annotations inline on number fields and on an item key’s options', () => {
    const annotated = withSummaryAnnotations('psykiatriplan-status', 1, schemaOf('psykiatriplan-status'));
    expect(checkFormSchema(annotated)).toEqual([]);
    expect(checkFormSchema(numberForm({ antal: { type: 'integer', 'x-summary': 'number', 'x-unit': 'personer', 'x-better': 'lower', 'x-aggregate': 'sum' } }))).toEqual([]);
  });

  it('refuses a misspelt direction or aggregation, in Danish, naming the field', () => {
    expect(checkFormSchema(numberForm({ antal: { type: 'integer', 'x-unit': 'personer', 'x-better': 'bedre' } }))).toEqual([
      '/properties/tal/properties/antal: x-better skal være "higher" (højere er bedre) eller "lower" (lavere er bedre).',
    ]);
    expect(checkFormSchema(numberForm({ antal: { type: 'integer', 'x-unit': 'personer', 'x-aggregate': 'total' } }))).toEqual([
      '/properties/tal/properties/antal: x-aggregate skal være "sum", "mean", "median" eller "none".',
    ]);
  });

  it('refuses a sum of a target or of a percentage', () => {
    const problems = checkFormSchema(
      numberForm({
        vaerdi: { type: 'number', 'x-unit': 'personer', 'x-target': 'maal' },
        maal: { type: 'number', 'x-unit': 'personer', 'x-aggregate': 'sum' },
        andel: { type: 'number', 'x-unit': '%', 'x-aggregate': 'sum' },
      }),
    );
    expect(problems).toEqual([
      '/properties/tal/properties/maal: en målværdi lægges ikke sammen på tværs af organisationer; brug x-aggregate "mean", "median" eller "none".',
      '/properties/tal/properties/andel: en andel eller rate (enhed %) lægges ikke sammen på tværs af organisationer; brug x-aggregate "mean", "median" eller "none".',
    ]);
  });

  it('refuses the annotations on a text field or on an option of an ordinary choice', () => {
    expect(summaryAnnotationProblems(numberForm({ navn: { type: 'string', 'x-better': 'higher' } }))).toHaveLength(1);
    expect(
      summaryAnnotationProblems(numberForm({ valg: { type: 'string', oneOf: [{ const: 'a', title: 'A', 'x-better': 'lower' }] } })),
    ).toEqual(['/properties/tal/properties/valg/oneOf/0: x-better og x-aggregate hører til et talfelt (number eller integer) eller til en valgmulighed i listens nøglefelt (x-item-key).']);
  });
});

// ---------- the overlay for published versions ----------

describe('forms/summary-overlay.json', () => {
  const entries = Object.entries(overlay).filter(([k]) => k !== '$comment') as [string, { $id: string; fields: Record<string, Json> }][];

  it.each(entries)('%s names a shipped schema, and every pointer and option in it exists', (key, entry) => {
    const [formId, version] = key.split('@') as [string, string];
    const schema = schemaOf(formId, Number(version));
    expect(schema['$id']).toBe(entry.$id);
    expect(overlayFor(formId, Number(version), schema)).toBeDefined();
    for (const [pointer, a] of Object.entries(entry.fields)) {
      const node = resolvePointer(schema, pointer) as Json | undefined;
      expect(node, pointer).toBeDefined();
      for (const value of Object.keys(a['options'] ?? {})) expect((node!['oneOf'] as Json[]).map((o) => o['const']), `${pointer} option ${value}`).toContain(value);
      if (!a['options']) expect(['number', 'integer'], pointer).toContain(node!['type']);
    }
  });

  it('never edits the published schema and leaves a schema with another $id alone', () => {
    const schema = schemaOf('psykiatriplan-status');
    const before = JSON.stringify(schema);
    const annotated = withSummaryAnnotations('psykiatriplan-status', 1, schema);
    expect(JSON.stringify(schema)).toBe(before);
    expect(JSON.stringify(annotated)).toContain('"x-better":"lower"');
    const other = { ...clone(schema), $id: 'https://example.dk/other.schema.json' };
    expect(withSummaryAnnotations('psykiatriplan-status', 1, other)).toBe(other);
  });

  it('does not override an annotation the schema carries itself', () => {
    const schema = clone(schemaOf('kraeftplan-v-regional'));
    schema['properties'].initiativer.items.properties.fremdrift['x-aggregate'] = 'median';
    const annotated = withSummaryAnnotations('kraeftplan-v-regional', 1, schema) as Json;
    expect(annotated['properties'].initiativer.items.properties.fremdrift).toMatchObject({ 'x-aggregate': 'median', 'x-better': 'higher' });
  });
});

// ---------- every shipped form ----------

/** A complete answer with every item-key option present, so every item's direction shows. */
function everything(node: Json, name = ''): unknown {
  if (node['oneOf']) return (node['oneOf'] as Json[])[0]!['const'];
  switch (node['type']) {
    case 'object':
      return Object.fromEntries(Object.entries(node['properties'] as Record<string, Json>).map(([k, v]) => [k, everything(v, k)]));
    case 'array': {
      const items = node['items'] as Json;
      const key = node['x-item-key'] as string | undefined;
      if (!key) return [everything(items)];
      const options = ((items['properties'] as Record<string, Json>)[key]!['oneOf'] as Json[]).map((o) => o['const']);
      return options.map((id) => ({ ...(everything(items) as Json), [key]: id }));
    }
    case 'integer':
    case 'number':
      return 50;
    case 'boolean':
      return true;
    default:
      return name === 'enhed' ? 'antal' : name === 'email' ? 'a@example.dk' : 'Eksempeltekst.';
  }
}

/** `pointer-with-item-ids → better/aggregate` for every number field in the summary. */
function directions(fields: FieldSummary[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.kind === 'number') out[`${prefix}/${f.key}`] = `${f.better}/${f.aggregate}`;
    if (f.kind === 'list') for (const i of f.items) Object.assign(out, directions(i.fields, `${prefix}/${f.key}[${i.id}]`));
  }
  return out;
}

const KOMMUNAL = {
  'rehabilitering:/antal_henviste': 'higher/sum',
  'palliation:/antal_borgere_palliation': 'higher/sum',
  'tidlige_indsatser:/antal_rygestopforloeb': 'higher/sum',
};
const EXPECTED: Record<string, Record<string, string>> = {
  'kraeftplan-v-kommunal@1': KOMMUNAL,
  'kraeftplan-v-kommunal@2': KOMMUNAL,
  'kraeftplan-v-regional@1': Object.fromEntries(
    ['tidlig_diagnostik', 'lungekraeftscreening_pilot', 'rehabilitering_senfoelger', 'palliation', 'straalebehandling_kapacitet', 'patientraadgivning'].map((id) => [`initiativer:/initiativer[${id}]/fremdrift`, 'higher/mean']),
  ),
  'psykiatriplan-status@1': Object.fromEntries(
    ['kortere_ventetid', 'mindre_tvang', 'reduceret_overdoedelighed', 'sammenhaengende_forloeb', 'faerre_genindlaeggelser'].flatMap((goal) =>
      (
        [
          ['udredning_boern_unge_30_dage', 'higher/mean'],
          ['ventetid_voksne', 'lower/mean'],
          ['personer_baeltefikseret', 'lower/sum'],
          ['andel_tvang', 'lower/mean'],
          ['somatisk_helbredstjek', 'higher/mean'],
          ['genindlaeggelser_30_dage', 'lower/mean'],
          ['koordinationsplaner', 'higher/mean'],
        ] as const
      ).flatMap(([ind, d]) => [
        [`maal:/maal[${goal}]/indikatorer[${ind}]/vaerdi`, d],
        // The target is never summed; its direction is the indicator's (it is not judged itself).
        [`maal:/maal[${goal}]/indikatorer[${ind}]/maalvaerdi`, `${d.split('/')[0]}/mean`],
      ]),
    ),
  ),
};

describe.each(shippedForms().flatMap((f) => f.versions.map((v) => ({ formId: f.manifest.formId, kind: f.manifest.respondentKind, version: v.version, schema: v.schema as Json }))))(
  '$formId v$version',
  ({ formId, kind, version, schema }) => {
    it('resolves the direction and aggregation of every number field as annotated', () => {
      const answers = everything(schema) as Json;
      const orgId = kind === 'region' ? 'region-1081' : 'kommune-101';
      const s = buildRoundSummary(summaryInput(formId, kind as 'region' | 'municipality', [{ orgId, status: 'submitted', answers }], { version }));
      const got = Object.fromEntries(s.sections.flatMap((sec) => Object.entries(directions(sec.fields)).map(([k, v]) => [`${sec.key}:${k}`, v])));
      expect(got).toEqual(EXPECTED[`${formId}@${version}`]);
    });
  },
);

// ---------- all formats agree ----------

function psychiatry(): RoundSummary {
  const base = exampleOf('psykiatriplan-status');
  const midt = clone(base);
  midt.maal[1].indikatorer[0].vaerdi = 120;
  return buildRoundSummary(
    summaryInput('psykiatriplan-status', 'region', [
      { orgId: 'region-1081', status: 'submitted', answers: base },
      { orgId: 'region-1082', status: 'accepted', answers: midt },
    ]),
  );
}

const numberAt = (s: RoundSummary, goal: string, indicator: string, key: string): NumberSummary => {
  const maal = s.sections.find((x) => x.key === 'maal')!.fields[0]!;
  if (maal.kind !== 'list') throw new Error('maal is a list');
  const ind = maal.items.find((i) => i.id === goal)!.fields.find((f) => f.key === 'indikatorer')!;
  if (ind.kind !== 'list') throw new Error('indikatorer is a list');
  return ind.items.find((i) => i.id === indicator)!.fields.find((f) => f.key === key) as NumberSummary;
};

describe('JSON, CSV and HTML agree on targets and sums', () => {
  const s = psychiatry();
  const baelte = numberAt(s, 'mindre_tvang', 'personer_baeltefikseret', 'vaerdi');
  const csv = summaryCsv(s);
  const html = summaryHtml(s);

  it('the JSON: one of two regions meets the at-most-150 target on restraints', () => {
    expect(baelte.target).toMatchObject({ better: 'lower', met: 1, notMet: 1 });
    expect(baelte.values.map((v) => [v.orgName, v.value, v.met])).toEqual([
      ['Region Nordjylland', 182, false],
      ['Region Midtjylland', 120, true],
    ]);
  });

  it('the CSV: the same counts and each region’s sentence, and no sum of shares or targets', () => {
    const lines = csv.split('\r\n');
    const restraints = lines.filter((l) => l.includes('bæltefikseret'));
    expect(restraints).toContainEqual(expect.stringMatching(/;Antal, der når målet;Hele landet;;1;antal$/));
    expect(restraints).toContainEqual(expect.stringMatching(/;Antal, der ikke når målet;Hele landet;;1;antal$/));
    expect(restraints).toContainEqual(expect.stringMatching(/;Vurdering mod målet;Region Nordjylland;Region Nordjylland;182 personer mod et mål på højst 150: over målet \(ikke nået\);$/));
    expect(restraints).toContainEqual(expect.stringMatching(/;Sum;Hele landet;;302;personer$/));
    const udredning = lines.filter((l) => l.includes('udredt inden for 30 dage'));
    expect(udredning.some((l) => l.includes(';Gennemsnit;'))).toBe(true);
    expect(udredning.some((l) => l.includes(';Sum;')), 'a percentage is never summed').toBe(false);
    expect(lines.filter((l) => l.includes(';Målværdi;Sum;')), 'targets are never summed').toEqual([]);
    expect(csv).not.toContain('Antal på eller over målet');
  });

  it('the HTML: the median column, the sentences, and a sum only where the field adds up', () => {
    expect(html).toContain('182 personer mod et mål på højst 150: over målet');
    expect(html).toContain('Mål: hver organisations egen målværdi (lavere er bedre). Målet er nået af 1 af 2');
    expect(html).not.toContain('På eller over målet');
    // Each number table has a median column; the restraint count has a sum, the share and the targets none.
    const tables = [...html.matchAll(/<h4>([^<]*)(?:<small>[^<]*<\/small>)?<\/h4><table><thead><tr>(.*?)<\/tr>/g)].map((m): [string, string] => [m[1]!.trim(), m[2]!]);
    const heads = tables.filter(([, head]) => head.includes('Antal svar'));
    expect(heads.length).toBeGreaterThan(0);
    for (const [, head] of heads) expect(head).toContain('>Median<');
    const sums = heads.filter(([, head]) => head.includes('>Sum<')).map(([t]) => t);
    expect(sums.length).toBeGreaterThan(0);
    for (const t of sums) expect(t).toBe('Værdi');
    expect(heads.filter(([t]) => t === 'Målværdi').every(([, head]) => !head.includes('>Sum<'))).toBe(true);
  });
});
