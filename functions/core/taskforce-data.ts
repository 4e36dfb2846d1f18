// The Task Force for kræft- og psykiatriområdet as its terms of reference set it up: which
// organisations hold how many seats, and from when. Facts only; `#core/taskforce` derives the
// seats on a date. Dates as in registry-data.ts: validFrom inclusive, validTo exclusive.
//
// Source (every line below): KOMMISSORIUM FOR TASK FORCE FOR KRÆFT- OG PSYKIATRIOMRÅDET,
// section "Sammensætning og mødekadence" (/work/shared/seeds/000_4eb3af6b35db6681.txt):
//   "DR og regionerne (6 repræsentanter – fra 1. januar 2027: 5 repræsentanter)", "KL og
//   kommunerne (5 repræsentanter)", one each for Indenrigs- og Sundhedsministeriet, Social- og
//   Boligministeriet, Social- og Boligstyrelsen and Sundhedsdatastyrelsen, and "Sundhedsstyrelsen
//   varetager forpersonskabet og sekretariatsbetjeningen af Task Force."
// What the source does not settle, and so is not modelled: which region or municipality fills a
// shared seat (a seat belongs to "DR og regionerne", not to one region), and which of the six
// regional seats lapses on 2027-01-01 (we number them and let number 6 lapse; SST can move the
// contacts). SST chairs and runs the secretariat: it organises the meetings but holds no
// counted seat.

export const TASKFORCE_SOURCE = 'Kommissorium for Task Force for kræft- og psykiatriområdet, afsnittet "Sammensætning og mødekadence"';

export interface SeatCount {
  readonly count: number;
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface SeatGroup {
  /** Prefix of the seat ids: `<id>-1`, `<id>-2`, … */
  readonly id: string;
  /** As the terms of reference name the group. */
  readonly label: string;
  /** Registry organisations the group stands for. */
  readonly orgIds: readonly string[];
  readonly seats: readonly SeatCount[];
  /** Meetings are organised so this group takes part in the relevant parts of them. */
  readonly partly?: boolean;
  readonly source: string;
}

const REFORM_DATE = '2027-01-01';

export const TASKFORCE_SEATS: readonly SeatGroup[] = [
  {
    id: 'dr-og-regionerne',
    label: 'DR og regionerne',
    orgIds: ['danske-regioner'],
    seats: [
      { count: 6, validTo: REFORM_DATE },
      { count: 5, validFrom: REFORM_DATE },
    ],
    source: TASKFORCE_SOURCE,
  },
  { id: 'kl-og-kommunerne', label: 'KL og kommunerne', orgIds: ['kl'], seats: [{ count: 5 }], source: TASKFORCE_SOURCE },
  { id: 'indenrigs-og-sundhedsministeriet', label: 'Indenrigs- og Sundhedsministeriet', orgIds: ['indenrigs-og-sundhedsministeriet'], seats: [{ count: 1 }], source: TASKFORCE_SOURCE },
  // "Møderne organiseres, så Social- og Boligministeriet og Social- og Boligstyrelsen deltager i
  // relevante dele af møderne."
  { id: 'social-og-boligministeriet', label: 'Social- og Boligministeriet', orgIds: ['social-og-boligministeriet'], seats: [{ count: 1 }], partly: true, source: TASKFORCE_SOURCE },
  { id: 'social-og-boligstyrelsen', label: 'Social- og Boligstyrelsen', orgIds: ['social-og-boligstyrelsen'], seats: [{ count: 1 }], partly: true, source: TASKFORCE_SOURCE },
  { id: 'sundhedsdatastyrelsen', label: 'Sundhedsdatastyrelsen', orgIds: ['sundhedsdatastyrelsen'], seats: [{ count: 1 }], source: TASKFORCE_SOURCE },
];

/** Chair and secretariat ("forpersonskabet og sekretariatsbetjeningen"): the organiser of every meeting. */
export const TASKFORCE_CHAIR = { orgId: 'sst', source: TASKFORCE_SOURCE } as const;
