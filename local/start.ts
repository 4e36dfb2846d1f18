// `npm start`: the whole system on this machine, data kept under .local/ across restarts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngines, startServer } from './stack.ts';
import { createStaticHandler } from './static.ts';
import { dataDirOf, shownDir } from './data-dir.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// STATUSPORTALEN_DATA_DIR: another data folder (the README test runs a stack of its own there).
const dataDir = dataDirOf(process.env, root);
const shown = shownDir(dataDir, root);
const port = Number(process.env['PORT'] ?? 3000);

const engines = await startEngines({
  dataDir,
  dynamoPort: Number(process.env['DYNAMODB_PORT'] ?? 8000),
  s3Port: Number(process.env['S3_PORT'] ?? 4569),
});
const { buildDeps, storageConfigFromEnv } = await import('#functions/composition');
const { seedForms, seedRounds, seedMeetings, seedContacts } = await import('./seed.ts');
const deps = buildDeps(storageConfigFromEnv());
const forms = await seedForms(deps);
const rounds = await seedRounds(deps);
const { buildScheduleDeps } = await import('#functions/schedule-composition');
const scheduleDeps = buildScheduleDeps(storageConfigFromEnv());
const meetings = await seedMeetings(scheduleDeps);
const contacts = await seedContacts(scheduleDeps);
const server = await startServer({ port, keyFile: path.join(dataDir, 'dev-jwt-key.json'), extra: createStaticHandler(path.join(root, 'web', 'dist')) });

console.log(`
Statusportalen kører lokalt / runs locally
  Web:       ${server.url}/   (sign in as a reporter, e.g. København, or as SST)
  API:       ${server.url}   (GET ${server.url}/health, ${server.url}/openapi.json)
  DynamoDB:  ${engines.env['AWS_ENDPOINT_URL_DYNAMODB']}   S3: ${engines.env['AWS_ENDPOINT_URL_S3']}
  Data:      ${shown}  (delete it to start from scratch)
  Seeded:    ${forms.length ? forms.join(', ') : 'forms already present'}; ${rounds.length ? `rounds ${rounds.join(', ')}` : 'rounds already present'}; ${meetings.length ? `example meetings ${meetings.join(', ')}` : 'meetings already present'}${contacts.length ? `; example contacts for ${contacts.join(', ')}` : ''}
  Mail:      ${shown}outbox/*.eml  (GET ${server.url}/dev/outbox); deadline check every 5 min, or: npm run job -- deadline-check --now 2026-03-29T08:00:00+02:00

Get a token (roles: reporter, sst-reader, sst-admin):
  curl -s -X POST ${server.url}/dev/token -H 'content-type: application/json' \\
       -d '{"role":"reporter","orgId":"kommune-101"}'
Then: curl -H "authorization: Bearer <token>" ${server.url}/rounds

Ctrl-C stops everything.`);

// The scheduler's stand-in: the deadline check soon after start and then every five minutes.
// It is idempotent (each reminder is claimed before it is sent), so frequent runs are harmless.
const { runJob } = await import('./jobs.ts');
const deadlineCheck = () => void runJob('deadline-check').catch((err: unknown) => console.error('deadline-check failed:', err));
const firstCheck = setTimeout(deadlineCheck, 5_000);
const deadlineTimer = setInterval(deadlineCheck, 5 * 60_000);
// Summaries: built soon after start and then every ten minutes (nightly on AWS). A round whose
// inputs did not change is not rebuilt, and an unchanged build is never stored twice.
const buildSummaries = () => void runJob('build-summaries').catch((err: unknown) => console.error('build-summaries failed:', err));
const firstBuild = setTimeout(buildSummaries, 20_000);
const summaryTimer = setInterval(buildSummaries, 10 * 60_000);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  clearTimeout(firstCheck);
  clearInterval(deadlineTimer);
  clearTimeout(firstBuild);
  clearInterval(summaryTimer);
  console.log('\nStopping…');
  await server.stop();
  await engines.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
