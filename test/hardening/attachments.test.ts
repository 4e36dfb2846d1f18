// The outside review's attachment findings, replayed over HTTP against the local stack: a
// ticket posted to again after acceptance, limits outrun by many tickets, and content that is
// not what it claims to be. Each test states what holds now; storage is read back directly.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { expectProblem, startHardened, type Hardened } from './support.ts';
import { zipOf } from './fixtures/zip.ts';
import { exampleAnswers } from '../../local/seed.ts';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-607';
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;
let h: Hardened;
let reporter: string;
let admin: string;

beforeAll(async () => {
  h = await startHardened();
  reporter = await h.token('reporter', ORG);
  admin = await h.token('sst-admin');
});
afterAll(() => h.stop());

const sub = (roundId: string) => `/rounds/${roundId}/submissions/${ORG}`;
type Ticket = { attachmentId: string; upload: { url: string; fields: Record<string, string> } };

async function post(ticket: Ticket, bytes: Buffer, type: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'fil');
  return fetch(ticket.upload.url, { method: 'POST', body: form });
}

const ticketFor = (roundId: string, fileName: string, contentType: string, size: number) =>
  h.call('POST', `${sub(roundId)}/attachments`, { token: reporter, body: { fileName, contentType, size } });

const complete = (roundId: string, id: string, etag?: string) =>
  h.call('POST', `${sub(roundId)}/attachments/${id}/complete`, { token: reporter, headers: etag ? { 'if-match': etag } : {} });

async function download(roundId: string, id: string): Promise<{ status: number; bytes?: Buffer }> {
  const link = await fetch(`${h.url}${sub(roundId)}/attachments/${id}`, { headers: { authorization: `Bearer ${admin}` }, redirect: 'manual' });
  if (link.status !== 302) return { status: link.status };
  const file = await fetch(link.headers.get('location')!);
  return { status: file.status, bytes: Buffer.from(await file.arrayBuffer()) };
}

const pdf = (text: string, size?: number) => {
  const body = Buffer.from(`%PDF-1.7\n% ${text}\n`);
  const tail = Buffer.from('\n%%EOF\n');
  if (size === undefined) return Buffer.concat([body, tail]);
  return Buffer.concat([body, Buffer.alloc(size - body.length - tail.length, 0x20), tail]);
};

async function attach(roundId: string, etag: string, bytes: Buffer, name = 'bilag.pdf', type = PDF) {
  const ticket = await ticketFor(roundId, name, type, bytes.length);
  expect(ticket.status, ticket.text).toBe(201);
  expect((await post(ticket.body, bytes, type)).status).toBeLessThan(300);
  const done = await complete(roundId, ticket.body.attachmentId, etag);
  return { ticket: ticket.body as Ticket, done };
}

async function draft(roundId: string, answers: unknown = { kontakt: { navn: 'Åse' } }) {
  const saved = await h.call('PUT', sub(roundId), { token: reporter, body: { answers } });
  expect(saved.status, saved.text).toBe(200);
  return saved.headers.get('etag')!;
}

describe('attachments after the review', () => {
  it('never changes a confirmed attachment when an old ticket is posted again, before or after acceptance', async () => {
    const round = await h.round(FORM);
    const original = pdf('Det bekræftede bilag');
    const { ticket, done } = await attach(round.roundId, await draft(round.roundId, exampleAnswers(FORM)), original);
    expect(done.status, done.text).toBe(200);
    const id = ticket.attachmentId;

    // While still a draft: the same ticket again, then /complete again.
    const sameSize = pdf('Et andet indhold, samme ').subarray(0, original.length);
    expect((await post(ticket, sameSize, PDF)).status).toBeLessThan(300);
    const again = await complete(round.roundId, id, done.headers.get('etag')!);
    expect(again.status).toBeLessThan(500);
    expect((await download(round.roundId, id)).bytes?.equals(original)).toBe(true);

    const submitted = await h.call('POST', `${sub(round.roundId)}/submit`, { token: reporter, headers: { 'if-match': done.headers.get('etag')! } });
    expect(submitted.status, submitted.text).toBe(200);
    expect((await h.call('POST', `${sub(round.roundId)}/accept`, { token: admin })).status).toBe(200);
    const before = await h.call('GET', sub(round.roundId), { token: admin });

    // After acceptance: another file of another size to the same ticket, then /complete.
    expect((await post(ticket, pdf('Erstatning efter godkendelse', 4096), PDF)).status).toBeLessThan(300);
    const late = await complete(round.roundId, id, before.headers.get('etag')!);
    expectProblem(late, [404, 409]);
    const after = await h.call('GET', sub(round.roundId), { token: admin });
    expect(after.body).toEqual(before.body);
    const file = await download(round.roundId, id);
    expect(file.status).toBe(200);
    expect(file.bytes?.equals(original)).toBe(true);
    expect(after.body.attachments[0].sha256).toBe(createHash('sha256').update(original).digest('hex'));
  });

  it('refuses a 21st file however many tickets are asked for at once, and checks again at confirmation', async () => {
    const round = await h.round(FORM);
    let etag = await draft(round.roundId);
    const bytes = pdf('lille bilag');
    // 23 tickets at once: a race between ticket requests may let a few more through...
    const tickets = await Promise.all(Array.from({ length: 23 }, (_, i) => ticketFor(round.roundId, `bilag-${i}.pdf`, PDF, bytes.length)));
    const issued = tickets.filter((t) => t.status === 201);
    for (const t of tickets.filter((t) => t.status !== 201)) expectProblem(t, 422, 'invalid-attachment');
    expect(issued.length).toBeGreaterThanOrEqual(20);
    // ...asked for one by one, the 21st is refused while 20 are pending.
    expectProblem(await ticketFor(round.roundId, 'en-til.pdf', PDF, bytes.length), 422, 'invalid-attachment');
    // ...and confirmation never lets more than 20 onto the report.
    let confirmed = 0;
    for (const t of issued) {
      expect((await post(t.body, bytes, PDF)).status).toBeLessThan(300);
      const done = await complete(round.roundId, t.body.attachmentId, etag);
      if (done.status === 200) {
        confirmed++;
        etag = done.headers.get('etag')!;
      } else expectProblem(done, 422, 'invalid-attachment');
    }
    expect(confirmed).toBe(20);
    // A ticket that slipped past the count (made here straight in the store, as a race would) is refused at confirmation.
    const { S3AttachmentStore } = await import('#store/attachment-store');
    const { getDocumentClient, getS3Client } = await import('#store/clients');
    const { storageConfigFromEnv } = await import('#functions/composition');
    const { table, bucket } = storageConfigFromEnv();
    const id = `slipped${Date.now()}`;
    const now = new Date();
    const upload = await new S3AttachmentStore(getDocumentClient(), table, getS3Client(), bucket).createUpload(
      { id, roundId: round.roundId, orgId: ORG, fileName: 'smuttet.pdf', contentType: PDF, size: bytes.length, key: `uploads/${round.roundId}/${ORG}/${id}`, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 900_000).toISOString() },
      20 * MiB,
    );
    expect((await post({ attachmentId: id, upload }, bytes, PDF)).status).toBeLessThan(300);
    expectProblem(await complete(round.roundId, id, etag), 422, 'invalid-attachment');
    expect((await h.call('GET', sub(round.roundId), { token: reporter })).body.attachments).toHaveLength(20);
  });

  it('never lets three 20 MiB files make a report larger than 50 MB', async () => {
    const round = await h.round(FORM);
    let etag = await draft(round.roundId);
    const big = pdf('tyve mebibyte', 20 * MiB);
    const tickets = await Promise.all([1, 2, 3].map((i) => ticketFor(round.roundId, `stor-${i}.pdf`, PDF, big.length)));
    const issued = tickets.filter((t) => t.status === 201);
    for (const t of tickets.filter((t) => t.status !== 201)) expectProblem(t, 422, 'invalid-attachment');
    let total = 0;
    for (const t of issued) {
      expect((await post(t.body, big, PDF)).status).toBeLessThan(300);
      const done = await complete(round.roundId, t.body.attachmentId, etag);
      if (done.status === 200) {
        etag = done.headers.get('etag')!;
        total = done.body.attachments.reduce((s: number, a: { size: number }) => s + a.size, 0);
      } else expectProblem(done, 422, 'invalid-attachment');
    }
    expect(total).toBe(2 * big.length);
    expect(total).toBeLessThanOrEqual(50 * MiB);
  }, 120_000);

  it('refuses a file whose content is not what it is declared as (HTML as PDF, a spreadsheet as a Word document, a bare zip)', async () => {
    const round = await h.round(FORM);
    const etag = await draft(round.roundId);
    const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ark1').addRow(['Indikator', 12]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const bareZip = zipOf({ 'noter.txt': 'ikke et Office-dokument' });
    for (const [name, type, bytes] of [
      ['rapport.pdf', PDF, html],
      ['rapport.docx', DOCX, xlsx],
      ['rapport.xlsx', XLSX, bareZip],
    ] as const) {
      const { done } = await attach(round.roundId, etag, bytes, name, type);
      expectProblem(done, 422, 'invalid-attachment');
      expect(done.body.detail).not.toMatch(/Content-Type|header|\b4\d\d\b/i);
    }
    expect((await h.call('GET', sub(round.roundId), { token: reporter })).body.revision).toBe(1);
  });

  it('accepts real PDF, DOCX and XLSX files and records their SHA-256', async () => {
    const round = await h.round(FORM);
    let etag = await draft(round.roundId);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ark1').addRow(['Indikator', 12]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const docx = zipOf({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': '<Relationships/>',
      'word/document.xml': '<w:document/>',
    });
    for (const [name, type, bytes] of [
      ['notat.pdf', PDF, pdf('notat')],
      ['notat.docx', DOCX, docx],
      ['tal.xlsx', XLSX, xlsx],
    ] as const) {
      const { done } = await attach(round.roundId, etag, bytes, name, type);
      expect(done.status, done.text).toBe(200);
      etag = done.headers.get('etag')!;
      expect(done.body.attachments.at(-1).sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
