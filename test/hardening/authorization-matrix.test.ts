// Every route × every kind of caller, generated from the route table at run time. The table
// below states the expected outcome of each cell by operationId; a route added to the route
// table without its row here fails ("add its row"), so nobody can ship a route whose access
// nobody decided. Allowed cells must succeed (2xx) in a state where the operation makes sense;
// refused cells get the exact status, a problem document, none of the other organisation's
// data, and leave storage as it was (read back from the engines).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { exampleAnswers } from '../../local/seed.ts';
import { readFileSync } from 'node:fs';
import { FORMS_DIR } from '../../local/seed.ts';
import path from 'node:path';
import { publishFormVersion } from '#core/forms-service';
import { schemaToSheet } from '#core/form-sheet';
import { writeFormWorkbook } from '#functions/formats/form-sheet-xlsx';
import { saveDraft, submit, review } from '#core/submissions-service';
import { sstIdentity } from '#core/identity';
import { addDanishDays } from '#core/danish-time';
import type { JsonObject, Round } from '#schemas/api';
import { expectProblem, fillPath, reporterIdentity, routes, snapshot, startHardened, uploadToTicket, type Hardened, type Reply } from './support.ts';
import type { RouteSpec } from '#functions/routes';
import { contractChecker } from '../support/contract.ts';

const WHO = ['anonymous', 'own', 'other', 'outsider', 'reader', 'admin', 'machine', 'author'] as const;
type Who = (typeof WHO)[number];
/** 'ok': 2xx. A number: exactly that problem status. */
type Outcome = 'ok' | 401 | 403 | 404;
type State = 'none' | 'draft' | 'submitted' | 'accepted';

/** The organisation in the path; a reporter of another respondent; a reporter outside the round. */
const OWN = 'kommune-151';
const OTHER = 'kommune-153';
const OUTSIDER = 'region-1081';
/** An author: a user of Social- og Boligstyrelsen, which SST invites to write publications. */
const AUTHOR_ORG = 'social-og-boligstyrelsen';
const MARKER = 'MATRIX-HEMMELIG-BALLERUP-5e1c';
const BASE_FORM = 'kraeftplan-v-kommunal';
const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Cell {
  who: Who;
  round: Round;
  formId: string;
  etag: string | undefined;
}
interface Request {
  values?: Record<string, string>;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  query?: string;
  /** Extra storage markers the request could touch. */
  markers?: string[];
}
interface Row {
  expect: Record<Who, Outcome>;
  /** The state of OWN's report the operation needs (mutating routes get a fresh round per cell). */
  state?: State | ((who: Who) => State);
  request?: (cell: Cell) => Promise<Request> | Request;
}

const everyone = (o: Outcome): Record<Who, Outcome> => Object.fromEntries(WHO.map((w) => [w, o])) as Record<Who, Outcome>;
const PUBLIC = everyone('ok');
/** An author has the publications it is invited to and nothing else: every other route refuses it. */
const SIGNED_IN: Record<Who, Outcome> = { anonymous: 401, own: 'ok', other: 'ok', outsider: 'ok', reader: 'ok', admin: 'ok', machine: 403, author: 403 };
const ADMIN_ONLY: Record<Who, Outcome> = { anonymous: 401, own: 403, other: 403, outsider: 403, reader: 403, admin: 'ok', machine: 403, author: 403 };
const SST_ONLY: Record<Who, Outcome> = { ...ADMIN_ONLY, reader: 'ok' };
const SST_AND_MACHINE: Record<Who, Outcome> = { ...SST_ONLY, machine: 'ok' };
/** Reading one organisation's report: that organisation and SST. Outside the round: the round is invisible. */
const ORG_READ: Record<Who, Outcome> = { anonymous: 401, own: 'ok', other: 403, outsider: 404, reader: 'ok', admin: 'ok', machine: 403, author: 403 };
/** Writing one organisation's report: only its own reporters. */
const ORG_WRITE: Record<Who, Outcome> = { ...ORG_READ, reader: 403, admin: 403 };
const ROUND_READ: Record<Who, Outcome> = { ...SIGNED_IN, outsider: 404 };

const MATRIX: Record<string, Row> = {
  health: { expect: PUBLIC },
  openapi: { expect: PUBLIC },
  devToken: { expect: PUBLIC, request: () => ({ body: { role: 'sst-reader' } }) },
  listOrganisations: { expect: SIGNED_IN },
  listForms: { expect: SIGNED_IN },
  getForm: { expect: SIGNED_IN },
  // The workbook export: the same readers as the JSON.
  getFormVersion: { expect: SIGNED_IN, request: () => ({ query: '?format=xlsx' }) },
  // Each allowed call publishes a version that differs from the latest (an unchanged one is refused).
  publishFormVersion: { expect: ADMIN_ONLY, request: ({ formId }) => ({ body: { schema: { ...baseSchema(), description: `Matrixversion ${ulid()}` } }, markers: [`FORM#${formId}`] }) },
  // The check before publishing, with the shipped sheet as the upload: nothing is written.
  previewFormVersion: {
    expect: ADMIN_ONLY,
    request: async ({ formId }) => ({ rawBody: await writeFormWorkbook(schemaToSheet(baseSchema(), { formId })), headers: { 'content-type': XLSX }, markers: [`FORM#${formId}`] }),
  },
  listRounds: { expect: SIGNED_IN },
  createRound: {
    expect: ADMIN_ONLY,
    request: ({ formId }) => {
      const roundId = `hm-${ulid().toLowerCase()}`;
      const now = new Date();
      return {
        body: { roundId, formId, period: '2026', opensAt: addDanishDays(now, -1).toISOString(), deadline: addDanishDays(now, 20).toISOString(), respondentsAt: '2026-06-01' },
        markers: [roundId],
      };
    },
  },
  getRound: { expect: ROUND_READ },
  updateRound: {
    expect: ADMIN_ONLY,
    // A round of its own that has not opened yet: only then can it be changed.
    request: async () => {
      const now = new Date();
      const scheduled = await api.round(formId, { opensAt: addDanishDays(now, 5).toISOString(), deadline: addDanishDays(now, 40).toISOString() });
      const body = { period: '2026', opensAt: addDanishDays(now, 6).toISOString(), deadline: addDanishDays(now, 41).toISOString(), respondentsAt: '2026-06-01' };
      return { values: { roundId: scheduled.roundId }, body, markers: [scheduled.roundId] };
    },
  },
  switchFormVersion: { expect: ADMIN_ONLY, state: 'none', request: () => ({ body: { version: 1 } }) },
  getSubmission: { expect: ORG_READ },
  saveDraft: { expect: ORG_WRITE, state: 'draft', request: () => ({ body: { answers: { kontakt: { navn: 'Matrix' } } } }) },
  submit: { expect: ORG_WRITE, state: 'draft' },
  reopen: {
    // The organisation reopens its submitted report; SST's administrators reopen an accepted one.
    expect: { ...ORG_WRITE, admin: 'ok' },
    state: (who) => (who === 'admin' ? 'accepted' : 'submitted'),
    request: () => ({ body: { reason: 'Matrix' } }),
  },
  returnSubmission: { expect: ADMIN_ONLY, state: 'submitted', request: () => ({ body: { comment: 'Matrix' } }) },
  acceptSubmission: { expect: ADMIN_ONLY, state: 'submitted' },
  // The matrix's rounds are direct: they have no contributions and nothing to compose. The
  // coordinator's reads and reviews in a coordinated round are proven in
  // test/integration/coordinated-round.test.ts.
  listContributions: { expect: { ...everyone(404), anonymous: 401, machine: 403, author: 403 } },
  composeSubmission: { expect: { ...ORG_WRITE, own: 403 }, state: 'draft' },
  listRevisions: { expect: ORG_READ },
  getRevision: { expect: ORG_READ },
  diffRevisions: { expect: ORG_READ },
  prefill: { expect: ORG_WRITE, state: 'none' },
  restoreRevision: { expect: ORG_WRITE, state: 'draft' },
  printSubmission: { expect: ORG_READ },
  submissionHistory: { expect: ORG_READ },
  auditLog: {
    expect: SST_ONLY,
    request: () => ({ query: `?from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&limit=1` }),
  },
  auditExport: {
    expect: SST_ONLY,
    request: () => ({ query: `?from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&action=round.create` }),
  },
  requestUpload: { expect: ORG_WRITE, state: 'draft', request: () => ({ body: { fileName: 'matrix.pdf', contentType: PDF, size: PDF_BYTES.length } }) },
  completeUpload: { expect: ORG_WRITE, state: 'draft', request: async (cell) => ({ values: { attachmentId: await uploadedAttachment(cell.round.roundId) } }) },
  deleteAttachment: {
    expect: ORG_WRITE,
    state: 'draft',
    // The cell's own attachment, confirmed by the organisation first; the removal names the ETag that made.
    request: async (cell) => {
      const attachmentId = await uploadedAttachment(cell.round.roundId);
      const done = await api.call('POST', `/rounds/${cell.round.roundId}/submissions/${OWN}/attachments/${attachmentId}/complete`, {
        token: await api.token('reporter', OWN),
        headers: { 'if-match': cell.etag! },
      });
      expect(done.status, done.text).toBe(200);
      return { values: { attachmentId }, headers: { 'if-match': done.headers.get('etag')! } };
    },
  },
  listAttachments: { expect: ORG_READ },
  downloadAttachment: { expect: ORG_READ, request: () => ({ values: { attachmentId: readAttachmentId } }) },
  getRoundSummary: { expect: SST_AND_MACHINE },
  getRoundStatus: { expect: SST_AND_MACHINE },
  getFormTrend: { expect: SST_AND_MACHINE },
  getIndicators: { expect: SST_AND_MACHINE },
  putIndicators: {
    expect: ADMIN_ONLY,
    request: () => ({ rawBody: 'indikator;periode;region;værdi\nmatrix;2026;;71,2\n', headers: { 'content-type': 'text/csv' } }),
  },
  validateIndicators: {
    expect: ADMIN_ONLY,
    request: () => ({ rawBody: 'indikator;periode;region;værdi\nmatrix;2026;;71,2\n', headers: { 'content-type': 'text/csv' } }),
  },
  listIndicatorDatasets: { expect: SST_ONLY },
  getContacts: { expect: { ...ORG_READ, outsider: 403 } },
  putContacts: {
    expect: { ...ORG_WRITE, outsider: 403, admin: 'ok' },
    request: () => ({ body: { emails: ['matrix@ballerup.dk'] }, markers: [`ORG#${OWN}`] }),
  },
  getNotificationSettings: { expect: SST_ONLY },
  putNotificationSettings: {
    expect: ADMIN_ONLY,
    // Puts back what is there, so the cell disturbs no other suite.
    request: async () => {
      const now = await api.call('GET', '/notifications/settings', { token: await api.token('sst-admin') });
      return { body: { submissionNotices: now.body.submissionNotices, overdueDigest: now.body.overdueDigest }, markers: ['NOTIFY'] };
    },
  },
  setReminderPolicy: {
    expect: ADMIN_ONLY,
    request: () => ({ body: { atOpening: true, daysBefore: [14, 3], daysAfter: [1], repeatEveryDays: 7, repeatLimit: 8, hour: 9 } }),
  },
  listReminders: { expect: SST_ONLY },
  remindNow: { expect: ADMIN_ONLY, state: 'none', request: () => ({ body: { orgIds: [OWN] } }) },
  revokeExtension: {
    expect: ADMIN_ONLY,
    // The cell's round gets an extension first, so there is one to take away.
    request: async (cell) => {
      const granted = await api.call('PUT', `/rounds/${cell.round.roundId}/extensions/${OWN}`, {
        token: await api.token('sst-admin'),
        body: { deadline: addDanishDays(new Date(), 45).toISOString().slice(0, 10), reason: 'Matrix' },
      });
      expect(granted.status, granted.text).toBe(200);
      return { body: { reason: 'Matrix' } };
    },
  },
  listExtensions: { expect: ROUND_READ },
  grantExtension: {
    expect: ADMIN_ONLY,
    request: () => ({ body: { deadline: addDanishDays(new Date(), 45).toISOString().slice(0, 10), reason: 'Matrix' } }),
  },
  listMeetings: { expect: SIGNED_IN },
  createMeeting: {
    expect: ADMIN_ONLY,
    request: () => {
      const meetingId = `hm-${ulid().toLowerCase()}`;
      return { body: { meetingId, date: '2026-11-03', title: 'Matrixmøde' }, markers: [`MEETING#${meetingId}`] };
    },
  },
  updateMeeting: {
    expect: ADMIN_ONLY,
    request: async () => {
      const meetingId = `hm-${ulid().toLowerCase()}`;
      const made = await api.call('POST', '/meetings', { token: await api.token('sst-admin'), body: { meetingId, date: '2026-11-03', title: 'Matrixmøde' } });
      expect(made.status, made.text).toBeLessThan(300);
      return { values: { meetingId }, body: { date: '2026-11-04', title: 'Flyttet matrixmøde' }, markers: [`MEETING#${meetingId}`] };
    },
  },
  cancelMeeting: {
    expect: ADMIN_ONLY,
    request: async () => {
      const meetingId = `hm-${ulid().toLowerCase()}`;
      const made = await api.call('POST', '/meetings', { token: await api.token('sst-admin'), body: { meetingId, date: '2026-11-03', title: 'Matrixmøde' } });
      expect(made.status, made.text).toBeLessThan(300);
      return { values: { meetingId }, markers: [`MEETING#${meetingId}`] };
    },
  },
  listSeats: { expect: SST_ONLY },
  setSeatContacts: {
    expect: ADMIN_ONLY,
    request: () => ({ values: { seatId: 'kl-og-kommunerne-5' }, body: { emails: ['matrix@kl.example.dk'] }, markers: ['SEAT#kl-og-kommunerne-5'] }),
  },
  getCalendar: { expect: SIGNED_IN },
  getCalendarIcs: { expect: SIGNED_IN },
  listCalendarSubscriptions: { expect: SIGNED_IN },
  createCalendarSubscription: { expect: SIGNED_IN, request: () => ({ body: { label: 'Matrix' }, markers: ['CALFEED'] }) },
  revokeCalendarSubscription: {
    // Each person revokes their own: the cell's caller subscribes first (where it can).
    expect: SIGNED_IN,
    request: async ({ who }) => {
      const owner = who === 'anonymous' || who === 'machine' || who === 'author' ? 'reader' : who;
      const made = await api.call('POST', '/calendar/subscriptions', { token: tokens[owner], body: { label: 'Matrix' } });
      expect(made.status, made.text).toBe(201);
      return { values: { subscriptionId: made.body.subscription.subscriptionId }, markers: ['CALFEED'] };
    },
  },
  // Public: the token in the path is the credential, whoever sends the request.
  getCalendarFeed: {
    expect: PUBLIC,
    // One subscription for every cell: each person may hold only a few live ones.
    request: async () => {
      feedToken ??= (async () => {
        const made = await api.call('POST', '/calendar/subscriptions', { token: tokens.reader, body: { label: 'Matrix' } });
        expect(made.status, made.text).toBe(201);
        return made.body.token as string;
      })();
      return { values: { token: await feedToken } };
    },
  },
  // Publications. The read cells use a published public edition that the author's organisation is
  // NOT invited to (so the author gets 404: it sees only what it is invited to); the writing cells
  // each get a fresh draft of the psychiatry template, which invites Social- og Boligstyrelsen.
  listPublications: { expect: { ...SIGNED_IN, author: 'ok' } },
  createPublication: { expect: ADMIN_ONLY, request: () => ({ body: { template: 'blank' } }) },
  getPublication: { expect: { ...SIGNED_IN, author: 404 }, request: () => ({ values: { publicationId: readPublication } }) },
  updatePublication: {
    expect: { ...ADMIN_ONLY, author: 'ok' },
    request: async () => {
      const p = await invitedDraft();
      return { values: { publicationId: p.publicationId }, headers: { 'if-match': p.etag }, body: { title: p.title, sections: p.sections }, markers: [p.publicationId] };
    },
  },
  addPublicationComment: {
    expect: { ...SST_ONLY, author: 'ok' },
    request: async () => {
      const p = await invitedDraft();
      return { values: { publicationId: p.publicationId }, body: { sectionId: 'indledning', text: 'Matrix' }, markers: [p.publicationId] };
    },
  },
  listPublicationVersions: { expect: { ...SST_ONLY, author: 404 }, request: () => ({ values: { publicationId: readPublication } }) },
  approvePublication: {
    expect: ADMIN_ONLY,
    request: async () => {
      const p = await invitedDraft();
      return { values: { publicationId: p.publicationId }, headers: { 'if-match': p.etag }, markers: [p.publicationId] };
    },
  },
  publishPublication: {
    expect: ADMIN_ONLY,
    request: async () => {
      const p = await invitedDraft();
      const approved = await api.call('POST', `/publications/${p.publicationId}/approve`, { token: await api.token('sst-admin'), headers: { 'if-match': p.etag } });
      expect(approved.status, approved.text).toBe(200);
      return { values: { publicationId: p.publicationId }, headers: { 'if-match': approved.body.etag }, body: { public: false, announce: false }, markers: [p.publicationId] };
    },
  },
  getPublicPublication: { expect: PUBLIC, request: () => ({ values: { publicationId: readPublication } }) },
  publicationsFeed: { expect: PUBLIC },
  devOutbox: { expect: PUBLIC },
  // Public and local only. Running a real job in every cell would disturb the other suites, so
  // the cells ask for a job that does not exist: what matters is that no token is needed.
  devRunJob: { expect: everyone(404), request: () => ({ values: { name: 'no-such-job' } }) },
};

const PDF_BYTES = Buffer.from('%PDF-1.7\n% matrix\n%%EOF\n');
let feedToken: Promise<string> | undefined;
let api: Hardened;
let formId: string;
let readRound: Round;
let readEtag: string;
let readAttachmentId = 'x';
let readPublication = 'x';

/** A fresh draft of the psychiatry template (it invites Social- og Boligstyrelsen). */
async function invitedDraft(): Promise<{ publicationId: string; etag: string; title: string; sections: unknown[] }> {
  const made = await api.call('POST', '/publications', { token: await api.token('sst-admin'), body: { template: 'psykiatri-10-aarsplan', period: '2026' } });
  expect(made.status, made.text).toBe(201);
  return made.body;
}
const tokens: Partial<Record<Who, string>> = {};

const baseSchema = () => JSON.parse(readFileSync(path.join(FORMS_DIR, BASE_FORM, 'v1.schema.json'), 'utf8')) as JsonObject;
const admin = sstIdentity('hardening-matrix', 'sst-admin', 'Matrix administrator');
const own = reporterIdentity(OWN);

/** Brings OWN's report in `round` to `state` through the core; returns its quoted ETag. */
async function arrange(round: Round, state: State): Promise<string | undefined> {
  if (state === 'none') return undefined;
  const answers = exampleAnswers(BASE_FORM);
  (answers['tvaergaaende'] as Record<string, string>)['oevrige_bemaerkninger'] = MARKER;
  let s = await saveDraft(api.deps, own, round.roundId, OWN, answers, undefined);
  if (state !== 'draft') s = await submit(api.deps, own, round.roundId, OWN, s.etag);
  if (state === 'accepted') s = await review(api.deps, admin, round.roundId, OWN, 'accept', undefined, undefined);
  return s.etag;
}

const uploadedAttachment = (roundId: string): Promise<string> => uploadToTicket(api, roundId, OWN, PDF_BYTES);

async function tokenOf(who: Who): Promise<string | undefined> {
  switch (who) {
    case 'anonymous':
      return undefined;
    case 'own':
      return api.token('reporter', OWN);
    case 'other':
      return api.token('reporter', OTHER);
    case 'outsider':
      return api.token('reporter', OUTSIDER);
    case 'reader':
      return api.token('sst-reader');
    case 'admin':
      return api.token('sst-admin');
    case 'machine':
      return api.token('machine');
    case 'author':
      return api.token('author', AUTHOR_ORG);
  }
}

beforeAll(async () => {
  api = await startHardened();
  for (const who of WHO) tokens[who] = await tokenOf(who);
  // The matrix's own form (two versions, so a round can switch), rounds and organisations:
  // nothing another suite does can move a cell.
  formId = `hmatrix-${ulid().toLowerCase()}`;
  const manifest = { title: 'Matrixskema', description: 'Til adgangsmatricen', respondentKind: 'municipality' as const, plan: 'kraeftplan-v' as const };
  await publishFormVersion(api.deps, admin, formId, { ...manifest, schema: baseSchema() });
  await publishFormVersion(api.deps, admin, formId, { schema: { ...baseSchema(), description: 'Matrixskemaets version 2' } });
  // An earlier round with OWN's accepted report, so prefill has something to start from.
  const now = new Date();
  const previous = await api.round(formId, { deadline: addDanishDays(now, 10).toISOString() });
  await arrange(previous, 'accepted');
  readRound = await api.round(formId);
  const drafted = await arrange(readRound, 'draft');
  readAttachmentId = await uploadedAttachment(readRound.roundId);
  const completed = await api.call('POST', `/rounds/${readRound.roundId}/submissions/${OWN}/attachments/${readAttachmentId}/complete`, {
    token: await api.token('reporter', OWN),
    headers: { 'if-match': drafted! },
  });
  expect(completed.status, completed.text).toBe(200);
  readEtag = (await submit(api.deps, own, readRound.roundId, OWN, completed.body.etag)).etag!.replace(/"/g, '');
  // A published public edition nobody outside SST was invited to write.
  const adminToken = await api.token('sst-admin');
  const made = await api.call('POST', '/publications', { token: adminToken, body: { template: 'blank', title: 'Matrixpublikation' } });
  expect(made.status, made.text).toBe(201);
  readPublication = made.body.publicationId;
  const approved = await api.call('POST', `/publications/${readPublication}/approve`, { token: adminToken, headers: { 'if-match': made.body.etag } });
  const published = await api.call('POST', `/publications/${readPublication}/publish`, { token: adminToken, headers: { 'if-match': approved.body.etag }, body: { public: true, announce: false } });
  expect(published.status, published.text).toBe(200);
}, 60_000);
afterAll(() => api?.stop());

function isMutation(route: RouteSpec): boolean {
  return route.method !== 'GET';
}

async function run(route: RouteSpec, row: Row, who: Who): Promise<{ res: Reply; before?: unknown; after?: unknown }> {
  const state = typeof row.state === 'function' ? row.state(who) : row.state;
  let round = readRound;
  let etag: string | undefined = `"${readEtag}"`;
  if (isMutation(route)) {
    round = await api.round(formId);
    etag = await arrange(round, state ?? 'none');
  }
  const req = (await row.request?.({ who, round, formId, etag })) ?? {};
  const values = { roundId: round.roundId, orgId: OWN, formId, version: '1', revision: '1', other: '1', ...req.values };
  const target = fillPath(route, values) + (req.query ?? '');
  const markers = [round.roundId, ...(req.markers ?? [])];
  const before = isMutation(route) ? await snapshot(markers) : undefined;
  const headers: Record<string, string> = { ...(etag ? { 'if-match': etag } : {}), ...req.headers };
  const res = await api.call(route.method, target, {
    token: tokens[who],
    headers,
    redirect: 'manual',
    ...(req.rawBody !== undefined ? { rawBody: req.rawBody } : req.body !== undefined ? { body: req.body } : {}),
  });
  const after = isMutation(route) && res.status >= 400 ? await snapshot(markers) : undefined;
  return { res, before, after };
}

const all = routes();
/** Every answer of every cell, held against the OpenAPI document at the end. */
const contract = contractChecker();

describe('the authorization matrix', () => {
  it('has a row for every route in the route table, and no row for a route that is gone', () => {
    const ids = all.map((r) => r.operationId);
    const missing = ids.filter((id) => !MATRIX[id]);
    expect(missing, `add its row to MATRIX in test/hardening/authorization-matrix.test.ts: ${missing.join(', ')}`).toEqual([]);
    expect(Object.keys(MATRIX).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('agrees with the route table: a role the route does not name is refused', () => {
    const roleOf: Record<Who, string | undefined> = { anonymous: undefined, own: 'reporter', other: 'reporter', outsider: 'reporter', reader: 'sst-reader', admin: 'sst-admin', machine: 'machine', author: 'author' };
    for (const route of all) {
      const row = MATRIX[route.operationId];
      if (!row || route.auth === 'public') continue;
      for (const who of WHO) {
        const role = roleOf[who];
        if (role && !(route.auth as readonly string[]).includes(role)) {
          expect(row.expect[who], `${route.operationId}/${who}: the route table does not allow ${role}`).toBe(403);
        }
      }
    }
  });

  for (const route of all) {
    describe(`${route.method} ${route.path} (${route.operationId})`, () => {
      for (const who of WHO) {
        const expected = MATRIX[route.operationId]?.expect[who];
        it(`${who}: ${expected === 'ok' ? 'allowed' : `refused with ${expected ?? '?'}`}`, async () => {
          const row = MATRIX[route.operationId];
          expect(row, `add its row to MATRIX in test/hardening/authorization-matrix.test.ts`).toBeDefined();
          const { res, before, after } = await run(route, row!, who);
          // Local-only routes are not deployed, so the document leaves them out.
          if (!route.localOnly) contract.check(route, res);
          if (expected === 'ok') {
            expect(res.status, res.text.slice(0, 400)).toBeGreaterThanOrEqual(200);
            expect(res.status, res.text.slice(0, 400)).toBeLessThan(400);
            return;
          }
          expectProblem(res, expected!);
          if (who !== 'own' && who !== 'reader' && who !== 'admin') expect(res.text).not.toContain(MARKER);
          if (before !== undefined) expect(after).toEqual(before);
        });
      }
    });
  }

  it('answers every cell as the OpenAPI document describes it: status, media type, body schema, headers', () => {
    const problems = contract.seen.flatMap((c) => c.problems);
    expect([...new Set(problems)]).toEqual([]);
    const checked = new Set(contract.seen.map((c) => c.operationId));
    expect(all.filter((r) => !r.localOnly && !checked.has(r.operationId)).map((r) => r.operationId)).toEqual([]);
  });
});
