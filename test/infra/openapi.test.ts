// The OpenAPI document as tools no one here wrote read it: Redocly's recommended lint finds no
// error and no warning, and openapi-typescript generates types that a small client (save a
// draft, submit, read a summary) compiles against under strict TypeScript.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '#functions/openapi';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const dir = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLIENT = `
import type { paths } from './api.ts';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: Record<S, { content: { 'application/json': infer B } }>;
}
  ? B
  : never;
type Submission = Json<'/rounds/{roundId}/submissions/{orgId}', 'put', 200>;
type Summary = Json<'/rounds/{roundId}/summary', 'get', 200>;
type SaveBody = paths['/rounds/{roundId}/submissions/{orgId}']['put']['requestBody'] extends { content: { 'application/json': infer B } } ? B : never;
// Each type is really there (a missing one would be never, and never accepts anything).
type Found<T> = [T] extends [never] ? false : true;
export const found: [Found<Submission>, Found<Summary>, Found<SaveBody>] = [true, true, true];

export async function saveSubmitAndSummarise(base: string, token: string, roundId: string, orgId: string): Promise<number> {
  const auth = { authorization: 'Bearer ' + token };
  const url = base + '/rounds/' + roundId + '/submissions/' + orgId;
  const body: SaveBody = { answers: { kontakt: { navn: 'Klient' } } };
  const saved = await fetch(url, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json', 'if-match': '"0-new"' }, body: JSON.stringify(body) });
  const draft = (await saved.json()) as Submission;
  const status: 'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted' = draft.status;
  const submitted = await fetch(url + '/submit', { method: 'POST', headers: { ...auth, 'if-match': draft.etag ?? '' } });
  const summary = (await (await fetch(base + '/rounds/' + roundId + '/summary', { headers: auth })).json()) as Summary;
  return summary.completeness.expected + (status === 'draft' ? 0 : 1) + submitted.status;
}
`;

describe('the OpenAPI document, read by other tools', () => {
  it("passes Redocly's recommended lint with no error and no warning", () => {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument()));
    const run = spawnSync(bin('redocly'), ['lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'summary'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 60_000,
    });
    const out = `${run.stdout}\n${run.stderr}`;
    expect(out.match(/^(warning|error)\s.*$/gm) ?? [], out).toEqual([]);
    expect(run.status, out).toBe(0);
    expect(out).toContain('Your API description is valid');
  }, 90_000);

  it('generates TypeScript types that a client saving, submitting and reading a summary compiles against', async () => {
    const types = astToString(await openapiTS(openApiDocument() as never));
    writeFileSync(path.join(dir, 'api.ts'), types);
    writeFileSync(path.join(dir, 'client.ts'), CLIENT);
    const tsc = spawnSync(
      bin('tsc'),
      ['--ignoreConfig', '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--allowImportingTsExtensions', '--lib', 'es2022,dom', '--types', 'node', path.join(dir, 'client.ts')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
    // The generated types know the answers a client must handle, not just the happy one.
    expect(types).toContain('412: {');
    expect(types).toContain('"application/problem+json"');
  }, 150_000);
});
