// A stand-in for the SES v2 API on loopback, for running a deployed bundle here (bench, smoke test
// of deployed artefacts): it accepts SendEmail and keeps what it was sent, so a function that
// mails goes through its real SES sender and the SDK's signing without leaving the machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SesStub {
  endpoint: string;
  /** Request paths and bodies received, in order. */
  received: { path: string; body: string }[];
  stop(): Promise<void>;
}

export async function startSesStub(): Promise<SesStub> {
  const received: SesStub['received'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ MessageId: `local-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
