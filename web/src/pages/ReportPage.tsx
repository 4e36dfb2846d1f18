// The reporter's form: rendered from the round's schema, saved as they type (debounced, with
// the ETag, never overwriting someone else's save), checked by the server's own rules before
// submit, and read-only once submitted, with "reopen".
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, describe, get, openHtml, request } from '../api.ts';
import { changeLabel, compareAnswers, formatAnswer } from '../answers.ts';
import { currentLang, formatClock, possessive, formatDate, formatDateTime, formatDateTimeSeconds, t } from '../i18n.ts';
import { href } from '../router.ts';
import {
  clean,
  fieldId,
  labelOf,
  removedItem,
  loadValidation,
  savableAnswers,
  sectionStates,
  validateForSubmit,
  validationNow,
  valueAt,
  type Validation,
  withNumberAdvice,
  withSections,
  withValueAt,
  type SectionInfo,
} from '../schema-form.ts';
import type { FieldError, FormVersion, JsonObject, Organisation, PrefillResult, Round, Submission } from '../types.ts';
import { features } from '../features.ts';

import { ConfirmDialog, LoadError, Loading, Notice, PageTitle, StatusBadge, TableScroll, useLoad } from '../components/common.tsx';
import { ErrorSummary, ReportForm, errorCount, focusField } from '../components/form-parts.tsx';
import { RevisionHistory, SinceLastYear, useLastYear } from '../components/revisions.tsx';
import { Attachments } from '../components/attachments.tsx';

export const AUTOSAVE_DELAY_MS = 1500;

interface Loaded {
  /** The organisation's official name ("Københavns Kommune"), for the heading's genitive. */
  orgName: string;
  /** Its short name ("København"), for lists and SST's headings. */
  orgShortName: string;
  /** In a coordinated round: the coordinator's official name ("Danske Regioner"). */
  coordinatorName: string | undefined;
  round: Round;
  form: FormVersion;
  submission: Submission;
  etag: string | undefined;
}

const subPath = (roundId: string, orgId: string) => `/rounds/${encodeURIComponent(roundId)}/submissions/${encodeURIComponent(orgId)}`;

export async function loadReport(roundId: string, orgId: string): Promise<Loaded> {
  const [round, sub, orgs] = await Promise.all([
    get<Round>(`/rounds/${encodeURIComponent(roundId)}`),
    get<Submission>(subPath(roundId, orgId)),
    get<{ items: Organisation[] }>('/orgs'),
  ]);
  const form = await get<FormVersion>(`/forms/${encodeURIComponent(round.body.formId)}/versions/${round.body.formVersion}`);
  const org = orgs.body.items.find((o) => o.id === orgId);
  const coordinator = round.body.coordinator ? orgs.body.items.find((o) => o.id === round.body.coordinator) : undefined;
  return { orgName: org?.officialName ?? org?.name ?? orgId, orgShortName: org?.name ?? orgId, coordinatorName: coordinator?.officialName ?? round.body.coordinator, round: round.body, form: form.body, submission: sub.body, etag: sub.etag };
}

/** `notice`: why the page shows this report (a link to another organisation's report brought the reporter to its own). */
export function ReportPage({ roundId, orgId, notice }: { roundId: string; orgId: string; notice?: string | undefined }) {
  // A round that does not exist, or that this organisation does not answer, is not a fault to retry.
  const load = useLoad(
    () => loadReport(roundId, orgId).catch((err: unknown) => (err instanceof ApiError && (err.status === 404 || err.status === 403) ? null : Promise.reject(err))),
    [roundId, orgId],
  );
  if (load.data === null) {
    return (
      <>
        <PageTitle title={t('reportMissingTitle')}>{t('reportMissingTitle')}</PageTitle>
        <p>{t('reportMissingBody')}</p>
        <p>
          <a href={href.home()}>← {t('navRounds')}</a>
        </p>
      </>
    );
  }
  // While another report loads, the previous one's data is still in hand: never show it (or let
  // it save) under the new address. Each report gets an editor of its own, built from scratch.
  const current = load.data && load.data.round.roundId === roundId && load.data.submission.orgId === orgId ? load.data : undefined;
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  if (!current || load.loading) return <Loading />;
  return <ReportEditor key={`${roundId}/${orgId}`} initial={current} notice={notice} />;
}

type SaveState =
  | { kind: 'clean'; savedAt?: Date }
  | { kind: 'dirty'; savedAt?: Date }
  | { kind: 'saving'; savedAt?: Date }
  | { kind: 'failed'; message: string; savedAt?: Date }
  | { kind: 'conflict'; savedBy: string; savedAt: string };

const EDITABLE = new Set(['not_started', 'draft', 'returned']);
/** How often an open form asks whether someone else has saved or submitted meanwhile. */
export const WATCH_INTERVAL_MS = 10_000;

/** A value the person typed that is not in the version now shown, kept so nothing is lost. */
interface KeptValue {
  pointer: string;
  mine: unknown;
  saved: unknown;
}

interface LiveChecks {
  /** Values a draft cannot hold (no number in a number field): kept in the form, not saved. */
  held: FieldError[];
  /** Values saved but to be corrected before submit (a number out of range, a repeated item). */
  warnings: FieldError[];
  /** Required answers not given yet. */
  missing: FieldError[];
}

/**
 * What this tab keeps of a report in its sessionStorage, read as JSON: a reload, Back and
 * Forward, a crash or an expired sign-in do not lose it. Storage refused or full is no fault.
 */
function stored(key: string): unknown {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
/** Keeps `value` under `key` in this tab's sessionStorage; `undefined` forgets it. */
function store(key: string, value: unknown) {
  try {
    if (value === undefined) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: autosave still runs.
  }
}

const NO_CHECKS: LiveChecks = { held: [], warnings: [], missing: [] };
const same = (a: FieldError) => (b: FieldError) => a.pointer === b.pointer && a.message === b.message;

function ReportEditor({ initial, notice }: { initial: Loaded; notice: string | undefined }) {
  const { round, form } = initial;
  const schema = form.schema;
  const cacheKey = `${form.formId}@${form.version}`;
  const path = subPath(round.roundId, initial.submission.orgId);

  const [submission, setSubmission] = useState(initial.submission);
  // In a coordinated round a contributor's report is a contribution to the coordinator (its name), not a report to SST.
  const contributesTo = round.mode === 'coordinated' && (round.contributors ?? []).includes(submission.orgId) ? initial.coordinatorName : undefined;
  const [initialReview] = useState(initial.submission.status === 'returned' ? initial.submission.review : undefined);
  const [formData, setFormData] = useState<JsonObject>(() => withSections(schema, initial.submission.answers));
  const [save, setSave] = useState<SaveState>({ kind: 'clean', ...(initial.submission.updatedAt ? { savedAt: new Date(initial.submission.updatedAt) } : {}) });
  const [clientErrors, setClientErrors] = useState<FieldError[] | undefined>();
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [summaryKey, setSummaryKey] = useState('');
  const [flash, setFlash] = useState<{ kind: 'success' | 'info' | 'warning' | 'error'; text: string } | undefined>();
  /** Set by a move whose button goes away with it: focus its outcome once React has rendered it. */
  const focusOutcome = useRef(false);
  useEffect(() => {
    if (!focusOutcome.current || !flash) return;
    focusOutcome.current = false;
    document.getElementById('report-flash')?.focus();
  }, [flash]);
  const [confirming, setConfirming] = useState(false);
  const [confirmReload, setConfirmReload] = useState(false);
  const [confirmDiscardKept, setConfirmDiscardKept] = useState(false);
  const [undo, setUndo] = useState<{ snapshot: JsonObject; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const data = useRef(formData);
  /**
   * The answers of the version this editor last loaded or saved: what the person's own changes
   * are measured from, so a conflict lists only what they changed, never a colleague's fields.
   */
  const base = useRef<JsonObject>(clean(withSections(schema, initial.submission.answers)));
  const etag = useRef(initial.etag);
  const dirty = useRef(false);
  const conflicted = useRef(false);
  const saving = useRef(false);
  /** Whether the last save left out values the form could not hold. */
  const heldBack = useRef(false);
  /** Bumped whenever this editor learns a new version, so a slower watch answer is not mistaken for news. */
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const lastSavedAt = useRef<Date | undefined>(save.kind === 'clean' ? save.savedAt : undefined);
  const keptHeading = useRef<HTMLHeadingElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  const editable = round.phase === 'open' && EDITABLE.has(submission.status);

  // Input not yet saved is also kept in this tab's sessionStorage, so a reload, a crash or an
  // expired sign-in does not lose it; it is offered back when the report is opened again.
  const backupKey = `statusportalen.unsaved.${round.roundId}.${initial.submission.orgId}`;
  const [backup, setBackup] = useState<JsonObject | undefined>(() => {
    const kept = stored(backupKey) as JsonObject | undefined;
    return kept && JSON.stringify(kept) !== JSON.stringify(clean(withSections(schema, initial.submission.answers))) ? kept : undefined;
  });
  const keepBackup = (answers: JsonObject | undefined) => store(backupKey, answers && clean(answers));

  /**
   * `list` beside `saved`, the version now shown: each value's saved side as it is there, and
   * the values that version already holds left out (nothing of them can be lost).
   */
  const besideSaved = (list: KeptValue[], saved: JsonObject): KeptValue[] => {
    const theirs = clean(withSections(schema, saved));
    return list.map((k) => ({ ...k, saved: valueAt(theirs, k.pointer) })).filter((k) => JSON.stringify(k.mine) !== JSON.stringify(k.saved));
  };
  // The list of values kept after a conflict lives in the same storage, beside the backup: it
  // survives a reload and Back/Forward, and goes only when every value is used or the person
  // closes it on purpose.
  const keptKey = `statusportalen.kept.${round.roundId}.${initial.submission.orgId}`;
  const [kept, setKept] = useState<KeptValue[]>(() => {
    const list = stored(keptKey);
    return Array.isArray(list) ? besideSaved(list as KeptValue[], initial.submission.answers) : [];
  });
  useEffect(() => store(keptKey, kept.length > 0 ? kept : undefined), [kept]);
  // When the list of kept values appears, it takes focus (after the dialog has given focus back);
  // a list found in storage when the report opens leaves the focus where the page puts it.
  const hasKept = kept.length > 0;
  const keptOnOpen = useRef(hasKept);
  useEffect(() => {
    if (hasKept && !keptOnOpen.current) keptHeading.current?.focus();
    keptOnOpen.current = false;
  }, [hasKept]);

  // The round was moved to a newer form version since this draft was saved: the server fitted the
  // answers to it; say what was left out, once, and save the fitted answers so submit can follow.
  const [moved] = useState(initial.submission.movedFrom);
  const applySubmission = (body: Submission, tag: string | undefined) => {
    generation.current += 1;
    etag.current = tag ?? body.etag;
    setSubmission(body);
  };

  /** Shows `answers` as the form's content, as saved (nothing pending). */
  const showSaved = (answers: JsonObject, savedAt: string | undefined) => {
    clearTimeout(timer.current);
    const next = withSections(schema, answers);
    data.current = next;
    base.current = clean(next);
    dirty.current = false;
    setFormData(next);
    keepBackup(undefined);
    setServerErrors([]);
    lastSavedAt.current = savedAt ? new Date(savedAt) : undefined;
    setSave({ kind: 'clean', ...(lastSavedAt.current ? { savedAt: lastSavedAt.current } : {}) });
  };

  /**
   * The values changed here since the version this editor last loaded or saved (`base`), to list
   * beside `saved`, the version now shown: a three-way comparison, so a field only a colleague
   * changed is never offered as "yours" (its value here is just the older one), and a field
   * both set to the same value needs nothing. Values still listed from an earlier conflict stay
   * in the list (a newer value for the same field replaces its older one).
   */
  const keepMine = (saved: JsonObject) => {
    const changes = compareAnswers(base.current, clean(data.current)).map((c): KeptValue => ({ pointer: c.pointer, mine: c.new, saved: undefined }));
    setKept((list) => besideSaved([...changes, ...list.filter((k) => !changes.some((c) => c.pointer === k.pointer))], saved));
  };

  /** Someone else submitted (or SST moved the report on): the form turns read-only, nothing typed is lost. */
  const becameReadOnly = (reply: { body: Submission; etag: string | undefined }) => {
    const hadInput = dirty.current;
    if (hadInput) keepMine(reply.body.answers);
    conflicted.current = false;
    applySubmission(reply.body, reply.etag);
    showSaved(reply.body.answers, reply.body.updatedAt);
    setFlash({ kind: 'warning', text: t('submittedByOther', reply.body.updatedBy ?? t('someoneElse'), formatDateTimeSeconds(reply.body.updatedAt)) });
  };

  const enterConflict = async (problem: { savedBy?: unknown; savedAt?: unknown }) => {
    // A conflict because the report was submitted meanwhile is not something to merge: say so.
    try {
      const now = await get<Submission>(path);
      if (!EDITABLE.has(now.body.status)) {
        becameReadOnly(now);
        return;
      }
    } catch {
      // Could not look: show the conflict as the server reported it.
    }
    conflicted.current = true;
    setSave({ kind: 'conflict', savedBy: String(problem.savedBy ?? t('someoneElse')), savedAt: String(problem.savedAt ?? '') });
  };

  const doSave = useCallback(async (): Promise<boolean> => {
    if (conflicted.current) return false;
    if (!dirty.current) return true;
    const v = await loadValidation();
    const { answers, held } = savableAnswers(v, cacheKey, schema, data.current);
    heldBack.current = held.length > 0;
    dirty.current = false;
    saving.current = true;
    setSave({ kind: 'saving', ...(lastSavedAt.current ? { savedAt: lastSavedAt.current } : {}) });
    try {
      const reply = await request<Submission>('PUT', path, { body: { answers }, ifMatch: etag.current });
      applySubmission(reply.body, reply.etag);
      // What is typed from now on (and what was held back) counts from what the server holds.
      base.current = clean(withSections(schema, reply.body.answers));
      lastSavedAt.current = new Date();
      // Values held back (a word in a number field) stay in this tab's backup until fixed.
      if (!dirty.current) keepBackup(heldBack.current ? data.current : undefined);
      setServerErrors([]);
      setSave(dirty.current ? { kind: 'dirty', savedAt: lastSavedAt.current } : { kind: 'clean', savedAt: lastSavedAt.current });
      return true;
    } catch (err) {
      dirty.current = true;
      if (err instanceof ApiError && err.status === 412) {
        await enterConflict(err.problem);
        return false;
      }
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) {
        setServerErrors(err.problem.errors);
        setSummaryKey(`save-${Date.now()}`);
      }
      setSave({ kind: 'failed', message: describe(err), ...(lastSavedAt.current ? { savedAt: lastSavedAt.current } : {}) });
      return false;
    } finally {
      saving.current = false;
    }
    // The editor's path, schema and helpers are fixed for its life (one editor per report).
  }, []);

  /** Saves now (after any save already under way); resolves true when everything is saved. */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(doSave, doSave);
    return chain.current;
  }, [doSave]);

  useEffect(() => {
    if (!moved || !editable) return;
    dirty.current = true;
    void flush();
    // Once, when the editor opens on a moved draft.
  }, []);

  const onChange = (next: JsonObject) => {
    const removed = removedItem(schema, data.current, next);
    if (removed) {
      setUndo({ snapshot: data.current, text: t('itemRemoved', removed) });
      requestAnimationFrame(() => undoButton.current?.focus());
    }
    data.current = next;
    setFormData(next);
    if (!editable) return;
    dirty.current = true;
    keepBackup(next);
    // Errors shown after a submit attempt follow the typing (validation has loaded by then).
    const v = validationNow();
    if (clientErrors && v) setClientErrors(validateForSubmit(v, cacheKey, schema, next));
    if (conflicted.current) return;
    setSave((s) => (s.kind === 'saving' ? s : { kind: 'dirty', ...(lastSavedAt.current ? { savedAt: lastSavedAt.current } : {}) }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  };

  // Nothing typed is lost: leaving the page saves, closing the tab with unsaved input warns.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current || heldBack.current) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving for another report (a link, the back button): this report's input goes to this report.
      if (dirty.current) void flush();
    };
  }, [flush]);

  // The sticky save bar never covers the field that has focus: the browser's own scroll may stop
  // with the field's lower part under the bar, so finish the job.
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const el = e.target as HTMLElement | null;
      const bar = document.querySelector('.form-actions');
      if (!el || !bar || bar.contains(el) || !el.closest('.rjsf, .attachments')) return;
      const box = el.getBoundingClientRect();
      const barTop = bar.getBoundingClientRect().top;
      const overlap = box.bottom + 8 - barTop;
      if (overlap > 0) window.scrollBy({ top: Math.min(overlap, Math.max(0, box.top - 8)) });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);

  // Watch for another person's save or submit while the form is open, so nobody types on into a
  // report that has moved on: on a timer, and whenever the tab comes back into view.
  useEffect(() => {
    if (!editable) return;
    let live = true;
    const check = async () => {
      if (!live || saving.current || conflicted.current || document.visibilityState === 'hidden') return;
      const before = generation.current;
      let reply;
      try {
        reply = await get<Submission>(path);
      } catch {
        return; // A failed look is not news; the next save will tell.
      }
      if (!live || before !== generation.current || saving.current || reply.etag === etag.current) return;
      if (!EDITABLE.has(reply.body.status)) {
        becameReadOnly(reply);
      } else if (dirty.current) {
        conflicted.current = true;
        clearTimeout(timer.current);
        setSave({ kind: 'conflict', savedBy: reply.body.updatedBy ?? t('someoneElse'), savedAt: reply.body.updatedAt ?? '' });
      } else {
        applySubmission(reply.body, reply.etag);
        showSaved(reply.body.answers, reply.body.updatedAt);
        setFlash({ kind: 'info', text: t('savedByOther', reply.body.updatedBy ?? t('someoneElse'), formatDateTimeSeconds(reply.body.updatedAt)) });
      }
    };
    const tick = setInterval(() => void check(), WATCH_INTERVAL_MS);
    const onVisible = () => void check();
    window.addEventListener('focus', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      clearInterval(tick);
      window.removeEventListener('focus', onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [editable]);

  const reloadLatest = async () => {
    setConfirmReload(false);
    setBusy(true);
    try {
      const reply = await get<Submission>(path);
      keepMine(reply.body.answers);
      conflicted.current = false;
      applySubmission(reply.body, reply.etag);
      showSaved(reply.body.answers, reply.body.updatedAt);
      setClientErrors(undefined);
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  const useMine = (k: KeptValue) => {
    setKept((list) => list.filter((x) => x.pointer !== k.pointer));
    onChange(withValueAt(data.current, k.pointer, k.mine));
    requestAnimationFrame(() => focusField(k.pointer));
  };

  /** "Luk listen", confirmed: the values are gone; focus goes to the top of the page. */
  const discardKept = () => {
    setConfirmDiscardKept(false);
    setKept([]);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  };

  const trySubmit = async () => {
    setFlash(undefined);
    const saved = await flush();
    if (conflicted.current) return;
    // Check everything even when the save was refused, so the reporter sees every problem at once.
    const errors = validateForSubmit(await loadValidation(), cacheKey, schema, data.current);
    setClientErrors(errors);
    setSummaryKey(`client-${Date.now()}`);
    if (saved && errors.length === 0) setConfirming(true);
  };

  const submit = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const reply = await request<Submission>('POST', `${path}/submit`, { ifMatch: etag.current });
      applySubmission(reply.body, reply.etag);
      setClientErrors(undefined);
      setServerErrors([]);
      setFlash({ kind: 'success', text: contributesTo ? t('submittedOkContribution', contributesTo) : t('submittedOk') });
      // The submit button is gone in the read-only view: take focus to the top of the page.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) {
        setServerErrors(err.problem.errors);
        setSummaryKey(`submit-${Date.now()}`);
      } else if (err instanceof ApiError && err.status === 412) {
        await enterConflict(err.problem);
      } else setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  const restoreBackup = () => {
    if (!backup) return;
    setBackup(undefined);
    onChange(withSections(schema, backup));
  };
  const discardBackup = () => {
    setBackup(undefined);
    keepBackup(undefined);
  };

  const prefill = async (from?: string | string[]) => {
    setBusy(true);
    setFlash(undefined);
    try {
      const reply = await request<PrefillResult>('POST', `${path}/prefill`, { ifMatch: etag.current, ...(from !== undefined && { body: { from } }) });
      const { submission: next, carriedFrom, combined } = reply.body;
      applySubmission(next, reply.etag);
      showSaved(next.answers, new Date().toISOString());
      setFlash({
        kind: 'success',
        text: combined
          ? t('prefilledFromPredecessors', combined.map((c) => c.orgName).join(currentLang() === 'da' ? ' og ' : ' and '))
          : carriedFrom.orgId === next.orgId
            ? t('prefilled', lastYear.lastYear?.round.roundId === carriedFrom.roundId ? lastYear.lastYear.round.title : carriedFrom.roundId)
            : t('prefilledFromPredecessor', carriedFrom.orgName, carriedFrom.roundId),
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) await enterConflict(err.problem);
      // No accepted report last year is information, not a fault.
      else setFlash({ kind: err instanceof ApiError && err.status === 404 ? 'info' : 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  const reopen = async () => {
    // The button goes away (or the answer says why not): the keyboard lands on the outcome, not on <body>.
    focusOutcome.current = true;
    setBusy(true);
    setFlash(undefined);
    try {
      const reply = await request<Submission>('POST', `${path}/reopen`, { body: {}, ifMatch: etag.current });
      applySubmission(reply.body, reply.etag);
      setFlash({ kind: 'success', text: t('reopened') });
    } catch (err) {
      setFlash({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  /** "Gendan denne version": that version's answers become a new version; history stays as it is. */
  const restore = async (revision: number): Promise<boolean> => {
    setFlash(undefined);
    await flush();
    if (conflicted.current) return false;
    setBusy(true);
    try {
      const reply = await request<Submission>('POST', `${path}/revisions/${revision}/restore`, { ifMatch: etag.current });
      applySubmission(reply.body, reply.etag);
      showSaved(reply.body.answers, reply.body.updatedAt);
      setFlash({ kind: 'success', text: t('restored', revision, reply.body.revision) });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) await enterConflict(err.problem);
      else setFlash({ kind: 'error', text: t('restoreFailed', describe(err)) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const print = () => {
    setFlash(undefined);
    openHtml(`${path}/print`, t('loading')).catch((err: unknown) => setFlash({ kind: 'error', text: t('printFailed', describe(err)) }));
  };

  // What the form knows as the person types: values it cannot save, values to correct before
  // submit, answers still missing. The same rules the server applies, from the same module.
  // The checks start once validation has loaded, right after the form is first on screen.
  const [validation, setValidation] = useState<Validation | undefined>(validationNow);
  // Last year's accepted report (the prefill rule), looked for once: it decides whether "start
  // from last year" is offered, and it is what "changed since last year" compares with.
  const lastYear = useLastYear(round, initial.submission.orgId);
  useEffect(() => {
    if (!editable || validation) return;
    let mounted = true;
    void loadValidation().then((v) => mounted && setValidation(() => v));
    return () => {
      mounted = false;
    };
  }, [editable, validation]);
  const live = useMemo((): LiveChecks => {
    if (!editable || !validation) return NO_CHECKS;
    const answers = clean(formData);
    // One draft and one full validation: what the draft cannot hold, and the full errors sorted.
    const held = validation.validateAnswers(cacheKey, schema, answers, 'draft');
    const { warnings, missing } = validation.submitChecks(cacheKey, schema, answers);
    return { held, warnings: warnings.filter((w) => !held.some(same(w))), missing: missing.filter((e) => !held.some(same(e))) };
  }, [formData, editable, validation]);

  const shownErrors = clientErrors ?? [...live.held, ...live.warnings];
  // A word in a number field is named once, in the field's own terms, at the field and in the summary.
  const allErrors = withNumberAdvice(schema, formData, [...shownErrors, ...serverErrors.filter((s) => !shownErrors.some((c) => c.pointer === s.pointer))]);
  const sections = sectionStates(schema, live.missing, [...live.held, ...live.warnings], clean(formData));
  const showToc = editable && sections.length >= 3;
  // SST's comment stays in view while the reporter fixes the report, also after the first save
  // has turned "returned" into "draft".
  const review = submission.review ?? initialReview;
  const showReview = review && (submission.status === 'returned' || (submission.status === 'draft' && initialReview !== undefined));
  const deadlineAt = submission.deadlineAt ?? round.deadlineAt;
  // A coordinated round: a contributor's report goes to the coordinator; the coordinator gathers them.
  const coordinates = round.mode === 'coordinated' && round.coordinator === submission.orgId;
  const overdue = round.phase === 'open' && EDITABLE.has(submission.status) && Date.now() > Date.parse(deadlineAt);

  return (
    <>
      <p className="breadcrumb">
        <a href={href.home()}>← {t('navRounds')}</a>
      </p>
      <PageTitle title={round.title}>{round.title}</PageTitle>
      {coordinates && (
        <p>
          <a href={href.contributions(round.roundId)}>{t('seeContributions')}</a>
        </p>
      )}
      <p className="org-line">{contributesTo ? t('orgContribution', possessive(initial.orgName), contributesTo) : t('orgReport', possessive(initial.orgName))}</p>
      {notice && (
        <Notice kind="info" role="status">
          <p>{notice}</p>
        </Notice>
      )}
      <div className="report-meta">
        <StatusBadge status={submission.status} />
        <span>{t('deadlineAt', formatDateTime(deadlineAt))}</span>
        {overdue && <span className="badge badge-late">{t('overdue')}</span>}
        {submission.submittedAt && <span>{t('submittedAtText', formatDateTime(submission.submittedAt))}</span>}
        {submission.late && <span className="badge badge-late">{t('late')}</span>}
        <button type="button" className="btn btn-link" onClick={print}>
          {t('printReport')}
        </button>
      </div>
      {submission.extension && (
        <Notice kind="info">
          <p>{t('deadlineExtended', formatDateTime(submission.extension.deadlineAt), formatDateTime(submission.roundDeadlineAt ?? round.deadlineAt))}</p>
          {submission.extension.reason && <p>{t('extensionReason', submission.extension.reason)}</p>}
        </Notice>
      )}

      {moved && (
        <Notice kind="warning">
          <p>{t('movedVersion', moved.formVersion, form.version)}</p>
          {moved.dropped.length > 0 ? (
            <>
              <p>{t('movedDropped')}</p>
              <ul>
                {moved.dropped.map((d) => (
                  <li key={d.pointer}>
                    {d.label}: {typeof d.value === 'string' || typeof d.value === 'number' || typeof d.value === 'boolean' ? `»${String(d.value)}«` : t('movedValueComplex')}
                    {d.reason === 'invalid' && ` (${t('movedInvalid')})`}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('movedNothingDropped')}</p>
          )}
        </Notice>
      )}

      {flash && (
        <div id="report-flash" tabIndex={-1}>
          <Notice kind={flash.kind} role={flash.kind === 'error' || flash.kind === 'warning' ? 'alert' : 'status'}>
            <p>{flash.text}</p>
          </Notice>
        </div>
      )}

      {review && showReview && (
        <Notice kind="warning">
          <p>
            <strong>{t(contributesTo ? 'returnedCommentContribution' : 'returnedComment', review.byOrgName ?? contributesTo ?? 'Sundhedsstyrelsen')}</strong>
          </p>
          <blockquote className="review-comment">{review.comment}</blockquote>
          <p className="muted">
            {review.by}, {formatDateTime(review.at)}
          </p>
          {review.pointer && (
            <p>
              {t('commentAtField', '')}
              <a
                href={`#${review.pointer}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(review.pointer!);
                }}
              >
                {labelOf(schema, review.pointer)}
              </a>
            </p>
          )}
        </Notice>
      )}

      {backup && editable && (
        <Notice kind="warning" role="alert">
          <h2>{t('backupTitle')}</h2>
          <p>{t('backupBody')}</p>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={restoreBackup}>
              {t('backupRestore')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={discardBackup}>
              {t('backupDiscard')}
            </button>
          </div>
        </Notice>
      )}

      {save.kind === 'conflict' && (
        <Notice kind="error" role="alert">
          <h2>{t('conflictTitle')}</h2>
          <p>{t('conflictBody', save.savedBy, formatDateTimeSeconds(save.savedAt))}</p>
          <button type="button" className="btn btn-primary" onClick={() => setConfirmReload(true)} disabled={busy}>
            {t('conflictReload')}
          </button>
        </Notice>
      )}

      {kept.length > 0 && (
        <section className="notice notice-warning kept-values" aria-labelledby="kept-title">
          <h2 id="kept-title" ref={keptHeading} tabIndex={-1}>
            {t('keptTitle')}
          </h2>
          <p>{t('keptIntro')}</p>
          <TableScroll label={t('keptTable')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('colField')}</th>
                  <th scope="col">{t('colYourValue')}</th>
                  <th scope="col">{t('colSavedValue')}</th>
                  {editable && <th scope="col">{t('colActions')}</th>}
                </tr>
              </thead>
              <tbody>
                {kept.map((k) => (
                  <tr key={k.pointer} data-pointer={k.pointer}>
                    <th scope="row">{changeLabel(schema, k.pointer)}</th>
                    <td className="kept-mine">{k.mine === undefined ? t('emptyValue') : formatAnswer(schema, k.pointer, k.mine)}</td>
                    <td>{k.saved === undefined ? t('emptyValue') : formatAnswer(schema, k.pointer, k.saved)}</td>
                    {editable && (
                      <td>
                        <button type="button" className="btn btn-secondary btn-small" aria-label={t('useMineOf', changeLabel(schema, k.pointer))} onClick={() => useMine(k)}>
                          {t('useMine')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <button type="button" className="btn btn-secondary" onClick={() => setConfirmDiscardKept(true)}>
            {t('keptClose')}
          </button>
        </section>
      )}

      {editable ? (
        <>
          <p className="intro">{t('formIntroEditable')}</p>
          {contributesTo && (
            <Notice kind="info">
              <p>{t('contributionGoesTo', contributesTo)}</p>
            </Notice>
          )}
          {submission.status === 'not_started' && submission.revision === 0 && features.prefill() &&
            (submission.predecessors?.length ? (
              <PredecessorChoice predecessors={submission.predecessors} busy={busy} onStart={(from) => void prefill(from)} />
            ) : (
              // Offered only when there is an accepted report to start from, named beside the button.
              lastYear.lastYear && (
                <div className="prefill-offer">
                  <p className="field-hint" id="prefill-source">
                    {t('prefillSource', lastYear.lastYear.round.title, lastYear.lastYear.round.period)}
                  </p>
                  <p>
                    <button type="button" className="btn btn-secondary" onClick={() => void prefill()} disabled={busy} aria-describedby="prefill-source">
                      {t('prefill')}
                    </button>
                  </p>
                </div>
              )
            ))}
        </>
      ) : round.phase !== 'open' && EDITABLE.has(submission.status) ? (
        <Notice kind="info">
          <p>{round.phase === 'closed' ? t('roundClosedNote') : t('roundNotOpenNote', formatDateTime(round.opensAt))}</p>
        </Notice>
      ) : submission.status === 'accepted' ? (
        <Notice kind="success">
          <p>{contributesTo ? t('acceptedNoteContribution', contributesTo) : t('acceptedNote')}</p>
        </Notice>
      ) : (
        <Notice kind="info">
          <p>{t('readOnlyNote')}</p>
          {round.phase === 'open' && submission.status === 'submitted' && (
            <button type="button" className="btn btn-secondary" onClick={() => void reopen()} disabled={busy}>
              {t('reopen')}
            </button>
          )}
        </Notice>
      )}

      <ErrorSummary key={summaryKey} schema={schema} errors={clientErrors || serverErrors.length ? allErrors : []} title={t('errorSummaryTitle', errorCount(allErrors.length))} />

      <section className="form-description">
        <p>{String(schema['description'] ?? '')}</p>
      </section>

      {showToc && <SectionOverview sections={sections} />}

      {undo && (
        <Notice kind="info" role="status">
          <p>
            {undo.text}{' '}
            <button
              ref={undoButton}
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => {
                const { snapshot } = undo;
                setUndo(undefined);
                onChange(snapshot);
              }}
            >
              {t('undo')}
            </button>
          </p>
        </Notice>
      )}

      {/* The form's sections are fieldsets, not headings: its list items stand right under the page title. */}
      <ReportForm schema={schema} formData={formData} errors={allErrors} readonly={!editable} itemHeadingLevel={2} onChange={onChange} />

      {features.attachments() && (
        <Attachments
          roundId={round.roundId}
          orgId={submission.orgId}
          editable={editable && save.kind !== 'conflict'}
          version={submission.revision}
          beforeCommit={async () => {
            // Pending input is saved first, so the confirmation's new revision follows it.
            await flush();
            return etag.current;
          }}
          onCommitted={(body, tag) => applySubmission(body, tag)}
        />
      )}

      {editable && (
        <div className="form-actions" role="region" aria-label={t('saveBar')}>
          <div className="save-bar-text">
            <SaveStatus save={save} onRetry={() => void flush()} onReload={() => setConfirmReload(true)} />
            <FieldList schema={schema} label={t('heldInBar')} errors={live.held} />
            <FieldList schema={schema} label={t('warningsInBar')} errors={live.warnings} />
            {showToc && (
              <a href="#indhold-oversigt" className="small-link" onClick={(e) => {
                e.preventDefault();
                document.getElementById('indhold-oversigt')?.focus();
                document.getElementById('indhold-oversigt')?.scrollIntoView({ block: 'start' });
              }}>
                {t('toToc')}
              </a>
            )}
          </div>
          <button type="button" className="btn btn-primary" onClick={() => void trySubmit()} disabled={busy || save.kind === 'conflict'}>
            {busy ? t('submitting') : t('submit')}
          </button>
        </div>
      )}

      <ConfirmDialog open={confirming} title={contributesTo ? t('submitConfirmTitleContribution', contributesTo) : t('submitConfirmTitle')} confirmLabel={t('submitConfirmYes')} onConfirm={() => void submit()} onCancel={() => setConfirming(false)}>
        <p>{contributesTo ? t('submitConfirmBodyContribution', contributesTo) : t('submitConfirmBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog open={confirmReload} title={t('conflictReload')} confirmLabel={t('conflictReload')} onConfirm={() => void reloadLatest()} onCancel={() => setConfirmReload(false)}>
        <p>{t('conflictReloadConfirm')}</p>
      </ConfirmDialog>
      <ConfirmDialog open={confirmDiscardKept} title={t('keptDiscardTitle')} confirmLabel={t('keptDiscardYes')} onConfirm={discardKept} onCancel={() => setConfirmDiscardKept(false)}>
        <p>{t('keptDiscardBody')}</p>
      </ConfirmDialog>

      <SinceLastYear round={round} orgId={submission.orgId} schema={schema} answers={clean(formData)} lookup={lastYear} />

      <RevisionHistory
        roundId={round.roundId}
        orgId={submission.orgId}
        version={submission.revision}
        schema={schema}
        {...(editable && save.kind !== 'conflict' ? { onRestore: restore } : {})}
      />
    </>
  );
}

/** The sections of a long form with their state; each links to its first field. */
function SectionOverview({ sections }: { sections: SectionInfo[] }) {
  return (
    <nav className="section-overview" aria-labelledby="indhold-oversigt">
      <h2 id="indhold-oversigt" tabIndex={-1}>
        {t('tocTitle')}
      </h2>
      <ol>
        {sections.map((s) => (
          <li key={s.name}>
            <a
              href={`#${fieldId(s.pointer)}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(s.pointer);
              }}
            >
              {s.title}
            </a>{' '}
            <span className={`section-state section-${s.state}`}>{t(`section_${s.state}`)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** "Skal rettes, før du indsender: Antal henviste, Andel …" with each field a link to it. */
function FieldList({ schema, label, errors }: { schema: JsonObject; label: string; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  const pointers = [...new Set(errors.map((e) => e.pointer))];
  return (
    <p className="save-bar-fields">
      {label}{' '}
      {pointers.map((p, i) => (
        <span key={p}>
          {i > 0 && ', '}
          <a
            href={`#${fieldId(p)}`}
            onClick={(e) => {
              e.preventDefault();
              focusField(p);
            }}
          >
            {labelOf(schema, p)}
          </a>
        </span>
      ))}
    </p>
  );
}

function SaveStatus({ save, onRetry, onReload }: { save: SaveState; onRetry: () => void; onReload: () => void }) {
  const at = save.kind !== 'conflict' ? save.savedAt : undefined;
  // "Gemt kl. 14.05" today; an older save names its day, so nobody mistakes it for a fresh one.
  const today = at && formatDate(at.toISOString()) === formatDate(new Date().toISOString());
  const saved = at ? (today ? t('savedAt', formatClock(at)) : t('savedOn', formatDateTime(at.toISOString()))) : t('notSavedYet');
  return (
    <div className="save-status" role="status" aria-live="polite">
      {save.kind === 'saving' && t('saving')}
      {save.kind === 'clean' && saved}
      {save.kind === 'dirty' && `${saved} · ${t('unsavedChanges')}`}
      {save.kind === 'failed' && (
        <span className="text-error">
          {t('saveFailed', save.message)}{' '}
          <button type="button" className="btn btn-link" onClick={onRetry}>
            {t('retrySave')}
          </button>
        </span>
      )}
      {save.kind === 'conflict' && (
        <span className="text-error">
          {t('conflictInBar')}{' '}
          <button type="button" className="btn btn-link" onClick={onReload}>
            {t('conflictReload')}
          </button>
        </span>
      )}
    </div>
  );
}

/**
 * A successor's first report (Region Østdanmark): start from one predecessor's accepted answers,
 * from all of them combined, or from its own. Combined is the default: nothing is left out.
 */
function PredecessorChoice({ predecessors, busy, onStart }: { predecessors: { orgId: string; name: string }[]; busy: boolean; onStart: (from: string | string[] | undefined) => void }) {
  const [choice, setChoice] = useState<string>('all');
  const options = [
    ...(predecessors.length > 1 ? [{ value: 'all', label: t('prefillFromAll') }] : []),
    ...predecessors.map((p) => ({ value: p.orgId, label: t('prefillFromOne', possessive(p.name)) })),
    { value: 'own', label: t('prefillFromOwn') },
  ];
  const selected = options.some((o) => o.value === choice) ? choice : options[0]!.value;
  const from = selected === 'all' ? predecessors.map((p) => p.orgId) : selected === 'own' ? undefined : selected;
  return (
    <fieldset className="prefill-choice">
      <legend>{t('prefillChoose')}</legend>
      <p className="field-hint" id="prefill-choice-hint">{t('prefillChooseHint')}</p>
      {options.map((o) => (
        <div className="radio" key={o.value}>
          <input type="radio" id={`prefill-${o.value}`} name="prefill-from" value={o.value} checked={selected === o.value} onChange={() => setChoice(o.value)} aria-describedby="prefill-choice-hint" />
          <label htmlFor={`prefill-${o.value}`}>{o.label}</label>
        </div>
      ))}
      <p>
        <button type="button" className="btn btn-secondary" onClick={() => onStart(from)} disabled={busy}>
          {t('prefillChosen')}
        </button>
      </p>
    </fieldset>
  );
}
