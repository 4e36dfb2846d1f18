// Reads registry/sundhedsraad.csv with fast-csv (already here through exceljs) and prints the
// module the functions bundle. Shared by the generator and the test that checks it is current.
import { parseString } from '@fast-csv/parse';

export const COLUMNS = ['sundhedsraad_id', 'navn', 'gyldig_fra', 'gyldig_til', 'region_id', 'kommunekode', 'kommune', 'kilde'] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

export async function readHealthCouncilCsv(csv: string): Promise<Row[]> {
  const rows: Row[] = [];
  await new Promise<void>((resolve, reject) => {
    parseString<Row, Row>(csv, { headers: true, strictColumnHandling: true, trim: true })
      .on('headers', (headers: string[]) => {
        if (headers.join(',') !== COLUMNS.join(',')) reject(new Error(`sundhedsraad.csv: the columns must be ${COLUMNS.join(',')}`));
      })
      .on('data-invalid', (_row: unknown, n: number) => reject(new Error(`sundhedsraad.csv: row ${n} has the wrong number of columns`)))
      .on('data', (row: Row) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve());
  });
  return rows;
}

export async function healthCouncilModule(csv: string): Promise<string> {
  const rows = (await readHealthCouncilCsv(csv)).map((r) => ({
    id: r.sundhedsraad_id,
    name: r.navn,
    validFrom: r.gyldig_fra,
    ...(r.gyldig_til ? { validTo: r.gyldig_til } : {}),
    regionId: r.region_id,
    municipalityCode: r.kommunekode,
    municipalityName: r.kommune,
    source: r.kilde,
  }));
  return [
    '// Generated from registry/sundhedsraad.csv by local/sundhedsraad.ts: edit the CSV, not this file.',
    "import type { HealthCouncilRow } from '#core/health-councils';",
    '',
    `export const HEALTH_COUNCIL_ROWS: readonly HealthCouncilRow[] = ${JSON.stringify(rows, null, 2)};`,
    '',
  ].join('\n');
}
