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
  key: string;
}

export interface PendingUpload {
  id: string;
  roundId: string;
  orgId: string;
  fileName: string;
  contentType: string;
  size: number;
  key: string;
  createdAt: string;
  expiresAt: string;
}

export interface AttachmentStore {
  /** Records the pending upload and returns a presigned POST whose policy enforces type and size. */
  createUpload(upload: PendingUpload, maxBytes: number): Promise<{ url: string; fields: Record<string, string> }>;
  getPending(roundId: string, orgId: string, id: string): Promise<PendingUpload | undefined>;
  /** What is actually stored under the key, or undefined when nothing was uploaded. */
  inspect(key: string): Promise<{ size: number; contentType: string | undefined } | undefined>;
  discard(key: string): Promise<void>;
  downloadUrl(key: string, fileName: string, contentType: string): Promise<string>;
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
  submittedAt?: string;
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

export interface AuditStore {
  /** Every event about one subject, oldest first. */
  history(subject: string): Promise<AuditEvent[]>;
  /** Events with from <= at < to, oldest first, a page at a time; InvalidCursor for a cursor it did not issue. */
  between(from: string, to: string, limit: number, cursor?: string): Promise<AuditPage>;
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
}
