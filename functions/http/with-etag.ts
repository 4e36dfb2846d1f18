// A report travels with its ETag header, so the next write can name it in If-Match.
import type { OperationResult } from '#http/area';
import type { Submission } from '#schemas/api';

export const withEtag = (s: Submission): OperationResult => ({ body: s, headers: s.etag ? { etag: s.etag } : {} });
