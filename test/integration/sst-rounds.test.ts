// SST's round administration over HTTP against the local engines: a reminder sent by hand to
// chosen laggards (one e-mail each in the outbox, none on a second request, organisations
// without an address named), reminder policies given in part, a round changed before it
// opens (and refused once open), and an extension revoked with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { addDanishDays, danishDate } from '#core/danish-time';
import { DEFAULT_REMINDER_POLICY } from '#core/reminders';
import { exampleAnswers } from '../../local/seed.ts';
import { startApi, type Api } from '../support/api.ts';

const FORM = 'kraeftplan-v-kommunal';
/** Municipalities no other suite gives contacts: two with addresses, one without, one that submits. */
const ESBJERG = 'kommune-561';
const VARDE = 'kommune-573';
const VEJEN = 'kommune-575';
const KOLDING = 'kommune-621';

interface OutboxMail {
  to: string[];
  subject: string;
  key?: string;
  text: string;
}

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.stop());

async function submitAs(roundId: string, orgId: string, version: number): Promise<void> {
  const reporter = await api.as('reporter', orgId);
  const path = `/rounds/${roundId}/submissions/${orgId}`;
  const saved = await reporter('PUT', path, { body: { answers: exampleAnswers(FORM, version) }, headers: { 'if-match': '"0-new"' } });
  expect(saved.status, saved.text).toBe(200);
  const sent = await reporter('POST', `${path}/submit`, { headers: { 'if-match': saved.headers.get('etag')! } });
  expect(sent.status, sent.text).toBe(200);
}

const outboxFor = async (roundId: string): Promise<OutboxMail[]> =>
  ((await api.call('GET', '/dev/outbox')).body.items as OutboxMail[]).filter((m) => m.key?.startsWith(`reminder/${roundId}/`));

describe('a reminder sent now by SST', () => {
  it('mails each chosen organisation that has not submitted once, a second request none, and names those without an address', async () => {
    // No scheduled reminders: another suite's deadline check over every round must not remind these first.
    const round = await api.round(FORM, { reminderPolicy: { atOpening: false, daysBefore: [], daysAfter: [], repeatEveryDays: null, repeatLimit: 0, hour: 8 } });
    const sst = await api.as('sst-admin');
    const tag = ulid().toLowerCase().slice(-8);
    const esbjerg = `paamindelse-${tag}@esbjerg.example.dk`;
    const varde = `paamindelse-${tag}@varde.example.dk`;
    expect((await sst('PUT', `/orgs/${ESBJERG}/contacts`, { body: { emails: [esbjerg] } })).status).toBe(200);
    expect((await sst('PUT', `/orgs/${VARDE}/contacts`, { body: { emails: [varde] } })).status).toBe(200);
    expect((await sst('PUT', `/orgs/${KOLDING}/contacts`, { body: { emails: [`kolding-${tag}@kolding.example.dk`] } })).status).toBe(200);
    await submitAs(round.roundId, KOLDING, round.formVersion);

    const first = await sst('POST', `/rounds/${round.roundId}/reminders`, {
      body: { orgIds: [ESBJERG, VARDE, VEJEN, KOLDING] },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body.date).toBe(danishDate(new Date()));
    expect(first.body.sent).toEqual([
      { orgId: ESBJERG, orgName: 'Esbjerg Kommune', to: [esbjerg] },
      { orgId: VARDE, orgName: 'Varde Kommune', to: [varde] },
    ]);
    expect(first.body.noContacts).toEqual([{ orgId: VEJEN, orgName: 'Vejen Kommune' }]);
    expect(first.body.submitted).toEqual([{ orgId: KOLDING, orgName: 'Kolding Kommune' }]);
    expect(first.body.alreadySent).toEqual([]);

    const mails = await outboxFor(round.roundId);
    expect(mails.map((m) => m.to).sort()).toEqual([[esbjerg], [varde]].sort());
    const toEsbjerg = mails.find((m) => m.to.includes(esbjerg))!;
    expect(toEsbjerg.subject).toMatch(new RegExp(`^Påmindelse: ${round.title} – frist `));
    expect(toEsbjerg.text).toContain('Esbjerg Kommunes indberetning');
    expect(toEsbjerg.text).toContain(`/#/runder/${round.roundId}/${ESBJERG}`);

    // A double click (another key) and a colleague's click send nothing more today.
    const second = await sst('POST', `/rounds/${round.roundId}/reminders`, {
      body: { orgIds: [ESBJERG, VARDE, VEJEN] },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(second.status, second.text).toBe(200);
    expect(second.body.sent).toEqual([]);
    expect(second.body.alreadySent.map((o: { orgId: string }) => o.orgId)).toEqual([ESBJERG, VARDE]);
    expect(second.body.noContacts.map((o: { orgId: string }) => o.orgId)).toEqual([VEJEN]);
    expect(await outboxFor(round.roundId)).toHaveLength(2);

    // The reminder log lists them beside the scheduled steps; the audit log records who sent them.
    const log = (await sst('GET', `/rounds/${round.roundId}/reminders`)).body.items as { orgId: string; step: string; state: string }[];
    expect(log.filter((e) => e.step === `manual@${first.body.date}`).map((e) => [e.orgId, e.state]).sort()).toEqual([
      [ESBJERG, 'sent'],
      [VARDE, 'sent'],
    ]);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const audit = (await sst('GET', `/audit?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&roundId=${round.roundId}&limit=500`)).body.items as {
      action: string;
      roundId?: string;
      actorRole?: string;
      detail: { sent: string[]; alreadySent: string[]; noContacts: string[] };
    }[];
    const events = audit.filter((e) => e.action === 'round.remind-now' && e.roundId === round.roundId);
    expect(events.map((e) => e.detail.sent)).toEqual([[ESBJERG, VARDE], []]);
    expect(events[1]!.detail.alreadySent).toEqual([ESBJERG, VARDE]);
    expect(events[0]!.actorRole).toBe('sst-admin');
  });

  it('replays the first answer to a retry with the same Idempotency-Key, and sends nothing for it', async () => {
    const round = await api.round(FORM);
    const sst = await api.as('sst-admin');
    const address = `retry-${ulid().toLowerCase().slice(-8)}@esbjerg.example.dk`;
    expect((await sst('PUT', `/orgs/${ESBJERG}/contacts`, { body: { emails: [address] } })).status).toBe(200);
    const key = randomUUID();
    const once = await sst('POST', `/rounds/${round.roundId}/reminders`, { body: { orgIds: [ESBJERG] }, headers: { 'idempotency-key': key } });
    const again = await sst('POST', `/rounds/${round.roundId}/reminders`, { body: { orgIds: [ESBJERG] }, headers: { 'idempotency-key': key } });
    expect(once.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(once.body);
    expect((await outboxFor(round.roundId)).filter((m) => m.to.includes(address))).toHaveLength(1);
  });

  it('refuses organisations outside the round, a round not yet open, and readers', async () => {
    const round = await api.round(FORM);
    const sst = await api.as('sst-admin');
    const outside = await sst('POST', `/rounds/${round.roundId}/reminders`, { body: { orgIds: [ESBJERG, 'region-1081'] } });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([{ pointer: '/orgIds/1', message: expect.stringContaining('skal ikke indberette') }]);
    expect((await sst('POST', `/rounds/${round.roundId}/reminders`, { body: { orgIds: [ESBJERG, ESBJERG] } })).status).toBe(422);
    expect((await sst('POST', `/rounds/${round.roundId}/reminders`, { body: { orgIds: [] } })).status).toBe(422);
    const later = await api.round(FORM, { opensAt: addDanishDays(new Date(), 5).toISOString(), deadline: addDanishDays(new Date(), 40).toISOString() });
    const early = await sst('POST', `/rounds/${later.roundId}/reminders`, { body: { orgIds: [ESBJERG] } });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/^Runden åbner /);
    const reader = await api.as('sst-reader');
    expect((await reader('POST', `/rounds/${round.roundId}/reminders`, { body: { orgIds: [ESBJERG] } })).status).toBe(403);
    expect(await outboxFor(round.roundId)).toHaveLength(0);
  });
});

describe('reminder policies given in part', () => {
  it('fills every field left out with its documented default, on the route and when a round is created', async () => {
    const round = await api.round(FORM);
    const sst = await api.as('sst-admin');
    const set = await sst('PUT', `/rounds/${round.roundId}/reminder-policy`, { body: { daysBefore: [7], hour: 9 } });
    expect(set.status, set.text).toBe(200);
    expect(set.body.reminderPolicy).toEqual({ ...DEFAULT_REMINDER_POLICY, daysBefore: [7], hour: 9 });
    expect((await sst('GET', `/rounds/${round.roundId}`)).body.reminderPolicy).toEqual({ ...DEFAULT_REMINDER_POLICY, daysBefore: [7], hour: 9 });

    const empty = await sst('PUT', `/rounds/${round.roundId}/reminder-policy`, { body: {} });
    expect(empty.status, empty.text).toBe(200);
    expect(empty.body.reminderPolicy).toEqual({ atOpening: true, daysBefore: [14, 3], daysAfter: [1], repeatEveryDays: 7, repeatLimit: 8, hour: 8 });
    // null is a value (no repetition), not a field left out.
    const noRepeat = await sst('PUT', `/rounds/${round.roundId}/reminder-policy`, { body: { repeatEveryDays: null } });
    expect(noRepeat.body.reminderPolicy).toEqual({ ...DEFAULT_REMINDER_POLICY, repeatEveryDays: null });

    expect((await sst('PUT', `/rounds/${round.roundId}/reminder-policy`, { body: { hour: 24 } })).status).toBe(422);
    expect((await sst('PUT', `/rounds/${round.roundId}/reminder-policy`, { body: { weekly: true } })).status).toBe(422);

    const created = await api.round(FORM, { reminderPolicy: { atOpening: false } });
    expect(created.reminderPolicy).toEqual({ ...DEFAULT_REMINDER_POLICY, atOpening: false });
  });

  it('documents the defaults in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/openapi.json')).body;
    const schema = JSON.stringify(doc.paths['/rounds/{roundId}/reminder-policy'].put.requestBody.content['application/json'].schema);
    const component = doc.components.schemas.ReminderPolicyRequest ?? {};
    const text = schema + JSON.stringify(component);
    expect(text).toContain('"default":[14,3]');
    expect(text).toContain('daysBefore [14, 3]');
    expect(component.required ?? []).toEqual([]);
  });
});

describe('a round changed before it opens', () => {
  it('takes new dates, respondents, mode and policy while scheduled, audited, and refuses once open', async () => {
    const sst = await api.as('sst-admin');
    const now = new Date();
    const round = await api.round(FORM, { opensAt: addDanishDays(now, 10).toISOString().slice(0, 10), deadline: addDanishDays(now, 60).toISOString().slice(0, 10) });
    expect(round.phase).toBe('scheduled');
    const opens = danishDate(addDanishDays(now, 12));
    const deadline = danishDate(addDanishDays(now, 70));
    const changed = await sst('PUT', `/rounds/${round.roundId}`, {
      body: {
        period: '2026',
        title: 'Kræftplan V, kommunal status 2026 (rettet)',
        opensAt: opens,
        deadline,
        respondentsAt: '2026-06-01',
        mode: 'coordinated',
        coordinator: 'kl',
        contributors: [ESBJERG, VARDE],
        reminderPolicy: { daysBefore: [5] },
      },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      roundId: round.roundId,
      formId: FORM,
      formVersion: round.formVersion,
      title: 'Kræftplan V, kommunal status 2026 (rettet)',
      deadline,
      mode: 'coordinated',
      coordinator: 'kl',
      respondents: [ESBJERG, VARDE],
      reminderPolicy: { ...DEFAULT_REMINDER_POLICY, daysBefore: [5] },
      phase: 'scheduled',
      createdAt: round.createdAt,
      updatedBy: expect.any(String),
    });
    expect((await sst('GET', `/rounds/${round.roundId}`)).body.respondents).toEqual([ESBJERG, VARDE]);
    const history = (await sst('GET', `/audit?from=${encodeURIComponent(new Date(Date.now() - 600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&roundId=${round.roundId}&limit=500`)).body.items;
    const update = history.find((e: { action: string; roundId?: string }) => e.action === 'round.update' && e.roundId === round.roundId);
    expect(update.detail.changed).toEqual(expect.arrayContaining(['title', 'opensAt', 'deadline', 'mode', 'respondents', 'reminderPolicy']));

    const bad = await sst('PUT', `/rounds/${round.roundId}`, { body: { period: '2026', opensAt: deadline, deadline: opens } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/deadline');
    expect((await sst('PUT', `/rounds/${round.roundId}`, { body: { period: '2026', opensAt: opens, deadline, formId: 'x' } })).status).toBe(422);

    const open = await api.round(FORM);
    const refused = await sst('PUT', `/rounds/${open.roundId}`, { body: { period: '2026', opensAt: opens, deadline } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/kan ikke længere ændres/);
    expect((await sst('GET', `/rounds/${open.roundId}`)).body.deadline).toBe(open.deadline);
    const reader = await api.as('sst-reader');
    expect((await reader('PUT', `/rounds/${round.roundId}`, { body: { period: '2026', opensAt: opens, deadline } })).status).toBe(403);
    expect((await sst('PUT', `/rounds/no-such-round-${ulid().toLowerCase()}`, { body: { period: '2026', opensAt: opens, deadline } })).status).toBe(404);
  });
});

describe('an extension revoked', () => {
  it("gives the organisation the round's deadline back, with the reason in the audit trail", async () => {
    const round = await api.round(FORM, { closeAt: addDanishDays(new Date(), 90).toISOString() });
    const sst = await api.as('sst-admin');
    const extended = danishDate(addDanishDays(new Date(), 50));
    expect((await sst('PUT', `/rounds/${round.roundId}/extensions/${VEJEN}`, { body: { deadline: extended, reason: 'Ny leder' } })).status).toBe(200);
    const reporter = await api.as('reporter', VEJEN);
    const report = `/rounds/${round.roundId}/submissions/${VEJEN}`;
    expect((await reporter('GET', report)).body.extension).toMatchObject({ deadline: extended, reason: 'Ny leder' });

    const revoked = await sst('POST', `/rounds/${round.roundId}/extensions/${VEJEN}/revoke`, { body: { reason: 'Givet ved en fejl' } });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.deadline).toBe(extended);
    const after = (await reporter('GET', report)).body;
    expect(after.extension).toBeUndefined();
    expect(after.deadlineAt).toBe(round.deadlineAt);
    const history = (await sst('GET', `${report}/history`)).body.items as { action: string; detail: { reason?: string } }[];
    expect(history.find((e) => e.action === 'round.extension-revoke')?.detail.reason).toBe('Givet ved en fejl');

    const again = await sst('POST', `/rounds/${round.roundId}/extensions/${VEJEN}/revoke`, { body: { reason: 'Igen' } });
    expect(again.status).toBe(404);
    expect((await sst('POST', `/rounds/${round.roundId}/extensions/${VEJEN}/revoke`, { body: { reason: ' ' } })).status).toBe(422);
    expect((await reporter('POST', `/rounds/${round.roundId}/extensions/${VEJEN}/revoke`, { body: { reason: 'Nej' } })).status).toBe(403);
  });
});
