// SST's contacts page: any organisation's reminder addresses, picked from the registry (a pasted
// link #/kontakter/<orgId> opens that organisation), and SST's own notification settings.
import { useEffect, useState, type FormEvent } from 'react';
import { describe, get, request } from '../api.ts';
import { formatDateTime, type StringKey } from '../i18n.ts';
import { t, type SstYearKey } from '../i18n-sstyear.ts';
import { href, navigate } from '../router.ts';
import { LoadError, Loading, Notice, PageTitle, useLoad } from '../components/common.tsx';
import type { Organisation } from '../types.ts';
import type { Session } from '../auth.ts';
import { ContactsPage } from './ContactsPage.tsx';

interface NotificationSettings {
  submissionNotices: 'immediate' | 'daily' | 'off';
  overdueDigest: boolean;
  updatedAt?: string;
  updatedBy?: string;
}

const collator = new Intl.Collator('da');
const byName = (a: Organisation, b: Organisation) => collator.compare(a.name, b.name);

function NotificationSettingsForm({ admin }: { admin: boolean }) {
  const load = useLoad(async () => (await get<NotificationSettings>('/notifications/settings')).body, []);
  const [mode, setMode] = useState<NotificationSettings['submissionNotices']>('daily');
  const [digest, setDigest] = useState(true);
  const [flash, setFlash] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const [saved, setSaved] = useState<NotificationSettings | undefined>();
  useEffect(() => {
    if (load.data) {
      setMode(load.data.submissionNotices);
      setDigest(load.data.overdueDigest);
    }
  }, [load.data]);
  const shown = saved ?? load.data;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFlash(undefined);
    try {
      const reply = await request<NotificationSettings>('PUT', '/notifications/settings', { body: { submissionNotices: mode, overdueDigest: digest } });
      setSaved(reply.body);
      setFlash({ kind: 'success', text: t('notifySaved') });
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    }
  };
  return (
    <section aria-labelledby="notify-heading" className="stack">
      <h2 id="notify-heading">{t('notifyTitle')}</h2>
      <p>{t('notifyIntro')}</p>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {shown && <p className="muted">{shown.updatedAt ? t('notifyUpdated', formatDateTime(shown.updatedAt), shown.updatedBy ?? '') : t('notifyDefault')}</p>}
      {flash && (
        <Notice kind={flash.kind} role={flash.kind === 'error' ? 'alert' : 'status'}>
          <p>{flash.text}</p>
        </Notice>
      )}
      {load.data && (
        <form className="stack" onSubmit={(e) => void save(e)}>
          <fieldset className="form-group" disabled={!admin}>
            <legend className="control-label">{t('notifySubmissions')}</legend>
            {(['immediate', 'daily', 'off'] as const).map((m) => (
              <div key={m} className="radio">
                <label>
                  <input type="radio" name="submissionNotices" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`notify_${m}` as StringKey | SstYearKey)}
                </label>
              </div>
            ))}
          </fieldset>
          <div className="checkbox">
            <label>
              <input type="checkbox" checked={digest} disabled={!admin} onChange={(e) => setDigest(e.target.checked)} /> {t('notifyOverdue')}
            </label>
          </div>
          {admin && (
            <div className="actions">
              <button type="submit" className="btn btn-primary">{t('notifySave')}</button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}

export function SstContactsPage({ orgId, session }: { orgId: string | undefined; session: Session }) {
  const admin = session.role === 'sst-admin';
  const orgs = useLoad(async () => (await get<{ items: Organisation[] }>('/orgs')).body.items, []);
  const [picked, setPicked] = useState(orgId ?? '');
  useEffect(() => setPicked(orgId ?? ''), [orgId]);
  const all = orgs.data ?? [];
  const groups: [StringKey | SstYearKey, Organisation[]][] = [
    ['groupRegions', all.filter((o) => o.kind === 'region').sort(byName)],
    ['groupMunicipalities', all.filter((o) => o.kind === 'municipality').sort(byName)],
    ['groupOther', all.filter((o) => o.kind !== 'region' && o.kind !== 'municipality').sort(byName)],
  ];
  const current = all.find((o) => o.id === orgId);
  const unknown = orgs.data && orgId !== undefined && !current;
  return (
    <>
      <PageTitle title={t('sstContactsTitle')}>{t('sstContactsTitle')}</PageTitle>
      <p>{t('sstContactsIntro')}</p>
      {orgs.error && <LoadError message={orgs.error} status={orgs.status} onRetry={orgs.reload} />}
      {!orgs.data && !orgs.error && <Loading />}
      {orgs.data && (
        <form
          className="stack picker"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) navigate(href.contacts(picked));
          }}
        >
          <div className="form-group">
            <label htmlFor="org-pick" className="control-label">{t('sstContactsPick')}</label>
            <p id="org-pick-hint" className="help-block">{t('sstContactsPickHint')}</p>
            <div className="inline wrap">
              <select id="org-pick" className="form-control" aria-describedby="org-pick-hint" value={picked} onChange={(e) => setPicked(e.target.value)}>
                <option value="">—</option>
                {groups.map(([label, list]) => (
                  <optgroup key={label} label={t(label)}>
                    {list.map((o) => (
                      <option key={o.id} value={o.id}>{o.officialName}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <button type="submit" className="btn btn-secondary">{t('sstContactsShow')}</button>
            </div>
          </div>
        </form>
      )}
      {unknown && (
        <Notice kind="error" role="alert">
          <p>{t('notFoundPage')}</p>
        </Notice>
      )}
      {current && (
        <section aria-labelledby="contacts-heading" className="stack">
          {!admin && <p className="muted">{t('sstContactsReadOnly')}</p>}
          <ContactsPage key={current.id} orgId={current.id} embedded={t('sstContactsOf', current.officialName)} readOnly={!admin} />
        </section>
      )}
      <NotificationSettingsForm admin={admin} />
    </>
  );
}
