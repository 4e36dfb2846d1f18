// Submissions: one report per (round, organisation), saved as immutable revisions.
// Every change is optimistic: it names the ETag it started from, and the store's conditional
// write makes sure two people in one organisation never overwrite each other silently.
import { MAX_LISTED_ERRORS, Problem } from '#core/problems';
import { nextStatus } from '#core/lifecycle';
import { loadReport as load, reportRound, type ReportContext } from '#core/report-access';
import { assertOpenForReporting, isContribution, isLate, reportingOrgs, reportIsLate, type RoundRecord } from '#core/rounds';
import { getVersionOr404 } from '#core/forms-service';
import { fieldName } from '#core/form-labels';
import { formatDanishDateTime } from '#core/danish-time';
import { diffAnswers, type AnswerChange } from '#core/answers-diff';
import type { DroppedField } from '#core/carry-forward';
import { reportHtml, type PrintComment } from '#core/report-print';
import { findOrganisation, predecessorsOf } from '#core/registry';
import { composeFromContributions } from '#core/compose';
import { getVisibleRound } from '#core/rounds-service';
import { submissionSubject } from '#core/audit-service';
import { type AttachmentMeta, type CoreDeps, type RevisionRecord, type RoundLock, type SubmissionHead, WriteConflict } from '#core/ports';
import { actorOf, isSst, type Identity } from '#core/identity';
import type { JsonObject, Revision, RevisionAction, Submission, SubmissionStatus } from '#schemas/api';

// Validation (Ajv and its engine, functions/core/form-validator.ts) and carry-forward, which runs it,
// are imported on first use: a request that validates nothing (a read) never loads them, and the
// Lambda build keeps the engine out of the file read at cold start.
let validationModule: Promise<typeof import('#core/form-validation')> | undefined;
const validation = () => (validationModule ??= import('#core/form-validation'));
let carryForwardModule: Promise<typeof import('#core/carry-forward')> | undefined;
const carryForwarding = () => (carryForwardModule ??= import('#core/carry-forward'));

type Context = ReportContext;

/** ETags travel quoted (and maybe weak) in headers; compare the opaque value. */
export function etagValue(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/** What the last person did to a report, by the status it left: "indsendte", "sendte … retur". */
const DID: Record<SubmissionStatus, string> = {
  not_started: 'ændrede indberetningen',
  draft: 'gemte indberetningen',
  submitted: 'indsendte indberetningen',
  returned: 'sendte indberetningen retur',
  accepted: 'godkendte indberetningen',
};

type ReviewMove = 'accept' | 'return';
const REVIEWING: Record<ReviewMove, { doing: string; done: string; leaves: SubmissionStatus }> = {
  accept: { doing: 'godkender den', done: 'godkendt', leaves: 'accepted' },
  return: { doing: 'sender den retur', done: 'sendt retur', leaves: 'returned' },
};

/** "Indberetningen er allerede godkendt af …": a colleague made the same review move first. */
const alreadyDone = (head: Pick<SubmissionHead, 'updatedBy' | 'updatedAt'>, move: ReviewMove) =>
  `Indberetningen er allerede ${REVIEWING[move].done} af ${head.updatedBy} ${formatDanishDateTime(new Date(head.updatedAt))}.`;

/**
 * The refusal of a move made on a version of the report that is no longer the newest. A save
 * says who saved since; a review move says what that person did, so a reviewer whose colleague
 * returned the report, and whose reporter resubmitted it, reads "… indsendte indberetningen …,
 * efter du hentede den", and one whose colleague accepted first reads that it is already
 * accepted, by whom: never a word about saving.
 */
async function conflict(deps: CoreDeps, roundId: string, orgId: string, move?: ReviewMove): Promise<Problem> {
  const now = await deps.submissions.getHead(roundId, orgId);
  if (!now) return new Problem('edit-conflict', 'Indberetningen er ændret, siden du hentede den. Hent den igen.');
  const when = formatDanishDateTime(new Date(now.updatedAt));
  const detail = !move
    ? `${now.updatedBy} gemte indberetningen ${when}. Hent den nyeste version, før du gemmer igen, så intet går tabt.`
    : now.status === REVIEWING[move].leaves
      ? alreadyDone(now, move)
      : `${now.updatedBy} ${DID[now.status]} ${when}, efter du hentede den. Se den nyeste version, før du ${REVIEWING[move].doing}.`;
  return new Problem('edit-conflict', detail, { savedBy: now.updatedBy, savedAt: now.updatedAt, currentStatus: now.status, currentRevision: now.revision, currentEtag: `"${now.etag}"` });
}

/**
 * The ETag of a report nobody has saved yet. A client that read a not-started report names it in
 * If-Match, so its first save fails (412) instead of overwriting a report someone created meanwhile.
 */
export const NEW_ETAG = '0-new';

/** An If-None-Match header's entity tags (`*` or a list), as opaque values. */
function etagList(header: string): string[] {
  return header.split(',').map((t) => etagValue(t) ?? '').filter((t) => t !== '');
}

/** What the caller names with its conditional headers, as the route read them. */
export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/**
 * Checks the caller's conditional headers against the report as loaded. `doing` completes the
 * Danish sentence of the 428 ("… før du gemmer"): no one reads a header's name in a detail.
 */
async function checkPrecondition(
  deps: CoreDeps,
  ctx: Context,
  orgId: string,
  pre: Preconditions,
  required: boolean,
  doing = 'gemmer',
  move?: ReviewMove,
): Promise<void> {
  const current = ctx.head?.etag ?? NEW_ETAG;
  if (pre.ifNoneMatch !== undefined) {
    const tags = etagList(pre.ifNoneMatch);
    if (tags.includes('*') ? ctx.head !== undefined : tags.includes(current)) throw await conflict(deps, ctx.round.roundId, orgId);
  }
  const expected = etagValue(pre.ifMatch);
  if (expected === undefined) {
    if (required && ctx.head && pre.ifNoneMatch === undefined) {
      throw new Problem('precondition-required', `Hent indberetningen igen, før du ${doing}, så ingen andres ændringer overskrives.`);
    }
    return;
  }
  if (expected === '*' && ctx.head) return;
  // "0-new" matches only while there is no head; the store's write is then conditional on
  // absence, so of two racing first saves exactly one wins.
  if (expected !== current) throw await conflict(deps, ctx.round.roundId, orgId, move);
}

async function schemaOf(deps: CoreDeps, round: RoundRecord) {
  return (await getVersionOr404(deps, round.formId, round.formVersion)).schema;
}

/**
 * Checks answers a draft will hold (a save, a restored version) in draft mode; the refusal names
 * the fields by their Danish titles, and `errors` keeps each one with its pointer for the form.
 */
const clipName = (name: string) => (name.length > 80 ? `${name.slice(0, 79)}…` : name);

async function assertDraftFits(deps: CoreDeps, round: RoundRecord, answers: JsonObject): Promise<void> {
  const schema = await schemaOf(deps, round);
  const { validateAnswersBounded } = await validation();
  const { errors, omitted } = validateAnswersBounded(`${round.formId}@${round.formVersion}`, schema, answers, 'draft', MAX_LISTED_ERRORS);
  if (errors.length === 0) return;
  // A field's name may be a key the reporter typed: cut, so the sentence stays a sentence.
  const names = [...new Set(errors.map((e) => clipName(fieldName(schema, e.pointer))))];
  const others = Math.max(0, names.length - 5) + omitted;
  const listed = names.slice(0, 5).join(', ') + (others > 0 ? ` og ${others} andre` : '');
  const one = names.length === 1 && omitted === 0;
  throw new Problem(
    'validation-failed',
    `${one ? 'Dette felt har' : 'Disse felter har'} en forkert type eller et valg, skemaet ikke kender: ${listed}. Ret ${one ? 'det' : 'dem'}, og gem igen.`,
    { errors, errorsOmitted: omitted },
  );
}

/**
 * Who reviews a report: its round's coordinator for a contribution, SST for any other. A note
 * written before the reviewing organisation was recorded on it is read by that rule.
 */
function reviewerOf(round: RoundRecord, orgId: string): string {
  return isContribution(round, orgId) && round.coordinator ? round.coordinator : 'sst';
}

/** A review note as readers see it: with the reviewing organisation's id and official name. */
function reviewNoteView(round: RoundRecord, orgId: string, note: NonNullable<SubmissionHead['review']>) {
  const byOrgId = note.byOrgId ?? reviewerOf(round, orgId);
  return { ...note, byOrgId, byOrgName: findOrganisation(byOrgId)?.officialName ?? byOrgId };
}

function view(ctx: Pick<Context, 'round' | 'extension'>, orgId: string, head: SubmissionHead | undefined, answers: JsonObject): Submission {
  const { round, extension } = ctx;
  const ext = extension ? { extension: { deadline: extension.deadline, deadlineAt: extension.deadlineAt, reason: extension.reason } } : {};
  // The deadline that holds for this organisation, beside the round's, so no client has to work it out.
  const deadlines = { deadlineAt: extension?.deadlineAt ?? round.deadlineAt, roundDeadlineAt: round.deadlineAt };
  if (!head) {
    // A report not yet started says whose answers it may start from besides its own.
    const before = predecessorsOf(orgId, round.respondentsAt).map((p) => ({ orgId: p.id, name: p.officialName }));
    return { roundId: round.roundId, orgId, status: 'not_started', revision: 0, etag: `"${NEW_ETAG}"`, answers, ...deadlines, ...ext, ...(before.length && { predecessors: before }) };
  }
  return {
    roundId: head.roundId,
    orgId: head.orgId,
    status: head.status,
    revision: head.revision,
    etag: `"${head.etag}"`,
    answers,
    ...deadlines,
    updatedAt: head.updatedAt,
    updatedBy: head.updatedBy,
    ...(head.submittedAt
      ? {
          submittedAt: head.submittedAt,
          firstSubmittedAt: head.firstSubmittedAt ?? head.submittedAt,
          late: reportIsLate({ submittedAt: head.submittedAt, firstSubmittedAt: head.firstSubmittedAt, late: head.late }, round.deadlineAt, extension?.deadlineAt),
        }
      : {}),
    ...(head.review ? { review: reviewNoteView(round, orgId, head.review) } : {}),
    ...ext,
    ...(head.attachments?.length ? { attachments: head.attachments.map(({ key: _key, ...meta }) => meta) } : {}),
  };
}

interface Change {
  action: RevisionAction;
  contentKey: string;
  patch?: Partial<SubmissionHead>;
  /** Fields to drop from the head (e.g. a review note once accepted). */
  clear?: (keyof SubmissionHead)[];
  detail?: Record<string, unknown>;
  /** The form version the answers were checked against in this change (kept on the head and the revision). */
  formVersion?: number;
  /** Submit only: the round's form version must still be this one, and the round is locked to it. */
  roundLock?: RoundLock;
  /** When the change happens, if already read (a submit's time, so its `submittedAt` and its revision's `savedAt` agree). */
  at?: string;
}

async function commit(deps: CoreDeps, who: Identity, ctx: Context, orgId: string, change: Change): Promise<SubmissionHead> {
  // Access is settled by now: a reporter acting on another organisation's report is its round's
  // coordinator, and takes the reviewer's moves (return, accept, reopen an accepted one).
  const actor = who.role === 'reporter' && who.orgId !== orgId ? 'sst-admin' : who.role;
  const { to } = nextStatus(ctx.head?.status ?? 'not_started', change.action, actor);
  const now = change.at ?? deps.clock.now().toISOString();
  const revision = (ctx.head?.revision ?? 0) + 1;
  const base: SubmissionHead = { ...(ctx.head ?? { roundId: ctx.round.roundId, orgId }) } as SubmissionHead;
  for (const key of change.clear ?? []) delete base[key];
  const head: SubmissionHead = {
    ...base,
    ...change.patch,
    status: to as SubmissionHead['status'],
    revision,
    etag: `${revision}-${deps.newId().slice(-10).toLowerCase()}`,
    contentKey: change.contentKey,
    updatedAt: now,
    updatedBy: who.name,
    ...(change.formVersion !== undefined ? { formVersion: change.formVersion } : {}),
  };
  try {
    await deps.submissions.commit({
      head,
      expectedEtag: ctx.head?.etag,
      revision: {
        roundId: head.roundId,
        orgId,
        revision,
        action: change.action,
        status: head.status,
        savedAt: now,
        savedBy: who.name,
        savedById: who.subject,
        savedByRole: who.role,
        savedByOrgId: who.orgId,
        ...(head.formVersion !== undefined ? { formVersion: head.formVersion } : {}),
        contentKey: change.contentKey,
      },
      ...(change.roundLock ? { roundLock: change.roundLock } : {}),
      event: {
        at: now,
        id: deps.newId(),
        ...actorOf(who),
        action: `submission.${change.action}`,
        subject: `round/${head.roundId}/submission/${orgId}`,
        roundId: head.roundId,
        orgId,
        detail: { revision, from: ctx.head?.status ?? 'not_started', to: head.status, ...change.detail },
      },
    });
  } catch (err) {
    if (!(err instanceof WriteConflict)) throw err;
    if (change.roundLock) {
      const round = await deps.rounds.get(ctx.round.roundId);
      if (round && round.formVersion !== change.roundLock.formVersion) throw new FormVersionMoved();
    }
    throw await conflict(deps, ctx.round.roundId, orgId, change.action === 'accept' || change.action === 'return' ? change.action : undefined);
  }
  return head;
}

/** The round moved to another form version between a submit's validation and its commit. */
class FormVersionMoved extends Error {}

export async function getSubmission(deps: CoreDeps, who: Identity, roundId: string, orgId: string): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'read');
  const answers = ctx.head ? await deps.submissions.readContent(ctx.head.contentKey) : {};
  const moved = await fitToRoundVersion(deps, ctx, answers);
  return moved ? { ...view(ctx, orgId, ctx.head, moved.answers), movedFrom: moved.movedFrom } : view(ctx, orgId, ctx.head, answers);
}

/**
 * A draft (or returned report) last saved under an older version of the form, in a round SST has
 * since moved to a newer one: its answers as the round's version can hold them, and what does not
 * fit (a field the version no longer has, a value it no longer accepts), with each field's title
 * in the version it was answered in. The client shows what was left out and saves the rest; the
 * left-out values stay in the report's earlier revisions. Without this, such a draft could
 * neither be saved nor submitted: its answers name fields the round's form refuses.
 */
async function fitToRoundVersion(deps: CoreDeps, ctx: Context, answers: JsonObject) {
  const head = ctx.head;
  if (!head || head.formVersion === undefined || head.formVersion === ctx.round.formVersion) return undefined;
  if (head.status !== 'draft' && head.status !== 'returned') return undefined;
  const { carryForward } = await carryForwarding();
  const { answers: kept, dropped } = carryForward(answers, `${ctx.round.formId}@${ctx.round.formVersion}`, await schemaOf(deps, ctx.round));
  const before = (await getVersionOr404(deps, ctx.round.formId, head.formVersion)).schema;
  return {
    answers: kept,
    movedFrom: { formVersion: head.formVersion, dropped: dropped.map((d) => ({ ...d, label: fieldName(before, d.pointer) })) },
  };
}

export async function saveDraft(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  answers: JsonObject,
  ifMatch: string | undefined,
  ifNoneMatch?: string,
): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'report');
  assertOpenForReporting(ctx.round, deps.clock.now());
  nextStatus(ctx.head?.status ?? 'not_started', 'save');
  await checkPrecondition(deps, ctx, orgId, { ifMatch, ifNoneMatch }, true);
  await assertDraftFits(deps, ctx.round, answers);
  // The answers go to their own immutable object first: if the head's write then loses,
  // the orphan is harmless, and no head ever points at content that is not there.
  const contentKey = await deps.submissions.putContent(roundId, orgId, (ctx.head?.revision ?? 0) + 1, answers);
  const head = await commit(deps, who, ctx, orgId, { action: 'save', contentKey, formVersion: ctx.round.formVersion });
  return view(ctx, orgId, head, answers);
}

export async function submit(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  ifMatch: string | undefined,
  attempt = 1,
): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'report');
  const now = deps.clock.now();
  assertOpenForReporting(ctx.round, now);
  nextStatus(ctx.head?.status ?? 'not_started', 'submit');
  if (etagValue(ifMatch) === undefined) {
    throw new Problem('precondition-required', 'Hent indberetningen igen, før du indsender, så du indsender det, du har set.');
  }
  await checkPrecondition(deps, ctx, orgId, { ifMatch }, true, 'indsender');
  const head = ctx.head!;
  const answers = await deps.submissions.readContent(head.contentKey);
  const formVersion = ctx.round.formVersion;
  const { validateAnswersBounded } = await validation();
  const { errors, omitted } = validateAnswersBounded(`${ctx.round.formId}@${formVersion}`, await schemaOf(deps, ctx.round), answers, 'full', MAX_LISTED_ERRORS);
  if (errors.length > 0) {
    const total = errors.length + omitted;
    const fields = total === 1 ? '1 felt mangler' : `${total} felter mangler`;
    throw new Problem('validation-failed', `Indberetningen kan ikke indsendes endnu: ${fields} eller er forkert udfyldt.`, {
      errors,
      errorsOmitted: omitted,
    });
  }
  // `submittedAt` is this submission; lateness is judged by the first: a report returned for
  // correction and sent again after the deadline was still on time. A head from before the two
  // were kept apart holds the first in `submittedAt`.
  const firstSubmittedAt = head.firstSubmittedAt ?? head.submittedAt ?? now.toISOString();
  const late = head.late ?? isLate(ctx.round, new Date(firstSubmittedAt), ctx.extension?.deadlineAt);
  try {
    const next = await commit(deps, who, ctx, orgId, {
      action: 'submit',
      contentKey: head.contentKey,
      at: now.toISOString(),
      patch: { submittedAt: now.toISOString(), firstSubmittedAt, late },
      detail: { late, formVersion },
      formVersion,
      // Once locked, the round's version cannot move (the switch is conditional on no lock), so
      // later submits need not touch the round's item at all.
      ...(ctx.round.formVersionLockedAt ? {} : { roundLock: { roundId, formVersion, at: now.toISOString() } }),
    });
    return view(ctx, orgId, next, answers);
  } catch (err) {
    if (!(err instanceof FormVersionMoved)) throw err;
    // SST switched the form version while this report was being checked: check it again
    // against the round's new version, once, rather than send the reporter away.
    if (attempt === 1) return submit(deps, who, roundId, orgId, ifMatch, attempt + 1);
    throw new Problem('invalid-transition', 'Skemaversionen for runden er netop ændret. Hent indberetningen igen, og kontrollér den, før du indsender.');
  }
}

export async function reopen(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  ifMatch: string | undefined,
  reason: string | undefined,
): Promise<Submission> {
  const byReviewer = who.role === 'sst-admin' || (who.role === 'reporter' && who.orgId !== orgId && (await deps.rounds.get(roundId))?.coordinator === who.orgId);
  const ctx = await load(deps, who, roundId, orgId, byReviewer ? 'review' : 'report');
  const head = ctx.head;
  if (!head) throw new Problem('invalid-transition', 'Der er intet at genåbne: indberetningen er ikke påbegyndt.');
  if (byReviewer && head.status !== 'accepted') {
    throw new Problem('invalid-transition', 'Kun godkendte indberetninger kan genåbnes af den, der behandler dem; brug "send retur" for indsendte.');
  }
  if (byReviewer && !reason) {
    throw new Problem('invalid-body', 'Angiv en begrundelse for at genåbne en godkendt indberetning.', {
      errors: [{ pointer: '/reason', message: 'Skal udfyldes.' }],
    });
  }
  if (!byReviewer) assertOpenForReporting(ctx.round, deps.clock.now());
  nextStatus(head.status, 'reopen');
  await checkPrecondition(deps, ctx, orgId, { ifMatch }, !byReviewer, 'genåbner');
  const note = byReviewer ? { comment: reason!, by: who.name, byOrgId: who.orgId, at: deps.clock.now().toISOString() } : undefined;
  const next = await commit(deps, who, ctx, orgId, {
    action: 'reopen',
    contentKey: head.contentKey,
    ...(note ? { patch: { review: note } } : {}),
    ...(reason ? { detail: { reason } } : {}),
  });
  return view(ctx, orgId, next, await deps.submissions.readContent(head.contentKey));
}

export async function review(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  action: 'return' | 'accept',
  ifMatch: string | undefined,
  note: { comment: string; pointer?: string | undefined } | undefined,
): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'review');
  const head = ctx.head;
  if (!head) throw new Problem('invalid-transition', 'Indberetningen er ikke påbegyndt.');
  // A colleague made the same move first (two reviewers on one report): say who, and when.
  if (head.status === REVIEWING[action].leaves) throw new Problem('invalid-transition', alreadyDone(head, action), { currentStatus: head.status, action });
  nextStatus(head.status, action);
  await checkPrecondition(deps, ctx, orgId, { ifMatch }, false, undefined, action);
  const at = deps.clock.now().toISOString();
  const next = await commit(deps, who, ctx, orgId, {
    action,
    contentKey: head.contentKey,
    ...(action === 'return' && note
      ? { patch: { review: { comment: note.comment, ...(note.pointer ? { pointer: note.pointer } : {}), by: who.name, byOrgId: who.orgId, at } } }
      : {}),
    ...(action === 'accept' ? { clear: ['review'] as (keyof SubmissionHead)[] } : {}),
    ...(note ? { detail: { comment: note.comment, ...(note.pointer ? { pointer: note.pointer } : {}) } } : {}),
  });
  return view(ctx, orgId, next, await deps.submissions.readContent(head.contentKey));
}

/** A revision as readers see it: who saved it (name, stable id, role, organisation) and when, without storage keys. */
function revisionView(r: RevisionRecord): Revision {
  const { revision, action, status, savedAt, savedBy, savedById, savedByRole, savedByOrgId, formVersion } = r;
  return {
    revision,
    action,
    status,
    savedAt,
    savedBy,
    ...(savedById !== undefined ? { savedById } : {}),
    ...(savedByRole !== undefined ? { savedByRole } : {}),
    ...(savedByOrgId !== undefined ? { savedByOrgId } : {}),
    ...(formVersion !== undefined ? { formVersion } : {}),
  };
}

export async function listRevisions(deps: CoreDeps, who: Identity, roundId: string, orgId: string): Promise<Revision[]> {
  await reportRound(deps, who, roundId, orgId, 'read');
  return (await deps.submissions.listRevisions(roundId, orgId)).map(revisionView);
}

export async function getRevision(deps: CoreDeps, who: Identity, roundId: string, orgId: string, n: number) {
  await reportRound(deps, who, roundId, orgId, 'read');
  const rev = await deps.submissions.getRevision(roundId, orgId, n);
  if (!rev) throw new Problem('not-found', `Indberetningen har ingen revision ${n}.`);
  return { ...revisionView(rev), answers: await deps.submissions.readContent(rev.contentKey) };
}

export async function diffRevisions(deps: CoreDeps, who: Identity, roundId: string, orgId: string, a: number, b: number): Promise<{ from: number; to: number; changes: AnswerChange[] }> {
  await reportRound(deps, who, roundId, orgId, 'read');
  const [ra, rb] = await Promise.all([deps.submissions.getRevision(roundId, orgId, a), deps.submissions.getRevision(roundId, orgId, b)]);
  if (!ra || !rb) throw new Problem('not-found', `Indberetningen har ingen revision ${!ra ? a : b}.`);
  const [before, after] = await Promise.all([deps.submissions.readContent(ra.contentKey), deps.submissions.readContent(rb.contentKey)]);
  return { from: a, to: b, changes: diffAnswers(before, after) };
}

/**
 * Starts a report that has not been started from accepted answers of the latest earlier round
 * of the same form: the organisation's own, or, for an organisation that succeeds others in a
 * merger (Region Østdanmark), the predecessor named in `from`. What the current form version
 * cannot hold is dropped and returned, so the reporter sees exactly what to fill in anew; the
 * answer and the audit trail say whose answers they were.
 */
export async function prefill(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  ifMatch?: string,
  from?: string | string[],
): Promise<{ submission: Submission; carriedFrom: CarriedFrom; combined?: CarriedFrom[]; dropped: DroppedField[] }> {
  const ctx = await load(deps, who, roundId, orgId, 'report');
  assertOpenForReporting(ctx.round, deps.clock.now());
  // Naming "0-new" makes a started report a 412 (someone was first) rather than a 409.
  await checkPrecondition(deps, ctx, orgId, { ifMatch }, false);
  if (ctx.head) throw new Problem('invalid-transition', 'Kun en indberetning, der ikke er påbegyndt, kan startes fra sidste års svar.', { currentStatus: ctx.head.status });
  const predecessors = predecessorsOf(orgId, ctx.round.respondentsAt);
  const names = predecessors.map((p) => p.name).join(', ');
  const sources = Array.isArray(from) ? from : [from ?? orgId];
  sources.forEach((source, i) => {
    const pointer = Array.isArray(from) ? `/from/${i}` : '/from';
    const allowed = Array.isArray(from) ? predecessors.some((p) => p.id === source) : source === orgId || predecessors.some((p) => p.id === source);
    if (!allowed) {
      const offer = predecessors.length ? (Array.isArray(from) ? ` forgængere (${names})` : ` organisationens egne svar eller en forgænger (${names})`) : ' organisationens egne svar';
      throw new Problem('invalid-body', `Der kan kun startes fra${offer}.`, { errors: [{ pointer, message: `${source} er ikke en forgænger.` }] });
    }
    if (sources.indexOf(source) !== i) throw new Problem('invalid-body', 'En forgænger er nævnt to gange.', { errors: [{ pointer, message: `${source} står to gange.` }] });
  });
  const rounds = await deps.rounds.list();
  const earlierOf = (who: string) =>
    rounds
      .filter((r) => r.formId === ctx.round.formId && r.roundId !== roundId && r.deadlineAt < ctx.round.deadlineAt && reportingOrgs(r).includes(who))
      .sort((x, y) => y.deadlineAt.localeCompare(x.deadlineAt));
  // A successor with no history of its own must choose: one predecessor's answers, or all of them combined.
  if (from === undefined && predecessors.length > 0 && earlierOf(orgId).length === 0) {
    throw new Problem('invalid-body', `${findOrganisation(orgId)?.name ?? orgId} har ingen tidligere svar. Vælg hvilken forgængers godkendte svar der skal startes fra: ${predecessors.map((p) => `${p.name} (${p.id})`).join(' eller ')}, eller start fra dem alle.`, {
      errors: [{ pointer: '/from', message: `Angiv en forgænger: ${predecessors.map((p) => p.id).join(', ')}.` }],
    });
  }
  /** The latest accepted report of `source` in an earlier round of this form, with its answers. */
  const latestAccepted = async (source: string) => {
    for (const previous of earlierOf(source)) {
      const head = await deps.submissions.getHead(previous.roundId, source);
      if (head?.status !== 'accepted') continue;
      const carried: CarriedFrom = { roundId: previous.roundId, revision: head.revision, orgId: source, orgName: findOrganisation(source)?.officialName ?? source };
      return { carried, answers: await deps.submissions.readContent(head.contentKey) };
    }
    return undefined;
  };
  const found = (await Promise.all(sources.map(latestAccepted))).filter((f) => f !== undefined);
  if (found.length === 0) throw new Problem('not-found', 'Der er ingen godkendt indberetning fra en tidligere runde af samme skema at starte fra.');
  const schema = await schemaOf(deps, ctx.round);
  // Several predecessors: combined by the coordinator's composition rules, each origin named.
  const start = Array.isArray(from) ? composeFromContributions(schema, found.map((f) => ({ name: f.carried.orgName, answers: f.answers }))) : found[0]!.answers;
  const { carryForward } = await carryForwarding();
  const { answers, dropped } = carryForward(start, `${ctx.round.formId}@${ctx.round.formVersion}`, schema);
  const carriedFrom = found[0]!.carried;
  const contentKey = await deps.submissions.putContent(roundId, orgId, 1, answers);
  const next = await commit(deps, who, ctx, orgId, {
    action: 'prefill',
    contentKey,
    formVersion: ctx.round.formVersion,
    detail: {
      fromRound: carriedFrom.roundId,
      fromRevision: carriedFrom.revision,
      ...(carriedFrom.orgId !== orgId && { fromOrg: carriedFrom.orgId }),
      ...(Array.isArray(from) && { fromOrgs: found.map((f) => ({ orgId: f.carried.orgId, roundId: f.carried.roundId, revision: f.carried.revision })) }),
      dropped: dropped.map((d) => d.pointer),
    },
  });
  return {
    submission: view(ctx, orgId, next, answers),
    carriedFrom: { ...carriedFrom, orgName: findOrganisation(carriedFrom.orgId)?.name ?? carriedFrom.orgId },
    ...(Array.isArray(from) && { combined: found.map((f) => ({ ...f.carried, orgName: findOrganisation(f.carried.orgId)?.name ?? f.carried.orgId })) }),
    dropped,
  };
}

interface CarriedFrom {
  roundId: string;
  revision: number;
  orgId: string;
  orgName: string;
}

/**
 * Records a confirmed attachment as a new revision of the report (answers unchanged). `ctx` is
 * the report as loaded with 'report' access by the caller, so nothing is read twice.
 */
export async function commitAttachment(
  deps: CoreDeps,
  who: Identity,
  ctx: ReportContext,
  orgId: string,
  ifMatch: string | undefined,
  attachment: (revision: number) => AttachmentMeta,
): Promise<Submission> {
  nextStatus(ctx.head?.status ?? 'not_started', 'attach');
  await checkPrecondition(deps, ctx, orgId, { ifMatch }, false);
  const meta = attachment((ctx.head?.revision ?? 0) + 1);
  if (ctx.head?.attachments?.some((a) => a.id === meta.id)) {
    return view(ctx, orgId, ctx.head, await deps.submissions.readContent(ctx.head.contentKey));
  }
  const contentKey = ctx.head?.contentKey ?? (await deps.submissions.putContent(ctx.round.roundId, orgId, 1, {}));
  const next = await commit(deps, who, ctx, orgId, {
    action: 'attach',
    contentKey,
    patch: { attachments: [...(ctx.head?.attachments ?? []), meta] },
    detail: { attachment: meta.id, fileName: meta.fileName, size: meta.size },
  });
  return view(ctx, orgId, next, await deps.submissions.readContent(contentKey));
}

/**
 * Removes an attachment from the report as a new revision (answers unchanged). The file stays in
 * storage: the earlier revisions that listed it still reference it, and history is never rewritten.
 */
export async function commitDetachment(
  deps: CoreDeps,
  who: Identity,
  ctx: ReportContext,
  orgId: string,
  ifMatch: string | undefined,
  attachmentId: string,
): Promise<Submission> {
  const head = ctx.head;
  if (!head) throw new Problem('not-found', 'Bilaget findes ikke.');
  nextStatus(head.status, 'detach');
  await checkPrecondition(deps, ctx, orgId, { ifMatch }, true, 'fjerner bilaget');
  const file = head.attachments?.find((a) => a.id === attachmentId);
  if (!file) throw new Problem('not-found', 'Bilaget findes ikke. Måske har en anden allerede fjernet det.');
  const rest = (head.attachments ?? []).filter((a) => a.id !== attachmentId);
  const next = await commit(deps, who, ctx, orgId, {
    action: 'detach',
    contentKey: head.contentKey,
    ...(rest.length ? { patch: { attachments: rest } } : { clear: ['attachments'] as (keyof SubmissionHead)[] }),
    detail: { attachment: file.id, fileName: file.fileName },
  });
  return view(ctx, orgId, next, await deps.submissions.readContent(head.contentKey));
}

/**
 * Makes an earlier revision's answers the report's answers again, as a new revision: history
 * is only ever added to. The answers must still fit the round's current form version (a draft's
 * check: types and choices). Attachments stay as they are now; they are not answers.
 */
export async function restoreRevision(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  fromRevision: number,
  ifMatch: string | undefined,
): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'report');
  assertOpenForReporting(ctx.round, deps.clock.now());
  nextStatus(ctx.head?.status ?? 'not_started', 'restore');
  await checkPrecondition(deps, ctx, orgId, { ifMatch }, true, 'henter en tidligere version frem');
  const rev = await deps.submissions.getRevision(roundId, orgId, fromRevision);
  if (!rev) throw new Problem('not-found', `Indberetningen har ingen version ${fromRevision}.`);
  const answers = await deps.submissions.readContent(rev.contentKey);
  await assertDraftFits(deps, ctx.round, answers);
  // The revision's answers object is immutable, so the new revision can point at it as it is.
  const next = await commit(deps, who, ctx, orgId, { action: 'restore', contentKey: rev.contentKey, detail: { fromRevision }, formVersion: ctx.round.formVersion });
  return view(ctx, orgId, next, answers);
}

/**
 * The one place the printed name of an organisation is chosen: its official name ("Københavns
 * Kommune"), as a document that goes to a committee or SST's archive names it.
 */
function printedName(orgId: string): string {
  return findOrganisation(orgId)?.officialName ?? orgId;
}

/** The reviewer's comments on the report over its life: every return, and every reopening of an accepted report by its reviewer. */
async function reviewComments(deps: CoreDeps, ctx: Context, orgId: string): Promise<PrintComment[]> {
  const events = await deps.audit.history(submissionSubject(ctx.round.roundId, orgId));
  const found = events.flatMap((e): PrintComment[] => {
    const d = e.detail ?? {};
    const text = e.action === 'submission.return' ? d['comment'] : e.action === 'submission.reopen' && e.actorOrgId !== orgId ? d['reason'] : undefined;
    if (typeof text !== 'string' || text === '') return [];
    return [{ comment: text, pointer: typeof d['pointer'] === 'string' ? d['pointer'] : undefined, by: e.actor, at: e.at }];
  });
  // The head's note is the current one; the history holds it too, unless it was written before
  // the audit trail recorded comments.
  const review = ctx.head?.review;
  if (review && !found.some((c) => c.at === review.at && c.comment === review.comment)) found.push(review);
  return found.sort((a, b) => a.at.localeCompare(b.at));
}

/** The report as a printable Danish HTML page, for the same readers as the report itself. */
export async function printSubmission(deps: CoreDeps, who: Identity, roundId: string, orgId: string): Promise<{ html: string; fileName: string }> {
  const ctx = await load(deps, who, roundId, orgId, 'read');
  const { round, head, extension } = ctx;
  const [answers, schema, revisions, comments] = await Promise.all([
    head ? deps.submissions.readContent(head.contentKey) : Promise.resolve({}),
    schemaOf(deps, round),
    head ? deps.submissions.listRevisions(roundId, orgId) : Promise.resolve([]),
    head ? reviewComments(deps, ctx, orgId) : Promise.resolve([]),
  ]);
  const s = view(ctx, orgId, head, answers);
  const lastSubmit = revisions.filter((r) => r.action === 'submit').at(-1);
  const html = reportHtml({
    organisationName: printedName(orgId),
    round: { title: round.title, period: round.period },
    status: s.status,
    revision: s.revision,
    deadlineAt: s.deadlineAt,
    extension: extension ? { deadlineAt: extension.deadlineAt, reason: extension.reason, roundDeadlineAt: round.deadlineAt } : undefined,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy,
    submittedAt: s.submittedAt,
    submittedBy: lastSubmit?.savedBy,
    late: s.late,
    schema,
    answers,
    comments,
    reviewerName: printedName(reviewerOf(round, orgId)),
    attachments: s.attachments ?? [],
    printedAt: deps.clock.now(),
  });
  return { html, fileName: `${roundId}-${orgId}.html` };
}

/** Contributions the coordinator has received: submitted to it, or accepted by it. */
const RECEIVED: ReadonlySet<string> = new Set(['submitted', 'accepted']);

/**
 * Starts (or starts again) the coordinator's own report from the contributions it has received,
 * as a saved draft: one more revision of its report, so an earlier draft can be restored.
 */
export async function compose(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  ifMatch: string | undefined,
): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'report');
  if (ctx.round.mode !== 'coordinated' || ctx.round.coordinator !== orgId) {
    throw new Problem('forbidden', 'Kun koordinatoren i en koordineret runde kan samle sin rapport fra bidragene.');
  }
  assertOpenForReporting(ctx.round, deps.clock.now());
  nextStatus(ctx.head?.status ?? 'not_started', 'save');
  await checkPrecondition(deps, ctx, orgId, { ifMatch }, true, 'samler rapporten');
  const heads = await deps.submissions.listHeads(roundId);
  const received = (ctx.round.contributors ?? [])
    .map((id) => heads.find((h) => h.orgId === id))
    .filter((h): h is SubmissionHead => h !== undefined && RECEIVED.has(h.status));
  if (received.length === 0) throw new Problem('invalid-transition', 'Der er endnu ingen indsendte bidrag at samle rapporten fra.');
  const contributions = await Promise.all(
    received.map(async (h) => ({ name: findOrganisation(h.orgId)?.name ?? h.orgId, answers: await deps.submissions.readContent(h.contentKey) })),
  );
  const own = ctx.head ? await deps.submissions.readContent(ctx.head.contentKey) : {};
  const answers = composeFromContributions(await schemaOf(deps, ctx.round), contributions, own);
  await assertDraftFits(deps, ctx.round, answers);
  const contentKey = await deps.submissions.putContent(roundId, orgId, (ctx.head?.revision ?? 0) + 1, answers);
  const head = await commit(deps, who, ctx, orgId, {
    action: 'compose',
    contentKey,
    formVersion: ctx.round.formVersion,
    detail: { composedFrom: received.map((h) => ({ orgId: h.orgId, revision: h.revision })) },
  });
  return view(ctx, orgId, head, answers);
}

/** A row's note: what was said, by whom and when (the field it points at is the report's to show). */
const contributionNote = ({ comment, by, byOrgId, byOrgName, at }: ReturnType<typeof reviewNoteView>) => ({ comment, by, byOrgId, byOrgName, at });

export interface ContributionRow {
  orgId: string;
  name: string;
  status: SubmissionHead['status'] | 'not_started';
  revision?: number;
  submittedAt?: string;
  firstSubmittedAt?: string;
  late?: boolean;
  updatedAt?: string;
  review?: { comment: string; by: string; byOrgId: string; byOrgName: string; at: string };
}

/**
 * The coordinator's overview of a coordinated round: each contribution's status, and its own
 * report's. Its reporters and SST may see it; to anyone else the round has no such list.
 */
export async function listContributions(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
): Promise<{ roundId: string; coordinator: ContributionRow; contributions: ContributionRow[] }> {
  const round = await getVisibleRound(deps, who, roundId);
  const coordinator = round.mode === 'coordinated' ? round.coordinator : undefined;
  if (!coordinator) throw new Problem('not-found', `Indberetningsrunden "${roundId}" er ikke koordineret.`);
  const contributors = round.contributors ?? [];
  if (!(isSst(who) || (who.role === 'reporter' && who.orgId === coordinator))) {
    throw new Problem('forbidden', 'Kun koordinatoren og Sundhedsstyrelsen kan se bidragene i runden.');
  }
  const heads = await deps.submissions.listHeads(roundId);
  const row = (orgId: string): ContributionRow => {
    const h = heads.find((x) => x.orgId === orgId);
    return {
      orgId,
      name: findOrganisation(orgId)?.name ?? orgId,
      status: h?.status ?? 'not_started',
      ...(h ? { revision: h.revision, updatedAt: h.updatedAt } : {}),
      ...(h?.submittedAt
        ? { submittedAt: h.submittedAt, firstSubmittedAt: h.firstSubmittedAt ?? h.submittedAt, late: reportIsLate({ submittedAt: h.submittedAt, firstSubmittedAt: h.firstSubmittedAt, late: h.late }, round.deadlineAt) }
        : {}),
      ...(h?.review ? { review: contributionNote(reviewNoteView(round, orgId, h.review)) } : {}),
    };
  };
  return { roundId, coordinator: row(coordinator), contributions: contributors.map(row) };
}
