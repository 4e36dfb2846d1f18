// The writers and the indicator reader, without a server: CSV for Danish Excel, sheet names,
// and the line-by-line validation of uploaded indicator files.
import { describe, expect, it } from 'vitest';
import { toCsv } from '#core/summary/csv';
import { parseIndicatorCsv, parseNumber, parsePeriod, readCsv } from '#core/summary/indicators';
import { sheetName } from '#functions/formats/xlsx';
import { Problem } from '#core/problems';

const errorsOf = (csv: string) => {
  try {
    parseIndicatorCsv(csv);
  } catch (err) {
    if (err instanceof Problem) return (err.extensions['errors'] as { line: number; column?: string; message: string }[]);
    throw err;
  }
  throw new Error('no problem thrown');
};

describe('CSV for Danish Excel', () => {
  it('starts with a BOM, separates with semicolons, ends lines with CRLF and writes decimal commas', () => {
    expect(toCsv(['Navn', 'Værdi'], [['Ærø', 12.5], ['Østdanmark', 3]], 'da')).toBe('\ufeffNavn;Værdi\r\nÆrø;12,5\r\nØstdanmark;3\r\n');
  });

  it('uses commas and decimal points for the English locale', () => {
    expect(toCsv(['a', 'b'], [['x', 12.5]], 'en')).toBe('\ufeffa,b\r\nx,12.5\r\n');
  });

  it('quotes separators, quotes and line breaks, and reads them back unchanged', () => {
    const text = 'Første linje; med semikolon\r\nog "citat" på linje to';
    const csv = toCsv(['svar'], [[text]], 'da');
    expect(csv).toContain('"Første linje; med semikolon\r\nog ""citat"" på linje to"');
    expect(readCsv(csv.slice(1), ';')[1]!.cells[0]).toBe(text);
  });

  it('defuses text that Excel would run as a formula', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://x")'], ['- punkt'], [-4]], 'da')).toBe('\ufeffx\r\n"\'=HYPERLINK(""http://x"")"\r\n\'- punkt\r\n-4\r\n');
  });
});

describe('Excel sheet names', () => {
  it('cuts at 31 characters, drops forbidden characters and keeps names unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Status på kræftplanens initiativer', taken)).toBe('Status på kræftplanens…');
    expect(sheetName('Status på kræftplanens initiativer (2)', taken)).toBe('Status på kræftplanens… 2');
    expect(sheetName('Kapacitetsudfordringer, afhængigheder og risici', taken)).toBe('Kapacitetsudfordringer…');
    expect(sheetName('Integrationafsomatikogpsykiatrienudenmellemrum', taken)).toBe('Integrationafsomatikogpsykiatr…');
    expect(sheetName('Mål/indikatorer: [2026]?', taken)).toBe('Mål indikatorer 2026');
  });
});

describe('indicator CSV', () => {
  it('reads Danish numbers, quarters and regions by id, code or name', () => {
    const rows = parseIndicatorCsv(
      '\ufeffIndikator;Periode;Region;Værdi;Enhed;Målværdi;Titel\r\n' +
        'pakkeforloeb;2026K1;Region Nordjylland;71,5;%;85;Andel i pakkeforløb inden for standardforløbstid\r\n' +
        'pakkeforloeb;2026-Q1;1082;1.234,5;%;;\r\n' +
        'pakkeforloeb;2026;hele landet;73;%;85;\r\n',
    );
    expect(rows).toEqual([
      { indicator: 'pakkeforloeb', title: 'Andel i pakkeforløb inden for standardforløbstid', period: '2026-Q1', regionId: 'region-1081', regionName: 'Region Nordjylland', value: 71.5, unit: '%', target: 85 },
      { indicator: 'pakkeforloeb', title: 'Andel i pakkeforløb inden for standardforløbstid', period: '2026-Q1', regionId: 'region-1082', regionName: 'Region Midtjylland', value: 1234.5, unit: '%' },
      { indicator: 'pakkeforloeb', title: 'Andel i pakkeforløb inden for standardforløbstid', period: '2026', value: 73, unit: '%', target: 85 },
    ]);
  });

  it('knows Region Østdanmark from 2027 and refuses Region Hovedstaden then', () => {
    expect(parseIndicatorCsv('indikator;periode;region;værdi\nx;2027;Region Østdanmark;1')[0]).toMatchObject({ regionId: 'region-oestdanmark' });
    expect(errorsOf('indikator;periode;region;værdi\nx;2027;Region Hovedstaden;1')).toEqual([
      { line: 2, column: 'region', pointer: '/lines/2/region', message: 'Regionen "Region Hovedstaden" fandtes ikke i perioden 2027.' },
    ]);
  });

  it('names unknown and missing columns in the header', () => {
    expect(errorsOf('indikator;periode;farve\nx;2026;rød').map((e) => [e.line, e.column, e.message])).toEqual([
      [1, 'farve', 'Ukendt kolonne "farve". Tilladte kolonner: indikator, periode, region, værdi, enhed, målværdi, titel, kilde, retning.'],
      [1, 'værdi', 'Kolonnen "værdi" mangler.'],
    ]);
  });

  it('names a column that stands twice in the header', () => {
    expect(errorsOf('indikator;periode;region;værdi;Værdi\nx;2026;;1;2').map((e) => [e.line, e.column, e.message])).toEqual([
      [1, 'Værdi', 'Kolonnen "Værdi" står to gange i overskriften.'],
    ]);
  });

  it('counts lines as Excel shows them, also after a quoted line break', () => {
    const errors = errorsOf('indikator;periode;værdi;kilde\nx;2026;1;"to\nlinjer"\ny;2026;abc;');
    expect(errors.map((e) => [e.line, e.column])).toEqual([[4, 'værdi']]);
  });

  it('asks for UTF-8 when the file was saved in another encoding', () => {
    expect(errorsOf('indikator;periode;værdi\nx;2026;1\nS\ufffdnderborg;2026;2')[0]).toMatchObject({ line: 3, message: expect.stringContaining('CSV UTF-8') });
  });

  it('parses number and period forms', () => {
    expect([parseNumber('12,5', ';'), parseNumber('12.5', ','), parseNumber('1 234', ';'), parseNumber('12,5', ','), parseNumber('1e3', ';'), parseNumber('abc', ';')]).toEqual([
      12.5, 12.5, 1234, undefined, 1000, undefined,
    ]);
    expect([parsePeriod('2026'), parsePeriod('2026K3'), parsePeriod('2026-q4'), parsePeriod('2026-5'), parsePeriod('26')]).toEqual(['2026', '2026-Q3', '2026-Q4', undefined, undefined]);
  });
});
