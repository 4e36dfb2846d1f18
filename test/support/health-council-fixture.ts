// A fixed sundhedsråd composition for the tests of the roll-ups (completeness, summaries,
// publication blocks), so they prove the grouping and the "Ikke fordelt" row whatever SST later
// adds to registry/sundhedsraad.csv. It is the one composition the repository ships with a public
// source: Sundhedsråd Amager og Vestegnen, nine municipalities in Region Østdanmark, the other 89
// of the 98 in no sundhedsråd. A test file uses it in place of the shipped rows with
//
//   vi.mock('#core/sundhedsraad-data', async () => ({
//     HEALTH_COUNCIL_ROWS: (await import('../support/health-council-fixture.ts')).FIXTURE_HEALTH_COUNCIL_ROWS,
//   }));
//
// The shipped rows themselves are checked in test/unit/health-councils.test.ts.
import type { HealthCouncilRow } from '#core/health-councils';

const SOURCE =
  'Region Østdanmark, pressemeddelelse 19.01.2026 "Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen';

/** Code and name of the nine municipalities, as the registry spells them. */
export const FIXTURE_MUNICIPALITIES: readonly (readonly [string, string])[] = [
  ['165', 'Albertslund'],
  ['153', 'Brøndby'],
  ['155', 'Dragør'],
  ['161', 'Glostrup'],
  ['167', 'Hvidovre'],
  ['169', 'Høje-Taastrup'],
  ['183', 'Ishøj'],
  ['185', 'Tårnby'],
  ['187', 'Vallensbæk'],
];

export const FIXTURE_COUNCIL_NAME = 'Sundhedsråd Amager og Vestegnen';

export const FIXTURE_HEALTH_COUNCIL_ROWS: readonly HealthCouncilRow[] = FIXTURE_MUNICIPALITIES.map(([code, name]) => ({
  id: 'sundhedsraad-amager-og-vestegnen',
  name: FIXTURE_COUNCIL_NAME,
  validFrom: '2027-01-01',
  regionId: 'region-oestdanmark',
  municipalityCode: code,
  municipalityName: name,
  source: SOURCE,
}));
