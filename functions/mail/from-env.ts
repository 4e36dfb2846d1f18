// Chooses how mail leaves the process, by configuration: MAIL_TRANSPORT=outbox writes .eml
// files to OUTBOX_DIR (local); anything else sends with SES from MAIL_FROM (AWS). Only the
// deadline job imports this, so no other function bundles an SES client.
import path from 'node:path';
import type { MailSender } from '#core/schedule-ports';
import { getSesClient, requiredEnv } from '#store/clients';
import { OutboxMailSender } from '#functions/mail/outbox-sender';
import { SesMailSender } from '#functions/mail/ses-sender';

export function outboxDir(): string {
  return process.env['OUTBOX_DIR'] ?? path.join(process.cwd(), '.local', 'outbox');
}

export function mailSenderFromEnv(): MailSender {
  if (process.env['MAIL_TRANSPORT'] === 'outbox') return new OutboxMailSender(outboxDir());
  return new SesMailSender(getSesClient(), requiredEnv('MAIL_FROM'), process.env['MAIL_CONFIGURATION_SET'] || undefined);
}
