// One organisation's deadline in a round, from SST's status table: grant an extension, change
// it, or revoke it, each with a reason the organisation sees. A modal <dialog>: the browser
// keeps focus inside it, Escape closes it, and focus returns to the row's button. It starts from
// the extension the caller holds now and hands back the answer of what it changed, so the table
// shows the change before its own reload comes back.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, describe, request } from '../api.ts';
import { danishDay, formatDate, formatDateTime } from '../i18n.ts';
import { t } from '../i18n-rounds.ts';
import type { Round } from '../types.ts';
import type { Extension } from '#schemas/schedule';


export function ExtensionDialog(props: {
  round: Round;
  orgId: string;
  orgName: string;
  extension: Extension | undefined;
  /** Closed; when something was changed, with a message and the organisation's extension now (null: revoked). */
  onClose: (changed?: { message: string; extension: Extension | null }) => void;
}) {
  const { round, orgId, orgName, extension } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [deadline, setDeadline] = useState(extension ? (/^\d{4}-\d{2}-\d{2}$/.test(extension.deadline) ? extension.deadline : danishDay(extension.deadlineAt)) : '');
  const [reason, setReason] = useState(extension?.reason ?? '');
  const [revokeReason, setRevokeReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const opener = useRef<Element | null>(null);
  // Bumped when a check fails: focus then goes to the first field with an error, after it shows.
  const [focusFirst, setFocusFirst] = useState(0);
  useEffect(() => {
    if (focusFirst) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusFirst]);

  useEffect(() => {
    opener.current = document.activeElement;
    ref.current?.showModal();
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus();
    };
  }, []);

  const path = `/rounds/${encodeURIComponent(round.roundId)}/extensions/${encodeURIComponent(orgId)}`;
  const fail = (err: unknown, field: string) => {
    if (err instanceof ApiError && err.problem.errors?.length) {
      setErrors(Object.fromEntries(err.problem.errors.map((e) => [e.pointer === '/deadline' ? 'deadline' : field, e.message])));
    } else {
      setErrors({ [field]: describe(err) });
    }
    setFocusFirst((n) => n + 1);
  };

  const grant = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    // Both fields are checked before sending, so every error shows at once (the server checks again).
    if (!deadline) found['deadline'] = t('errorRequired');
    else if (deadline <= danishDay(round.deadlineAt)) found['deadline'] = t('errorExtensionNotAfter', formatDate(round.deadlineAt));
    if (!reason.trim()) found['reason'] = t('errorRequired');
    setErrors(found);
    if (Object.keys(found).length) {
      setFocusFirst((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const res = await request<Extension>('PUT', path, { body: { deadline, reason: reason.trim() } });
      props.onClose({ message: t('extensionGranted', orgName, formatDateTime(res.body.deadlineAt)), extension: res.body });
    } catch (err) {
      fail(err, 'reason');
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    if (!revokeReason.trim()) {
      setErrors({ revoke: t('errorRequired') });
      setFocusFirst((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await request<Extension>('POST', `${path}/revoke`, { body: { reason: revokeReason.trim() } });
      props.onClose({ message: t('extensionRevoked', orgName), extension: null });
    } catch (err) {
      fail(err, 'revoke');
    } finally {
      setBusy(false);
    }
  };

  const clear = (key: string) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)));
  const describedBy = (id: string, hint: boolean) => [hint ? `${id}-hint` : '', errors[id.replace('x-', '')] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const closeHint = round.closeAt ? t('fieldExtensionDeadlineClose', formatDate(round.closeAt)) : '';

  return (
    <dialog
      ref={ref}
      className="dialog extension-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId}>{t('extensionTitle', orgName)}</h2>
      <p>{t('extensionCurrent', formatDateTime(round.deadlineAt))}</p>
      {extension && <p data-testid="extension-now">{t('extensionNow', formatDateTime(extension.deadlineAt), extension.reason)}</p>}
      <form onSubmit={(e) => void grant(e)} noValidate>
        <div className={`form-group${errors['deadline'] ? ' has-error' : ''}`}>
          <label htmlFor="x-deadline" className="control-label">{t('fieldExtensionDeadline')}</label>
          <p id="x-deadline-hint" className="help-block">{t('fieldExtensionDeadlineHint', closeHint)}</p>
          {errors['deadline'] && <p id="x-deadline-error" className="error-detail">{errors['deadline']}</p>}
          <input id="x-deadline" type="date" className="form-control" value={deadline} aria-invalid={!!errors['deadline']} aria-describedby={describedBy('x-deadline', true)} onChange={(e) => {
            setDeadline(e.target.value);
            clear('deadline');
          }} />
        </div>
        <div className={`form-group${errors['reason'] ? ' has-error' : ''}`}>
          <label htmlFor="x-reason" className="control-label">{t('fieldReason')}</label>
          <p id="x-reason-hint" className="help-block">{t('fieldReasonHint')}</p>
          {errors['reason'] && <p id="x-reason-error" className="error-detail">{errors['reason']}</p>}
          <textarea id="x-reason" className="form-control" rows={3} value={reason} aria-invalid={!!errors['reason']} aria-describedby={describedBy('x-reason', true)} onChange={(e) => {
            setReason(e.target.value);
            clear('reason');
          }} />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{extension ? t('changeExtension') : t('grantExtension')}</button>
          <button type="button" className="btn btn-secondary" onClick={() => props.onClose()}>{t('close')}</button>
        </div>
      </form>
      {extension && (
        <div className="revoke">
          <h3>{t('revokeExtension')}</h3>
          <div className={`form-group${errors['revoke'] ? ' has-error' : ''}`}>
            <label htmlFor="x-revoke" className="control-label">{t('fieldReason')}</label>
            <p id="x-revoke-hint" className="help-block">{t('revokeReasonHint')}</p>
            {errors['revoke'] && <p id="x-revoke-error" className="error-detail">{errors['revoke']}</p>}
            <textarea id="x-revoke" className="form-control" rows={2} value={revokeReason} aria-invalid={!!errors['revoke']} aria-describedby={describedBy('x-revoke', true)} onChange={(e) => {
              setRevokeReason(e.target.value);
              clear('revoke');
            }} />
          </div>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void revoke()}>{t('revokeExtension')}</button>
        </div>
      )}
    </dialog>
  );
}
