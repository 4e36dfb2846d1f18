// Forms: list, read, and publish new immutable versions (SST administrators).
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { FORMS_ROUTES } from '#functions/routes/forms';
import { getDeps } from '#functions/composition';
import { getFormDetail, getVersionOr404, publishFormVersion, type PublishInput } from '#core/forms-service';

export const handler = createAreaHandler(FORMS_ROUTES, {
  listForms: async () => ({ body: { items: await getDeps().forms.listForms() } }),
  getForm: async ({ params }) => ({ body: await getFormDetail(getDeps(), params['formId'] as string) }),
  getFormVersion: async ({ params }) => ({
    body: await getVersionOr404(getDeps(), params['formId'] as string, params['version'] as number),
  }),
  publishFormVersion: async ({ identity, params, body }) => {
    const formId = params['formId'] as string;
    const version = await publishFormVersion(getDeps(), identity!, formId, body as PublishInput);
    return { status: 201, body: version, headers: { location: `/forms/${formId}/versions/${version.version}` } };
  },
}, { idempotency: idempotent });
