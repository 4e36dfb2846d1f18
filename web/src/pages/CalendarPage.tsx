// The year wheel: rounds' openings and deadlines and Task Force meetings, month by month,
// with the same calendar as an .ics file for Outlook or Google Calendar.
import { useState } from 'react';
import { describe, download, get } from '../api.ts';
import { features } from '../features.ts';
import { currentLang, formatDate, formatDateTime, t, type StringKey } from '../i18n.ts';
import { href } from '../router.ts';
import type { Session } from '../auth.ts';
import { LoadError, Loading, Notice, PageTitle, useLoad, TableScroll } from '../components/common.tsx';

interface CalendarEntry {
  uid: string;
  kind: 'meeting' | 'deadline' | 'opening' | 'close';
  title: string;
  date: string;
  start?: string;
  roundId?: string;
  location?: string;
  extended?: boolean;
  /** Meetings: the rounds whose consolidated status is on the agenda. */
  links?: { roundId: string; title: string }[];
}

const monthOf = (date: string) =>
  new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : 'da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));

export function CalendarPage(_: { session: Session }) {
  const load = useLoad(async () => (await get<{ items: CalendarEntry[] }>('/calendar')).body.items, []);
  const [error, setError] = useState<string | undefined>();
  const months = new Map<string, CalendarEntry[]>();
  for (const e of [...(load.data ?? [])].sort((a, b) => (a.start ?? a.date).localeCompare(b.start ?? b.date))) {
    const key = e.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), e]);
  }
  return (
    <>
      <PageTitle title={t('calendarTitle')}>{t('calendarTitle')}</PageTitle>
      <p>{t('calendarIntro')}</p>
      {features.calendarIcs() && (
        <p>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void download('/calendar.ics', 'statusportalen.ics').catch((err: unknown) => setError(t('downloadFailed', describe(err))))}
          >
            {t('calendarIcs')}
          </button>
        </p>
      )}
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      {load.error && <LoadError message={load.error} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {[...months.entries()].map(([key, entries]) => (
        <section key={key} aria-labelledby={`m-${key}`} className="month">
          <h2 id={`m-${key}`}>{monthOf(key)}</h2>
          <TableScroll label={t('calendarTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('colEvent')}</th>
                <th scope="col">{t('colKind')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.uid}>
                  <td>{e.start ? formatDateTime(e.start) : formatDate(`${e.date}T12:00:00Z`)}</td>
                  <td>
                    {e.roundId ? <a href={href.round(e.roundId)}>{e.title}</a> : e.title}
                    {e.location && <span className="muted"> · {e.location}</span>}
                    {e.extended && <span className="badge badge-returned">{t('extended')}</span>}
                    {e.links && e.links.length > 0 && (
                      <div className="muted">
                        {t('calendarLinkedRounds')}{' '}
                        {e.links.map((l, i) => (
                          <span key={l.roundId}>
                            {i > 0 && ', '}
                            <a href={href.round(l.roundId)}>{l.title}</a>
                          </span>
                        ))}
                      </div>
                    )}
                  </td>
                  <td>{t(`kind_${e.kind}` as StringKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        </section>
      ))}
    </>
  );
}
