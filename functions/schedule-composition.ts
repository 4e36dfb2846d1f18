// Composition of the schedule's dependencies (deadline job, calendar, contacts): the core's
// stores plus contacts, extensions, meetings, claims and a MailSender chosen by configuration:
// MAIL_TRANSPORT=outbox writes .eml files to OUTBOX_DIR (local); anything else sends with SES
// from MAIL_FROM (AWS). Built on first use, like getDeps().
import path from 'node:path';
import type { CoreDeps } from '#core/ports';
import type { MailSender, ScheduleDeps } from '#core/schedule-ports';
import { buildDeps, storageConfigFromEnv, type StorageConfig } from '#functions/composition';
import { getDocumentClient, getSesClient, requiredEnv } from '#store/clients';
import { DynamoContactStore } from '#store/contact-store';
import { DynamoExtensionStore } from '#store/extension-store';
import { DynamoMeetingStore } from '#store/meeting-store';
import { DynamoClaimStore, DynamoRoundPolicyStore, DynamoSubmitFeed } from '#store/reminder-store';
import { OutboxMailSender } from '#functions/mail/outbox-sender';
import { SesMailSender } from '#functions/mail/ses-sender';

export const DEFAULT_WEB_BASE_URL = 'http://127.0.0.1:3000';

export function outboxDir(): string {
  return process.env['OUTBOX_DIR'] ?? path.join(process.cwd(), '.local', 'outbox');
}

export function mailSenderFromEnv(): MailSender {
  if (process.env['MAIL_TRANSPORT'] === 'outbox') return new OutboxMailSender(outboxDir());
  return new SesMailSender(getSesClient(), requiredEnv('MAIL_FROM'), process.env['MAIL_CONFIGURATION_SET'] || undefined);
}

export function buildScheduleDeps(
  config: StorageConfig,
  options: { clock?: CoreDeps['clock']; mail?: MailSender; webBaseUrl?: string } = {},
): ScheduleDeps {
  const db = getDocumentClient();
  const core = buildDeps(config, options.clock);
  return {
    ...core,
    contacts: new DynamoContactStore(db, config.table),
    extensions: new DynamoExtensionStore(db, config.table),
    meetings: new DynamoMeetingStore(db, config.table),
    policies: new DynamoRoundPolicyStore(db, config.table),
    claims: new DynamoClaimStore(db, config.table),
    submitFeed: new DynamoSubmitFeed(db, config.table),
    // Lazily: the calendar and contacts functions never send and need no MAIL_FROM.
    get mail() {
      return (options.mail ??= mailSenderFromEnv());
    },
    webBaseUrl: options.webBaseUrl ?? process.env['WEB_BASE_URL'] ?? DEFAULT_WEB_BASE_URL,
  };
}

let deps: ScheduleDeps | undefined;

export function getScheduleDeps(): ScheduleDeps {
  deps ??= buildScheduleDeps(storageConfigFromEnv());
  return deps;
}
