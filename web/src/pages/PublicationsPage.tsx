// The publications list: SST and invited co-authors see drafts and editions, everyone else the
// published editions. SST's administrators start a new one here from an example template.
import { useState, type FormEvent } from 'react';
import { describe, get, request } from '../api.ts';
import { formatDateTime, type StringKey } from '../i18n.ts';
import { t, type PublicationsKey } from '../i18n-publications.ts';
import { href, navigate } from '../router.ts';
import type { Session } from '../auth.ts';
import { LoadError, Loading, Notice, PageTitle, TableScroll, useLoad } from '../components/common.tsx';
import type { Publication, PublicationListItem, TemplateId } from '#schemas/publication';

const TEMPLATES: TemplateId[] = ['psykiatri-10-aarsplan', 'kraeftplan-v-ministeriet', 'blank'];

export function PublicationsPage({ session }: { session: Session }) {
  const load = useLoad(async () => (await get<{ items: PublicationListItem[] }>('/publications')).body.items, []);
  return (
    <>
      <PageTitle title={t('pubListTitle')}>{t('pubListTitle')}</PageTitle>
      <p>{t('pubListIntro')}</p>
      {session.role === 'sst-admin' && <NewPublication />}
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && load.data.length === 0 && <p>{t('pubNone')}</p>}
      {load.data && load.data.length > 0 && (
        <TableScroll label={t('pubListTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('pubCol_title')}</th>
                <th scope="col">{t('pubCol_status')}</th>
                <th scope="col">{t('pubCol_editions')}</th>
                <th scope="col">{t('pubCol_updated')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.map((p) => (
                <tr key={p.publicationId}>
                  <th scope="row">
                    <a href={href.publication(p.publicationId)}>{p.title}</a>
                  </th>
                  <td>{p.draftVisible ? t(`pubStatus_${p.status}` as StringKey | PublicationsKey) : t('pubEditionN', p.editions.length)}</td>
                  <td>
                    {p.editions.length === 0
                      ? t('pubEditionsNone')
                      : p.editions.map((e) => `${t('pubEditionN', e.edition)}${e.public ? ` (${t('pubPublicNote')})` : ''}`).join(', ')}
                  </td>
                  <td>{formatDateTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function NewPublication() {
  const [template, setTemplate] = useState<TemplateId>('psykiatri-10-aarsplan');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const made = await request<Publication>('POST', '/publications', { body: { template, period } });
      navigate(href.publication(made.body.publicationId));
    } catch (err) {
      setError(describe(err));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="pub-new" className="stack">
      <h2 id="pub-new">{t('pubNew')}</h2>
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="form-group">
          <label htmlFor="pub-template" className="control-label">
            {t('pubTemplate')}
          </label>
          <select id="pub-template" className="form-control" value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
            {TEMPLATES.map((id) => (
              <option key={id} value={id}>
                {t(`pubTemplate_${id}` as StringKey | PublicationsKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="pub-period" className="control-label">
            {t('pubPeriod')}
          </label>
          <p id="pub-period-hint" className="help-block">
            {t('pubPeriodHint')}
          </p>
          <input id="pub-period" className="form-control" inputMode="numeric" pattern="\d{4}" aria-describedby="pub-period-hint" value={period} onChange={(e) => setPeriod(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('pubCreate')}
        </button>
      </form>
    </section>
  );
}
