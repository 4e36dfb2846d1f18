// Writes functions/core/sundhedsraad-data.ts from registry/sundhedsraad.csv, the file SST
// maintains: `npx tsx local/sundhedsraad.ts` after editing it. The functions bundle the rows as
// a module (no file is read at run time); test/unit/health-councils.test.ts fails while the
// module differs from the CSV, and `#core/health-councils` checks every row against the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { healthCouncilModule } from './sundhedsraad-csv.ts';

const csv = readFileSync(fileURLToPath(new URL('../registry/sundhedsraad.csv', import.meta.url)), 'utf8');
const out = fileURLToPath(new URL('../functions/core/sundhedsraad-data.ts', import.meta.url));
writeFileSync(out, await healthCouncilModule(csv));
console.log(`wrote ${out}`);
