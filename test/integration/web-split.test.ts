// The web app's first load (issue 18): the build (web/build.ts) keeps what only some pages need
// out of the entry every visitor downloads, and index.html lets the browser fetch a page's files
// side by side. Bytes and timings are the browser bench's (bench/web.ts); this proves the shape.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, type WebBuild } from '../../web/build.ts';
import { pageModule, pageModuleFor } from '../../web/src/preload.ts';
import { pageFor, parseHash, type PageChoice, type Route } from '../../web/src/routes.ts';
import type { Role } from '../../web/src/types.ts';

const WEB_SRC = fileURLToPath(new URL('../../web/src/', import.meta.url));
const SST_PAGES = ['RoundPage', 'RoundsPage', 'RoundFormPage', 'FormsPage', 'FormAuthoringPage', 'AuditPage', 'IndicatorsPage', 'RemindersPage', 'SstContactsPage'];
const AREA_TEXTS = ['i18n-rounds.ts', 'i18n-sstyear.ts', 'i18n-forms.ts', 'i18n-publications.ts'];

/** Addresses of every kind the router knows: typed by the route kinds, so a new kind must add its own here. */
const ADDRESSES: Record<Route['page'], string[]> = {
  home: ['#/', ''],
  'sign-in': ['#/log-ind'],
  round: ['#/runder/r1'],
  submission: ['#/runder/r1/kommune-101', '#/runder/r1/kommune-707'],
  contributions: ['#/runder/r1/bidrag'],
  contacts: ['#/kontakter', '#/kontakter/kommune-707'],
  calendar: ['#/aarshjul'],
  publications: ['#/publikationer'],
  publication: ['#/publikationer/p1'],
  'new-round': ['#/ny-runde'],
  'edit-round': ['#/runder/r1/rediger'],
  forms: ['#/skemaer'],
  form: ['#/skemaer/f1'],
  reminders: ['#/paamindelser', '#/paamindelser/r1'],
  indicators: ['#/indikatorer', '#/indikatorer/f1'],
  audit: ['#/log'],
  'not-found': ['#/findes-ikke', '#/runder/r1/kommune-101/mere'],
};
/** Signed out and one session of every role; the reporter is Norddjurs (not the kommune-101 some addresses name). */
const SESSIONS: ({ role: Role; orgId: string } | undefined)[] = [
  undefined,
  { role: 'reporter', orgId: 'kommune-707' },
  { role: 'sst-admin', orgId: 'sst' },
  { role: 'sst-reader', orgId: 'sst' },
  { role: 'author', orgId: 'sbst' },
];

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
    const reporter = { role: 'reporter', orgId: 'kommune-101' } as const;
    expect(pageModuleFor('#/runder/r1/kommune-101', reporter)).toBe('pages/ReportPage.tsx');
    expect(pageModuleFor('#/runder/r1', reporter)).toBe('pages/ReportPage.tsx');
    expect(pageModuleFor('#/runder/r1/kommune-101', { role: 'sst-admin', orgId: 'sst' })).toBe('pages/ReviewPage.tsx');
    expect(pageModuleFor('#/runder/r1', { role: 'sst-reader', orgId: 'sst' })).toBe('pages/RoundPage.tsx');
    expect(pageModuleFor('#/', reporter)).toBe('pages/HomePage.tsx');
    expect(pageModuleFor('#/log', { role: 'sst-reader', orgId: 'sst' })).toBe('pages/AuditPage.tsx');
    expect(pageModuleFor('#/runder/r1/kommune-101', undefined)).toBeUndefined();
  });

  it("chooses one page for App and the preload script: every route kind for every role names a page module the build split off, exporting the page's component", async () => {
    const chosen = new Map<string, PageChoice>();
    for (const [kind, hashes] of Object.entries(ADDRESSES)) {
      for (const hash of hashes) {
        expect(parseHash(hash).page, hash).toBe(kind);
        for (const session of SESSIONS) {
          const choice = pageFor(parseHash(hash), session);
          const module = pageModule(choice);
          const who = `${hash} as ${session?.role ?? 'nobody'}`;
          if (choice.page === 'SignInPage' || choice.page === 'not-found') {
            expect(module, who).toBeUndefined();
            continue;
          }
          // The module is a split point of the build, so its files are in the preload map.
          expect(Object.keys(web.pageFiles), who).toContain(module);
          chosen.set(module!, choice);
          if (choice.page !== 'OtherOrganisation') expect(module, who).toBe(`pages/${choice.page}.tsx`);
        }
      }
    }
    // The component App.tsx renders for a choice is the module's export of the choice's name.
    for (const [module, choice] of chosen) {
      const exports = (await import(/* @vite-ignore */ path.join(WEB_SRC, module))) as Record<string, unknown>;
      const name = choice.page === 'OtherOrganisation' ? 'ReportPage' : choice.page;
      expect(typeof exports[name], module).toBe('function');
    }
    // And the other way round: every page the build split off is one some address opens.
    const pages = Object.keys(web.pageFiles).filter((m) => m.startsWith('pages/'));
    expect(pages.filter((m) => !chosen.has(m))).toEqual([]);
  });

  it('keeps who sees which page: a signed-out visitor signs in, a reporter keeps to its own organisation, SST-only pages are SST-only', () => {
    const at = (hash: string, session: (typeof SESSIONS)[number]) => pageFor(parseHash(hash), session);
    const [nobody, reporter, admin, reader, author] = SESSIONS;
    for (const hashes of Object.values(ADDRESSES)) for (const hash of hashes) expect(at(hash, nobody)).toEqual({ page: 'SignInPage' });
    expect(at('#/runder/r1', reporter)).toEqual({ page: 'ReportPage', roundId: 'r1', orgId: 'kommune-707' });
    expect(at('#/runder/r1/kommune-707', reporter)).toEqual({ page: 'ReportPage', roundId: 'r1', orgId: 'kommune-707' });
    expect(at('#/runder/r1/kommune-101', reporter)).toEqual({ page: 'OtherOrganisation', roundId: 'r1', orgId: 'kommune-101' });
    expect(at('#/kontakter/kommune-101', reporter)).toEqual({ page: 'ContactsPage', orgId: 'kommune-707' });
    expect(at('#/kontakter/kommune-101', reader)).toEqual({ page: 'SstContactsPage', orgId: 'kommune-101' });
    expect(at('#/log-ind', admin)).toEqual({ page: 'RoundsPage' });
    expect(at('#/', author)).toEqual({ page: 'PublicationsPage' });
    for (const hash of ['#/ny-runde', '#/runder/r1/rediger', '#/skemaer', '#/skemaer/f1']) {
      expect(at(hash, admin).page, hash).not.toBe('not-found');
      for (const other of [reporter, reader, author]) expect(at(hash, other), `${hash} as ${other?.role}`).toEqual({ page: 'not-found' });
    }
    for (const hash of ['#/paamindelser', '#/indikatorer', '#/log']) {
      for (const s of [admin, reader]) expect(at(hash, s).page).not.toBe('not-found');
      for (const s of [reporter, author]) expect(at(hash, s)).toEqual({ page: 'not-found' });
    }
  });
});
