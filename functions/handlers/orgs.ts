// The organisation registry, read on a date: who the respondents are, before and after 2027.
import { createAreaHandler } from '#http/area';
import { organisationsAt, type OrgKind } from '#core/registry';
import { danishDate } from '#core/danish-time';

export const handler = createAreaHandler('orgs', {
  listOrganisations: async ({ query }) => {
    const at = (query['at'] as string | undefined) ?? danishDate(new Date());
    return { body: { items: organisationsAt(at, query['kind'] as OrgKind | undefined) } };
  },
});
