// The reporter's form: rendered from the round's schema, saved as they type (debounced, with
// the ETag, never overwriting someone else's save), checked by the server's own rules before
// submit, and read-only once submitted, with "reopen".
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, describe, get, request } from '../api.ts';
import { formatClock, formatDate, formatDateTime, t } from '../i18n.ts';
import { href } from '../router.ts';
import { clean, labelOf, validateForSubmit, withSections } from '../schema-form.ts';
import type { FieldError, FormVersion, JsonObject, Round, Submission } from '../types.ts';
import { features } from '../features.ts';

interface PrefillResult {
  submission: Submission;
  carriedFrom: { roundId: string; revision: number };
}
import { ConfirmDialog, LoadError, Loading, Notice, PageTitle, StatusBadge, useLoad } from '../components/common.tsx';
import { ErrorSummary, ReportForm, errorCount, focusField } from '../components/form-parts.tsx';
import { RevisionHistory, SinceLastYear } from '../components/revisions.tsx';
import { Attachments } from '../components/attachments.tsx';

export const AUTOSAVE_DELAY_MS = 1500;

interface Loaded {
  round: Round;
  form: FormVersion;
  submission: Submission;
  etag: string | undefined;
}

const subPath = (roundId: string, orgId: string) => `/rounds/${encodeURIComponent(roundId)}/submissions/${encodeURIComponent(orgId)}`;

export async function loadReport(roundId: string, orgId: string): Promise<Loaded> {
  const [round, sub] = await Promise.all([get<Round>(`/rounds/${encodeURIComponent(roundId)}`), get<Submission>(subPath(roundId, orgId))]);
  const form = await get<FormVersion>(`/forms/${encodeURIComponent(round.body.formId)}/versions/${round.body.formVersion}`);
  return { round: round.body, form: form.body, submission: sub.body, etag: sub.etag };
}

export function ReportPage({ roundId, orgId }: { roundId: string; orgId: string }) {
  const load = useLoad(() => loadReport(roundId, orgId), [roundId, orgId]);
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  if (!load.data) return <Loading />;
  return <ReportEditor key={`${roundId}/${orgId}`} initial={load.data} />;
}

type SaveState =
  | { kind: 'clean'; savedAt?: Date }
  | { kind: 'dirty'; savedAt?: Date }
  | { kind: 'saving'; savedAt?: Date }
  | { kind: 'failed'; message: string; savedAt?: Date }
  | { kind: 'conflict'; savedBy: string; savedAt: string };

const EDITABLE = new Set(['not_started', 'draft', 'returned']);

function ReportEditor({ initial }: { initial: Loaded }) {
  const { round, form } = initial;
  const schema = form.schema;
  const cacheKey = `${form.formId}@${form.version}`;
  const path = subPath(round.roundId, initial.submission.orgId);

  const [submission, setSubmission] = useState(initial.submission);
  const [initialReview] = useState(initial.submission.status === 'returned' ? initial.submission.review : undefined);
  const [formData, setFormData] = useState<JsonObject>(() => withSections(schema, initial.submission.answers));
  const [save, setSave] = useState<SaveState>({ kind: 'clean', ...(initial.submission.updatedAt ? { savedAt: new Date(initial.submission.updatedAt) } : {}) });
  const [clientErrors, setClientErrors] = useState<FieldError[] | undefined>();
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [summaryKey, setSummaryKey] = useState('');
  const [flash, setFlash] = useState<{ kind: 'success' | 'info' | 'error'; text: string } | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const data = useRef(formData);
  const etag = useRef(initial.etag);
  const dirty = useRef(false);
  const conflicted = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const lastSavedAt = useRef<Date | undefined>(save.kind === 'clean' ? save.savedAt : undefined);

  const editable = round.phase === 'open' && EDITABLE.has(submission.status);

  // Input not yet saved is also kept in this tab's sessionStorage, so a reload, a crash or an
  // expired sign-in does not lose it; it is offered back when the report is opened again.
  const backupKey = `statusportalen.unsaved.${round.roundId}.${initial.submission.orgId}`;
  const [backup, setBackup] = useState<JsonObject | undefined>(() => {
    try {
      const raw = sessionStorage.getItem(backupKey);
      const kept = raw ? (JSON.parse(raw) as JsonObject) : undefined;
      return kept && JSON.stringify(kept) !== JSON.stringify(clean(withSections(schema, initial.submission.answers))) ? kept : undefined;
    } catch {
      return undefined;
    }
  });
  const keepBackup = (answers: JsonObject | undefined) => {
    try {
      if (answers) sessionStorage.setItem(backupKey, JSON.stringify(clean(answers)));
      else sessionStorage.removeItem(backupKey);
    } catch {
      // Storage full or refused: autosave still runs.
    }
  };

  const applySubmission = (body: Submission, tag: string | undefined) => {
    etag.current = tag ?? body.etag;
    setSubmission(body);
  };

  const doSave = useCallback(async (): Promise<boolean> => {
    if (conflicted.current) return false;
    if (!dirty.current) return true;
    const answers = clean(data.current);
    dirty.current = false;
    setSave({ kind: 'saving', ...(lastSavedAt.current ? { savedAt: lastSavedAt.current } : {}) });
    try {
      const reply = await request<Submission>('PUT', path, { body: { answers }, ifMatch: etag.current });
      applySubmission(reply.body, reply.etag);
      lastSavedAt.current = new Date();
      if (!dirty.current) keepBackup(undefined);
      setServerErrors([]);
      setSave(dirty.current ? { kind: 'dirty', savedAt: lastSavedAt.current } : { kind: 'clean', savedAt: lastSavedAt.current });
      return true;
    } catch (err) {
      dirty.current = true;
      if (err instanceof ApiError && err.status === 412) {
        conflicted.current = true;
        setSave({ kind: 'conflict', savedBy: String(err.problem.savedBy ?? t('someoneElse')), savedAt: String(err.problem.savedAt ?? '') });
        return false;
      }
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) {
        setServerErrors(err.problem.errors);
        setSummaryKey(`save-${Date.now()}`);
      }
      setSave({ kind: 'failed', message: describe(err), ...(lastSavedAt.current ? { savedAt: lastSavedAt.current } : {}) });
      return false;
    }
    // applySubmission and path are stable for this editor's life.
  }, []);

  /** Saves now (after any save already under way); resolves true when everything is saved. */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(doSave, doSave);
    return chain.current;
  }, [doSave]);

  const onChange = (next: JsonObject) => {
    data.current = next;
    setFormData(next);
    if (!editable) return;
    dirty.current = true;
    keepBackup(next);
    if (clientErrors) setClientErrors(validateForSubmit(cacheKey, schema, next));
    if (conflicted.current) return;
    setSave((s) => (s.kind === 'saving' ? s : { kind: 'dirty', ...(lastSavedAt.current ? { savedAt: lastSavedAt.current } : {}) }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  };

  // Nothing typed is lost: leaving the page saves, closing the tab with unsaved input warns.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (dirty.current) void flush();
    };
  }, [flush]);

  const reloadLatest = async () => {
    setBusy(true);
    try {
      const reply = await get<Submission>(path);
      clearTimeout(timer.current);
      conflicted.current = false;
      dirty.current = false;
      applySubmission(reply.body, reply.etag);
      const next = withSections(schema, reply.body.answers);
      data.current = next;
      setFormData(next);
      keepBackup(undefined);
      setServerErrors([]);
      setClientErrors(undefined);
      lastSavedAt.current = reply.body.updatedAt ? new Date(reply.body.updatedAt) : undefined;
      setSave({ kind: 'clean', ...(lastSavedAt.current ? { savedAt: lastSavedAt.current } : {}) });
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  const trySubmit = async () => {
    setFlash(undefined);
    const saved = await flush();
    if (conflicted.current) return;
    // Check everything even when the save was refused, so the reporter sees every problem at once.
    const errors = validateForSubmit(cacheKey, schema, data.current);
    setClientErrors(errors);
    setSummaryKey(`client-${Date.now()}`);
    if (saved && errors.length === 0) setConfirming(true);
  };

  const submit = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const reply = await request<Submission>('POST', `${path}/submit`, { ifMatch: etag.current });
      applySubmission(reply.body, reply.etag);
      setClientErrors(undefined);
      setServerErrors([]);
      setFlash({ kind: 'success', text: t('submittedOk') });
      // The submit button is gone in the read-only view: take focus to the top of the page.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) {
        setServerErrors(err.problem.errors);
        setSummaryKey(`submit-${Date.now()}`);
      } else if (err instanceof ApiError && err.status === 412) {
        conflicted.current = true;
        setSave({ kind: 'conflict', savedBy: String(err.problem.savedBy ?? t('someoneElse')), savedAt: String(err.problem.savedAt ?? '') });
      } else setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  const restoreBackup = () => {
    if (!backup) return;
    setBackup(undefined);
    onChange(withSections(schema, backup));
  };
  const discardBackup = () => {
    setBackup(undefined);
    keepBackup(undefined);
  };

  const prefill = async () => {
    setBusy(true);
    setFlash(undefined);
    try {
      const reply = await request<PrefillResult>('POST', `${path}/prefill`);
      const { submission: next, carriedFrom } = reply.body;
      applySubmission(next, reply.etag);
      const answers = withSections(schema, next.answers);
      data.current = answers;
      dirty.current = false;
      setFormData(answers);
      lastSavedAt.current = new Date();
      setSave({ kind: 'clean', savedAt: lastSavedAt.current });
      setFlash({ kind: 'success', text: t('prefilled', carriedFrom.roundId) });
    } catch (err) {
      // No accepted report last year is information, not a fault.
      setFlash({ kind: err instanceof ApiError && err.status === 404 ? 'info' : 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  const reopen = async () => {
    setBusy(true);
    setFlash(undefined);
    try {
      const reply = await request<Submission>('POST', `${path}/reopen`, { body: {}, ifMatch: etag.current });
      applySubmission(reply.body, reply.etag);
      setFlash({ kind: 'success', text: t('reopened') });
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  const allErrors = [...(clientErrors ?? []), ...serverErrors.filter((s) => !(clientErrors ?? []).some((c) => c.pointer === s.pointer))];
  // SST's comment stays in view while the reporter fixes the report, also after the first save
  // has turned "returned" into "draft".
  const review = submission.review ?? initialReview;
  const showReview = review && (submission.status === 'returned' || (submission.status === 'draft' && initialReview !== undefined));

  return (
    <>
      <p className="breadcrumb">
        <a href={href.home()}>← {t('navRounds')}</a>
      </p>
      <PageTitle title={round.title}>{round.title}</PageTitle>
      <div className="report-meta">
        <StatusBadge status={submission.status} />
        <span>{t('deadlineAt', formatDateTime(round.deadlineAt))}</span>
        {submission.submittedAt && <span>{t('submittedAtText', formatDateTime(submission.submittedAt))}</span>}
        {submission.late && <span className="badge badge-late">{t('late')}</span>}
      </div>

      {flash && (
        <Notice kind={flash.kind} role={flash.kind === 'error' ? 'alert' : 'status'}>
          <p>{flash.text}</p>
        </Notice>
      )}

      {review && showReview && (
        <Notice kind="warning">
          <p>
            <strong>{t('returnedComment')}</strong>
          </p>
          <blockquote className="review-comment">{review.comment}</blockquote>
          <p className="muted">
            {review.by}, {formatDateTime(review.at)}
          </p>
          {review.pointer && (
            <p>
              {t('commentAtField', '')}
              <a
                href={`#${review.pointer}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(review.pointer!);
                }}
              >
                {labelOf(schema, review.pointer)}
              </a>
            </p>
          )}
        </Notice>
      )}

      {backup && editable && (
        <Notice kind="warning" role="alert">
          <h2>{t('backupTitle')}</h2>
          <p>{t('backupBody')}</p>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={restoreBackup}>
              {t('backupRestore')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={discardBackup}>
              {t('backupDiscard')}
            </button>
          </div>
        </Notice>
      )}

      {save.kind === 'conflict' && (
        <Notice kind="error" role="alert">
          <h2>{t('conflictTitle')}</h2>
          <p>{t('conflictBody', save.savedBy, formatDateTime(save.savedAt))}</p>
          <button type="button" className="btn btn-primary" onClick={() => void reloadLatest()} disabled={busy}>
            {t('conflictReload')}
          </button>
        </Notice>
      )}

      {editable ? (
        <>
          <p className="intro">{t('formIntroEditable')}</p>
          {submission.status === 'not_started' && submission.revision === 0 && features.prefill() && (
            <p>
              <button type="button" className="btn btn-secondary" onClick={() => void prefill()} disabled={busy}>
                {t('prefill')}
              </button>
            </p>
          )}
        </>
      ) : round.phase !== 'open' && EDITABLE.has(submission.status) ? (
        <Notice kind="info">
          <p>{round.phase === 'closed' ? t('roundClosedNote') : t('roundNotOpenNote')}</p>
        </Notice>
      ) : submission.status === 'accepted' ? (
        <Notice kind="success">
          <p>{t('acceptedNote')}</p>
        </Notice>
      ) : (
        <Notice kind="info">
          <p>{t('readOnlyNote')}</p>
          {round.phase === 'open' && submission.status === 'submitted' && (
            <button type="button" className="btn btn-secondary" onClick={() => void reopen()} disabled={busy}>
              {t('reopen')}
            </button>
          )}
        </Notice>
      )}

      <ErrorSummary key={summaryKey} schema={schema} errors={allErrors} title={t('errorSummaryTitle', errorCount(allErrors.length))} />

      <section className="form-description">
        <p>{String(schema['description'] ?? '')}</p>
      </section>

      <ReportForm schema={schema} formData={formData} errors={allErrors} readonly={!editable} onChange={onChange} />

      {features.attachments() && (
        <Attachments
          roundId={round.roundId}
          orgId={submission.orgId}
          editable={editable && save.kind !== 'conflict'}
          version={submission.revision}
          beforeCommit={async () => {
            // Pending input is saved first, so the confirmation's new revision follows it.
            await flush();
            return etag.current;
          }}
          onCommitted={(body, tag) => applySubmission(body, tag)}
        />
      )}

      {editable && (
        <div className="form-actions" aria-label={t('submit')}>
          <SaveStatus save={save} onRetry={() => void flush()} />
          <button type="button" className="btn btn-primary" onClick={() => void trySubmit()} disabled={busy || save.kind === 'conflict'}>
            {busy ? t('submitting') : t('submit')}
          </button>
        </div>
      )}

      <ConfirmDialog open={confirming} title={t('submitConfirmTitle')} confirmLabel={t('submitConfirmYes')} onConfirm={() => void submit()} onCancel={() => setConfirming(false)}>
        <p>{t('submitConfirmBody')}</p>
      </ConfirmDialog>

      <SinceLastYear round={round} orgId={submission.orgId} schema={schema} answers={clean(formData)} />

      <RevisionHistory roundId={round.roundId} orgId={submission.orgId} version={submission.revision} schema={schema} />
    </>
  );
}

function SaveStatus({ save, onRetry }: { save: SaveState; onRetry: () => void }) {
  const at = save.kind !== 'conflict' ? save.savedAt : undefined;
  // "Gemt kl. 14.05" today; an older save names its day, so nobody mistakes it for a fresh one.
  const today = at && formatDate(at.toISOString()) === formatDate(new Date().toISOString());
  const saved = at ? (today ? t('savedAt', formatClock(at)) : t('savedOn', formatDateTime(at.toISOString()))) : t('notSavedYet');
  return (
    <div className="save-status" role="status" aria-live="polite">
      {save.kind === 'saving' && t('saving')}
      {save.kind === 'clean' && saved}
      {save.kind === 'dirty' && `${saved} · ${t('unsavedChanges')}`}
      {save.kind === 'failed' && (
        <span className="text-error">
          {t('saveFailed', save.message)}{' '}
          <button type="button" className="btn btn-link" onClick={onRetry}>
            {t('retrySave')}
          </button>
        </span>
      )}
    </div>
  );
}
