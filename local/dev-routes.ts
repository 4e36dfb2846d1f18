// Local-only operations behind the `/dev/*` routes of the route table (area 'dev'). They exist
// only on the local server: the CDK app never deploys a route whose area is 'dev'.
import type { OperationResult } from '#http/area';
import { Problem } from '#core/problems';
import type { DevAuth } from './dev-auth.ts';
import type { DevTokenRequest } from '#schemas/api';
import { JOBS, runJob } from './jobs.ts';

export interface DevRequest {
  /** Already checked against the route's body schema, as API routes are. */
  body: unknown;
  url: URL;
  devAuth: DevAuth;
}

export type DevOperation = (req: DevRequest) => Promise<OperationResult>;

/** operationId → implementation of every local-only route. */
export const devOperations: Record<string, DevOperation> = {
  // A signed development token for a role and organisation (the body is a DevTokenRequest).
  devToken: async ({ body, devAuth }) => ({ body: { token: await devAuth.sign(body as DevTokenRequest) } }),
  // The e-mails the local stack "sent": .eml files in OUTBOX_DIR, newest first.
  devOutbox: async () => {
    const { outboxDir } = await import('#functions/mail/from-env');
    const { readOutbox } = await import('#functions/mail/outbox-sender');
    return { body: { items: await readOutbox(outboxDir()) } };
  },
  // Runs a scheduled job now, with the clock at `?now=` when given.
  devRunJob: async ({ url }) => {
    const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    if (!(name in JOBS)) throw new Problem('not-found', `Jobbet "${name}" findes ikke. Kendte job: ${Object.keys(JOBS).join(', ')}.`);
    const now = url.searchParams.get('now') ?? undefined;
    if (now !== undefined && Number.isNaN(Date.parse(now))) {
      throw new Problem('invalid-parameter', 'now skal være et ISO-tidspunkt, fx 2026-03-29T08:00:00+02:00.', { parameter: 'now' });
    }
    const at = now ? new Date(now).toISOString() : new Date().toISOString();
    return { body: { job: name, now: at, result: await runJob(name, at) } };
  },
};
