// A report's past: the revision history (each revision can be opened read-only and compared
// with the one before it, through the API's revision and diff routes) and "changed since last
// year" against the organisation's accepted report in an earlier round of the same form.
import { useEffect, useRef, useState } from 'react';
import { get } from '../api.ts';
import { changeLabel, compareAnswers, fieldChanges, formatAnswer, type AnswerChange } from '../answers.ts';
import { formatDateTimeSeconds, t, type StringKey } from '../i18n.ts';
import type { JsonObject, Revision, Round, Submission } from '../types.ts';
import { ConfirmDialog, LoadError, Loading, StatusBadge, TableScroll } from './common.tsx';
import { ReportForm } from './form-parts.tsx';

const subPath = (roundId: string, orgId: string) => `/rounds/${encodeURIComponent(roundId)}/submissions/${encodeURIComponent(orgId)}`;
const actionLabel = (r: Revision) => t(`action_${r.action}` as StringKey);

/** Changed fields as a table: field by its Danish title path, kind of change, old and new value. */
export function ChangesTable(props: { schema: JsonObject; changes: AnswerChange[]; caption: string; oldHeader?: string; newHeader?: string }) {
  const { schema, changes } = props;
  return (
    <TableScroll label={props.caption}>
    <table className="table changes">
      {/* The heading or summary above already shows this; the caption names the table for screen readers. */}
      <caption className="sr-only">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colField')}</th>
          <th scope="col">{t('colChange')}</th>
          <th scope="col">{props.oldHeader ?? t('colOld')}</th>
          <th scope="col">{props.newHeader ?? t('colNew')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.pointer}|${c.change}`} data-pointer={c.pointer}>
            <th scope="row">{changeLabel(schema, c.pointer)}</th>
            <td>{t(`change_${c.change}` as StringKey)}</td>
            <td className="value-old">{c.change === 'added' ? '' : formatAnswer(schema, c.pointer, c.old)}</td>
            <td className="value-new">{c.change === 'removed' ? '' : formatAnswer(schema, c.pointer, c.new)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

type Panel = { kind: 'view' | 'diff'; revision: Revision };
type PanelData = { answers: JsonObject } | { changes: AnswerChange[] };

/** Every saved revision of a report, loaded when the reader opens the list. */
export function RevisionHistory({
  roundId,
  orgId,
  version,
  schema,
  onRestore,
}: {
  roundId: string;
  orgId: string;
  version: number;
  schema: JsonObject;
  /** Offered while the reporter may change the report: saves that version's answers as a new one. */
  onRestore?: (revision: number) => Promise<boolean>;
}) {
  const [restoring, setRestoring] = useState<number | undefined>();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<{ items?: Revision[]; error?: string }>({});
  const [panel, setPanel] = useState<Panel | undefined>();
  const [panelState, setPanelState] = useState<{ data?: PanelData; error?: string }>({});
  const opener = useRef<HTMLButtonElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const path = subPath(roundId, orgId);

  useEffect(() => {
    if (!open) return;
    let live = true;
    get<{ items: Revision[] }>(`${path}/revisions`).then(
      (r) => live && setState({ items: r.body.items }),
      (err: unknown) => live && setState({ error: String((err as Error).message) }),
    );
    return () => {
      live = false;
    };
  }, [open, path, version]);

  useEffect(() => {
    if (!panel) return;
    let live = true;
    setPanelState({});
    const n = panel.revision.revision;
    const load =
      panel.kind === 'view'
        ? get<{ answers: JsonObject }>(`${path}/revisions/${n}`).then((r): PanelData => ({ answers: r.body.answers }))
        : get<{ changes: AnswerChange[] }>(`${path}/revisions/${n - 1}/diff/${n}`).then((r): PanelData => ({ changes: fieldChanges(r.body.changes) }));
    load.then(
      (data) => {
        if (!live) return;
        setPanelState({ data });
        requestAnimationFrame(() => heading.current?.focus());
      },
      (err: unknown) => live && setPanelState({ error: String((err as Error).message) }),
    );
    return () => {
      live = false;
    };
  }, [panel, path]);

  const show = (kind: Panel['kind'], revision: Revision, button: HTMLButtonElement) => {
    opener.current = button;
    setPanel({ kind, revision });
  };
  const close = () => {
    setPanel(undefined);
    opener.current?.focus();
  };

  const r = panel?.revision;
  const data = panelState.data;
  return (
    <details className="history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('history')}</summary>
      <p>{t('historyIntro')}</p>
      {state.error && <LoadError message={state.error} />}
      {state.items && (
        <TableScroll label={t('history')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('colRevision')}</th>
              <th scope="col">{t('colAction')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colWhen')}</th>
              <th scope="col">{t('colWho')}</th>
              <th scope="col">{t('colRevisionTools')}</th>
            </tr>
          </thead>
          <tbody>
            {[...state.items].reverse().map((rev) => (
              <tr key={rev.revision} data-revision={rev.revision}>
                <td>{rev.revision}</td>
                <td>{actionLabel(rev)}</td>
                <td>
                  <StatusBadge status={rev.status} />
                </td>
                <td>{formatDateTimeSeconds(rev.savedAt)}</td>
                <td>
                  {rev.savedBy}
                  {/* Who acted by role too: two colleagues may share a display name (the stable id is in the API). */}
                  {rev.savedByRole && <span className="muted small-inline"> · {t(`roleShort_${rev.savedByRole}` as StringKey)}</span>}
                </td>
                <td className="row-actions">
                  <button type="button" className="btn btn-link" aria-label={t('revisionViewOf', rev.revision)} onClick={(e) => show('view', rev, e.currentTarget)}>
                    {t('revisionView')}
                  </button>
                  {rev.revision > 1 && (
                    <button
                      type="button"
                      className="btn btn-link"
                      aria-label={t('revisionCompareOf', rev.revision, rev.revision - 1)}
                      onClick={(e) => show('diff', rev, e.currentTarget)}
                    >
                      {t('revisionCompare')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {panel && r && (
        <section className="revision-panel" aria-labelledby="revision-panel-title">
          <h3 id="revision-panel-title" ref={heading} tabIndex={-1}>
            {panel.kind === 'view' ? t('revisionTitle', r.revision, actionLabel(r)) : t('diffTitle', r.revision - 1, r.revision)}
          </h3>
          <p className="muted">{t('revisionMeta', actionLabel(r), formatDateTimeSeconds(r.savedAt), r.savedBy)}</p>
          {panelState.error && <LoadError message={panelState.error} />}
          {!data && !panelState.error && <Loading />}
          {data && 'answers' in data && (
            <>
              <p>{t('revisionReadOnly')}</p>
              <ReportForm schema={schema} formData={data.answers} readonly idPrefix={`rev${r.revision}`} />
              {onRestore && r.revision !== version && (
                <p>
                  <button type="button" className="btn btn-primary" onClick={() => setRestoring(r.revision)}>
                    {t('revisionRestore')}
                  </button>
                </p>
              )}
            </>
          )}
          {data && 'changes' in data &&
            (data.changes.length === 0 ? (
              <p>{t('diffNone')}</p>
            ) : (
              <ChangesTable schema={schema} changes={data.changes} caption={t('diffTitle', r.revision - 1, r.revision)} />
            ))}
          <button type="button" className="btn btn-secondary" onClick={close}>
            {t('closePanel')}
          </button>
        </section>
      )}
      <ConfirmDialog
        open={restoring !== undefined}
        title={t('restoreTitle', restoring ?? '')}
        confirmLabel={t('restoreYes')}
        onCancel={() => setRestoring(undefined)}
        onConfirm={() => {
          const n = restoring;
          setRestoring(undefined);
          if (n !== undefined && onRestore) {
            void onRestore(n).then((ok) => {
              if (ok) setPanel(undefined);
            });
          }
        }}
      >
        <p>{t('restoreBody', restoring ?? '')}</p>
      </ConfirmDialog>
    </details>
  );
}

export interface LastYear {
  round: Round;
  answers: JsonObject;
}

/** The look for last year's accepted report: `done` once answered; `lastYear` when there is one. */
export interface LastYearLookup {
  done: boolean;
  lastYear?: LastYear;
}

/**
 * The organisation's accepted report from the latest earlier round of the same form: the same
 * rule the server's prefill uses (earlier deadline, same form, this organisation a respondent
 * or the coordinator), so "changed since last year" compares with what "start from last year"
 * would have carried, and the report page offers to start from it only when there is one.
 */
async function findLastYear(round: Round, orgId: string): Promise<LastYear | undefined> {
  const rounds = (await get<{ items: Round[] }>('/rounds')).body.items
    .filter((r) => r.formId === round.formId && r.roundId !== round.roundId && r.deadlineAt < round.deadlineAt && (r.respondents.includes(orgId) || r.coordinator === orgId))
    .sort((a, b) => b.deadlineAt.localeCompare(a.deadlineAt));
  // A few at a time, newest first; the first accepted one wins.
  for (let i = 0; i < rounds.length; i += 4) {
    const batch = await Promise.all(
      rounds.slice(i, i + 4).map((r) =>
        get<Submission>(subPath(r.roundId, orgId)).then(
          (s) => (s.body.status === 'accepted' ? { round: r, answers: s.body.answers } : undefined),
          () => undefined,
        ),
      ),
    );
    const found = batch.find((x) => x !== undefined);
    if (found) return found;
  }
  return undefined;
}

/** Looks for last year's accepted report once per round and organisation (not at all when `skip`). */
export function useLastYear(round: Round, orgId: string, skip = false): LastYearLookup {
  const [state, setState] = useState<LastYearLookup>({ done: skip });
  useEffect(() => {
    if (skip) return;
    let live = true;
    findLastYear(round, orgId).then(
      (lastYear) => live && setState({ done: true, ...(lastYear ? { lastYear } : {}) }),
      () => live && setState({ done: true }),
    );
    return () => {
      live = false;
    };
  }, [round, orgId, skip]);
  return state;
}

/**
 * Computed in the browser with the server's own diff module: the API's diff route compares
 * revisions within one report only, and the reporter's answers change as they type, so the
 * comparison follows the form live without a request per keystroke.
 */
export function SinceLastYear({ round, orgId, schema, answers, lookup }: { round: Round; orgId: string; schema: JsonObject; answers: JsonObject; lookup?: LastYearLookup }) {
  // A page that has looked already (the report page, for its prefill button) hands its answer in.
  const own = useLastYear(round, orgId, lookup !== undefined);
  const last = (lookup ?? own).lastYear;
  if (!last) return null;
  const changes = compareAnswers(last.answers, answers);
  return (
    <details className="history since-last-year">
      <summary>{t('sinceLastYearTitle')}</summary>
      <p>
        {t('sinceLastYearIntro', last.round.title, last.round.period)}{' '}
        {changes.length === 0 ? t('sinceLastYearNone') : changes.length === 1 ? t('sinceLastYearCountOne') : t('sinceLastYearCountMany', changes.length)}
      </p>
      {changes.length > 0 && (
        <ChangesTable schema={schema} changes={changes} caption={t('sinceLastYearTitle')} oldHeader={t('colLastYear')} newHeader={t('colThisYear')} />
      )}
    </details>
  );
}
