// The ports of the schedule (deadlines, reminders, contacts, meetings, mail). Kept beside the
// core's ports.ts so the request path's CoreDeps stays small; the deadline job and the calendar
// and contacts handlers build ScheduleDeps (functions/schedule-composition.ts).
import type { AuditEvent, CoreDeps } from '#core/ports';
import type { ReminderPolicy } from '#schemas/api';
import type { Contacts, Extension, Meeting, NotificationSettings } from '#schemas/schedule';

export interface ContactStore {
  get(orgId: string): Promise<Contacts | undefined>;
  /** The lists of many organisations at once (the deadline check's); an organisation without one is absent. */
  getMany(orgIds: readonly string[]): Promise<Map<string, Contacts>>;
  /** Replaces the list, with its audit event in the same transaction. */
  put(contacts: Contacts, event: AuditEvent): Promise<void>;
  getSettings(): Promise<NotificationSettings | undefined>;
  putSettings(settings: NotificationSettings, event: AuditEvent): Promise<void>;
}

export interface ExtensionStore {
  get(roundId: string, orgId: string): Promise<Extension | undefined>;
  list(roundId: string): Promise<Extension[]>;
  put(extension: Extension, event: AuditEvent): Promise<void>;
  /** Takes the extension away, with its audit event; WriteConflict when there is none. */
  remove(roundId: string, orgId: string, event: AuditEvent): Promise<void>;
}

export interface MeetingStore {
  list(): Promise<Meeting[]>;
  get(meetingId: string): Promise<Meeting | undefined>;
  /** Creates (expectedSequence undefined) or replaces the version it read; WriteConflict otherwise. */
  put(meeting: Meeting, expectedSequence: number | undefined, event: AuditEvent): Promise<void>;
}

/** The e-mail addresses of one Task Force seat (`#core/taskforce` names the seats). */
export interface SeatContacts {
  seatId: string;
  emails: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface SeatContactStore {
  list(): Promise<SeatContacts[]>;
  /** Replaces the seat's list, with its audit event in the same transaction. */
  put(contacts: SeatContacts, event: AuditEvent): Promise<void>;
}

/** A calendar subscription as stored: whose view it shows, and the hash of its token. */
export interface CalendarFeed {
  subscriptionId: string;
  tokenHash: string;
  label: string;
  /** The subscriber as their token named them when they subscribed: the feed shows what they see. */
  owner: { subject: string; name: string; role: 'reporter' | 'sst-reader' | 'sst-admin'; orgId: string };
  createdAt: string;
  revokedAt?: string;
  revokedBy?: string;
}

export interface CalendarFeedStore {
  /** Stores the lookup by token hash and the owner's list entry in one transaction, with the event. */
  create(feed: CalendarFeed, event: AuditEvent): Promise<void>;
  byTokenHash(tokenHash: string): Promise<CalendarFeed | undefined>;
  list(subject: string): Promise<CalendarFeed[]>;
  get(subject: string, subscriptionId: string): Promise<CalendarFeed | undefined>;
  /** Marks both items revoked, conditional on neither being revoked yet; WriteConflict otherwise. */
  revoke(feed: CalendarFeed, at: string, by: string, event: AuditEvent): Promise<void>;
}

export interface RoundPolicyStore {
  /** Sets a round's reminder policy; WriteConflict when the round does not exist. */
  setReminderPolicy(roundId: string, policy: ReminderPolicy, event: AuditEvent): Promise<void>;
}

/**
 * One e-mail we mean to send at most once. `pending` is a claim with a lease: a run that
 * crashed before it could record the outcome leaves it, and a later run may take it over
 * once the lease has run out. `failed` is retried by a later run, up to a limit.
 */
export interface NoticeClaim {
  pk: string;
  sk: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  claimedAt: string;
  leaseUntil: string;
  runId: string;
  recipients?: string[];
  sentAt?: string;
  messageId?: string;
  error?: string;
  /** Free-form facts about the notice (step, round, counts). */
  detail?: Record<string, unknown>;
}

/** What a claim is about: one reminder step, or one notice to SST (digest of a day, one submission). */
export type NoticeRef =
  | { kind: 'reminder'; roundId: string; orgId: string; step: string }
  | { kind: 'notice'; topic: string; id: string };

export interface ClaimRequest {
  ref: NoticeRef;
  now: Date;
  leaseMs: number;
  maxAttempts: number;
  runId: string;
  detail?: Record<string, unknown>;
}

export interface ClaimStore {
  /**
   * Takes the right to send: succeeds for exactly one caller when the item is absent, failed
   * (under maxAttempts) or pending with an expired lease. Returns undefined when someone
   * else holds it or it is done.
   */
  claim(request: ClaimRequest): Promise<NoticeClaim | undefined>;
  /** Records the outcome; only the run holding the claim may (conditional on runId). */
  markSent(claim: NoticeClaim, at: Date, messageId: string, recipients: string[]): Promise<void>;
  markFailed(claim: NoticeClaim, at: Date, error: string): Promise<void>;
  get(ref: NoticeRef): Promise<NoticeClaim | undefined>;
  /** Every reminder claim of a round. */
  listReminders(roundId: string): Promise<(NoticeClaim & { orgId: string; step: string })[]>;
  /** A small named value (e.g. how far the submission notices have got). */
  getMark(name: string): Promise<string | undefined>;
  setMark(name: string, value: string): Promise<void>;
  /** Records an audit event of the reminder machinery itself (reminders SST sent by hand). */
  appendAudit(event: AuditEvent): Promise<void>;
}

/** Submission events from the audit log, oldest first (the notices to SST read these). */
export interface SubmitEvent {
  at: string;
  id: string;
  roundId: string;
  orgId: string;
  actor: string;
  late: boolean;
}

export interface AuditFeed {
  submitEvents(from: Date, to: Date): Promise<SubmitEvent[]>;
}

/** A file sent with a message, e.g. a meeting's `invitation.ics` (text/calendar; method=REQUEST). */
export interface MailAttachment {
  filename: string;
  /** The full MIME type with parameters, e.g. `text/calendar; charset=UTF-8; method=REQUEST`. */
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** Ties the message to its claim (header X-Statusportalen-Key), so an outbox can be audited. */
  key: string;
  date: Date;
}

export interface MailSender {
  /** Sends one message; throws when it could not be handed over. Returns the transport's id. */
  send(message: MailMessage): Promise<{ messageId: string }>;
}

export interface ScheduleDeps extends CoreDeps {
  contacts: ContactStore;
  extensions: ExtensionStore;
  meetings: MeetingStore;
  seats: SeatContactStore;
  feeds: CalendarFeedStore;
  policies: RoundPolicyStore;
  claims: ClaimStore;
  submitFeed: AuditFeed;
  mail: MailSender;
  /** Where the web form lives (links in e-mails). */
  webBaseUrl: string;
}
