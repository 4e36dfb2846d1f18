import { build } from 'esbuild';
import path from 'node:path';
import { ESBUILD_LAMBDA, REPO_ROOT, handlerEntry, jobEntry } from './infra/bundling.ts';
for (const name of process.argv.slice(2)) {
  const entry = ['deadline-check','build-summaries'].includes(name) ? jobEntry(name) : handlerEntry(name);
  const r = await build({ ...ESBUILD_LAMBDA, sourcemap: false, entryPoints: [entry], bundle: true, write: false, outfile: '/tmp/x.cjs', metafile: true, logLevel: 'error', absWorkingDir: REPO_ROOT });
  const out = Object.values(r.metafile.outputs)[0]!;
  const by = new Map<string, number>();
  for (const [input, info] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const k = m?.[1] ?? input.replace(/^.*?(functions|schemas|forms)\//, '$1/');
    by.set(k, (by.get(k) ?? 0) + info.bytesInOutput);
  }
  console.log(`== ${name} ${(out.bytes/1024).toFixed(0)} KB`);
  console.log([...by].sort((a,b)=>b[1]-a[1]).slice(0,14).map(([k,v])=>`${k} ${(v/1024).toFixed(1)}`).join('\n'));
}
