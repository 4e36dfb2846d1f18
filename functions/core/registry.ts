// The organisation registry, versioned in time: which regions, municipalities and authorities
// exist on a given date, and which region a municipality belongs to then.
// Everything is derived once at import. Validity only changes on a handful of boundary dates,
// so each period between two boundaries gets a ready-made snapshot, and a request costs one
// date check, a scan over those few boundaries and an array copy (well under a microsecond).
import { AUTHORITIES, MINISTRIES, MUNICIPALITIES, REGION_MERGERS, REGIONS } from '#core/registry-data';

export type OrgKind = 'region' | 'municipality' | 'authority' | 'ministry';

export interface OrgView {
  id: string;
  kind: OrgKind;
  /** Short name for lists and tables: "København", "Region Hovedstaden". */
  name: string;
  /** The name in a letter or a sentence: "Københavns Kommune", "Bornholms Regionskommune". */
  officialName: string;
  code: string | null;
  /** Municipalities only: the region on the asked date. */
  regionId?: string;
  validFrom?: string;
  validTo?: string;
}

export const SST_ORG_ID = 'sst';

interface Period {
  readonly validFrom?: string | undefined;
  readonly validTo?: string | undefined;
}

interface Membership extends Period {
  readonly regionId: string;
}

interface Org extends Period {
  readonly id: string;
  readonly kind: OrgKind;
  readonly name: string;
  readonly officialName: string;
  readonly code: string | null;
  readonly memberships: readonly Membership[];
}

interface Snapshot {
  readonly all: readonly OrgView[];
  readonly byKind: Readonly<Record<OrgKind, readonly OrgView[]>>;
  readonly idsByKind: Readonly<Record<OrgKind, readonly string[]>>;
  readonly regionOf: ReadonlyMap<string, string>;
}

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function assertDate(date: string): void {
  const m = typeof date === 'string' ? DATE.exec(date) : null;
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${String(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > days) throw new RangeError(`no such date: ${date}`);
}

function covers(p: Period, date: string): boolean {
  return (p.validFrom === undefined || p.validFrom <= date) && (p.validTo === undefined || date < p.validTo);
}

function periodOf(p: Period): Pick<OrgView, 'validFrom' | 'validTo'> {
  return {
    ...(p.validFrom !== undefined && { validFrom: p.validFrom }),
    ...(p.validTo !== undefined && { validTo: p.validTo }),
  };
}

// A municipality follows its region through every merger that swallows it, so its membership
// history is a chain of periods ending in whatever region holds it now.
const MERGERS_IN_ORDER = [...REGION_MERGERS].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

function membershipsFrom(regionId: string): Membership[] {
  const chain: Membership[] = [];
  let current = regionId;
  let since: string | undefined;
  for (const merger of MERGERS_IN_ORDER) {
    if (!merger.from.includes(current)) continue;
    chain.push({ regionId: current, validFrom: since, validTo: merger.on });
    current = merger.into;
    since = merger.on;
  }
  chain.push({ regionId: current, validFrom: since });
  return chain;
}

const ORGS: readonly Org[] = [
  ...REGIONS.map((r): Org => ({ ...r, kind: 'region', memberships: [] })),
  ...MUNICIPALITIES.map((m): Org => ({
    id: `kommune-${m.code}`,
    kind: 'municipality',
    name: m.name,
    officialName: m.officialName,
    code: m.code,
    memberships: membershipsFrom(`region-${m.regionCode}`),
  })),
  ...AUTHORITIES.map((a): Org => ({ ...a, kind: 'authority', code: null, memberships: [] })),
  ...MINISTRIES.map((a): Org => ({ ...a, kind: 'ministry', code: null, memberships: [] })),
];

const BY_ID: ReadonlyMap<string, Org> = new Map(ORGS.map((o) => [o.id, o]));
if (BY_ID.size !== ORGS.length) throw new Error('registry-data: duplicate organisation id');

const FOUND: ReadonlyMap<string, OrgView> = new Map(
  ORGS.map((o) => [o.id, Object.freeze({ id: o.id, kind: o.kind, name: o.name, officialName: o.officialName, code: o.code, ...periodOf(o) })]),
);

const KIND_ORDER: Readonly<Record<OrgKind, number>> = { region: 0, municipality: 1, authority: 2, ministry: 3 };
// Made on first use: a Collator loads ICU's Danish data, which a cold start need not pay for.
let danish: Intl.Collator | undefined;

// Coded organisations first in code order (codes share a width within a kind, so string order
// is numeric order); uncoded ones, such as Østdanmark and the authorities, follow by name.
function compareOrgs(a: OrgView, b: OrgView): number {
  const byKind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (byKind !== 0) return byKind;
  if (a.code !== null && b.code !== null && a.code !== b.code) return a.code < b.code ? -1 : 1;
  if (a.code !== null && b.code === null) return -1;
  if (a.code === null && b.code !== null) return 1;
  return (danish ??= new Intl.Collator('da')).compare(a.name, b.name);
}

function snapshotAt(date: string): Snapshot {
  const all: OrgView[] = [];
  const regionOf = new Map<string, string>();
  for (const org of ORGS) {
    if (!covers(org, date)) continue;
    const regionId = org.memberships.find((m) => covers(m, date))?.regionId;
    if (regionId !== undefined) regionOf.set(org.id, regionId);
    all.push(
      Object.freeze({
        id: org.id,
        kind: org.kind,
        name: org.name,
        officialName: org.officialName,
        code: org.code,
        ...(regionId !== undefined && { regionId }),
        ...periodOf(org),
      }),
    );
  }
  all.sort(compareOrgs);
  // The views are frozen but the arrays are not: V8 copies a frozen array about 20x slower,
  // and these arrays only ever leave the module as copies.
  const ofKind = (kind: OrgKind) => all.filter((o) => o.kind === kind);
  const byKind = { region: ofKind('region'), municipality: ofKind('municipality'), authority: ofKind('authority'), ministry: ofKind('ministry') };
  const ids = (kind: OrgKind) => byKind[kind].map((o) => o.id);
  return {
    all,
    byKind,
    idsByKind: { region: ids('region'), municipality: ids('municipality'), authority: ids('authority'), ministry: ids('ministry') },
    regionOf,
  };
}

const BOUNDARIES: readonly string[] = [
  ...new Set(
    ORGS.flatMap((o) => [o, ...o.memberships]).flatMap((p) =>
      [p.validFrom, p.validTo].filter((d): d is string => d !== undefined),
    ),
  ),
].sort();

// snapshots[i] holds for dates in [BOUNDARIES[i - 1], BOUNDARIES[i]). The first one covers
// everything before the first boundary; '0000-01-01' is the least date the format allows. Each is
// built on first use, so a cold start that never lists organisations does not sort them.
const snapshots: (Snapshot | undefined)[] = [];

function snapshotFor(date: string): Snapshot {
  assertDate(date);
  let i = 0;
  while (i < BOUNDARIES.length && (BOUNDARIES[i] as string) <= date) i++;
  return (snapshots[i] ??= snapshotAt(i === 0 ? '0000-01-01' : (BOUNDARIES[i - 1] as string)));
}

export function organisationsAt(date: string, kind?: OrgKind): OrgView[] {
  const snapshot = snapshotFor(date);
  if (kind === undefined) return snapshot.all.slice();
  // Kinds often arrive straight from a query string; fail as loudly as a bad date does, and
  // check own keys so that 'toString' and friends are not mistaken for kinds.
  if (!Object.hasOwn(KIND_ORDER, kind)) throw new RangeError(`unknown organisation kind: ${String(kind)}`);
  // Copies, so a caller sorting or filtering in place cannot disturb the next request.
  return snapshot.byKind[kind].slice();
}

export function findOrganisation(orgId: string): OrgView | undefined {
  return FOUND.get(orgId);
}

export function isValidOn(orgId: string, date: string): boolean {
  assertDate(date);
  const org = BY_ID.get(orgId);
  return org !== undefined && covers(org, date);
}

export function regionOf(municipalityId: string, date: string): string | undefined {
  return snapshotFor(date).regionOf.get(municipalityId);
}

export function respondentsAt(date: string, kind: 'region' | 'municipality'): string[] {
  const snapshot = snapshotFor(date);
  // Authorities never report, so asking for them is a caller's bug, not an empty answer.
  if (kind !== 'region' && kind !== 'municipality') throw new RangeError(`not a respondent kind: ${String(kind)}`);
  return snapshot.idsByKind[kind].slice();
}

/**
 * The organisations an organisation succeeds (Region Hovedstaden and Region Sjælland for Region
 * Østdanmark, from 2027-01-01), oldest merger first; with a date, only mergers in force by then.
 */
export function predecessorsOf(orgId: string, date?: string): (OrgView & { succeededOn: string })[] {
  if (date !== undefined) assertDate(date);
  return MERGERS_IN_ORDER.filter((m) => m.into === orgId && (date === undefined || m.on <= date)).flatMap((m) =>
    m.from.map((id) => ({ ...(FOUND.get(id) as OrgView), succeededOn: m.on })),
  );
}

/** The organisation that succeeds one that ceased in a merger, with the date it took over. */
export function successorOf(orgId: string): { orgId: string; on: string } | undefined {
  const merger = MERGERS_IN_ORDER.find((m) => m.from.includes(orgId));
  return merger && { orgId: merger.into, on: merger.on };
}
