// Composition of the schedule's dependencies (deadline job, calendar, contacts): the core's
// stores plus contacts, extensions, meetings and claims. Only the deadline job sends mail, so
// it passes its MailSender in (functions/mail/from-env.ts); the others never bundle one.
import type { CoreDeps } from '#core/ports';
import type { MailSender, ScheduleDeps } from '#core/schedule-ports';
import { buildDeps, storageConfigFromEnv, type StorageConfig } from '#functions/composition';
import { getDocumentClient } from '#store/clients';
import { DynamoContactStore } from '#store/contact-store';
import { DynamoExtensionStore } from '#store/extension-store';
import { DynamoMeetingStore } from '#store/meeting-store';
import { DynamoClaimStore, DynamoRoundPolicyStore, DynamoSubmitFeed } from '#store/reminder-store';

export const DEFAULT_WEB_BASE_URL = 'http://127.0.0.1:3000';

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
    get mail(): MailSender {
      if (!options.mail) throw new Error('this function sends no mail: pass a MailSender to buildScheduleDeps');
      return options.mail;
    },
    webBaseUrl: options.webBaseUrl ?? process.env['WEB_BASE_URL'] ?? DEFAULT_WEB_BASE_URL,
  };
}

let deps: ScheduleDeps | undefined;

export function getScheduleDeps(): ScheduleDeps {
  deps ??= buildScheduleDeps(storageConfigFromEnv());
  return deps;
}
