// National indicator data for SST: each form's data set with its sources and uploads (audit
// events), a CSV upload that first shows the parsed rows and every line/column error and stores
// nothing until SST commits, and a trend chart per indicator (national and per region) against
// its target and direction, with the same numbers in a table beside it.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { describe, get, sendText } from '../api.ts';
import type { Session } from '../auth.ts';
import { currentLang, formatDateTime } from '../i18n.ts';
import { t } from '../i18n-sstyear.ts';
import { href, navigate } from '../router.ts';
import { LoadError, Loading, Notice, PageTitle, TableScroll, useLoad } from '../components/common.tsx';
import { lineChart } from '#core/summary/svg';
import type { FormTrendJson, IndicatorDatasetInfoJson, IndicatorPreviewJson } from '#schemas/summary';

type Trend = FormTrendJson['indicators'][number];

const num = (n: number) => new Intl.NumberFormat(currentLang() === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 2 }).format(n);
const NATIONAL_KEY = '';

function Datasets({ items }: { items: IndicatorDatasetInfoJson[] }) {
  return (
    <TableScroll label={t('indDatasets')}>
      <table className="table">
        <caption>{t('indDatasets')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indColForm')}</th>
            <th scope="col">{t('indColShown')}</th>
            <th scope="col">{t('indColSources')}</th>
            <th scope="col">{t('indColUploads')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.formId}>
              <th scope="row"><a href={href.indicators(d.formId)}>{d.formTitle}</a></th>
              <td>
                {d.current ? t('indShown', d.current.rowCount, d.current.periods.join(', '), formatDateTime(d.current.uploadedAt), d.current.uploadedBy) : t('indNone')}
              </td>
              <td>{d.current?.sources.length ? d.current.sources.join('; ') : '–'}</td>
              <td>
                {d.uploads.length ? (
                  <ul className="plain">
                    {d.uploads.slice(0, 3).map((u) => (
                      <li key={u.id}>
                        {t('indUpload', formatDateTime(u.at), u.actor, u.rows ?? 0)} <span className="muted">({t('indEvent', u.id)})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Upload({ formId, onStored }: { formId: string; onStored: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string } | undefined>();
  const [preview, setPreview] = useState<IndicatorPreviewJson | undefined>();
  const [flash, setFlash] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  // A new key empties the file field once its file is stored.
  const [inputKey, setInputKey] = useState(0);
  // A new preview takes focus at its result ("Filen har 2 fejl …" or "Filen kan læses uden fejl …"),
  // once it is on the page (an effect, not a timer that may run before React has rendered it).
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (preview) result.current?.focus();
  }, [preview]);
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setPreview(undefined);
    setFlash(undefined);
    if (!f) return setFile(undefined);
    const text = await f.text();
    setFile({ name: f.name, text });
    setBusy(true);
    try {
      const reply = await sendText<IndicatorPreviewJson>('POST', `/forms/${encodeURIComponent(formId)}/indicators/validate`, text, 'text/csv; charset=utf-8');
      setPreview(reply.body);
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!file || busy) return;
    setBusy(true);
    try {
      await sendText('PUT', `/forms/${encodeURIComponent(formId)}/indicators`, file.text, 'text/csv; charset=utf-8');
      setFlash({ kind: 'success', text: t('indStored', preview?.rowCount ?? 0, file.name) });
      setPreview(undefined);
      setFile(undefined);
      setInputKey((n) => n + 1);
      onStored();
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="ind-upload-heading" className="stack">
      <h2 id="ind-upload-heading">{t('indUploadTitle')}</h2>
      <p>{t('indUploadIntro')}</p>
      <div className="form-group">
        <label htmlFor="ind-file" className="control-label">{t('indFile')}</label>
        <p id="ind-file-hint" className="help-block">{t('indFileHint')}</p>
        <input key={inputKey} id="ind-file" type="file" accept=".csv,text/csv" aria-describedby="ind-file-hint" onChange={(e) => void choose(e)} />
      </div>
      {busy && <Loading />}
      {flash && (
        <Notice kind={flash.kind} role={flash.kind === 'error' ? 'alert' : 'status'}>
          <p>{flash.text}</p>
        </Notice>
      )}
      {preview && (
        <div className="stack">
          <h3 id="ind-preview-heading">{t('indPreviewTitle', file?.name ?? '')}</h3>
          <div id="ind-preview-result" ref={result} tabIndex={-1}>
            {preview.valid ? (
              <Notice kind="success" role="status">
                <p>{t('indPreviewValid', preview.rowCount)}</p>
              </Notice>
            ) : (
              <Notice kind="error" role="alert">
                <p>{t('indPreviewErrors', preview.errors.length)}</p>
              </Notice>
            )}
          </div>
          {preview.errors.length > 0 && (
            <TableScroll label={t('indErrors')}>
              <table className="table">
                <caption>{t('indErrors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('indColLine')}</th>
                    <th scope="col">{t('indColColumn')}</th>
                    <th scope="col">{t('indColError')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.line}</td>
                      <td>{e.column ?? '–'}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {preview.rows.length > 0 && (
            <TableScroll label={t('indRows')}>
              <table className="table">
                <caption>{preview.rowCount > preview.rows.length ? t('indRowsSome', preview.rows.length, preview.rowCount) : t('indRows')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('indColIndicator')}</th>
                    <th scope="col">{t('indColPeriod')}</th>
                    <th scope="col">{t('indColRegion')}</th>
                    <th scope="col" className="num">{t('indColValue')}</th>
                    <th scope="col" className="num">{t('indColTarget')}</th>
                    <th scope="col">{t('indColDirection')}</th>
                    <th scope="col">{t('indColSource')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r, i) => (
                    <tr key={i}>
                      <td>{r.title}</td>
                      <td>{r.period}</td>
                      <td>{r.regionName ?? t('indNational')}</td>
                      <td className="num">{num(r.value)}{r.unit ? ` ${r.unit}` : ''}</td>
                      <td className="num">{r.target !== undefined ? num(r.target) : '–'}</td>
                      <td>{r.direction ? t(r.direction === 'up' ? 'indUp' : 'indDown') : '–'}</td>
                      <td>{r.source ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <div className="actions">
            {preview.valid && (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void commit()}>{t('indCommit', preview.rowCount)}</button>
            )}
            {!preview.valid && <p>{t('indFixAndRetry')}</p>}
          </div>
        </div>
      )}
    </section>
  );
}

/** One indicator over the periods: the chart, and the same numbers in a table beside it. */
function IndicatorTrend({ ind }: { ind: Trend }) {
  const periods = [...new Set(ind.points.map((p) => p.period))].sort();
  const columns = new Map<string, string>();
  for (const p of ind.points) columns.set(p.regionId ?? NATIONAL_KEY, p.regionName ?? t('indNational'));
  // National first, then the regions in the registry's order of names.
  const keys = [...columns.keys()].sort((a, b) => (a === NATIONAL_KEY ? -1 : b === NATIONAL_KEY ? 1 : columns.get(a)!.localeCompare(columns.get(b)!, 'da')));
  const value = (period: string, key: string) => ind.points.find((p) => p.period === period && (p.regionId ?? NATIONAL_KEY) === key);
  const targets = periods.flatMap((x) => {
    const p = value(x, NATIONAL_KEY) ?? ind.points.find((q) => q.period === x && q.target !== undefined);
    return p?.target !== undefined ? [{ x, y: p.target }] : [];
  });
  const unit = ind.unit ?? '';
  const title = `${ind.title}${unit ? ` (${unit})` : ''}`;
  const svg = lineChart(
    title,
    periods,
    keys.map((k) => ({ name: columns.get(k)!, points: ind.points.filter((p) => (p.regionId ?? NATIONAL_KEY) === k).map((p) => ({ x: p.period, y: p.value })) })),
    targets,
    unit,
  );
  const tableId = `ind-table-${ind.indicator}`;
  const direction = ind.direction ? t(ind.direction === 'up' ? 'indUpBetter' : 'indDownBetter') : t('indNoDirection');
  return (
    <section aria-labelledby={`ind-h-${ind.indicator}`} className="stack indicator-trend">
      <h3 id={`ind-h-${ind.indicator}`}>{title}</h3>
      <p>
        {direction}
        {targets.length > 0 && ` ${t('indTargetLine')}`}
      </p>
      <div className="trend-pair">
        {/* The chart is a picture of the table beside it (the text alternative), which it points at. */}
        <div className="chart" role="group" aria-describedby={tableId} dangerouslySetInnerHTML={{ __html: svg }} />
        <TableScroll label={t('indTableOf', title)}>
          <table className="table" id={tableId}>
            <caption>{t('indTableOf', title)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indColPeriod')}</th>
                {keys.map((k) => <th key={k} scope="col" className="num">{columns.get(k)}</th>)}
                <th scope="col" className="num">{t('indColTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((x) => (
                <tr key={x}>
                  <th scope="row">{x}</th>
                  {keys.map((k) => {
                    const p = value(x, k);
                    return <td key={k} className="num">{p ? num(p.value) : '–'}</td>;
                  })}
                  <td className="num">{targets.find((q) => q.x === x) ? num(targets.find((q) => q.x === x)!.y) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
    </section>
  );
}

function Trends({ formId, tick }: { formId: string; tick: number }) {
  const load = useLoad(async () => (await get<FormTrendJson>(`/forms/${encodeURIComponent(formId)}/trend`)).body, [formId, tick]);
  return (
    <section aria-labelledby="ind-trend-heading" className="stack">
      <h2 id="ind-trend-heading">{t('indTrendTitle')}</h2>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && load.data.indicators.length === 0 && <p>{t('indNoTrend')}</p>}
      {load.data?.notes.map((n) => <p key={n.on} className="muted">{n.text}</p>)}
      {load.data?.indicators.map((ind) => <IndicatorTrend key={ind.indicator} ind={ind} />)}
    </section>
  );
}

export function IndicatorsPage({ formId, session }: { formId: string | undefined; session: Session }) {
  const [tick, setTick] = useState(0);
  const load = useLoad(async () => (await get<{ items: IndicatorDatasetInfoJson[] }>('/indicators')).body.items, [tick]);
  const [picked, setPicked] = useState(formId ?? '');
  useEffect(() => setPicked(formId ?? ''), [formId]);
  const current = load.data?.find((d) => d.formId === formId);
  return (
    <>
      <PageTitle title={t('indTitle')}>{t('indTitle')}</PageTitle>
      <p>{t('indIntro')}</p>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      {!load.data && !load.error && <Loading />}
      {load.data && <Datasets items={load.data} />}
      {load.data && (
        <form
          className="stack picker"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) navigate(href.indicators(picked));
          }}
        >
          <div className="form-group">
            <label htmlFor="form-pick" className="control-label">{t('indForm')}</label>
            <div className="inline wrap">
              <select id="form-pick" className="form-control" value={picked} onChange={(e) => setPicked(e.target.value)}>
                <option value="">—</option>
                {load.data.map((d) => <option key={d.formId} value={d.formId}>{d.formTitle}</option>)}
              </select>
              <button type="submit" className="btn btn-secondary">{t('indShow')}</button>
            </div>
          </div>
        </form>
      )}
      {load.data && formId && !current && <LoadError message={t('notFoundPage')} />}
      {current && (
        <>
          <h2 className="form-heading">{current.formTitle}</h2>
          {session.role === 'sst-admin' && <Upload key={current.formId} formId={current.formId} onStored={() => setTick((n) => n + 1)} />}
          <Trends formId={current.formId} tick={tick} />
        </>
      )}
    </>
  );
}
