// The reminder log of a round, for SST: which reminder went to which organisation, to which
// addresses and when, and which failed. Read from GET /rounds/{roundId}/reminders.
import { useEffect, useState } from 'react';
import { get } from '../api.ts';
import { formatDateTime, type StringKey } from '../i18n.ts';
import { t, type SstYearKey } from '../i18n-sstyear.ts';
import { href, navigate } from '../router.ts';
import { stepLabel } from '../reminder-steps.ts';
import { LoadError, Loading, PageTitle, TableScroll, useLoad } from '../components/common.tsx';
import type { Organisation, Round } from '../types.ts';

interface ReminderLogEntry {
  orgId: string;
  step: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  claimedAt: string;
  sentAt?: string;
  recipients?: string[];
  error?: string;
}

function ReminderLog({ round, names }: { round: Round; names: Map<string, string> }) {
  const load = useLoad(async () => (await get<{ items: ReminderLogEntry[] }>(`/rounds/${encodeURIComponent(round.roundId)}/reminders`)).body.items, [round.roundId]);
  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} />;
  if (!load.data) return <Loading />;
  const rows = [...load.data].sort((a, b) => (b.sentAt ?? b.claimedAt).localeCompare(a.sentAt ?? a.claimedAt));
  if (rows.length === 0) return <p>{t('remindersNone')}</p>;
  const caption = t('remindersCaption', round.title);
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colOrganisation')}</th>
            <th scope="col">{t('colStep')}</th>
            <th scope="col">{t('colState')}</th>
            <th scope="col">{t('colSentAt')}</th>
            <th scope="col">{t('colRecipients')}</th>
            <th scope="col">{t('colAttempts')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.orgId}/${r.step}`}>
              <th scope="row">{names.get(r.orgId) ?? r.orgId}</th>
              <td>{stepLabel(r.step)}</td>
              <td>
                {t(`reminderState_${r.state}` as StringKey | SstYearKey)}
                {r.error && <div className="error-detail">{t('reminderError', r.error)}</div>}
              </td>
              <td>{r.sentAt ? formatDateTime(r.sentAt) : '–'}</td>
              <td>{r.recipients?.length ? r.recipients.join(', ') : r.state === 'sent' ? t('noRecipients') : '–'}</td>
              <td>{r.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function RemindersPage({ roundId }: { roundId: string | undefined }) {
  const load = useLoad(async () => {
    const [rounds, orgs] = await Promise.all([get<{ items: Round[] }>('/rounds'), get<{ items: Organisation[] }>('/orgs')]);
    return { rounds: rounds.body.items, names: new Map(orgs.body.items.map((o) => [o.id, o.officialName])) };
  }, []);
  const [picked, setPicked] = useState(roundId ?? '');
  useEffect(() => setPicked(roundId ?? ''), [roundId]);
  const rounds = [...(load.data?.rounds ?? [])].sort((a, b) => b.deadlineAt.localeCompare(a.deadlineAt));
  const round = rounds.find((r) => r.roundId === roundId);
  return (
    <>
      <PageTitle title={t('remindersTitle')}>{t('remindersTitle')}</PageTitle>
      <p>{t('remindersIntro')}</p>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && (
        <form
          className="stack picker"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) navigate(href.reminders(picked));
          }}
        >
          <div className="form-group">
            <label htmlFor="round-pick" className="control-label">{t('remindersRound')}</label>
            <div className="inline wrap">
              <select id="round-pick" className="form-control" value={picked} onChange={(e) => setPicked(e.target.value)}>
                <option value="">—</option>
                {rounds.map((r) => (
                  <option key={r.roundId} value={r.roundId}>{r.title}</option>
                ))}
              </select>
              <button type="submit" className="btn btn-secondary">{t('remindersShow')}</button>
            </div>
          </div>
        </form>
      )}
      {load.data && roundId && !round && <LoadError message={t('notFoundPage')} />}
      {load.data && round && (
        <section aria-label={round.title}>
          <h2>{round.title}</h2>
          <ReminderLog round={round} names={load.data.names} />
        </section>
      )}
    </>
  );
}
