// The storage ports the core talks to. Each has one DynamoDB/S3 implementation in
// functions/store/; the core never sees an SDK type, so its rules are testable without AWS.
import type {
  FieldChange,
  FormSummary,
  JsonObject,
  RespondentKind,
  Plan,
  RevisionAction,
  ReviewNote,
  SubmissionStatus,
} from '#schemas/api';
import type { RoundRecord } from '#core/rounds';

export interface FormManifest {
  formId: string;
  title: string;
  description: string;
  respondentKind: RespondentKind;
  plan: Plan;
}

export interface FormVersionRecord {
  formId: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  schema: JsonObject;
  changes?: FieldChange[];
}

export interface FormRecord extends FormSummary {
  versions: number[];
}

export interface FormStore {
  listForms(): Promise<FormSummary[]>;
  getForm(formId: string): Promise<FormRecord | undefined>;
  getVersion(formId: string, version: number): Promise<FormVersionRecord | undefined>;
  /** Publishes a new version; refuses (WriteConflict) when that version number already exists. */
  publishVersion(manifest: FormManifest, version: FormVersionRecord, event: AuditEvent): Promise<void>;
}

export interface RoundStore {
  list(): Promise<RoundRecord[]>;
  get(roundId: string): Promise<RoundRecord | undefined>;
  /** Creates a round; refuses (WriteConflict) when the id is taken. */
  create(round: RoundRecord, event: AuditEvent): Promise<void>;
  /**
   * Moves a round from form version `from` to `to`; WriteConflict unless the round is still on
   * `from` and no report has been submitted in it (no `formVersionLockedAt`).
   */
  switchFormVersion(roundId: string, from: number, to: number, event: AuditEvent): Promise<void>;
  /**
   * Replaces a round that has not opened; WriteConflict unless it still opens at `expected.opensAt`,
   * was last changed at `expected.updatedAt`, has no submitted report and opens after `now`.
   */
  replace(round: RoundRecord, expected: { opensAt: string; updatedAt?: string | undefined }, now: string, event: AuditEvent): Promise<void>;
}

/**
 * A submit's hold on its round, written in the submit's own transaction: the round must still be
 * on the form version the report was validated against, and from then on it stays there.
 */
export interface RoundLock {
  roundId: string;
  formVersion: number;
  at: string;
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** The revision that added the file. */
  revision: number;
  uploadedAt: string;
  uploadedBy: string;
  /** The final key, written only by the server's own copy; no upload ticket names it. */
  key: string;
  /** The object version confirmed (versioned buckets): downloads name it, so nothing later replaces it. */
  versionId?: string;
  /** SHA-256 of the confirmed bytes, computed by the server (hex). */
  sha256?: string;
}

export interface PendingUpload {
  id: string;
  roundId: string;
  orgId: string;
  fileName: string;
  contentType: string;
  size: number;
  /** The staging key the ticket may write; never the key a report points at. */
  key: string;
  createdAt: string;
  expiresAt: string;
}

/** What a stored object's bytes are: streamed once by the store, judged by the core. */
export interface ObjectFacts {
  size: number;
  contentType: string | undefined;
  sha256: string;
  /** The first bytes (signature) and the last bytes (a ZIP's central directory). */
  head: Uint8Array;
  tail: Uint8Array;
}

/** GuardDuty's verdicts, reduced to what decides a download. */
export type ScanVerdict = 'clean' | 'pending' | 'infected' | 'unscannable';

/** Where malware scanning is on, a file is offered for download only once found clean. */
export interface MalwareScanner {
  verdict(key: string, versionId: string | undefined): Promise<ScanVerdict>;
}

export interface AttachmentStore {
  /** Records the pending upload and returns a presigned POST whose policy enforces key, type and size. */
  createUpload(upload: PendingUpload, maxBytes: number): Promise<{ url: string; fields: Record<string, string> }>;
  getPending(roundId: string, orgId: string, id: string): Promise<PendingUpload | undefined>;
  /** Every upload ticket of a report not yet confirmed or forgotten. */
  listPending(roundId: string, orgId: string): Promise<PendingUpload[]>;
  /** Ends a ticket's life on our side: a later confirmation of it finds nothing. */
  forgetPending(roundId: string, orgId: string, id: string): Promise<void>;
  /** What has arrived under a (staging) key, if anything. */
  inspect(key: string): Promise<{ size: number; contentType: string | undefined } | undefined>;
  /** Copies the staging object to its final key inside storage, marked unconfirmed (expires unless confirmed). */
  promote(stagingKey: string, finalKey: string): Promise<{ versionId: string | undefined }>;
  /** Reads one object version through once: size, type, SHA-256 and its first and last bytes. */
  examine(key: string, versionId: string | undefined): Promise<ObjectFacts>;
  /** Takes the unconfirmed mark off a final object, so no expiry rule ever removes it. */
  confirm(key: string, versionId: string | undefined): Promise<void>;
  discard(key: string): Promise<void>;
  downloadUrl(key: string, fileName: string, contentType: string, versionId?: string): Promise<string>;
}

export interface SubmissionHead {
  roundId: string;
  orgId: string;
  status: Exclude<SubmissionStatus, 'not_started'>;
  revision: number;
  etag: string;
  /** Where the answers of the current revision are stored. */
  contentKey: string;
  updatedAt: string;
  updatedBy: string;
  /** The form version the current answers were last checked against. */
  formVersion?: number;
  /** The latest submission (a report returned and sent again: the second). */
  submittedAt?: string;
  /** The first submission, which lateness is judged by; absent on heads written before it was kept apart, whose `submittedAt` is the first. */
  firstSubmittedAt?: string;
  late?: boolean;
  review?: ReviewNote;
  attachments?: AttachmentMeta[];
}

export interface RevisionRecord {
  roundId: string;
  orgId: string;
  revision: number;
  action: RevisionAction;
  status: Exclude<SubmissionStatus, 'not_started'>;
  savedAt: string;
  savedBy: string;
  /** Stable id, role and organisation of whoever saved (absent on revisions before they were recorded). */
  savedById?: string;
  savedByRole?: string;
  savedByOrgId?: string;
  /** The form version the answers were checked against when this revision was written. */
  formVersion?: number;
  contentKey: string;
}

export interface AuditEvent {
  at: string;
  id: string;
  /** The display name the token gave; `actorId` is who it was (absent on events before it was recorded). */
  actor: string;
  actorId?: string;
  actorRole?: string;
  actorOrgId: string;
  action: string;
  /** What the event is about, e.g. `round/<id>/submission/<org>` or `form/<id>`. */
  subject: string;
  orgId?: string;
  roundId?: string;
  detail?: Record<string, unknown>;
}

export interface SubmissionCommit {
  head: SubmissionHead;
  /** The ETag the head must still have; undefined when no head may exist yet. */
  expectedEtag: string | undefined;
  revision: RevisionRecord;
  event: AuditEvent;
  /** Submit on a round not yet locked: condition on its form version and set the lock, atomically with the rest. */
  roundLock?: RoundLock;
}

export interface SubmissionStore {
  getHead(roundId: string, orgId: string): Promise<SubmissionHead | undefined>;
  listHeads(roundId: string): Promise<SubmissionHead[]>;
  /** Stores an immutable answers document and returns its key. */
  putContent(roundId: string, orgId: string, revision: number, answers: JsonObject): Promise<string>;
  readContent(contentKey: string): Promise<JsonObject>;
  /** Head, revision and audit event in one atomic step; WriteConflict when the ETag moved. */
  commit(change: SubmissionCommit): Promise<void>;
  listRevisions(roundId: string, orgId: string): Promise<RevisionRecord[]>;
  getRevision(roundId: string, orgId: string, revision: number): Promise<RevisionRecord | undefined>;
}

/** A conditional write lost: someone else changed the item first. */
export class WriteConflict extends Error {
  constructor(message = 'conditional write lost') {
    super(message);
    this.name = 'WriteConflict';
  }
}

export interface AuditPage {
  items: AuditEvent[];
  /** Opaque cursor for the next page; absent on the last page. */
  next?: string;
}

/** A page cursor this service did not issue for this query (tampered, truncated, or another interval's). */
export class InvalidCursor extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursor';
  }
}

/** What an audit search narrows to; every field given must hold. */
export interface AuditFilter {
  /** About this organisation (`orgId`) or by its people (`actorOrgId`). */
  orgId?: string | undefined;
  /** About this round: `roundId`, or a subject `round/<id>` or under it. */
  roundId?: string | undefined;
  /** The actor's stable id, or part of their display name, in upper or lower case alike. */
  actor?: string | undefined;
  /** The action, or its prefix. */
  action?: string | undefined;
}

export interface AuditStore {
  /** Every event about one subject, oldest first. */
  history(subject: string): Promise<AuditEvent[]>;
  /**
   * Events with from <= at < to (and the filter), oldest first, a page at a time; InvalidCursor for
   * a cursor it did not issue. A page may hold fewer than `limit` events and still have `next`
   * when the filter left most of what was read out.
   */
  between(from: string, to: string, limit: number, cursor?: string, filter?: AuditFilter): Promise<AuditPage>;
}

/** One organisation's later deadline in one round, granted by SST. */
export interface ExtensionReader {
  get(roundId: string, orgId: string): Promise<{ deadline: string; deadlineAt: string; reason: string } | undefined>;
}

export interface Clock {
  now(): Date;
}

export interface CoreDeps {
  forms: FormStore;
  rounds: RoundStore;
  submissions: SubmissionStore;
  /** Deadline extensions (functions/store/extension-store.ts); absent means none are granted. */
  extensions?: ExtensionReader;
  audit: AuditStore;
  clock: Clock;
  newId(): string;
}

/** Only the attachments function needs the presigning store; other bundles stay without it. */
export interface AttachmentDeps extends CoreDeps {
  attachments: AttachmentStore;
  /** Present where malware scanning is on (GuardDuty on AWS, a double in tests). */
  scanner?: MalwareScanner;
}
