// Supporting documents of a report: upload tickets, confirmation, listing, download links.
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { ATTACHMENTS_ROUTES } from '#functions/routes/attachments';
import { withEtag } from '#http/with-etag';
import { getDeps as getCoreDeps, storageConfigFromEnv } from '#functions/composition';
import { getDocumentClient, getS3Client } from '#store/clients';
import { S3AttachmentStore } from '#store/attachment-store';
import { GuardDutyScanStatus } from '#store/malware-scan';
import type { AttachmentDeps } from '#core/ports';

let deps: AttachmentDeps | undefined;
const getDeps = (): AttachmentDeps => {
  if (!deps) {
    const { table, bucket } = storageConfigFromEnv();
    deps = { ...getCoreDeps(), attachments: new S3AttachmentStore(getDocumentClient(), table, getS3Client(), bucket) };
    // Set by the API stack when deployed with `-c malwareScan=true`.
    if (process.env['MALWARE_SCAN'] === 'guardduty') deps.scanner = new GuardDutyScanStatus(getS3Client(), bucket);
  }
  return deps;
};
import { attachmentUrl, completeUpload, deleteAttachment, listAttachments, requestUpload } from '#core/attachments-service';

const ids = (req: { params: { roundId: string; orgId: string } }) => [req.params.roundId, req.params.orgId] as const;

export const handler = createAreaHandler(ATTACHMENTS_ROUTES, {
  requestUpload: async (req) => ({
    status: 201,
    body: await requestUpload(getDeps(), req.identity, ...ids(req), req.body),
  }),
  completeUpload: async (req) => withEtag(await completeUpload(getDeps(), req.identity, ...ids(req), req.params.attachmentId, req.ifMatch)),
  deleteAttachment: async (req) => withEtag(await deleteAttachment(getDeps(), req.identity, ...ids(req), req.params.attachmentId, req.ifMatch)),
  listAttachments: async (req) => ({ body: { items: await listAttachments(getDeps(), req.identity, ...ids(req)) } }),
  downloadAttachment: async (req) => ({
    status: 302,
    headers: { location: await attachmentUrl(getDeps(), req.identity, ...ids(req), req.params.attachmentId) },
  }),
}, { idempotency: idempotent });
