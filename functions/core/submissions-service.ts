// Submissions: one report per (round, organisation), saved as immutable revisions.
// Every change is optimistic: it names the ETag it started from, and the store's conditional
// write makes sure two people in one organisation never overwrite each other silently.
import { Problem } from '#core/problems';
import { nextStatus } from '#core/lifecycle';
import { loadReport as load, reportRound, type ReportContext } from '#core/report-access';
import { assertOpenForReporting, isLate, reportIsLate, type RoundRecord } from '#core/rounds';
import { getVersionOr404 } from '#core/forms-service';
import { validateAnswers } from '#core/form-validation';
import { formatDanishDateTime } from '#core/danish-time';
import { diffAnswers, type AnswerChange } from '#core/answers-diff';
import { carryForward, type DroppedField } from '#core/carry-forward';
import { type AttachmentMeta, type CoreDeps, type SubmissionHead, WriteConflict } from '#core/ports';
import type { Identity } from '#core/identity';
import type { JsonObject, Revision, RevisionAction, Submission } from '#schemas/api';

type Context = ReportContext;

/** ETags travel quoted (and maybe weak) in headers; compare the opaque value. */
export function etagValue(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

async function conflict(deps: CoreDeps, roundId: string, orgId: string): Promise<Problem> {
  const now = await deps.submissions.getHead(roundId, orgId);
  if (!now) return new Problem('edit-conflict', 'Indberetningen er ændret, siden du hentede den. Hent den igen.');
  return new Problem(
    'edit-conflict',
    `${now.updatedBy} gemte indberetningen ${formatDanishDateTime(new Date(now.updatedAt))}. Hent den nyeste version, før du gemmer igen, så intet går tabt.`,
    { savedBy: now.updatedBy, savedAt: now.updatedAt, currentRevision: now.revision, currentEtag: `"${now.etag}"` },
  );
}

async function checkPrecondition(
  deps: CoreDeps,
  ctx: Context,
  orgId: string,
  ifMatch: string | undefined,
  required: boolean,
): Promise<void> {
  const expected = etagValue(ifMatch);
  if (expected === undefined) {
    if (required && ctx.head) {
      throw new Problem('precondition-required', 'Send If-Match med den ETag, du hentede, så ingen andres ændringer overskrives.');
    }
    return;
  }
  if (expected === '*' && ctx.head) return;
  if (!ctx.head || ctx.head.etag !== expected) throw await conflict(deps, ctx.round.roundId, orgId);
}

async function schemaOf(deps: CoreDeps, round: RoundRecord) {
  return (await getVersionOr404(deps, round.formId, round.formVersion)).schema;
}

function view(ctx: Pick<Context, 'round' | 'extension'>, orgId: string, head: SubmissionHead | undefined, answers: JsonObject): Submission {
  const { round, extension } = ctx;
  const ext = extension ? { extension: { deadline: extension.deadline, deadlineAt: extension.deadlineAt, reason: extension.reason } } : {};
  if (!head) return { roundId: round.roundId, orgId, status: 'not_started', revision: 0, answers, ...ext };
  return {
    roundId: head.roundId,
    orgId: head.orgId,
    status: head.status,
    revision: head.revision,
    etag: `"${head.etag}"`,
    answers,
    updatedAt: head.updatedAt,
    updatedBy: head.updatedBy,
    ...(head.submittedAt
      ? { submittedAt: head.submittedAt, late: reportIsLate({ submittedAt: head.submittedAt, late: head.late }, round.deadlineAt, extension?.deadlineAt) }
      : {}),
    ...(head.review ? { review: head.review } : {}),
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
}

async function commit(deps: CoreDeps, who: Identity, ctx: Context, orgId: string, change: Change): Promise<SubmissionHead> {
  const { to } = nextStatus(ctx.head?.status ?? 'not_started', change.action, who.role);
  const now = deps.clock.now().toISOString();
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
        contentKey: change.contentKey,
      },
      event: {
        at: now,
        id: deps.newId(),
        actor: who.name,
        actorOrgId: who.orgId,
        action: `submission.${change.action}`,
        subject: `round/${head.roundId}/submission/${orgId}`,
        roundId: head.roundId,
        orgId,
        detail: { revision, from: ctx.head?.status ?? 'not_started', to: head.status, ...change.detail },
      },
    });
  } catch (err) {
    if (err instanceof WriteConflict) throw await conflict(deps, ctx.round.roundId, orgId);
    throw err;
  }
  return head;
}

export async function getSubmission(deps: CoreDeps, who: Identity, roundId: string, orgId: string): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'read');
  const answers = ctx.head ? await deps.submissions.readContent(ctx.head.contentKey) : {};
  return view(ctx, orgId, ctx.head, answers);
}

export async function saveDraft(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  answers: JsonObject,
  ifMatch: string | undefined,
): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'report');
  assertOpenForReporting(ctx.round, deps.clock.now());
  nextStatus(ctx.head?.status ?? 'not_started', 'save');
  await checkPrecondition(deps, ctx, orgId, ifMatch, true);
  const errors = validateAnswers(`${ctx.round.formId}@${ctx.round.formVersion}`, await schemaOf(deps, ctx.round), answers, 'draft');
  if (errors.length > 0) {
    throw new Problem('validation-failed', 'Nogle felter har en forkert type. Ret dem og gem igen.', { errors });
  }
  // The answers go to their own immutable object first: if the head's write then loses,
  // the orphan is harmless, and no head ever points at content that is not there.
  const contentKey = await deps.submissions.putContent(roundId, orgId, (ctx.head?.revision ?? 0) + 1, answers);
  const head = await commit(deps, who, ctx, orgId, { action: 'save', contentKey });
  return view(ctx, orgId, head, answers);
}

export async function submit(deps: CoreDeps, who: Identity, roundId: string, orgId: string, ifMatch: string | undefined): Promise<Submission> {
  const ctx = await load(deps, who, roundId, orgId, 'report');
  const now = deps.clock.now();
  assertOpenForReporting(ctx.round, now);
  nextStatus(ctx.head?.status ?? 'not_started', 'submit');
  if (etagValue(ifMatch) === undefined) {
    throw new Problem('precondition-required', 'Send If-Match med den ETag, du hentede, så du indsender det, du har set.');
  }
  await checkPrecondition(deps, ctx, orgId, ifMatch, true);
  const head = ctx.head!;
  const answers = await deps.submissions.readContent(head.contentKey);
  const errors = validateAnswers(`${ctx.round.formId}@${ctx.round.formVersion}`, await schemaOf(deps, ctx.round), answers, 'full');
  if (errors.length > 0) {
    throw new Problem('validation-failed', `Indberetningen kan ikke indsendes endnu: ${errors.length} felt(er) mangler eller er forkert udfyldt.`, {
      errors,
    });
  }
  // Lateness is judged by the first submission: a report returned for correction and sent
  // again after the deadline was still on time.
  const firstSubmittedAt = head.submittedAt ?? now.toISOString();
  const late = head.late ?? isLate(ctx.round, new Date(firstSubmittedAt), ctx.extension?.deadlineAt);
  const next = await commit(deps, who, ctx, orgId, {
    action: 'submit',
    contentKey: head.contentKey,
    patch: { submittedAt: head.submittedAt ?? now.toISOString(), late },
    detail: { late },
  });
  return view(ctx, orgId, next, answers);
}

export async function reopen(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  ifMatch: string | undefined,
  reason: string | undefined,
): Promise<Submission> {
  const byReviewer = who.role === 'sst-admin';
  const ctx = await load(deps, who, roundId, orgId, byReviewer ? 'review' : 'report');
  const head = ctx.head;
  if (!head) throw new Problem('invalid-transition', 'Der er intet at genåbne: indberetningen er ikke påbegyndt.');
  if (byReviewer && head.status !== 'accepted') {
    throw new Problem('invalid-transition', 'Sundhedsstyrelsen genåbner kun godkendte indberetninger; brug "send retur" for indsendte.');
  }
  if (byReviewer && !reason) {
    throw new Problem('invalid-body', 'Angiv en begrundelse for at genåbne en godkendt indberetning.', {
      errors: [{ pointer: '/reason', message: 'Skal udfyldes.' }],
    });
  }
  if (!byReviewer) assertOpenForReporting(ctx.round, deps.clock.now());
  nextStatus(head.status, 'reopen');
  await checkPrecondition(deps, ctx, orgId, ifMatch, !byReviewer);
  const note = byReviewer ? { comment: reason!, by: who.name, at: deps.clock.now().toISOString() } : undefined;
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
  nextStatus(head.status, action);
  await checkPrecondition(deps, ctx, orgId, ifMatch, false);
  const at = deps.clock.now().toISOString();
  const next = await commit(deps, who, ctx, orgId, {
    action,
    contentKey: head.contentKey,
    ...(action === 'return' && note
      ? { patch: { review: { comment: note.comment, ...(note.pointer ? { pointer: note.pointer } : {}), by: who.name, at } } }
      : {}),
    ...(action === 'accept' ? { clear: ['review'] as (keyof SubmissionHead)[] } : {}),
    ...(note ? { detail: { comment: note.comment, ...(note.pointer ? { pointer: note.pointer } : {}) } } : {}),
  });
  return view(ctx, orgId, next, await deps.submissions.readContent(head.contentKey));
}

export async function listRevisions(deps: CoreDeps, who: Identity, roundId: string, orgId: string): Promise<Revision[]> {
  await reportRound(deps, who, roundId, orgId, 'read');
  return (await deps.submissions.listRevisions(roundId, orgId)).map(({ revision, action, status, savedAt, savedBy }) => ({
    revision,
    action,
    status,
    savedAt,
    savedBy,
  }));
}

export async function getRevision(deps: CoreDeps, who: Identity, roundId: string, orgId: string, n: number) {
  await reportRound(deps, who, roundId, orgId, 'read');
  const rev = await deps.submissions.getRevision(roundId, orgId, n);
  if (!rev) throw new Problem('not-found', `Indberetningen har ingen revision ${n}.`);
  const { revision, action, status, savedAt, savedBy } = rev;
  return { revision, action, status, savedAt, savedBy, answers: await deps.submissions.readContent(rev.contentKey) };
}

export async function diffRevisions(deps: CoreDeps, who: Identity, roundId: string, orgId: string, a: number, b: number): Promise<{ from: number; to: number; changes: AnswerChange[] }> {
  await reportRound(deps, who, roundId, orgId, 'read');
  const [ra, rb] = await Promise.all([deps.submissions.getRevision(roundId, orgId, a), deps.submissions.getRevision(roundId, orgId, b)]);
  if (!ra || !rb) throw new Problem('not-found', `Indberetningen har ingen revision ${!ra ? a : b}.`);
  const [before, after] = await Promise.all([deps.submissions.readContent(ra.contentKey), deps.submissions.readContent(rb.contentKey)]);
  return { from: a, to: b, changes: diffAnswers(before, after) };
}

/**
 * Starts a report that has not been started from the organisation's own accepted answers
 * of the latest earlier round of the same form. What the current form version cannot hold is
 * dropped and returned, so the reporter sees exactly what to fill in anew.
 */
export async function prefill(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
): Promise<{ submission: Submission; carriedFrom: { roundId: string; revision: number }; dropped: DroppedField[] }> {
  const ctx = await load(deps, who, roundId, orgId, 'report');
  assertOpenForReporting(ctx.round, deps.clock.now());
  if (ctx.head) throw new Problem('invalid-transition', 'Kun en indberetning, der ikke er påbegyndt, kan startes fra sidste års svar.', { currentStatus: ctx.head.status });
  const earlier = (await deps.rounds.list())
    .filter((r) => r.formId === ctx.round.formId && r.roundId !== roundId && r.deadlineAt < ctx.round.deadlineAt && r.respondents.includes(orgId))
    .sort((x, y) => y.deadlineAt.localeCompare(x.deadlineAt));
  for (const previous of earlier) {
    const head = await deps.submissions.getHead(previous.roundId, orgId);
    if (head?.status !== 'accepted') continue;
    const { answers, dropped } = carryForward(
      await deps.submissions.readContent(head.contentKey),
      `${ctx.round.formId}@${ctx.round.formVersion}`,
      await schemaOf(deps, ctx.round),
    );
    const contentKey = await deps.submissions.putContent(roundId, orgId, 1, answers);
    const next = await commit(deps, who, ctx, orgId, {
      action: 'prefill',
      contentKey,
      detail: { fromRound: previous.roundId, fromRevision: head.revision, dropped: dropped.map((d) => d.pointer) },
    });
    return { submission: view(ctx, orgId, next, answers), carriedFrom: { roundId: previous.roundId, revision: head.revision }, dropped };
  }
  throw new Problem('not-found', 'Der er ingen godkendt indberetning fra en tidligere runde af samme skema at starte fra.');
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
  await checkPrecondition(deps, ctx, orgId, ifMatch, false);
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
