// Sundhedsråd as groupings in time: the shipped compositions, the checks on SST's CSV, and the
// roll-up of a 2027 municipal round per sundhedsråd in JSON, CSV, XLSX and HTML.
// The roll-up and the look-ups run on a fixed composition (test/support/health-council-fixture.ts),
// so a composition SST adds to registry/sundhedsraad.csv changes none of their figures; the shipped
// rows are checked on their own, through the same checks the functions run at import.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import {
  checkHealthCouncilRows,
  FIRST_HEALTH_COUNCIL_DATE,
  HEALTH_COUNCILS_BY_LAW,
  hasHealthCouncils,
  healthCouncilOf,
  healthCouncilsAt,
  UNASSIGNED_COUNCIL_NAME,
  type HealthCouncilRow,
} from '#core/health-councils';
import { HEALTH_COUNCIL_ROWS } from '#core/sundhedsraad-data';
import { buildRoundSummary } from '#core/summary/aggregate';
import { summaryCsv } from '#core/summary/csv';
import { summaryHtml } from '#core/summary/html';
import { summaryXlsx } from '#functions/formats/xlsx';
import { RoundSummary as RoundSummarySchema } from '#schemas/summary';
import { healthCouncilModule } from '../../local/sundhedsraad-csv.ts';
import { exampleOf, summaryInput } from '../support/summary-fixtures.ts';

vi.mock('#core/sundhedsraad-data', async () => ({
  HEALTH_COUNCIL_ROWS: (await import('../support/health-council-fixture.ts')).FIXTURE_HEALTH_COUNCIL_ROWS,
}));

const AMAGER_OG_VESTEGNEN = ['Albertslund', 'Brøndby', 'Dragør', 'Glostrup', 'Hvidovre', 'Høje-Taastrup', 'Ishøj', 'Tårnby', 'Vallensbæk'];

describe('the sundhedsråd registry', () => {
  it('ships only cited compositions from the reform on, among them Sundhedsråd Amager og Vestegnen with its nine municipalities', async () => {
    const { HEALTH_COUNCIL_ROWS: shipped } = await vi.importActual<typeof import('#core/sundhedsraad-data')>('#core/sundhedsraad-data');
    // The checks the functions run at import: known codes and names, one region, one council at a time, a source.
    const councils = checkHealthCouncilRows(shipped);
    // The law sets up 17; the others are shipped when their compositions are public.
    expect(councils.length).toBeGreaterThan(0);
    expect(councils.length).toBeLessThanOrEqual(HEALTH_COUNCILS_BY_LAW);
    for (const c of councils) {
      expect(c.validFrom >= FIRST_HEALTH_COUNCIL_DATE, `${c.id} starts before the reform`).toBe(true);
      for (const source of c.sources) expect(source, `${c.id} cites no address`).toMatch(/https:\/\//);
    }
    const amager = councils.find((c) => c.id === 'sundhedsraad-amager-og-vestegnen');
    expect(amager).toMatchObject({ name: 'Sundhedsråd Amager og Vestegnen', regionId: 'region-oestdanmark', validFrom: '2027-01-01' });
    const names = shipped.filter((r) => r.id === amager!.id).map((r) => r.municipalityName);
    expect(names.sort((a, b) => a.localeCompare(b, 'da'))).toEqual(AMAGER_OG_VESTEGNEN);
    expect(amager!.sources).toHaveLength(1);
    expect(amager!.sources[0]).toMatch(/^Region Østdanmark, pressemeddelelse 19\.01\.2026 .*https:\/\//);
  });

  it('is valid from 2027-01-01 only', () => {
    expect(healthCouncilsAt('2026-12-31')).toEqual([]);
    expect(hasHealthCouncils('2026-12-31')).toBe(false);
    expect(hasHealthCouncils('2027-01-01')).toBe(true);
    expect(healthCouncilOf('kommune-167', '2026-06-01')).toBeUndefined();
    expect(healthCouncilOf('kommune-167', '2027-06-01')?.name).toBe('Sundhedsråd Amager og Vestegnen');
    expect(healthCouncilOf('kommune-101', '2027-06-01')).toBeUndefined();
  });

  it('refuses a row with an unknown code, a wrong name, a council across regions, a municipality twice or no source', () => {
    const row: HealthCouncilRow = { ...HEALTH_COUNCIL_ROWS[0]! };
    expect(() => checkHealthCouncilRows([{ ...row, municipalityCode: '999' }])).toThrow(/row 2: no municipality with code 999/);
    expect(() => checkHealthCouncilRows([{ ...row, municipalityName: 'Ballerup' }])).toThrow(/is Albertslund, not Ballerup/);
    expect(() => checkHealthCouncilRows([{ ...row, municipalityCode: '751', municipalityName: 'Aarhus' }])).toThrow(/Aarhus is not in region-oestdanmark/);
    expect(() => checkHealthCouncilRows([{ ...row, source: ' ' }])).toThrow(/no source cited/);
    expect(() => checkHealthCouncilRows([row, { ...row, id: 'sundhedsraad-andet', name: 'Et andet' }])).toThrow(/kommune-165 is in both/);
  });

  it('bundles exactly what registry/sundhedsraad.csv says (regenerate with local/sundhedsraad.ts)', async () => {
    const csv = readFileSync(new URL('../../registry/sundhedsraad.csv', import.meta.url), 'utf8');
    const bundled = readFileSync(new URL('../../functions/core/sundhedsraad-data.ts', import.meta.url), 'utf8');
    expect(bundled).toBe(await healthCouncilModule(csv));
  });
});

describe('a 2027 municipal round rolled up by sundhedsråd', () => {
  const answers = exampleOf('kraeftplan-v-kommunal');
  const s = buildRoundSummary(
    summaryInput(
      'kraeftplan-v-kommunal',
      'municipality',
      [
        { orgId: 'kommune-167', status: 'accepted', answers }, // Hvidovre, in Amager og Vestegnen
        { orgId: 'kommune-185', status: 'submitted', answers, late: true }, // Tårnby, in it, late
        { orgId: 'kommune-101', status: 'submitted', answers }, // København: in no shipped sundhedsråd
        { orgId: 'kommune-751', status: 'draft', answers },
      ],
      { respondentsAt: '2027-06-01', period: '2027' },
    ),
  );

  it('counts every municipality once: nine in Amager og Vestegnen, the other 89 as not assigned', () => {
    const councils = s.completeness.byHealthCouncil!;
    expect(councils.map((c) => [c.healthCouncilName, c.expected, c.reported, c.onTime, c.late, c.accepted])).toEqual([
      ['Sundhedsråd Amager og Vestegnen', 9, 2, 1, 1, 1],
      [UNASSIGNED_COUNCIL_NAME, 89, 1, 1, 0, 0],
    ]);
    expect(councils[0]).toMatchObject({ regionId: 'region-oestdanmark', reportingRate: 22.2, timelinessRate: 11.1 });
    expect(councils[1]!.regionId).toBeUndefined();
    expect(councils.reduce((n, c) => n + c.expected, 0)).toBe(s.completeness.expected);
    // Beside the regions, not instead of them.
    expect(s.completeness.byRegion.map((r) => r.regionName)).toContain('Region Østdanmark');
    expect(s.completeness.organisations.find((o) => o.orgId === 'kommune-167')).toMatchObject({ healthCouncilName: 'Sundhedsråd Amager og Vestegnen' });
    expect(s.completeness.organisations.find((o) => o.orgId === 'kommune-101')).toMatchObject({ healthCouncilId: 'ikke-fordelt', healthCouncilName: UNASSIGNED_COUNCIL_NAME });
    expect(() => RoundSummarySchema.parse(s)).not.toThrow();
  });

  it('has no sundhedsråd roll-up before 2027, nor in regional rounds', () => {
    const municipal2026 = buildRoundSummary(summaryInput('kraeftplan-v-kommunal', 'municipality', [], { respondentsAt: '2026-06-01' }));
    expect(municipal2026.completeness.byHealthCouncil).toBeUndefined();
    expect(municipal2026.completeness.organisations[0]).not.toHaveProperty('healthCouncilId');
    const regional2027 = buildRoundSummary(summaryInput('kraeftplan-v-regional', 'region', [], { respondentsAt: '2027-06-01', period: '2027' }));
    expect(regional2027.completeness.byHealthCouncil).toBeUndefined();
  });

  it('shows the sundhedsråd rows in the CSV, the XLSX and the HTML', async () => {
    const csv = summaryCsv(s);
    expect(csv).toContain(';Sundhedsråd Amager og Vestegnen;');
    expect(csv).toContain(`;${UNASSIGNED_COUNCIL_NAME};`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summaryXlsx(s)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Sundhedsråd')!;
    // Row 1 holds the sheet's full title, row 2 the header.
    expect(sheet.getRow(2).getCell(1).value).toBe('Sundhedsråd');
    expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(2).value]).toEqual(['Sundhedsråd Amager og Vestegnen', 9]);
    expect([sheet.getRow(4).getCell(1).value, sheet.getRow(4).getCell(2).value]).toEqual([UNASSIGNED_COUNCIL_NAME, 89]);
    const html = summaryHtml(s);
    expect(html).toContain('<caption>Indberetning pr. sundhedsråd</caption>');
    expect(html).toContain('<td>Sundhedsråd Amager og Vestegnen</td><td class="num">9</td>');
    expect(html).toContain(`<td>${UNASSIGNED_COUNCIL_NAME}</td><td class="num">89</td>`);
  });
});
