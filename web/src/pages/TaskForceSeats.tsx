// The Task Force's seats on a date, as the terms of reference set them, with the addresses each
// seat's meeting invitations and cancellations go to. SST readers see them; administrators change
// one seat's addresses at a time. Shown on the year wheel, beside the meetings it invites to.
import { useState, type FormEvent } from 'react';
import { get, request } from '../api.ts';
import { danishDay, formatDateTime, formatDay } from '../i18n.ts';
import { t } from '../i18n-sstyear.ts';
import { EmailListForm } from '../components/email-list-form.tsx';
import { LoadError, Loading, Notice, TableScroll, useLoad } from '../components/common.tsx';
import type { Seat } from '../types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const seatName = (s: Seat) => t('seatName', s.label, s.number);

export function TaskForceSeats({ admin }: { admin: boolean }) {
  const [at, setAt] = useState(() => danishDay(new Date().toISOString()));
  const [typed, setTyped] = useState(at);
  const [dateError, setDateError] = useState<string | undefined>();
  const load = useLoad(async () => (await get<{ items: Seat[] }>(`/taskforce/seats?at=${encodeURIComponent(at)}`)).body.items, [at]);
  const [editing, setEditing] = useState<string | undefined>();
  // Seats saved on this page since the list loaded: the table shows what was stored.
  const [saved, setSaved] = useState<Record<string, Seat>>({});
  const seats = (load.data ?? []).map((s) => saved[s.seatId] ?? s);
  const current = seats.find((s) => s.seatId === editing);

  const show = (e: FormEvent) => {
    e.preventDefault();
    if (!DATE.test(typed) || Number.isNaN(Date.parse(typed))) {
      setDateError(t('seatsDateInvalid'));
      document.getElementById('seats-at')?.focus();
      return;
    }
    setDateError(undefined);
    setEditing(undefined);
    setSaved({});
    setAt(typed);
  };
  const close = (seatId: string) => {
    setEditing(undefined);
    setTimeout(() => document.getElementById(`seat-edit-${seatId}`)?.focus(), 0);
  };
  const saveSeat = (seat: Seat) => async (emails: string[]) => {
    const reply = await request<Seat>('PUT', `/taskforce/seats/${encodeURIComponent(seat.seatId)}/contacts`, { body: { emails } });
    setSaved((was) => ({ ...was, [seat.seatId]: reply.body }));
    return reply.body.emails;
  };

  return (
    <section aria-labelledby="seats-heading" className="stack">
      <h2 id="seats-heading">{t('seatsTitle')}</h2>
      <p>{t('seatsIntro')}</p>
      <form className="stack picker" onSubmit={show} noValidate>
        <div className={`form-group${dateError ? ' has-error' : ''}`}>
          <label htmlFor="seats-at" className="control-label">{t('seatsAt')}</label>
          <p id="seats-at-hint" className="help-block">{t('seatsAtHint')}</p>
          {dateError && <p id="seats-at-error" className="error-detail">{dateError}</p>}
          <div className="inline wrap">
            <input
              id="seats-at"
              type="date"
              className="form-control"
              value={typed}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={dateError ? 'seats-at-hint seats-at-error' : 'seats-at-hint'}
              onChange={(e) => setTyped(e.target.value)}
            />
            <button type="submit" className="btn btn-secondary">{t('seatsShow')}</button>
          </div>
        </div>
      </form>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && (
        <>
          <p className="muted" aria-live="polite">{t('seatsCount', seats.length, formatDay(at))}</p>
          {!admin && <p className="muted">{t('sstContactsReadOnly')}</p>}
          <TableScroll label={t('seatsCaption', formatDay(at))}>
            <table className="table table-stack">
              <caption className="sr-only">{t('seatsCaption', formatDay(at))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('seatsColSeat')}</th>
                  <th scope="col">{t('seatsColAddresses')}</th>
                  {admin && <th scope="col"><span className="sr-only">{t('colActions')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {seats.map((s) => (
                  <tr key={s.seatId}>
                    <th scope="row">
                      {seatName(s)}
                      {s.partly && <div className="muted">{t('seatsPartly')}</div>}
                      {s.validFrom && <div className="muted">{t('seatsFrom', formatDay(s.validFrom))}</div>}
                      {s.validTo && <div className="muted">{t('seatsLapses', formatDay(s.validTo))}</div>}
                    </th>
                    <td data-label={t('seatsColAddresses')}>
                      {s.emails.length ? (
                        <ul className="plain">{s.emails.map((m) => <li key={m}>{m}</li>)}</ul>
                      ) : (
                        <span className="muted">{t('seatsNone')}</span>
                      )}
                      {s.updatedAt && <div className="muted">{t('notifyUpdated', formatDateTime(s.updatedAt), s.updatedBy ?? '')}</div>}
                    </td>
                    {admin && (
                      <td>
                        <button
                          id={`seat-edit-${s.seatId}`}
                          type="button"
                          className="btn btn-secondary"
                          aria-expanded={editing === s.seatId}
                          aria-controls={editing === s.seatId ? 'seat-form' : undefined}
                          onClick={() => {
                            setEditing(editing === s.seatId ? undefined : s.seatId);
                            setTimeout(() => document.getElementById('seat-email-0')?.focus(), 0);
                          }}
                        >
                          {t('seatsEdit')}<span className="sr-only"> {seatName(s)}</span>
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {admin && current && (
        <section id="seat-form" aria-labelledby="seat-form-heading" className="stack panel">
          <h3 id="seat-form-heading">{t('seatsFormTitle', seatName(current))}</h3>
          <p>{t('seatsFormHint')}</p>
          <EmailListForm
            key={current.seatId}
            idPrefix="seat-email"
            initial={current.emails}
            requireOne={false}
            onSave={saveSeat(current)}
            savedText={t('seatsSaved', seatName(current))}
            onCancel={() => close(current.seatId)}
          />
        </section>
      )}
      {load.data && seats.length === 0 && (
        <Notice kind="info">
          <p>{t('seatsEmpty')}</p>
        </Notice>
      )}
    </section>
  );
}
