// Storage ports of publications. One DynamoDB + S3 implementation lives in
// functions/store/publication-store.ts: heads, versions and comments are table items; the draft's
// content of each revision and every edition (its JSON with the frozen data, its HTML and its PDF)
// are immutable S3 objects.
import type { AuditEvent, Clock } from '#core/ports';
import type { ContactStore, MailSender } from '#core/schedule-ports';
import type { BlockSources } from '#core/publication-blocks';
import type { EditionDocument } from '#core/publication-html';
import type { EditionMeta, PublicationComment, PublicationVersion, Section, TemplateId } from '#schemas/publication';

export interface EditionRecord extends EditionMeta {
  /** S3 key prefix of the edition's files (`.json`, `.html`, `.pdf`); unique per publish attempt. */
  filesKey: string;
}

export interface PublicationHead {
  publicationId: string;
  title: string;
  template: TemplateId;
  exampleNotice?: string;
  status: 'draft' | 'approved';
  authors: string[];
  revision: number;
  etag: string;
  contentKey: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  approvedRevision?: number;
  approvedBy?: string;
  editions: EditionRecord[];
}

export interface PublicationContent {
  title: string;
  sections: Section[];
}

export type EditionFile = 'json' | 'html' | 'pdf';

export interface PublicationStore {
  list(): Promise<PublicationHead[]>;
  get(publicationId: string): Promise<PublicationHead | undefined>;
  /** Stores the content document under a new key and returns it. */
  putContent(publicationId: string, revision: number, content: PublicationContent): Promise<string>;
  readContent(key: string): Promise<PublicationContent>;
  /**
   * Writes the head (only if its ETag is still `expectedEtag`, or if none exists when undefined),
   * the version row (when given) and the audit event in one transaction; WriteConflict (#core/ports) otherwise.
   */
  commit(head: PublicationHead, expectedEtag: string | undefined, version: (PublicationVersion & { contentKey: string }) | undefined, event: AuditEvent): Promise<void>;
  versions(publicationId: string): Promise<PublicationVersion[]>;
  addComment(publicationId: string, comment: PublicationComment, event: AuditEvent): Promise<void>;
  comments(publicationId: string): Promise<PublicationComment[]>;
  putEditionFiles(filesKey: string, files: Record<EditionFile, Buffer>): Promise<void>;
  readEditionFile(filesKey: string, file: EditionFile): Promise<Buffer>;
}


export interface PublicationDeps {
  publications: PublicationStore;
  sources: BlockSources;
  contacts: Pick<ContactStore, 'get'>;
  mail: MailSender;
  clock: Clock;
  newId: () => string;
  /** Loaded on first use (functions/core/publication-pdf.ts), so reading JSON never loads pdfmake. */
  renderPdf: (doc: EditionDocument) => Promise<Buffer>;
  /** Where the web app lives (links in announcements). */
  webBaseUrl: string;
  /** Where the API lives (the public links and the Atom feed). */
  apiBaseUrl: string;
}
