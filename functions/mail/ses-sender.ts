// The AWS MailSender: Amazon SES v2 SendEmail, UTF-8 subject and text body. The sender
// address (MAIL_FROM) must be a verified SES identity; MAIL_CONFIGURATION_SET, when set,
// routes bounces and complaints to SES's event destinations.
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { ulid } from 'ulid';
import type { MailMessage, MailSender } from '#core/schedule-ports';
import { buildEml } from '#functions/mail/eml';

export class SesMailSender implements MailSender {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const out = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: message.to },
        // A message with attachments (a meeting invitation) goes as the same MIME text the local
        // outbox writes; SES takes From and To from it and adds its own Message-ID.
        Content: message.attachments?.length
          ? { Raw: { Data: Buffer.from(buildEml(message, { from: this.from, messageId: `${ulid().toLowerCase()}@statusportalen` }), 'utf8') } }
          : {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            Headers: [{ Name: 'X-Statusportalen-Key', Value: message.key }],
          },
        },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
        EmailTags: [{ Name: 'kind', Value: message.key.split(/[#/]/)[0]!.replace(/[^A-Za-z0-9_-]/g, '') || 'notice' }],
      }),
    );
    if (!out.MessageId) throw new Error('SES returned no MessageId');
    return { messageId: out.MessageId };
  }
}
