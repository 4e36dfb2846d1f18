// The authorization matrix of a coordinated round: every route under /rounds/{roundId} × the
// callers of the two-level chain, generated from the route table at run time. Danske Regioner
// coordinates; the five regions contribute. Routes naming one organisation's report run twice:
// against a contribution (Region Hovedstaden's) and against the coordinator's own report.
//
// What the cells prove (issue 15): the coordinator reads and reviews the contributions of the
// round it coordinates, and writes none of them; contributors see nothing of each other's
// contributions or of the coordinator's draft; SST reads both levels and reviews only the
// coordinator's report; nobody writes another organisation's report. Refused cells get the exact
// status, a problem document, none of the other party's text, and leave storage as it was.
//
// The direct-round matrix (anonymous, machine, and every route outside a round) is
// authorization-matrix.test.ts; a route added under /rounds/{roundId} without its row here fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '../../local/seed.ts';
import { review, saveDraft, submit } from '#core/submissions-service';
import { sstIdentity } from '#core/identity';
import { respondentsAt } from '#core/registry';
import { addDanishDays } from '#core/danish-time';
import type { JsonObject, Round } from '#schemas/api';
import { expectProblem, fillPath, QUIET, reporterIdentity, routes, snapshot, startHardened, uploadToTicket, type Hardened, type Reply } from './support.ts';
import type { RouteSpec } from '#functions/routes';
import { contractChecker } from '../support/contract.ts';

const WHO = ['coordinator', 'own', 'fellow', 'outsider', 'reader', 'admin'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | 403 | 404;
type State = 'none' | 'draft' | 'submitted' | 'accepted';
/** Whose report the path names: a contribution, or the coordinator's own report to SST. */
type Target = 'contribution' | 'report';

const FORM = 'kraeftplan-v-regional';
const AT = '2026-03-31';
const DR = 'danske-regioner';
const REGIONS = respondentsAt(AT, 'region');
/** The contribution in the path (Region Hovedstaden), a fellow contributor, a municipality outside the round. */
const OWN = 'region-1084';
const FELLOW = REGIONS.find((r) => r !== OWN)!;
const OUTSIDER = 'kommune-101';
const CONTRIBUTION_MARKER = 'KOORD-MATRIX-BIDRAG-HOVEDSTADEN-7d2a';
const DRAFT_MARKER = 'KOORD-MATRIX-KLADDE-DANSKE-REGIONER-41f9';
const PDF = 'application/pdf';
const PDF_BYTES = Buffer.from('%PDF-1.7\n% koordineret matrix\n%%EOF\n');

const orgOf = (target: Target) => (target === 'contribution' ? OWN : DR);

interface Cell {
  who: Who;
  target: Target;
  round: Round;
  etag: string | undefined;
}
interface Request {
  values?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Row {
  expect: Record<Who, Outcome>;
  state?: State | ((who: Who) => State);
  request?: (cell: Cell) => Promise<Request> | Request;
}

const all6 = (o: Outcome): Record<Who, Outcome> => Object.fromEntries(WHO.map((w) => [w, o])) as Record<Who, Outcome>;

// A contribution (OWN's): its own reporters write it, the coordinator and SST read it, the
// coordinator reviews it; a fellow contributor is refused and an outsider does not see the round.
const C_READ: Record<Who, Outcome> = { coordinator: 'ok', own: 'ok', fellow: 403, outsider: 404, reader: 'ok', admin: 'ok' };
const C_WRITE: Record<Who, Outcome> = { coordinator: 403, own: 'ok', fellow: 403, outsider: 404, reader: 403, admin: 403 };
const C_REVIEW: Record<Who, Outcome> = { ...all6(403), coordinator: 'ok' };
// The coordinator's report: written by the coordinator, read by SST, reviewed by SST's administrators.
const R_READ: Record<Who, Outcome> = { coordinator: 'ok', own: 403, fellow: 403, outsider: 404, reader: 'ok', admin: 'ok' };
const R_WRITE: Record<Who, Outcome> = { coordinator: 'ok', own: 403, fellow: 403, outsider: 404, reader: 403, admin: 403 };
const R_REVIEW: Record<Who, Outcome> = { ...all6(403), admin: 'ok' };
// Round-wide routes.
const ROUND_READ: Record<Who, Outcome> = { ...all6('ok'), outsider: 404 };
const SST_ONLY: Record<Who, Outcome> = { ...all6(403), reader: 'ok', admin: 'ok' };
const ADMIN_ONLY: Record<Who, Outcome> = { ...all6(403), admin: 'ok' };

const both = (contribution: Row, report: Row) => ({ contribution, report });

const MATRIX: Record<string, { contribution?: Row; report?: Row; round?: Row }> = {
  getRound: { round: { expect: ROUND_READ } },
  switchFormVersion: { round: { expect: ADMIN_ONLY, state: 'none', request: () => ({ body: { version: 1 } }) } },
  listContributions: { round: { expect: { ...ROUND_READ, own: 403, fellow: 403 } } },
  getRoundSummary: { round: { expect: SST_ONLY } },
  getRoundStatus: { round: { expect: SST_ONLY } },
  setReminderPolicy: { round: { expect: ADMIN_ONLY, request: () => ({ body: QUIET.reminderPolicy }) } },
  listReminders: { round: { expect: SST_ONLY } },
  // A coordinated round of its own that has not opened: only then can it be changed.
  updateRound: {
    round: {
      expect: ADMIN_ONLY,
      request: async () => {
        const now = new Date();
        const scheduled = await coordinatedRound({ opensAt: addDanishDays(now, 5).toISOString(), deadline: addDanishDays(now, 40).toISOString() });
        const body = { period: '2026', opensAt: addDanishDays(now, 6).toISOString(), deadline: addDanishDays(now, 41).toISOString(), respondentsAt: AT, mode: 'coordinated', coordinator: DR };
        return { values: { roundId: scheduled.roundId }, body };
      },
    },
  },
  // A reminder now, to a contributor and to the coordinator's own report.
  remindNow: { round: { expect: ADMIN_ONLY, request: () => ({ body: { orgIds: [OWN, DR] } }) } },
  listExtensions: { round: { expect: ROUND_READ } },
  getSubmission: both({ expect: C_READ }, { expect: R_READ }),
  saveDraft: both(
    { expect: C_WRITE, state: 'draft', request: () => ({ body: { answers: exampleAnswers(FORM) } }) },
    { expect: R_WRITE, state: 'draft', request: () => ({ body: { answers: exampleAnswers(FORM) } }) },
  ),
  submit: both({ expect: C_WRITE, state: 'draft' }, { expect: R_WRITE, state: 'draft' }),
  reopen: both(
    // A contributor reopens its submitted contribution; the coordinator reopens one it accepted.
    { expect: { ...C_WRITE, coordinator: 'ok' }, state: (who) => (who === 'coordinator' || who === 'admin' ? 'accepted' : 'submitted'), request: () => ({ body: { reason: 'Matrix' } }) },
    // The coordinator reopens its submitted report; SST's administrators reopen it once accepted.
    { expect: { ...R_WRITE, admin: 'ok' }, state: (who) => (who === 'admin' ? 'accepted' : 'submitted'), request: () => ({ body: { reason: 'Matrix' } }) },
  ),
  returnSubmission: both(
    { expect: C_REVIEW, state: 'submitted', request: () => ({ body: { comment: 'Matrix' } }) },
    { expect: R_REVIEW, state: 'submitted', request: () => ({ body: { comment: 'Matrix' } }) },
  ),
  acceptSubmission: both({ expect: C_REVIEW, state: 'submitted' }, { expect: R_REVIEW, state: 'submitted' }),
  // Composing is the coordinator's, into its own report only.
  composeSubmission: both({ expect: { ...C_WRITE, own: 403 }, state: 'draft' }, { expect: R_WRITE, state: 'draft' }),
  listRevisions: both({ expect: C_READ }, { expect: R_READ }),
  getRevision: both({ expect: C_READ }, { expect: R_READ }),
  diffRevisions: both({ expect: C_READ }, { expect: R_READ }),
  prefill: both({ expect: C_WRITE, state: 'none' }, { expect: R_WRITE, state: 'none' }),
  restoreRevision: both({ expect: C_WRITE, state: 'draft' }, { expect: R_WRITE, state: 'draft' }),
  printSubmission: both({ expect: C_READ }, { expect: R_READ }),
  submissionHistory: both({ expect: C_READ }, { expect: R_READ }),
  requestUpload: both(
    { expect: C_WRITE, state: 'draft', request: () => ({ body: { fileName: 'matrix.pdf', contentType: PDF, size: PDF_BYTES.length } }) },
    { expect: R_WRITE, state: 'draft', request: () => ({ body: { fileName: 'matrix.pdf', contentType: PDF, size: PDF_BYTES.length } }) },
  ),
  completeUpload: both(
    { expect: C_WRITE, state: 'draft', request: async (cell) => ({ values: { attachmentId: await uploaded(cell.round.roundId, OWN) } }) },
    { expect: R_WRITE, state: 'draft', request: async (cell) => ({ values: { attachmentId: await uploaded(cell.round.roundId, DR) } }) },
  ),
  deleteAttachment: both(
    { expect: C_WRITE, state: 'draft', request: (cell) => confirmedAttachment(cell, OWN) },
    { expect: R_WRITE, state: 'draft', request: (cell) => confirmedAttachment(cell, DR) },
  ),
  listAttachments: both({ expect: C_READ }, { expect: R_READ }),
  downloadAttachment: both(
    { expect: C_READ, request: () => ({ values: { attachmentId: readAttachment[OWN]! } }) },
    { expect: R_READ, request: () => ({ values: { attachmentId: readAttachment[DR]! } }) },
  ),
  // SST takes an extension away at either level (granted first, so there is one to revoke).
  revokeExtension: both(
    { expect: ADMIN_ONLY, request: (cell) => grantedFirst(cell, OWN) },
    { expect: ADMIN_ONLY, request: (cell) => grantedFirst(cell, DR) },
  ),
  // SST grants later deadlines to either level: a contribution, or the coordinator's report.
  grantExtension: both(
    { expect: ADMIN_ONLY, request: () => ({ body: { deadline: addDanishDays(new Date(), 45).toISOString().slice(0, 10), reason: 'Matrix' } }) },
    { expect: ADMIN_ONLY, request: () => ({ body: { deadline: addDanishDays(new Date(), 45).toISOString().slice(0, 10), reason: 'Matrix' } }) },
  ),
};

let api: Hardened;
let previous: Round;
let readRound: Round;
const readEtag: Partial<Record<string, string>> = {};
const readAttachment: Partial<Record<string, string>> = {};
const tokens: Partial<Record<Who, string>> = {};
const admin = sstIdentity('coordinator-matrix', 'sst-admin', 'Matrix administrator');
const coordinatorIdentity = reporterIdentity(DR);

const coordinatedRound = (overrides: Record<string, unknown> = {}) =>
  api.round(FORM, { mode: 'coordinated', coordinator: DR, respondentsAt: AT, ...QUIET, ...overrides });

function answersOf(orgId: string): JsonObject {
  const answers = exampleAnswers(FORM);
  const items = answers['initiativer'] as Record<string, unknown>[];
  items[0]!['beskrivelse'] = orgId === DR ? DRAFT_MARKER : `${CONTRIBUTION_MARKER} (${orgId})`;
  return answers;
}

/** Brings `orgId`'s report in `round` to `state` through the core; returns its quoted ETag. */
async function arrange(round: Round, orgId: string, state: State): Promise<string | undefined> {
  if (state === 'none') return undefined;
  const me = reporterIdentity(orgId);
  let s = await saveDraft(api.deps, me, round.roundId, orgId, answersOf(orgId), undefined);
  if (state !== 'draft') s = await submit(api.deps, me, round.roundId, orgId, s.etag);
  if (state === 'accepted') s = await review(api.deps, orgId === DR ? admin : coordinatorIdentity, round.roundId, orgId, 'accept', undefined, undefined);
  return s.etag;
}

const uploaded = (roundId: string, orgId: string): Promise<string> => uploadToTicket(api, roundId, orgId, PDF_BYTES);

async function confirm(roundId: string, orgId: string, attachmentId: string, etag: string): Promise<Reply> {
  const done = await api.call('POST', `/rounds/${roundId}/submissions/${orgId}/attachments/${attachmentId}/complete`, {
    token: await api.token('reporter', orgId),
    headers: { 'if-match': etag },
  });
  expect(done.status, done.text).toBe(200);
  return done;
}

async function confirmedAttachment(cell: Cell, orgId: string): Promise<Request> {
  const attachmentId = await uploaded(cell.round.roundId, orgId);
  const done = await confirm(cell.round.roundId, orgId, attachmentId, cell.etag!);
  return { values: { attachmentId }, headers: { 'if-match': done.headers.get('etag')! } };
}

async function grantedFirst(cell: Cell, orgId: string): Promise<Request> {
  const granted = await api.call('PUT', `/rounds/${cell.round.roundId}/extensions/${orgId}`, {
    token: await api.token('sst-admin'),
    body: { deadline: addDanishDays(new Date(), 45).toISOString().slice(0, 10), reason: 'Matrix' },
  });
  expect(granted.status, granted.text).toBe(200);
  return { body: { reason: 'Matrix' } };
}

function tokenOf(who: Who): Promise<string> {
  switch (who) {
    case 'coordinator':
      return api.token('reporter', DR);
    case 'own':
      return api.token('reporter', OWN);
    case 'fellow':
      return api.token('reporter', FELLOW);
    case 'outsider':
      return api.token('reporter', OUTSIDER);
    case 'reader':
      return api.token('sst-reader');
    case 'admin':
      return api.token('sst-admin');
  }
}

beforeAll(async () => {
  api = await startHardened();
  for (const who of WHO) tokens[who] = await tokenOf(who);
  // An earlier coordinated round with both levels accepted, so prefill has a start at each level.
  const now = new Date();
  previous = await coordinatedRound({ deadline: addDanishDays(now, 10).toISOString() });
  await arrange(previous, OWN, 'accepted');
  await arrange(previous, DR, 'accepted');
  // The round every read cell uses: the contribution submitted to the coordinator, the
  // coordinator's report a draft (which contributors must never see), each with a file.
  readRound = await coordinatedRound();
  for (const [orgId, state] of [[OWN, 'submitted'], [DR, 'draft']] as const) {
    const drafted = await arrange(readRound, orgId, 'draft');
    readAttachment[orgId] = await uploaded(readRound.roundId, orgId);
    const done = await confirm(readRound.roundId, orgId, readAttachment[orgId]!, drafted!);
    readEtag[orgId] = state === 'submitted' ? (await submit(api.deps, reporterIdentity(orgId), readRound.roundId, orgId, done.body.etag)).etag : done.body.etag;
  }
}, 90_000);
afterAll(() => api?.stop());

const inRound = (r: RouteSpec) => r.path.startsWith('/rounds/{roundId}');
const namesReport = (r: RouteSpec) => r.path.includes('{orgId}');
const scope = routes().filter(inRound);

async function run(route: RouteSpec, row: Row, who: Who, target: Target | undefined) {
  const orgId = target ? orgOf(target) : OWN;
  const state = typeof row.state === 'function' ? row.state(who) : row.state;
  let round = readRound;
  let etag = target ? readEtag[orgId] : undefined;
  if (route.method !== 'GET') {
    round = await coordinatedRound();
    etag = await arrange(round, orgId, state ?? 'none');
    // The coordinator composes from what it has received: one contribution, submitted.
    if (route.operationId === 'composeSubmission') await arrange(round, FELLOW, 'submitted');
  }
  const req = (await row.request?.({ who, target: target ?? 'contribution', round, etag })) ?? {};
  const values = { roundId: round.roundId, orgId, version: '1', revision: '1', other: '1', ...req.values };
  const before = route.method !== 'GET' ? await snapshot([round.roundId]) : undefined;
  const res = await api.call(route.method, fillPath(route, values), {
    token: tokens[who],
    headers: { ...(etag ? { 'if-match': etag } : {}), ...req.headers },
    redirect: 'manual',
    ...(req.body !== undefined ? { body: req.body } : {}),
  });
  const after = route.method !== 'GET' && res.status >= 400 ? await snapshot([round.roundId]) : undefined;
  return { res, before, after };
}

const contract = contractChecker();

describe('the authorization matrix of a coordinated round', () => {
  it('has a row for every route under /rounds/{roundId}, with both targets where the route names a report', () => {
    const missing = scope.filter((r) => {
      const row = MATRIX[r.operationId];
      return !row || (namesReport(r) ? !row.contribution || !row.report : !row.round);
    });
    expect(missing.map((r) => r.operationId), 'add its row to MATRIX in test/hardening/coordinator-matrix.test.ts').toEqual([]);
    expect(Object.keys(MATRIX).filter((id) => !scope.some((r) => r.operationId === id))).toEqual([]);
  });

  it('arranges what it says: the coordinator reads the contribution and a contributor is refused the coordinator draft', async () => {
    const c = await api.call('GET', `/rounds/${readRound.roundId}/submissions/${OWN}`, { token: tokens.coordinator });
    expect(c.text).toContain(CONTRIBUTION_MARKER);
    const d = await api.call('GET', `/rounds/${readRound.roundId}/submissions/${DR}`, { token: tokens.admin });
    expect(d.text).toContain(DRAFT_MARKER);
  });

  for (const route of scope) {
    const targets: (Target | undefined)[] = namesReport(route) ? ['contribution', 'report'] : [undefined];
    for (const target of targets) {
      describe(`${route.method} ${route.path} (${route.operationId}${target ? `, ${target === 'contribution' ? 'a contribution' : "the coordinator's report"}` : ''})`, () => {
        for (const who of WHO) {
          const row = MATRIX[route.operationId]?.[target ?? 'round'];
          const expected = row?.expect[who];
          it(`${who}: ${expected === 'ok' ? 'allowed' : `refused with ${expected ?? '?'}`}`, async () => {
            expect(row, 'add its row to MATRIX in test/hardening/coordinator-matrix.test.ts').toBeDefined();
            const { res, before, after } = await run(route, row!, who, target);
            if (!route.localOnly) contract.check(route, res);
            if (expected === 'ok') {
              expect(res.status, res.text.slice(0, 400)).toBeGreaterThanOrEqual(200);
              expect(res.status, res.text.slice(0, 400)).toBeLessThan(400);
              // Even an allowed answer to a contributor carries nothing of the coordinator's draft or a fellow's text.
              if (who === 'own' || who === 'fellow') expect(res.text).not.toContain(DRAFT_MARKER);
              if (who === 'fellow') expect(res.text).not.toContain(CONTRIBUTION_MARKER);
              return;
            }
            expectProblem(res, expected!);
            expect(res.text).not.toContain(DRAFT_MARKER);
            expect(res.text).not.toContain(CONTRIBUTION_MARKER);
            if (before !== undefined) expect(after).toEqual(before);
          });
        }
      });
    }
  }

  it('answers every cell as the OpenAPI document describes it', () => {
    expect([...new Set(contract.seen.flatMap((c) => c.problems))]).toEqual([]);
  });
});
