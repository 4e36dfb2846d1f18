// RFC 5322 messages as text: what the local outbox writes and reads back. UTF-8 throughout:
// the subject as an RFC 2047 encoded-word, the body base64 (Danish letters survive any reader).
import type { MailMessage } from '#core/schedule-ports';

const encodeWord = (text: string): string => {
  // Encoded words are limited to 75 characters; split on whole characters, folded onto new lines.
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
};

const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

export interface EmlOptions {
  from: string;
  messageId: string;
}

export function buildEml(message: MailMessage, { from, messageId }: EmlOptions): string {
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');
  return [
    `From: ${from}`,
    `To: ${message.to.join(', ')}`,
    `Subject: ${encodeWord(message.subject)}`,
    `Date: ${message.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${messageId}>`,
    `X-Statusportalen-Key: ${message.key}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

export interface ParsedEml {
  headers: Record<string, string>;
  to: string[];
  subject: string;
  text: string;
}

export function parseEml(source: string): ParsedEml {
  const split = source.indexOf('\r\n\r\n');
  const head = source.slice(0, split).replace(/\r\n[ \t]/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const raw = source.slice(split + 4);
  const text = /base64/i.test(headers['content-transfer-encoding'] ?? '') ? Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8') : raw;
  return {
    headers,
    to: (headers['to'] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    subject: decodeWords(headers['subject'] ?? ''),
    text: text.replace(/\r\n/g, '\n'),
  };
}
