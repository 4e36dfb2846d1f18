// Test-only: the summary workbook as LibreOffice lays it out, for a person to look at. Builds the
// psychiatry summary workbook from the example answers (with a long regional description, so rows
// wrap), converts it to PDF with LibreOffice headless and to PNG pages with poppler, all under
// test-results/libreoffice/. Needs `libreoffice-calc-nogui` and `poppler-utils` (Debian packages);
// it is not part of the test suite because neither is on CI.
//   npx tsx test/tools/xlsx-in-libreoffice.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRoundSummary } from '#core/summary/aggregate';
import { summaryXlsx } from '#functions/formats/xlsx';
import { clone, exampleOf, summaryInput } from '../support/summary-fixtures.ts';

const LONG = 'Regionen har indført fast gennemgang af alle tvangsepisoder og uddannelse i konfliktnedtrapning for alle afsnit. '.repeat(6);

const nord = exampleOf('psykiatriplan-status');
nord.maal[1].beskrivelse = LONG;
const midt = clone(exampleOf('psykiatriplan-status'));
midt.maal[1].indikatorer[0].vaerdi = 120;
const summary = buildRoundSummary(
  summaryInput('psykiatriplan-status', 'region', [
    { orgId: 'region-1081', status: 'submitted', answers: nord, submittedAt: '2026-12-01T10:00:00.000Z' },
    { orgId: 'region-1082', status: 'accepted', answers: midt, submittedAt: '2026-07-01T21:30:00.000Z' },
  ]),
);

const out = path.resolve('test-results', 'libreoffice');
mkdirSync(out, { recursive: true });
const xlsx = path.join(out, 'opsamling.xlsx');
writeFileSync(xlsx, await summaryXlsx(summary));
// Its own profile directory, so no running LibreOffice of the user's is touched or reused.
const profile = mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
try {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx], { stdio: 'inherit', timeout: 180_000 });
} finally {
  rmSync(profile, { recursive: true, force: true });
}
execFileSync('pdftoppm', ['-r', '60', '-png', path.join(out, 'opsamling.pdf'), path.join(out, 'side')], { stdio: 'inherit' });
console.log(`Look at ${out}/side-*.png`);
