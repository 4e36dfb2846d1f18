// A 422 is bounded whatever the request: at most 100 errors plus the count of the rest, every
// text in it cut to size, so a 1 MB request never answers more than 256 KB (Lambda's limit is
// 6 MB; past it API Gateway answers 502 and the Errors alarm fires).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startHardened, type Hardened, QUIET } from './support.ts';

let api: Hardened;

beforeAll(async () => {
  api = await startHardened();
});
afterAll(() => api?.stop());

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-165';
const MAX_RESPONSE = 256 * 1024;

/** The reviewer's draft: 130,500 unknown two- and three-character keys in just under 1 MiB. */
function unknownKeys(count: number): Record<string, number> {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-.:;<=>?@[]^_`{|}';
  const names = [...alphabet].flatMap((a) => [...alphabet].map((b) => `${a}${b}`));
  const longer = names.flatMap((ab) => [...alphabet].map((c) => `${ab}${c}`));
  return Object.fromEntries([...names, ...longer].slice(0, count).map((k) => [k, 0]));
}

describe('bounded error answers', () => {
  it("answers the reviewer's 1 MB draft of 130,500 unknown keys with at most 100 errors and 256 KB", async () => {
    const round = await api.round(FORM, QUIET);
    const token = await api.token('reporter', ORG);
    const body = JSON.stringify({ answers: unknownKeys(130_500) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(1024 * 1024);
    const started = performance.now();
    const res = await api.call('PUT', `/rounds/${round.roundId}/submissions/${ORG}`, { token, rawBody: body, headers: { 'content-type': 'application/json' } });
    const ms = performance.now() - started;
    expectProblem(res, 422, 'validation-failed');
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(MAX_RESPONSE);
    expect(res.body.errors.length).toBeLessThanOrEqual(100);
    expect(res.body.errors.length + res.body.errorsOmitted).toBe(130_500);
    console.info(`130,500 unknown keys: ${Buffer.byteLength(body)} B in, ${Buffer.byteLength(res.text)} B out, ${Math.round(ms)} ms`);
  });

  it('cuts a 900 KB unknown key down in the error it names, so the answer stays under 256 KB', async () => {
    const round = await api.round(FORM, QUIET);
    const token = await api.token('reporter', ORG);
    const res = await api.call('PUT', `/rounds/${round.roundId}/submissions/${ORG}`, { token, body: { answers: { ['k'.repeat(900_000)]: 1 } } });
    expectProblem(res, 422, 'validation-failed');
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(MAX_RESPONSE);
    expect(res.body.errors).toHaveLength(1);
  });

  it('bounds the edge\'s own 422 for a body of 100,000 unknown top-level fields', async () => {
    const round = await api.round(FORM, QUIET);
    const token = await api.token('reporter', ORG);
    const res = await api.call('PUT', `/rounds/${round.roundId}/submissions/${ORG}`, { token, body: { answers: {}, ...unknownKeys(100_000) } });
    expectProblem(res, 422, 'invalid-body');
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(MAX_RESPONSE);
  });
});
