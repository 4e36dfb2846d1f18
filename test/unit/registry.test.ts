// The organisation registry: real Danish reference data, and the 2027 health reform that
// merges Region Hovedstaden and Region Sjælland into Region Østdanmark.
import { describe, it, expect } from 'vitest';
import {
  SST_ORG_ID,
  findOrganisation,
  isValidOn,
  organisationsAt,
  regionOf,
  predecessorsOf,
  respondentsAt,
  successorOf,
} from '#core/registry';

const BEFORE = '2026-06-01';
const LAST_OLD_DAY = '2026-12-31';
const REFORM = '2027-01-01';

function countByRegion(date: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of organisationsAt(date, 'municipality')) {
    const region = m.regionId ?? 'none';
    counts[region] = (counts[region] ?? 0) + 1;
  }
  return counts;
}

describe('municipalities', () => {
  it('has all 98 municipalities on 2026-06-01', () => {
    expect(organisationsAt(BEFORE, 'municipality')).toHaveLength(98);
  });

  it('splits them 11/19/22/29/17 over the five regions in 2026', () => {
    expect(countByRegion(BEFORE)).toEqual({
      'region-1081': 11,
      'region-1082': 19,
      'region-1083': 22,
      'region-1084': 29,
      'region-1085': 17,
    });
  });

  it('moves the 46 municipalities of Hovedstaden and Sjælland to Region Østdanmark in 2027', () => {
    expect(countByRegion(REFORM)).toEqual({
      'region-1081': 11,
      'region-1082': 19,
      'region-1083': 22,
      'region-oestdanmark': 46,
    });
    expect(organisationsAt('2030-06-01', 'municipality')).toHaveLength(98);
  });

  it('switches region exactly at the reform date', () => {
    expect(regionOf('kommune-101', LAST_OLD_DAY)).toBe('region-1084');
    expect(regionOf('kommune-101', REFORM)).toBe('region-oestdanmark');
    expect(regionOf('kommune-370', LAST_OLD_DAY)).toBe('region-1085');
    expect(regionOf('kommune-370', REFORM)).toBe('region-oestdanmark');
    expect(regionOf('kommune-851', LAST_OLD_DAY)).toBe('region-1081');
    expect(regionOf('kommune-851', REFORM)).toBe('region-1081');
  });

  it('knows no region for an unknown id or a non-municipality', () => {
    expect(regionOf('kommune-411', BEFORE)).toBeUndefined();
    expect(regionOf('region-1084', BEFORE)).toBeUndefined();
  });

  it('uses unique 3-digit kommunekoder as ids of the form kommune-<code>', () => {
    const all = organisationsAt(BEFORE, 'municipality');
    const codes = all.map((m) => m.code);
    expect(new Set(codes).size).toBe(98);
    for (const m of all) {
      expect(m.code).toMatch(/^\d{3}$/);
      expect(m.id).toBe(`kommune-${m.code}`);
    }
  });

  it('keeps well-known code/name pairs', () => {
    const byCode = new Map(organisationsAt(BEFORE, 'municipality').map((m) => [m.code, m.name]));
    expect(byCode.get('101')).toBe('København');
    expect(byCode.get('147')).toBe('Frederiksberg');
    expect(byCode.get('151')).toBe('Ballerup');
    expect(byCode.get('400')).toBe('Bornholm');
    expect(byCode.get('461')).toBe('Odense');
    expect(byCode.get('751')).toBe('Aarhus');
    expect(byCode.get('851')).toBe('Aalborg');
    expect(byCode.get('860')).toBe('Hjørring');
  });

  it('preserves Danish letters in names', () => {
    const names = new Set(organisationsAt(BEFORE, 'municipality').map((m) => m.name));
    for (const name of [
      'Høje-Taastrup',
      'Lyngby-Taarbæk',
      'Tårnby',
      'Ærø',
      'Læsø',
      'Fanø',
      'Samsø',
      'Køge',
      'Ringkøbing-Skjern',
      'Sønderborg',
      'Brønderslev',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(names).not.toContain('Christiansø');
  });
});

describe('regions', () => {
  it('has 5 regions on 2026-12-31 and 4 on 2027-01-01', () => {
    expect(organisationsAt(LAST_OLD_DAY, 'region').map((r) => r.id)).toEqual([
      'region-1081',
      'region-1082',
      'region-1083',
      'region-1084',
      'region-1085',
    ]);
    expect(organisationsAt(REFORM, 'region').map((r) => r.id)).toEqual([
      'region-1081',
      'region-1082',
      'region-1083',
      'region-oestdanmark',
    ]);
  });

  it('treats Hovedstaden and Sjælland as invalid from 2027 and Østdanmark as invalid before', () => {
    expect(isValidOn('region-1084', LAST_OLD_DAY)).toBe(true);
    expect(isValidOn('region-1084', REFORM)).toBe(false);
    expect(isValidOn('region-1085', REFORM)).toBe(false);
    expect(isValidOn('region-oestdanmark', LAST_OLD_DAY)).toBe(false);
    expect(isValidOn('region-oestdanmark', REFORM)).toBe(true);
  });

  it('gives Østdanmark no code, since none is official yet', () => {
    expect(findOrganisation('region-oestdanmark')).toMatchObject({
      kind: 'region',
      name: 'Region Østdanmark',
      code: null,
      validFrom: REFORM,
    });
  });
});

describe('authorities', () => {
  it('lists the Task Force bodies as authorities on any date', () => {
    for (const date of [BEFORE, REFORM]) {
      expect(organisationsAt(date, 'authority').map((a) => a.id).sort()).toEqual(
        ['danske-regioner', 'kl', 'social-og-boligstyrelsen', 'sst', 'sundhedsdatastyrelsen'],
      );
    }
    expect(findOrganisation(SST_ORG_ID)).toMatchObject({ kind: 'authority', name: 'Sundhedsstyrelsen' });
    expect(findOrganisation('kl')?.name).toBe('KL – Kommunernes Landsforening');
  });
});

describe('lookups', () => {
  it('sorts all organisations by kind, then code, then name', () => {
    const all = organisationsAt(BEFORE);
    expect(all).toHaveLength(5 + 98 + 5 + 2); // regions, municipalities, authorities, ministries
    const kinds = all.map((o) => o.kind);
    expect(kinds.indexOf('municipality')).toBe(5);
    expect(kinds.lastIndexOf('municipality')).toBe(102);
    const codes = all.filter((o) => o.kind === 'municipality').map((o) => o.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('finds organisations that are no longer valid, without a regionId', () => {
    const hovedstaden = findOrganisation('region-1084');
    expect(hovedstaden).toMatchObject({ name: 'Region Hovedstaden', code: '1084', validTo: REFORM });
    const kbh = findOrganisation('kommune-101');
    expect(kbh).toMatchObject({ kind: 'municipality', name: 'København', code: '101' });
    expect(kbh).not.toHaveProperty('regionId');
    expect(findOrganisation('kommune-999')).toBeUndefined();
  });

  it('returns copies that callers may modify without affecting later calls', () => {
    const first = organisationsAt(BEFORE, 'region');
    first.pop();
    expect(organisationsAt(BEFORE, 'region')).toHaveLength(5);
  });

  it('treats an unknown organisation as not valid', () => {
    expect(isValidOn('kommune-999', BEFORE)).toBe(false);
  });
});

describe('respondentsAt', () => {
  it('returns only ids of the asked kind', () => {
    const regions = respondentsAt(BEFORE, 'region');
    expect(regions).toEqual(['region-1081', 'region-1082', 'region-1083', 'region-1084', 'region-1085']);
    const municipalities = respondentsAt(REFORM, 'municipality');
    expect(municipalities).toHaveLength(98);
    expect(municipalities.every((id) => typeof id === 'string' && id.startsWith('kommune-'))).toBe(true);
    expect(respondentsAt(REFORM, 'region')).toContain('region-oestdanmark');
    expect(respondentsAt(REFORM, 'region')).not.toContain('region-1084');
  });

  it('rejects authorities, which never report', () => {
    expect(() => respondentsAt(BEFORE, 'authority' as 'region')).toThrow(RangeError);
  });
});

describe('date handling', () => {
  it.each(['2026-6-1', '2026-06-01T00:00:00Z', '20260601', '', '2026-13-01', '2026-02-30', '2025-02-29'])(
    'throws RangeError for malformed date %j',
    (date) => {
      expect(() => organisationsAt(date)).toThrow(RangeError);
      expect(() => isValidOn('sst', date)).toThrow(RangeError);
      expect(() => regionOf('kommune-101', date)).toThrow(RangeError);
      expect(() => respondentsAt(date, 'municipality')).toThrow(RangeError);
    },
  );

  it('accepts a leap day', () => {
    expect(organisationsAt('2028-02-29', 'region')).toHaveLength(4);
  });

  it('rejects an unknown kind', () => {
    expect(() => organisationsAt(BEFORE, 'county' as 'region')).toThrow(RangeError);
    expect(() => organisationsAt(BEFORE, 'toString' as 'region')).toThrow(RangeError);
  });
});

describe('official names', () => {
  const officialOf = (id: string) => findOrganisation(id)?.officialName;

  it('gives every organisation on every date an official name of its own', () => {
    for (const date of [BEFORE, REFORM]) {
      const all = organisationsAt(date);
      expect(all).toHaveLength(date === BEFORE ? 5 + 98 + 5 + 2 : 4 + 98 + 5 + 2);
      for (const o of all) expect(o.officialName.trim()).not.toBe('');
      expect(new Set(all.map((o) => o.officialName)).size).toBe(all.length);
    }
  });

  it('names 96 municipalities "<name> Kommune" and the two exceptions by their genitive forms', () => {
    const municipalities = organisationsAt(BEFORE, 'municipality');
    const plain = municipalities.filter((m) => m.officialName === `${m.name} Kommune`);
    expect(plain).toHaveLength(96);
    expect(municipalities.filter((m) => !plain.includes(m)).map((m) => [m.code, m.officialName])).toEqual([
      ['101', 'Københavns Kommune'],
      ['400', 'Bornholms Regionskommune'],
    ]);
  });

  it('keeps a sample of official names as the sources spell them, æ, ø and å included', () => {
    expect(officialOf('kommune-101')).toBe('Københavns Kommune');
    expect(officialOf('kommune-147')).toBe('Frederiksberg Kommune');
    expect(officialOf('kommune-400')).toBe('Bornholms Regionskommune');
    expect(officialOf('kommune-751')).toBe('Aarhus Kommune');
    expect(officialOf('kommune-173')).toBe('Lyngby-Taarbæk Kommune');
    expect(officialOf('kommune-169')).toBe('Høje-Taastrup Kommune');
    expect(officialOf('kommune-480')).toBe('Nordfyns Kommune');
    expect(officialOf('kommune-820')).toBe('Vesthimmerlands Kommune');
    expect(officialOf('kommune-492')).toBe('Ærø Kommune');
    expect(officialOf('kommune-185')).toBe('Tårnby Kommune');
    expect(officialOf('kommune-760')).toBe('Ringkøbing-Skjern Kommune');
  });

  it('names the regions "Region <name>", Østdanmark from 2027', () => {
    expect(organisationsAt(BEFORE, 'region').map((r) => r.officialName)).toEqual([
      'Region Nordjylland',
      'Region Midtjylland',
      'Region Syddanmark',
      'Region Hovedstaden',
      'Region Sjælland',
    ]);
    expect(organisationsAt(REFORM, 'region').map((r) => r.officialName)).toEqual([
      'Region Nordjylland',
      'Region Midtjylland',
      'Region Syddanmark',
      'Region Østdanmark',
    ]);
  });

  it('names the authorities as they name themselves', () => {
    expect(officialOf(SST_ORG_ID)).toBe('Sundhedsstyrelsen');
    expect(officialOf('kl')).toBe('KL');
    expect(officialOf('danske-regioner')).toBe('Danske Regioner');
    expect(officialOf('sundhedsdatastyrelsen')).toBe('Sundhedsdatastyrelsen');
    expect(officialOf('social-og-boligstyrelsen')).toBe('Social- og Boligstyrelsen');
  });
});

describe('the merger in history', () => {
  it('records that Region Østdanmark succeeds Region Hovedstaden and Region Sjælland from 2027-01-01', () => {
    expect(predecessorsOf('region-oestdanmark').map((p) => [p.id, p.name, p.succeededOn])).toEqual([
      ['region-1084', 'Region Hovedstaden', '2027-01-01'],
      ['region-1085', 'Region Sjælland', '2027-01-01'],
    ]);
    expect(predecessorsOf('region-oestdanmark', '2026-12-31')).toEqual([]);
    expect(predecessorsOf('region-1081')).toEqual([]);
    expect(successorOf('region-1084')).toEqual({ orgId: 'region-oestdanmark', on: '2027-01-01' });
    expect(successorOf('region-1085')).toEqual({ orgId: 'region-oestdanmark', on: '2027-01-01' });
    expect(successorOf('region-1082')).toBeUndefined();
  });
});
