// Attachments: a reporter asks for an upload ticket, uploads straight to storage, then
// confirms; the confirmation checks what actually arrived and records the file with a new
// revision, so every document is kept with the revision that added it.
import { Problem } from '#core/problems';
import { nextStatus } from '#core/lifecycle';
import { assertOpenForReporting } from '#core/rounds';
import { loadReport } from '#core/report-access';
import { checkAttachment, checkLimits, CONFIRM_SECONDS, MAX_FILE_BYTES, signatureProblem, UPLOAD_SECONDS } from '#core/attachments';
import { commitAttachment, commitDetachment } from '#core/submissions-service';
import type { AttachmentDeps as CoreDeps, AttachmentMeta, PendingUpload, ScanVerdict } from '#core/ports';
import type { Identity } from '#core/identity';

const visible = ({ key: _key, versionId: _version, ...meta }: AttachmentMeta) => meta;

/** Tickets that still count against the limits: not yet confirmed, and still confirmable. */
async function openTickets(deps: CoreDeps, roundId: string, orgId: string, attached: readonly AttachmentMeta[], now: Date, except?: string) {
  const pending = await deps.attachments.listPending(roundId, orgId);
  return pending.filter((p) => p.id !== except && !attached.some((a) => a.id === p.id) && now.getTime() < confirmableUntil(p));
}

const confirmableUntil = (p: PendingUpload) => Date.parse(p.createdAt) + CONFIRM_SECONDS * 1000;

export async function requestUpload(
  deps: CoreDeps,
  who: Identity,
  roundId: string,
  orgId: string,
  request: { fileName: string; contentType: string; size: number },
) {
  const { round, head } = await loadReport(deps, who, roundId, orgId, 'report');
  const now = deps.clock.now();
  assertOpenForReporting(round, now);
  nextStatus(head?.status ?? 'not_started', 'attach');
  const attached = head?.attachments ?? [];
  const { fileName } = checkAttachment(request, attached, await openTickets(deps, roundId, orgId, attached, now));
  const id = deps.newId().toLowerCase();
  const expiresAt = new Date(now.getTime() + UPLOAD_SECONDS * 1000).toISOString();
  // The ticket writes only this staging key; what a report points at is a copy made by the server.
  const upload = await deps.attachments.createUpload(
    { id, roundId, orgId, fileName, contentType: request.contentType, size: request.size, key: `uploads/${roundId}/${orgId}/${id}`, createdAt: now.toISOString(), expiresAt },
    MAX_FILE_BYTES,
  );
  return { attachmentId: id, upload, expiresAt };
}

/**
 * Confirms an upload. The report's state is checked before storage is touched, so a ticket
 * posted to again after submission can change and delete nothing. What arrived is copied
 * inside storage to a final key of its own (one per attempt: racing confirmations never share
 * an object), and the copy (which no ticket can write) is what is measured, hashed and
 * recorded. The ticket is then used up: its staging object and pending record are removed.
 */
export async function completeUpload(deps: CoreDeps, who: Identity, roundId: string, orgId: string, id: string, ifMatch: string | undefined) {
  const ctx = await loadReport(deps, who, roundId, orgId, 'report');
  const now = deps.clock.now();
  assertOpenForReporting(ctx.round, now);
  nextStatus(ctx.head?.status ?? 'not_started', 'attach');
  const attached = ctx.head?.attachments ?? [];
  const already = attached.find((a) => a.id === id);
  if (already) {
    // A retry after a lost answer: finish the clean-up, change nothing the report points at.
    const done = await commitAttachment(deps, who, ctx, orgId, ifMatch, () => already);
    await settle(deps, roundId, orgId, id, already);
    return done;
  }
  const pending = await deps.attachments.getPending(roundId, orgId, id);
  if (!pending) throw new Problem('not-found', 'Bilaget findes ikke. Start uploaden forfra.');
  if (now.getTime() >= confirmableUntil(pending)) {
    await forget(deps, pending);
    throw new Problem('upload-missing', 'Uploaden er udløbet. Vælg filen igen.');
  }
  // Checked again here: a ticket may have been issued while others were still open.
  checkLimits(attached, [], pending.size);
  const arrived = await deps.attachments.inspect(pending.key);
  if (!arrived) throw new Problem('upload-missing', 'Filen er ikke modtaget endnu. Upload den, og bekræft derefter.');
  const refuse = async (detail: string, finalKey?: string): Promise<never> => {
    await forget(deps, pending);
    if (finalKey) await deps.attachments.discard(finalKey);
    throw new Problem('invalid-attachment', detail);
  };
  const mismatch = 'Den modtagne fil svarer ikke til det anmeldte (type eller størrelse). Upload den igen.';
  if (arrived.size !== pending.size || arrived.size > MAX_FILE_BYTES) return refuse(mismatch);

  const finalKey = `attachments/${roundId}/${orgId}/${id}-${deps.newId().toLowerCase()}`;
  const { versionId } = await deps.attachments.promote(pending.key, finalKey);
  const facts = await deps.attachments.examine(finalKey, versionId);
  const wrongType = facts.contentType !== undefined && facts.contentType.split(';')[0] !== pending.contentType;
  if (facts.size !== pending.size || wrongType) return refuse(mismatch, finalKey);
  const notWhatItSays = signatureProblem(pending.contentType, facts.head, facts.tail, facts.size);
  if (notWhatItSays) return refuse(`${notWhatItSays} Upload den rigtige fil.`, finalKey);

  const meta: AttachmentMeta = {
    id,
    fileName: pending.fileName,
    contentType: pending.contentType,
    size: facts.size,
    revision: (ctx.head?.revision ?? 0) + 1,
    uploadedAt: now.toISOString(),
    uploadedBy: who.name,
    key: finalKey,
    ...(versionId ? { versionId } : {}),
    sha256: facts.sha256,
  };
  let done;
  try {
    done = await commitAttachment(deps, who, ctx, orgId, ifMatch, (revision) => ({ ...meta, revision }));
  } catch (err) {
    // The copy is marked unconfirmed and would expire anyway; removing it now keeps storage tidy.
    await deps.attachments.discard(finalKey).catch(() => undefined);
    throw err;
  }
  await settle(deps, roundId, orgId, id, meta);
  return done;
}

/** After the commit: the final copy is confirmed for good, the ticket's staging object and record go. */
async function settle(deps: CoreDeps, roundId: string, orgId: string, id: string, file: AttachmentMeta) {
  await deps.attachments.confirm(file.key, file.versionId);
  const pending = await deps.attachments.getPending(roundId, orgId, id);
  if (pending) await forget(deps, pending);
}

async function forget(deps: CoreDeps, pending: PendingUpload) {
  await deps.attachments.discard(pending.key);
  await deps.attachments.forgetPending(pending.roundId, pending.orgId, pending.id);
}

/** Takes an attachment off the report (a new revision); the stored file stays for the history. */
export async function deleteAttachment(deps: CoreDeps, who: Identity, roundId: string, orgId: string, id: string, ifMatch: string | undefined) {
  const ctx = await loadReport(deps, who, roundId, orgId, 'report');
  assertOpenForReporting(ctx.round, deps.clock.now());
  return commitDetachment(deps, who, ctx, orgId, ifMatch, id);
}

/** With scanning on, each file says how far its scan is ("afventer scanning" in the web app). */
export async function listAttachments(deps: CoreDeps, who: Identity, roundId: string, orgId: string) {
  const { head } = await loadReport(deps, who, roundId, orgId, 'read');
  const files = head?.attachments ?? [];
  const scanner = deps.scanner;
  if (!scanner) return files.map(visible);
  return Promise.all(files.map(async (f) => ({ ...visible(f), scan: await scanner.verdict(f.key, f.versionId) })));
}

const NOT_DOWNLOADABLE: Record<Exclude<ScanVerdict, 'clean'>, [ 'attachment-not-scanned' | 'attachment-blocked', string]> = {
  pending: ['attachment-not-scanned', 'Bilaget afventer scanning for skadeligt indhold. Prøv igen om lidt.'],
  infected: ['attachment-blocked', 'Bilaget er spærret: scanningen fandt skadeligt indhold. Kontakt Sundhedsstyrelsen.'],
  unscannable: ['attachment-blocked', 'Bilaget kunne ikke scannes for skadeligt indhold og kan derfor ikke hentes. Kontakt Sundhedsstyrelsen.'],
};

export async function attachmentUrl(deps: CoreDeps, who: Identity, roundId: string, orgId: string, id: string): Promise<string> {
  const { head } = await loadReport(deps, who, roundId, orgId, 'read');
  const file = head?.attachments?.find((a) => a.id === id);
  if (!file) throw new Problem('not-found', 'Bilaget findes ikke.');
  if (deps.scanner) {
    const verdict = await deps.scanner.verdict(file.key, file.versionId);
    if (verdict !== 'clean') throw new Problem(...NOT_DOWNLOADABLE[verdict]);
  }
  // A confirmation cut short after its commit leaves the unconfirmed mark; reading heals it.
  await deps.attachments.confirm(file.key, file.versionId);
  return deps.attachments.downloadUrl(file.key, file.fileName, file.contentType, file.versionId);
}
