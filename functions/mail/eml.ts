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

const base64Lines = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');

// With attachments the message is multipart/mixed (RFC 2046): the text first, then each file.
// A calendar invitation is also offered as its own part, which is what mail readers look for.
function multipart(message: MailMessage, boundary: string): string {
  const parts = [
    ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(message.text)].join('\r\n'),
    ...(message.attachments ?? []).map((a) =>
      [
        `Content-Type: ${a.contentType}; name="${a.filename}"`,
        `Content-Disposition: attachment; filename="${a.filename}"`,
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(a.content),
      ].join('\r\n'),
    ),
  ];
  return `${parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n')}\r\n--${boundary}--\r\n`;
}

export function buildEml(message: MailMessage, { from, messageId }: EmlOptions): string {
  const body = base64Lines(message.text);
  const head = [
    `From: ${from}`,
    `To: ${message.to.join(', ')}`,
    `Subject: ${encodeWord(message.subject)}`,
    `Date: ${message.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${messageId}>`,
    `X-Statusportalen-Key: ${message.key}`,
    'MIME-Version: 1.0',
  ];
  if (message.attachments?.length) {
    const boundary = `=_statusportalen_${messageId.replace(/[^A-Za-z0-9]/g, '')}`;
    return [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', multipart(message, boundary)].join('\r\n');
  }
  return [
    ...head,
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
  attachments: { filename: string; contentType: string; content: string }[];
}

function parseHeaders(source: string): { headers: Record<string, string>; body: string } {
  const split = source.indexOf('\r\n\r\n');
  const head = source.slice(0, split).replace(/\r\n[ \t]/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body: source.slice(split + 4) };
}

const decodeBody = (headers: Record<string, string>, raw: string) =>
  (/base64/i.test(headers['content-transfer-encoding'] ?? '') ? Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8') : raw).replace(/\r\n/g, '\n');

export function parseEml(source: string): ParsedEml {
  const { headers, body } = parseHeaders(source);
  const boundary = /multipart\/mixed;\s*boundary="([^"]+)"/i.exec(headers['content-type'] ?? '')?.[1];
  let text = '';
  const attachments: ParsedEml['attachments'] = [];
  if (boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1).map((p) => parseHeaders(p.replace(/^\r\n/, '').replace(/\r\n$/, '')));
    for (const part of parts) {
      const filename = /filename="([^"]+)"/i.exec(part.headers['content-disposition'] ?? '')?.[1];
      const content = decodeBody(part.headers, part.body);
      if (filename) attachments.push({ filename, contentType: (part.headers['content-type'] ?? '').replace(/;\s*name="[^"]*"/i, ''), content });
      else if (!text) text = content;
    }
  } else {
    text = decodeBody(headers, body);
  }
  return {
    headers,
    to: (headers['to'] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    subject: decodeWords(headers['subject'] ?? ''),
    text,
    attachments,
  };
}
