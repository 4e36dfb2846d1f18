// Builds the web app with esbuild: one minified JS and one CSS file (content-hashed, so a CDN
// may cache them for ever) plus index.html, into web/dist or a given folder.
// `npm run build:web`, `npm start` and the browser tests all use buildWeb().
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.join(here, 'dist');

export interface WebBuild {
  outdir: string;
  js: string;
  css: string;
  bytes: { js: number; css: number };
}

function indexHtml(js: string, css: string): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Statusportalen</title>
<link rel="stylesheet" href="/${css}">
<script type="module" src="/${js}"></script>
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
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: options.minify ?? true,
    sourcemap: false,
    jsx: 'automatic',
    legalComments: 'none',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const rel = (file: string) => path.relative(outdir, path.resolve(file)).split(path.sep).join('/');
  const [jsFile, js] = outputs.find(([f]) => f.endsWith('.js'))!;
  const [cssFile, css] = outputs.find(([f]) => f.endsWith('.css'))!;
  await writeFile(path.join(outdir, 'index.html'), indexHtml(rel(jsFile), rel(cssFile)));
  return { outdir, js: rel(jsFile), css: rel(cssFile), bytes: { js: js.bytes, css: css.bytes } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildWeb();
  console.log(`web/dist: ${out.js} ${(out.bytes.js / 1024).toFixed(0)} KiB, ${out.css} ${(out.bytes.css / 1024).toFixed(0)} KiB`);
}
