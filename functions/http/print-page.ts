// An HTML page as an answer (the print view and the summary report): inline, never cached, and
// under a Content-Security-Policy that allows no script, no request and no framing, so even a bug
// in a renderer's escaping could not run anything in the reader's browser.
import type { OperationResult } from '#http/area';

/**
 * Every HTML page the API serves (the print view, the summary report): inline styles and data:
 * images only. The trailing directives are not covered by default-src, so they are named.
 */
export const HTML_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers for an HTML page answered by the API; a browser must never guess another type. */
export const HTML_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': HTML_PAGE_CSP,
  'x-content-type-options': 'nosniff',
};

export const printPage = (page: { html: string; fileName: string }): OperationResult => ({
  headers: {
    ...HTML_PAGE_HEADERS,
    'content-disposition': `inline; filename="${page.fileName}"`,
  },
  raw: { body: page.html, contentType: 'text/html; charset=utf-8' },
});
