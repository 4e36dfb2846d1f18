// Composition of the schedule's dependencies (deadline job, calendar, contacts): the core's
// stores plus contacts, extensions, meetings and claims. Only the deadline job sends mail, so
// it passes its MailSender in (functions/mail/from-env.ts); the others never bundle one.
import type { CoreDeps } from '#core/ports';
import type { MailSender, ScheduleDeps } from '#core/schedule-ports';
import type { DeadlineDeps } from '#core/deadline-service';
import { buildDocumentStores, buildTableDeps, type StorageConfig } from '#functions/composition';
import { getDocumentClient, requiredEnv } from '#store/clients';
import { DynamoContactStore } from '#store/contact-store';
import { DynamoMeetingStore } from '#store/meeting-store';
import { DynamoSeatContactStore } from '#store/seat-store';
import { DynamoCalendarFeedStore } from '#store/calendar-feed-store';
import { DynamoSubmissionHeads } from '#store/submission-store';
import { DynamoClaimStore, DynamoRoundPolicyStore, DynamoSubmitFeed } from '#store/reminder-store';

export const DEFAULT_WEB_BASE_URL = 'http://127.0.0.1:3000';

interface ScheduleOptions {
  clock?: CoreDeps['clock'];
  mail?: MailSender;
  webBaseUrl?: string;
}

/** Only the deadline job sends mail and passes its sender; anywhere else a send fails, saying why. */
const NO_MAIL: MailSender = {
  send: () => Promise.reject(new Error('this function sends no mail: pass a MailSender to buildScheduleDeps')),
};

/** The schedule's stores without forms and submissions: all in the table, no S3 client. */
export type ScheduleTableDeps = Omit<ScheduleDeps, 'forms' | 'submissions'>;

export function buildScheduleDeps(config: StorageConfig, options: ScheduleOptions = {}): ScheduleDeps {
  return { ...buildScheduleTableDeps(config.table, options), ...buildDocumentStores(config) };
}

/** For the deadline job: the table stores and the submission heads, no S3 client. */
export function buildDeadlineDeps(table: string, options: ScheduleOptions = {}): DeadlineDeps {
  return { ...buildScheduleTableDeps(table, options), submissions: new DynamoSubmissionHeads(getDocumentClient(), table) };
}

/** For the calendar function, which reads rounds, meetings, extensions and claims only. */
export function buildScheduleTableDeps(table: string, options: ScheduleOptions = {}): ScheduleTableDeps {
  const db = getDocumentClient();
  return {
    ...buildTableDeps(table, options.clock),
    contacts: new DynamoContactStore(db, table),
    meetings: new DynamoMeetingStore(db, table),
    seats: new DynamoSeatContactStore(db, table),
    feeds: new DynamoCalendarFeedStore(db, table),
    policies: new DynamoRoundPolicyStore(db, table),
    claims: new DynamoClaimStore(db, table),
    submitFeed: new DynamoSubmitFeed(db, table),
    mail: options.mail ?? NO_MAIL,
    webBaseUrl: options.webBaseUrl ?? process.env['WEB_BASE_URL'] ?? DEFAULT_WEB_BASE_URL,
  };
}

let tableDeps: ScheduleTableDeps | undefined;

/** The process-wide table stores of the schedule (calendar, contacts), built on first use. */
export function getScheduleTableDeps(): ScheduleTableDeps {
  tableDeps ??= buildScheduleTableDeps(requiredEnv('TABLE_NAME'));
  return tableDeps;
}
