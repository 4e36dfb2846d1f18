// Forms: list, read, and publish new immutable versions (SST administrators), as JSON Schema or
// as a form workbook (.xlsx). The workbook code (exceljs) is imported on the first request that
// sends or asks for a sheet, so the JSON requests' cold start never evaluates it.
import { idempotent } from '#http/idempotency';
import { createAreaHandler, UploadedFile } from '#http/area';
import { FORMS_ROUTES } from '#functions/routes/forms';
import { getDeps } from '#functions/composition';
import { Problem } from '#core/problems';
import { SheetError, type FormSheet } from '#core/form-sheet';
import { getFormDetail, getVersionOr404, previewFormVersion, versionSheet, publishFormVersion, sheetProblem, type PublishInput, type SheetInput } from '#core/forms-service';

const sheetCode = () => import('#functions/formats/form-sheet-xlsx');

/** The body as publishing takes it: JSON as it is, a workbook read into its sheets. */
async function inputOf(body: PublishInput | UploadedFile): Promise<PublishInput | SheetInput> {
  if (!(body instanceof UploadedFile)) return body;
  const { readFormWorkbook, UnreadableWorkbook } = await sheetCode();
  let sheet: Partial<FormSheet>;
  try {
    sheet = await readFormWorkbook(body.bytes);
  } catch (err) {
    if (err instanceof UnreadableWorkbook) throw new Problem('invalid-form-sheet', err.message);
    if (err instanceof SheetError) throw sheetProblem(err.problems);
    throw err;
  }
  return { sheet };
}

export const handler = createAreaHandler(FORMS_ROUTES, {
  listForms: async () => ({ body: { items: await getDeps().forms.listForms() } }),
  getForm: async ({ params }) => ({ body: await getFormDetail(getDeps(), params.formId) }),
  getFormVersion: async ({ params, query }) => {
    if (query.format !== 'xlsx') return { body: await getVersionOr404(getDeps(), params.formId, params.version) };
    const sheet = await versionSheet(getDeps(), params.formId, params.version);
    const { writeFormWorkbook, XLSX_TYPE } = await sheetCode();
    const bytes = await writeFormWorkbook(sheet);
    return {
      raw: { body: bytes.toString('base64'), contentType: XLSX_TYPE, base64: true },
      headers: { 'content-disposition': `attachment; filename="${params.formId}-v${params.version}.xlsx"` },
    };
  },
  publishFormVersion: async ({ identity, params, body }) => {
    const { formId } = params;
    const version = await publishFormVersion(getDeps(), identity, formId, await inputOf(body));
    return { status: 201, body: version, headers: { location: `/forms/${formId}/versions/${version.version}` } };
  },
  previewFormVersion: async ({ params, body }) => ({ body: await previewFormVersion(getDeps(), params.formId, await inputOf(body)) }),
}, { idempotency: idempotent });
