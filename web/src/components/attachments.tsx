// A report's supporting documents: the list with download buttons for everyone who may read
// the report, and for the reporter of an editable report an upload in three steps: ask the API
// for a ticket, POST the file straight to storage with the ticket's fields, then confirm with
// the report's ETag (the confirmation adds a revision). The server's rules decide what is
// accepted; its Danish 422 detail is shown as it is.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, describe, download, get, request } from '../api.ts';
import { ATTACHMENT_TYPES, MAX_FILE_BYTES, MAX_FILES, MAX_REPORT_BYTES } from '#core/attachments';
import { formatBytes, formatDateTime, t } from '../i18n.ts';
import type { Submission } from '../types.ts';
import { ConfirmDialog, LoadError, Notice, TableScroll } from './common.tsx';

type Attachment = NonNullable<Submission['attachments']>[number];

interface UploadTicket {
  attachmentId: string;
  upload: { url: string; fields: Record<string, string> };
}

const BY_EXTENSION = Object.fromEntries(Object.entries(ATTACHMENT_TYPES).map(([type, ext]) => [ext, type]));
const ACCEPT = [...Object.values(ATTACHMENT_TYPES).map((ext) => `.${ext}`), ...Object.keys(ATTACHMENT_TYPES)].join(',');

/** The type the upload is declared with: by extension for the three allowed kinds, else what the browser says. */
const contentTypeOf = (file: File): string => BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? (file.type || 'application/octet-stream');

export interface AttachmentsProps {
  roundId: string;
  orgId: string;
  /** Uploading is offered only while the reporter may change the report. */
  editable: boolean;
  /** Changes when the report gets a new revision, so the list is fetched again. */
  version: number;
  /** Saves pending input first and gives the ETag to confirm with (reporter only). */
  beforeCommit?: () => Promise<string | undefined>;
  onCommitted?: (submission: Submission, etag: string | undefined) => void;
}

export function Attachments(props: AttachmentsProps) {
  const { roundId, orgId, editable } = props;
  const path = `/rounds/${encodeURIComponent(roundId)}/submissions/${encodeURIComponent(orgId)}/attachments`;
  const [items, setItems] = useState<Attachment[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [flash, setFlash] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const [deleting, setDeleting] = useState<Attachment | undefined>();

  useEffect(() => {
    let live = true;
    get<{ items: Attachment[] }>(path).then(
      (r) => live && setItems(r.body.items),
      (err: unknown) => live && setLoadError(describe(err)),
    );
    return () => {
      live = false;
    };
  }, [path, props.version]);

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    setFlash(undefined);
    const file = input.current?.files?.[0];
    if (!file) {
      setFlash({ kind: 'error', text: t('attachmentChooseFirst') });
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const ticket = (await request<UploadTicket>('POST', path, { body: { fileName: file.name, contentType: contentTypeOf(file), size: file.size } })).body;
      const form = new FormData();
      for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
      form.append('file', file, file.name); // storage reads the policy fields first: the file goes last
      let stored: Response;
      try {
        stored = await fetch(ticket.upload.url, { method: 'POST', body: form });
      } catch {
        throw new ApiError(0, { detail: t('errorNetwork') });
      }
      if (!stored.ok) throw new ApiError(stored.status, { detail: `HTTP ${stored.status}` });
      const etag = props.beforeCommit ? await props.beforeCommit() : undefined;
      const reply = await request<Submission>('POST', `${path}/${encodeURIComponent(ticket.attachmentId)}/complete`, { ifMatch: etag });
      setItems(reply.body.attachments ?? []);
      props.onCommitted?.(reply.body, reply.etag);
      setFlash({ kind: 'success', text: t('attachmentUploaded', file.name) });
      if (input.current) input.current.value = '';
    } catch (err) {
      setFlash({ kind: 'error', text: t('attachmentFailed', describe(err)) });
    } finally {
      setBusy(false);
    }
  };

  const fetchFile = async (a: Attachment) => {
    setFlash(undefined);
    try {
      // The API answers with a redirect to a short-lived storage link; fetch follows it (the
      // bearer token is not sent on to storage) and the file is saved from the blob.
      await download(`${path}/${encodeURIComponent(a.id)}`, a.fileName);
    } catch (err) {
      setFlash({ kind: 'error', text: t('downloadFailed', describe(err)) });
    }
  };

  // A wrongly uploaded file can be taken off a report that is still being worked on; the server
  // records it as a new version, and the file stays in the history.
  const remove = async (a: Attachment) => {
    setDeleting(undefined);
    setFlash(undefined);
    setBusy(true);
    try {
      const etag = props.beforeCommit ? await props.beforeCommit() : undefined;
      const reply = await request<Submission>('DELETE', `${path}/${encodeURIComponent(a.id)}`, { ifMatch: etag });
      setItems(reply.body.attachments ?? []);
      props.onCommitted?.(reply.body, reply.etag);
      setFlash({ kind: 'success', text: t('attachmentDeleted', a.fileName) });
      requestAnimationFrame(() => document.getElementById('attachments-title')?.focus());
    } catch (err) {
      setFlash({ kind: 'error', text: t('attachmentDeleteFailed', describe(err)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title" tabIndex={-1}>{t('attachmentsTitle')}</h2>
      {editable && <p>{t('attachmentsIntro')}</p>}
      {loadError && <LoadError message={loadError} />}
      {items && items.length === 0 && <p className="muted">{t('attachmentsNone')}</p>}
      {items && items.length > 0 && (
        <TableScroll label={t('attachmentsCaption')}>
        <table className="table">
          <caption className="sr-only">{t('attachmentsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colFileName')}</th>
              <th scope="col">{t('colSize')}</th>
              <th scope="col">{t('colUploaded')}</th>
              <th scope="col">{t('colWho')}</th>
              <th scope="col">{t('colRevision')}</th>
              {editable && <th scope="col">{t('colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-attachment={a.id}>
                <th scope="row">
                  <button type="button" className="btn btn-link" aria-label={t('attachmentDownload', a.fileName)} onClick={() => void fetchFile(a)}>
                    {a.fileName}
                  </button>
                  {/* Only where malware scanning is on: a file is offered once found clean. */}
                  {a.scan && a.scan !== 'clean' && (
                    <span className="muted"> ({t(a.scan === 'pending' ? 'attachmentScanPending' : 'attachmentScanBlocked')})</span>
                  )}
                </th>
                <td>{formatBytes(a.size)}</td>
                <td>{formatDateTime(a.uploadedAt)}</td>
                <td>{a.uploadedBy}</td>
                <td>{a.revision}</td>
                {editable && (
                  <td>
                    <button type="button" className="btn btn-link" aria-label={t('attachmentDeleteOf', a.fileName)} disabled={busy} onClick={() => setDeleting(a)}>
                      {t('attachmentDelete')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('attachmentDeleteTitle')}
        confirmLabel={t('attachmentDeleteYes')}
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => deleting && void remove(deleting)}
      >
        <p>{t('attachmentDeleteBody', deleting?.fileName ?? '')}</p>
      </ConfirmDialog>
      {flash && (
        <Notice kind={flash.kind} role={flash.kind === 'error' ? 'alert' : 'status'}>
          <p>{flash.text}</p>
        </Notice>
      )}
      {editable && (
        <form className="upload-form" onSubmit={(e) => void upload(e)} noValidate>
          <div className="form-group">
            <label htmlFor="attachment-file" className="control-label">
              {t('attachmentFile', formatBytes(MAX_FILE_BYTES))}
            </label>
            <p id="attachment-limits" className="help-block">
              {t('attachmentsLimits', formatBytes(MAX_FILE_BYTES), formatBytes(MAX_REPORT_BYTES), MAX_FILES)}
            </p>
            <input id="attachment-file" ref={input} type="file" className="form-control" accept={ACCEPT} aria-describedby="attachment-limits" disabled={busy} />
          </div>
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            {busy ? t('attachmentUploading') : t('attachmentUpload')}
          </button>
        </form>
      )}
    </section>
  );
}
