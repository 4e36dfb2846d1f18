// Handlers get typed bodies, params, queries and identities from their routes, so none of them
// casts request data or asserts it non-null; and the API's schemas do not reach back into the
// functions they describe (only into the pure Danish-time rules they validate dates with).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sources = (dir: string) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(path.join(ROOT, dir, f), 'utf8') }));
/** The code without comments and import lines (where `as` renames). */
const code = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|import\b)/.test(line))
    .join('\n');

describe('typed routes', () => {
  it('leaves no cast and no non-null assertion in functions/handlers/', () => {
    const found = sources('functions/handlers').flatMap(({ file, text }) =>
      code(text)
        .split('\n')
        .flatMap((line, i) => (/\bas (?!const\b)/.test(line) || /\w!(\.|\)|,|\s)/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('keeps schemas/ free of imports from functions/, but for the Danish-time rules', () => {
    const found = sources('schemas').flatMap(({ file, text }) =>
      [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!).filter((spec) => /^(#functions|#handlers|#http|#store|#jobs|#core|\.\.\/functions)/.test(spec) && spec !== '#core/danish-time').map((spec) => `${file}: ${spec}`),
    );
    expect(found).toEqual([]);
  });
});
