// The publications area's routes: SST's own reports, co-authored, approved and published as frozen
// editions, plus the one public prefix (/public/) that serves published public editions and their
// Atom feed, and nothing else. Declared once here; functions/routes.ts gathers all areas.
import * as z from 'zod';
import * as api from '#schemas/api';
import * as pub from '#schemas/publication';
import { ADMIN_ROLES, type Caller, type RouteSpec } from '#functions/routes/spec';

/** Everyone signed in: reporters read published editions; `author` only what it is invited to. */
const READERS: readonly Caller[] = ['reporter', 'sst-reader', 'sst-admin', 'author'];
/** SST and invited authors; the service checks the invitation. */
const WRITERS: readonly Caller[] = ['sst-admin', 'author'];
const COMMENTERS: readonly Caller[] = ['sst-reader', 'sst-admin', 'author'];
const params = { publicationId: pub.PublicationId };

export const PUBLICATIONS_ROUTES = [
  {
    method: 'GET',
    path: '/publications',
    area: 'publications',
    operationId: 'listPublications',
    summary: 'Publications: SST and invited authors see drafts; every signed-in organisation sees published editions',
    auth: READERS,
    response: api.listOf(pub.PublicationListItem),
  },
  {
    method: 'POST',
    path: '/publications',
    area: 'publications',
    operationId: 'createPublication',
    summary: 'Start a publication from one of the example templates (or blank), inviting co-authoring organisations',
    auth: ADMIN_ROLES,
    body: pub.CreatePublicationRequest,
    status: 201,
    responseHeaders: ['etag'],
    response: pub.Publication,
  },
  {
    method: 'GET',
    path: '/publications/{publicationId}',
    area: 'publications',
    operationId: 'getPublication',
    summary: 'A publication as JSON, or rendered as printable HTML or PDF: the draft with live data for its editors, a published edition for everyone else',
    auth: READERS,
    params,
    query: pub.PublicationQuery,
    responseHeaders: ['etag', 'content-disposition'],
    response: pub.Publication,
    produces: ['text/html', 'application/pdf'],
  },
  {
    method: 'PUT',
    path: '/publications/{publicationId}',
    area: 'publications',
    operationId: 'updatePublication',
    summary: "Save the draft (autosave): title, sections and, for SST's administrators, the invited authors",
    auth: WRITERS,
    params,
    ifMatch: 'required',
    body: pub.UpdatePublicationRequest,
    responseHeaders: ['etag'],
    response: pub.Publication,
  },
  {
    method: 'POST',
    path: '/publications/{publicationId}/comments',
    area: 'publications',
    operationId: 'addPublicationComment',
    summary: 'Comment on one section of the draft',
    auth: COMMENTERS,
    params,
    body: pub.CommentRequest,
    status: 201,
    response: pub.PublicationComment,
  },
  {
    method: 'GET',
    path: '/publications/{publicationId}/versions',
    area: 'publications',
    operationId: 'listPublicationVersions',
    summary: "The draft's saved versions, each with what changed since the one before",
    auth: COMMENTERS,
    params,
    response: api.listOf(pub.PublicationVersion),
  },
  {
    method: 'POST',
    path: '/publications/{publicationId}/approve',
    area: 'publications',
    operationId: 'approvePublication',
    summary: 'Approve the current version of the draft for publishing',
    auth: ADMIN_ROLES,
    params,
    ifMatch: 'required',
    responseHeaders: ['etag'],
    response: pub.Publication,
  },
  {
    method: 'POST',
    path: '/publications/{publicationId}/publish',
    area: 'publications',
    operationId: 'publishPublication',
    summary: 'Publish the approved version as a new edition: every data block is frozen, HTML and PDF are stored, organisations are told by e-mail',
    auth: ADMIN_ROLES,
    params,
    ifMatch: 'required',
    body: pub.PublishRequest,
    responseHeaders: ['etag'],
    response: z.object({ publication: pub.Publication, announced: z.number().int(), announceErrors: z.number().int() }),
  },
  {
    method: 'GET',
    path: '/public/publications/{publicationId}',
    area: 'publications',
    operationId: 'getPublicPublication',
    summary: 'The latest edition published as public, as HTML or PDF, without signing in; 404 for anything else',
    auth: 'public',
    params,
    query: pub.PublicQuery,
    responseHeaders: ['content-disposition'],
    response: z.string(),
    produces: ['text/html', 'application/pdf'],
  },
  {
    method: 'GET',
    path: '/public/publications.atom',
    area: 'publications',
    operationId: 'publicationsFeed',
    summary: 'An Atom feed of the public editions, newest first',
    auth: 'public',
    response: z.string(),
    produces: ['application/atom+xml'],
  },
] as const satisfies readonly RouteSpec[];
