// Forms: list, read, and publish new immutable versions (SST administrators).
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { FORMS_ROUTES } from '#functions/routes/forms';
import { getDeps } from '#functions/composition';
import { getFormDetail, getVersionOr404, publishFormVersion } from '#core/forms-service';

export const handler = createAreaHandler(FORMS_ROUTES, {
  listForms: async () => ({ body: { items: await getDeps().forms.listForms() } }),
  getForm: async ({ params }) => ({ body: await getFormDetail(getDeps(), params.formId) }),
  getFormVersion: async ({ params }) => ({
    body: await getVersionOr404(getDeps(), params.formId, params.version),
  }),
  publishFormVersion: async ({ identity, params, body }) => {
    const { formId } = params;
    const version = await publishFormVersion(getDeps(), identity, formId, body);
    return { status: 201, body: version, headers: { location: `/forms/${formId}/versions/${version.version}` } };
  },
}, { idempotency: idempotent });
