// SST's audit log: search by time span, organisation, round, actor and action, a page at a time,
// and the same search as a CSV file for Danish Excel.
import { useState, type FormEvent } from 'react';
import { describe, download, get } from '../api.ts';
import { formatDateTimeSeconds } from '../i18n.ts';
import { t } from '../i18n-sstyear.ts';
import { LoadError, Loading, Notice, PageTitle, TableScroll, useLoad } from '../components/common.tsx';
import { danishDate, startOfDanishDay } from '#core/danish-time';
import type { Organisation, Round } from '../types.ts';

interface AuditEvent {
  at: string;
  id: string;
  actor: string;
  actorId?: string;
  actorOrgId: string;
  action: string;
  subject: string;
  orgId?: string;
  roundId?: string;
}

/** The actions the API records, for the action filter (a prefix finds a whole family). */
const ACTIONS = [
  'submission.',
  'submission.save',
  'submission.compose',
  'submission.submit',
  'submission.return',
  'submission.accept',
  'submission.reopen',
  'round.',
  'form.publish',
  'contacts.update',
  'notifications.update',
  'indicators.upload',
  'meeting.',
  'calendar.',
  'taskforce.seat-contacts',
];

const PAGE_SIZE = 50;
/** Pieces with no match read on at most, before the page shows what it has (with its "Næste side"). */
const EMPTY_PIECES = 20;

interface Search {
  from: string;
  to: string;
  orgId: string;
  roundId: string;
  actor: string;
  action: string;
}

function queryOf(s: Search, extra: Record<string, string> = {}): string {
  const next = new Date(startOfDanishDay(s.to).getTime() + 36 * 3600_000);
  const params: Record<string, string> = {
    from: startOfDanishDay(s.from).toISOString(),
    // The whole last day: up to the start of the next Danish day.
    to: startOfDanishDay(danishDate(next)).toISOString(),
    ...(s.orgId ? { orgId: s.orgId } : {}),
    ...(s.roundId ? { roundId: s.roundId } : {}),
    ...(s.actor.trim() ? { actor: s.actor.trim() } : {}),
    ...(s.action ? { action: s.action } : {}),
    ...extra,
  };
  return `?${new URLSearchParams(params).toString()}`;
}

export function AuditPage() {
  const today = danishDate(new Date());
  const monthAgo = danishDate(new Date(Date.now() - 30 * 86_400_000));
  const [form, setForm] = useState<Search>({ from: monthAgo, to: today, orgId: '', roundId: '', actor: '', action: '' });
  const [search, setSearch] = useState<Search | undefined>();
  const [cursors, setCursors] = useState<string[]>([]);
  const [page, setPage] = useState<{ items: AuditEvent[]; next?: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const refs = useLoad(async () => {
    const [orgs, rounds] = await Promise.all([get<{ items: Organisation[] }>('/orgs'), get<{ items: Round[] }>('/rounds')]);
    return { orgs: [...orgs.body.items].sort((a, b) => a.officialName.localeCompare(b.officialName, 'da')), rounds: rounds.body.items };
  }, []);
  const names = new Map((refs.data?.orgs ?? []).map((o) => [o.id, o.officialName]));

  const run = async (s: Search, cursor: string | undefined) => {
    setBusy(true);
    setError(undefined);
    try {
      const read = async (at: string | undefined) =>
        (await get<{ items: AuditEvent[]; next?: string }>(`/audit${queryOf(s, { limit: String(PAGE_SIZE), ...(at ? { cursor: at } : {}) })}`)).body;
      // The API answers a long span in pieces: a piece with no match but more to read is read on,
      // so a page never says "no events" while the events are further on.
      let body = await read(cursor);
      for (let more = 0; body.items.length === 0 && body.next && more < EMPTY_PIECES; more++) body = await read(body.next);
      setPage(body);
      setTimeout(() => document.getElementById('audit-results')?.focus(), 0);
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.from || !form.to || form.to < form.from) {
      setError(t('auditBadSpan'));
      document.getElementById('audit-from')?.focus();
      return;
    }
    setSearch(form);
    setCursors([]);
    void run(form, undefined);
  };
  const set = (k: keyof Search, v: string) => setForm({ ...form, [k]: v });
  const field = (k: 'from' | 'to' | 'actor', type: string, label: Parameters<typeof t>[0], hint?: Parameters<typeof t>[0]) => (
    <div className="form-group">
      <label htmlFor={`audit-${k}`} className="control-label">{t(label)}</label>
      {hint && <p id={`audit-${k}-hint`} className="help-block">{t(hint)}</p>}
      <input id={`audit-${k}`} type={type} className="form-control" value={form[k]} aria-describedby={hint ? `audit-${k}-hint` : undefined} onChange={(e) => set(k, e.target.value)} />
    </div>
  );
  return (
    <>
      <PageTitle title={t('auditTitle')}>{t('auditTitle')}</PageTitle>
      <p>{t('auditIntro')}</p>
      {refs.error && <LoadError message={refs.error} status={refs.status} onRetry={refs.reload} />}
      <form className="stack" onSubmit={submit} aria-label={t('auditSearch')}>
        <div className="inline wrap">
          {field('from', 'date', 'auditFrom')}
          {field('to', 'date', 'auditTo')}
        </div>
        <div className="inline wrap">
          <div className="form-group">
            <label htmlFor="audit-org" className="control-label">{t('colOrganisation')}</label>
            <select id="audit-org" className="form-control" value={form.orgId} onChange={(e) => set('orgId', e.target.value)}>
              <option value="">{t('auditAll')}</option>
              {refs.data?.orgs.map((o) => <option key={o.id} value={o.id}>{o.officialName}</option>)}
            </select>
          </div>
          <div className="form-group">
            <label htmlFor="audit-round" className="control-label">{t('remindersRound')}</label>
            <select id="audit-round" className="form-control" value={form.roundId} onChange={(e) => set('roundId', e.target.value)}>
              <option value="">{t('auditAll')}</option>
              {refs.data?.rounds.map((r) => <option key={r.roundId} value={r.roundId}>{r.title}</option>)}
            </select>
          </div>
        </div>
        <div className="inline wrap">
          {field('actor', 'text', 'auditActor', 'auditActorHint')}
          <div className="form-group">
            <label htmlFor="audit-action" className="control-label">{t('auditAction')}</label>
            <select id="audit-action" className="form-control" value={form.action} onChange={(e) => set('action', e.target.value)}>
              <option value="">{t('auditAll')}</option>
              {ACTIONS.map((a) => <option key={a} value={a}>{a.endsWith('.') ? t('auditFamily', a.slice(0, -1)) : a}</option>)}
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('auditSearch')}</button>
          {search && (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => void download(`/audit/export${queryOf(search)}`, 'statusportalen-log.csv').catch((err: unknown) => setError(t('downloadFailed', describe(err))))}
            >
              {t('auditExport')}
            </button>
          )}
        </div>
      </form>
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      {busy && <Loading />}
      {page && search && (
        <section id="audit-results" tabIndex={-1} aria-labelledby="audit-results-heading" className="stack">
          <h2 id="audit-results-heading">{t('auditResults', cursors.length + 1)}</h2>
          {page.items.length === 0 ? (
            <p>{t('auditNone')}</p>
          ) : (
            <TableScroll label={t('auditResults', cursors.length + 1)}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('auditColAt')}</th>
                    <th scope="col">{t('auditAction')}</th>
                    <th scope="col">{t('auditColActor')}</th>
                    <th scope="col">{t('colOrganisation')}</th>
                    <th scope="col">{t('auditColSubject')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTimeSeconds(e.at)}</td>
                      <td>{e.action}</td>
                      <td>
                        {e.actor}
                        <div className="muted">{names.get(e.actorOrgId) ?? e.actorOrgId}</div>
                      </td>
                      <td>{e.orgId ? (names.get(e.orgId) ?? e.orgId) : '–'}</td>
                      <td className="break">{e.subject}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <div className="actions">
            {cursors.length > 0 && (
              <button type="button" className="btn btn-secondary" onClick={() => { const before = cursors.slice(0, -1); setCursors(before); void run(search, before.at(-1)); }}>
                {t('auditPrevious')}
              </button>
            )}
            {page.next && (
              <button type="button" className="btn btn-secondary" onClick={() => { setCursors([...cursors, page.next!]); void run(search, page.next); }}>
                {t('auditNext')}
              </button>
            )}
          </div>
        </section>
      )}
    </>
  );
}
