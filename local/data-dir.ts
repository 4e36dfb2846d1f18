// Where `npm start` keeps its data, and how the startup banner names that folder.
import path from 'node:path';

/** The data folder: STATUSPORTALEN_DATA_DIR when set (resolved from the working directory), else <repo>/.local. */
export function dataDirOf(env: Record<string, string | undefined>, root: string): string {
  const given = env['STATUSPORTALEN_DATA_DIR'];
  return given ? path.resolve(given) : path.join(root, '.local');
}

/** A folder as the banner shows it: relative to the repo when inside it (`.local/`), else absolute; with a trailing slash. */
export function shownDir(dir: string, root: string): string {
  const rel = path.relative(root, dir);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return `${inside ? rel.split(path.sep).join('/') : rel === '' ? '.' : dir}/`;
}
