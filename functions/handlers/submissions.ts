// One organisation's report in a round: read, save drafts, submit, reopen, review, revisions,
// restore, print. Each operation gets its route's typed parameters and body.
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { SUBMISSIONS_ROUTES } from '#functions/routes/submissions';
import { withEtag } from '#http/with-etag';
import { printPage } from '#http/print-page';
import { getDeps } from '#functions/composition';
import * as submissions from '#core/submissions-service';

const ids = (req: { params: { roundId: string; orgId: string } }) => [req.params.roundId, req.params.orgId] as const;

export const handler = createAreaHandler(SUBMISSIONS_ROUTES, {
  getSubmission: async (req) => withEtag(await submissions.getSubmission(getDeps(), req.identity, ...ids(req))),
  saveDraft: async (req) =>
    withEtag(await submissions.saveDraft(getDeps(), req.identity, ...ids(req), req.body.answers, req.ifMatch, req.ifNoneMatch)),
  submit: async (req) => withEtag(await submissions.submit(getDeps(), req.identity, ...ids(req), req.ifMatch)),
  reopen: async (req) => withEtag(await submissions.reopen(getDeps(), req.identity, ...ids(req), req.ifMatch, req.body.reason)),
  returnSubmission: async (req) => withEtag(await submissions.review(getDeps(), req.identity, ...ids(req), 'return', req.ifMatch, req.body)),
  acceptSubmission: async (req) => withEtag(await submissions.review(getDeps(), req.identity, ...ids(req), 'accept', req.ifMatch, undefined)),
  listContributions: async (req) => ({ body: await submissions.listContributions(getDeps(), req.identity, req.params.roundId) }),
  composeSubmission: async (req) => withEtag(await submissions.compose(getDeps(), req.identity, ...ids(req), req.ifMatch)),
  listRevisions: async (req) => ({ body: { items: await submissions.listRevisions(getDeps(), req.identity, ...ids(req)) } }),
  diffRevisions: async (req) => ({
    body: await submissions.diffRevisions(getDeps(), req.identity, ...ids(req), req.params.revision, req.params.other),
  }),
  prefill: async (req) => {
    const result = await submissions.prefill(getDeps(), req.identity, ...ids(req), req.ifMatch, req.body.from);
    return { ...withEtag(result.submission), status: 201, body: result };
  },
  getRevision: async (req) => ({ body: await submissions.getRevision(getDeps(), req.identity, ...ids(req), req.params.revision) }),
  restoreRevision: async (req) =>
    withEtag(await submissions.restoreRevision(getDeps(), req.identity, ...ids(req), req.params.revision, req.ifMatch)),
  printSubmission: async (req) => printPage(await submissions.printSubmission(getDeps(), req.identity, ...ids(req))),
}, { idempotency: idempotent });
