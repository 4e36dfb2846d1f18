// Authoring a form's next version from a spreadsheet (SST administrators): download the current
// version as a workbook, upload the edited one, and before anything is published see its
// mistakes by sheet, row and column, or the form exactly as reporters will see it (the report
// page's own renderer and validation), the fields added, removed or retyped with what that means
// for carrying last year's answers forward, and what happens to the form's rounds. Then publish
// the very workbook that was checked.
import { useEffect, useRef, useState } from 'react';
import { fieldWarnings, validateAnswers } from '#core/form-validation';
import { ApiError, describe, download, get, upload } from '../api.ts';
import { formatDateTime, type StringKey } from '../i18n.ts';
import { t, type FormsKey } from '../i18n-forms.ts';
import { href } from '../router.ts';
import type { FieldChange, FieldError, FormVersion, FormVersionPreview, JsonObject } from '../types.ts';
import { ConfirmDialog, LoadError, Loading, Notice, PageTitle, TableScroll, useLoad } from '../components/common.tsx';
import { ErrorSummary, ReportForm, errorCount } from '../components/form-parts.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface FormDetail {
  formId: string;
  title: string;
  latestVersion: number;
  schema: JsonObject;
}

type Check =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string }
  | { kind: 'sheet-errors'; name: string; messages: string[] }
  | { kind: 'failed'; name: string; message: string }
  | { kind: 'ok'; name: string; bytes: ArrayBuffer; preview: FormVersionPreview; key: string };

type Node = Record<string, unknown>;

/** A field's Danish title path from a schema-field pointer (`*` for any list item). */
function fieldTitle(schema: Node, pointer: string): string {
  const titles: string[] = [];
  let node: Node | undefined = schema;
  for (const seg of pointer.split('/').slice(1)) {
    if (!node) break;
    if (seg === '*') {
      node = node['items'] as Node | undefined;
      if (node?.['title']) titles.push(String(node['title']));
      continue;
    }
    node = (node['properties'] as Record<string, Node> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    titles.push(String(node?.['title'] ?? seg));
  }
  return titles.join(' › ');
}

const typeName = (type: string | undefined) => (type ? t(`type_${type}` as StringKey | FormsKey) || type : '');

function changeText(c: FieldChange): string {
  if (c.change === 'added') return t('fieldChange_added', typeName(c.to));
  if (c.change === 'removed') return t('fieldChange_removed', typeName(c.from));
  return t('fieldChange_type-changed', typeName(c.from), typeName(c.to));
}

let previews = 0;

export function FormAuthoringPage({ formId }: { formId: string }) {
  const load = useLoad(async () => {
    const form = (await get<FormDetail>(`/forms/${encodeURIComponent(formId)}`)).body;
    const current = (await get<FormVersion>(`/forms/${encodeURIComponent(formId)}/versions/${form.latestVersion}`)).body;
    return { form, current };
  }, [formId]);
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const [answers, setAnswers] = useState<JsonObject>({});
  const [submitErrors, setSubmitErrors] = useState<FieldError[] | undefined>(undefined);
  const [confirm, setConfirm] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<number | undefined>(undefined);
  const [publishError, setPublishError] = useState<string | undefined>(undefined);
  const errorBox = useRef<HTMLDivElement>(null);
  const checkedBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (check.kind === 'sheet-errors' || check.kind === 'failed') errorBox.current?.focus();
    if (check.kind === 'ok') checkedBox.current?.focus();
  }, [check]);

  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} page back={{ href: href.forms(), label: t('navForms') }} />;
  if (!load.data) return <Loading />;
  const { form, current } = load.data;
  const title = t('authorTitle', form.title);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared, so choosing the same (corrected) file again is a new choice.
    input.value = '';
    if (!file) return;
    setPublished(undefined);
    setPublishError(undefined);
    setSubmitErrors(undefined);
    setCheck({ kind: 'checking', name: file.name });
    const bytes = await file.arrayBuffer();
    try {
      const res = await upload<FormVersionPreview>('POST', `/forms/${encodeURIComponent(formId)}/preview`, { bytes, type: XLSX });
      setAnswers({});
      setCheck({ kind: 'ok', name: file.name, bytes, preview: res.body, key: `preview:${formId}:${++previews}` });
    } catch (err) {
      const errors = err instanceof ApiError && err.code === 'invalid-form-sheet' ? (err.problem.errors ?? []).map((e) => e.message) : [];
      if (errors.length > 0) setCheck({ kind: 'sheet-errors', name: file.name, messages: errors });
      else setCheck({ kind: 'failed', name: file.name, message: describe(err) });
    }
  };

  const publish = async () => {
    if (check.kind !== 'ok') return;
    setConfirm(false);
    setPublishing(true);
    setPublishError(undefined);
    try {
      const res = await upload<FormVersion>('POST', `/forms/${encodeURIComponent(formId)}/versions`, { bytes: check.bytes, type: XLSX });
      setPublished(res.body.version);
      setCheck({ kind: 'idle' });
      load.reload();
    } catch (err) {
      setPublishError(describe(err));
    } finally {
      setPublishing(false);
    }
  };

  const preview = check.kind === 'ok' ? check.preview : undefined;
  const warnings = preview && check.kind === 'ok' ? fieldWarnings(check.key, preview.schema, answers) : [];
  const shownErrors = submitErrors ?? warnings;

  return (
    <>
      <p className="small">
        <a href={href.forms()}>{t('authorBackToForms')}</a>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {published !== undefined && (
        <Notice kind="success" role="status">
          <p>{t('authorPublished', published)}</p>
        </Notice>
      )}

      <section aria-labelledby="author-current">
        <h2 id="author-current">{t('authorCurrent')}</h2>
        <p>{t('authorCurrentText', current.version, formatDateTime(current.publishedAt), current.publishedBy)}</p>
        <button type="button" className="btn btn-secondary" onClick={() => void download(`/forms/${encodeURIComponent(formId)}/versions/${current.version}?format=xlsx`, `${formId}-v${current.version}.xlsx`)}>
          {t('authorDownload', current.version)}
        </button>
      </section>

      <section aria-labelledby="author-upload">
        <h2 id="author-upload">{t('authorUploadTitle')}</h2>
        <div className="field">
          <label htmlFor="author-file">{t('authorFile')}</label>
          <p className="muted small" id="author-file-hint">
            {t('authorUploadHint')}
          </p>
          <input id="author-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="author-file-hint" onChange={(e) => void onFile(e.currentTarget)} />
        </div>
        {check.kind === 'checking' && (
          <p role="status" className="loading">
            {t('authorChecking')}
          </p>
        )}
        {check.kind === 'sheet-errors' && (
          <div className="error-summary" role="alert" tabIndex={-1} ref={errorBox} aria-labelledby="sheet-errors-title">
            <h3 id="sheet-errors-title">{check.messages.length === 1 ? t('authorSheetErrorsOne') : t('authorSheetErrorsMany', check.messages.length)}</h3>
            <p>{t('authorSheetErrorsHelp')}</p>
            <ul>
              {check.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        {check.kind === 'failed' && (
          <div role="alert" tabIndex={-1} ref={errorBox}>
            <Notice kind="error">
              <p>{check.message}</p>
            </Notice>
          </div>
        )}
      </section>

      {preview?.unchanged && check.kind === 'ok' && (
        <div tabIndex={-1} ref={checkedBox}>
          <Notice kind="info" role="status">
            <h2 id="author-unchanged">{t('authorUnchangedTitle', preview.currentVersion ?? 0)}</h2>
            <p>{t('authorUnchanged', check.name, preview.currentVersion ?? 0)}</p>
          </Notice>
        </div>
      )}

      {preview && !preview.unchanged && check.kind === 'ok' && (
        <>
          <div tabIndex={-1} ref={checkedBox}>
            <Notice kind="success" role="status">
              <p>{t('authorChecked', check.name, preview.version)}</p>
            </Notice>
          </div>

          <section aria-labelledby="author-changes">
            <h2 id="author-changes">{preview.currentVersion ? t('authorChangesTitle', preview.currentVersion) : t('authorNewForm')}</h2>
            {preview.currentVersion !== undefined && preview.changes.length === 0 && <p>{t('authorNoChanges')}</p>}
            {preview.changes.length > 0 && (
              <TableScroll label={t('authorChangesTitle', preview.currentVersion ?? 0)}>
                <table className="table table-stack">
                  <thead>
                    <tr>
                      <th scope="col">{t('colField')}</th>
                      <th scope="col">{t('colChange')}</th>
                      <th scope="col">{t('colCarryForward')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.changes.map((c) => (
                      <tr key={c.pointer}>
                        <th scope="row">
                          {fieldTitle(c.change === 'removed' ? form.schema : preview.schema, c.pointer)}
                          <p className="muted small">{c.pointer}</p>
                        </th>
                        <td data-label={t('colChange')}>{changeText(c)}</td>
                        <td data-label={t('colCarryForward')}>{t(`carry_${c.change}` as StringKey | FormsKey)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby="author-rounds">
            <h2 id="author-rounds">{t('authorRoundsTitle')}</h2>
            {preview.rounds.length === 0 ? (
              <p>{t('authorNoRounds')}</p>
            ) : (
              <ul>
                {preview.rounds.map((r) => (
                  <li key={r.roundId}>
                    {r.locked ? t('authorRoundLocked', r.title, r.formVersion) : r.phase === 'closed' ? t('authorRoundClosed', r.title, r.formVersion) : t('authorRoundMovable', r.title, r.formVersion)}
                  </li>
                ))}
              </ul>
            )}
            <p>{t('authorRoundsNew')}</p>
          </section>

          <section aria-labelledby="author-preview" className="author-preview">
            <h2 id="author-preview">{t('authorPreviewTitle')}</h2>
            <p className="muted">{t('authorPreviewHint')}</p>
            <div className="preview-frame">
              <p className="preview-title">{String(preview.schema['title'] ?? '')}</p>
              {typeof preview.schema['description'] === 'string' && <p className="muted">{preview.schema['description']}</p>}
              {submitErrors && submitErrors.length > 0 && <ErrorSummary schema={preview.schema} errors={submitErrors} title={errorCount(submitErrors.length)} />}
              {submitErrors && submitErrors.length === 0 && (
                <Notice kind="success" role="status">
                  <p>{t('authorCheckOk')}</p>
                </Notice>
              )}
              <ReportForm
                key={check.key}
                schema={preview.schema}
                formData={answers}
                errors={shownErrors}
                onChange={(data) => {
                  setAnswers(data);
                  setSubmitErrors(undefined);
                }}
              />
              <button type="button" className="btn btn-secondary" onClick={() => setSubmitErrors(validateAnswers(check.key, preview.schema, answers, 'full'))}>
                {t('authorCheckAnswers')}
              </button>
            </div>
          </section>

          <div className="form-actions-static">
            {publishError && (
              <Notice kind="error" role="alert">
                <p>{publishError}</p>
              </Notice>
            )}
            <button type="button" className="btn btn-primary" disabled={publishing} onClick={() => setConfirm(true)}>
              {publishing ? t('authorPublishing') : t('authorPublish', preview.version)}
            </button>
          </div>
          <ConfirmDialog open={confirm} title={t('authorPublishConfirmTitle', preview.version)} confirmLabel={t('authorPublish', preview.version)} onConfirm={() => void publish()} onCancel={() => setConfirm(false)}>
            <p>{t('authorPublishConfirm')}</p>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}
