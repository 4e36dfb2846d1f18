// One organisation's report in a round: read, save drafts, submit, reopen, review, revisions.
import { idempotent } from '#http/idempotency';
import { createAreaHandler, type ApiRequest } from '#http/area';
import { SUBMISSIONS_ROUTES } from '#functions/routes/submissions';
import { withEtag } from '#http/with-etag';
import { getDeps } from '#functions/composition';
import * as submissions from '#core/submissions-service';
import type { JsonObject } from '#schemas/api';

const ids = (req: ApiRequest) => [req.params['roundId'] as string, req.params['orgId'] as string] as const;


export const handler = createAreaHandler(SUBMISSIONS_ROUTES, {
  getSubmission: async (req) => withEtag(await submissions.getSubmission(getDeps(), req.identity!, ...ids(req))),
  saveDraft: async (req) =>
    withEtag(
      await submissions.saveDraft(getDeps(), req.identity!, ...ids(req), (req.body as { answers: JsonObject }).answers, req.ifMatch),
    ),
  submit: async (req) => withEtag(await submissions.submit(getDeps(), req.identity!, ...ids(req), req.ifMatch)),
  reopen: async (req) =>
    withEtag(await submissions.reopen(getDeps(), req.identity!, ...ids(req), req.ifMatch, (req.body as { reason?: string }).reason)),
  returnSubmission: async (req) =>
    withEtag(
      await submissions.review(getDeps(), req.identity!, ...ids(req), 'return', req.ifMatch, req.body as { comment: string; pointer?: string }),
    ),
  acceptSubmission: async (req) => withEtag(await submissions.review(getDeps(), req.identity!, ...ids(req), 'accept', req.ifMatch, undefined)),
  listRevisions: async (req) => ({ body: { items: await submissions.listRevisions(getDeps(), req.identity!, ...ids(req)) } }),
  diffRevisions: async (req) => ({
    body: await submissions.diffRevisions(getDeps(), req.identity!, ...ids(req), req.params['revision'] as number, req.params['other'] as number),
  }),
  prefill: async (req) => {
    const result = await submissions.prefill(getDeps(), req.identity!, ...ids(req));
    return { ...withEtag(result.submission), status: 201, body: result };
  },
  getRevision: async (req) => ({
    body: await submissions.getRevision(getDeps(), req.identity!, ...ids(req), req.params['revision'] as number),
  }),
}, { idempotency: idempotent });
