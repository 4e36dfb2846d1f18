// A coordinated round seen by its coordinator (Danske Regioner, say) and by SST: each
// contributor's contribution with its status and last comment, a link to read (and, for the
// coordinator, return or accept) each one, and the coordinator's own report to SST, which it can
// start from the contributions received.
import { useState } from 'react';
import { describe, get, request } from '../api.ts';
import type { Session } from '../auth.ts';
import { formatDateTime, possessive, t } from '../i18n.ts';
import { href, navigate } from '../router.ts';
import type { Round, Submission } from '../types.ts';
import type * as z from 'zod';
import type { RoundContributions as RoundContributionsSchema } from '#schemas/api';

type RoundContributions = z.infer<typeof RoundContributionsSchema>;
import { ConfirmDialog, LoadError, Loading, Notice, PageTitle, StatusBadge, TableScroll, useLoad } from '../components/common.tsx';

type Row = RoundContributions['contributions'][number];
const RECEIVED = new Set(['submitted', 'accepted']);

export function ContributionsPage({ roundId, session }: { roundId: string; session: Session }) {
  const load = useLoad(async () => {
    const [round, list] = await Promise.all([
      get<Round>(`/rounds/${encodeURIComponent(roundId)}`),
      get<RoundContributions>(`/rounds/${encodeURIComponent(roundId)}/contributions`),
    ]);
    return { round: round.body, list: list.body };
  }, [roundId]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<string | undefined>();

  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} page />;
  if (!load.data) return <Loading />;
  const { round, list } = load.data;
  const coordinator = session.role === 'reporter' && session.orgId === round.coordinator;
  const received = list.contributions.filter((c) => RECEIVED.has(c.status)).length;
  const own = list.coordinator;
  const title = t('contributionsTitle', round.title);

  // The coordinator's report starts from what has come in: a saved draft it then edits as its own.
  const compose = async () => {
    setConfirming(false);
    setBusy(true);
    setFlash(undefined);
    try {
      const path = `/rounds/${encodeURIComponent(roundId)}/submissions/${encodeURIComponent(own.orgId)}`;
      const current = await get<Submission>(path);
      await request<Submission>('POST', `${path}/compose`, { ifMatch: current.etag });
      navigate(href.submission(roundId, own.orgId));
    } catch (err) {
      setFlash(t('composeFailed', describe(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <a href={coordinator ? href.home() : href.round(roundId)}>← {coordinator ? t('navRounds') : round.title}</a>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{coordinator ? t('contributionsIntroCoordinator', list.contributions.length, received) : t('contributionsIntroSst', own.name)}</p>
      <dl className="figures">
        <div>
          <dt>{t('figContributors')}</dt>
          <dd>{list.contributions.length}</dd>
        </div>
        <div>
          <dt>{t('figReceived')}</dt>
          <dd>{received}</dd>
        </div>
        <div>
          <dt>{t('figAccepted')}</dt>
          <dd>{list.contributions.filter((c) => c.status === 'accepted').length}</dd>
        </div>
        <div className="figure-wide">
          <dt>{t('figOwnReport')}</dt>
          <dd className="small-figure">
            <StatusBadge status={own.status} />
          </dd>
        </div>
      </dl>
      {flash && (
        <Notice kind="error" role="alert">
          <p>{flash}</p>
        </Notice>
      )}
      <TableScroll label={t('contributionsCaption')}>
        <table className="table table-stack">
          <caption className="sr-only">{t('contributionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colOrg')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colSubmittedAt')}</th>
              <th scope="col">{t('colLastComment')}</th>
            </tr>
          </thead>
          <tbody>
            {list.contributions.map((c: Row) => (
              <tr key={c.orgId} data-org={c.orgId}>
                <th scope="row">
                  <a href={href.submission(roundId, c.orgId)} aria-label={t('readContributionOf', c.name)}>
                    {c.name}
                  </a>
                </th>
                <td data-label={t('colStatus')}>
                  <StatusBadge status={c.status} />
                  {c.late && <span className="badge badge-late">{t('late')}</span>}
                </td>
                <td data-label={t('colSubmittedAt')}>{c.submittedAt ? formatDateTime(c.submittedAt) : '–'}</td>
                <td data-label={t('colLastComment')}>
                  {c.review ? (
                    <>
                      “{c.review.comment}”
                      {/* Sent again after the return: the comment has been answered. */}
                      {c.submittedAt && c.submittedAt > c.review.at && <span className="comment-answered">{t('commentAnswered', formatDateTime(c.submittedAt))}</span>}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section aria-labelledby="own-report-title" className="review-actions">
        <h2 id="own-report-title">{t('ownReportTitle', possessive(own.name))}</h2>
        <p>
          <StatusBadge status={own.status} /> <a href={href.submission(roundId, own.orgId)}>{coordinator ? t('openOwnReport') : t('openCoordinatorReport', own.name)}</a>
        </p>
        {coordinator && round.phase === 'open' && (own.status === 'not_started' || own.status === 'draft' || own.status === 'returned') && (
          <>
            <p>{t('composeIntro', received, list.contributions.length)}</p>
            <button type="button" className="btn btn-primary" disabled={busy || received === 0} onClick={() => setConfirming(true)}>
              {t('composeButton')}
            </button>
          </>
        )}
      </section>
      <ConfirmDialog open={confirming} title={t('composeButton')} confirmLabel={t('composeYes')} onConfirm={() => void compose()} onCancel={() => setConfirming(false)}>
        <p>
          {own.status === 'not_started'
            ? received === 1
              ? t('composeBodyNewOne')
              : t('composeBodyNew', received)
            : received === 1
              ? t('composeBodyAgainOne')
              : t('composeBodyAgain', received)}
        </p>
      </ConfirmDialog>
    </>
  );
}
