// Writes functions/core/holidays-dk.json: the Danish part of date-holidays' data (the rules for
// DK and the holiday names they refer to), so the functions bundle the parser and 2 KB of rules
// instead of every country's (1.4 MB minified). `npx tsx local/holidays-dk.ts` after upgrading
// date-holidays; test/unit/working-days.test.ts fails while the file differs from the library's.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { danishHolidayData } from './holidays-dk-data.ts';

const out = fileURLToPath(new URL('../functions/core/holidays-dk.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(danishHolidayData(), null, 2)}\n`);
console.log(`wrote ${out}`);
