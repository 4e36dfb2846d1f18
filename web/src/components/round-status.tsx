// A round's completeness at a glance, from GET /rounds/{roundId}/status: the key figures
// (expected, submitted, on time, late, missing, accepted and the two rates), a one-line
// version for the rounds list (loaded as its row comes into view), and the roll-up per region
// as a table.
import { useEffect, useRef, useState } from 'react';
import type { RoundStatus } from '#schemas/summary';
import type * as z from 'zod';
import { get } from '../api.ts';
import { formatPercent, possessive, statusLabel, t, type StringKey } from '../i18n.ts';
import { TableScroll } from './common.tsx';

export type RoundStatusBody = z.infer<typeof RoundStatus>;
export type Figures = Omit<RoundStatusBody['completeness'], 'deadlineAt' | 'pastDeadline' | 'byRegion' | 'organisations'>;

const FIGURES: { key: keyof Figures; label: StringKey; percent?: boolean }[] = [
  { key: 'expected', label: 'figExpected' },
  { key: 'reported', label: 'figReported' },
  { key: 'onTime', label: 'figOnTime' },
  { key: 'late', label: 'figLate' },
  { key: 'missing', label: 'figMissing' },
  { key: 'accepted', label: 'figAccepted' },
  { key: 'reportingRate', label: 'figReportingRate', percent: true },
  { key: 'timelinessRate', label: 'figTimelinessRate', percent: true },
];

const show = (f: Figures, key: keyof Figures, percent?: boolean) => (percent ? formatPercent(f[key] as number) : String(f[key]));

/** The key figures as a description list (each number with its name, for screen readers too). */
export function CompletenessFigures({ figures }: { figures: Figures }) {
  return (
    <>
      <dl className="figures" data-testid="round-figures">
        {FIGURES.map(({ key, label, percent }) => (
          <div key={key} data-figure={key}>
            <dt>{t(label)}</dt>
            <dd>{show(figures, key, percent)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('figuresHint')}</p>
    </>
  );
}

/** "12 af 98 indsendt (12,2 %)" with the breakdown under it, for a row of the rounds list. */
export function CompletenessLine({ figures }: { figures: Figures }) {
  return (
    <>
      {t('roundCountsShort', figures.reported, figures.expected, formatPercent(figures.reportingRate))}
      <p className="muted small">{t('roundCountsDetail', figures.onTime, figures.late, figures.missing, figures.accepted)}</p>
    </>
  );
}


/**
 * A coordinated round in the rounds list: first the coordinator's report to SST (the one SST
 * reviews), then its contributions, so "1 godkendt" is never read as SST's approval.
 */
export function CoordinationLine({ coordination: c }: { coordination: NonNullable<RoundStatusBody['coordination']> }) {
  return (
    <>
      {t('coordCellReport', possessive(c.coordinatorName), statusLabel(c.report.status))}
      <p className="muted small">{t('coordCellContributions', c.contributionsReceived, c.contributionsExpected, c.contributionsAccepted, c.coordinatorName)}</p>
    </>
  );
}

/** One row per region with the same figures; numbers right-aligned for comparison. */
export function RegionTable({ regions }: { regions: RoundStatusBody['completeness']['byRegion'] }) {
  return (
    <TableScroll label={t('regionTableCaption')}>
    <table className="table region-table">
      <caption>{t('regionTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colRegion')}</th>
          {FIGURES.map(({ key, label }) => (
            <th scope="col" className="num" key={key}>
              {t(label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {regions.map((r) => (
          <tr key={r.regionId} data-region={r.regionId}>
            <th scope="row">{r.regionName}</th>
            {FIGURES.map(({ key, percent }) => (
              <td className="num" key={key}>
                {show(r, key, percent)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

// At most a few status requests at once: the rounds list may hold many rounds, and each
// status is computed live from every report of the round.
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= 4) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The completeness line of one round in the rounds list, fetched once the row scrolls into view. */
export function RoundStatusCell({ roundId }: { roundId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ figures?: Figures; coordination?: RoundStatusBody['coordination']; failed?: boolean }>({});
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      limited(() => get<RoundStatusBody>(`/rounds/${encodeURIComponent(roundId)}/status`)).then(
        (r) => live && setState({ figures: r.body.completeness, coordination: r.body.coordination }),
        () => live && setState({ failed: true }),
      );
    });
    observer.observe(el);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [roundId]);
  return (
    <div ref={ref} data-round-status={roundId}>
      {state.figures && state.coordination ? (
        <CoordinationLine coordination={state.coordination} />
      ) : state.figures ? <CompletenessLine figures={state.figures} /> : state.failed ? <span className="muted">{t('roundCountsUnavailable')}</span> : <span className="muted">{t('loading')}</span>}
    </div>
  );
}
