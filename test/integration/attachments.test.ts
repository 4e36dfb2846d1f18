// Supporting documents: ticket, upload straight to S3 (s3rver here), confirmation, listing
// and download, and the refusals for wrong types, sizes and other organisations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../support/api.ts';
import { exampleAnswers } from '../../local/seed.ts';

const FORM = 'kraeftplan-v-kommunal';
const ORG = 'kommune-461';
const PDF = 'application/pdf';
let api: Api;
let reporter: Client;

beforeAll(async () => {
  api = await startApi();
  reporter = await api.as('reporter', ORG);
});
afterAll(() => api.stop());

const sub = (roundId: string, orgId = ORG) => `/rounds/${roundId}/submissions/${orgId}`;

async function upload(ticket: { upload: { url: string; fields: Record<string, string> } }, bytes: Buffer, type = PDF) {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'fil');
  return fetch(ticket.upload.url, { method: 'POST', body: form });
}

describe('attachments', () => {
  it('uploads a PDF, keeps it with the revision that added it, and lets SST download it', async () => {
    const round = await api.round(FORM);
    const saved = await reporter('PUT', sub(round.roundId), { body: { answers: { kontakt: { navn: 'Åse' } } } });
    const bytes = Buffer.from('%PDF-1.7\n% Bilag om rehabilitering i Odense\n%%EOF\n');
    const ticket = await reporter('POST', `${sub(round.roundId)}/attachments`, { body: { fileName: 'Rehabilitering – Ærø & Odense.pdf', contentType: PDF, size: bytes.length } });
    expect(ticket.status).toBe(201);
    expect((await upload(ticket.body, bytes)).status).toBeLessThan(300);
    const done = await reporter('POST', `${sub(round.roundId)}/attachments/${ticket.body.attachmentId}/complete`, { headers: { 'if-match': saved.headers.get('etag')! } });
    expect(done.status).toBe(200);
    expect(done.body.revision).toBe(2);
    expect(done.body.answers).toEqual({ kontakt: { navn: 'Åse' } });
    expect(done.body.attachments).toEqual([
      expect.objectContaining({ id: ticket.body.attachmentId, fileName: 'Rehabilitering _ Ærø _ Odense.pdf', size: bytes.length, revision: 2 }),
    ]);
    expect(done.body.attachments[0].key).toBeUndefined();

    const reader = await api.as('sst-reader');
    const list = await reader('GET', `${sub(round.roundId)}/attachments`);
    expect(list.body.items).toHaveLength(1);
    const link = await fetch(`${api.url}${sub(round.roundId)}/attachments/${ticket.body.attachmentId}`, {
      headers: { authorization: `Bearer ${await api.token('sst-reader')}` },
      redirect: 'manual',
    });
    expect(link.status).toBe(302);
    const file = await fetch(link.headers.get('location')!);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    const revisions = await reporter('GET', `${sub(round.roundId)}/revisions`);
    expect(revisions.body.items.map((r: { action: string }) => r.action)).toEqual(['save', 'attach']);
  });

  it('refuses types other than PDF, DOCX and XLSX, and files over 20 MB, before any upload', async () => {
    const round = await api.round(FORM);
    const exe = await reporter('POST', `${sub(round.roundId)}/attachments`, { body: { fileName: 'virus.exe', contentType: 'application/octet-stream', size: 10 } });
    expect(exe.status).toBe(422);
    expect(exe.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-attachment');
    const mismatch = await reporter('POST', `${sub(round.roundId)}/attachments`, { body: { fileName: 'rapport.docx', contentType: PDF, size: 10 } });
    expect(mismatch.status).toBe(422);
    const huge = await reporter('POST', `${sub(round.roundId)}/attachments`, { body: { fileName: 'stor.pdf', contentType: PDF, size: 21 * 1024 * 1024 } });
    expect(huge.status).toBe(422);
  });

  it('refuses to confirm a file that never arrived, or that differs from what was announced', async () => {
    const round = await api.round(FORM);
    const ticket = await reporter('POST', `${sub(round.roundId)}/attachments`, { body: { fileName: 'notat.pdf', contentType: PDF, size: 5 } });
    const early = await reporter('POST', `${sub(round.roundId)}/attachments/${ticket.body.attachmentId}/complete`);
    expect(early.status).toBe(409);
    expect(early.body.type).toBe('https://statusportalen.sst.dk/problems/upload-missing');
    await upload(ticket.body, Buffer.from('en meget længere fil end anmeldt'));
    const differs = await reporter('POST', `${sub(round.roundId)}/attachments/${ticket.body.attachmentId}/complete`);
    expect(differs.status).toBe(422);
    expect((await reporter('GET', sub(round.roundId))).body.revision).toBe(0);
  });

  async function attached(roundId: string, etag: string, name = 'notat.pdf') {
    const bytes = Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`);
    const ticket = await reporter('POST', `${sub(roundId)}/attachments`, { body: { fileName: name, contentType: PDF, size: bytes.length } });
    expect((await upload(ticket.body, bytes)).status).toBeLessThan(300);
    const done = await reporter('POST', `${sub(roundId)}/attachments/${ticket.body.attachmentId}/complete`, { headers: { 'if-match': etag } });
    expect(done.status, done.text).toBe(200);
    return { id: ticket.body.attachmentId as string, etag: done.headers.get('etag')! };
  }

  it('removes an attachment as a new revision, audited, and keeps the file for the earlier revisions', async () => {
    const round = await api.round(FORM);
    const saved = await reporter('PUT', sub(round.roundId), { body: { answers: { kontakt: { navn: 'Åse' } } } });
    const a = await attached(round.roundId, saved.headers.get('etag')!, 'første.pdf');
    const b = await attached(round.roundId, a.etag, 'anden.pdf');
    const { S3AttachmentStore } = await import('#store/attachment-store');
    const { getDocumentClient, getS3Client } = await import('#store/clients');
    const { buildDeps, storageConfigFromEnv } = await import('#functions/composition');
    const { table, bucket } = storageConfigFromEnv();
    const stored = await buildDeps(storageConfigFromEnv()).submissions.getHead(round.roundId, ORG);
    const key = stored?.attachments?.find((f) => f.id === a.id)?.key;
    expect(key).toMatch(new RegExp(`^attachments/${round.roundId}/${ORG}/${a.id}-`));
    const removed = await reporter('DELETE', `${sub(round.roundId)}/attachments/${a.id}`, { headers: { 'if-match': b.etag } });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body).toMatchObject({ status: 'draft', revision: 4, answers: { kontakt: { navn: 'Åse' } } });
    expect(removed.headers.get('etag')).toBe(removed.body.etag);
    expect(removed.body.attachments.map((f: { id: string }) => f.id)).toEqual([b.id]);
    expect((await reporter('GET', `${sub(round.roundId)}/attachments/${a.id}`)).status).toBe(404);
    const history = await reporter('GET', `${sub(round.roundId)}/history`);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'submission.detach', detail: { revision: 4, attachment: a.id, fileName: 'første.pdf' } });
    const revisions = await reporter('GET', `${sub(round.roundId)}/revisions`);
    expect(revisions.body.items.map((r: { action: string }) => r.action)).toEqual(['save', 'attach', 'attach', 'detach']);
    // The object is still stored: the revisions that listed it keep pointing at something real.
    expect(await new S3AttachmentStore(getDocumentClient(), table, getS3Client(), bucket).inspect(key!)).toBeDefined();
    const last = await reporter('DELETE', `${sub(round.roundId)}/attachments/${b.id}`, { headers: { 'if-match': removed.headers.get('etag')! } });
    expect(last.status).toBe(200);
    expect(last.body.attachments).toBeUndefined();
  });

  it('needs the current version (428, 412), knows only its own files (404), and refuses once submitted (409)', async () => {
    const round = await api.round(FORM);
    const saved = await reporter('PUT', sub(round.roundId), { body: { answers: exampleAnswers(FORM) } });
    const a = await attached(round.roundId, saved.headers.get('etag')!);
    const target = `${sub(round.roundId)}/attachments/${a.id}`;
    const missing = await reporter('DELETE', target);
    expect(missing.status).toBe(428);
    expect(missing.body.detail).not.toMatch(/If-Match|ETag/);
    expect((await reporter('DELETE', target, { headers: { 'if-match': saved.headers.get('etag')! } })).status).toBe(412);
    expect((await reporter('DELETE', `${sub(round.roundId)}/attachments/ukendt`, { headers: { 'if-match': a.etag } })).status).toBe(404);
    const submitted = await reporter('POST', `${sub(round.roundId)}/submit`, { headers: { 'if-match': a.etag } });
    expect(submitted.status, submitted.text).toBe(200);
    const locked = await reporter('DELETE', target, { headers: { 'if-match': submitted.headers.get('etag')! } });
    expect(locked.status).toBe(409);
    expect(locked.body.type).toBe('https://statusportalen.sst.dk/problems/invalid-transition');
    expect(locked.body.detail).toMatch(/indsendt/);
    expect((await reporter('GET', sub(round.roundId))).body.attachments).toHaveLength(1);
  });

  it("keeps another organisation's reporter away from the files", async () => {
    const round = await api.round(FORM);
    const other = await api.as('reporter', 'kommune-101');
    expect((await other('GET', `${sub(round.roundId)}/attachments`)).status).toBe(403);
    expect((await other('POST', `${sub(round.roundId)}/attachments`, { body: { fileName: 'a.pdf', contentType: PDF, size: 5 } })).status).toBe(403);
  });
});
