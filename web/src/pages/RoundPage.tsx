// SST's page for one round: the completeness figures and their roll-up per region at the top,
// who has reported (organisation, region, status, submitted at, late) with filters, links to
// review each report, and the summary downloads.
import { useMemo, useState } from 'react';
import { ApiError, describe, download, get } from '../api.ts';
import { features } from '../features.ts';
import { formatDateTime, statusLabel, t } from '../i18n.ts';
import { href } from '../router.ts';
import type { Round, SubmissionStatus } from '../types.ts';
import { LoadError, Loading, Notice, PageTitle, StatusBadge, useLoad, TableScroll } from '../components/common.tsx';
import { CompletenessFigures, RegionTable, type RoundStatusBody as RoundStatus } from '../components/round-status.tsx';

const STATUSES: SubmissionStatus[] = ['not_started', 'draft', 'submitted', 'returned', 'accepted'];
const FORMATS = [
  { format: 'xlsx', label: 'Excel (XLSX)' },
  { format: 'csv', label: 'CSV' },
  { format: 'html', label: 'HTML' },
  { format: 'json', label: 'JSON' },
] as const;

export function RoundPage({ roundId }: { roundId: string }) {
  const load = useLoad(async () => {
    const round = (await get<Round>(`/rounds/${encodeURIComponent(roundId)}`)).body;
    let status: RoundStatus | undefined;
    if (features.roundStatus()) {
      try {
        status = (await get<RoundStatus>(`/rounds/${encodeURIComponent(roundId)}/status`)).body;
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      }
    }
    return { round, status };
  }, [roundId]);
  const [statusFilter, setStatusFilter] = useState('');
  const [regionFilter, setRegionFilter] = useState('');
  const [search, setSearch] = useState('');
  const [lateOnly, setLateOnly] = useState(false);
  const [downloadError, setDownloadError] = useState<string | undefined>();

  const rows = useMemo(() => load.data?.status?.completeness.organisations ?? [], [load.data]);
  const regions = useMemo(() => [...new Map(rows.map((r) => [r.regionId, r.regionName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'da')), [rows]);
  const shown = rows.filter(
    (r) =>
      (!statusFilter || r.status === statusFilter) &&
      (!regionFilter || r.regionId === regionFilter) &&
      (!lateOnly || r.late) &&
      (!search || r.orgName.toLocaleLowerCase('da').includes(search.toLocaleLowerCase('da'))),
  );

  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  if (!load.data) return <Loading />;
  const { round, status } = load.data;

  const fetchSummary = async (format: string) => {
    setDownloadError(undefined);
    try {
      await download(`/rounds/${encodeURIComponent(roundId)}/summary?format=${format}`, `${roundId}.${format}`);
    } catch (err) {
      setDownloadError(t('downloadFailed', describe(err)));
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <a href={href.home()}>← {t('sstRoundsTitle')}</a>
      </p>
      <PageTitle title={round.title}>{round.title}</PageTitle>
      {round.mode === 'coordinated' && (
        <Notice kind="info">
          <p>
            {t('coordinatedRoundNote')} <a href={href.contributions(round.roundId)}>{t('seeContributions')}</a>
          </p>
        </Notice>
      )}
      <p>{t('deadlineAt', formatDateTime(round.deadlineAt))}</p>

      <section aria-labelledby="completeness-title">
        <h2 id="completeness-title">{t('completenessTitle')}</h2>
        {!status ? (
          <Notice kind="info">
            <p>{t('statusUnavailable')}</p>
          </Notice>
        ) : (
          <>
            <CompletenessFigures figures={status.completeness} />
            <RegionTable regions={status.completeness.byRegion} />
          </>
        )}
      </section>

      {features.summary() && (
        <section aria-labelledby="downloads-title" className="downloads">
          <h2 id="downloads-title">{t('downloads')}</h2>
          <div className="actions">
            {FORMATS.map(({ format, label }) => (
              <button key={format} type="button" className="btn btn-secondary" data-format={format} onClick={() => void fetchSummary(format)}>
                {t('downloadAs', label)}
              </button>
            ))}
          </div>
          {downloadError && (
            <Notice kind="error" role="alert">
              <p>{downloadError}</p>
            </Notice>
          )}
        </section>
      )}

      {status && (
        <section aria-labelledby="organisations-title">
          <h2 id="organisations-title">{t('organisationsTitle')}</h2>
          <div className="filters" role="search">
            <div className="form-group">
              <label htmlFor="f-status" className="control-label">{t('filterStatus')}</label>
              <select id="f-status" className="form-control" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value)}>
                <option value="">{t('filterAll')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>{statusLabel(s)}</option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label htmlFor="f-region" className="control-label">{t('filterRegion')}</label>
              <select id="f-region" className="form-control" value={regionFilter} onChange={(e) => setRegionFilter(e.target.value)}>
                <option value="">{t('filterAll')}</option>
                {regions.map(([id, name]) => (
                  <option key={id} value={id}>{name}</option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label htmlFor="f-search" className="control-label">{t('filterSearch')}</label>
              <input id="f-search" type="search" className="form-control" value={search} onChange={(e) => setSearch(e.target.value)} />
            </div>
            <div className="checkbox">
              <label>
                <input type="checkbox" checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)} /> {t('filterLateOnly')}
              </label>
            </div>
          </div>
          <p role="status" className="muted">{t('showing', shown.length, rows.length)}</p>
          <TableScroll label={t('organisationsTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('colOrg')}</th>
                <th scope="col">{t('colRegion')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colSubmittedAt')}</th>
                <th scope="col">{t('colLate')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.orgId} data-org={r.orgId}>
                  <th scope="row">
                    <a href={href.submission(roundId, r.orgId)} aria-label={t('reviewOf', r.orgName)}>{r.orgName}</a>
                  </th>
                  <td>{r.regionName}</td>
                  <td><StatusBadge status={r.status} /></td>
                  <td>{formatDateTime(r.submittedAt)}</td>
                  <td>{r.submittedAt ? (r.late ? <span className="badge badge-late">{t('late')}</span> : t('onTime')) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        </section>
      )}
    </>
  );
}
