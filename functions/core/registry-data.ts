// Reference data for the organisation registry: the regions, the 98 municipalities and the
// national bodies of the Task Force. Facts only; `#core/registry` derives every view from them.
// Codes are the official DAGI / Danmarks Statistik codes, kept as strings because they are
// identifiers (leading zeros would matter if ever present) and appear in the org ids.
// Dates are 'YYYY-MM-DD', validFrom inclusive and validTo exclusive, so "until 2026-12-31"
// is written validTo '2027-01-01'. History before the 2007 structural reform is out of scope,
// so the original five regions and the municipalities carry no validFrom.
//
// `name` is the short name used in lists and tables ("København"); `officialName` is the name
// the organisation goes by in a letter or a sentence ("Københavns Kommune"). Sources:
// - Municipalities: borger.dk's municipality list with kommunekode and official name, as kept in
//   github.com/skybrud/Skybrud.Umbraco.BorgerDk (README.md, "Municipalities") and, with short and
//   long name side by side, github.com/limbo-works/Limbo.Integrations.BorgerDk
//   (src/Limbo.Integrations.BorgerDk/BorgerDkMunicipality.cs). All 98 official names below were
//   compared code by code with the first list. 96 are "<name> Kommune"; the exceptions are
//   101 Københavns Kommune and 400 Bornholms Regionskommune (the genitive forms; Danmarks
//   Statistik names both so in its nomenclature note, dst.dk/da/Statistik/dokumentation/
//   nomenklaturer/amt-kom). 480 Nordfyns Kommune and 820 Vesthimmerlands Kommune carry the
//   genitive in the short name already, as DAGI spells them.
// - Regions: the five as named in the same lists and in github.com/django/django-localflavor
//   (localflavor/dk/dk_municipalities.py, DK_MUNICIPALITIES); Region Østdanmark as named in
//   lov nr. 699 af 20. juni 2025 om overgangen til en ny sundhedsstruktur (overgangsloven), § 126.
// - Authorities: the names the bodies use for themselves. KL has been plain "KL" since 2001,
//   when it stopped calling itself Kommunernes Landsforening (kl.dk, "Præsentation af KL";
//   da.wikipedia.org/wiki/KL), so its official name is "KL" and its genitive "KL's".
//   Social- og Boligstyrelsen is named so, and as a member of its own beside Social- og
//   Boligministeriet, in the Task Force's terms of reference (KOMMISSORIUM FOR TASK FORCE FOR KRÆFT-
//   OG PSYKIATRIOMRÅDET, "Sammensætning og mødekadence" and "Baggrund": "Sundhedsstyrelsen og Social-
//   og Boligstyrelsen årligt frem mod 2030 udarbejde en statusrapport"; /work/shared/seeds/
//   000_4eb3af6b35db6681.txt). Its users co-author SST's publications (role `author`).

export type RegionCode = '1081' | '1082' | '1083' | '1084' | '1085';

export interface RegionRecord {
  readonly id: string;
  readonly name: string;
  readonly officialName: string;
  readonly code: RegionCode | null;
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface MunicipalityRecord {
  /** Official 3-digit kommunekode; the org id is `kommune-<code>`. */
  readonly code: string;
  readonly name: string;
  /** As in the sources above: "Aarhus Kommune", "Københavns Kommune", "Bornholms Regionskommune". */
  readonly officialName: string;
  /** The region the municipality belonged to before the 2027 health reform. */
  readonly regionCode: RegionCode;
}

export interface AuthorityRecord {
  readonly id: string;
  readonly name: string;
  readonly officialName: string;
}

/** A set of regions replaced by one successor; their municipalities move with them. */
export interface RegionMerger {
  readonly on: string;
  readonly from: readonly string[];
  readonly into: string;
}

const REFORM_DATE = '2027-01-01';

export const REGIONS: readonly RegionRecord[] = [
  { id: 'region-1081', code: '1081', name: 'Region Nordjylland', officialName: 'Region Nordjylland' },
  { id: 'region-1082', code: '1082', name: 'Region Midtjylland', officialName: 'Region Midtjylland' },
  { id: 'region-1083', code: '1083', name: 'Region Syddanmark', officialName: 'Region Syddanmark' },
  { id: 'region-1084', code: '1084', name: 'Region Hovedstaden', officialName: 'Region Hovedstaden', validTo: REFORM_DATE },
  { id: 'region-1085', code: '1085', name: 'Region Sjælland', officialName: 'Region Sjælland', validTo: REFORM_DATE },
  // No official DAGI region code for the new region is known to us yet; null rather than a
  // guess, so nothing downstream starts depending on an invented number.
  { id: 'region-oestdanmark', code: null, name: 'Region Østdanmark', officialName: 'Region Østdanmark', validFrom: REFORM_DATE },
];

// The health reform (sundhedsreformen) merges Hovedstaden and Sjælland into Region Østdanmark.
export const REGION_MERGERS: readonly RegionMerger[] = [
  { on: REFORM_DATE, from: ['region-1084', 'region-1085'], into: 'region-oestdanmark' },
];

// Grouped by region and ordered by kommunekode within each group, which makes the
// per-region counts (11/19/22/29/17) easy to check by eye against Danmarks Statistik.
export const MUNICIPALITIES: readonly MunicipalityRecord[] = [
  // Region Hovedstaden (1084): 29
  { code: '101', name: 'København', officialName: 'Københavns Kommune', regionCode: '1084' },
  { code: '147', name: 'Frederiksberg', officialName: 'Frederiksberg Kommune', regionCode: '1084' },
  { code: '151', name: 'Ballerup', officialName: 'Ballerup Kommune', regionCode: '1084' },
  { code: '153', name: 'Brøndby', officialName: 'Brøndby Kommune', regionCode: '1084' },
  { code: '155', name: 'Dragør', officialName: 'Dragør Kommune', regionCode: '1084' },
  { code: '157', name: 'Gentofte', officialName: 'Gentofte Kommune', regionCode: '1084' },
  { code: '159', name: 'Gladsaxe', officialName: 'Gladsaxe Kommune', regionCode: '1084' },
  { code: '161', name: 'Glostrup', officialName: 'Glostrup Kommune', regionCode: '1084' },
  { code: '163', name: 'Herlev', officialName: 'Herlev Kommune', regionCode: '1084' },
  { code: '165', name: 'Albertslund', officialName: 'Albertslund Kommune', regionCode: '1084' },
  { code: '167', name: 'Hvidovre', officialName: 'Hvidovre Kommune', regionCode: '1084' },
  { code: '169', name: 'Høje-Taastrup', officialName: 'Høje-Taastrup Kommune', regionCode: '1084' },
  { code: '173', name: 'Lyngby-Taarbæk', officialName: 'Lyngby-Taarbæk Kommune', regionCode: '1084' },
  { code: '175', name: 'Rødovre', officialName: 'Rødovre Kommune', regionCode: '1084' },
  { code: '183', name: 'Ishøj', officialName: 'Ishøj Kommune', regionCode: '1084' },
  { code: '185', name: 'Tårnby', officialName: 'Tårnby Kommune', regionCode: '1084' },
  { code: '187', name: 'Vallensbæk', officialName: 'Vallensbæk Kommune', regionCode: '1084' },
  { code: '190', name: 'Furesø', officialName: 'Furesø Kommune', regionCode: '1084' },
  { code: '201', name: 'Allerød', officialName: 'Allerød Kommune', regionCode: '1084' },
  { code: '210', name: 'Fredensborg', officialName: 'Fredensborg Kommune', regionCode: '1084' },
  { code: '217', name: 'Helsingør', officialName: 'Helsingør Kommune', regionCode: '1084' },
  { code: '219', name: 'Hillerød', officialName: 'Hillerød Kommune', regionCode: '1084' },
  { code: '223', name: 'Hørsholm', officialName: 'Hørsholm Kommune', regionCode: '1084' },
  { code: '230', name: 'Rudersdal', officialName: 'Rudersdal Kommune', regionCode: '1084' },
  { code: '240', name: 'Egedal', officialName: 'Egedal Kommune', regionCode: '1084' },
  { code: '250', name: 'Frederikssund', officialName: 'Frederikssund Kommune', regionCode: '1084' },
  { code: '260', name: 'Halsnæs', officialName: 'Halsnæs Kommune', regionCode: '1084' },
  { code: '270', name: 'Gribskov', officialName: 'Gribskov Kommune', regionCode: '1084' },
  // Christiansø (411) has a code but is administered by the state, not a municipality.
  { code: '400', name: 'Bornholm', officialName: 'Bornholms Regionskommune', regionCode: '1084' },

  // Region Sjælland (1085): 17
  { code: '253', name: 'Greve', officialName: 'Greve Kommune', regionCode: '1085' },
  { code: '259', name: 'Køge', officialName: 'Køge Kommune', regionCode: '1085' },
  { code: '265', name: 'Roskilde', officialName: 'Roskilde Kommune', regionCode: '1085' },
  { code: '269', name: 'Solrød', officialName: 'Solrød Kommune', regionCode: '1085' },
  { code: '306', name: 'Odsherred', officialName: 'Odsherred Kommune', regionCode: '1085' },
  { code: '316', name: 'Holbæk', officialName: 'Holbæk Kommune', regionCode: '1085' },
  { code: '320', name: 'Faxe', officialName: 'Faxe Kommune', regionCode: '1085' },
  { code: '326', name: 'Kalundborg', officialName: 'Kalundborg Kommune', regionCode: '1085' },
  { code: '329', name: 'Ringsted', officialName: 'Ringsted Kommune', regionCode: '1085' },
  { code: '330', name: 'Slagelse', officialName: 'Slagelse Kommune', regionCode: '1085' },
  { code: '336', name: 'Stevns', officialName: 'Stevns Kommune', regionCode: '1085' },
  { code: '340', name: 'Sorø', officialName: 'Sorø Kommune', regionCode: '1085' },
  { code: '350', name: 'Lejre', officialName: 'Lejre Kommune', regionCode: '1085' },
  { code: '360', name: 'Lolland', officialName: 'Lolland Kommune', regionCode: '1085' },
  { code: '370', name: 'Næstved', officialName: 'Næstved Kommune', regionCode: '1085' },
  { code: '376', name: 'Guldborgsund', officialName: 'Guldborgsund Kommune', regionCode: '1085' },
  { code: '390', name: 'Vordingborg', officialName: 'Vordingborg Kommune', regionCode: '1085' },

  // Region Syddanmark (1083): 22
  { code: '410', name: 'Middelfart', officialName: 'Middelfart Kommune', regionCode: '1083' },
  { code: '420', name: 'Assens', officialName: 'Assens Kommune', regionCode: '1083' },
  { code: '430', name: 'Faaborg-Midtfyn', officialName: 'Faaborg-Midtfyn Kommune', regionCode: '1083' },
  { code: '440', name: 'Kerteminde', officialName: 'Kerteminde Kommune', regionCode: '1083' },
  { code: '450', name: 'Nyborg', officialName: 'Nyborg Kommune', regionCode: '1083' },
  { code: '461', name: 'Odense', officialName: 'Odense Kommune', regionCode: '1083' },
  { code: '479', name: 'Svendborg', officialName: 'Svendborg Kommune', regionCode: '1083' },
  { code: '480', name: 'Nordfyns', officialName: 'Nordfyns Kommune', regionCode: '1083' },
  { code: '482', name: 'Langeland', officialName: 'Langeland Kommune', regionCode: '1083' },
  { code: '492', name: 'Ærø', officialName: 'Ærø Kommune', regionCode: '1083' },
  { code: '510', name: 'Haderslev', officialName: 'Haderslev Kommune', regionCode: '1083' },
  { code: '530', name: 'Billund', officialName: 'Billund Kommune', regionCode: '1083' },
  { code: '540', name: 'Sønderborg', officialName: 'Sønderborg Kommune', regionCode: '1083' },
  { code: '550', name: 'Tønder', officialName: 'Tønder Kommune', regionCode: '1083' },
  { code: '561', name: 'Esbjerg', officialName: 'Esbjerg Kommune', regionCode: '1083' },
  { code: '563', name: 'Fanø', officialName: 'Fanø Kommune', regionCode: '1083' },
  { code: '573', name: 'Varde', officialName: 'Varde Kommune', regionCode: '1083' },
  { code: '575', name: 'Vejen', officialName: 'Vejen Kommune', regionCode: '1083' },
  { code: '580', name: 'Aabenraa', officialName: 'Aabenraa Kommune', regionCode: '1083' },
  { code: '607', name: 'Fredericia', officialName: 'Fredericia Kommune', regionCode: '1083' },
  { code: '621', name: 'Kolding', officialName: 'Kolding Kommune', regionCode: '1083' },
  { code: '630', name: 'Vejle', officialName: 'Vejle Kommune', regionCode: '1083' },

  // Region Midtjylland (1082): 19
  { code: '615', name: 'Horsens', officialName: 'Horsens Kommune', regionCode: '1082' },
  { code: '657', name: 'Herning', officialName: 'Herning Kommune', regionCode: '1082' },
  { code: '661', name: 'Holstebro', officialName: 'Holstebro Kommune', regionCode: '1082' },
  { code: '665', name: 'Lemvig', officialName: 'Lemvig Kommune', regionCode: '1082' },
  { code: '671', name: 'Struer', officialName: 'Struer Kommune', regionCode: '1082' },
  { code: '706', name: 'Syddjurs', officialName: 'Syddjurs Kommune', regionCode: '1082' },
  { code: '707', name: 'Norddjurs', officialName: 'Norddjurs Kommune', regionCode: '1082' },
  { code: '710', name: 'Favrskov', officialName: 'Favrskov Kommune', regionCode: '1082' },
  { code: '727', name: 'Odder', officialName: 'Odder Kommune', regionCode: '1082' },
  { code: '730', name: 'Randers', officialName: 'Randers Kommune', regionCode: '1082' },
  { code: '740', name: 'Silkeborg', officialName: 'Silkeborg Kommune', regionCode: '1082' },
  { code: '741', name: 'Samsø', officialName: 'Samsø Kommune', regionCode: '1082' },
  { code: '746', name: 'Skanderborg', officialName: 'Skanderborg Kommune', regionCode: '1082' },
  { code: '751', name: 'Aarhus', officialName: 'Aarhus Kommune', regionCode: '1082' },
  { code: '756', name: 'Ikast-Brande', officialName: 'Ikast-Brande Kommune', regionCode: '1082' },
  { code: '760', name: 'Ringkøbing-Skjern', officialName: 'Ringkøbing-Skjern Kommune', regionCode: '1082' },
  { code: '766', name: 'Hedensted', officialName: 'Hedensted Kommune', regionCode: '1082' },
  { code: '779', name: 'Skive', officialName: 'Skive Kommune', regionCode: '1082' },
  { code: '791', name: 'Viborg', officialName: 'Viborg Kommune', regionCode: '1082' },

  // Region Nordjylland (1081): 11
  { code: '773', name: 'Morsø', officialName: 'Morsø Kommune', regionCode: '1081' },
  { code: '787', name: 'Thisted', officialName: 'Thisted Kommune', regionCode: '1081' },
  { code: '810', name: 'Brønderslev', officialName: 'Brønderslev Kommune', regionCode: '1081' },
  { code: '813', name: 'Frederikshavn', officialName: 'Frederikshavn Kommune', regionCode: '1081' },
  { code: '820', name: 'Vesthimmerlands', officialName: 'Vesthimmerlands Kommune', regionCode: '1081' },
  { code: '825', name: 'Læsø', officialName: 'Læsø Kommune', regionCode: '1081' },
  { code: '840', name: 'Rebild', officialName: 'Rebild Kommune', regionCode: '1081' },
  { code: '846', name: 'Mariagerfjord', officialName: 'Mariagerfjord Kommune', regionCode: '1081' },
  { code: '849', name: 'Jammerbugt', officialName: 'Jammerbugt Kommune', regionCode: '1081' },
  { code: '851', name: 'Aalborg', officialName: 'Aalborg Kommune', regionCode: '1081' },
  { code: '860', name: 'Hjørring', officialName: 'Hjørring Kommune', regionCode: '1081' },
];

// The national members of the Task Force. They are organisations users can belong to, but
// never respondents: only regions and municipalities submit status reports.
export const AUTHORITIES: readonly AuthorityRecord[] = [
  { id: 'sst', name: 'Sundhedsstyrelsen', officialName: 'Sundhedsstyrelsen' },
  { id: 'kl', name: 'KL – Kommunernes Landsforening', officialName: 'KL' },
  { id: 'danske-regioner', name: 'Danske Regioner', officialName: 'Danske Regioner' },
  { id: 'sundhedsdatastyrelsen', name: 'Sundhedsdatastyrelsen', officialName: 'Sundhedsdatastyrelsen' },
  { id: 'social-og-boligstyrelsen', name: 'Social- og Boligstyrelsen', officialName: 'Social- og Boligstyrelsen' },
];

// The two ministries with a seat in the Task Force, named exactly as the terms of reference list
// them (KOMMISSORIUM FOR TASK FORCE FOR KRÆFT- OG PSYKIATRIOMRÅDET, "Sammensætning og
// mødekadence"; /work/shared/seeds/000_4eb3af6b35db6681.txt). Like the authorities they are
// organisations users can belong to and never respondents. No validity dates: the sources give
// none, and a ministry renamed by a future cabinet reshuffle gets a validTo then.
export const MINISTRIES: readonly AuthorityRecord[] = [
  { id: 'indenrigs-og-sundhedsministeriet', name: 'Indenrigs- og Sundhedsministeriet', officialName: 'Indenrigs- og Sundhedsministeriet' },
  { id: 'social-og-boligministeriet', name: 'Social- og Boligministeriet', officialName: 'Social- og Boligministeriet' },
];
