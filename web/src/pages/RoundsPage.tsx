// SST's home page: every round, grouped by year (newest first) and filterable by plan, with its
// form and version, opening, deadline, mode, phase and reporting rate. Administrators create a
// round here and edit one until it opens.
import { useMemo, useState } from 'react';
import { get } from '../api.ts';
import type { Session } from '../auth.ts';
import { formatDate, formatDateTime, type StringKey } from '../i18n.ts';
import { t, type RoundsKey } from '../i18n-rounds.ts';
import { href } from '../router.ts';
import type { Organisation, Round } from '../types.ts';
import type { FormSummary } from '#schemas/api';
import { LoadError, Loading, PageTitle, TableScroll, useLoad } from '../components/common.tsx';
import { RoundStatusCell } from '../components/round-status.tsx';
import { features } from '../features.ts';

export const PLAN_LABEL: Record<FormSummary['plan'], StringKey | RoundsKey> = { 'kraeftplan-v': 'plan_kraeftplanV', psykiatriplan: 'plan_psykiatriplan' };

export function RoundsPage({ session }: { session: Session }) {
  const admin = session.role === 'sst-admin';
  const load = useLoad(async () => {
    const [rounds, forms, orgs] = await Promise.all([get<{ items: Round[] }>('/rounds'), get<{ items: FormSummary[] }>('/forms'), get<{ items: Organisation[] }>('/orgs')]);
    return {
      rounds: rounds.body.items,
      forms: new Map(forms.body.items.map((f) => [f.formId, f])),
      names: new Map(orgs.body.items.map((o) => [o.id, o.officialName])),
    };
  }, [session.token]);
  const [year, setYear] = useState('');
  const [plan, setPlan] = useState('');

  const years = useMemo(() => [...new Set((load.data?.rounds ?? []).map((r) => r.period))].sort().reverse(), [load.data]);
  const title = t('sstRoundsTitle');
  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} page />;
  if (!load.data) return <Loading />;
  const { rounds, forms, names } = load.data;
  const shown = rounds.filter((r) => (!year || r.period === year) && (!plan || forms.get(r.formId)?.plan === plan));
  const groups = years.filter((y) => shown.some((r) => r.period === y));

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('roundsIntro')}</p>
      {admin && (
        <p>
          <a className="btn btn-primary" href={href.newRound()}>{t('newRound')}</a>
        </p>
      )}
      <div className="filters" role="search" aria-label={t('sstRoundsTitle')}>
        <div className="form-group">
          <label htmlFor="r-year" className="control-label">{t('filterYear')}</label>
          <select id="r-year" className="form-control" value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t('filterAll')}</option>
            {years.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="r-plan" className="control-label">{t('filterPlan')}</label>
          <select id="r-plan" className="form-control" value={plan} onChange={(e) => setPlan(e.target.value)}>
            <option value="">{t('filterAll')}</option>
            {Object.entries(PLAN_LABEL).map(([id, label]) => (
              <option key={id} value={id}>{t(label)}</option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="muted">{t('showing', shown.length, rounds.length)}</p>
      {groups.length === 0 && <p>{t('noRoundsMatch')}</p>}
      {groups.map((y) => {
        const inYear = shown.filter((r) => r.period === y).sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt) || a.title.localeCompare(b.title, 'da'));
        const heading = t('roundsOfYear', y);
        return (
          <section key={y}>
            <h2 id={`year-${y}`}>{heading}</h2>
            <TableScroll label={heading}>
              <table className="table table-stack" data-year={y}>
                <thead>
                  <tr>
                    <th scope="col">{t('colRound')}</th>
                    <th scope="col">{t('filterPlan')}</th>
                    <th scope="col">{t('colOpens')}</th>
                    <th scope="col">{t('colDeadline')}</th>
                    <th scope="col">{t('colMode')}</th>
                    <th scope="col">{t('colPhase')}</th>
                    {features.roundStatus() && <th scope="col">{t('colCompleteness')}</th>}
                    {admin && <th scope="col">{t('colActions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {inYear.map((r) => {
                    const form = forms.get(r.formId);
                    return (
                      <tr key={r.roundId} data-round={r.roundId}>
                        <th scope="row">
                          <a href={href.round(r.roundId)}>{r.title}</a>
                          <p className="muted small">
                            {form?.title ?? r.formId}, {t('formVersionShort', r.formVersion)}
                          </p>
                        </th>
                        <td data-label={t('filterPlan')}>{form ? t(PLAN_LABEL[form.plan]) : ''}</td>
                        <td data-label={t('colOpens')}>{formatDate(r.opensAt)}</td>
                        <td data-label={t('colDeadline')}>{formatDateTime(r.deadlineAt)}</td>
                        <td data-label={t('colMode')}>
                          {r.mode === 'coordinated' && r.coordinator ? t('mode_coordinated', names.get(r.coordinator) ?? r.coordinator) : t('mode_direct')}
                        </td>
                        <td data-label={t('colPhase')}>
                          <span className={`phase phase-${r.phase}`}>{t(`phase_${r.phase}` as StringKey | RoundsKey)}</span>
                        </td>
                        {features.roundStatus() && (
                          <td data-label={t('colCompleteness')}>
                            <RoundStatusCell roundId={r.roundId} />
                          </td>
                        )}
                        {admin && (
                          <td data-label={t('colActions')}>
                            {r.phase === 'scheduled' && (
                              <a className="btn btn-secondary btn-small" href={href.editRound(r.roundId)} aria-label={t('editRoundOf', r.title)}>
                                {t('editRound')}
                              </a>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </>
  );
}
