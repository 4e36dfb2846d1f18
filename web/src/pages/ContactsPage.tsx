// One organisation's reminder addresses: a reporter's own page, or (embedded) the organisation
// SST has picked on its contacts page; SST readers see the list without the form.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, describe, get, request } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { LoadError, Loading, Notice, PageTitle, useLoad } from '../components/common.tsx';

interface Contacts {
  orgId: string;
  emails: string[];
  updatedAt?: string;
  updatedBy?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ContactsPage({ orgId, embedded, readOnly }: { orgId: string; embedded?: string; readOnly?: boolean }) {
  const path = `/orgs/${encodeURIComponent(orgId)}/contacts`;
  const load = useLoad(async () => (await get<Contacts>(path)), [orgId]);
  const [emails, setEmails] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [flash, setFlash] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  useEffect(() => {
    if (load.data) {
      setEmails(load.data.body.emails.length ? load.data.body.emails : ['']);
    }
  }, [load.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFlash(undefined);
    const wanted = emails.map((m) => m.trim());
    const bad: Record<number, string> = {};
    wanted.forEach((m, i) => {
      if (m && !EMAIL.test(m)) bad[i] = t('contactsInvalid');
    });
    if (!wanted.some(Boolean)) bad[0] = t('contactsAtLeastOne');
    setErrors(bad);
    const first = Object.keys(bad)[0];
    if (first !== undefined) {
      document.getElementById(`contact-${first}`)?.focus();
      return;
    }
    try {
      const reply = await request<Contacts>('PUT', path, { body: { emails: wanted.filter(Boolean) } });
      setEmails(reply.body.emails);
      setFlash({ kind: 'success', text: t('contactsSaved') });
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
    }
  };

  return (
    <>
      {embedded ? <h2 id="contacts-heading">{embedded}</h2> : <PageTitle title={t('contactsTitle')}>{t('contactsTitle')}</PageTitle>}
      {!embedded && <p>{t('contactsIntro')}</p>}
      {load.data?.body.updatedAt && <p className="muted">{t('contactsUpdated', formatDateTime(load.data.body.updatedAt), load.data.body.updatedBy ?? '')}</p>}
      {load.error && <LoadError message={load.error} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {flash && (
        <Notice kind={flash.kind} role={flash.kind === 'error' ? 'alert' : 'status'}>
          <p>{flash.text}</p>
        </Notice>
      )}
      {load.data && readOnly && (
        load.data.body.emails.length ? (
          <ul aria-labelledby="contacts-heading">
            {load.data.body.emails.map((m) => <li key={m}>{m}</li>)}
          </ul>
        ) : (
          <p>{t('sstContactsNone')}</p>
        )
      )}
      {load.data && !readOnly && embedded && !emails.some((m) => m.trim()) && <p>{t('sstContactsNone')}</p>}
      {load.data && !readOnly && (
        <form className="stack" onSubmit={(e) => void save(e)} noValidate>
          {emails.map((m, i) => (
            <div key={i} className={`form-group contact-row${errors[i] ? ' has-error' : ''}`}>
              <label htmlFor={`contact-${i}`} className="control-label">{t('contactsEmail', i + 1)}</label>
              {errors[i] && <p id={`contact-${i}-error`} className="error-detail">{errors[i]}</p>}
              <div className="inline">
                <input
                  id={`contact-${i}`}
                  type="email"
                  autoComplete="email"
                  className="form-control"
                  value={m}
                  aria-invalid={errors[i] ? true : undefined}
                  aria-describedby={errors[i] ? `contact-${i}-error` : undefined}
                  onChange={(e) => setEmails(emails.map((x, j) => (j === i ? e.target.value : x)))}
                />
                <button type="button" className="btn btn-secondary" aria-label={t('contactsRemove', i + 1)} onClick={() => setEmails(emails.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </div>
            </div>
          ))}
          <div className="actions">
            <button type="button" className="btn btn-secondary" onClick={() => setEmails([...emails, ''])}>{t('contactsAdd')}</button>
            <button type="submit" className="btn btn-primary">{t('contactsSave')}</button>
          </div>
        </form>
      )}
    </>
  );
}
