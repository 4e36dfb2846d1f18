// The year wheel: rounds' openings and deadlines and Task Force meetings, month by month, with
// the same calendar as an .ics file for Outlook or Google Calendar, a personal subscription URL
// that calendar apps poll without signing in, and (SST administrators) the meetings themselves:
// added, changed and cancelled with their agenda and the rounds whose status they discuss.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiUrl, describe, download, get, request } from '../api.ts';
import type { Session } from '../auth.ts';
import { features, has } from '../features.ts';
import { currentLang, formatDateTime, formatDay, type StringKey } from '../i18n.ts';
import { t, type SstYearKey } from '../i18n-sstyear.ts';
import { href } from '../router.ts';
import { ConfirmDialog, LoadError, Loading, Notice, PageTitle, useLoad, TableScroll } from '../components/common.tsx';
import type { Round } from '../types.ts';
import { TaskForceSeats } from './TaskForceSeats.tsx';

interface CalendarEntry {
  uid: string;
  kind: 'meeting' | 'deadline' | 'opening' | 'close';
  title: string;
  date: string;
  start?: string;
  end?: string;
  roundId?: string;
  meetingId?: string;
  location?: string;
  extended?: boolean;
  agenda?: string[];
  /** Meetings: the rounds whose consolidated status is on the agenda. */
  links?: { roundId: string; title: string }[];
}

interface Meeting {
  meetingId: string;
  date: string;
  startTime?: string;
  endTime?: string;
  title: string;
  location?: string;
  agenda: string[];
  roundIds?: string[];
  cancelled?: boolean;
  updatedAt: string;
  updatedBy: string;
}

interface Subscription {
  subscriptionId: string;
  label: string;
  createdAt: string;
  revokedAt?: string;
}

const monthOf = (date: string) =>
  new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : 'da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));


type Flash = { kind: 'success' | 'error'; text: string } | undefined;

/** A save's outcome; with an id it can take focus (tabIndex -1), for when the control that acted is gone. */
function FlashNotice({ flash, id }: { flash: Flash; id?: string }) {
  if (!flash) return null;
  return (
    <div id={id} tabIndex={id ? -1 : undefined}>
      <Notice kind={flash.kind} role={flash.kind === 'error' ? 'alert' : 'status'}>
        <p>{flash.text}</p>
      </Notice>
    </div>
  );
}

/** A personal subscription URL: made here, shown once, listed and revocable. */
function Subscriptions() {
  const load = useLoad(async () => (await get<{ items: Subscription[] }>('/calendar/subscriptions')).body.items, []);
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<Flash>();
  const [revoking, setRevoking] = useState<Subscription | undefined>();
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFlash(undefined);
    try {
      const reply = await request<{ path: string }>('POST', '/calendar/subscriptions', { body: label.trim() ? { label: label.trim() } : {} });
      setMade(new URL(apiUrl(reply.body.path), window.location.href).href);
      setLabel('');
      load.reload();
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (s: Subscription) => {
    setRevoking(undefined);
    try {
      await request('DELETE', `/calendar/subscriptions/${encodeURIComponent(s.subscriptionId)}`);
      setFlash({ kind: 'success', text: t('subRevoked', s.label) });
      setMade(undefined);
      load.reload();
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    }
  };
  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made);
      setFlash({ kind: 'success', text: t('subCopied') });
    } catch {
      document.getElementById('sub-url')?.focus();
      setFlash({ kind: 'error', text: t('subCopyFailed') });
    }
  };
  return (
    <section aria-labelledby="sub-heading" className="stack">
      <h2 id="sub-heading">{t('subTitle')}</h2>
      <p>{t('subIntro')}</p>
      <form className="stack" onSubmit={(e) => void create(e)}>
        <div className="form-group">
          <label htmlFor="sub-label" className="control-label">{t('subLabel')}</label>
          <p id="sub-label-hint" className="help-block">{t('subLabelHint')}</p>
          <div className="inline wrap">
            <input id="sub-label" className="form-control" maxLength={100} aria-describedby="sub-label-hint" value={label} onChange={(e) => setLabel(e.target.value)} />
            <button type="submit" className="btn btn-primary" disabled={busy}>{t('subCreate')}</button>
          </div>
        </div>
      </form>
      {made && (
        <Notice kind="success" role="status">
          <p>{t('subMade')}</p>
          <label htmlFor="sub-url" className="control-label">{t('subUrl')}</label>
          <div className="inline wrap">
            <input id="sub-url" className="form-control" readOnly value={made} onFocus={(e) => e.target.select()} />
            <button type="button" className="btn btn-secondary" onClick={() => void copy()}>{t('subCopy')}</button>
          </div>
          <p className="muted">{t('subOnce')}</p>
        </Notice>
      )}
      <FlashNotice flash={flash} />
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {load.data && load.data.length > 0 && (
        <TableScroll label={t('subListCaption')}>
          <table className="table">
            <caption>{t('subListCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subColLabel')}</th>
                <th scope="col">{t('subColCreated')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col"><span className="sr-only">{t('colActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {load.data.map((s) => (
                <tr key={s.subscriptionId}>
                  <th scope="row">{s.label}</th>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{s.revokedAt ? t('subRevokedAt', formatDateTime(s.revokedAt)) : t('subActive')}</td>
                  <td>
                    {!s.revokedAt && (
                      <button type="button" className="btn btn-secondary" onClick={() => setRevoking(s)}>
                        {t('subRevoke')}<span className="sr-only"> {s.label}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={revoking !== undefined}
        title={t('subRevokeTitle')}
        confirmLabel={t('subRevokeConfirm')}
        onConfirm={() => revoking && void revoke(revoking)}
        onCancel={() => setRevoking(undefined)}
      >
        <p>{t('subRevokeText', revoking?.label ?? '')}</p>
      </ConfirmDialog>
    </section>
  );
}

interface Draft {
  date: string;
  startTime: string;
  endTime: string;
  title: string;
  location: string;
  agenda: string;
  roundIds: string[];
}

const EMPTY: Draft = { date: '', startTime: '', endTime: '', title: '', location: '', agenda: '', roundIds: [] };
const draftOf = (m: Meeting): Draft => ({
  date: m.date,
  startTime: m.startTime ?? '',
  endTime: m.endTime ?? '',
  title: m.title,
  location: m.location ?? '',
  agenda: m.agenda.join('\n'),
  roundIds: m.roundIds ?? [],
});

const FIELD_OF: Record<string, keyof Draft> = { '/date': 'date', '/startTime': 'startTime', '/endTime': 'endTime', '/title': 'title', '/location': 'location', '/roundIds': 'roundIds' };

function MeetingForm({ meeting, rounds, onDone }: { meeting: Meeting | undefined; rounds: Round[]; onDone: (text: string) => void }) {
  const [draft, setDraft] = useState<Draft>(meeting ? draftOf(meeting) : EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [flash, setFlash] = useState<Flash>();
  const [busy, setBusy] = useState(false);
  // Opened from "Tilføj møde" or "Ret …": the keyboard starts in the form's first field.
  useEffect(() => document.getElementById('meeting-title')?.focus(), []);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft({ ...draft, [k]: v });
    // A corrected field stops saying it is wrong; the rest are checked again on save.
    if (errors[k]) setErrors({ ...errors, [k]: undefined });
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const bad: Partial<Record<keyof Draft, string>> = {};
    if (!draft.date) bad.date = t('meetingNeedDate');
    if (!draft.title.trim()) bad.title = t('meetingNeedTitle');
    if (draft.endTime && !draft.startTime) bad.endTime = t('meetingEndNeedsStart');
    else if (draft.endTime && draft.endTime <= draft.startTime) bad.endTime = t('meetingEndBeforeStart');
    setErrors(bad);
    const first = Object.keys(bad)[0];
    if (first) {
      document.getElementById(`meeting-${first}`)?.focus();
      return;
    }
    const body = {
      date: draft.date,
      ...(draft.startTime ? { startTime: draft.startTime } : {}),
      ...(draft.endTime ? { endTime: draft.endTime } : {}),
      title: draft.title.trim(),
      ...(draft.location.trim() ? { location: draft.location.trim() } : {}),
      agenda: draft.agenda.split('\n').map((l) => l.trim()).filter(Boolean),
      roundIds: draft.roundIds,
    };
    setBusy(true);
    setFlash(undefined);
    try {
      if (meeting) await request('PUT', `/meetings/${encodeURIComponent(meeting.meetingId)}`, { body });
      else await request('POST', '/meetings', { body });
      onDone(meeting ? t('meetingUpdated', body.title) : t('meetingCreated', body.title));
    } catch (err) {
      const fieldErrors: Partial<Record<keyof Draft, string>> = {};
      if (err instanceof ApiError) for (const fe of err.problem.errors ?? []) {
        const field = FIELD_OF[fe.pointer.replace(/\/\d+$/, '')];
        if (field) fieldErrors[field] = fe.message;
      }
      setErrors(fieldErrors);
      setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };
  const field = (k: 'date' | 'startTime' | 'endTime' | 'title' | 'location', type: string, label: StringKey | SstYearKey, hint?: StringKey | SstYearKey) => (
    <div className={`form-group${errors[k] ? ' has-error' : ''}`}>
      <label htmlFor={`meeting-${k}`} className="control-label">{t(label)}</label>
      {hint && <p id={`meeting-${k}-hint`} className="help-block">{t(hint)}</p>}
      {errors[k] && <p id={`meeting-${k}-error`} className="error-detail">{errors[k]}</p>}
      <input
        id={`meeting-${k}`}
        type={type}
        className="form-control"
        value={draft[k]}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={[hint && `meeting-${k}-hint`, errors[k] && `meeting-${k}-error`].filter(Boolean).join(' ') || undefined}
        onChange={(e) => set(k, e.target.value)}
      />
    </div>
  );
  return (
    <form
      className="stack meeting-form"
      onSubmit={(e) => void save(e)}
      // Escape leaves the form unsaved, as "Annullér" does.
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onDone('');
      }}
      noValidate
      aria-labelledby="meeting-form-heading"
    >
      <h3 id="meeting-form-heading">{meeting ? t('meetingEditTitle', meeting.title) : t('meetingNewTitle')}</h3>
      <FlashNotice flash={flash} />
      {field('title', 'text', 'meetingTitle')}
      {field('date', 'date', 'meetingDate')}
      <div className="inline wrap">
        {field('startTime', 'time', 'meetingStart', 'meetingStartHint')}
        {field('endTime', 'time', 'meetingEnd')}
      </div>
      {field('location', 'text', 'meetingLocation')}
      <div className="form-group">
        <label htmlFor="meeting-agenda" className="control-label">{t('meetingAgenda')}</label>
        <p id="meeting-agenda-hint" className="help-block">{t('meetingAgendaHint')}</p>
        <textarea id="meeting-agenda" className="form-control" rows={5} aria-describedby="meeting-agenda-hint" value={draft.agenda} onChange={(e) => set('agenda', e.target.value)} />
      </div>
      <fieldset className={`form-group${errors.roundIds ? ' has-error' : ''}`}>
        <legend className="control-label">{t('meetingRounds')}</legend>
        <p className="help-block">{t('meetingRoundsHint')}</p>
        {errors.roundIds && <p className="error-detail">{errors.roundIds}</p>}
        {rounds.map((r) => (
          <div key={r.roundId} className="checkbox">
            <label>
              <input
                type="checkbox"
                checked={draft.roundIds.includes(r.roundId)}
                onChange={(e) => set('roundIds', e.target.checked ? [...draft.roundIds, r.roundId] : draft.roundIds.filter((id) => id !== r.roundId))}
              />{' '}
              {r.title}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{meeting ? t('meetingSaveChanges') : t('meetingSave')}</button>
        <button type="button" className="btn btn-secondary" onClick={() => onDone('')}>{t('cancel')}</button>
      </div>
    </form>
  );
}

/** SST administrators: the Task Force's meetings, added, changed and cancelled. */
function Meetings({ onChange }: { onChange: () => void }) {
  const load = useLoad(async () => {
    const [meetings, rounds] = await Promise.all([get<{ items: Meeting[] }>('/meetings'), get<{ items: Round[] }>('/rounds')]);
    return { meetings: meetings.body.items, rounds: [...rounds.body.items].sort((a, b) => b.deadlineAt.localeCompare(a.deadlineAt)) };
  }, []);
  const [editing, setEditing] = useState<Meeting | 'new' | undefined>();
  const [cancelling, setCancelling] = useState<Meeting | undefined>();
  const [flash, setFlash] = useState<Flash>();
  const [focusFlash, setFocusFlash] = useState(0);
  const done = (text: string) => {
    const was = editing;
    setEditing(undefined);
    if (text) {
      setFlash({ kind: 'success', text });
      load.reload();
      onChange();
      // Saved: focus goes to the outcome, which names the meeting (the list below it shows it).
      setFocusFlash((n) => n + 1);
      return;
    }
    // Left unsaved: back to the button that opened the form.
    setTimeout(() => document.getElementById(was === 'new' || was === undefined ? 'meeting-add' : `meeting-edit-${was.meetingId}`)?.focus(), 0);
  };
  const cancel = async (m: Meeting) => {
    setCancelling(undefined);
    try {
      await request('DELETE', `/meetings/${encodeURIComponent(m.meetingId)}`);
      setFlash({ kind: 'success', text: t('meetingCancelled', m.title) });
      load.reload();
      onChange();
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    }
    // The "Aflys" button that opened the dialog is gone once the meeting is cancelled: focus
    // goes to the outcome instead of dropping to the page.
    setFocusFlash((n) => n + 1);
  };
  useEffect(() => {
    if (focusFlash) document.getElementById('meetings-flash')?.focus();
  }, [focusFlash]);
  const titles = new Map((load.data?.rounds ?? []).map((r) => [r.roundId, r.title]));
  return (
    <section aria-labelledby="meetings-heading" className="stack">
      <h2 id="meetings-heading">{t('meetingsTitle')}</h2>
      <FlashNotice flash={flash} id="meetings-flash" />
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && editing === undefined && (
        <p>
          <button id="meeting-add" type="button" className="btn btn-primary" onClick={() => { setFlash(undefined); setEditing('new'); }}>{t('meetingAdd')}</button>
        </p>
      )}
      {load.data && editing !== undefined && (
        <MeetingForm key={editing === 'new' ? 'new' : editing.meetingId} meeting={editing === 'new' ? undefined : editing} rounds={load.data.rounds} onDone={done} />
      )}
      {load.data && load.data.meetings.length > 0 && (
        <TableScroll label={t('meetingsTitle')}>
          <table className="table">
            <caption className="sr-only">{t('meetingsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('meetingTitle')}</th>
                <th scope="col">{t('meetingAgenda')}</th>
                <th scope="col"><span className="sr-only">{t('colActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {[...load.data.meetings].sort((a, b) => a.date.localeCompare(b.date)).map((m) => (
                <tr key={m.meetingId}>
                  <td>
                    {formatDay(m.date)}
                    {m.startTime && ` ${m.startTime}${m.endTime ? `–${m.endTime}` : ''}`}
                  </td>
                  <th scope="row">
                    {m.title}
                    {m.cancelled && <span className="badge badge-returned">{t('meetingIsCancelled')}</span>}
                    {m.location && <div className="muted">{m.location}</div>}
                    {(m.roundIds ?? []).length > 0 && <div className="muted">{t('calendarLinkedRounds')} {(m.roundIds ?? []).map((id) => titles.get(id) ?? id).join(', ')}</div>}
                  </th>
                  <td>{m.agenda.length ? <ol className="agenda">{m.agenda.map((a, i) => <li key={i}>{a}</li>)}</ol> : '–'}</td>
                  <td>
                    <div className="actions-cell">
                    <button id={`meeting-edit-${m.meetingId}`} type="button" className="btn btn-secondary" onClick={() => { setFlash(undefined); setEditing(m); }}>
                      {m.cancelled ? t('meetingReinstate') : t('meetingEdit')}<span className="sr-only"> {m.title}</span>
                    </button>
                    {!m.cancelled && (
                      <button type="button" className="btn btn-secondary" onClick={() => setCancelling(m)}>
                        {t('meetingCancel')}<span className="sr-only"> {m.title}</span>
                      </button>
                    )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={cancelling !== undefined}
        title={t('meetingCancelTitle')}
        confirmLabel={t('meetingCancelConfirm')}
        onConfirm={() => cancelling && void cancel(cancelling)}
        onCancel={() => setCancelling(undefined)}
      >
        <p>{t('meetingCancelText', cancelling?.title ?? '', cancelling ? formatDay(cancelling.date) : '')}</p>
      </ConfirmDialog>
    </section>
  );
}

export function CalendarPage({ session }: { session: Session }) {
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
      {has('POST', '/calendar/subscriptions') && <Subscriptions />}
      {session.role === 'sst-admin' && has('POST', '/meetings') && <Meetings onChange={load.reload} />}
      {(session.role === 'sst-admin' || session.role === 'sst-reader') && has('GET', '/taskforce/seats') && <TaskForceSeats admin={session.role === 'sst-admin'} />}
      <h2>{t('calendarOverview')}</h2>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {/* A month is no landmark of its own: its table is one, under the same name (axe: landmark-unique). */}
      {[...months.entries()].map(([key, entries]) => (
        <section key={key} className="month">
          <h3 id={`m-${key}`}>{monthOf(key)}</h3>
          <TableScroll label={monthOf(key)}>
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
                  {/* A timed deadline is the instant it ends (its calendar event is the half hour before). */}
                  <td>{e.start ? formatDateTime(e.kind === 'deadline' && e.end ? e.end : e.start) : formatDay(e.date)}</td>
                  <td>
                    {e.roundId ? <a href={href.round(e.roundId)}>{e.title}</a> : e.title}
                    {e.location && <span className="muted"> · {e.location}</span>}
                    {e.extended && <span className="badge badge-returned">{t('extended')}</span>}
                    {e.agenda && e.agenda.length > 0 && (
                      <ol className="agenda muted" aria-label={t('meetingAgenda')}>
                        {e.agenda.map((a, i) => <li key={i}>{a}</li>)}
                      </ol>
                    )}
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
                  <td>{t(`kind_${e.kind}` as StringKey | SstYearKey)}</td>
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
