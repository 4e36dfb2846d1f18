// Attachments: a reporter asks for an upload ticket, uploads straight to storage, then
// confirms; the confirmation checks what actually arrived and records the file with a new
// revision, so every document is kept with the revision that added it.
import { Problem } from '#core/problems';
import { nextStatus } from '#core/lifecycle';
import { assertOpenForReporting } from '#core/rounds';
import { loadReport } from '#core/report-access';
import { checkAttachment, MAX_FILE_BYTES, UPLOAD_SECONDS } from '#core/attachments';
import { commitAttachment, commitDetachment } from '#core/submissions-service';
import type { AttachmentDeps as CoreDeps, AttachmentMeta } from '#core/ports';
import type { Identity } from '#core/identity';

const visible = ({ key: _key, ...meta }: AttachmentMeta) => meta;

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
  const { fileName } = checkAttachment(request, head?.attachments ?? []);
  const id = deps.newId().toLowerCase();
  const expiresAt = new Date(now.getTime() + UPLOAD_SECONDS * 1000).toISOString();
  const upload = await deps.attachments.createUpload(
    { id, roundId, orgId, fileName, contentType: request.contentType, size: request.size, key: `attachments/${roundId}/${orgId}/${id}`, createdAt: now.toISOString(), expiresAt },
    MAX_FILE_BYTES,
  );
  return { attachmentId: id, upload, expiresAt };
}

export async function completeUpload(deps: CoreDeps, who: Identity, roundId: string, orgId: string, id: string, ifMatch: string | undefined) {
  const ctx = await loadReport(deps, who, roundId, orgId, 'report');
  assertOpenForReporting(ctx.round, deps.clock.now());
  const pending = await deps.attachments.getPending(roundId, orgId, id);
  if (!pending) throw new Problem('not-found', 'Bilaget findes ikke. Start uploaden forfra.');
  const stored = await deps.attachments.inspect(pending.key);
  if (!stored) throw new Problem('upload-missing', 'Filen er ikke modtaget endnu. Upload den, og bekræft derefter.');
  // Check what arrived, not only what was promised: the storage policy is the first guard, this the second.
  const wrongType = stored.contentType !== undefined && stored.contentType.split(';')[0] !== pending.contentType;
  if (stored.size > MAX_FILE_BYTES || stored.size !== pending.size || wrongType) {
    await deps.attachments.discard(pending.key);
    throw new Problem('invalid-attachment', 'Den modtagne fil svarer ikke til det anmeldte (type eller størrelse). Upload den igen.');
  }
  const at = deps.clock.now().toISOString();
  return commitAttachment(deps, who, ctx, orgId, ifMatch, (revision) => ({
    id,
    fileName: pending.fileName,
    contentType: pending.contentType,
    size: stored.size,
    revision,
    uploadedAt: at,
    uploadedBy: who.name,
    key: pending.key,
  }));
}

/** Takes an attachment off the report (a new revision); the stored file stays for the history. */
export async function deleteAttachment(deps: CoreDeps, who: Identity, roundId: string, orgId: string, id: string, ifMatch: string | undefined) {
  const ctx = await loadReport(deps, who, roundId, orgId, 'report');
  assertOpenForReporting(ctx.round, deps.clock.now());
  return commitDetachment(deps, who, ctx, orgId, ifMatch, id);
}

export async function listAttachments(deps: CoreDeps, who: Identity, roundId: string, orgId: string) {
  const { head } = await loadReport(deps, who, roundId, orgId, 'read');
  return (head?.attachments ?? []).map(visible);
}

export async function attachmentUrl(deps: CoreDeps, who: Identity, roundId: string, orgId: string, id: string): Promise<string> {
  const { head } = await loadReport(deps, who, roundId, orgId, 'read');
  const file = head?.attachments?.find((a) => a.id === id);
  if (!file) throw new Problem('not-found', 'Bilaget findes ikke.');
  return deps.attachments.downloadUrl(file.key, file.fileName, file.contentType);
}
