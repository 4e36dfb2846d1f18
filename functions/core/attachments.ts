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

export function checkAttachment(
  request: { fileName: string; contentType: string; size: number },
  existing: { size: number }[],
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
    throw new Problem('invalid-attachment', `Et bilag må højst fylde ${MAX_FILE_BYTES / 1024 / 1024} MB.`, {
      errors: [{ pointer: '/size', message: 'Filen er for stor.' }],
    });
  }
  if (existing.length >= MAX_FILES) throw new Problem('invalid-attachment', `En indberetning kan højst have ${MAX_FILES} bilag.`);
  const total = existing.reduce((sum, a) => sum + a.size, 0) + request.size;
  if (total > MAX_REPORT_BYTES) {
    throw new Problem('invalid-attachment', `Bilagene til en indberetning må tilsammen højst fylde ${MAX_REPORT_BYTES / 1024 / 1024} MB.`);
  }
  return { fileName };
}
