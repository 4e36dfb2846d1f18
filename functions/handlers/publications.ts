// Publications: SST's reports written from the consolidated data, co-authored, approved and
// published as frozen editions; and the public prefix that serves public editions and their feed.
// HTML answers carry the print page's no-script policy; PDFs are stored bytes or, for a draft
// preview, made on request by the lazily loaded pdfmake module.
import { createAreaHandler, type OperationResult } from '#http/area';
import { HTML_PAGE_HEADERS } from '#http/print-page';
import { PUBLICATIONS_ROUTES } from '#functions/routes/publications';
import { getPublicationDeps } from '#functions/publications-composition';
import {
  addComment,
  approvePublication,
  createPublication,
  listPublications,
  publicationVersions,
  publicEdition,
  publicFeed,
  publishPublication,
  readPublication,
  updatePublication,
} from '#core/publications-service';
import type { Publication } from '#schemas/publication';

const withEtag = (p: Publication, status?: number): OperationResult => ({ ...(status ? { status } : {}), body: p, headers: { etag: p.etag } });

function file(format: 'html' | 'pdf', bytes: Buffer, fileName: string): OperationResult {
  if (format === 'pdf') {
    return {
      headers: { 'content-disposition': `inline; filename="${fileName}"` },
      raw: { body: bytes.toString('base64'), contentType: 'application/pdf', base64: true },
    };
  }
  return {
    headers: { ...HTML_PAGE_HEADERS, 'content-disposition': `inline; filename="${fileName}"` },
    raw: { body: bytes.toString('utf8'), contentType: 'text/html; charset=utf-8' },
  };
}

export const handler = createAreaHandler(PUBLICATIONS_ROUTES, {
  listPublications: async ({ identity }) => ({ body: { items: await listPublications(getPublicationDeps(), identity) } }),
  createPublication: async ({ identity, body }) => {
    const p = await createPublication(getPublicationDeps(), identity, body);
    return { ...withEtag(p, 201), headers: { etag: p.etag, location: `/publications/${p.publicationId}` } };
  },
  getPublication: async ({ identity, params, query }) => {
    const out = await readPublication(getPublicationDeps(), identity, params.publicationId, query.format ?? 'json', query.edition);
    return out.kind === 'json' ? withEtag(out.body) : file(out.format, out.bytes, out.fileName);
  },
  updatePublication: async ({ identity, params, body, ifMatch }) => withEtag(await updatePublication(getPublicationDeps(), identity, params.publicationId, ifMatch, body)),
  addPublicationComment: async ({ identity, params, body }) => ({ status: 201, body: await addComment(getPublicationDeps(), identity, params.publicationId, body) }),
  listPublicationVersions: async ({ identity, params }) => ({ body: { items: await publicationVersions(getPublicationDeps(), identity, params.publicationId) } }),
  approvePublication: async ({ identity, params, ifMatch }) => withEtag(await approvePublication(getPublicationDeps(), identity, params.publicationId, ifMatch)),
  publishPublication: async ({ identity, params, body, ifMatch }) => {
    const out = await publishPublication(getPublicationDeps(), identity, params.publicationId, ifMatch, body);
    return { body: out, headers: { etag: out.publication.etag } };
  },
  getPublicPublication: async ({ params, query }) => {
    const format = query.format ?? 'html';
    const out = await publicEdition(getPublicationDeps(), params.publicationId, format);
    const answer = file(format, out.bytes, out.fileName);
    // A published edition never changes: caches may keep it a while (a new edition replaces it within minutes).
    return { ...answer, headers: { ...answer.headers, 'cache-control': 'public, max-age=300' } };
  },
  publicationsFeed: async () => ({
    raw: { body: await publicFeed(getPublicationDeps()), contentType: 'application/atom+xml; charset=utf-8' },
    headers: { 'cache-control': 'public, max-age=300' },
  }),
});
