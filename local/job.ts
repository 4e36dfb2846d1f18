// `npm run job -- <name> [--now ISO]`: runs a scheduled job in the running local stack
// (`npm start`), through its local-only `POST /dev/jobs/{name}` route, so the job sees the
// same engines, outbox and data as the server.
import { JOBS } from './jobs.ts';

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
const nowAt = args.indexOf('--now');
const now = nowAt >= 0 ? args[nowAt + 1] : undefined;
const base = process.env['STATUSPORTALEN_URL'] ?? `http://127.0.0.1:${process.env['PORT'] ?? 3000}`;

if (!name || !(name in JOBS)) {
  console.error(`usage: npm run job -- <${Object.keys(JOBS).join('|')}> [--now 2026-03-29T08:00:00+02:00]`);
  process.exit(2);
}
if (now !== undefined && Number.isNaN(Date.parse(now))) {
  console.error(`--now needs an ISO instant, got "${now}"`);
  process.exit(2);
}

try {
  const res = await fetch(`${base}/dev/jobs/${name}${now ? `?now=${encodeURIComponent(now)}` : ''}`, { method: 'POST' });
  const text = await res.text();
  console.log(text);
  process.exit(res.ok ? 0 : 1);
} catch {
  console.error(`The local stack is not running at ${base}. Start it with \`npm start\` first.`);
  process.exit(1);
}
