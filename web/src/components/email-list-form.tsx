// A list of e-mail addresses to edit and save: an organisation's reminder addresses
// (ContactsPage) and a Task Force seat's invitation addresses (TaskForceSeats). Checks each
// address before sending, puts the server's field errors (/emails/<i>) on the right row, and
// focuses the first wrong one; otherwise the outcome takes focus, so it stays in the form (the
// submit button is disabled while saving, which would drop focus to the page).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, describe } from '../api.ts';
import { t } from '../i18n.ts';
import { Notice } from './common.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function EmailListForm(props: {
  /** Prefix of the inputs' ids, unique on the page. */
  idPrefix: string;
  initial: readonly string[];
  /** Whether saving an empty list is refused (reminder addresses) or allowed (a seat left empty). */
  requireOne: boolean;
  /** Saves the addresses; answers the list as stored. */
  onSave: (emails: string[]) => Promise<string[]>;
  savedText: string;
  onCancel?: () => void;
}) {
  const { idPrefix, requireOne, onSave } = props;
  const [emails, setEmails] = useState<string[]>(props.initial.length ? [...props.initial] : ['']);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [flash, setFlash] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const id = (i: number) => `${idPrefix}-${i}`;
  const outcome = useRef<HTMLDivElement>(null);
  const [focusOutcome, setFocusOutcome] = useState(0);
  useEffect(() => {
    if (focusOutcome) outcome.current?.focus();
  }, [focusOutcome]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFlash(undefined);
    const wanted = emails.map((m) => m.trim());
    const bad: Record<number, string> = {};
    wanted.forEach((m, i) => {
      if (m && !EMAIL.test(m)) bad[i] = t('contactsInvalid');
    });
    if (requireOne && !wanted.some(Boolean)) bad[0] = t('contactsAtLeastOne');
    setErrors(bad);
    const first = Object.keys(bad)[0];
    if (first !== undefined) {
      document.getElementById(id(Number(first)))?.focus();
      return;
    }
    setBusy(true);
    try {
      const stored = await onSave(wanted.filter(Boolean));
      setEmails(stored.length ? stored : ['']);
      setFlash({ kind: 'success', text: props.savedText });
      setFocusOutcome((n) => n + 1);
    } catch (err) {
      // The server's field errors point at /emails/<index> of the list that was sent.
      const sent = wanted.filter(Boolean);
      const fieldErrors: Record<number, string> = {};
      if (err instanceof ApiError) {
        for (const fe of err.problem.errors ?? []) {
          const i = Number(/^\/emails\/(\d+)/.exec(fe.pointer)?.[1]);
          if (Number.isInteger(i)) fieldErrors[wanted.indexOf(sent[i]!)] = fe.message;
        }
      }
      setErrors(fieldErrors);
      setFlash({ kind: 'error', text: describe(err) });
      const wrong = Object.keys(fieldErrors)[0];
      if (wrong !== undefined) setTimeout(() => document.getElementById(id(Number(wrong)))?.focus(), 0);
      else setFocusOutcome((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate>
      {flash && (
        <div ref={outcome} tabIndex={-1} id={`${idPrefix}-outcome`}>
          <Notice kind={flash.kind} role={flash.kind === 'error' ? 'alert' : 'status'}>
            <p>{flash.text}</p>
          </Notice>
        </div>
      )}
      {emails.map((m, i) => (
        <div key={i} className={`form-group contact-row${errors[i] ? ' has-error' : ''}`}>
          <label htmlFor={id(i)} className="control-label">{t('contactsEmail', i + 1)}</label>
          {errors[i] && <p id={`${id(i)}-error`} className="error-detail">{errors[i]}</p>}
          <div className="inline">
            <input
              id={id(i)}
              type="email"
              autoComplete="email"
              className="form-control"
              value={m}
              aria-invalid={errors[i] ? true : undefined}
              aria-describedby={errors[i] ? `${id(i)}-error` : undefined}
              onChange={(e) => setEmails(emails.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button
              type="button"
              className="btn btn-secondary"
              aria-label={t('contactsRemove', i + 1)}
              onClick={() => {
                setEmails(emails.filter((_, j) => j !== i));
                setErrors({});
              }}
            >
              ✕
            </button>
          </div>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="btn btn-secondary" onClick={() => setEmails([...emails, ''])}>{t('contactsAdd')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('contactsSave')}</button>
        {props.onCancel && (
          <button type="button" className="btn btn-secondary" onClick={props.onCancel}>{t('cancel')}</button>
        )}
      </div>
    </form>
  );
}
