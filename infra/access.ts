// What each function may touch, read by the API stack and asserted by the tests. One entry per
// area (function) and per job: the table access, the bucket prefixes, and whether it sends mail.
// An area the route table gains without an entry here gets DEFAULT_ACCESS (read the table only)
// and a synth warning, so a new area deploys but can never write anything by accident.
import type { TableAccess } from './constructs/service-function.ts';

export interface Access {
  table?: TableAccess;
  bucket?: { read?: string[]; write?: string[]; delete?: string[]; list?: string[]; readVersions?: string[]; tag?: string[] };
  /** Sends e-mail through SES (MAIL_FROM, WEB_BASE_URL). */
  email?: boolean;
  memorySize?: number;
}

export const DEFAULT_ACCESS: Access = { table: 'read' };

/** Keyed by area name (functions/routes.ts `AREAS`). */
export const AREA_ACCESS: Readonly<Record<string, Access>> = {
  // Liveness and the OpenAPI document: no storage at all.
  meta: {},
  // The registry is data compiled into the bundle; contact addresses and SST's notification
  // settings are table items (the deployed-artefacts smoke test found this area without them).
  orgs: { table: 'readWrite' },
  // Publishing writes the version item and its schema document.
  forms: { table: 'readWrite', bucket: { read: ['forms/'], write: ['forms/'] } },
  // Opening a round checks the form version (its schema lives under forms/).
  rounds: { table: 'readWrite', bucket: { read: ['forms/'] } },
  // Saving a draft stores an immutable revision document; validation reads the form schema.
  submissions: { table: 'readWrite', bucket: { read: ['forms/', 'submissions/'], write: ['submissions/'] } },
  // The audit trail: queries on the table (GSI1 by month) only.
  audit: { table: 'read' },
  // Tickets (presigned POSTs) write uploads/ only; confirmation copies an upload to attachments/
  // (tagged unconfirmed until its report commits), reads it through to hash it, and deletes the
  // used staging object or a refused copy. Downloads name the confirmed version.
  attachments: {
    table: 'readWrite',
    bucket: {
      read: ['uploads/', 'attachments/'],
      write: ['uploads/', 'attachments/'],
      delete: ['uploads/', 'attachments/'],
      readVersions: ['attachments/'],
      tag: ['attachments/'],
    },
  },
  // Summaries are built from forms and revisions, cached under summaries/ (large ones are handed
  // out as presigned links); indicator data sets are stored under indicators/.
  summaries: {
    table: 'readWrite',
    bucket: { read: ['forms/', 'submissions/', 'summaries/', 'indicators/'], write: ['summaries/', 'indicators/'] },
    memorySize: 1769,
  },
  // The year wheel (JSON, iCalendar), reminder policies, extensions, meetings and the Task Force's
  // seat contacts: table items; a meeting change mails its invitation (ICS) to the members.
  calendar: { table: 'readWrite', email: true },
  // Publications: heads, versions, comments and audit in the table; drafts and frozen editions
  // under publications/; data blocks read (and cache) round summaries like the summaries area; the
  // announcement of an edition mails the organisations' contacts. pdfmake makes the PDFs in here.
  publications: {
    table: 'readWrite',
    bucket: { read: ['forms/', 'submissions/', 'summaries/', 'indicators/', 'publications/'], write: ['summaries/', 'publications/'] },
    email: true,
    memorySize: 1769,
  },
};

export interface JobSpec {
  /** Also the file name under functions/jobs/. */
  name: string;
  description: string;
  /** Local time in Europe/Copenhagen. */
  at: { hour: number; minute: number };
  access: Access;
}

export const JOBS: readonly JobSpec[] = [
  {
    name: 'deadline-check',
    description: 'daily deadline check: reminders, overdue digest, submission notices',
    at: { hour: 6, minute: 0 },
    // Marks reminders as sent (conditional puts); reads rounds and contacts; mails.
    access: { table: 'readWrite', email: true },
  },
  {
    name: 'build-summaries',
    description: 'nightly build of consolidated summaries',
    at: { hour: 2, minute: 0 },
    access: {
      table: 'readWrite',
      bucket: { read: ['forms/', 'submissions/', 'summaries/', 'indicators/'], write: ['summaries/'] },
      memorySize: 1769,
    },
  },
  {
    name: 'sweep-content',
    description: 'nightly removal of answers documents no report refers to (saves whose transaction lost)',
    at: { hour: 3, minute: 30 },
    // Reads rounds, heads and revisions; lists and removes under submissions/ only. It reads no
    // answers: a key's presence in a revision decides.
    access: { table: 'read', bucket: { list: ['submissions/'], delete: ['submissions/'] } },
  },
];
