// Builds the web app with esbuild: the entry, one chunk per page and the chunks pages share (all
// content-hashed, so a CDN may cache them for ever), one CSS file, and index.html, into web/dist
// or a given folder. Split by route (App.tsx imports each page with import()): the sign-in page
// never downloads the form renderer, and a reporter never downloads SST's pages.
// Against the waterfall (entry → page → the page's libraries, each found only when the one before
// has run): index.html names the entry's own imports as modulepreload links, and a small
// classic script (web/src/preload.ts, built second with the page → files map of the first build)
// asks for every file of the page the address opens, so the browser fetches them side by side.
// `npm run build:web`, `npm start` and the browser tests all use buildWeb().
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.join(here, 'dist');

export interface WebBuild {
  outdir: string;
  /** The entry script index.html loads. */
  js: string;
  css: string;
  bytes: { js: number; css: number };
  /** Every JS file of the build with its size, the files it imports statically (what loads with it) and its source files. */
  chunks: Record<string, { bytes: number; imports: string[]; inputs: string[]; entry?: string }>;
  /** The preload script index.html runs first. */
  preload: string;
  /** Page module (path under web/src) → the files it loads beyond the entry's, as the preload script fetches them. */
  pageFiles: Record<string, string[]>;
}

/**
 * rjsf's core imports markdown-to-jsx statically for Markdown descriptions our forms never turn
 * on: its import goes to web/src/lazy-markdown.tsx, which loads the real module (the one rjsf
 * resolves) on first use.
 */
const lazyMarkdown: Plugin = {
  name: 'lazy-markdown',
  setup(b) {
    const stand = path.join(here, 'src', 'lazy-markdown.tsx');
    b.onResolve({ filter: /^markdown-to-jsx\/react$/ }, (args) => (args.pluginData === 'real' ? undefined : { path: stand }));
    b.onResolve({ filter: /^rjsf-markdown-to-jsx$/ }, () =>
      b.resolve('markdown-to-jsx/react', { kind: 'dynamic-import', resolveDir: path.dirname(fileURLToPath(import.meta.resolve('@rjsf/core'))), pluginData: 'real' }),
    );
  },
};

/**
 * The tab's icon, inline (the CSP's img-src allows data:): without one every page asked for
 * /favicon.ico and logged a 404 in the console. A white "S" on the app's blue.
 */
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#00477f"/><text x="16" y="23" font-family="Arial,sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">S</text></svg>',
)}`;

function indexHtml(js: string, css: string, preload: string, entryImports: string[]): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Statusportalen</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="/${css}">
<script src="/${preload}"></script>
<script type="module" src="/${js}"></script>
${entryImports.map((f) => `<link rel="modulepreload" href="/${f}">`).join('\n')}
</head>
<body>
<div id="app"><p class="container">Indlæser Statusportalen …</p></div>
<noscript><p>Statusportalen kræver JavaScript. / Statusportalen needs JavaScript.</p></noscript>
</body>
</html>
`;
}

export async function buildWeb(outdir = WEB_DIST, options: { minify?: boolean } = {}): Promise<WebBuild> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: { app: path.join(here, 'src', 'main.tsx') },
    outdir,
    entryNames: 'assets/[name]-[hash]',
    chunkNames: 'assets/chunk-[name]-[hash]',
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: options.minify ?? true,
    sourcemap: false,
    jsx: 'automatic',
    legalComments: 'none',
    metafile: true,
    plugins: [lazyMarkdown],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const rel = (file: string) => path.relative(outdir, path.resolve(file)).split(path.sep).join('/');
  // Pages loaded with import() are entry points too in esbuild's metafile: the app's is main.tsx.
  const [jsFile, js] = outputs.find(([f, o]) => f.endsWith('.js') && o.entryPoint?.endsWith('src/main.tsx'))!;
  const chunks: WebBuild['chunks'] = {};
  for (const [f, o] of outputs) {
    if (!f.endsWith('.js')) continue;
    chunks[rel(f)] = {
      bytes: o.bytes,
      imports: o.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => rel(i.path)),
      inputs: Object.keys(o.inputs),
      ...(o.entryPoint ? { entry: o.entryPoint } : {}),
    };
  }
  /** A file and every file it imports statically, in load order. */
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const i of chunks[file]!.imports) closure(i, seen);
    return seen;
  };
  const entry = rel(jsFile);
  const entryFiles = closure(entry);
  const pageFiles: WebBuild['pageFiles'] = {};
  const srcDir = path.relative(process.cwd(), path.join(here, 'src')).split(path.sep).join('/');
  for (const [file, c] of Object.entries(chunks)) {
    if (!c.entry || file === entry) continue;
    pageFiles[path.posix.relative(srcDir, c.entry)] = [...closure(file)].filter((f) => !entryFiles.has(f));
  }
  const pre = await build({
    entryPoints: { preload: path.join(here, 'src', 'preload.ts') },
    outdir,
    entryNames: 'assets/[name]-[hash]',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: options.minify ?? true,
    legalComments: 'none',
    metafile: true,
    define: { __PAGE_FILES__: JSON.stringify(pageFiles) },
    logLevel: 'warning',
  });
  const preload = rel(Object.keys(pre.metafile.outputs).find((f) => f.endsWith('.js'))!);
  const [cssFile, css] = outputs.find(([f]) => f.endsWith('.css'))!;
  await writeFile(path.join(outdir, 'index.html'), indexHtml(entry, rel(cssFile), preload, [...entryFiles].filter((f) => f !== entry)));
  return { outdir, js: entry, css: rel(cssFile), bytes: { js: js.bytes, css: css.bytes }, chunks, preload, pageFiles };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildWeb();
  console.log(`web/dist: ${out.js} ${(out.bytes.js / 1024).toFixed(0)} KiB (+${Object.keys(out.chunks).length - 1} chunks), ${out.css} ${(out.bytes.css / 1024).toFixed(0)} KiB`);
}
