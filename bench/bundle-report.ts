// Prints the bundle size of every Lambda function (each API area and each scheduled job), each
// asset built as CDK builds it (infra/lambda-extras.ts), so later performance work can track
// cold-start weight: `cold path` is index.js, what Lambda reads at every cold start; `lazy` the
// packages written beside it and loaded on first use only (exceljs). Target: cold path ≤ 450 KB.
// `npm run bundle:report [-- --json]`; `--json` prints one machine-readable object.
// The `SDK external` column is a what-if, never deployed: the size if the AWS SDK came from the
// Lambda runtime instead of the bundle (issue 3 asks for it bundled; issue 8's 300 KB target
// cannot be met that way, see README "Current figures").
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { AREAS } from '#functions/routes';
import { JOBS } from '../infra/access.ts';
import { ESBUILD_LAMBDA, REPO_ROOT, handlerEntry, jobEntry } from '../infra/bundling.ts';
import { buildLambdaAsset } from '../infra/lambda-extras.ts';

interface Row {
  name: string;
  kind: 'area' | 'job';
  /** index.js: read at every cold start. */
  bytes: number;
  /** Lazily loaded files of the asset (node_modules/<pkg>/index.js), read on first use only. */
  lazyBytes: number;
  lazy: string[];
  gzipBytes: number;
  /** The same bundle with @aws-sdk/* and @smithy/* left to the runtime (what-if only). */
  sdkExternalBytes: number;
  /** The three heaviest packages (`app` = this repository's own code): where the weight comes from. */
  largest: { input: string; bytes: number }[];
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function measure(name: string, kind: Row['kind'], entry: string, outdir: string): Promise<Row> {
  const built = await buildLambdaAsset(entry, path.join(outdir, name));
  const code = readFileSync(path.join(built.dir, 'index.js'));
  const output = Object.values(built.metafile.outputs).find((o) => o.entryPoint);
  const byPackage = new Map<string, number>();
  for (const [input, info] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const name = match?.[1] ?? 'app';
    byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
  }
  const largest = [...byPackage]
    .map(([input, bytes]) => ({ input, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3);
  const withoutSdk = await build({
    ...ESBUILD_LAMBDA,
    sourcemap: false,
    entryPoints: [entry],
    bundle: true,
    write: false,
    outfile: path.join(outdir, name, 'without-sdk.cjs'),
    external: [...ESBUILD_LAMBDA.external, '@aws-sdk/*', '@smithy/*'],
    logLevel: 'error',
    absWorkingDir: REPO_ROOT,
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
  });
  const sdkExternalBytes = withoutSdk.outputFiles.find((f) => f.path.endsWith('.cjs'))!.contents.length;
  return { name, kind, bytes: built.coldBytes, lazyBytes: built.lazyBytes, lazy: built.lazy.map((l) => l.file), gzipBytes: gzipSync(code).length, sdkExternalBytes, largest };
}

const outdir = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-bundles-'));
try {
  const rows: Row[] = [];
  for (const area of AREAS) if (existsSync(handlerEntry(area))) rows.push(await measure(area, 'area', handlerEntry(area), outdir));
  for (const job of JOBS) if (existsSync(jobEntry(job.name))) rows.push(await measure(job.name, 'job', jobEntry(job.name), outdir));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ measuredAt: new Date().toISOString(), functions: rows }, null, 2));
  } else {
    const width = Math.max(...rows.map((r) => r.name.length)) + 2;
    console.log(`${'function'.padEnd(width)}${'kind'.padEnd(6)}${'cold path'.padStart(12)}${'≤450KB'.padStart(8)}${'lazy'.padStart(12)}${'gzip'.padStart(12)}${'SDK external'.padStart(14)}  largest inputs on the cold path`);
    for (const r of rows) {
      const inputs = r.largest.map((l) => `${l.input} ${kib(l.bytes)}`).join(', ');
      console.log(`${r.name.padEnd(width)}${r.kind.padEnd(6)}${kib(r.bytes).padStart(12)}${(r.bytes <= 450 * 1024 ? 'yes' : 'NO').padStart(8)}${kib(r.lazyBytes).padStart(12)}${kib(r.gzipBytes).padStart(12)}${kib(r.sdkExternalBytes).padStart(14)}  ${inputs}`);
    }
    const total = rows.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`${'total'.padEnd(width + 6)}${kib(total).padStart(12)}`);
    console.log('lazy: loaded on first use only (exceljs for XLSX); gzip is of the cold path.');
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
