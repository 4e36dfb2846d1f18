// Writes functions/core/holidays-dk.json: Denmark's public holidays for 2000–2100 as date-holidays
// computes them, so the functions bundle a table of dates instead of the library's rule engine
// (date-holidays-parser pulls in moment-timezone with every zone and astronomia: about 990 KB
// minified in the calendar and deadline-check bundles). `npx tsx local/holidays-dk.ts` after
// upgrading date-holidays; test/unit/working-days.test.ts fails while the file differs from the
// library's answer.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { danishHolidayData } from './holidays-dk-data.ts';

const out = fileURLToPath(new URL('../functions/core/holidays-dk.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(danishHolidayData())}\n`);
console.log(`wrote ${out}`);
