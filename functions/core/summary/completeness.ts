// Completeness and timeliness of a round, the way DHIS2 reports data sets: expected reports,
// reports received, on time, late and missing, with reporting and timeliness rates, overall
// and rolled up per region (municipalities by the region they belonged to on the round's
// respondents date, so the 2027 merger is handled by the registry, not here). A report is late
// against its organisation's extended deadline when SST granted one, even after the fact.
import { findOrganisation, regionOf } from '#core/registry';
import { hasHealthCouncils, healthCouncilOf, UNASSIGNED_COUNCIL_ID, UNASSIGNED_COUNCIL_NAME } from '#core/health-councils';
import { COUNTED_STATUSES, type Completeness, type HealthCouncilCompleteness, type HealthCouncilRef, type CompletenessFigures, type OrgStatus, type OrgStatusRow, type RegionRef } from '#core/summary/model';
import { reportIsLate } from '#core/rounds';
import { percent } from '#core/summary/stats';

export interface RoundLite {
  roundId: string;
  respondentKind: 'region' | 'municipality';
  respondentsAt: string;
  deadlineAt: string;
  respondents: readonly string[];
}

export interface HeadLite {
  orgId: string;
  status: Exclude<OrgStatus, 'not_started'>;
  submittedAt?: string | undefined;
  late?: boolean | undefined;
}

export interface OrgContext extends RegionRef, Partial<HealthCouncilRef> {
  orgId: string;
  orgName: string;
}

const COUNTED: ReadonlySet<string> = new Set(COUNTED_STATUSES);
export const isCounted = (status: OrgStatus): boolean => COUNTED.has(status);

/** Each respondent with its name and region on the round's respondents date. */
export function organisationContext(round: RoundLite): Map<string, OrgContext> {
  const out = new Map<string, OrgContext>();
  for (const orgId of round.respondents) {
    const regionId = round.respondentKind === 'region' ? orgId : (regionOf(orgId, round.respondentsAt) ?? 'ukendt');
    // Sundhedsråd group municipalities from the reform on, the way regions do: by the round's date.
    const council = round.respondentKind === 'municipality' && hasHealthCouncils(round.respondentsAt) ? healthCouncilOf(orgId, round.respondentsAt) : undefined;
    out.set(orgId, {
      orgId,
      orgName: findOrganisation(orgId)?.name ?? orgId,
      regionId,
      regionName: findOrganisation(regionId)?.name ?? 'Ukendt region',
      ...(round.respondentKind === 'municipality' &&
        hasHealthCouncils(round.respondentsAt) && {
          healthCouncilId: council?.id ?? UNASSIGNED_COUNCIL_ID,
          healthCouncilName: council?.name ?? UNASSIGNED_COUNCIL_NAME,
        }),
    });
  }
  return out;
}

function emptyFigures(): CompletenessFigures {
  return {
    expected: 0,
    reported: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    accepted: 0,
    byStatus: { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 },
    reportingRate: 0,
    timelinessRate: 0,
  };
}

function add(f: CompletenessFigures, row: OrgStatusRow): void {
  f.expected++;
  f.byStatus[row.status]++;
  if (row.status === 'accepted') f.accepted++;
  if (row.counted) {
    f.reported++;
    if (row.late) f.late++;
    else f.onTime++;
  } else f.missing++;
}

function rates(f: CompletenessFigures): void {
  f.reportingRate = percent(f.reported, f.expected);
  f.timelinessRate = percent(f.onTime, f.expected);
}

/** `extensions`: extended deadlines (ISO instants) by organisation; only those that matter are needed. */
export function completenessOf(
  round: RoundLite,
  heads: readonly HeadLite[],
  now: Date,
  contexts = organisationContext(round),
  extensions: ReadonlyMap<string, string> = new Map(),
): Completeness {
  const byOrg = new Map(heads.map((h) => [h.orgId, h]));
  const total = emptyFigures();
  const regions = new Map<string, RegionRef & CompletenessFigures>();
  const councils = new Map<string, HealthCouncilCompleteness>();
  const organisations: OrgStatusRow[] = [];
  for (const org of contexts.values()) {
    const head = byOrg.get(org.orgId);
    const status: OrgStatus = head?.status ?? 'not_started';
    const row: OrgStatusRow = { ...org, status, counted: isCounted(status) };
    if (head?.submittedAt) {
      row.submittedAt = head.submittedAt;
      row.late = reportIsLate({ ...head, submittedAt: head.submittedAt }, round.deadlineAt, extensions.get(org.orgId));
    }
    organisations.push(row);
    add(total, row);
    let region = regions.get(org.regionId);
    if (!region) regions.set(org.regionId, (region = { regionId: org.regionId, regionName: org.regionName, ...emptyFigures() }));
    add(region, row);
    if (org.healthCouncilId !== undefined && org.healthCouncilName !== undefined) {
      let council = councils.get(org.healthCouncilId);
      if (!council) {
        const inRegion = org.healthCouncilId === UNASSIGNED_COUNCIL_ID ? {} : { regionId: org.regionId };
        councils.set(org.healthCouncilId, (council = { healthCouncilId: org.healthCouncilId, healthCouncilName: org.healthCouncilName, ...inRegion, ...emptyFigures() }));
      }
      add(council, row);
    }
  }
  rates(total);
  for (const r of regions.values()) rates(r);
  for (const c of councils.values()) rates(c);
  // By name, with the municipalities in no shipped sundhedsråd last.
  const byHealthCouncil = [...councils.values()].sort((a, b) =>
    a.healthCouncilId === UNASSIGNED_COUNCIL_ID ? 1 : b.healthCouncilId === UNASSIGNED_COUNCIL_ID ? -1 : a.healthCouncilName.localeCompare(b.healthCouncilName, 'da'),
  );
  return {
    ...total,
    deadlineAt: round.deadlineAt,
    pastDeadline: now.getTime() > Date.parse(round.deadlineAt),
    byRegion: [...regions.values()].sort((a, b) => (a.regionId < b.regionId ? -1 : a.regionId > b.regionId ? 1 : 0)),
    ...(councils.size > 0 && { byHealthCouncil }),
    organisations,
  };
}
