// The Task Force's seats on a date, derived from #core/taskforce-data. Pure: the contacts of
// each seat (e-mail addresses, set by SST) are stored apart and joined in by the caller.
import { TASKFORCE_SEATS } from '#core/taskforce-data';

export interface Seat {
  /** Stable: `dr-og-regionerne-6`; contacts are stored under it. */
  seatId: string;
  groupId: string;
  label: string;
  /** 1-based within the group. */
  number: number;
  orgIds: string[];
  partly: boolean;
  validFrom?: string;
  validTo?: string;
  source: string;
}

const covers = (p: { validFrom?: string | undefined; validTo?: string | undefined }, date: string) =>
  (p.validFrom === undefined || p.validFrom <= date) && (p.validTo === undefined || date < p.validTo);

// Seat n of a group exists while some period of the group counts at least n seats; its own
// validity is the span of those periods (periods of one group are contiguous in the data).
const ALL_SEATS: readonly Seat[] = TASKFORCE_SEATS.flatMap((g) => {
  const most = Math.max(...g.seats.map((s) => s.count));
  return Array.from({ length: most }, (_, i): Seat => {
    const periods = g.seats.filter((s) => s.count > i);
    const from = periods.some((p) => p.validFrom === undefined) ? undefined : periods.map((p) => p.validFrom!).sort()[0];
    const to = periods.some((p) => p.validTo === undefined) ? undefined : periods.map((p) => p.validTo!).sort().at(-1);
    return {
      seatId: `${g.id}-${i + 1}`,
      groupId: g.id,
      label: g.label,
      number: i + 1,
      orgIds: [...g.orgIds],
      partly: g.partly ?? false,
      ...(from !== undefined && { validFrom: from }),
      ...(to !== undefined && { validTo: to }),
      source: g.source,
    };
  });
});

/** The seats on a date (YYYY-MM-DD), in the order of the terms of reference. */
export function seatsAt(date: string): Seat[] {
  return ALL_SEATS.filter((s) => covers(s, date)).map((s) => ({ ...s, orgIds: [...s.orgIds] }));
}

/** Seats per group on a date: `{ 'dr-og-regionerne': 6, … }`. */
export function seatCountsAt(date: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const g of TASKFORCE_SEATS) counts[g.id] = g.seats.filter((s) => covers(s, date)).reduce((n, s) => n + s.count, 0);
  return counts;
}

export function findSeat(seatId: string): Seat | undefined {
  return ALL_SEATS.find((s) => s.seatId === seatId);
}
