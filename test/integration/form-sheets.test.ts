// Forms as workbooks over HTTP: any version downloads as a sheet, a sheet (edited as SST's staff
// would, in a spreadsheet) is checked and then published, and its mistakes come back in Danish,
// naming sheet, row and column, with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { ulid } from 'ulid';
import { startApi, type Api, type Client } from '../support/api.ts';
import { FORMS_DIR } from '../../local/seed.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = 'kraeftplan-v-kommunal';

let api: Api;
let admin: Client;
let reporter: Client;

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('sst-admin');
  reporter = await api.as('reporter', 'kommune-101');
});
afterAll(() => api.stop());

/** The title of a form these tests create: marked as an example, and unique. */
const exampleTitle = (formId: string) => `Skema fra regneark (eksempel) ${formId}`;

/** A new form whose v1 is the shipped municipal v1, published as JSON. */
async function newForm(): Promise<string> {
  const formId = `ark-${ulid().toLowerCase().slice(-10)}`;
  const schema = JSON.parse(readFileSync(`${FORMS_DIR}/${BASE}/v1.schema.json`, 'utf8'));
  // A title of its own: a copy under the shipped form's title would be a second "Årlig kommunal
  // opfølgning på Kræftplan V" in every form list other suites choose from by title.
  schema.title = exampleTitle(formId);
  const res = await admin('POST', `/forms/${formId}/versions`, { body: { schema, respondentKind: 'municipality', plan: 'kraeftplan-v' } });
  expect(res.status, res.text).toBe(201);
  return formId;
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const upload = (client: Client, path: string, bytes: Buffer) => client('POST', path, { rawBody: bytes, headers: { 'content-type': XLSX } });

/** The survey row whose `name` is `name` (after the row of `after`, when names repeat). */
function rowNamed(ws: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === name) return ws.getRow(r);
  throw new Error(`no row ${name}`);
}

describe('a form version as a workbook', () => {
  it('downloads for every signed-in role, with a file name, and holds the version exactly', async () => {
    const formId = await newForm();
    const res = await reporter('GET', `/forms/${formId}/versions/1?format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${formId}-v1.xlsx"`);
    const wb = await load(res.bytes!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['survey', 'choices', 'settings']);
    const settings = wb.getWorksheet('settings')!;
    expect(settings.getRow(2).values).toEqual([undefined, formId, 1, exampleTitle(formId), expect.stringContaining('eksempelskabelon'), 'kommuner', 'kraeftplan-v']);
    expect(wb.getWorksheet('survey')!.getRow(3).values).toEqual([undefined, 'tekst', 'navn', 'Navn', 'Kontaktpersonens fulde navn.', 'ja', 1, 200, undefined, undefined, undefined, undefined, undefined, undefined, 'ingen']);
  });

  it('refuses an unknown format', async () => {
    const res = await reporter('GET', `/forms/${BASE}/versions/1?format=pdf`);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-parameter');
  });

  it('answers 409 in Danish for a version a sheet cannot say (published as JSON with other keywords)', async () => {
    const formId = `ark-${ulid().toLowerCase().slice(-10)}`;
    const schema = { type: 'object', title: 'Fri form', properties: { s: { type: 'object', title: 'S', properties: { a: { type: 'string', enum: ['x', 'y'], 'x-summary': 'choice' } } } } };
    expect((await admin('POST', `/forms/${formId}/versions`, { body: { schema, respondentKind: 'region', plan: 'psykiatriplan' } })).status).toBe(201);
    const res = await admin('GET', `/forms/${formId}/versions/1?format=xlsx`);
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('https://statusportalen.sst.dk/problems/sheet-not-possible');
    expect(res.body.detail).toMatch(/^Version 1 af skemaet bruger noget, et regneark ikke kan udtrykke \(.+\)\. Hent den som JSON i stedet\.$/);
  });
});

describe('publishing from a workbook', () => {
  it('downloads v1, edits it, is told the mistake by sheet, row and column, then checks and publishes v2', async () => {
    const formId = await newForm();
    const round = await api.round(formId);
    const wb = await load((await admin('GET', `/forms/${formId}/versions/1?format=xlsx`)).bytes!);
    const survey = wb.getWorksheet('survey')!;
    // A new question in rehabilitering, with a typo in its type; a removed one; a retyped one.
    const after = rowNamed(survey, 'antal_henviste').number;
    survey.insertRow(after + 1, ['heltl', 'antal_forloeb', 'Antal afsluttede forløb', 'Eksempel: antal forløb afsluttet i året.', null, 0, 100000, null, 'forløb']);
    survey.spliceRows(rowNamed(survey, 'telefon').number, 1);
    rowNamed(survey, 'stilling').getCell(1).value = 'lang tekst';
    rowNamed(survey, 'stilling').getCell(7).value = null;
    const bad = await save(wb);

    const refused = await upload(admin, `/forms/${formId}/preview`, bad);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-form-sheet');
    const line = after; // one row removed above it
    expect(refused.body.errors).toEqual([
      {
        pointer: `/survey/${line}/type`,
        sheet: 'survey',
        row: line,
        column: 'type',
        message: expect.stringMatching(new RegExp(`^Arket »survey«, række ${line}, kolonne »type«: Ukendt type »heltl«\\.`)),
      },
    ]);
    expect(refused.body.detail).toBe(refused.body.errors[0].message);
    // The same workbook is refused by publish too, and nothing is stored.
    expect((await upload(admin, `/forms/${formId}/versions`, bad)).status).toBe(422);
    expect((await admin('GET', `/forms/${formId}`)).body.latestVersion).toBe(1);

    survey.getRow(line).getCell(1).value = 'heltal';
    const good = await save(wb);
    const preview = await upload(admin, `/forms/${formId}/preview`, good);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ formId, version: 2, currentVersion: 1, title: exampleTitle(formId), unchanged: false });
    expect(preview.body.schema.$id).toBe(`https://statusportalen.sst.dk/forms/${formId}/v2.schema.json`);
    expect(preview.body.changes).toEqual(
      expect.arrayContaining([
        { pointer: '/rehabilitering/antal_forloeb', change: 'added', to: 'integer' },
        { pointer: '/kontakt/telefon', change: 'removed', from: 'string' },
      ]),
    );
    expect(preview.body.changes).toHaveLength(2); // string → string (textarea) is no retype
    expect(preview.body.rounds).toEqual([{ roundId: round.roundId, title: round.title, formVersion: 1, phase: 'open', locked: false }]);
    expect((await admin('GET', `/forms/${formId}`)).body.latestVersion).toBe(1);

    const published = await upload(admin, `/forms/${formId}/versions`, good);
    expect(published.status, published.text).toBe(201);
    expect(published.headers.get('location')).toBe(`/forms/${formId}/versions/2`);
    expect(published.body.schema).toEqual(preview.body.schema);
    expect(published.body.changes).toEqual(preview.body.changes);
    // The round keeps version 1; v2 downloads as the sheet it was published from.
    expect((await admin('GET', `/rounds/${round.roundId}`)).body.formVersion).toBe(1);
    const again = await load((await admin('GET', `/forms/${formId}/versions/2?format=xlsx`)).bytes!);
    expect(rowNamed(again.getWorksheet('survey')!, 'antal_forloeb').values).toEqual([undefined, 'heltal', 'antal_forloeb', 'Antal afsluttede forløb', 'Eksempel: antal forløb afsluttet i året.', undefined, 0, 100000, undefined, 'forløb']);
  });

  it('says an unchanged workbook has nothing to publish, and publishing it (or the same JSON) is refused in Danish', async () => {
    const formId = await newForm();
    const sheet = (await admin('GET', `/forms/${formId}/versions/1?format=xlsx`)).bytes!;
    const preview = await upload(admin, `/forms/${formId}/preview`, sheet);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ version: 2, currentVersion: 1, changes: [], unchanged: true });
    const refused = await upload(admin, `/forms/${formId}/versions`, sheet);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: 'https://statusportalen.sst.dk/problems/form-unchanged',
      title: 'Skemaet er uændret',
      detail: 'Der er ingen ændringer i forhold til version 1, så der er intet at udgive.',
    });
    const schema = (await admin('GET', `/forms/${formId}/versions/1`)).body.schema;
    expect((await admin('POST', `/forms/${formId}/versions`, { body: { schema } })).status).toBe(422);
    expect((await admin('GET', `/forms/${formId}`)).body.latestVersion).toBe(1);
    // Only the help text of one question changed: no field change, but a version to publish.
    const wb = await load(sheet);
    rowNamed(wb.getWorksheet('survey')!, 'navn').getCell(4).value = 'Fulde navn på kontaktpersonen.';
    const edited = await upload(admin, `/forms/${formId}/preview`, await save(wb));
    expect(edited.body).toMatchObject({ changes: [], unchanged: false });
    expect((await upload(admin, `/forms/${formId}/versions`, await save(wb))).status).toBe(201);
  });

  it("counts a shipped version's sheet, which carries the summary overlay's annotations, as unchanged", async () => {
    const { latestVersion } = (await admin('GET', `/forms/${BASE}`)).body;
    const sheet = (await admin('GET', `/forms/${BASE}/versions/${latestVersion}?format=xlsx`)).bytes!;
    const wb = await load(sheet);
    const head = (wb.getWorksheet('survey')!.getRow(1).values as unknown[]).map(String);
    // The download does carry an annotation the stored schema lacks ...
    expect(rowNamed(wb.getWorksheet('survey')!, 'antal_henviste').getCell(head.indexOf('aggregate')).value).toBe('sum');
    expect((await admin('GET', `/forms/${BASE}/versions/${latestVersion}`)).body.schema.properties.rehabilitering.properties.antal_henviste['x-aggregate']).toBeUndefined();
    // ... and still is no change (preview only: the shipped form is shared by every suite).
    const preview = await upload(admin, `/forms/${BASE}/preview`, sheet);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ currentVersion: latestVersion, changes: [], unchanged: true });
  });

  it('refuses a workbook for another form, and a reporter, and bytes that are no workbook', async () => {
    const formId = await newForm();
    const shipped = readFileSync(`${FORMS_DIR}/${BASE}/v1.xlsx`);
    const other = await upload(admin, `/forms/${formId}/versions`, shipped);
    expect(other.status).toBe(422);
    expect(other.body.errors[0]).toMatchObject({ sheet: 'settings', row: 2, column: 'form_id', message: `Arket »settings«, række 2, kolonne »form_id«: Regnearket er til skemaet »${BASE}«, ikke »${formId}«.` });
    expect((await upload(reporter, `/forms/${formId}/versions`, shipped)).status).toBe(403);
    const junk = await upload(admin, `/forms/${formId}/versions`, Buffer.from('type;name;label\n'));
    expect(junk.status).toBe(422);
    expect(junk.body.detail).toBe('Filen er ikke et Excel-regneark (.xlsx).');
    expect((await admin('GET', `/forms/${formId}`)).body.latestVersion).toBe(1);
  });

  it("downloads a version published before x-better/x-aggregate with the annotations its summaries use, so the next version carries them inline", async () => {
    // The shipped regional form's v1 takes them from forms/summary-overlay.json (fremdrift: higher, mean).
    const res = await admin('GET', '/forms/kraeftplan-v-regional/versions/1?format=xlsx');
    expect(res.status).toBe(200);
    const wb = await load(res.bytes!);
    const survey = wb.getWorksheet('survey')!;
    const head = (survey.getRow(1).values as unknown[]).map(String);
    const fremdrift = rowNamed(survey, 'fremdrift');
    expect([fremdrift.getCell(head.indexOf('better')).value, fremdrift.getCell(head.indexOf('aggregate')).value]).toEqual(['højere', 'gennemsnit']);
    // SST starts a new form from it: the published schema states them itself.
    const formId = `ark-${ulid().toLowerCase().slice(-10)}`;
    wb.getWorksheet('settings')!.getRow(2).getCell(1).value = formId;
    wb.getWorksheet('settings')!.getRow(2).getCell(3).value = exampleTitle(formId);
    const created = await upload(admin, `/forms/${formId}/versions`, await save(wb));
    expect(created.status, created.text).toBe(201);
    const item = created.body.schema.properties.initiativer.items.properties;
    expect(item.fremdrift).toMatchObject({ 'x-better': 'higher', 'x-aggregate': 'mean' });
    // The stored v1 itself is never changed.
    expect((await admin('GET', '/forms/kraeftplan-v-regional/versions/1')).body.schema.properties.initiativer.items.properties.fremdrift['x-better']).toBeUndefined();
  });

  it('creates a new form from a workbook, whose settings say who answers it and under which plan', async () => {
    const formId = `ark-${ulid().toLowerCase().slice(-10)}`;
    const wb = await load(readFileSync(`${FORMS_DIR}/${BASE}/v1.xlsx`));
    const settings = wb.getWorksheet('settings')!;
    settings.getRow(2).getCell(1).value = formId;
    settings.getRow(2).getCell(3).value = exampleTitle(formId);
    settings.getRow(2).getCell(5).value = null;
    const missing = await upload(admin, `/forms/${formId}/versions`, await save(wb));
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      { pointer: '/settings/2/respondents', sheet: 'settings', row: 2, column: 'respondents', message: 'Arket »settings«, række 2, kolonne »respondents«: Et nyt skema skal angive, hvem der besvarer det: »regioner« eller »kommuner«.' },
    ]);
    settings.getRow(2).getCell(5).value = 'kommuner';
    const created = await upload(admin, `/forms/${formId}/versions`, await save(wb));
    expect(created.status, created.text).toBe(201);
    expect(created.body.version).toBe(1);
    expect((await admin('GET', `/forms/${formId}`)).body).toMatchObject({ respondentKind: 'municipality', plan: 'kraeftplan-v', latestVersion: 1 });
  });
});
