// The year wheel: every round's opening and deadline, with the .ics link for calendar apps.
import { download, get } from '../api.ts';
import { features } from '../features.ts';
import { formatDateTime, t } from '../i18n.ts';
import { LoadError, Loading, PageTitle, useLoad } from '../components/common.tsx';

interface CalendarEntry {
  [key: string]: unknown;
}

export function CalendarPage() {
  const load = useLoad(async () => (await get<{ items: CalendarEntry[] }>('/calendar')).body.items, []);
  return (
    <>
      <PageTitle title={t('calendarTitle')}>{t('calendarTitle')}</PageTitle>
      <p>{t('calendarIntro')}</p>
      {features.calendarIcs() && (
        <p>
          <button type="button" className="btn btn-secondary" onClick={() => void download('/calendar.ics', 'statusportalen.ics')}>
            {t('calendarIcs')}
          </button>
        </p>
      )}
      {load.error && <LoadError message={load.error} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('colDate')}</th>
              <th scope="col">{t('colEvent')}</th>
            </tr>
          </thead>
          <tbody>
            {load.data.map((e, i) => (
              <tr key={i}>
                <td>{formatDateTime(String(e['at'] ?? e['date'] ?? ''))}</td>
                <td>{String(e['title'] ?? e['summary'] ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
