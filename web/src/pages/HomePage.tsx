// The start page after sign-in. A reporter sees its open reports with deadline and status;
// SST sees every round with its phase, deadline and how many have reported.
import { get } from '../api.ts';
import type { Session } from '../auth.ts';
import { formatDateTime, t, type StringKey } from '../i18n.ts';
import { href } from '../router.ts';
import type { Round, Submission } from '../types.ts';
import { LoadError, Loading, PageTitle, StatusBadge, TableScroll, useLoad } from '../components/common.tsx';
import { RoundStatusCell } from '../components/round-status.tsx';
import { features } from '../features.ts';

interface Row {
  round: Round;
  submission?: Submission;
}

const OPEN_FOR_INPUT = new Set(['not_started', 'draft', 'returned']);
/** Not sent yet, and the organisation's own deadline (with any extension) has passed. */
const isOverdue = (round: Round, s: Submission) => round.phase === 'open' && OPEN_FOR_INPUT.has(s.status) && Date.now() > Date.parse(s.deadlineAt ?? round.deadlineAt);

const byDeadline = (a: Row, b: Row) => a.round.deadlineAt.localeCompare(b.round.deadlineAt);

export function HomePage({ session }: { session: Session }) {
  const reporter = session.role === 'reporter';
  const load = useLoad(async (): Promise<Row[]> => {
    const rounds = (await get<{ items: Round[] }>('/rounds')).body.items;
    if (!reporter) return rounds.map((round) => ({ round })).sort(byDeadline);
    const rows = await Promise.all(
      rounds
        .filter((r) => r.phase !== 'scheduled')
        .map(async (round) => ({
          round,
          submission: (await get<Submission>(`/rounds/${encodeURIComponent(round.roundId)}/submissions/${encodeURIComponent(session.orgId)}`)).body,
        })),
    );
    return rows.sort(byDeadline);
  }, [session.token]);
  const title = reporter ? t('myRoundsTitle') : t('sstRoundsTitle');
  const showStatus = !reporter && features.roundStatus();
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && load.data.length === 0 && <p>{t('noRounds')}</p>}
      {load.data && load.data.length > 0 && (
        <TableScroll label={title}>
        <table className="table table-stack">
          <thead>
            <tr>
              <th scope="col">{t('colRound')}</th>
              <th scope="col">{t('colPeriod')}</th>
              <th scope="col">{t('colDeadline')}</th>
              <th scope="col">{reporter ? t('colStatus') : t('colPhase')}</th>
              {showStatus && <th scope="col">{t('colCompleteness')}</th>}
            </tr>
          </thead>
          <tbody>
            {load.data.map(({ round, submission }) => (
              <tr key={round.roundId}>
                <th scope="row">
                  <a href={reporter ? href.submission(round.roundId, session.orgId) : href.round(round.roundId)}>{round.title}</a>
                  {submission?.status === 'returned' && submission.review && <p className="muted small">“{submission.review.comment}”</p>}
                  {reporter && round.mode === 'coordinated' && round.coordinator === session.orgId && (
                    <p className="small">
                      <a href={href.contributions(round.roundId)}>{t('seeContributions')}</a>
                    </p>
                  )}
                </th>
                <td data-label={t('colPeriod')}>{round.period}</td>
                <td data-label={t('colDeadline')}>
                  {/* The organisation's own deadline: an extension moves it. */}
                  {formatDateTime(submission?.deadlineAt ?? round.deadlineAt)}
                  {submission?.extension && <p className="muted small">{t('extended')}</p>}
                </td>
                <td data-label={reporter ? t('colStatus') : t('colPhase')}>
                  {submission ? <StatusBadge status={submission.status} /> : <span className={`phase phase-${round.phase}`}>{t(`phase_${round.phase}` as StringKey)}</span>}
                  {submission?.late && <span className="badge badge-late">{t('late')}</span>}
                  {submission && isOverdue(round, submission) && <span className="badge badge-late">{t('overdue')}</span>}
                </td>
                {showStatus && (
                  <td data-label={t('colCompleteness')}>
                    <RoundStatusCell roundId={round.roundId} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </>
  );
}
