// Which supporting documents a report may carry: a few office formats, bounded in size per
// file and per report, with file names that are safe to store and to offer for download.
import { Problem } from '#core/problems';

export const ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;
export const MAX_FILES = 20;
/** How long a presigned upload stays usable. */
export const UPLOAD_SECONDS = 15 * 60;

/** Keeps letters (æ, ø, å too), digits and a few separators; never a path. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  return cleaned || 'bilag';
}

/** How long after a ticket is issued its upload may still be confirmed (and so still counts). */
export const CONFIRM_SECONDS = UPLOAD_SECONDS + 60 * 60;

const MB = (bytes: number) => bytes / 1024 / 1024;

/**
 * The per-report limits over what the report holds and what is on its way: confirmed files
 * plus tickets still open (`reserved`), so many tickets at once cannot outrun them.
 */
export function checkLimits(existing: readonly { size: number }[], reserved: readonly { size: number }[], size: number): void {
  if (existing.length + reserved.length + 1 > MAX_FILES) {
    throw new Problem('invalid-attachment', `En indberetning kan højst have ${MAX_FILES} bilag, medregnet filer, der er ved at blive uploadet.`);
  }
  const total = [...existing, ...reserved].reduce((sum, a) => sum + a.size, 0) + size;
  if (total > MAX_REPORT_BYTES) {
    throw new Problem('invalid-attachment', `Bilagene til en indberetning må tilsammen højst fylde ${MB(MAX_REPORT_BYTES)} MB, medregnet filer, der er ved at blive uploadet.`);
  }
}

export function checkAttachment(
  request: { fileName: string; contentType: string; size: number },
  existing: { size: number }[],
  reserved: { size: number }[] = [],
): { fileName: string } {
  const ext = ATTACHMENT_TYPES[request.contentType];
  if (!ext) {
    throw new Problem('invalid-attachment', 'Bilag skal være PDF, Word (DOCX) eller Excel (XLSX).', {
      errors: [{ pointer: '/contentType', message: 'Filtypen understøttes ikke.' }],
    });
  }
  const fileName = safeFileName(request.fileName);
  if (!fileName.toLowerCase().endsWith(`.${ext}`)) {
    throw new Problem('invalid-attachment', `Filnavnet skal ende på .${ext}, så det passer til filtypen.`, {
      errors: [{ pointer: '/fileName', message: `Skal ende på .${ext}.` }],
    });
  }
  if (request.size > MAX_FILE_BYTES) {
    throw new Problem('invalid-attachment', `Et bilag må højst fylde ${MB(MAX_FILE_BYTES)} MB.`, {
      errors: [{ pointer: '/size', message: 'Filen er for stor.' }],
    });
  }
  checkLimits(existing, reserved, request.size);
  return { fileName };
}

/** How many trailing bytes the store keeps for the ZIP check: far more than any Office file's directory. */
export const TAIL_BYTES = 1024 * 1024;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The entry names of a ZIP's central directory, read from the file's last bytes; undefined
 * when there is no readable directory there (not a ZIP, ZIP64, or cut off).
 */
export function zipEntryNames(tail: Uint8Array, size: number): string[] | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const count = view.getUint16(at + 10, true);
    const dirSize = view.getUint32(at + 12, true);
    const dirOffset = view.getUint32(at + 16, true);
    if (dirOffset === 0xffffffff || count === 0xffff) return undefined;
    const start = dirOffset - (size - tail.length);
    if (start < 0 || start + dirSize > at) return undefined;
    const names: string[] = [];
    let p = start;
    const text = new TextDecoder('utf-8', { fatal: false });
    for (let n = 0; n < count; n++) {
      if (p + 46 > at || view.getUint32(p, true) !== 0x02014b50) return undefined;
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      names.push(text.decode(tail.subarray(p + 46, p + 46 + nameLen)));
      p += 46 + nameLen + extraLen + commentLen;
    }
    return names;
  }
  return undefined;
}

/**
 * Whether the bytes are what the declared type says: a PDF starts with `%PDF-`; DOCX and
 * XLSX are OOXML packages, ZIPs with `[Content_Types].xml` and a `word/` or `xl/` part. A
 * Danish reason when not, else undefined. Declared type and file name were checked at the ticket.
 */
export function signatureProblem(contentType: string, head: Uint8Array, tail: Uint8Array, size: number): string | undefined {
  const kind = ATTACHMENT_TYPES[contentType];
  if (kind === 'pdf') return startsWith(head, PDF_MAGIC) ? undefined : 'Filen er ikke en PDF-fil, selv om den er anmeldt som PDF.';
  const label = kind === 'docx' ? 'Word-dokument (DOCX)' : 'Excel-projektmappe (XLSX)';
  const refusal = `Filen er ikke et ${label}, selv om den er anmeldt som det.`;
  if (!startsWith(head, ZIP_MAGIC)) return refusal;
  const names = zipEntryNames(tail, size);
  if (!names) return refusal;
  const part = kind === 'docx' ? 'word/' : 'xl/';
  if (!names.includes('[Content_Types].xml') || !names.some((n) => n.startsWith(part))) return refusal;
  return undefined;
}
