// Searching the audit trail over HTTP: by organisation, round, actor and action within a time
// span, a page at a time (the cursor follows the filter), and the same search as CSV for Danish
// Excel: semicolons, UTF-8 with BOM, CRLF, Danish date and time, official names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';
import type { Round } from '#schemas/api';
import { ulid } from 'ulid';
import { putContacts } from '#core/contacts';
import { sstIdentity } from '#core/identity';
import { storageConfigFromEnv } from '#functions/composition';
import { buildScheduleDeps } from '#functions/schedule-composition';

let api: Api;
let reader: Client;
let round: Round;
let from: string;
let to: string;
const A = 'kommune-159';
const B = 'kommune-161';
const FORM = 'kraeftplan-v-kommunal';

const q = (params: Record<string, string | number>) => `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

async function submitAs(orgId: string) {
  const reporter = await api.as('reporter', orgId);
  const path = `/rounds/${round.roundId}/submissions/${orgId}`;
  const saved = await reporter('PUT', path, { body: { answers: exampleAnswers(FORM) }, headers: { 'if-match': '"0-new"' } });
  expect(saved.status, saved.text).toBe(200);
  const sent = await reporter('POST', `${path}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(sent.status, sent.text).toBe(200);
}

beforeAll(async () => {
  api = await startApi();
  reader = await api.as('sst-reader');
  from = new Date(Date.now() - 60_000).toISOString();
  round = await api.round(FORM);
  await submitAs(A);
  await submitAs(B);
  const admin = await api.as('sst-admin');
  expect((await admin('PUT', `/orgs/${A}/contacts`, { body: { emails: ['sundhed@example.dk'] } })).status).toBe(200);
  to = new Date(Date.now() + 60_000).toISOString();
});
afterAll(() => api?.stop());

describe('audit search', () => {
  it("finds a round's events, and within them one organisation's, one action's and one actor's", async () => {
    const byRound = await reader('GET', `/audit${q({ from, to, roundId: round.roundId })}`);
    expect(byRound.status, byRound.text).toBe(200);
    const actions = byRound.body.items.map((e: { action: string; orgId: string }) => `${e.orgId} ${e.action}`);
    expect(actions).toEqual([`undefined round.create`, `${A} submission.save`, `${A} submission.submit`, `${B} submission.save`, `${B} submission.submit`]);

    const byOrg = await reader('GET', `/audit${q({ from, to, orgId: A })}`);
    expect(byOrg.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['submission.save', 'submission.submit', 'contacts.update']));
    expect(byOrg.body.items.every((e: { orgId?: string; actorOrgId: string }) => e.orgId === A || e.actorOrgId === A)).toBe(true);

    const submits = await reader('GET', `/audit${q({ from, to, roundId: round.roundId, action: 'submission.submit' })}`);
    expect(submits.body.items.map((e: { orgId: string }) => e.orgId)).toEqual([A, B]);
    // Within this round: other suites report for the same organisations at the same time.
    const prefix = await reader('GET', `/audit${q({ from, to, roundId: round.roundId, orgId: A, action: 'submission.' })}`);
    expect(prefix.body.items.map((e: { action: string }) => e.action)).toEqual(['submission.save', 'submission.submit']);

    const actor = byRound.body.items.find((e: { orgId: string }) => e.orgId === B)!;
    const byActorId = await reader('GET', `/audit${q({ from, to, roundId: round.roundId, actor: actor.actorId })}`);
    expect(byActorId.body.items.map((e: { orgId: string }) => e.orgId)).toEqual([B, B]);
    const byName = await reader('GET', `/audit${q({ from, to, roundId: round.roundId, actor: actor.actor.slice(-6) })}`);
    expect(byName.body.items.map((e: { orgId: string }) => e.orgId)).toEqual([B, B]);
  });

  it('finds an actor by name in upper or lower case alike, Danish letters too', async () => {
    const since = new Date(Date.now() - 1_000).toISOString();
    const unique = ulid().toLowerCase().slice(-8);
    const name = `Søren Ærø Åberg ${unique}`;
    await putContacts(buildScheduleDeps(storageConfigFromEnv()), sstIdentity(`sst-${unique}`, 'sst-admin', name), B, ['sundhed@glostrup.example']);
    const until = new Date(Date.now() + 60_000).toISOString();
    const found = async (actor: string) =>
      (await reader('GET', `/audit${q({ from: since, to: until, actor })}`)).body.items.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`);
    for (const typed of [`søren ærø åberg ${unique}`, `SØREN ÆRØ ÅBERG ${unique.toUpperCase()}`, `ærø a\u030aberg ${unique}`, `SST-${unique.toUpperCase()}`]) {
      expect(await found(typed), typed).toEqual([`${name} contacts.update`]);
    }
    expect(await found(`Soren Aero ${unique}`)).toEqual([]);
  });

  it('pages a filtered search with its cursor and loses nothing on the way', async () => {
    const all = await reader('GET', `/audit${q({ from, to, roundId: round.roundId })}`);
    expect(all.body.items).toHaveLength(5);
    // Page over just the span of this round's events: other suites write to the same month at
    // the same time, and with one event a page each call reads a bounded number of theirs.
    const ats = all.body.items.map((e: { at: string }) => e.at).sort();
    const span = { from: ats[0], to: new Date(Date.parse(ats.at(-1)) + 1).toISOString() };
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await reader('GET', `/audit${q({ ...span, roundId: round.roundId, limit: 1, ...(cursor ? { cursor } : {}) })}`);
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.items.map((e: { id: string }) => e.id));
      cursor = page.body.next;
      pages++;
    } while (cursor && pages < 200);
    expect(seen).toEqual(all.body.items.map((e: { id: string }) => e.id));
  });

  it('exports the search as CSV for Danish Excel', async () => {
    const res = await reader('GET', `/audit/export${q({ from, to, roundId: round.roundId })}`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="statusportalen-log-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await (await fetch(`${api.url}/audit/export${q({ from, to, roundId: round.roundId })}`, { headers: { authorization: `Bearer ${await api.token('sst-reader')}` } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Tidspunkt (dansk tid);Handling;Udført af;Bruger-id;Rolle;Udførendes organisation;Emne;Organisation;Runde;Detaljer;Hændelses-id');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(5);
    expect(rows[0]!.split(';')[1]).toBe('round.create');
    const first = rows[1]!.split(';');
    expect(first[0]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(first[1]).toBe('submission.save');
    expect(first[5]).toBe('Gladsaxe Kommune');
    expect(first[7]).toBe('Gladsaxe Kommune');
    expect(first[8]).toBe(round.roundId);
  });

  it('refuses reporters, a span over a year, and filters that are not ids or actions', async () => {
    const reporter = await api.as('reporter', A);
    expect((await reporter('GET', `/audit/export${q({ from, to })}`)).status).toBe(403);
    expect((await reporter('GET', `/audit${q({ from, to, orgId: A })}`)).status).toBe(403);
    const far = new Date(Date.parse(from) - 400 * 86_400_000).toISOString();
    const wide = await reader('GET', `/audit/export${q({ from: far, to })}`);
    expect(wide.status).toBe(400);
    expect(wide.body.detail).toContain('366 dage');
    const bads: Record<string, string>[] = [{ action: 'DROP TABLE' }, { orgId: '../kommune-147' }, { roundId: 'a b' }, { actor: '' }, { unknown: 'x' }];
    for (const bad of bads) {
      const res = await reader('GET', `/audit${q({ from, to, ...bad })}`);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
