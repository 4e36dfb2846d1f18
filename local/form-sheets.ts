// Writes every shipped form version as a sheet beside its schema (forms/<formId>/v<n>.xlsx), the
// workbook SST's staff start a new version from. `npm run forms:sheets`; the unit test
// test/unit/form-sheet.test.ts proves each sheet converts back to its schema exactly.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaToSheet } from '#core/form-sheet';
import { writeFormWorkbook } from '#functions/formats/form-sheet-xlsx';

const FORMS = fileURLToPath(new URL('../forms/', import.meta.url));

for (const dir of (await readdir(FORMS, { withFileTypes: true })).filter((d) => d.isDirectory())) {
  for (const file of (await readdir(path.join(FORMS, dir.name))).filter((f) => /^v\d+\.schema\.json$/.test(f))) {
    const schema = JSON.parse(await readFile(path.join(FORMS, dir.name, file), 'utf8')) as Record<string, unknown>;
    const manifest = JSON.parse(await readFile(path.join(FORMS, dir.name, 'form.json'), 'utf8')) as { respondentKind: 'region' | 'municipality'; plan: string };
    const out = path.join(FORMS, dir.name, file.replace('.schema.json', '.xlsx'));
    await writeFile(out, await writeFormWorkbook(schemaToSheet(schema, { respondentKind: manifest.respondentKind, plan: manifest.plan })));
    console.log(path.relative(process.cwd(), out));
  }
}
