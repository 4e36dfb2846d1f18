// `npm run bench -- <name> [args]`: runs one benchmark by name. Each module exports `run(args)`;
// add a benchmark with one line in BENCHES.
const BENCHES: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  summaries: () => import('./summaries.ts'),
  functions: () => import('./functions.ts'),
  load: () => import('./load.ts'),
  web: () => import('./web.ts'),
};

// No name: the function benchmarks (sizes, cold starts, overhead, and summary scaling), then the
// web app's first load in a throttled browser.
const [name, ...args] = process.argv.slice(2);
if (name === undefined || name.startsWith('--')) {
  const all = name === undefined ? [] : [name, ...args];
  await (await BENCHES['functions']!()).run(all);
  await (await BENCHES['web']!()).run([]);
} else {
  const load = BENCHES[name];
  if (!load) {
    console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}>`);
    process.exit(2);
  }
  await (await load()).run(args);
}
