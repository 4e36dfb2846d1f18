// The web app's first load (issue 18): the build (web/build.ts) keeps what only some pages need
// out of the entry every visitor downloads, and index.html lets the browser fetch a page's files
// side by side. Bytes and timings are the browser bench's (bench/web.ts); this proves the shape.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, type WebBuild } from '../../web/build.ts';
import { pageModule } from '../../web/src/preload.ts';

const SST_PAGES = ['RoundPage', 'RoundsPage', 'RoundFormPage', 'FormsPage', 'FormAuthoringPage', 'AuditPage', 'IndicatorsPage', 'RemindersPage', 'SstContactsPage'];
const AREA_TEXTS = ['i18n-rounds.ts', 'i18n-sstyear.ts', 'i18n-forms.ts', 'i18n-publications.ts'];

let dir: string;
let web: WebBuild;
/** The source files of the entry's closure plus `files`. */
const sources = (files: string[] = []) => {
  const all = new Set<string>();
  const add = (f: string) => {
    if (all.has(f)) return;
    all.add(f);
    web.chunks[f]!.imports.forEach(add);
  };
  [web.js, ...files].forEach(add);
  return [...all].flatMap((f) => web.chunks[f]!.inputs);
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-web-split-'));
  web = await buildWeb(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the web app split by page', () => {
  it('keeps SST pages, area texts and the form renderer out of what the sign-in page loads', () => {
    const entry = sources();
    expect(entry.some((s) => s.endsWith('web/src/pages/SignInPage.tsx'))).toBe(true);
    expect(entry.filter((s) => /web\/src\/pages\//.test(s) && !/SignInPage|sst-year/.test(s))).toEqual([]);
    expect(entry.filter((s) => AREA_TEXTS.some((a) => s.endsWith(a)))).toEqual([]);
    expect(entry.filter((s) => /node_modules\/(@rjsf|ajv|re2js)\//.test(s))).toEqual([]);
  });

  it("loads no SST page and no SST area's texts on a reporter's form page", () => {
    const form = sources(web.pageFiles['pages/ReportPage.tsx']);
    expect(form.some((s) => s.endsWith('web/src/pages/ReportPage.tsx'))).toBe(true);
    expect(form.filter((s) => SST_PAGES.some((p) => s.endsWith(`/pages/${p}.tsx`)))).toEqual([]);
    expect(form.filter((s) => AREA_TEXTS.some((a) => s.endsWith(a)))).toEqual([]);
  });

  it("names the entry's imports and runs the preload script first in index.html", () => {
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const imports = web.chunks[web.js]!.imports;
    expect(imports.length).toBeGreaterThan(0);
    for (const f of imports) expect(html).toContain(`<link rel="modulepreload" href="/${f}">`);
    expect(html.indexOf(`<script src="/${web.preload}">`)).toBeGreaterThan(0);
    expect(html.indexOf(`<script src="/${web.preload}">`)).toBeLessThan(html.indexOf(`<script type="module" src="/${web.js}">`));
    // The map the preload script carries is the build's: the report page's files, by their hashed names.
    expect(readFileSync(path.join(dir, web.preload), 'utf8')).toContain(JSON.stringify(web.pageFiles['pages/ReportPage.tsx']));
  });

  it('preloads the page the address opens for the role, and nothing for a signed-out visitor', () => {
    expect(pageModule('#/runder/r1/kommune-101', 'reporter')).toBe('pages/ReportPage.tsx');
    expect(pageModule('#/runder/r1', 'reporter')).toBe('pages/ReportPage.tsx');
    expect(pageModule('#/runder/r1/kommune-101', 'sst-admin')).toBe('pages/ReviewPage.tsx');
    expect(pageModule('#/runder/r1', 'sst-reader')).toBe('pages/RoundPage.tsx');
    expect(pageModule('#/', 'reporter')).toBe('pages/HomePage.tsx');
    expect(pageModule('#/runder/r1/kommune-101', undefined)).toBeUndefined();
    // Every page it may name is one the build split off, so the map and the pages cannot drift apart.
    const named = ['#/', '#/runder/r', '#/runder/r/o', '#/runder/r/bidrag', '#/aarshjul', '#/publikationer', '#/publikationer/p'].flatMap((h) =>
      ['reporter', 'sst-admin', 'author'].map((r) => pageModule(h, r)),
    );
    for (const page of named.filter((p) => p !== undefined)) expect(Object.keys(web.pageFiles)).toContain(page);
  });
});
