// The form sheet (functions/core/form-sheet.ts, functions/formats/form-sheet-xlsx.ts): each
// shipped sheet converts to its shipped schema byte for byte, schema → sheet → schema is the
// identity (for the shipped forms and for generated ones), every mistake is told in Danish by
// sheet, row and column, and an upload that is no workbook, or inflates without end, is refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NotExpressible, SheetError, describeProblem, schemaToSheet, sheetToSchema, type Cell, type FormSheet } from '#core/form-sheet';
import { checkFormSchema } from '#core/form-validation';
import { UnreadableWorkbook, checkZip, readFormWorkbook, writeFormWorkbook } from '#functions/formats/form-sheet-xlsx';
import { zipBomb } from '../support/zip-bomb.ts';

const FORMS = fileURLToPath(new URL('../../forms/', import.meta.url));
const shipped = readdirSync(FORMS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(`${FORMS}${d.name}`).filter((f) => /^v\d+\.schema\.json$/.test(f)).map((f) => ({ formId: d.name, file: f })));

const canonical = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;

/** Trailing empty cells aside, as a spreadsheet keeps no difference between them. */
const trim = (sheet: Partial<FormSheet>) =>
  Object.fromEntries(
    Object.entries(sheet).map(([name, rows]) => [name, rows!.map((r) => { const out = r.map((c) => (c === undefined ? null : c)); while (out.length && (out.at(-1) === null || out.at(-1) === '')) out.pop(); return out; })]),
  );

function problemsOf(sheet: Partial<FormSheet>): string[] {
  try {
    sheetToSchema(sheet);
  } catch (err) {
    if (err instanceof SheetError) return err.problems.map(describeProblem);
    throw err;
  }
  throw new Error('the sheet converted without a problem');
}

const SURVEY_HEAD = ['type', 'name', 'label', 'hint', 'required', 'min', 'max', 'unit', 'target', 'unit_field', 'item_key', 'order'];
const settings: Cell[][] = [['form_id', 'version', 'form_title'], ['proeve', 1, 'Prøveskema']];
const choices: Cell[][] = [['list_name', 'name', 'label'], ['status', 'igangsat', 'Igangsat'], ['status', 'afsluttet', 'Afsluttet']];
/** A survey sheet from rows given by column name. */
const surveyOf = (...rows: Record<string, Cell>[]): Cell[][] => [SURVEY_HEAD, ...rows.map((r) => SURVEY_HEAD.map((c) => r[c] ?? null))];

describe('the shipped forms as sheets', () => {
  it('ships a sheet beside every schema version', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(4);
  });

  for (const { formId, file } of shipped) {
    const schemaText = readFileSync(`${FORMS}${formId}/${file}`, 'utf8');
    const xlsxPath = `${FORMS}${formId}/${file.replace('.schema.json', '.xlsx')}`;

    it(`${formId}/${file}: the shipped sheet converts to the shipped schema, byte for byte`, async () => {
      const sheet = await readFormWorkbook(readFileSync(xlsxPath));
      expect(canonical(sheetToSchema(sheet).schema)).toBe(schemaText);
    });

    it(`${formId}/${file}: schema → sheet → schema is the identity, and the workbook keeps the sheet`, async () => {
      const schema = JSON.parse(schemaText) as Record<string, unknown>;
      const sheet = schemaToSheet(schema);
      expect(canonical(sheetToSchema(sheet).schema)).toBe(schemaText);
      const read = await readFormWorkbook(await writeFormWorkbook(sheet));
      expect(trim(read)).toEqual(trim(sheet));
    });
  }

  it('uses one choice list for options repeated in several questions', () => {
    const schema = JSON.parse(readFileSync(`${FORMS}kraeftplan-v-kommunal/v2.schema.json`, 'utf8')) as Record<string, unknown>;
    const sheet = schemaToSheet(schema);
    const statusRows = sheet.survey.filter((r) => r[0] === 'valg status');
    expect(statusRows.length).toBe(4);
    expect(sheet.choices.filter((r) => r[0] === 'status').length).toBe(6);
  });
});

describe('a sheet with mistakes', () => {
  it('names sheet, row and column of an unknown type', () => {
    const problems = problemsOf({ settings, choices, survey: surveyOf({ type: 'begin group', name: 'kontakt', label: 'Kontakt' }, { type: 'tekts', name: 'navn', label: 'Navn', max: 200 }, { type: 'end group' }) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Arket »survey«, række 3, kolonne »type«: Ukendt type »tekts«\. Brug en af: tekst, lang tekst, e-mail, dato, tal, heltal, valg <liste>, flervalg <liste>/);
  });

  it('lists every problem at once, each at its own place', () => {
    const problems = problemsOf({
      settings,
      choices,
      survey: surveyOf(
        { type: 'begin group', name: 'Kontakt', label: 'Kontakt' },
        { type: 'tekst', name: 'navn', label: '' },
        { type: 'heltal', name: 'antal', label: 'Antal', min: 10, max: 5 },
        { type: 'valg farve', name: 'farve', label: 'Farve' },
        { type: 'tal', name: 'vaerdi', label: 'Værdi', unit: 'borgere', unit_field: 'enhed' },
      ),
    });
    expect(problems).toEqual([
      'Arket »survey«, række 2, kolonne »name«: »Kontakt« er ikke et gyldigt navn (små bogstaver a–z, tal og _, begynder med et bogstav; æ, ø og å skrives ae, oe og aa).',
      'Arket »survey«, række 3, kolonne »label«: Skal udfyldes.',
      'Arket »survey«, række 3, kolonne »max«: Skriv det største antal tegn, svaret må have.',
      'Arket »survey«, række 4, kolonne »min«: Må ikke være større end »max« (5).',
      'Arket »survey«, række 5, kolonne »type«: Arket »choices« har ingen liste »farve«.',
      'Arket »survey«, række 6, kolonne »unit_field«: Brug enten »unit« eller »unit_field«, ikke begge.',
      'Arket »survey«, række 2, kolonne »type«: »begin group« (»Kontakt«) afsluttes aldrig med »end group«.',
    ]);
  });

  it('refuses a column that means nothing for the type, rather than dropping it silently', () => {
    expect(problemsOf({ settings, choices, survey: surveyOf({ type: 'begin group', name: 's', label: 'S' }, { type: 'tekst', name: 'navn', label: 'Navn', max: 100, unit: 'kr.' }, { type: 'end group' }) })).toEqual([
      'Arket »survey«, række 3, kolonne »unit«: Kolonnen bruges ikke ved typen »tekst«; lad feltet være tomt.',
    ]);
  });

  it('refuses an end without a begin, and ends crossed', () => {
    expect(problemsOf({ settings, choices, survey: surveyOf({ type: 'end group' }) })).toEqual(['Arket »survey«, række 2, kolonne »type«: »end group« uden et »begin group« før.']);
    expect(problemsOf({ settings, choices, survey: surveyOf({ type: 'begin repeat', name: 'liste', label: 'Liste', max: 3 }, { type: 'tekst', name: 't', label: 'T', max: 9 }, { type: 'end group' }, { type: 'end repeat' }) })).toEqual([
      'Arket »survey«, række 4, kolonne »type«: »end group« afslutter »begin repeat« fra række 2; skriv »end repeat« først.',
    ]);
  });

  it('checks references to siblings: a target that is no number field, an item key that is no required choice', () => {
    const problems = problemsOf({
      settings,
      choices,
      survey: surveyOf(
        { type: 'begin repeat', name: 'maal', label: 'Mål', max: 10, item_key: 'navn' },
        { type: 'tekst', name: 'navn', label: 'Navn', max: 100, required: 'ja' },
        { type: 'tal', name: 'vaerdi', label: 'Værdi', target: 'navn' },
        { type: 'end repeat' },
      ),
    });
    expect(problems).toEqual([
      'Arket »survey«, række 4, kolonne »target«: »navn« skal være et talfelt i samme sektion eller liste.',
      'Arket »survey«, række 2, kolonne »item_key«: »navn« skal være et krævet felt af typen »valg«.',
    ]);
  });

  it('reads numbers as a Danish spreadsheet holds them, and refuses a point that may be a thousands separator', () => {
    const ok = sheetToSchema({ settings, choices, survey: surveyOf({ type: 'begin group', name: 's', label: 'S' }, { type: 'tal', name: 'pct', label: 'Andel', min: '0', max: '99,5' }, { type: 'end group' }) });
    expect((ok.schema['properties'] as any).s.properties.pct).toMatchObject({ minimum: 0, maximum: 99.5 });
    expect(problemsOf({ settings, choices, survey: surveyOf({ type: 'begin group', name: 's', label: 'S' }, { type: 'heltal', name: 'n', label: 'Antal', max: '10.000' }, { type: 'end group' }) })).toEqual([
      'Arket »survey«, række 3, kolonne »max«: »10.000« er ikke et tal: skriv det uden punktum, og brug komma som decimaltegn.',
    ]);
  });

  it('names a missing sheet, a missing column and a duplicate choice', () => {
    expect(problemsOf({ settings, survey: surveyOf({ type: 'begin group', name: 's', label: 'S' }, { type: 'end group' }) })).toContain(
      'Arket »choices«: Arket mangler. Det skal have kolonnerne »list_name«, »name«, »label« i første række.',
    );
    expect(problemsOf({ settings, choices, survey: [['type', 'name'], ['tekst', 'x']] })).toContain('Arket »survey«, række 1: Kolonnen »label« mangler i første række.');
    expect(problemsOf({ settings, choices: [...choices, ['status', 'igangsat', 'Igen']], survey: surveyOf({ type: 'begin group', name: 's', label: 'S' }, { type: 'end group' }) })).toEqual([
      'Arket »choices«, række 4, kolonne »name«: Listen »status« har allerede et svar med navnet »igangsat«.',
    ]);
  });

  it('refuses a sheet for another form when the form is given', () => {
    expect(() => sheetToSchema({ settings, choices, survey: surveyOf({ type: 'begin group', name: 's', label: 'S' }, { type: 'end group' }) }, { formId: 'andet-skema' })).toThrow(
      'Arket »settings«, række 2, kolonne »form_id«: Regnearket er til skemaet »proeve«, ikke »andet-skema«.',
    );
  });
});

describe('a schema the sheet cannot say', () => {
  it('names the place instead of exporting something that would publish differently', () => {
    const base = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: 'T', additionalProperties: false };
    const withEnum = { ...base, properties: { s: { type: 'object', title: 'S', properties: { a: { type: 'string', title: 'A', enum: ['x'], maxLength: 5, 'x-summary': 'text' } }, additionalProperties: false } } };
    expect(() => schemaToSheet(withEnum)).toThrow(NotExpressible);
    try {
      schemaToSheet(withEnum);
    } catch (err) {
      expect((err as NotExpressible).reasons).toEqual([{ pointer: '/properties/s/properties/a/enum', message: 'Denne del af skemaet kan ikke skrives i regnearkets format.' }]);
    }
    const unbounded = { ...base, properties: { s: { type: 'object', title: 'S', properties: { a: { type: 'string', title: 'A', 'x-summary': 'text' } }, additionalProperties: false } } };
    expect(() => schemaToSheet(unbounded)).toThrow(/kolonne »max«: Skriv det største antal tegn/);
  });
});

describe('uploads that are no workbook', () => {
  it('refuses bytes that are not a zip', () => {
    expect(() => checkZip(Buffer.from('type;name;label\ntekst;navn;Navn\n'))).toThrow(UnreadableWorkbook);
  });

  it('refuses a zip whose entry inflates past the budget, without inflating it all', () => {
    const zip = zipBomb();
    expect(zip.length).toBeLessThan(200 * 1024);
    expect(() => checkZip(zip)).toThrow('Regnearket fylder for meget, når det pakkes ud.');
  });
});

describe('targets and sums in the sheet (better, aggregate)', () => {
  const HEAD = ['type', 'name', 'label', 'required', 'max', 'unit', 'unit_field', 'target', 'better', 'aggregate', 'item_key'];
  const rowsOf = (...rows: Record<string, Cell>[]): Cell[][] => [HEAD, ...rows.map((r) => HEAD.map((c) => r[c] ?? null))];
  const indicators = () => ({
    settings,
    choices: [
      ['list_name', 'name', 'label', 'better', 'aggregate'],
      ['indikator', 'ventetid', 'Ventetid for voksne', 'lavere', 'gennemsnit'],
      ['indikator', 'tjek', 'Somatisk helbredstjek', 'Højere', 'median'],
      ['indikator', 'andet', 'Andet', null, null],
    ] as Cell[][],
    survey: rowsOf(
      { type: 'begin repeat', name: 'indikatorer', label: 'Indikatorer', max: 10, item_key: 'indikator' },
      { type: 'valg indikator', name: 'indikator', label: 'Indikator', required: 'ja' },
      { type: 'tekst', name: 'enhed', label: 'Enhed', max: 40 },
      { type: 'tal', name: 'vaerdi', label: 'Værdi', unit_field: 'enhed', target: 'maalvaerdi', better: 'lavere' },
      { type: 'tal', name: 'maalvaerdi', label: 'Målværdi', unit_field: 'enhed', aggregate: 'median' },
      { type: 'heltal', name: 'antal', label: 'Antal personer', aggregate: 'sum' },
      { type: 'end repeat' },
    ),
  });

  it("writes a number field's and an item-key option's better and aggregate as x-better and x-aggregate, and back", async () => {
    const { schema } = sheetToSchema(indicators());
    const item = (((schema['properties'] as Record<string, Record<string, unknown>>)['indikatorer']!['items'] as Record<string, unknown>)['properties'] as Record<string, Record<string, unknown>>);
    expect(item['vaerdi']).toMatchObject({ 'x-target': 'maalvaerdi', 'x-better': 'lower' });
    expect(item['vaerdi']!['x-aggregate']).toBeUndefined();
    expect(item['maalvaerdi']).toMatchObject({ 'x-aggregate': 'median' });
    expect(item['antal']).toMatchObject({ 'x-aggregate': 'sum' });
    expect(item['indikator']!['oneOf']).toEqual([
      { const: 'ventetid', title: 'Ventetid for voksne', 'x-better': 'lower', 'x-aggregate': 'mean' },
      { const: 'tjek', title: 'Somatisk helbredstjek', 'x-better': 'higher', 'x-aggregate': 'median' },
      { const: 'andet', title: 'Andet' },
    ]);
    expect(checkFormSchema(schema)).toEqual([]);
    // Back to a sheet in Danish words, and through a workbook, unchanged.
    const sheet = schemaToSheet(schema);
    expect(sheet.choices.filter((r) => r[0] === 'indikator').map((r) => r.slice(1))).toEqual([
      ['ventetid', 'Ventetid for voksne', 'lavere', 'gennemsnit'],
      ['tjek', 'Somatisk helbredstjek', 'højere', 'median'],
      ['andet', 'Andet', null, null],
    ]);
    const head = sheet.survey[0]!;
    const vaerdi = sheet.survey.find((r) => r[1] === 'vaerdi')!;
    expect([vaerdi[head.indexOf('better')], vaerdi[head.indexOf('aggregate')]]).toEqual(['lavere', null]);
    expect(canonical(sheetToSchema(sheet).schema)).toBe(canonical(schema));
    const read = await readFormWorkbook(await writeFormWorkbook(sheet));
    expect(canonical(sheetToSchema(read).schema)).toBe(canonical(schema));
  });

  it('writes the psychiatry form with its overlay annotations inline as a sheet that converts back to it', () => {
    const schema = JSON.parse(readFileSync(`${FORMS}psykiatriplan-status/v1.schema.json`, 'utf8')) as Record<string, any>;
    const overlay = (JSON.parse(readFileSync(`${FORMS}summary-overlay.json`, 'utf8')) as Record<string, any>)['psykiatriplan-status@1'].fields;
    const indikatorer = schema['properties']['maal']['items']['properties']['indikatorer']['items']['properties'];
    const byConst = overlay['/properties/maal/items/properties/indikatorer/items/properties/indikator'].options as Record<string, object>;
    indikatorer['indikator']['oneOf'] = indikatorer['indikator']['oneOf'].map((o: { const: string }) => ({ ...o, ...byConst[o.const] }));
    Object.assign(indikatorer['maalvaerdi'], overlay['/properties/maal/items/properties/indikatorer/items/properties/maalvaerdi']);
    const sheet = schemaToSheet(schema);
    const head = sheet.choices[0]!;
    const restraint = sheet.choices.find((r) => r[1] === 'personer_baeltefikseret')!;
    expect([restraint[head.indexOf('better')], restraint[head.indexOf('aggregate')]]).toEqual(['lavere', 'sum']);
    expect(sheetToSchema(sheet).schema).toEqual(schema);
  });

  it('tells a misspelt direction or aggregation, and options with one on a question that is no item key, at their cells', () => {
    const sheet = indicators();
    sheet.survey[4]![HEAD.indexOf('better')] = 'bedre';
    sheet.survey[5]![HEAD.indexOf('aggregate')] = 'middel';
    sheet.survey.push(['valg indikator', 'hovedindikator', 'Hovedindikator', null, null, null, null, null, null, null, null]);
    expect(problemsOf(sheet)).toEqual([
      'Arket »survey«, række 5, kolonne »better«: Skriv »højere« eller »lavere« (hvad der er bedst i forhold til målet), ikke »bedre«.',
      'Arket »survey«, række 6, kolonne »aggregate«: Skriv »sum«, »gennemsnit«, »median« eller »ingen« (hvordan tallet lægges sammen på tværs af organisationer), ikke »middel«.',
      'Arket »survey«, række 9, kolonne »type«: Svarene i listen »indikator« har »better« eller »aggregate« på arket »choices«. Det kan kun bruges, når spørgsmålet er nøglefeltet (item_key) i en liste af elementer.',
    ]);
    const text = indicators();
    text.survey[3]![HEAD.indexOf('better')] = 'højere';
    expect(problemsOf(text)).toEqual(['Arket »survey«, række 4, kolonne »better«: Kolonnen bruges ikke ved typen »tekst«; lad feltet være tomt.']);
  });
});

// Generated forms: any sheet the format allows converts to a schema that publishes, and that
// schema goes to a sheet and back unchanged.
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
const label = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'Spørgsmål');
const leaf = fc.oneof(
  fc.record({ type: fc.constantFrom('tekst', 'lang tekst', 'e-mail'), min: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), max: fc.integer({ min: 5, max: 20_000 }) }).map((r) => (r.type === 'e-mail' ? { ...r, min: null } : r)),
  fc.record({ type: fc.constant('dato') }),
  fc
    .record({
      type: fc.constantFrom('tal', 'heltal'),
      min: fc.option(fc.integer({ min: -100, max: 0 }), { nil: null }),
      max: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
      unit: fc.option(fc.constantFrom('borgere', '%', 'dage'), { nil: null }),
      better: fc.option(fc.constantFrom('højere', 'lavere'), { nil: null }),
      aggregate: fc.option(fc.constantFrom('sum', 'gennemsnit', 'median', 'ingen'), { nil: null }),
    })
    // A share is never summed: the publish check refuses it, so the format's generator does not make it.
    .map((r) => (r.unit === '%' && r.aggregate === 'sum' ? { ...r, aggregate: null } : r)),
  fc.record({ type: fc.constantFrom('valg', 'flervalg'), options: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }) }),
);
type Leaf = Record<string, unknown> & { type: string };
const fields = fc.uniqueArray(fc.record({ name, label, hint: fc.option(label, { nil: null }), required: fc.boolean(), leaf }), { minLength: 1, maxLength: 5, selector: (f) => f.name });
const section = fc.record({ kind: fc.constantFrom('group', 'repeat'), name, label, hint: fc.option(label, { nil: null }), required: fc.boolean(), max: fc.integer({ min: 1, max: 50 }), fields });
const form = fc.uniqueArray(section, { minLength: 1, maxLength: 4, selector: (s) => s.name });

type Section = typeof section extends fc.Arbitrary<infer T> ? T : never;

function sheetOf(sections: Section[]): FormSheet {
  const head = ['type', 'name', 'label', 'hint', 'required', 'min', 'max', 'unit', 'order', 'better', 'aggregate'];
  const rows: Cell[][] = [head];
  const choiceRows: Cell[][] = [['list_name', 'name', 'label']];
  let lists = 0;
  sections.forEach((s, i) => {
    rows.push([s.kind === 'group' ? 'begin group' : 'begin repeat', s.name, s.label, s.hint, s.required ? 'ja' : null, null, s.kind === 'repeat' ? s.max : null, null, i + 1, null, null]);
    for (const f of s.fields) {
      const l = f.leaf as Leaf;
      let type = l.type;
      if (type === 'valg' || type === 'flervalg') {
        const list = `liste_${++lists}`;
        for (const o of l['options'] as string[]) choiceRows.push([list, o, `Svar ${o}`]);
        type = `${type} ${list}`;
      }
      rows.push([type, f.name, f.label, f.hint, f.required ? 'ja' : null, (l['min'] as Cell) ?? null, (l['max'] as Cell) ?? null, (l['unit'] as Cell) ?? null, null, (l['better'] as Cell) ?? null, (l['aggregate'] as Cell) ?? null]);
    }
    rows.push([s.kind === 'group' ? 'end group' : 'end repeat']);
  });
  return { survey: rows, choices: choiceRows, settings: [['form_id', 'version', 'form_title'], ['genereret', 3, 'Genereret skema']] };
}

describe('generated forms', () => {
  it('convert to a schema that publishes, and schema → sheet → schema is the identity', () => {
    fc.assert(
      fc.property(form, (sections) => {
        const { schema } = sheetToSchema(sheetOf(sections));
        expect(checkFormSchema(schema)).toEqual([]);
        expect(canonical(sheetToSchema(schemaToSheet(schema)).schema)).toBe(canonical(schema));
      }),
      { numRuns: 100 },
    );
  });
});
