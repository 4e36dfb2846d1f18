// One organisation's reminder addresses: a reporter's own page, or (embedded) the organisation
// SST has picked on its contacts page; SST readers see the list without the form.
import { get, request } from '../api.ts';
import { formatDateTime, t } from '../i18n.ts';
import { LoadError, Loading, PageTitle, useLoad } from '../components/common.tsx';
import { EmailListForm } from '../components/email-list-form.tsx';

interface Contacts {
  orgId: string;
  emails: string[];
  updatedAt?: string;
  updatedBy?: string;
}

export function ContactsPage({ orgId, embedded, readOnly }: { orgId: string; embedded?: string; readOnly?: boolean }) {
  const path = `/orgs/${encodeURIComponent(orgId)}/contacts`;
  const load = useLoad(async () => (await get<Contacts>(path)), [orgId]);
  const save = async (emails: string[]) => (await request<Contacts>('PUT', path, { body: { emails } })).body.emails;

  return (
    <>
      {embedded ? <h2 id="contacts-heading">{embedded}</h2> : <PageTitle title={t('contactsTitle')}>{t('contactsTitle')}</PageTitle>}
      {!embedded && <p>{t('contactsIntro')}</p>}
      {load.data?.body.updatedAt && <p className="muted">{t('contactsUpdated', formatDateTime(load.data.body.updatedAt), load.data.body.updatedBy ?? '')}</p>}
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && readOnly && (
        load.data.body.emails.length ? (
          <ul aria-labelledby="contacts-heading">
            {load.data.body.emails.map((m) => <li key={m}>{m}</li>)}
          </ul>
        ) : (
          <p>{t('sstContactsNone')}</p>
        )
      )}
      {load.data && !readOnly && embedded && load.data.body.emails.length === 0 && <p>{t('sstContactsNone')}</p>}
      {load.data && !readOnly && (
        <EmailListForm key={`${orgId}@${load.data.body.updatedAt ?? ""}`} idPrefix="contact" initial={load.data.body.emails} requireOne onSave={save} savedText={t('contactsSaved')} />
      )}
    </>
  );
}
