// An extension granted, changed or revoked from the API reaches the organisation's contacts as a
// Danish e-mail (the local outbox): the new deadline and the reason, or that the extension was
// withdrawn and which deadline applies again. An organisation without addresses gets none, and a
// retry of the same grant sends no second mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { addDanishDays, danishDate, formatDanishDate, parseDanishInstant } from '#core/danish-time';
import type { Round } from '#schemas/api';
import { startApi, type Api, type Client } from '../support/api.ts';

const FORM = 'kraeftplan-v-kommunal';
const EGEDAL = 'kommune-240'; // has an address
const FREDERIKSSUND = 'kommune-250'; // has none (no suite gives it any)
let api: Api;
let sst: Client;
let round: Round;
const address = `frist-${ulid().toLowerCase().slice(-8)}@egedal.example`;

interface Mail {
  to: string[];
  subject: string;
  text: string;
  key?: string;
}
const mails = async (orgId: string): Promise<Mail[]> =>
  ((await api.call('GET', '/dev/outbox')).body.items as Mail[]).filter((m) => m.key?.startsWith(`extension/${round.roundId}/${orgId}/`)).reverse();
const day = (d: string) => formatDanishDate(parseDanishInstant(d, 'end'));

beforeAll(async () => {
  api = await startApi();
  sst = await api.as('sst-admin');
  round = await api.round(FORM, { title: `Fristtest (eksempel) ${ulid().slice(-5)}`, closeAt: addDanishDays(new Date(), 120).toISOString() });
  expect((await sst('PUT', `/orgs/${EGEDAL}/contacts`, { body: { emails: [address] } })).status).toBe(200);
});
afterAll(() => api?.stop());

describe('the e-mail about an extension', () => {
  it('tells the contacts the new deadline and the reason, then the changed one, then that the round deadline applies again', async () => {
    const path = `/rounds/${round.roundId}/extensions/${EGEDAL}`;
    const first = danishDate(addDanishDays(new Date(round.deadlineAt), 14));
    const granted = await sst('PUT', path, { body: { deadline: first, reason: 'Eksempel: ny kontaktperson' } });
    expect(granted.status, granted.text).toBe(200);
    let sent = await mails(EGEDAL);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: [address], subject: `Fristen er forlænget: ${round.title} – frist ${day(first)}` });
    expect(sent[0]!.text).toContain(`Sundhedsstyrelsen har forlænget Egedal Kommunes frist for indberetningen "${round.title}". Den nye frist er ${day(first)} (rundens frist er ${formatDanishDate(new Date(round.deadlineAt))}).`);
    expect(sent[0]!.text).toContain('Begrundelse: Eksempel: ny kontaktperson');
    expect(sent[0]!.text).toContain(`/#/runder/${round.roundId}/${EGEDAL}`);

    // The same grant again changes nothing and sends nothing.
    expect((await sst('PUT', path, { body: { deadline: first, reason: 'Eksempel: ny kontaktperson' } })).status).toBe(200);
    expect(await mails(EGEDAL)).toHaveLength(1);

    const later = danishDate(addDanishDays(new Date(round.deadlineAt), 21));
    expect((await sst('PUT', path, { body: { deadline: later, reason: 'Eksempel: mere tid til data' } })).status).toBe(200);
    sent = await mails(EGEDAL);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.subject).toBe(`Ny forlænget frist: ${round.title} – frist ${day(later)}`);
    expect(sent[1]!.text).toContain(`Den nye frist er ${day(later)} (før ${day(first)}).`);

    const revoked = await sst('POST', `${path}/revoke`, { body: { reason: 'Eksempel: givet ved en fejl' } });
    expect(revoked.status, revoked.text).toBe(200);
    sent = await mails(EGEDAL);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ to: [address], subject: `Forlængelsen er trukket tilbage: ${round.title} – frist ${formatDanishDate(new Date(round.deadlineAt))}` });
    expect(sent[2]!.text).toContain(`Den forlængede frist var ${day(later)}.`);
    expect(sent[2]!.text).toContain(`Nu gælder rundens frist igen: ${formatDanishDate(new Date(round.deadlineAt))}.`);
    expect(sent[2]!.text).toContain('Begrundelse: Eksempel: givet ved en fejl');
  });

  it('sends nothing to an organisation without addresses, and the extension still stands', async () => {
    const deadline = danishDate(addDanishDays(new Date(round.deadlineAt), 7));
    const res = await sst('PUT', `/rounds/${round.roundId}/extensions/${FREDERIKSSUND}`, { body: { deadline, reason: 'Eksempel' } });
    expect(res.status, res.text).toBe(200);
    expect(await mails(FREDERIKSSUND)).toEqual([]);
    const reporter = await api.as('reporter', FREDERIKSSUND);
    expect((await reporter('GET', `/rounds/${round.roundId}/submissions/${FREDERIKSSUND}`)).body.extension).toMatchObject({ deadline });
  });
});
