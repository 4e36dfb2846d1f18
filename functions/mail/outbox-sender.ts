// The local MailSender: every message becomes `<outbox>/<timestamp>-<id>.eml`, so nothing
// leaves the machine and a developer can open each mail in any mail reader.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ulid } from 'ulid';
import type { MailMessage, MailSender } from '#core/schedule-ports';
import { buildEml, parseEml } from '#functions/mail/eml';

export const OUTBOX_FROM = 'Statusportalen (lokal) <no-reply@statusportalen.local>';

export class OutboxMailSender implements MailSender {
  constructor(private readonly dir: string) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const id = ulid().toLowerCase();
    const messageId = `${id}@statusportalen.local`;
    const stamp = message.date.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    await mkdir(this.dir, { recursive: true });
    await writeFile(path.join(this.dir, `${stamp}-${id}.eml`), buildEml(message, { from: OUTBOX_FROM, messageId }), { flag: 'wx' });
    return { messageId };
  }
}

export interface OutboxEntry {
  file: string;
  date: string;
  to: string[];
  subject: string;
  key?: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

/** The outbox's messages, newest first. */
export async function readOutbox(dir: string): Promise<OutboxEntry[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  const entries = await Promise.all(
    files.sort().reverse().map(async (file) => {
      const eml = parseEml(await readFile(path.join(dir, file), 'utf8'));
      const key = eml.headers['x-statusportalen-key'];
      return { file, date: eml.headers['date'] ?? '', to: eml.to, subject: eml.subject, ...(key ? { key } : {}), text: eml.text, ...(eml.attachments.length ? { attachments: eml.attachments } : {}) };
    }),
  );
  return entries;
}
