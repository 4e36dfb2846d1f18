// SST creates a round here, and edits it until it opens: form and version, year, title, opening,
// deadline, optional close, the respondents read from the registry at a date (shown before
// saving), direct or coordinated (coordinator and contributors), and the reminder policy with
// the documented defaults filled in. The server checks everything again; its Danish errors are
// shown at their fields.
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, describe, get, request } from '../api.ts';
import { danishDay, formatDay } from '../i18n.ts';
import { t } from '../i18n-rounds.ts';
import { href } from '../router.ts';
import type { Organisation, Round } from '../types.ts';
import type { FormSummary, ReminderPolicy } from '#schemas/api';
import type * as api from '#schemas/api';
import type * as z from 'zod';

type FormDetail = z.infer<typeof api.FormDetail>;
import { REMINDER_POLICY_DEFAULTS } from '#schemas/reminder-defaults';
import { LoadError, Loading, Notice, PageTitle, useLoad } from '../components/common.tsx';

interface PolicyDraft {
  atOpening: boolean;
  daysBefore: string;
  daysAfter: string;
  repeatEveryDays: string;
  repeatLimit: string;
  hour: string;
}

interface Draft {
  formId: string;
  formVersion: string;
  period: string;
  title: string;
  opensAt: string;
  deadline: string;
  closeAt: string;
  respondentsAt: string;
  mode: 'direct' | 'coordinated';
  coordinator: string;
  /** undefined: every respondent on the date. */
  contributors: string[] | undefined;
  policy: PolicyDraft;
}

const policyDraft = (p: ReminderPolicy | typeof REMINDER_POLICY_DEFAULTS): PolicyDraft => ({
  atOpening: p.atOpening,
  daysBefore: p.daysBefore.join(', '),
  daysAfter: p.daysAfter.join(', '),
  repeatEveryDays: p.repeatEveryDays === null ? '' : String(p.repeatEveryDays),
  repeatLimit: String(p.repeatLimit),
  hour: String(p.hour),
});

/** The Danish calendar date of an instant, as a date field holds it (YYYY-MM-DD). */

function draftOf(round: Round): Draft {
  return {
    formId: round.formId,
    formVersion: String(round.formVersion),
    period: round.period,
    title: round.title,
    opensAt: danishDay(round.opensAt),
    deadline: /^\d{4}-\d{2}-\d{2}$/.test(round.deadline) ? round.deadline : danishDay(round.deadlineAt),
    closeAt: round.closeAt ? danishDay(round.closeAt) : '',
    respondentsAt: round.respondentsAt,
    mode: round.mode,
    coordinator: round.coordinator ?? '',
    contributors: round.mode === 'coordinated' ? round.contributors : undefined,
    policy: policyDraft(round.reminderPolicy ?? REMINDER_POLICY_DEFAULTS),
  };
}

const emptyDraft = (): Draft => ({
  formId: '',
  formVersion: '',
  period: String(new Date().getFullYear()),
  title: '',
  opensAt: '',
  deadline: '',
  closeAt: '',
  respondentsAt: '',
  mode: 'direct',
  coordinator: '',
  contributors: undefined,
  policy: policyDraft(REMINDER_POLICY_DEFAULTS),
});

type Errors = Record<string, string>;

/** "14, 3" → [14, 3]; undefined when it is not a list of whole days. */
function dayList(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (!parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) >= 1)) return undefined;
  return parts.map(Number);
}

/** The request body, or the errors by JSON pointer (the same pointers the server uses). */
function bodyOf(draft: Draft, editing: boolean): { body?: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  const need = (pointer: string, value: string) => {
    if (!value.trim()) errors[pointer] = t('errorRequired');
  };
  if (!editing) need('/formId', draft.formId);
  need('/formVersion', draft.formVersion);
  if (!/^\d{4}$/.test(draft.period)) errors['/period'] = t('errorYear');
  need('/opensAt', draft.opensAt);
  need('/deadline', draft.deadline);
  const daysBefore = dayList(draft.policy.daysBefore);
  const daysAfter = dayList(draft.policy.daysAfter);
  if (!daysBefore) errors['/reminderPolicy/daysBefore'] = t('errorDaysList');
  if (!daysAfter) errors['/reminderPolicy/daysAfter'] = t('errorDaysList');
  const repeat = draft.policy.repeatEveryDays.trim();
  if (repeat && !/^\d+$/.test(repeat)) errors['/reminderPolicy/repeatEveryDays'] = t('errorWholeNumber');
  if (!/^\d+$/.test(draft.policy.repeatLimit.trim())) errors['/reminderPolicy/repeatLimit'] = t('errorWholeNumber');
  const hour = draft.policy.hour.trim();
  if (!/^\d{1,2}$/.test(hour) || Number(hour) > 23) errors['/reminderPolicy/hour'] = t('errorHour');
  if (draft.mode === 'coordinated') {
    need('/coordinator', draft.coordinator);
    if (draft.contributors && draft.contributors.length === 0) errors['/contributors'] = t('errorNoContributors');
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    body: {
      ...(editing ? {} : { formId: draft.formId }),
      formVersion: Number(draft.formVersion),
      period: draft.period,
      ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
      opensAt: draft.opensAt,
      deadline: draft.deadline,
      ...(draft.closeAt ? { closeAt: draft.closeAt } : {}),
      ...(draft.respondentsAt ? { respondentsAt: draft.respondentsAt } : {}),
      mode: draft.mode,
      ...(draft.mode === 'coordinated' ? { coordinator: draft.coordinator, ...(draft.contributors ? { contributors: draft.contributors } : {}) } : {}),
      reminderPolicy: {
        atOpening: draft.policy.atOpening,
        daysBefore,
        daysAfter,
        repeatEveryDays: repeat ? Number(repeat) : null,
        repeatLimit: Number(draft.policy.repeatLimit),
        hour: Number(hour),
      },
    },
  };
}

/** Field ids by the pointer their errors carry, so the error summary links to the field. */
const FIELD_ID: Record<string, string> = {
  '/formId': 'rf-form',
  '/formVersion': 'rf-version',
  '/period': 'rf-period',
  '/title': 'rf-title',
  '/opensAt': 'rf-opens',
  '/deadline': 'rf-deadline',
  '/closeAt': 'rf-close',
  '/respondentsAt': 'rf-respondents-at',
  '/coordinator': 'rf-coordinator',
  '/contributors': 'rf-contributors',
  '/reminderPolicy/daysBefore': 'rf-days-before',
  '/reminderPolicy/daysAfter': 'rf-days-after',
  '/reminderPolicy/repeatEveryDays': 'rf-repeat',
  '/reminderPolicy/repeatLimit': 'rf-repeat-limit',
  '/reminderPolicy/hour': 'rf-hour',
};
/** The field's label by pointer, so the summary says which field each message is about. */
const FIELD_LABEL: Record<string, Parameters<typeof t>[0]> = {
  '/formId': 'fieldForm',
  '/formVersion': 'fieldVersion',
  '/period': 'fieldPeriod',
  '/title': 'fieldTitle',
  '/opensAt': 'fieldOpens',
  '/deadline': 'fieldDeadline',
  '/closeAt': 'fieldClose',
  '/respondentsAt': 'fieldRespondentsAt',
  '/coordinator': 'fieldCoordinator',
  '/contributors': 'fieldContributors',
  '/reminderPolicy/daysBefore': 'fieldDaysBefore',
  '/reminderPolicy/daysAfter': 'fieldDaysAfter',
  '/reminderPolicy/repeatEveryDays': 'fieldRepeat',
  '/reminderPolicy/repeatLimit': 'fieldRepeatLimit',
  '/reminderPolicy/hour': 'fieldHour',
};
const labelOf = (pointer: string) => {
  const key = FIELD_LABEL[pointer] ?? FIELD_LABEL[pointer.replace(/\/\d+$/, '')];
  return key ? t(key).replace(/ \*$/, '') : undefined;
};
const fieldOf = (pointer: string) => FIELD_ID[pointer] ?? FIELD_ID[pointer.replace(/\/\d+$/, '')] ?? 'rf-form';

function Field(props: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: (describedBy: string | undefined) => ReactNode }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.id} className="control-label">{props.label}</label>
      {props.hint && <p id={`${props.id}-hint`} className="help-block">{props.hint}</p>}
      {props.error && <p id={`${props.id}-error`} className="error-detail">{props.error}</p>}
      {props.children(describedBy)}
    </div>
  );
}

export function RoundFormPage({ roundId }: { roundId?: string }) {
  const editing = roundId !== undefined;
  const load = useLoad(async () => {
    const forms = (await get<{ items: FormSummary[] }>('/forms')).body.items;
    const round = roundId ? (await get<Round>(`/rounds/${encodeURIComponent(roundId)}`)).body : undefined;
    return { forms, round };
  }, [roundId]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Round | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [restored, setRestored] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // Focus moves after the render that shows its target (a timer may fire before React renders,
  // and the disabled button while saving would otherwise leave focus on <body>).
  const [focusOn, setFocusOn] = useState<{ target: 'summary' | 'saved' | 'failure' } | undefined>();
  useEffect(() => {
    if (focusOn) ({ summary: summaryRef, saved: savedRef, failure: failureRef })[focusOn.target].current?.focus();
  }, [focusOn]);
  // One key per form on screen: a double click on "Opret runden" creates one round.
  const idempotencyKey = useRef(crypto.randomUUID());
  const storedDraftKey = roundId ? `round-draft:${roundId}` : undefined;
  /** The round as saved, as a draft: what "unsaved changes" are measured against. */
  const savedDraft = useRef<string | undefined>(undefined);

  useEffect(() => {
    const loaded = load.data?.round;
    if (!loaded) {
      if (load.data) savedDraft.current = JSON.stringify(emptyDraft());
      return;
    }
    const fresh = draftOf(loaded);
    savedDraft.current = JSON.stringify(fresh);
    // Back and then Forward (or a reload) keeps what was typed but not saved, while the round can still be changed.
    const kept = storedDraftKey && loaded.phase === 'scheduled' ? sessionStorage.getItem(storedDraftKey) : null;
    if (kept && kept !== savedDraft.current) {
      try {
        setDraft(JSON.parse(kept) as Draft);
        setRestored(true);
        return;
      } catch {
        // An unreadable draft is dropped below.
      }
    }
    if (storedDraftKey) sessionStorage.removeItem(storedDraftKey);
    setDraft(fresh);
  }, [load.data]);

  const dirty = savedDraft.current !== undefined && saved === undefined && JSON.stringify(draft) !== savedDraft.current;
  useEffect(() => {
    if (!storedDraftKey || savedDraft.current === undefined) return;
    if (dirty) sessionStorage.setItem(storedDraftKey, JSON.stringify(draft));
    else sessionStorage.removeItem(storedDraftKey);
  }, [draft, dirty]);
  // Closing the tab or reloading with unsaved input asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const form = load.data?.forms.find((f) => f.formId === draft.formId);
  const detail = useLoad(async () => (draft.formId ? (await get<FormDetail>(`/forms/${encodeURIComponent(draft.formId)}`)).body : undefined), [draft.formId]);
  const at = draft.respondentsAt || draft.deadline;
  const registry = useLoad(async () => {
    if (!form || !/^\d{4}-\d{2}-\d{2}$/.test(at)) return undefined;
    const all = (await get<{ items: Organisation[] }>(`/orgs?at=${at}`)).body.items;
    return { respondents: all.filter((o) => o.kind === form.respondentKind), others: all.filter((o) => o.id !== 'sst' && o.kind !== form.respondentKind) };
  }, [form?.formId, at]);
  const respondents = useMemo(() => registry.data?.respondents ?? [], [registry.data]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setPolicy = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => setDraft((d) => ({ ...d, policy: { ...d.policy, [key]: value } }));

  // A new form's newest version is the default.
  useEffect(() => {
    if (detail.data && !detail.data.versions.includes(Number(draft.formVersion))) set('formVersion', String(detail.data.latestVersion));
  }, [detail.data]);

  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} page />;
  if (!load.data) return <Loading />;
  const round = load.data.round;
  const forms = load.data.forms;
  const locked = round !== undefined && round.phase !== 'scheduled';
  const title = round ? t('editRoundTitle', round.title) : t('newRoundTitle');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    setSaved(undefined);
    const { body, errors: found } = bodyOf(draft, editing);
    setErrors(found);
    if (!body) {
      setFocusOn({ target: 'summary' });
      return;
    }
    setSaving(true);
    try {
      const res = editing
        ? await request<Round>('PUT', `/rounds/${encodeURIComponent(roundId)}`, { body })
        : await request<Round>('POST', '/rounds', { body, idempotencyKey: idempotencyKey.current });
      if (editing) {
        savedDraft.current = JSON.stringify(draftOf(res.body));
        setDraft(draftOf(res.body));
        setRestored(false);
      }
      setSaved(res.body);
      if (!editing) idempotencyKey.current = crypto.randomUUID();
      setFocusOn({ target: 'saved' });
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        setErrors(Object.fromEntries(err.problem.errors.map((x) => [x.pointer, x.message])));
        setFocusOn({ target: 'summary' });
      } else {
        setFailure(describe(err));
        setFocusOn({ target: 'failure' });
      }
    } finally {
      setSaving(false);
    }
  };

  const errorOf = (pointer: string) => errors[pointer] ?? Object.entries(errors).find(([p]) => p.startsWith(`${pointer}/`))?.[1];
  const chosen = draft.contributors ?? respondents.map((o) => o.id);
  const defaultTitle = form ? `${form.title} ${draft.period}` : '';

  return (
    <>
      <p className="breadcrumb">
        <a href={href.home()}>← {t('backToRounds')}</a>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{editing ? t('editRoundIntro') : t('newRoundIntro')}</p>
      {locked && (
        <Notice kind="warning" role="status">
          <p>{t('roundAlreadyOpen')} <a href={href.round(round.roundId)}>{t('goToRound', round.title)}</a></p>
        </Notice>
      )}
      {restored && !saved && (
        <Notice kind="info" role="status">
          <p>
            {t('draftRestored')}{' '}
            <button type="button" className="btn btn-secondary btn-small" onClick={() => {
              if (round) setDraft(draftOf(round));
              setRestored(false);
            }}>{t('discardDraft')}</button>
          </p>
        </Notice>
      )}
      {saved && (
        <div ref={savedRef} tabIndex={-1}>
          <Notice kind="success" role="status">
            <p>
              {editing ? t('roundSaved') : t('roundCreated', saved.title)} <a href={href.round(saved.roundId)}>{t('openRound', saved.title)}</a>
            </p>
          </Notice>
        </div>
      )}
      {saved && !editing && (
        // Created: the form is done (a second "Opret runden" would only meet the round it made).
        <p className="actions">
          <a className="btn btn-secondary" href={href.home()}>{t('backToRounds')}</a>
        </p>
      )}
      {failure && (
        <div ref={failureRef} tabIndex={-1}>
          <Notice kind="error" role="alert">
            <p>{failure}</p>
          </Notice>
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <div ref={summaryRef} tabIndex={-1} className="notice notice-error" role="alert" aria-labelledby="rf-errors-title">
          <h2 id="rf-errors-title">{t('roundFormErrors')}</h2>
          <ul>
            {Object.entries(errors).map(([pointer, message]) => (
              <li key={pointer}>
                <a href={`#${fieldOf(pointer)}`} onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(fieldOf(pointer))?.focus();
                }}>{labelOf(pointer) ? `${labelOf(pointer)}: ${message}` : message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!(saved && !editing) && (
      <form className="round-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset className="round-form-fields" disabled={locked}>
        <legend className="sr-only">{title}</legend>
        <Field id="rf-form" label={t('fieldForm')} error={errorOf('/formId')}>
          {(d) => (
            <select id="rf-form" className="form-control" value={draft.formId} disabled={editing} aria-describedby={d} aria-invalid={!!errorOf('/formId')}
              onChange={(e) => setDraft((x) => ({ ...x, formId: e.target.value, formVersion: '', contributors: undefined, coordinator: '' }))}>
              <option value="">{t('selectPlaceholder')}</option>
              {forms.map((f) => (
                <option key={f.formId} value={f.formId}>{f.title}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rf-version" label={t('fieldVersion')} error={errorOf('/formVersion')}>
          {(d) => (
            <select id="rf-version" className="form-control" value={draft.formVersion} aria-describedby={d} aria-invalid={!!errorOf('/formVersion')} onChange={(e) => set('formVersion', e.target.value)}>
              {!detail.data && <option value="">{t('selectPlaceholder')}</option>}
              {[...(detail.data?.versions ?? [])].reverse().map((v) => (
                <option key={v} value={String(v)}>{v === detail.data?.latestVersion ? t('fieldVersionLatest', v) : t('fieldVersionOption', v)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rf-period" label={t('fieldPeriod')} hint={t('fieldPeriodHint')} error={errorOf('/period')}>
          {(d) => <input id="rf-period" className="form-control input-short" inputMode="numeric" value={draft.period} aria-describedby={d} aria-invalid={!!errorOf('/period')} onChange={(e) => set('period', e.target.value)} />}
        </Field>
        <Field id="rf-title" label={t('fieldTitle')} hint={defaultTitle ? t('fieldTitleHint', defaultTitle) : undefined} error={errorOf('/title')}>
          {(d) => <input id="rf-title" className="form-control" value={draft.title} aria-describedby={d} aria-invalid={!!errorOf('/title')} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <div className="form-row">
          <Field id="rf-opens" label={t('fieldOpens')} hint={t('fieldOpensHint')} error={errorOf('/opensAt')}>
            {(d) => <input id="rf-opens" type="date" className="form-control" value={draft.opensAt} aria-describedby={d} aria-invalid={!!errorOf('/opensAt')} onChange={(e) => set('opensAt', e.target.value)} />}
          </Field>
          <Field id="rf-deadline" label={t('fieldDeadline')} hint={t('fieldDeadlineHint')} error={errorOf('/deadline')}>
            {(d) => <input id="rf-deadline" type="date" className="form-control" value={draft.deadline} aria-describedby={d} aria-invalid={!!errorOf('/deadline')} onChange={(e) => set('deadline', e.target.value)} />}
          </Field>
          <Field id="rf-close" label={t('fieldClose')} hint={t('fieldCloseHint')} error={errorOf('/closeAt')}>
            {(d) => <input id="rf-close" type="date" className="form-control" value={draft.closeAt} aria-describedby={d} aria-invalid={!!errorOf('/closeAt')} onChange={(e) => set('closeAt', e.target.value)} />}
          </Field>
        </div>
        <Field id="rf-respondents-at" label={t('fieldRespondentsAt')} hint={t('fieldRespondentsAtHint')} error={errorOf('/respondentsAt')}>
          {(d) => (
            <input id="rf-respondents-at" type="date" className="form-control" value={draft.respondentsAt} aria-describedby={d} aria-invalid={!!errorOf('/respondentsAt')}
              onChange={(e) => setDraft((x) => ({ ...x, respondentsAt: e.target.value, contributors: undefined }))} />
          )}
        </Field>
        {registry.data && (
          <details className="respondents-preview">
            <summary>{t('respondentsPreview', respondents.length, formatDay(at))} – {t('respondentsShow')}</summary>
            <p>{respondents.map((o) => o.name).join(', ')}</p>
          </details>
        )}

        <fieldset className="form-group">
          <legend>{t('fieldMode')}</legend>
          <div className="radio">
            <label>
              <input type="radio" name="rf-mode" value="direct" checked={draft.mode === 'direct'} onChange={() => set('mode', 'direct')} /> {t('modeDirect')}
            </label>
          </div>
          <div className="radio">
            <label>
              <input type="radio" name="rf-mode" value="coordinated" checked={draft.mode === 'coordinated'} onChange={() => set('mode', 'coordinated')} /> {t('modeCoordinated')}
            </label>
          </div>
        </fieldset>
        {draft.mode === 'coordinated' && (
          <>
            <Field id="rf-coordinator" label={t('fieldCoordinator')} error={errorOf('/coordinator')}>
              {(d) => (
                <select id="rf-coordinator" className="form-control" value={draft.coordinator} aria-describedby={d} aria-invalid={!!errorOf('/coordinator')} onChange={(e) => set('coordinator', e.target.value)}>
                  <option value="">{t('selectPlaceholder')}</option>
                  {(registry.data?.others ?? []).map((o) => (
                    <option key={o.id} value={o.id}>{o.officialName}</option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset id="rf-contributors" tabIndex={-1} className={`form-group${errorOf('/contributors') ? ' has-error' : ''}`} aria-describedby={errorOf('/contributors') ? 'rf-contributors-error' : undefined}>
              <legend>{t('fieldContributors')}</legend>
              <p className="muted" role="status">{t('contributorsCount', chosen.length, respondents.length)}</p>
              {errorOf('/contributors') && <p id="rf-contributors-error" className="error-detail">{errorOf('/contributors')}</p>}
              <div className="actions">
                <button type="button" className="btn btn-secondary btn-small" onClick={() => set('contributors', undefined)}>{t('selectAllContributors')}</button>
                <button type="button" className="btn btn-secondary btn-small" onClick={() => set('contributors', [])}>{t('selectNoContributors')}</button>
              </div>
              <div className="checkbox-columns">
                {respondents.map((o) => (
                  <div className="checkbox" key={o.id}>
                    <label>
                      <input type="checkbox" checked={chosen.includes(o.id)}
                        onChange={(e) => set('contributors', e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id))} /> {o.name}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </>
        )}

        <fieldset className="form-group policy">
          <legend>{t('reminderPolicyTitle')}</legend>
          <p className="help-block">{t('reminderPolicyIntro', `${(/^\d{1,2}$/.test(draft.policy.hour) ? draft.policy.hour : String(REMINDER_POLICY_DEFAULTS.hour)).padStart(2, '0')}:00`)}</p>
          <div className="checkbox">
            <label>
              <input type="checkbox" checked={draft.policy.atOpening} onChange={(e) => setPolicy('atOpening', e.target.checked)} /> {t('fieldAtOpening')}
            </label>
          </div>
          <div className="form-row">
            <Field id="rf-days-before" label={t('fieldDaysBefore')} hint={t('fieldDaysBeforeHint')} error={errorOf('/reminderPolicy/daysBefore')}>
              {(d) => <input id="rf-days-before" className="form-control" value={draft.policy.daysBefore} aria-describedby={d} aria-invalid={!!errorOf('/reminderPolicy/daysBefore')} onChange={(e) => setPolicy('daysBefore', e.target.value)} />}
            </Field>
            <Field id="rf-days-after" label={t('fieldDaysAfter')} hint={t('fieldDaysBeforeHint')} error={errorOf('/reminderPolicy/daysAfter')}>
              {(d) => <input id="rf-days-after" className="form-control" value={draft.policy.daysAfter} aria-describedby={d} aria-invalid={!!errorOf('/reminderPolicy/daysAfter')} onChange={(e) => setPolicy('daysAfter', e.target.value)} />}
            </Field>
          </div>
          <div className="form-row">
            <Field id="rf-repeat" label={t('fieldRepeat')} hint={t('fieldRepeatHint')} error={errorOf('/reminderPolicy/repeatEveryDays')}>
              {(d) => <input id="rf-repeat" className="form-control input-short" inputMode="numeric" value={draft.policy.repeatEveryDays} aria-describedby={d} aria-invalid={!!errorOf('/reminderPolicy/repeatEveryDays')} onChange={(e) => setPolicy('repeatEveryDays', e.target.value)} />}
            </Field>
            <Field id="rf-repeat-limit" label={t('fieldRepeatLimit')} error={errorOf('/reminderPolicy/repeatLimit')}>
              {(d) => <input id="rf-repeat-limit" className="form-control input-short" inputMode="numeric" value={draft.policy.repeatLimit} aria-describedby={d} aria-invalid={!!errorOf('/reminderPolicy/repeatLimit')} onChange={(e) => setPolicy('repeatLimit', e.target.value)} />}
            </Field>
            <Field id="rf-hour" label={t('fieldHour')} error={errorOf('/reminderPolicy/hour')}>
              {(d) => <input id="rf-hour" className="form-control input-short" inputMode="numeric" value={draft.policy.hour} aria-describedby={d} aria-invalid={!!errorOf('/reminderPolicy/hour')} onChange={(e) => setPolicy('hour', e.target.value)} />}
            </Field>
          </div>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => set('policy', policyDraft(REMINDER_POLICY_DEFAULTS))}>{t('resetPolicy')}</button>
        </fieldset>
        </fieldset>

        <div className="actions">
          {!locked && (
            <button type="submit" className="btn btn-primary" disabled={saving}>
              {saving ? t('savingRound') : editing ? t('saveRoundButton') : t('createRoundButton')}
            </button>
          )}
          <a className="btn btn-secondary" href={href.home()}>{locked ? t('backToRounds') : t('cancel')}</a>
        </div>
      </form>
      )}
    </>
  );
}
