// A printable HTML page as an answer: inline, never cached, and under a Content-Security-Policy
// that allows no script, no request and no framing, so even a bug in the renderer's escaping
// could not run anything in the reader's browser.
import type { OperationResult } from '#http/area';

const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const printPage = (page: { html: string; fileName: string }): OperationResult => ({
  headers: {
    'content-security-policy': PRINT_CSP,
    'x-content-type-options': 'nosniff',
    'content-disposition': `inline; filename="${page.fileName}"`,
  },
  raw: { body: page.html, contentType: 'text/html; charset=utf-8' },
});
