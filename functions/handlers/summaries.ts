// Consolidated summaries for SST and its systems: a round's summary in four formats, its live
// completeness, a form's trend across years, and the national indicator data beside them.
// Bodies too large for a Lambda answer (6 MB) go to S3 and the client is redirected (303).
import { Logger } from '@aws-lambda-powertools/logger';
import { createAreaHandler, type OperationResult } from '#http/area';
import { HTML_PAGE_HEADERS } from '#http/print-page';
import { SUMMARIES_ROUTES } from '#functions/routes/summaries';
import { getDeps, storageConfigFromEnv } from '#functions/composition';
import { buildSummaryDeps } from '#store/summary-store';
import { objectKeys } from '#store/keys';
import type { SummaryDeps } from '#core/summary/ports';
import { indicatorDatasets, indicatorsOfForm, previewIndicators, statusOfRound, summaryOfRound, trendOfForm, uploadIndicators } from '#core/summary/service';
import { summaryCsv, type CsvLocale } from '#core/summary/csv';
import { summaryHtml } from '#core/summary/html';
import { summaryXlsx } from '#functions/formats/xlsx';
import type { RoundSummary } from '#core/summary/model';

const logger = new Logger({ serviceName: 'statusportalen' });
let deps: SummaryDeps | undefined;
const summaryDeps = (): SummaryDeps => (deps ??= buildSummaryDeps(getDeps(), storageConfigFromEnv()));

/** Lambda answers at most 6 MB in all; keep clear of it (override for tests). */
const maxInlineBytes = () => Number(process.env['SUMMARY_MAX_INLINE_BYTES'] ?? 5_000_000);
const LINK_SECONDS = 300;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Rendered {
  bytes: Buffer;
  contentType: string;
  ext: string;
  /** Binary bodies travel base64-encoded through API Gateway, a third larger. */
  base64: boolean;
  disposition?: 'inline' | 'attachment';
}

async function render(d: SummaryDeps, summary: RoundSummary, format: string, locale: CsvLocale): Promise<Rendered> {
  switch (format) {
    case 'csv':
      return { bytes: Buffer.from(summaryCsv(summary, locale), 'utf8'), contentType: 'text/csv; charset=utf-8', ext: `${locale}.csv`, base64: false, disposition: 'attachment' };
    case 'xlsx':
      return { bytes: await summaryXlsx(summary), contentType: XLSX, ext: 'xlsx', base64: true, disposition: 'attachment' };
    case 'html': {
      // The trend charts are a bonus: a failure there must not cost SST the report itself.
      const trend = await trendOfForm(d, summary.formId).catch(() => undefined);
      return { bytes: Buffer.from(summaryHtml(summary, trend), 'utf8'), contentType: 'text/html; charset=utf-8', ext: 'html', base64: false, disposition: 'inline' };
    }
    default:
      return { bytes: Buffer.from(JSON.stringify(summary), 'utf8'), contentType: 'application/json; charset=utf-8', ext: 'json', base64: false };
  }
}

const filenameOf = (summary: RoundSummary, ext: string) => `${summary.roundId}-opsamling.${ext.replace(/^(da|en)\./, '')}`;

export const handler = createAreaHandler(SUMMARIES_ROUTES, {
  getRoundSummary: async ({ params, query, headers }): Promise<OperationResult> => {
    const d = summaryDeps();
    const format = query.format ?? 'json';
    const locale = query.locale ?? 'da';
    const { summary, source, storeError } = await summaryOfRound(d, params.roundId, { force: query.fresh === 'true' });
    if (storeError) logger.warn('summary served but not stored', { roundId: summary.roundId, error: storeError });
    const etag = `"${summary.contentHash.slice(0, 32)}-${format}${format === 'csv' ? `-${locale}` : ''}"`;
    const meta = { etag, 'x-summary-built-at': summary.builtAt, 'x-summary-source': source };
    if (headers['if-none-match'] === etag) return { status: 304, headers: meta };
    const out = await render(d, summary, format, locale);
    const filename = filenameOf(summary, out.ext);
    const inlineSize = out.base64 ? Math.ceil(out.bytes.length / 3) * 4 : out.bytes.length;
    if (inlineSize > maxInlineBytes()) {
      const key = objectKeys.summary(summary.roundId, summary.builtAt, summary.contentHash, out.ext);
      const url = await d.summaries.putRenderedAndLink(key, out.bytes, out.contentType, filename, LINK_SECONDS);
      return { status: 303, headers: { ...meta, location: url } };
    }
    const disposition: Record<string, string> = out.disposition ? { 'content-disposition': `${out.disposition}; filename="${filename}"` } : {};
    if (format === 'json') return { body: summary, headers: meta };
    // The report is HTML that SST opens in its browser: the same no-script policy as the print view.
    const page = format === 'html' ? HTML_PAGE_HEADERS : {};
    return {
      headers: { ...meta, ...disposition, ...page },
      raw: { body: out.base64 ? out.bytes.toString('base64') : out.bytes.toString('utf8'), contentType: out.contentType, base64: out.base64 },
    };
  },
  getRoundStatus: async ({ params }) => ({ body: await statusOfRound(summaryDeps(), params.roundId) }),
  getFormTrend: async ({ params }) => ({ body: await trendOfForm(summaryDeps(), params.formId) }),
  putIndicators: async ({ identity, params, body }) => ({
    body: await uploadIndicators(summaryDeps(), identity, params.formId, body),
  }),
  getIndicators: async ({ params }) => ({ body: await indicatorsOfForm(summaryDeps(), params.formId) }),
  validateIndicators: async ({ params, body }) => ({ body: await previewIndicators(summaryDeps(), params.formId, body) }),
  listIndicatorDatasets: async () => ({ body: { items: await indicatorDatasets(summaryDeps()) } }),
});
