// SST administrators' list of forms: each with who answers it, its latest version and when it
// was published, and a link to author its next version from a spreadsheet.
import { get } from '../api.ts';
import { formatDateTime, type StringKey } from '../i18n.ts';
import { t, type FormsKey } from '../i18n-forms.ts';
import { href } from '../router.ts';
import type { FormSummary } from '../types.ts';
import { LoadError, Loading, PageTitle, TableScroll, useLoad } from '../components/common.tsx';

export function FormsPage() {
  const load = useLoad(async () => (await get<{ items: FormSummary[] }>('/forms')).body.items.sort((a, b) => a.title.localeCompare(b.title, 'da')), []);
  return (
    <>
      <PageTitle title={t('formsTitle')}>{t('formsTitle')}</PageTitle>
      <p>{t('formsIntro')}</p>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && (
        <TableScroll label={t('formsTitle')}>
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">{t('colForm')}</th>
                <th scope="col">{t('colRespondents')}</th>
                <th scope="col">{t('colVersion')}</th>
                <th scope="col">{t('colUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.map((f) => (
                <tr key={f.formId}>
                  <th scope="row">
                    <a href={href.form(f.formId)} aria-label={t('authorForm', f.title)}>
                      {f.title}
                    </a>
                    <p className="muted small">{f.formId}</p>
                  </th>
                  <td data-label={t('colRespondents')}>{t(`respondents_${f.respondentKind}` as StringKey | FormsKey)}</td>
                  <td data-label={t('colVersion')}>{f.latestVersion}</td>
                  <td data-label={t('colUpdated')}>{formatDateTime(f.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
