// Publications: SST's own reports, written together with invited organisations, approved by an
// SST administrator and published as frozen editions. Who may do what, in one place:
// - SST's administrators create, edit, invite, approve and publish; SST's readers read and comment.
// - An `author` (a user of an invited organisation, e.g. Social- og Boligstyrelsen) reads, edits
//   and comments on the publications its organisation is invited to, and sees nothing else.
// - Every other signed-in organisation reads published editions only; a draft stays invisible (404).
// - The public route serves the latest edition published as public, and nothing else.
// Publishing resolves every data block once, renders HTML and PDF from that, and stores all three
// under a key of their own: an edition never changes when the data change later.
import { Problem } from '#core/problems';
import { actorOf, isSst, type Identity } from '#core/identity';
import { etagValue } from '#core/submissions-service';
import { findOrganisation, organisationsAt, SST_ORG_ID } from '#core/registry';
import { danishDate, formatDanishDateTime } from '#core/danish-time';
import { genitive } from '#core/danish-names';
import { EXAMPLE_NOTICE, TEMPLATES } from '#core/publication-templates';
import { resolveBlock } from '#core/publication-blocks';
import { diffSections } from '#core/publication-diff';
import { editionHtml, type EditionDocument } from '#core/publication-html';
import { type EditionFile, type EditionRecord, type PublicationContent, type PublicationDeps, type PublicationHead } from '#core/publication-ports';
import { WriteConflict, type AuditEvent } from '#core/ports';
import type {
  EditionMeta,
  Publication,
  PublicationComment,
  PublicationListItem,
  PublicationVersion,
  Section,
  TemplateId,
} from '#schemas/publication';

const NOT_FOUND = () => new Problem('not-found', 'Publikationen findes ikke.');

const invited = (who: Identity, head: Pick<PublicationHead, 'authors'>) => who.role === 'author' && head.authors.includes(who.orgId);
export const mayReadDraft = (who: Identity, head: Pick<PublicationHead, 'authors'>) => isSst(who) || invited(who, head);
const mayEdit = (who: Identity, head: Pick<PublicationHead, 'authors'>) => who.role === 'sst-admin' || invited(who, head);

/** Anything at all: the draft (SST, invited authors) or a published edition (other signed-in organisations). */
function assertVisible(who: Identity, head: PublicationHead | undefined): asserts head is PublicationHead {
  if (!head) throw NOT_FOUND();
  if (mayReadDraft(who, head)) return;
  // An author has the publications its organisation is invited to, and nothing else.
  if (who.role === 'author' || head.editions.length === 0) throw NOT_FOUND();
}

const metaOf = ({ filesKey: _files, ...meta }: EditionRecord): EditionMeta => meta;

function event(deps: PublicationDeps, who: Identity, head: PublicationHead, action: string, detail?: Record<string, unknown>): AuditEvent {
  return {
    at: deps.clock.now().toISOString(),
    id: deps.newId(),
    ...actorOf(who),
    action,
    subject: `publication/${head.publicationId}`,
    ...(detail ? { detail } : {}),
  };
}

const newEtag = (deps: PublicationDeps, revision: number) => `${revision}-${deps.newId().slice(-10).toLowerCase()}`;

async function conflict(deps: PublicationDeps, publicationId: string): Promise<Problem> {
  const now = await deps.publications.get(publicationId);
  if (!now) return NOT_FOUND();
  return new Problem(
    'edit-conflict',
    `${now.updatedBy} gemte publikationen ${formatDanishDateTime(new Date(now.updatedAt))}. Hent den nyeste version, før du gemmer igen, så intet går tabt.`,
    { savedBy: now.updatedBy, savedAt: now.updatedAt, currentRevision: now.revision, currentEtag: `"${now.etag}"` },
  );
}

function assertEtag(head: PublicationHead, ifMatch: string | undefined): void {
  if (ifMatch === undefined) throw new Problem('precondition-required', 'Hent publikationen igen, før du gemmer, så du ikke overskriver en andens ændringer.');
}

async function commit(deps: PublicationDeps, head: PublicationHead, expected: string | undefined, version: Parameters<PublicationDeps['publications']['commit']>[2], ev: AuditEvent) {
  try {
    await deps.publications.commit(head, expected, version, ev);
  } catch (err) {
    if (err instanceof WriteConflict) throw await conflict(deps, head.publicationId);
    throw err;
  }
}

function assertAuthors(authors: readonly string[]): void {
  for (const orgId of authors) {
    const org = findOrganisation(orgId);
    if (!org || org.kind !== 'authority' || orgId === SST_ORG_ID) {
      throw new Problem('invalid-body', `"${orgId}" kan ikke inviteres som medforfatter: kun nationale myndigheder uden for Sundhedsstyrelsen kan.`, {
        errors: [{ pointer: '/authors', message: 'Ukendt eller ikke en myndighed.' }],
      });
    }
  }
}

function view(who: Identity, head: PublicationHead, content: PublicationContent, comments: PublicationComment[]): Publication {
  return {
    publicationId: head.publicationId,
    title: content.title,
    template: head.template,
    ...(head.exampleNotice ? { exampleNotice: head.exampleNotice } : {}),
    status: head.status,
    authors: head.authors,
    sections: content.sections,
    revision: head.revision,
    etag: `"${head.etag}"`,
    updatedAt: head.updatedAt,
    updatedBy: head.updatedBy,
    ...(head.approvedRevision !== undefined ? { approvedRevision: head.approvedRevision } : {}),
    ...(head.approvedBy ? { approvedBy: head.approvedBy } : {}),
    editions: head.editions.map(metaOf),
    comments,
    may: {
      edit: mayEdit(who, head),
      invite: who.role === 'sst-admin',
      approve: who.role === 'sst-admin' && head.status === 'draft',
      publish: who.role === 'sst-admin' && head.status === 'approved' && head.approvedRevision === head.revision,
      comment: mayReadDraft(who, head),
    },
  };
}

export async function createPublication(
  deps: PublicationDeps,
  who: Identity,
  request: { template: TemplateId; title?: string | undefined; period?: string | undefined; authors: string[] },
): Promise<Publication> {
  const template = TEMPLATES[request.template];
  const now = deps.clock.now();
  const period = request.period ?? danishDate(now).slice(0, 4);
  const authors = [...new Set([...template.authors, ...request.authors])];
  assertAuthors(authors);
  const publicationId = `pub-${deps.newId().toLowerCase()}`;
  const content: PublicationContent = { title: request.title ?? template.title(period), sections: template.sections(period) };
  const contentKey = await deps.publications.putContent(publicationId, 1, content);
  const at = now.toISOString();
  const head: PublicationHead = {
    publicationId,
    title: content.title,
    template: request.template,
    ...(request.template !== 'blank' ? { exampleNotice: EXAMPLE_NOTICE } : {}),
    status: 'draft',
    authors,
    revision: 1,
    etag: newEtag(deps, 1),
    contentKey,
    createdAt: at,
    createdBy: who.name,
    updatedAt: at,
    updatedBy: who.name,
    editions: [],
  };
  const changes = diffSections([], content.sections);
  await commit(deps, head, undefined, { revision: 1, at, by: who.name, title: content.title, changes, contentKey }, event(deps, who, head, 'publication.created', { template: request.template, authors }));
  return view(who, head, content, []);
}

export async function listPublications(deps: PublicationDeps, who: Identity): Promise<PublicationListItem[]> {
  const heads = await deps.publications.list();
  return heads
    .filter((h) => mayReadDraft(who, h) || (who.role !== 'author' && h.editions.length > 0))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
    .map((h) => {
      const draft = mayReadDraft(who, h);
      const latest = h.editions[h.editions.length - 1];
      return {
        publicationId: h.publicationId,
        title: draft || !latest ? h.title : latest.title,
        status: h.status,
        updatedAt: draft || !latest ? h.updatedAt : latest.publishedAt,
        draftVisible: draft,
        editions: h.editions.map(metaOf),
      };
    });
}

function pickEdition(head: PublicationHead, edition: number | undefined): EditionRecord {
  const found = edition === undefined ? head.editions[head.editions.length - 1] : head.editions.find((e) => e.edition === edition);
  if (!found) throw new Problem('not-found', edition === undefined ? 'Publikationen er ikke udgivet endnu.' : `Publikationen har ingen udgave ${edition}.`);
  return found;
}

export type Rendered = { kind: 'json'; body: Publication } | { kind: 'file'; format: 'html' | 'pdf'; bytes: Buffer; fileName: string };

const fileName = (head: PublicationHead, edition: number, format: string) => `${head.publicationId}-${edition === 0 ? 'udkast' : `udgave-${edition}`}.${format}`;

/**
 * One publication for a signed-in caller. Editors (SST, invited authors) get the draft, or with
 * `edition` a published edition; everyone else gets the latest (or the named) published edition.
 */
export async function readPublication(deps: PublicationDeps, who: Identity, publicationId: string, format: 'json' | 'html' | 'pdf', edition: number | undefined): Promise<Rendered> {
  const head = await deps.publications.get(publicationId);
  assertVisible(who, head);
  const draft = mayReadDraft(who, head) && edition === undefined;
  if (draft) {
    const content = await deps.publications.readContent(head.contentKey);
    if (format === 'json') return { kind: 'json', body: view(who, head, content, await deps.publications.comments(publicationId)) };
    // The live preview: today's data, rendered now, never stored.
    const doc = await editionDocument(deps, head, content, 0);
    const bytes = format === 'html' ? Buffer.from(editionHtml(doc), 'utf8') : await deps.renderPdf(doc);
    return { kind: 'file', format, bytes, fileName: fileName(head, 0, format) };
  }
  const chosen = pickEdition(head, edition);
  if (format === 'json') {
    const doc = JSON.parse((await deps.publications.readEditionFile(chosen.filesKey, 'json')).toString('utf8')) as EditionDocument;
    const body = view(who, head, { title: doc.title, sections: doc.sections.map(({ snapshot: _s, ...s }) => s as Section) }, []);
    return { kind: 'json', body: { ...body, revision: chosen.revision, status: 'approved', may: { edit: false, invite: false, approve: false, publish: false, comment: false } } };
  }
  return { kind: 'file', format, bytes: await deps.publications.readEditionFile(chosen.filesKey, format), fileName: fileName(head, chosen.edition, format) };
}

/** What changed between two revisions, section by section (text sections line by line). */
export async function updatePublication(
  deps: PublicationDeps,
  who: Identity,
  publicationId: string,
  ifMatch: string | undefined,
  body: { title: string; sections: Section[]; authors?: string[] | undefined },
): Promise<Publication> {
  const head = await deps.publications.get(publicationId);
  assertVisible(who, head);
  if (!mayEdit(who, head)) throw new Problem('forbidden', 'Kun Sundhedsstyrelsens administratorer og de inviterede medforfattere kan skrive i publikationen.');
  const ids = body.sections.map((s) => s.id);
  if (new Set(ids).size !== ids.length) {
    throw new Problem('invalid-body', 'To afsnit har samme id.', { errors: [{ pointer: '/sections', message: 'Hvert afsnit skal have sit eget id.' }] });
  }
  const authorsChange = body.authors !== undefined && JSON.stringify([...body.authors].sort()) !== JSON.stringify([...head.authors].sort());
  if (authorsChange && who.role !== 'sst-admin') throw new Problem('forbidden', 'Kun Sundhedsstyrelsens administratorer kan invitere medforfattere.');
  if (authorsChange) assertAuthors(body.authors!);
  assertEtag(head, ifMatch);
  if (etagValue(ifMatch) !== head.etag) throw await conflict(deps, publicationId);
  const previous = await deps.publications.readContent(head.contentKey);
  const revision = head.revision + 1;
  const content: PublicationContent = { title: body.title, sections: body.sections };
  const contentKey = await deps.publications.putContent(publicationId, revision, content);
  const at = deps.clock.now().toISOString();
  const { approvedRevision: _r, approvedBy: _b, ...rest } = head;
  const next: PublicationHead = {
    ...rest,
    title: body.title,
    authors: authorsChange ? [...new Set(body.authors!)] : head.authors,
    // Any change after an approval needs a new one: what is published is what was approved.
    status: 'draft',
    revision,
    etag: newEtag(deps, revision),
    contentKey,
    updatedAt: at,
    updatedBy: who.name,
  };
  const changes = diffSections(previous.sections, content.sections);
  if (previous.title !== content.title) changes.unshift({ sectionId: 'titel', title: content.title, change: 'changed', removed: [previous.title], added: [content.title] });
  await commit(
    deps,
    next,
    head.etag,
    { revision, at, by: who.name, title: content.title, changes, contentKey },
    event(deps, who, next, 'publication.saved', { revision, sections: changes.map((c) => `${c.change}:${c.sectionId}`), ...(authorsChange ? { authors: next.authors } : {}) }),
  );
  return view(who, next, content, await deps.publications.comments(publicationId));
}

export async function addComment(deps: PublicationDeps, who: Identity, publicationId: string, body: { sectionId: string; text: string }): Promise<PublicationComment> {
  const head = await deps.publications.get(publicationId);
  assertVisible(who, head);
  if (!mayReadDraft(who, head)) throw new Problem('forbidden', 'Kun Sundhedsstyrelsen og de inviterede medforfattere kan kommentere publikationen.');
  const content = await deps.publications.readContent(head.contentKey);
  if (!content.sections.some((s) => s.id === body.sectionId)) {
    throw new Problem('invalid-body', 'Afsnittet findes ikke i publikationen.', { errors: [{ pointer: '/sectionId', message: 'Ukendt afsnit.' }] });
  }
  const comment: PublicationComment = { commentId: deps.newId(), sectionId: body.sectionId, text: body.text, at: deps.clock.now().toISOString(), by: who.name, byOrgId: who.orgId };
  await deps.publications.addComment(publicationId, comment, event(deps, who, head, 'publication.commented', { sectionId: body.sectionId, commentId: comment.commentId }));
  return comment;
}

export async function publicationVersions(deps: PublicationDeps, who: Identity, publicationId: string): Promise<PublicationVersion[]> {
  const head = await deps.publications.get(publicationId);
  assertVisible(who, head);
  if (!mayReadDraft(who, head)) throw NOT_FOUND();
  return deps.publications.versions(publicationId);
}

async function loadForReview(deps: PublicationDeps, who: Identity, publicationId: string, ifMatch: string | undefined): Promise<PublicationHead> {
  const head = await deps.publications.get(publicationId);
  assertVisible(who, head);
  if (who.role !== 'sst-admin') throw new Problem('forbidden', 'Kun Sundhedsstyrelsens administratorer kan godkende og udgive publikationer.');
  assertEtag(head, ifMatch);
  if (etagValue(ifMatch) !== head.etag) throw await conflict(deps, publicationId);
  return head;
}

export async function approvePublication(deps: PublicationDeps, who: Identity, publicationId: string, ifMatch: string | undefined): Promise<Publication> {
  const head = await loadForReview(deps, who, publicationId, ifMatch);
  if (head.status === 'approved') throw new Problem('invalid-transition', 'Publikationen er allerede godkendt i denne version.');
  const next: PublicationHead = { ...head, status: 'approved', approvedRevision: head.revision, approvedBy: who.name, etag: newEtag(deps, head.revision) };
  await commit(deps, next, head.etag, undefined, event(deps, who, next, 'publication.approved', { revision: head.revision }));
  const content = await deps.publications.readContent(head.contentKey);
  return view(who, next, content, await deps.publications.comments(publicationId));
}

async function editionDocument(deps: PublicationDeps, head: PublicationHead, content: PublicationContent, edition: number, published?: { at: string; by: string }): Promise<EditionDocument> {
  const sections = [];
  for (const s of content.sections) sections.push(s.kind === 'data' ? { ...s, snapshot: await resolveBlock(deps.sources, s.block) } : s);
  return {
    publicationId: head.publicationId,
    title: content.title,
    edition,
    revision: head.revision,
    ...(published ? { publishedAt: published.at, publishedBy: published.by } : {}),
    ...(head.exampleNotice ? { exampleNotice: head.exampleNotice } : {}),
    authors: [SST_ORG_ID, ...head.authors],
    sections,
  };
}

export interface PublishOutcome {
  publication: Publication;
  announced: number;
  announceErrors: number;
}

export async function publishPublication(
  deps: PublicationDeps,
  who: Identity,
  publicationId: string,
  ifMatch: string | undefined,
  options: { public: boolean; announce: boolean },
): Promise<PublishOutcome> {
  const head = await loadForReview(deps, who, publicationId, ifMatch);
  if (head.status !== 'approved' || head.approvedRevision !== head.revision) {
    throw new Problem('invalid-transition', 'Publikationen skal godkendes i den nuværende version, før den kan udgives.');
  }
  const content = await deps.publications.readContent(head.contentKey);
  const at = deps.clock.now().toISOString();
  const number = (head.editions[head.editions.length - 1]?.edition ?? 0) + 1;
  const doc = await editionDocument(deps, head, content, number, { at, by: who.name });
  const files: Record<EditionFile, Buffer> = {
    json: Buffer.from(JSON.stringify(doc), 'utf8'),
    html: Buffer.from(editionHtml(doc), 'utf8'),
    pdf: await deps.renderPdf(doc),
  };
  const filesKey = `publications/${publicationId}/editions/${String(number).padStart(4, '0')}-${deps.newId().toLowerCase()}`;
  await deps.publications.putEditionFiles(filesKey, files);
  const record: EditionRecord = { edition: number, revision: head.revision, publishedAt: at, publishedBy: who.name, public: options.public, title: content.title, filesKey };
  const { approvedRevision: _r, approvedBy: _b, ...rest } = head;
  // Published: the next edition starts from this text and needs its own approval.
  const next: PublicationHead = { ...rest, status: 'draft', etag: newEtag(deps, head.revision), editions: [...head.editions, record] };
  const snapshots = doc.sections.flatMap((s) => ('snapshot' in s && s.snapshot ? [{ sectionId: s.id, source: s.snapshot.source }] : []));
  await commit(deps, next, head.etag, undefined, event(deps, who, next, 'publication.published', { edition: number, revision: head.revision, public: options.public, snapshots }));
  const mail = options.announce ? await announce(deps, next, record) : { sent: 0, failed: 0 };
  return { publication: view(who, next, content, await deps.publications.comments(publicationId)), announced: mail.sent, announceErrors: mail.failed };
}

/** The organisations a published edition is for: regions, municipalities and the invited authors. */
export function announcementOrgs(date: string, authors: readonly string[]): string[] {
  return [...organisationsAt(date, 'region'), ...organisationsAt(date, 'municipality')].map((o) => o.id).concat(authors);
}

async function announce(deps: PublicationDeps, head: PublicationHead, edition: EditionRecord): Promise<{ sent: number; failed: number }> {
  const orgs = announcementOrgs(danishDate(deps.clock.now()), head.authors);
  let sent = 0;
  let failed = 0;
  const link = `${deps.webBaseUrl}/#/publikationer/${head.publicationId}`;
  for (const orgId of orgs) {
    const contacts = await deps.contacts.get(orgId);
    if (!contacts || contacts.emails.length === 0) continue;
    const org = findOrganisation(orgId);
    const lines = [
      `Til ${org?.officialName ?? orgId}`,
      '',
      `Sundhedsstyrelsen har udgivet "${edition.title}" (udgave ${edition.edition}, ${formatDanishDateTime(new Date(edition.publishedAt))}).`,
      '',
      `Læs den i Statusportalen: ${link}`,
      ...(edition.public ? [`Den kan også læses uden login: ${deps.apiBaseUrl}/public/publications/${head.publicationId}`] : []),
      '',
      `Du får denne besked, fordi du er kontaktperson for ${org ? genitive(org.officialName) : orgId} indberetninger i Statusportalen.`,
      '',
      'Med venlig hilsen',
      'Sundhedsstyrelsen',
    ];
    try {
      await deps.mail.send({
        to: contacts.emails,
        subject: `Udgivet: ${edition.title}`,
        text: lines.join('\n'),
        key: `publication/${head.publicationId}/edition/${edition.edition}/${orgId}`,
        date: deps.clock.now(),
      });
      sent++;
    } catch {
      failed++;
    }
  }
  return { sent, failed };
}

async function latestPublic(deps: PublicationDeps, publicationId: string): Promise<{ head: PublicationHead; edition: EditionRecord }> {
  const head = await deps.publications.get(publicationId);
  const edition = head ? [...head.editions].reverse().find((e) => e.public) : undefined;
  if (!head || !edition) throw NOT_FOUND();
  return { head, edition };
}

/** The public route: the latest edition published as public, byte for byte as stored; 404 for anything else. */
export async function publicEdition(deps: PublicationDeps, publicationId: string, format: 'html' | 'pdf'): Promise<{ bytes: Buffer; fileName: string }> {
  const { head, edition } = await latestPublic(deps, publicationId);
  return { bytes: await deps.publications.readEditionFile(edition.filesKey, format), fileName: fileName(head, edition.edition, format) };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom feed (RFC 4287) of the public editions, newest first. */
export async function publicFeed(deps: PublicationDeps): Promise<string> {
  const heads = await deps.publications.list();
  const entries = heads
    .flatMap((h) => h.editions.filter((e) => e.public).map((e) => ({ h, e })))
    .sort((a, b) => (a.e.publishedAt < b.e.publishedAt ? 1 : -1));
  const updated = entries[0]?.e.publishedAt ?? new Date(0).toISOString();
  const base = deps.apiBaseUrl;
  const body = entries
    .map(
      ({ h, e }) => `  <entry>
    <id>urn:statusportalen:publication:${h.publicationId}:${e.edition}</id>
    <title>${xml(e.title)} (udgave ${e.edition})</title>
    <updated>${e.publishedAt}</updated>
    <published>${e.publishedAt}</published>
    <author><name>Sundhedsstyrelsen</name></author>
    <link rel="alternate" type="text/html" href="${xml(`${base}/public/publications/${h.publicationId}`)}"/>
    <link rel="enclosure" type="application/pdf" href="${xml(`${base}/public/publications/${h.publicationId}?format=pdf`)}"/>
    <summary>Udgave ${e.edition}, udgivet ${xml(formatDanishDateTime(new Date(e.publishedAt)))}.</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <id>urn:statusportalen:publications</id>
  <title>Sundhedsstyrelsens publikationer i Statusportalen</title>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${xml(`${base}/public/publications.atom`)}"/>
${body}
</feed>
`;
}
