// SST's psychiatry status report, end to end over the local engines: SST drafts it from the
// example template, Social- og Boligstyrelsen's author writes its section (and can do nothing
// else), SST approves and publishes; a municipality reads the edition; the public URL serves it
// without a token (and nothing for a draft); later data changes leave the edition byte-identical;
// the PDF parses with pdfjs and its Danish text can be extracted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';
import { saveDraft, submit } from '#core/submissions-service';
import type { Identity } from '#core/identity';
import type { Round } from '#schemas/api';

const SBST = 'social-og-boligstyrelsen';
const FORM = 'psykiatriplan-status';
const SBST_TEXT = 'Social- og Boligstyrelsen følger de sociale indsatser: bostøtte, væresteder og åben rådgivning på Ærø.';

let api: Api;
let round: Round;
let admin: Client;
let author: Client;
let reporter: Client;

const reporterOf = (orgId: string): Identity => ({ subject: `t-${orgId}`, name: `Indberetter, ${orgId}`, role: 'reporter', orgId, scopes: [] });

async function report(orgId: string, change?: (a: Record<string, any>) => void) {
  const answers = exampleAnswers(FORM) as Record<string, any>;
  change?.(answers);
  const s = await saveDraft(api.deps, reporterOf(orgId), round.roundId, orgId, answers, undefined);
  await submit(api.deps, reporterOf(orgId), round.roundId, orgId, s.etag);
}

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; title: unknown }> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
  }
  const meta = await doc.getMetadata();
  return { pages: doc.numPages, text, title: (meta.info as Record<string, unknown>)['Title'] };
}

const bytesOf = async (path: string, token?: string) => {
  const res = await fetch(api.url + path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
};

beforeAll(async () => {
  api = await startApi();
  round = await api.round(FORM);
  admin = await api.as('sst-admin');
  author = await api.as('author', SBST);
  reporter = await api.as('reporter', 'kommune-101');
  await report('region-1081');
  await report('region-1082', (a) => (a['maal'][1]['indikatorer'][0]['vaerdi'] = 170));
}, 60_000);
afterAll(() => api?.stop());

describe('a publication written by SST and Social- og Boligstyrelsen', () => {
  let id: string;
  let etag: string;
  let blankId: string;

  it('SST starts the psychiatry report from the example template, with Social- og Boligstyrelsen invited', async () => {
    const res = await admin('POST', '/publications', { body: { template: 'psykiatri-10-aarsplan', period: '2026' } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.title).toBe('Årlig statusrapport for 10-årsplanen for psykiatrien 2026');
    expect(res.body.exampleNotice).toBe('Eksempel på struktur – ikke officiel tekst');
    expect(res.body.authors).toEqual([SBST]);
    expect(res.body.sections.map((s: any) => s.id)).toContain('social-omraadet');
    expect(res.headers.get('etag')).toBe(res.body.etag);
    id = res.body.publicationId;
    // The data blocks point at this test's round (the editor's block picker does the same).
    const sections = res.body.sections.map((s: any) => (s.kind === 'data' && 'roundId' in s.block ? { ...s, block: { ...s.block, roundId: round.roundId } } : s));
    const saved = await admin('PUT', `/publications/${id}`, { body: { title: res.body.title, sections }, headers: { 'if-match': res.body.etag } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.revision).toBe(2);
    etag = saved.body.etag;

    const blank = await admin('POST', '/publications', { body: { template: 'blank' } });
    expect(blank.status, blank.text).toBe(201);
    expect(blank.body.authors).toEqual([]);
    blankId = blank.body.publicationId;
  });

  it('the draft preview shows live data from the round, as accessible A4 HTML under the no-script policy', async () => {
    const res = await admin('GET', `/publications/${id}?format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.text).toContain('<html lang="da">');
    expect(res.text).toContain('@page { size: A4');
    expect(res.text).toContain('Udkast – ikke udgivet');
    expect(res.text).toMatch(/<th scope="col"[^>]*>Median<\/th>/);
    expect(res.text).toMatch(/<svg [^>]*role="img" aria-labelledby="alt-indberetninger"/);
    expect(res.text).toContain('2 af');
  });

  it('the invited author edits its section; the audit and the versions show who changed what', async () => {
    const list = await author('GET', '/publications');
    expect(list.body.items.map((p: any) => p.publicationId)).toContain(id);
    // Only publications Social- og Boligstyrelsen is invited to, never the blank one nobody was invited to.
    expect(list.body.items.map((p: any) => p.publicationId)).not.toContain(blankId);
    expect(list.body.items.every((p: any) => p.draftVisible)).toBe(true);
    const current = await author('GET', `/publications/${id}`);
    expect(current.body.may).toMatchObject({ edit: true, invite: false, approve: false, publish: false });
    const sections = current.body.sections.map((s: any) => (s.id === 'social-omraadet' ? { ...s, markdown: `${s.markdown}\n\n${SBST_TEXT}` } : s));
    const saved = await author('PUT', `/publications/${id}`, { body: { title: current.body.title, sections }, headers: { 'if-match': current.body.etag } });
    expect(saved.status, saved.text).toBe(200);
    etag = saved.body.etag;

    const comment = await author('POST', `/publications/${id}/comments`, { body: { sectionId: 'indikatorer', text: 'Skal ventetiden stå i dage?' } });
    expect(comment.status, comment.text).toBe(201);
    expect(comment.body.byOrgId).toBe(SBST);

    const versions = await author('GET', `/publications/${id}/versions`);
    const last = versions.body.items.at(-1);
    expect(last.revision).toBe(3);
    expect(last.changes).toEqual([expect.objectContaining({ sectionId: 'social-omraadet', change: 'changed', added: [SBST_TEXT] })]);
    // Word by word for the co-author: the new sentence added, the template's text around it kept.
    const text = last.changes[0].text as { op: string; text: string }[];
    expect(text.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual([SBST_TEXT]);
    expect(text.filter((p) => p.op === 'removed')).toEqual([]);
    expect(text[0]).toMatchObject({ op: 'same' });
  });

  it('refuses the author everything outside the publication it is invited to', async () => {
    const token = await api.token('author', SBST);
    const refused: [string, string, unknown?][] = [
      ['GET', '/rounds'],
      ['GET', `/rounds/${round.roundId}`],
      ['GET', `/rounds/${round.roundId}/summary`],
      ['GET', `/rounds/${round.roundId}/submissions/region-1081`],
      ['GET', '/orgs'],
      ['GET', '/calendar'],
      ['POST', '/publications', { template: 'blank' }],
      ['POST', `/publications/${id}/approve`],
      ['POST', `/publications/${id}/publish`, {}],
    ];
    for (const [method, path, body] of refused) {
      const res = await api.call(method, path, { token, ...(body !== undefined ? { body } : {}), headers: { 'if-match': etag } });
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    // Another publication is invisible, and the invitation list is SST's to change.
    expect((await author('GET', `/publications/${blankId}`)).status).toBe(404);
    expect((await author('PUT', `/publications/${blankId}`, { body: { title: 'x', sections: [{ id: 'a', kind: 'text', title: 'A', markdown: '' }] }, headers: { 'if-match': '"x"' } })).status).toBe(404);
    const current = await author('GET', `/publications/${id}`);
    const invite = await author('PUT', `/publications/${id}`, { body: { title: current.body.title, sections: current.body.sections, authors: [SBST, 'sundhedsdatastyrelsen'] }, headers: { 'if-match': current.body.etag } });
    expect(invite.status).toBe(403);
    expect(invite.body.detail).toContain('invitere');
  });

  it('refuses a stale save, and keeps the draft from other organisations and the public', async () => {
    const stale = await admin('PUT', `/publications/${id}`, { body: { title: 'Gammel', sections: [{ id: 'a', kind: 'text', title: 'A', markdown: '' }] }, headers: { 'if-match': '"2-old"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toContain('Medforfatter, Social- og Boligstyrelsen');
    expect((await reporter('GET', `/publications/${id}`)).status).toBe(404);
    // Other suites may publish in the same engines meanwhile: this draft is what must not show.
    expect((await reporter('GET', '/publications')).body.items.map((p: any) => p.publicationId)).not.toContain(id);
    expect((await api.call('GET', `/public/publications/${id}`)).status).toBe(404);
    expect((await api.call('GET', `/public/publications/${blankId}`)).status).toBe(404);
  });

  let html: Uint8Array;
  let pdf: Uint8Array;

  it('SST approves and publishes a public edition, announced to the organisations by e-mail', async () => {
    const early = await admin('POST', `/publications/${id}/publish`, { body: { public: true }, headers: { 'if-match': etag } });
    expect(early.status).toBe(409);
    const contacts = await admin('PUT', '/orgs/region-1083/contacts', { body: { emails: ['psykiatri@rsyd.example.dk'] } });
    expect(contacts.status, contacts.text).toBe(200);
    const approved = await admin('POST', `/publications/${id}/approve`, { headers: { 'if-match': etag } });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.may.publish).toBe(true);
    const published = await admin('POST', `/publications/${id}/publish`, { body: { public: true }, headers: { 'if-match': approved.body.etag } });
    expect(published.status, published.text).toBe(200);
    expect(published.body.publication.editions).toEqual([expect.objectContaining({ edition: 1, revision: 3, public: true })]);
    expect(published.body.announced).toBeGreaterThanOrEqual(1);
    const outbox = await api.call('GET', '/dev/outbox');
    const mail = outbox.body.items.find((m: any) => m.subject === 'Udgivet: Årlig statusrapport for 10-årsplanen for psykiatrien 2026' && m.to.includes('psykiatri@rsyd.example.dk'));
    expect(mail, JSON.stringify(outbox.body.items.slice(-3))).toBeDefined();

    const history = await api.deps.audit.history(`publication/${id}`);
    expect(history.map((e) => e.action)).toEqual(['publication.created', 'publication.saved', 'publication.saved', 'publication.commented', 'publication.approved', 'publication.published']);
    const snapshots = history.at(-1)!.detail!['snapshots'] as { source: { contentHash: string; builtAt: string } }[];
    expect(snapshots.length).toBe(4);
    expect(snapshots.every((s) => /^[0-9a-f]{16,}$/.test(s.source.contentHash) && s.source.builtAt)).toBe(true);
  });

  it('a municipal reporter reads the published edition', async () => {
    const list = await reporter('GET', '/publications');
    expect(list.body.items.filter((p: any) => p.publicationId === id)).toEqual([expect.objectContaining({ draftVisible: false, editions: [expect.objectContaining({ edition: 1 })] })]);
    const json = await reporter('GET', `/publications/${id}`);
    expect(json.status).toBe(200);
    expect(json.body.comments).toEqual([]);
    expect(json.body.sections.find((s: any) => s.id === 'social-omraadet').markdown).toContain(SBST_TEXT);
    const page = await reporter('GET', `/publications/${id}?format=html`);
    expect(page.text).toContain('Udgave 1, udgivet');
    expect(page.text).toContain('bostøtte, væresteder');
    // The reporter never sees the draft's comments or versions.
    expect((await reporter('GET', `/publications/${id}/versions`)).status).toBe(403);
  });

  it('the public URL serves the edition without a token, and the Atom feed lists it', async () => {
    const page = await bytesOf(`/public/publications/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    html = page.bytes;
    const signedIn = await bytesOf(`/publications/${id}?format=html`, await api.token('reporter', 'kommune-101'));
    expect(Buffer.from(signedIn.bytes).equals(Buffer.from(html))).toBe(true);
    const file = await bytesOf(`/public/publications/${id}?format=pdf`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    pdf = file.bytes;
    const feed = await api.call('GET', '/public/publications.atom');
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect(feed.text).toContain(`urn:statusportalen:publication:${id}:1`);
    expect(feed.text).not.toContain(blankId);
  });

  it('the PDF is a valid PDF whose Danish text can be extracted', async () => {
    const { pages, text, title } = await pdfText(pdf.slice());
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(title).toBe('Årlig statusrapport for 10-årsplanen for psykiatrien 2026');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Årlig statusrapport for 10-årsplanen for psykiatrien');
    expect(flat).toContain('Eksempel på struktur – ikke officiel tekst');
    expect(flat).toContain('bostøtte, væresteder og åben rådgivning på Ærø');
    // The completeness chart is drawn in the PDF as in the page, its text alternative under it.
    expect(flat).toContain('Indberetningsgrad pr. region (%): ');
  });

  it('a later data change leaves the published edition byte-identical, while the draft shows the new data', async () => {
    const before = await admin('GET', `/publications/${id}?format=html`);
    await report('region-1083', (a) => (a['maal'][0]['beskrivelse'] = 'Ny beskrivelse fra Region Syddanmark, indsendt efter udgivelsen.'));
    const page = await bytesOf(`/public/publications/${id}`);
    expect(Buffer.from(page.bytes).equals(Buffer.from(html))).toBe(true);
    const file = await bytesOf(`/public/publications/${id}?format=pdf`);
    expect(Buffer.from(file.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(page.bytes).toString('utf8')).not.toContain('indsendt efter udgivelsen');
    const preview = await admin('GET', `/publications/${id}?format=html`);
    expect(preview.text).toContain('indsendt efter udgivelsen');
    expect(preview.text).not.toBe(before.text);
  });
});
