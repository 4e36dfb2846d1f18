// `npm run bench -- <name> [args]`: runs one benchmark by name. Each module exports `run(args)`;
// add a benchmark with one line in BENCHES.
const BENCHES: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  summaries: () => import('./summaries.ts'),
  functions: () => import('./functions.ts'),
  load: () => import('./load.ts'),
};

// No name: the function benchmarks (sizes, cold starts, overhead, and summary scaling).
const [name = 'functions', ...args] = process.argv.slice(2);
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}>`);
  process.exit(2);
}
await (await load()).run(args);
