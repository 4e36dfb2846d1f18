// Composition of the publications function: its own store, the summary engine it reads data blocks
// from, the organisations' contacts, and mail for the announcement. The mail sender and the PDF
// renderer (pdfmake) are loaded on first use, so reading a publication as JSON loads neither.
import { ulid } from 'ulid';
import type { PublicationDeps } from '#core/publication-ports';
import type { MailSender } from '#core/schedule-ports';
import { Problem } from '#core/problems';
import { summaryOfRound } from '#core/summary/service';
import { getDeps, storageConfigFromEnv, type StorageConfig } from '#functions/composition';
import { DEFAULT_WEB_BASE_URL } from '#functions/schedule-composition';
import { buildSummaryDeps } from '#store/summary-store';
import { getDocumentClient, getS3Client } from '#store/clients';
import { DynamoPublicationStore } from '#store/publication-store';
import { DynamoContactStore } from '#store/contact-store';
import type { CoreDeps } from '#core/ports';

const lazyMail = (): MailSender => {
  let sender: MailSender | undefined;
  return {
    send: async (message) => {
      sender ??= (await import('#functions/mail/from-env')).mailSenderFromEnv();
      return sender.send(message);
    },
  };
};

export function buildPublicationDeps(core: CoreDeps, config: StorageConfig, options: { mail?: MailSender; webBaseUrl?: string; apiBaseUrl?: string } = {}): PublicationDeps {
  const summaries = buildSummaryDeps(core, config);
  const webBaseUrl = options.webBaseUrl ?? process.env['WEB_BASE_URL'] ?? DEFAULT_WEB_BASE_URL;
  return {
    publications: new DynamoPublicationStore(getDocumentClient(), config.table, getS3Client(), config.bucket, ulid),
    sources: {
      roundSummary: async (roundId) => {
        try {
          return (await summaryOfRound(summaries, roundId)).summary;
        } catch (err) {
          if (err instanceof Problem && err.code === 'not-found') return undefined;
          throw err;
        }
      },
      indicators: (formId) => summaries.indicators.get(formId),
    },
    contacts: new DynamoContactStore(getDocumentClient(), config.table),
    mail: options.mail ?? lazyMail(),
    clock: core.clock,
    newId: ulid,
    renderPdf: async (doc) => (await import('#core/publication-pdf')).editionPdf(doc),
    webBaseUrl,
    apiBaseUrl: options.apiBaseUrl ?? process.env['API_BASE_URL'] ?? webBaseUrl,
  };
}

let deps: PublicationDeps | undefined;

export function getPublicationDeps(): PublicationDeps {
  deps ??= buildPublicationDeps(getDeps(), storageConfigFromEnv());
  return deps;
}
