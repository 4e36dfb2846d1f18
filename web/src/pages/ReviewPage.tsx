// SST's review of one organisation's report: the answers read-only, then accept or return
// with a comment (optionally tied to a field). Readers see the same page without the buttons.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, describe, get, openHtml, request } from '../api.ts';
import type { Session } from '../auth.ts';
import { formatDateTime, t } from '../i18n.ts';
import { href } from '../router.ts';
import { fieldPointers, labelOf } from '../schema-form.ts';
import type { Submission } from '../types.ts';
import { ConfirmDialog, LoadError, Loading, Notice, PageTitle, StatusBadge, useLoad } from '../components/common.tsx';
import { ReportForm } from '../components/form-parts.tsx';
import { RevisionHistory, SinceLastYear } from '../components/revisions.tsx';
import { Attachments } from '../components/attachments.tsx';
import { features } from '../features.ts';
import { loadReport } from './ReportPage.tsx';

/** What a colleague did to the report while this reviewer had it open. */
function staleText(now: Submission, contribution: boolean): string {
  const what = contribution ? t('staleWhatContribution') : t('staleWhatReport');
  if (now.status === 'returned' && now.review) return t('staleReturned', what, now.review.by, formatDateTime(now.review.at));
  if (now.status === 'accepted') return t('staleAccepted', what, now.updatedBy ?? '', now.updatedAt ? formatDateTime(now.updatedAt) : '');
  return t('staleChanged', what, t(`status_${now.status}`), now.updatedBy ?? '', now.updatedAt ? formatDateTime(now.updatedAt) : '');
}

export function ReviewPage({ roundId, orgId, session }: { roundId: string; orgId: string; session: Session }) {
  // The short name heads SST's page ("København: …").
  const load = useLoad(async () => {
    const report = await loadReport(roundId, orgId);
    return { ...report, orgName: report.orgShortName };
  }, [roundId, orgId]);
  const [submission, setSubmission] = useState<Submission | undefined>();
  const [etag, setEtag] = useState<string | undefined>();
  const [comment, setComment] = useState('');
  const [pointer, setPointer] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const [flash, setFlash] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const [confirmAccept, setConfirmAccept] = useState(false);
  const [busy, setBusy] = useState(false);
  // A move refused because the report changed meanwhile (a colleague returned or accepted it):
  // what it is now, and the comment this reviewer typed, which was not sent and must not be lost.
  const [stale, setStale] = useState<{ now: Submission; unsent: string } | undefined>();
  // Where focus goes after a move: its outcome, not <body> (the buttons it came from are gone).
  const [focusTo, setFocusTo] = useState<string | undefined>();
  useEffect(() => {
    if (!focusTo) return;
    document.getElementById(focusTo)?.focus();
    setFocusTo(undefined);
  }, [focusTo]);

  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} page />;
  if (!load.data) return <Loading />;
  const { round, form, orgName } = load.data;
  const sub = submission ?? load.data.submission;
  const tag = etag ?? load.data.etag;
  const path = `/rounds/${encodeURIComponent(roundId)}/submissions/${encodeURIComponent(orgId)}`;
  // Who reviews this report: SST's administrators, except for a contribution in a coordinated
  // round, which its coordinator reviews (SST reviews the coordinator's own report).
  const contribution = round.mode === 'coordinated' && (round.contributors ?? []).includes(orgId);
  const coordinator = session.role === 'reporter' && contribution && round.coordinator === session.orgId;
  const admin = coordinator || (session.role === 'sst-admin' && !contribution);

  const act = async (action: 'accept' | 'return', body?: unknown) => {
    setBusy(true);
    setFlash(undefined);
    setStale(undefined);
    try {
      const reply = await request<Submission>('POST', `${path}/${action}`, { ifMatch: tag, ...(body ? { body } : {}) });
      setSubmission(reply.body);
      setEtag(reply.etag ?? reply.body.etag);
      setFlash({ kind: 'success', text: contribution ? (action === 'accept' ? t('contributionAccepted') : t('contributionReturned')) : action === 'accept' ? t('accepted') : t('returned') });
      setComment('');
      setFocusTo('review-outcome');
    } catch (err) {
      // Refused because the report is no longer what this page shows: show what it is now.
      const now = err instanceof ApiError && err.status >= 409 && err.status <= 428 ? await get<Submission>(path).catch(() => undefined) : undefined;
      if (now && (now.body.status !== sub.status || (now.etag ?? now.body.etag) !== tag)) {
        setSubmission(now.body);
        setEtag(now.etag ?? now.body.etag);
        setStale({ now: now.body, unsent: action === 'return' ? comment.trim() : '' });
        setFocusTo('review-stale');
      } else {
        setFlash({ kind: 'error', text: describe(err) });
        setFocusTo('review-outcome');
      }
    } finally {
      setBusy(false);
    }
  };

  const sendReturn = (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setCommentError(t('commentRequired'));
      document.getElementById('return-comment')?.focus();
      return;
    }
    setCommentError(undefined);
    void act('return', { comment: comment.trim(), ...(pointer ? { pointer } : {}) });
  };

  const title = `${orgName}: ${round.title}`;
  return (
    <>
      <p className="breadcrumb">
        <a href={coordinator ? href.contributions(roundId) : href.round(roundId)}>← {coordinator ? t('contributionsTitle', round.title) : round.title}</a>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <div className="report-meta">
        <StatusBadge status={sub.status} />
        {sub.submittedAt && <span>{t('submittedAtText', formatDateTime(sub.submittedAt))}</span>}
        {sub.late && <span className="badge badge-late">{t('late')}</span>}
        <button
          type="button"
          className="btn btn-link"
          onClick={() =>
            openHtml(`/rounds/${encodeURIComponent(roundId)}/submissions/${encodeURIComponent(orgId)}/print`, t('loading')).catch((err: unknown) =>
              setFlash({ kind: 'error', text: t('printFailed', describe(err)) }),
            )
          }
        >
          {t('printReport')}
        </button>
      </div>
      {flash && (
        <div id="review-outcome" tabIndex={-1}>
          <Notice kind={flash.kind} role={flash.kind === 'error' ? 'alert' : 'status'}>
            <p>{flash.text}</p>
          </Notice>
        </div>
      )}
      {sub.review && sub.status === 'returned' && (
        <Notice kind="info">
          <p>
            <strong>{t(contribution ? 'returnedCommentContribution' : 'returnedComment', sub.review.byOrgName ?? 'Sundhedsstyrelsen')}</strong>
          </p>
          <blockquote className="review-comment">{sub.review.comment}</blockquote>
          <p className="muted">
            {sub.review.by}, {formatDateTime(sub.review.at)}
          </p>
          {sub.review.pointer && <p>{t('commentAtField', labelOf(form.schema, sub.review.pointer))}</p>}
        </Notice>
      )}
      {stale && (
        <div id="review-stale" tabIndex={-1}>
          <Notice kind="warning" role="alert">
            <p>
              <strong>{staleText(stale.now, contribution)}</strong>
            </p>
            <p>{t('staleShown')}</p>
            {stale.unsent && (
              <>
                <p>{t('staleUnsent')}</p>
                <blockquote className="review-comment">{stale.unsent}</blockquote>
              </>
            )}
          </Notice>
        </div>
      )}
      {admin && sub.status === 'submitted' && (
        <section className="review-actions" aria-labelledby="review-title">
          <h2 id="review-title">{t('review')}</h2>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setConfirmAccept(true)}>
            {t('accept')}
          </button>
          <form className="stack return-form" onSubmit={sendReturn} noValidate>
            <h3>{t('returnTitle')}</h3>
            <div className={`form-group${commentError ? ' has-error' : ''}`}>
              <label htmlFor="return-comment" className="control-label">
                {t('returnComment')}
              </label>
              <p id="return-comment-hint" className="help-block">
                {t('returnCommentHint')}
              </p>
              {commentError && (
                <p id="return-comment-error" className="error-detail" role="alert">
                  {commentError}
                </p>
              )}
              <textarea
                id="return-comment"
                className="form-control"
                rows={4}
                value={comment}
                aria-describedby={`return-comment-hint${commentError ? ' return-comment-error' : ''}`}
                aria-invalid={commentError ? true : undefined}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
            <div className="form-group">
              <label htmlFor="return-pointer" className="control-label">
                {t('returnPointer')}
              </label>
              <select id="return-pointer" className="form-control" value={pointer} onChange={(e) => setPointer(e.target.value)}>
                <option value="">{t('returnPointerNone')}</option>
                {fieldPointers(form.schema).map((p) => (
                  <option key={p} value={p}>
                    {labelOf(form.schema, p)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn btn-secondary" disabled={busy}>
              {t('returnButton')}
            </button>
          </form>
        </section>
      )}
      {(sub.status === 'draft' || sub.status === 'not_started') && (
        <Notice kind="info">
          <p>{t('notSubmittedYet')}</p>
        </Notice>
      )}
      {/* Not part of the review section above it: the list items stand right under the page title. */}
      <ReportForm schema={form.schema} formData={sub.answers} readonly itemHeadingLevel={2} />
      {features.attachments() && <Attachments roundId={roundId} orgId={orgId} editable={false} version={sub.revision} />}
      <SinceLastYear round={round} orgId={orgId} schema={form.schema} answers={sub.answers} />
      <RevisionHistory roundId={roundId} orgId={orgId} version={sub.revision} schema={form.schema} />
      <ConfirmDialog
        open={confirmAccept}
        title={t('accept')}
        confirmLabel={t('accept')}
        onConfirm={() => {
          setConfirmAccept(false);
          void act('accept');
        }}
        onCancel={() => setConfirmAccept(false)}
      >
        <p>{t(contribution ? 'acceptConfirmContribution' : 'acceptConfirm', orgName)}</p>
      </ConfirmDialog>
    </>
  );
}
