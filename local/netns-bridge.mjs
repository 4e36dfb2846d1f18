// Runs as PID 1 of a private network and PID namespace (started by local/engines.ts through
// `unshare`): brings up that namespace's loopback, starts DynamoDB Local there, and offers it to
// the host through a Unix socket, the only door out. DynamoDB Local has no host flag and binds
// every interface; in here the only interface is a loopback no other machine can reach. As PID 1,
// its death takes every process of the namespace with it, Java included.
// Usage: node netns-bridge.mjs <socket path> <port> <java> <java args…>
import { spawn, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';

const [socketPath, portText, java, ...javaArgs] = process.argv.slice(2);
const port = Number(portText);

execFileSync('ip', ['link', 'set', 'lo', 'up']);
const engine = spawn(java, javaArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
engine.once('exit', (code) => process.exit(code ?? 1));
engine.once('error', (err) => {
  process.stderr.write(`cannot start Java for DynamoDB Local (Java 17+ must be installed): ${err.message}\n`);
  process.exit(1);
});

// PID 1 gets no default signal handling: stop deliberately, and take Java along.
const stop = () => {
  engine.kill('SIGKILL');
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

rmSync(socketPath, { force: true });
net
  .createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('error', close);
    upstream.once('error', close);
    client.once('close', close);
    upstream.once('close', close);
  })
  .listen(socketPath);
