// `npm start`: the whole system on this machine, data kept under .local/ across restarts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngines, startServer } from './stack.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.local');
const port = Number(process.env['PORT'] ?? 3000);

const engines = await startEngines({
  dataDir,
  dynamoPort: Number(process.env['DYNAMODB_PORT'] ?? 8000),
  s3Port: Number(process.env['S3_PORT'] ?? 4569),
});
const { buildDeps, storageConfigFromEnv } = await import('#functions/composition');
const { seedForms, seedRounds } = await import('./seed.ts');
const deps = buildDeps(storageConfigFromEnv());
const forms = await seedForms(deps);
const rounds = await seedRounds(deps);
const server = await startServer({ port, keyFile: path.join(dataDir, 'dev-jwt-key.json') });

console.log(`
Statusportalen kører lokalt / runs locally
  API:       ${server.url}   (GET ${server.url}/health, ${server.url}/openapi.json)
  DynamoDB:  ${engines.env['AWS_ENDPOINT_URL_DYNAMODB']}   S3: ${engines.env['AWS_ENDPOINT_URL_S3']}
  Data:      .local/  (delete it to start from scratch)
  Seeded:    ${forms.length ? forms.join(', ') : 'forms already present'}; ${rounds.length ? `rounds ${rounds.join(', ')}` : 'rounds already present'}

Get a token (roles: reporter, sst-reader, sst-admin):
  curl -s -X POST ${server.url}/dev/token -H 'content-type: application/json' \\
       -d '{"role":"reporter","orgId":"kommune-101"}'
Then: curl -H "authorization: Bearer <token>" ${server.url}/rounds

Ctrl-C stops everything.`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await server.stop();
  await engines.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
