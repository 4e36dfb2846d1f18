// Starts the local storage engines on loopback: AWS's own DynamoDB Local (the jar that the
// npm package amplify-dynamodb-simulator ships; needs Java 17+) and s3rver. Each returns a
// stop function; nothing here is deployed. DynamoDB Local has no host flag, so it runs in a
// network namespace of its own where one can be made (see netns-bridge.mjs), and never
// outlives the process that started it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import S3rver from 's3rver';
import { isAlive, recordStartedProcess } from './started-processes.ts';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export interface Engine {
  endpoint: string;
  /** The process the engine runs under (DynamoDB Local), if it is not this one. */
  pid?: number;
  /** True when the engine cannot be reached from any interface but loopback. */
  isolated?: boolean;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      // Wait for an HTTP answer, not just a connection: through the bridge a connection opens before Java listens.
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\nAuthorization: AWS4-HMAC-SHA256 Credential=local/20240101/eu-north-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`));
      socket.once('data', (chunk: Buffer) => {
        socket.destroy();
        resolve(chunk.toString('latin1').startsWith('HTTP/1.1 '));
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`DynamoDB Local did not answer on port ${port} within ${timeoutMs} ms`);
}

let isolation: 'netns' | 'none' | undefined;

/**
 * Whether DynamoDB Local can run in its own network namespace here: as root, or where
 * unprivileged user namespaces are allowed. Checked once, by trying.
 */
export function loopbackIsolation(): 'netns' | 'none' {
  if (isolation) return isolation;
  if (process.env['STATUSPORTALEN_NO_NETNS'] === '1') return (isolation = 'none');
  const tried = spawnSync('unshare', [...UNSHARE_ARGS, '--', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore', timeout: 5000 });
  isolation = tried.status === 0 ? 'netns' : 'none';
  if (isolation === 'none') {
    process.stderr.write(
      'WARNING: no network namespace available (needs root or unprivileged user namespaces): DynamoDB Local listens on every interface, with no authentication. See README, "Local engines".\n',
    );
  }
  return isolation;
}

// A private network namespace (only its own loopback) and PID namespace (its PID 1 takes every
// process inside along when it dies); unshare kills that PID 1 when it dies itself.
const UNSHARE_ARGS = [...(process.getuid?.() === 0 ? [] : ['--user', '--map-root-user']), '--net', '--pid', '--fork', '--kill-child'];

/** The pid file of a DynamoDB Local kept under a data directory (npm start). */
const pidFileOf = (dataDir: string) => path.join(dataDir, 'engine.pid');

function portTakenMessage(port: number, dataDir: string | undefined): string {
  const file = dataDir ? pidFileOf(dataDir) : undefined;
  const stale = file && existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
  const who = stale && isAlive(stale) ? `DynamoDB Local of an earlier run (pid ${stale}) still holds it: stop it with \`kill ${stale}\`` : `something else holds it: \`ss -ltnp 'sport = :${port}'\` says what`;
  return `port ${port} for DynamoDB Local is taken, and an engine that is not ours is never reused: ${who}, or choose another port (DYNAMODB_PORT).`;
}

/** Listens on 127.0.0.1 only; refuses a port someone else holds (never silently talks to it). */
function listenLoopback(server: net.Server, port: number, dataDir: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new Error(portTakenMessage(port, dataDir)) : err));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve());
  });
}

/**
 * DynamoDB Local; `dataDir` undefined keeps everything in memory (tests). Where a network
 * namespace is available, Java runs inside one and this process listens for it on 127.0.0.1,
 * forwarding through a Unix socket; every process it starts dies with this one (a parent-death
 * signal on `unshare`, which kills the namespace's PID 1, which takes Java along).
 */
export async function startDynamoDbLocal(port: number, dataDir?: string): Promise<Engine> {
  const emulator = path.join(path.dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
  const storage = dataDir ? (mkdirSync(dataDir, { recursive: true }), ['-dbPath', dataDir]) : ['-inMemory'];
  const java = process.env['JAVA'] ?? 'java';
  const javaArgs = [
    `-Djava.library.path=${path.join(emulator, 'DynamoDBLocal_lib')}`,
    '-Xmx512m',
    '-jar',
    path.join(emulator, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...storage,
  ];
  const isolated = loopbackIsolation() === 'netns';
  // The host side: our own listener on loopback, so a port already taken is refused here, before anything starts.
  const front = net.createServer();
  const sockets = new Set<net.Socket>();
  await listenLoopback(front, port, dataDir);
  const socketPath = path.join(os.tmpdir(), `statusportalen-ddb-${process.pid}-${port}.sock`);
  // Without a namespace Java must bind the port itself: the check above was all the listener was for.
  if (!isolated) await new Promise((r) => front.close(r));
  // setpriv's parent-death signal outlives its exec of unshare (or of Java): if this process is
  // killed, even with SIGKILL, the kernel kills the engine too.
  const command = isolated
    ? ['unshare', ...UNSHARE_ARGS, '--', process.execPath, path.join(here, 'netns-bridge.mjs'), socketPath, String(port), java, ...javaArgs]
    : [java, ...javaArgs];
  const child = spawn('setpriv', ['--pdeathsig', 'KILL', '--', ...command], { cwd: emulator, stdio: ['ignore', 'ignore', 'pipe'] });
  recordStartedProcess(child.pid, 'dynamodb-local');
  // Also on an orderly exit of this process (an error in start-up, Ctrl-C).
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => {
    process.off('exit', reap);
    rmSync(socketPath, { force: true });
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`cannot start DynamoDB Local (Java 17+ and util-linux's setpriv must be installed): ${err.message}`)));
    child.once('spawn', () => resolve());
  });
  await spawned;
  if (isolated) {
    front.on('connection', (client) => {
      const upstream = net.connect(socketPath);
      sockets.add(client);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
      };
      client.once('error', close);
      upstream.once('error', close);
      client.once('close', close);
      upstream.once('close', close);
    });
  }
  if (dataDir) writeFileSync(pidFileOf(dataDir), `${child.pid}\n`);
  try {
    await waitForPort(port, child);
  } catch (err) {
    child.kill('SIGKILL');
    front.close();
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    isolated,
    stop: () =>
      new Promise<void>((resolve) => {
        if (isolated) {
          for (const s of sockets) s.destroy();
          front.close();
        }
        if (dataDir) rmSync(pidFileOf(dataDir), { force: true });
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

// The web app uploads attachments straight to storage and downloads them from presigned
// links; s3rver listens on another loopback port, so for the browser that is cross-origin.
// Local only and permissive: any origin may GET, HEAD and POST. The deployed bucket has its
// own CORS rules in infra/.
const LOCAL_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>Content-Disposition</ExposeHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** s3rver, in this process; `dataDir` persists objects across restarts. */
export async function startS3rver(port: number, dataDir: string, buckets: string[]): Promise<Engine> {
  mkdirSync(dataDir, { recursive: true });
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: dataDir,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name, configs: [LOCAL_CORS] })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
