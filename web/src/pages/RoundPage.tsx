// SST's page for one round: the completeness figures and their roll-up per region at the top,
// then the status table: every organisation with region, status, submitted at, timeliness and
// its own deadline, filtered, sorted (alphabetically by default, in Danish order: Æ, Ø, Å last),
// with rows selected by checkbox for the bulk actions (send a reminder now, accept, download
// as a zip) and each organisation's extension granted, changed or revoked with a reason. An
// extension changed here shows in its row from the change's own answer, before the table's reload
// comes back, so the row's dialog never opens on what was there before.
import { useEffect, useMemo, useRef, useState } from 'react';
import { zipSync, strToU8 } from 'fflate';
import { ApiError, describe, download, get, getText, request, saveBlob } from '../api.ts';
import type { Session } from '../auth.ts';
import { features } from '../features.ts';
import { formatDateTime, possessive, statusLabel } from '../i18n.ts';
import { t } from '../i18n-rounds.ts';
import { href } from '../router.ts';
import type { Organisation, Round, SubmissionStatus } from '../types.ts';
import type { Extension, RemindNowResult } from '#schemas/schedule';
import { ConfirmDialog, LoadError, Loading, Notice, PageTitle, StatusBadge, useLoad, TableScroll } from '../components/common.tsx';
import { CompletenessFigures, RegionTable, type RoundStatusBody as RoundStatus } from '../components/round-status.tsx';
import { ExtensionDialog } from '../components/extension-dialog.tsx';

const STATUSES: SubmissionStatus[] = ['not_started', 'draft', 'submitted', 'returned', 'accepted'];
const FORMATS = [
  { format: 'xlsx', label: 'Excel (XLSX)' },
  { format: 'csv', label: 'CSV' },
  { format: 'html', label: 'HTML' },
  { format: 'json', label: 'JSON' },
] as const;

type Row = RoundStatus['completeness']['organisations'][number] & { deadlineAt: string; extension?: Extension | undefined };
type SortKey = 'org' | 'region' | 'status' | 'submittedAt' | 'late' | 'deadline';
interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b);
const timeliness = (r: Row) => (r.submittedAt ? (r.late ? 2 : 1) : 0);
const COMPARE: Record<SortKey, (a: Row, b: Row) => number> = {
  org: (a, b) => byText(a.orgName, b.orgName),
  region: (a, b) => byText(a.regionName ?? '', b.regionName ?? ''),
  status: (a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status),
  submittedAt: (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
  late: (a, b) => timeliness(a) - timeliness(b),
  deadline: (a, b) => a.deadlineAt.localeCompare(b.deadlineAt),
};
const COLUMNS: { key: SortKey; label: Parameters<typeof t>[0] }[] = [
  { key: 'org', label: 'colOrg' },
  { key: 'region', label: 'colRegion' },
  { key: 'status', label: 'colStatus' },
  { key: 'submittedAt', label: 'colSubmittedAt' },
  { key: 'late', label: 'colLate' },
  { key: 'deadline', label: 'colOrgDeadline' },
];

/** A file name from an organisation's official name (Danish letters kept, path characters not). */
const fileName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
const csvCell = (v: string) => (/[;"\n\r]|^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A bulk action's outcome; `focus`: it takes focus (the pressed button was disabled meanwhile). */
type Flash = { kind: 'success' | 'warning' | 'error'; lines: string[]; focus?: boolean };

/** An extension as its grant or revoke answered (null: revoked), numbered in the order they came. */
interface ExtensionAnswer {
  extension: Extension | null;
  seq: number;
}

export function RoundPage({ roundId, session }: { roundId: string; session: Session }) {
  const admin = session.role === 'sst-admin';
  const path = `/rounds/${encodeURIComponent(roundId)}`;
  // Answers of the extension dialog: a load started after an answer came has read it from the
  // server too; one started before has not, and the answer stands over it.
  const answerSeq = useRef(0);
  const [answers, setAnswers] = useState<ReadonlyMap<string, ExtensionAnswer>>(new Map());
  const load = useLoad(async () => {
    const answersBefore = answerSeq.current;
    const [round, extensions] = await Promise.all([get<Round>(path), get<{ items: Extension[] }>(`${path}/extensions`).then((r) => r.body.items, () => [])]);
    let status: RoundStatus | undefined;
    if (features.roundStatus()) {
      try {
        status = (await get<RoundStatus>(`${path}/status`)).body;
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      }
    }
    // Official names ("Norddjurs Kommune") for the files of the zip.
    const official = await get<{ items: Organisation[] }>(`/orgs?at=${round.body.respondentsAt}`).then(
      (r) => new Map(r.body.items.map((o) => [o.id, o.officialName])),
      () => new Map<string, string>(),
    );
    // A newer version of the form, which the round can be moved to until its first submission.
    const latestVersion = admin ? await get<{ latestVersion: number }>(`/forms/${encodeURIComponent(round.body.formId)}`).then((r) => r.body.latestVersion, () => undefined) : undefined;
    return { round: round.body, status, extensions, official, latestVersion, answersBefore };
  }, [roundId]);
  const [statusFilter, setStatusFilter] = useState('');
  const [regionFilter, setRegionFilter] = useState('');
  const [search, setSearch] = useState('');
  const [lateOnly, setLateOnly] = useState(false);
  const [downloadError, setDownloadError] = useState<string | undefined>();
  const [sort, setSort] = useState<Sort>({ key: 'org', dir: 'asc' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<'remind' | 'accept' | 'download' | 'version' | undefined>();
  const [confirm, setConfirm] = useState<'remind' | 'accept' | 'version' | undefined>();
  const [versionFlash, setVersionFlash] = useState<Flash | undefined>();
  const [flash, setFlash] = useState<Flash | undefined>();
  const flashRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash?.focus) flashRef.current?.focus();
  }, [flash]);
  /** The organisation whose extension dialog is open: its extension is read as it is now, not as it was when the button was pressed. */
  const [extensionFor, setExtensionFor] = useState<string | undefined>();

  /** Each organisation's extension now: as loaded, with the answers the load may not have seen over it. */
  const extensionOf = useMemo(() => {
    const data = load.data;
    const ext = new Map<string, Extension | null>((data?.extensions ?? []).map((e) => [e.orgId, e]));
    for (const [orgId, answer] of answers) if (data && answer.seq > data.answersBefore) ext.set(orgId, answer.extension);
    return (orgId: string) => ext.get(orgId) ?? undefined;
  }, [load.data, answers]);
  const rows = useMemo((): Row[] => {
    const data = load.data;
    if (!data?.status) return [];
    return data.status.completeness.organisations.map((o) => {
      const extension = extensionOf(o.orgId);
      return { ...o, deadlineAt: extension?.deadlineAt ?? data.round.deadlineAt, extension };
    });
  }, [load.data, extensionOf]);
  const regions = useMemo(() => [...new Map(rows.map((r) => [r.regionId, r.regionName ?? ''])).entries()].sort((a, b) => byText(a[1], b[1])), [rows]);
  const shown = useMemo(() => {
    const filtered = rows.filter(
      (r) =>
        (!statusFilter || r.status === statusFilter) &&
        (!regionFilter || r.regionId === regionFilter) &&
        (!lateOnly || r.late) &&
        (!search || r.orgName.toLocaleLowerCase('da').includes(search.toLocaleLowerCase('da'))),
    );
    const cmp = COMPARE[sort.key];
    // Ties fall back to the name, so the order is stable and predictable.
    return filtered.sort((a, b) => (sort.dir === 'asc' ? cmp(a, b) : cmp(b, a)) || COMPARE.org(a, b));
  }, [rows, statusFilter, regionFilter, lateOnly, search, sort]);

  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} page />;
  if (!load.data) return <Loading />;
  const { round, status, official, latestVersion } = load.data;
  const coordination = status?.coordination;
  const coordinatorExtension = coordination ? extensionOf(coordination.coordinator) : undefined;
  const started = rows.filter((r) => r.status !== 'not_started').length;
  const movable = admin && round.phase !== 'closed' && !round.formVersionLockedAt && !rows.some((r) => r.submittedAt) && latestVersion !== undefined && latestVersion > round.formVersion;

  // The coordinator of a coordinated round has no row: its report is SST's, above the contributions.
  const dialogFor =
    extensionFor === undefined
      ? undefined
      : extensionFor === coordination?.coordinator
        ? { orgId: extensionFor, orgName: coordination.coordinatorName, extension: coordinatorExtension }
        : rows.find((r) => r.orgId === extensionFor);
  const chosen = rows.filter((r) => selected.has(r.orgId));
  const laggards = chosen.filter((r) => !r.submittedAt);
  const acceptable = chosen.filter((r) => r.status === 'submitted');
  const allShownSelected = shown.length > 0 && shown.every((r) => selected.has(r.orgId));
  const someShownSelected = shown.some((r) => selected.has(r.orgId));
  const names = (list: { orgName: string }[]) => list.map((o) => o.orgName).join(', ');

  const toggle = (orgId: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(orgId);
      else next.delete(orgId);
      return next;
    });
  const toggleAllShown = (on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const r of shown) {
        if (on) next.add(r.orgId);
        else next.delete(r.orgId);
      }
      return next;
    });

  const sortBy = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  const fetchSummary = async (format: string) => {
    setDownloadError(undefined);
    try {
      await download(`${path}/summary?format=${format}`, `${roundId}.${format}`);
    } catch (err) {
      setDownloadError(t('downloadFailed', describe(err)));
    }
  };

  const moveVersion = async () => {
    setConfirm(undefined);
    if (latestVersion === undefined) return;
    setBusy('version');
    setVersionFlash(undefined);
    try {
      await request('PUT', `${path}/form-version`, { body: { version: latestVersion }, idempotencyKey: crypto.randomUUID() });
      setVersionFlash({ kind: 'success', lines: [t('versionMoved', latestVersion)] });
      load.reload();
    } catch (err) {
      setVersionFlash({ kind: 'error', lines: [describe(err)] });
    } finally {
      setBusy(undefined);
    }
  };

  const remind = async () => {
    setConfirm(undefined);
    setBusy('remind');
    setFlash(undefined);
    try {
      const res = await request<RemindNowResult>('POST', `${path}/reminders`, { body: { orgIds: laggards.map((r) => r.orgId) }, idempotencyKey: crypto.randomUUID() });
      const r = res.body;
      const lines = [r.sent.length ? t('remindSent', names(r.sent)) : t('remindSentNone')];
      if (r.alreadySent.length) lines.push(t('remindAlready', names(r.alreadySent)));
      if (r.noContacts.length) lines.push(t('remindNoContacts', names(r.noContacts)));
      if (r.submitted.length) lines.push(t('remindSubmitted', names(r.submitted)));
      if (r.failed.length) lines.push(t('remindFailed', names(r.failed)));
      setFlash({ kind: r.noContacts.length || r.failed.length ? 'warning' : 'success', lines, focus: true });
    } catch (err) {
      setFlash({ kind: 'error', lines: [describe(err)], focus: true });
    } finally {
      setBusy(undefined);
    }
  };

  const acceptAll = async () => {
    setConfirm(undefined);
    setBusy('accept');
    setFlash(undefined);
    const done: Row[] = [];
    const already: Row[] = [];
    const failed: string[] = [];
    for (const r of acceptable) {
      try {
        // The version the table showed: a report changed since is refused, not accepted unseen.
        await request('POST', `${path}/submissions/${encodeURIComponent(r.orgId)}/accept`, { idempotencyKey: crypto.randomUUID(), ifMatch: status?.etags[r.orgId] });
        done.push(r);
      } catch (err) {
        const now = err instanceof ApiError ? err.problem['currentStatus'] : undefined;
        if (now === 'accepted') {
          // Accepted meanwhile (by another administrator): nothing left to do for this one.
          already.push(r);
          failed.push(t('acceptAlready', r.orgName));
        } else if (err instanceof ApiError && err.code === 'edit-conflict') failed.push(t('acceptChangedSince', r.orgName));
        else if (typeof now === 'string' && (STATUSES as string[]).includes(now)) failed.push(t('acceptNowStatus', r.orgName, statusLabel(now as SubmissionStatus)));
        else failed.push(t('acceptFailedFor', r.orgName, describe(err)));
      }
    }
    // What is accepted now and hidden by the status filter leaves the selection: a count of rows no one sees misleads.
    // (Without such a filter they stay selected and visible, e.g. to download them next.)
    if (statusFilter && statusFilter !== 'accepted') {
      const finished = new Set([...done, ...already].map((r) => r.orgId));
      setSelected((s) => new Set([...s].filter((id) => !finished.has(id))));
    }
    const skipped = chosen.filter((r) => r.status !== 'submitted');
    const lines = [done.length ? t('acceptDone', names(done)) : t('acceptDoneNone'), ...(skipped.length ? [t('acceptSkipped', names(skipped))] : []), ...failed];
    setFlash({ kind: failed.length ? (failed.length === already.length ? 'warning' : 'error') : 'success', lines, focus: true });
    setBusy(undefined);
    load.reload();
  };

  const downloadSelected = async () => {
    setBusy('download');
    setFlash(undefined);
    try {
      const files: Record<string, Uint8Array> = {};
      const started = chosen.filter((r) => r.status !== 'not_started');
      for (const r of started) {
        const html = await getText(`${path}/submissions/${encodeURIComponent(r.orgId)}/print`);
        files[`${fileName(official.get(r.orgId) ?? r.orgName)}.html`] = strToU8(html);
      }
      const lines = [t('csvHeader')];
      for (const r of [...chosen].sort(COMPARE.org)) {
        lines.push(
          [
            r.orgName,
            r.regionName ?? '',
            r.status === 'not_started' ? t('notStartedInZip') : statusLabel(r.status),
            formatDateTime(r.submittedAt),
            r.submittedAt ? (r.late ? t('late') : t('onTime')) : '',
            formatDateTime(round.deadlineAt),
            r.extension ? formatDateTime(r.extension.deadlineAt) : '',
            r.extension?.reason ?? '',
          ]
            .map(csvCell)
            .join(';'),
        );
      }
      // UTF-8 with BOM and CRLF, as the summary CSV: Danish Excel opens it with a double-click.
      files['oversigt.csv'] = strToU8(`\uFEFF${lines.join('\r\n')}\r\n`);
      saveBlob(new Blob([zipSync(files)], { type: 'application/zip' }), `${roundId}-udvalgte.zip`);
      setFlash({ kind: 'success', lines: [started.length === 1 ? t('downloadDoneOne') : t('downloadDone', started.length)] });
    } catch (err) {
      setFlash({ kind: 'error', lines: [t('downloadFailed', describe(err))] });
    } finally {
      setBusy(undefined);
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
      {admin && round.phase === 'scheduled' && (
        <p>
          <a className="btn btn-secondary" href={href.editRound(round.roundId)}>{t('editRoundOf', round.title)}</a>
        </p>
      )}

      {admin && (movable || versionFlash) && (
        <section aria-labelledby="version-title" className="stack">
          <h2 id="version-title">{t('versionTitle')}</h2>
          {movable && <p>{t('versionNow', round.formVersion, latestVersion!)}</p>}
          {movable && (
            <p>
              <button type="button" className="btn btn-secondary" disabled={busy !== undefined} onClick={() => setConfirm('version')}>
                {busy === 'version' ? t('versionMoving') : t('versionMove', latestVersion!)}
              </button>
            </p>
          )}
          <div aria-live="polite" data-testid="version-result">
            {versionFlash && (
              <Notice kind={versionFlash.kind}>
                {versionFlash.lines.map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </Notice>
            )}
          </div>
        </section>
      )}

      {coordination && (
        <section aria-labelledby="coord-report-title" className="stack">
          <h2 id="coord-report-title">{t('coordReportTitle', possessive(coordination.coordinatorName))}</h2>
          <p>{t('coordReportIntro', coordination.coordinatorName)}</p>
          <p>
            <StatusBadge status={coordination.report.status} />{' '}
            <span>{coordination.report.submittedAt ? t('coordReportSentAt', formatDateTime(coordination.report.submittedAt)) : t('coordReportNotSent')}</span>
            {coordination.report.late && <span className="badge badge-late">{t('late')}</span>}
            {coordinatorExtension && <span className="muted"> · {t('extendedTo', formatDateTime(coordinatorExtension.deadlineAt))}</span>}
          </p>
          <div className="actions">
            {coordination.report.status !== 'not_started' && (
              <a className="btn btn-primary" href={href.submission(round.roundId, coordination.coordinator)}>{t('coordReportOpen', possessive(coordination.coordinatorName))}</a>
            )}
            {admin && round.phase !== 'closed' && (
              <button
                id="coord-extension"
                type="button"
                className="btn btn-secondary"
                onClick={() => setExtensionFor(coordination.coordinator)}
              >
                {t('coordExtensionFor', coordination.coordinatorName)}
              </button>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="completeness-title">
        <h2 id="completeness-title">{coordination ? t('contributionsTitle', coordination.coordinatorName) : t('completenessTitle')}</h2>
        {!status ? (
          <Notice kind="info">
            <p>{t('statusUnavailable')}</p>
          </Notice>
        ) : (
          <>
            <CompletenessFigures figures={status.completeness} />
            {coordination && <p className="muted small">{t('contributionsFiguresHint', coordination.coordinatorName, possessive(coordination.coordinatorName))}</p>}
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
        <section>
          <h2 id="organisations-title">{coordination ? t('participantsTitle') : t('organisationsTitle')}</h2>
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

          <div className="bulk-bar" role="group" aria-labelledby="bulk-title">
            <h3 id="bulk-title" className="bulk-title">{t('bulkActions')}</h3>
            <p className="bulk-count" role="status" aria-live="polite" data-testid="selected-count">
              {selected.size ? t('selectedCount', selected.size) : t('selectedNone')}
              {' · '}
              {t('showing', shown.length, rows.length)}
            </p>
            <div className="actions">
              {admin && (
                <button type="button" className="btn btn-primary" disabled={!selected.size || busy !== undefined} aria-describedby="remind-hint" onClick={() => setConfirm('remind')}>
                  {busy === 'remind' ? t('remindSending') : t('remindNow')}
                </button>
              )}
              {/* In a coordinated round the coordinator reviews the contributions, not SST. */}
              {admin && !coordination && (
                <button type="button" className="btn btn-secondary" disabled={!selected.size || busy !== undefined} onClick={() => setConfirm('accept')}>
                  {t('acceptSelected')}
                </button>
              )}
              <button type="button" className="btn btn-secondary" disabled={!selected.size || busy !== undefined} aria-describedby="download-hint" onClick={() => void downloadSelected()}>
                {busy === 'download' ? t('downloading') : t('downloadSelected')}
              </button>
              {selected.size > 0 && (
                <button type="button" className="btn btn-link" onClick={() => setSelected(new Set())}>
                  {t('clearSelection')}
                </button>
              )}
            </div>
            {admin && <p id="remind-hint" className="muted small">{t('remindNowHint')}</p>}
            <p id="download-hint" className="muted small">{t('downloadSelectedHint')}</p>
            {/* In the sticky bar, so the outcome shows where the button was pressed, however far down. */}
            <div aria-live="polite" data-testid="bulk-result" ref={flashRef} tabIndex={-1}>
              {flash && (
                <Notice kind={flash.kind}>
                  {flash.lines.map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                  <button type="button" className="btn btn-link btn-small" onClick={() => setFlash(undefined)}>{t('close')}</button>
                </Notice>
              )}
            </div>
          </div>

          <TableScroll label={t('organisationsTitle')}>
            <table className="table status-table">
              <thead>
                <tr>
                  <td className="select-cell">
                    <input
                      type="checkbox"
                      aria-label={t('selectAllShown')}
                      checked={allShownSelected}
                      ref={(el) => {
                        if (el) el.indeterminate = someShownSelected && !allShownSelected;
                      }}
                      onChange={(e) => toggleAllShown(e.target.checked)}
                    />
                  </td>
                  {COLUMNS.map(({ key, label }) => (
                    <th key={key} scope="col" aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                      <button type="button" className="sort-button" data-sort={key} onClick={() => sortBy(key)}>
                        {t(label)}
                        <span className="sort-mark" aria-hidden="true">{sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                      </button>
                    </th>
                  ))}
                  {admin && <th scope="col">{t('colActions')}</th>}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.orgId} data-org={r.orgId} className={selected.has(r.orgId) ? 'selected' : undefined}>
                    <td className="select-cell">
                      <input type="checkbox" aria-label={t('selectOrg', r.orgName)} checked={selected.has(r.orgId)} onChange={(e) => toggle(r.orgId, e.target.checked)} />
                    </td>
                    <th scope="row">
                      <a href={href.submission(roundId, r.orgId)} aria-label={t('reviewOf', r.orgName)}>{r.orgName}</a>
                    </th>
                    <td>{r.regionName}</td>
                    <td><StatusBadge status={r.status} /></td>
                    <td>{formatDateTime(r.submittedAt)}</td>
                    <td>{r.submittedAt ? (r.late ? <span className="badge badge-late">{t('late')}</span> : t('onTime')) : ''}</td>
                    <td>
                      {formatDateTime(r.deadlineAt)}
                      {r.extension && <span className="muted small block">{t('extended')}: {r.extension.reason}</span>}
                    </td>
                    {admin && (
                      <td>
                        <button type="button" className="btn btn-secondary btn-small" aria-label={t('extensionButtonOf', r.orgName)} onClick={() => setExtensionFor(r.orgId)}>
                          {t('extensionButton')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}

      <ConfirmDialog
        open={confirm === 'remind'}
        title={t('remindConfirmTitle')}
        confirmLabel={t('remindNow')}
        onConfirm={() => (laggards.length ? void remind() : setConfirm(undefined))}
        onCancel={() => setConfirm(undefined)}
      >
        <p>{laggards.length ? laggards.length === 1 ? t('remindConfirmBodyOne') : t('remindConfirmBody', laggards.length) : t('remindConfirmNone')}</p>
        {laggards.length > 0 && <p className="small">{names(laggards)}</p>}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'version'}
        title={t('versionConfirmTitle', latestVersion ?? round.formVersion)}
        confirmLabel={t('versionMove', latestVersion ?? round.formVersion)}
        onConfirm={() => void moveVersion()}
        onCancel={() => setConfirm(undefined)}
      >
        <p>{started === 0 ? t('versionConfirmNoneStarted') : started === 1 ? t('versionConfirmStartedOne') : t('versionConfirmStarted', started)}</p>
        <p>{t('versionConfirmLock')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'accept'}
        title={t('acceptConfirmTitle')}
        confirmLabel={t('acceptSelected')}
        onConfirm={() => (acceptable.length ? void acceptAll() : setConfirm(undefined))}
        onCancel={() => setConfirm(undefined)}
      >
        <p>
          {!acceptable.length
            ? t('acceptConfirmNone')
            : acceptable.length < chosen.length
              ? t('acceptConfirmBody', acceptable.length)
              : acceptable.length === 1 ? t('acceptConfirmOnly') : t('acceptConfirmAll', acceptable.length)}
        </p>
        {acceptable.length > 0 && <p className="small">{names(acceptable)}</p>}
      </ConfirmDialog>
      {dialogFor && (
        <ExtensionDialog
          round={round}
          orgId={dialogFor.orgId}
          orgName={dialogFor.orgName}
          extension={dialogFor.extension}
          onClose={(changed) => {
            setExtensionFor(undefined);
            if (changed) {
              answerSeq.current += 1;
              const answer = { extension: changed.extension, seq: answerSeq.current };
              setAnswers((a) => new Map(a).set(dialogFor.orgId, answer));
              setFlash({ kind: 'success', lines: [changed.message] });
              load.reload();
            }
          }}
        />
      )}
    </>
  );
}
