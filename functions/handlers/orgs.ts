// The organisation registry, read on a date (who the respondents are, before and after 2027),
// each organisation's contact addresses, and SST's notification settings.
import { createAreaHandler } from '#http/area';
import { ORGS_ROUTES } from '#functions/routes/orgs';
import { organisationsAt } from '#core/registry';
import { danishDate } from '#core/danish-time';
import { ulid } from 'ulid';
import { getDocumentClient, requiredEnv } from '#store/clients';
import { DynamoContactStore } from '#store/contact-store';
import type { ScheduleDeps } from '#core/schedule-ports';

// Contacts need one store; building only that keeps the S3 client out of this function.
let deps: Pick<ScheduleDeps, 'contacts' | 'clock' | 'newId'> | undefined;
const getScheduleDeps = () =>
  (deps ??= { contacts: new DynamoContactStore(getDocumentClient(), requiredEnv('TABLE_NAME')), clock: { now: () => new Date() }, newId: ulid });
import { getContacts, getNotificationSettings, putContacts, putNotificationSettings } from '#core/contacts';

export const handler = createAreaHandler(ORGS_ROUTES, {
  listOrganisations: async ({ query }) => {
    const at = query.at ?? danishDate(new Date());
    return { body: { items: organisationsAt(at, query.kind) } };
  },
  getContacts: async ({ identity, params }) => ({ body: await getContacts(getScheduleDeps(), identity, params.orgId) }),
  putContacts: async ({ identity, params, body }) => ({
    body: await putContacts(getScheduleDeps(), identity, params.orgId, body.emails),
  }),
  getNotificationSettings: async () => ({ body: await getNotificationSettings(getScheduleDeps()) }),
  putNotificationSettings: async ({ identity, body }) => ({
    body: await putNotificationSettings(getScheduleDeps(), identity, body),
  }),
});
