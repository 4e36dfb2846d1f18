// Sundhedsråd (health councils) as groupings in time: from 2027-01-01 the health reform sets up
// 17, each a set of municipalities inside one region. Their compositions come from
// registry/sundhedsraad.csv, which SST maintains (one row per municipality, with the public
// source of the composition), bundled as `#core/sundhedsraad-data`. Only compositions with a
// public source are shipped, so on a date with groupings some municipalities may be in none:
// roll-ups show them as "Ikke fordelt på et sundhedsråd", never drop them.
// Every row is checked against the registry at import: a wrong code, a municipality in two
// councils at once or a council spanning two regions stops the functions from starting.
import { findOrganisation, regionOf } from '#core/registry';
import { HEALTH_COUNCIL_ROWS } from '#core/sundhedsraad-data';
import { FIRST_HEALTH_COUNCIL_DATE } from '#core/health-council-date';

export interface HealthCouncilRow {
  readonly id: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly regionId: string;
  readonly municipalityCode: string;
  readonly municipalityName: string;
  readonly source: string;
}

export interface HealthCouncil {
  id: string;
  name: string;
  regionId: string;
  validFrom: string;
  validTo?: string;
  /** Municipality org ids, in code order. */
  municipalities: string[];
  sources: string[];
}

/** How many sundhedsråd the reform sets up from its first day (the reform's own number). */
export const HEALTH_COUNCILS_BY_LAW = 17;
export { FIRST_HEALTH_COUNCIL_DATE };
export const UNASSIGNED_COUNCIL_ID = 'ikke-fordelt';
export const UNASSIGNED_COUNCIL_NAME = 'Ikke fordelt på et sundhedsråd';

const covers = (p: { validFrom: string; validTo?: string | undefined }, date: string) => p.validFrom <= date && (p.validTo === undefined || date < p.validTo);

function build(rows: readonly HealthCouncilRow[]): HealthCouncil[] {
  const councils = new Map<string, HealthCouncil>();
  for (const [i, row] of rows.entries()) {
    const where = `sundhedsraad.csv, row ${i + 2}`;
    const orgId = `kommune-${row.municipalityCode}`;
    const org = findOrganisation(orgId);
    if (org?.kind !== 'municipality') throw new Error(`${where}: no municipality with code ${row.municipalityCode}`);
    if (org.name !== row.municipalityName) throw new Error(`${where}: code ${row.municipalityCode} is ${org.name}, not ${row.municipalityName}`);
    if (!row.source.trim()) throw new Error(`${where}: no source cited`);
    if (regionOf(orgId, row.validFrom) !== row.regionId) throw new Error(`${where}: ${org.name} is not in ${row.regionId} on ${row.validFrom}`);
    let council = councils.get(row.id);
    if (!council) {
      councils.set(row.id, (council = { id: row.id, name: row.name, regionId: row.regionId, validFrom: row.validFrom, ...(row.validTo && { validTo: row.validTo }), municipalities: [], sources: [] }));
    }
    if (council.name !== row.name || council.regionId !== row.regionId || council.validFrom !== row.validFrom || council.validTo !== row.validTo) {
      throw new Error(`${where}: ${row.id} has another name, region or period than on its first row`);
    }
    council.municipalities.push(orgId);
    if (!council.sources.includes(row.source)) council.sources.push(row.source);
  }
  const all = [...councils.values()];
  for (const c of all) c.municipalities.sort();
  // A municipality sits in one council at a time.
  for (const a of all) {
    for (const b of all) {
      if (a === b) continue;
      const overlap = a.validFrom < (b.validTo ?? '9999-12-31') && b.validFrom < (a.validTo ?? '9999-12-31');
      const shared = overlap && a.municipalities.find((m) => b.municipalities.includes(m));
      if (shared) throw new Error(`sundhedsraad.csv: ${shared} is in both ${a.id} and ${b.id}`);
    }
  }
  return all;
}

const COUNCILS = build(HEALTH_COUNCIL_ROWS);

/** Whether sundhedsråd exist on a date (from the reform on), whether or not all are shipped. */
export function hasHealthCouncils(date: string): boolean {
  return date >= FIRST_HEALTH_COUNCIL_DATE;
}

/** The shipped sundhedsråd valid on a date, by name. */
export function healthCouncilsAt(date: string): HealthCouncil[] {
  return COUNCILS.filter((c) => covers(c, date))
    .map((c) => structuredClone(c))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** The sundhedsråd a municipality belongs to on a date, if a shipped composition names it. */
export function healthCouncilOf(municipalityId: string, date: string): HealthCouncil | undefined {
  const found = COUNCILS.find((c) => covers(c, date) && c.municipalities.includes(municipalityId));
  return found && structuredClone(found);
}

/** What a roll-up on this date depends on, for a build's source stamp: a changed composition rebuilds. */
export function healthCouncilStamp(date: string): string {
  return healthCouncilsAt(date)
    .map((c) => `${c.id}=${c.municipalities.join('+')}`)
    .join(';');
}

/** Checks rows the way the shipped file is checked (for tests of the rules themselves). */
export const checkHealthCouncilRows = build;
