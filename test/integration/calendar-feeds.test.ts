// Personal calendar subscriptions over HTTP: a calendar app (node-ical's fromURL, which sends no
// Authorization header) reads the year wheel as its owner sees it; the token is stored only as a
// hash, listed without the URL, revoked by its owner alone, and a revoked feed answers 410.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import { ulid } from 'ulid';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startApi, type Api } from '../support/api.ts';
import { getDocumentClient } from '#store/clients';
import { storageConfigFromEnv } from '#functions/composition';
import { keys } from '#store/keys';
import { hashToken } from '#core/calendar-feeds';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.stop());

const REPORTER_ORG = 'kommune-101';

async function subscribe(role: 'reporter' | 'sst-admin' | 'sst-reader', orgId?: string, label?: string) {
  const client = await api.as(role, orgId);
  const made = await client('POST', '/calendar/subscriptions', { body: label ? { label } : {} });
  expect(made.status, made.text).toBe(201);
  return { client, made: made.body as { subscription: { subscriptionId: string; label: string }; token: string; path: string } };
}

/** What a calendar app does: GET the URL with no credentials of any kind, and parse the events. */
async function calendarApp(path: string): Promise<VEvent[]> {
  const data = await ical.async.fromURL(api.url + path);
  return Object.values(data).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('calendar subscriptions', () => {
  it("gives a calendar app without a token the year wheel as its owner sees it: a reporter's feed has only its rounds", async () => {
    const municipal = await api.round('kraeftplan-v-kommunal', { title: `Kommunal ${ulid().slice(-6)}` });
    const regional = await api.round('kraeftplan-v-regional', { title: `Regional ${ulid().slice(-6)}` });
    const meetingId = `feed-${ulid().toLowerCase().slice(-10)}`;
    const admin = await api.as('sst-admin');
    expect((await admin('POST', '/meetings', { body: { meetingId, date: '2026-12-08', startTime: '10:00', title: 'Task Force-møde (abonnement)' } })).status).toBe(201);

    const { made } = await subscribe('reporter', REPORTER_ORG, 'Outlook på arbejdet');
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.path).toBe(`/calendar/feed/${made.token}`);
    const raw = await fetch(api.url + made.path);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(raw.headers.get('cache-control')).toBe('no-store');

    const events = await calendarApp(made.path);
    const summaries = events.map((e) => String(e.summary));
    expect(summaries).toContain(`Frist: ${municipal.title}`);
    expect(summaries).not.toContain(`Frist: ${regional.title}`);
    expect(summaries).toContain('Task Force-møde (abonnement)');

    const sst = await subscribe('sst-reader');
    const sstSummaries = (await calendarApp(sst.made.path)).map((e) => String(e.summary));
    expect(sstSummaries).toEqual(expect.arrayContaining([`Frist: ${municipal.title}`, `Frist: ${regional.title}`]));
  });

  it('stores only the SHA-256 of the token, and lists subscriptions without it', async () => {
    const { client, made } = await subscribe('reporter', REPORTER_ORG, 'Telefon');
    const db = getDocumentClient();
    const table = storageConfigFromEnv().table;
    const lookup = await db.send(new GetCommand({ TableName: table, Key: keys.calendarFeed(hashToken(made.token)), ConsistentRead: true }));
    expect(lookup.Item).toBeDefined();
    expect(JSON.stringify(lookup.Item)).not.toContain(made.token);
    const listed = await client('GET', '/calendar/subscriptions');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((s: { subscriptionId: string }) => s.subscriptionId)).toContain(made.subscription.subscriptionId);
    expect(listed.text).not.toContain(made.token);
    const events = await api.deps.audit.history(`user/${lookup.Item!['owner'].subject}/calendar`);
    expect(events.map((e) => e.action)).toContain('calendar.subscribe');
    expect(JSON.stringify(events)).not.toContain(made.token);
  });

  it('answers 410 once its owner revokes it, 404 for a token it never issued, and lets nobody else revoke it', async () => {
    const { client, made } = await subscribe('reporter', REPORTER_ORG);
    const other = await api.as('reporter', 'kommune-147');
    const foreign = await other('DELETE', `/calendar/subscriptions/${made.subscription.subscriptionId}`);
    expect(foreign.status).toBe(404);
    expect((await fetch(api.url + made.path)).status).toBe(200);

    const revoked = await client('DELETE', `/calendar/subscriptions/${made.subscription.subscriptionId}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeDefined();
    const gone = await fetch(api.url + made.path);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await gone.json()).detail).toContain('tilbagekaldt');
    await expect(calendarApp(made.path)).rejects.toThrow(/410/);
    // Revoking twice changes nothing.
    expect((await client('DELETE', `/calendar/subscriptions/${made.subscription.subscriptionId}`)).body.revokedAt).toBe(revoked.body.revokedAt);

    const unknown = await fetch(`${api.url}/calendar/feed/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect((await fetch(`${api.url}/calendar/feed/too-short`)).status).toBe(400);
  });

  it('refuses a subscription to a machine client and to nobody at all', async () => {
    const machine = await api.token('machine' as never);
    expect((await api.call('POST', '/calendar/subscriptions', { token: machine, body: {} })).status).toBe(403);
    expect((await api.call('POST', '/calendar/subscriptions', { body: {} })).status).toBe(401);
    expect((await api.call('GET', '/calendar/subscriptions')).status).toBe(401);
    const admin = await api.as('sst-admin');
    expect((await admin('POST', '/calendar/subscriptions', { body: { label: '' } })).status).toBe(422);
    expect((await admin('POST', '/calendar/subscriptions', { body: { token: 'mit-eget' } })).status).toBe(422);
    expect((await admin('DELETE', '/calendar/subscriptions/not-an-id')).status).toBe(400);
  });
});
