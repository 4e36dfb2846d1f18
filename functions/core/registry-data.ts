// Reference data for the organisation registry: the regions, the 98 municipalities and the
// national bodies of the Task Force. Facts only; `#core/registry` derives every view from them.
// Codes are the official DAGI / Danmarks Statistik codes, kept as strings because they are
// identifiers (leading zeros would matter if ever present) and appear in the org ids.
// Dates are 'YYYY-MM-DD', validFrom inclusive and validTo exclusive, so "until 2026-12-31"
// is written validTo '2027-01-01'. History before the 2007 structural reform is out of scope,
// so the original five regions and the municipalities carry no validFrom.

export type RegionCode = '1081' | '1082' | '1083' | '1084' | '1085';

export interface RegionRecord {
  readonly id: string;
  readonly name: string;
  readonly code: RegionCode | null;
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface MunicipalityRecord {
  /** Official 3-digit kommunekode; the org id is `kommune-<code>`. */
  readonly code: string;
  readonly name: string;
  /** The region the municipality belonged to before the 2027 health reform. */
  readonly regionCode: RegionCode;
}

export interface AuthorityRecord {
  readonly id: string;
  readonly name: string;
}

/** A set of regions replaced by one successor; their municipalities move with them. */
export interface RegionMerger {
  readonly on: string;
  readonly from: readonly string[];
  readonly into: string;
}

const REFORM_DATE = '2027-01-01';

export const REGIONS: readonly RegionRecord[] = [
  { id: 'region-1081', code: '1081', name: 'Region Nordjylland' },
  { id: 'region-1082', code: '1082', name: 'Region Midtjylland' },
  { id: 'region-1083', code: '1083', name: 'Region Syddanmark' },
  { id: 'region-1084', code: '1084', name: 'Region Hovedstaden', validTo: REFORM_DATE },
  { id: 'region-1085', code: '1085', name: 'Region Sjælland', validTo: REFORM_DATE },
  // No official DAGI region code for the new region is known to us yet; null rather than a
  // guess, so nothing downstream starts depending on an invented number.
  { id: 'region-oestdanmark', code: null, name: 'Region Østdanmark', validFrom: REFORM_DATE },
];

// The health reform (sundhedsreformen) merges Hovedstaden and Sjælland into Region Østdanmark.
export const REGION_MERGERS: readonly RegionMerger[] = [
  { on: REFORM_DATE, from: ['region-1084', 'region-1085'], into: 'region-oestdanmark' },
];

// Grouped by region and ordered by kommunekode within each group, which makes the
// per-region counts (11/19/22/29/17) easy to check by eye against Danmarks Statistik.
export const MUNICIPALITIES: readonly MunicipalityRecord[] = [
  // Region Hovedstaden (1084): 29
  { code: '101', name: 'København', regionCode: '1084' },
  { code: '147', name: 'Frederiksberg', regionCode: '1084' },
  { code: '151', name: 'Ballerup', regionCode: '1084' },
  { code: '153', name: 'Brøndby', regionCode: '1084' },
  { code: '155', name: 'Dragør', regionCode: '1084' },
  { code: '157', name: 'Gentofte', regionCode: '1084' },
  { code: '159', name: 'Gladsaxe', regionCode: '1084' },
  { code: '161', name: 'Glostrup', regionCode: '1084' },
  { code: '163', name: 'Herlev', regionCode: '1084' },
  { code: '165', name: 'Albertslund', regionCode: '1084' },
  { code: '167', name: 'Hvidovre', regionCode: '1084' },
  { code: '169', name: 'Høje-Taastrup', regionCode: '1084' },
  { code: '173', name: 'Lyngby-Taarbæk', regionCode: '1084' },
  { code: '175', name: 'Rødovre', regionCode: '1084' },
  { code: '183', name: 'Ishøj', regionCode: '1084' },
  { code: '185', name: 'Tårnby', regionCode: '1084' },
  { code: '187', name: 'Vallensbæk', regionCode: '1084' },
  { code: '190', name: 'Furesø', regionCode: '1084' },
  { code: '201', name: 'Allerød', regionCode: '1084' },
  { code: '210', name: 'Fredensborg', regionCode: '1084' },
  { code: '217', name: 'Helsingør', regionCode: '1084' },
  { code: '219', name: 'Hillerød', regionCode: '1084' },
  { code: '223', name: 'Hørsholm', regionCode: '1084' },
  { code: '230', name: 'Rudersdal', regionCode: '1084' },
  { code: '240', name: 'Egedal', regionCode: '1084' },
  { code: '250', name: 'Frederikssund', regionCode: '1084' },
  { code: '260', name: 'Halsnæs', regionCode: '1084' },
  { code: '270', name: 'Gribskov', regionCode: '1084' },
  // Christiansø (411) has a code but is administered by the state, not a municipality.
  { code: '400', name: 'Bornholm', regionCode: '1084' },

  // Region Sjælland (1085): 17
  { code: '253', name: 'Greve', regionCode: '1085' },
  { code: '259', name: 'Køge', regionCode: '1085' },
  { code: '265', name: 'Roskilde', regionCode: '1085' },
  { code: '269', name: 'Solrød', regionCode: '1085' },
  { code: '306', name: 'Odsherred', regionCode: '1085' },
  { code: '316', name: 'Holbæk', regionCode: '1085' },
  { code: '320', name: 'Faxe', regionCode: '1085' },
  { code: '326', name: 'Kalundborg', regionCode: '1085' },
  { code: '329', name: 'Ringsted', regionCode: '1085' },
  { code: '330', name: 'Slagelse', regionCode: '1085' },
  { code: '336', name: 'Stevns', regionCode: '1085' },
  { code: '340', name: 'Sorø', regionCode: '1085' },
  { code: '350', name: 'Lejre', regionCode: '1085' },
  { code: '360', name: 'Lolland', regionCode: '1085' },
  { code: '370', name: 'Næstved', regionCode: '1085' },
  { code: '376', name: 'Guldborgsund', regionCode: '1085' },
  { code: '390', name: 'Vordingborg', regionCode: '1085' },

  // Region Syddanmark (1083): 22
  { code: '410', name: 'Middelfart', regionCode: '1083' },
  { code: '420', name: 'Assens', regionCode: '1083' },
  { code: '430', name: 'Faaborg-Midtfyn', regionCode: '1083' },
  { code: '440', name: 'Kerteminde', regionCode: '1083' },
  { code: '450', name: 'Nyborg', regionCode: '1083' },
  { code: '461', name: 'Odense', regionCode: '1083' },
  { code: '479', name: 'Svendborg', regionCode: '1083' },
  { code: '480', name: 'Nordfyns', regionCode: '1083' },
  { code: '482', name: 'Langeland', regionCode: '1083' },
  { code: '492', name: 'Ærø', regionCode: '1083' },
  { code: '510', name: 'Haderslev', regionCode: '1083' },
  { code: '530', name: 'Billund', regionCode: '1083' },
  { code: '540', name: 'Sønderborg', regionCode: '1083' },
  { code: '550', name: 'Tønder', regionCode: '1083' },
  { code: '561', name: 'Esbjerg', regionCode: '1083' },
  { code: '563', name: 'Fanø', regionCode: '1083' },
  { code: '573', name: 'Varde', regionCode: '1083' },
  { code: '575', name: 'Vejen', regionCode: '1083' },
  { code: '580', name: 'Aabenraa', regionCode: '1083' },
  { code: '607', name: 'Fredericia', regionCode: '1083' },
  { code: '621', name: 'Kolding', regionCode: '1083' },
  { code: '630', name: 'Vejle', regionCode: '1083' },

  // Region Midtjylland (1082): 19
  { code: '615', name: 'Horsens', regionCode: '1082' },
  { code: '657', name: 'Herning', regionCode: '1082' },
  { code: '661', name: 'Holstebro', regionCode: '1082' },
  { code: '665', name: 'Lemvig', regionCode: '1082' },
  { code: '671', name: 'Struer', regionCode: '1082' },
  { code: '706', name: 'Syddjurs', regionCode: '1082' },
  { code: '707', name: 'Norddjurs', regionCode: '1082' },
  { code: '710', name: 'Favrskov', regionCode: '1082' },
  { code: '727', name: 'Odder', regionCode: '1082' },
  { code: '730', name: 'Randers', regionCode: '1082' },
  { code: '740', name: 'Silkeborg', regionCode: '1082' },
  { code: '741', name: 'Samsø', regionCode: '1082' },
  { code: '746', name: 'Skanderborg', regionCode: '1082' },
  { code: '751', name: 'Aarhus', regionCode: '1082' },
  { code: '756', name: 'Ikast-Brande', regionCode: '1082' },
  { code: '760', name: 'Ringkøbing-Skjern', regionCode: '1082' },
  { code: '766', name: 'Hedensted', regionCode: '1082' },
  { code: '779', name: 'Skive', regionCode: '1082' },
  { code: '791', name: 'Viborg', regionCode: '1082' },

  // Region Nordjylland (1081): 11
  { code: '773', name: 'Morsø', regionCode: '1081' },
  { code: '787', name: 'Thisted', regionCode: '1081' },
  { code: '810', name: 'Brønderslev', regionCode: '1081' },
  { code: '813', name: 'Frederikshavn', regionCode: '1081' },
  { code: '820', name: 'Vesthimmerlands', regionCode: '1081' },
  { code: '825', name: 'Læsø', regionCode: '1081' },
  { code: '840', name: 'Rebild', regionCode: '1081' },
  { code: '846', name: 'Mariagerfjord', regionCode: '1081' },
  { code: '849', name: 'Jammerbugt', regionCode: '1081' },
  { code: '851', name: 'Aalborg', regionCode: '1081' },
  { code: '860', name: 'Hjørring', regionCode: '1081' },
];

// The national members of the Task Force. They are organisations users can belong to, but
// never respondents: only regions and municipalities submit status reports.
export const AUTHORITIES: readonly AuthorityRecord[] = [
  { id: 'sst', name: 'Sundhedsstyrelsen' },
  { id: 'kl', name: 'KL – Kommunernes Landsforening' },
  { id: 'danske-regioner', name: 'Danske Regioner' },
  { id: 'sundhedsdatastyrelsen', name: 'Sundhedsdatastyrelsen' },
  { id: 'social-og-boligstyrelsen', name: 'Social- og Boligstyrelsen' },
];
