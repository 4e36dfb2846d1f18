// The summary workbook read back by a second library (SheetJS, not exceljs, which writes it), so
// what is checked is the file Excel and LibreOffice open, not exceljs' own model of it: sheet
// names cut at a word with the full title in A1, dates stored as dates in a Danish format, A4
// landscape fitted to the width with the header rows repeated, the national-indicator sheet
// always present, explicit heights for wrapped rows, and the same target figures as the JSON.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildRoundSummary } from '#core/summary/aggregate';
import { NO_INDICATORS, summaryXlsx, wrappedLines } from '#functions/formats/xlsx';
import type { RoundSummary } from '#core/summary/model';
import { clone, exampleOf, summaryInput } from '../support/summary-fixtures.ts';

const LONG = 'Regionen har indført fast gennemgang af alle tvangsepisoder og uddannelse i konfliktnedtrapning for alle afsnit. '.repeat(6);

function psychiatry(withIndicators: boolean): RoundSummary {
  const nord = exampleOf('psykiatriplan-status');
  nord.maal[1].beskrivelse = LONG;
  const midt = clone(exampleOf('psykiatriplan-status'));
  midt.maal[1].indikatorer[0].vaerdi = 120;
  const input = summaryInput('psykiatriplan-status', 'region', [
    { orgId: 'region-1081', status: 'submitted', answers: nord, submittedAt: '2026-12-01T10:00:00.000Z' },
    { orgId: 'region-1082', status: 'accepted', answers: midt, submittedAt: '2026-07-01T21:30:00.000Z' },
  ]);
  if (withIndicators) {
    input.indicators = [{ indicator: 'personer_baeltefikseret', title: 'Eksempel: Antal personer, der er bæltefikseret', period: '2026', value: 1450, unit: 'personer', target: 1200, source: 'Eksempel: Landspatientregisteret' }];
  }
  return buildRoundSummary(input);
}

async function read(s: RoundSummary): Promise<XLSX.WorkBook & { files: Record<string, { content: Uint8Array }> }> {
  const buf = await summaryXlsx(s);
  return XLSX.read(buf, { type: 'buffer', cellDates: true, cellNF: true, cellStyles: true, bookFiles: true }) as XLSX.WorkBook & { files: Record<string, { content: Uint8Array }> };
}

const xml = (wb: { files: Record<string, { content: Uint8Array }> }, file: string) => Buffer.from(wb.files[file]!.content).toString('utf8');

describe('the summary workbook, read by SheetJS', async () => {
  const s = psychiatry(false);
  const wb = await read(s);

  it('names every sheet within 31 characters, cut at a word, and writes the full title in A1', () => {
    expect(wb.SheetNames).toEqual(['Fuldstændighed', 'Organisationer', 'Mål og indikatorer', 'Samlet status', 'Nationale indikatorer', 'Om udtrækket']);
    for (const name of wb.SheetNames) {
      expect(name.length).toBeLessThanOrEqual(31);
      const title = String(wb.Sheets[name]!['A1'].v);
      expect(title.length, name).toBeGreaterThan(0);
      if (name.endsWith('…')) {
        const stem = name.slice(0, -1);
        expect(title.startsWith(stem), `${name} is the start of ${title}`).toBe(true);
        expect(title[stem.length], `${name} ends at a word`).toMatch(/[\s,.;:›–-]/);
      }
    }
    expect(wb.Sheets['Mål og indikatorer']!['A1'].v).toBe('Mål og indikatorer');
    expect(wb.Sheets['Organisationer']!['A1'].v).toBe(`Status pr. organisation – ${s.title}`);
    expect(wb.Sheets['Organisationer']!['A2'].v).toBe('Organisation');
  });

  it('cuts a long section title at a word boundary', async () => {
    const long = clone(s);
    long.sections[0]!.title = 'Integration af somatik og psykiatri i de regionale tilbud';
    const names = (await read(long)).SheetNames;
    expect(names).toContain('Integration af somatik og…');
  });

  it('stores submission times, the deadline and the build time as dates shown the Danish way, in Danish time', () => {
    const org = wb.Sheets['Organisationer']!;
    const byName = new Map<string, XLSX.CellObject>();
    for (let r = 3; org[`A${r}`]; r++) byName.set(String(org[`A${r}`].v), org[`D${r}`]);
    // 10:00 UTC on 1 December is 11:00 in Copenhagen (winter); 21:30 UTC on 1 July is 23:30 (summer).
    expect(byName.get('Region Nordjylland')).toMatchObject({ t: 'd', z: 'dd-mm-yyyy hh:mm', w: '01-12-2026 11:00' });
    expect(byName.get('Region Midtjylland')).toMatchObject({ t: 'd', w: '01-07-2026 23:30' });
    const about = wb.Sheets['Om udtrækket']!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(about, { range: 1 });
    const frist = rows.find((r) => r['Oplysning'] === 'Frist')!;
    expect(frist['Værdi']).toBeInstanceOf(Date);
    const fristCell = Object.entries(about).find(([, c]) => (c as XLSX.CellObject).v === frist['Værdi'])![1] as XLSX.CellObject;
    expect(fristCell.w).toBe('15-12-2026 23:59');
    expect(rows.find((r) => r['Oplysning'] === 'Dannet')!['Værdi']).toBeInstanceOf(Date);
  });

  it('prints every sheet on A4 landscape, one page wide, with the title and header rows on every page', () => {
    const workbook = xml(wb, 'xl/workbook.xml');
    wb.SheetNames.forEach((name, i) => {
      const sheet = xml(wb, `xl/worksheets/sheet${i + 1}.xml`);
      const setup = /<pageSetup [^>]*\/>/.exec(sheet)?.[0] ?? '';
      expect(setup, name).toContain('paperSize="9"');
      expect(setup, name).toContain('orientation="landscape"');
      expect(setup, name).toContain('fitToWidth="1"');
      expect(setup, name).toContain('fitToHeight="0"');
      expect(sheet, name).toMatch(/<pageSetUpPr [^>]*fitToPage="1"/);
      expect(sheet, name).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
      expect(wb.Workbook!.Names!.find((n) => n.Name === '_xlnm.Print_Titles' && n.Sheet === i)?.Ref, name).toMatch(/!\$1:\$2$/);
    });
    expect(workbook).toContain('_xlnm.Print_Titles');
  });

  it('always has the national-indicator sheet, saying when no data set is loaded yet', async () => {
    const sheet = wb.Sheets['Nationale indikatorer']!;
    expect(sheet['A3'].v).toBe(NO_INDICATORS('2026'));
    const loaded = (await read(psychiatry(true))).Sheets['Nationale indikatorer']!;
    expect(loaded['A3'].v).toBe('Eksempel: Antal personer, der er bæltefikseret');
    expect(loaded['E3']).toMatchObject({ t: 'n', v: 1450 });
  });

  it('gives wrapped rows an explicit height for all their lines, and leaves one-line rows alone', () => {
    const sheet = wb.Sheets['Mål og indikatorer']!;
    const rows = (sheet['!rows'] ?? []) as { hpt?: number }[];
    let longRow = -1;
    for (let r = 3; sheet[`C${r}`]; r++) if (sheet[`F${r}`]?.v === LONG) longRow = r;
    expect(longRow).toBeGreaterThan(0);
    // Column F (Værdi) is 80 wide and wraps: the long answer needs several lines of 15 pt.
    const lines = wrappedLines(LONG, 80);
    expect(lines).toBeGreaterThan(3);
    expect(rows[longRow - 1]?.hpt).toBeGreaterThanOrEqual(lines * 15);
    // The completeness sheet wraps only its header ("Indberettet (indsendt eller godkendt)" in 16).
    const complete = wb.Sheets['Fuldstændighed']!;
    const heights = (complete['!rows'] ?? []) as { hpt?: number }[];
    expect(heights[1]?.hpt).toBeGreaterThanOrEqual(wrappedLines('Indberettet (indsendt eller godkendt)', 16) * 15);
    for (let r = 3; complete[`A${r}`]; r++) expect(heights[r - 1]?.hpt, `row ${r}`).toBeUndefined();
  });

  it('shows the same target figures as the JSON, and no sum of a share or a target', () => {
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Mål og indikatorer']!, { range: 1 });
    const restraints = rows.filter((r) => String(r['Element']).includes('bæltefikseret') && r['Spørgsmål'] === 'Værdi');
    expect(restraints.find((r) => r['Nøgletal'] === 'Antal, der når målet' && r['Region'] === 'Hele landet')?.['Værdi']).toBe(1);
    expect(restraints.find((r) => r['Nøgletal'] === 'Antal, der ikke når målet' && r['Region'] === 'Hele landet')?.['Værdi']).toBe(1);
    expect(restraints.find((r) => r['Nøgletal'] === 'Retning')?.['Værdi']).toBe('lavere er bedre');
    expect(restraints.find((r) => r['Nøgletal'] === 'Vurdering mod målet' && r['Organisation'] === 'Region Nordjylland')?.['Værdi']).toBe(
      '182 personer mod et mål på højst 150: over målet (ikke nået)',
    );
    const sums = rows.filter((r) => r['Nøgletal'] === 'Sum');
    expect(sums.length).toBeGreaterThan(0);
    for (const r of sums) {
      expect(r['Spørgsmål'], String(r['Element'])).toBe('Værdi');
      expect(r['Enhed'], String(r['Element'])).not.toBe('%');
    }
  });
});
