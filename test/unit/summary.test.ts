// The schema-driven consolidation, checked figure by figure on seeded answers of all three forms.
import { describe, expect, it } from 'vitest';
import { buildRoundSummary } from '#core/summary/aggregate';
import { planFromSchema } from '#core/summary/plan';
import { buildTrend, flattenSummary } from '#core/summary/trend';
import { summaryHtml } from '#core/summary/html';
import type { ChoiceSummary, FieldSummary, ListSummary, NumberSummary, RoundSummary, TextSummary } from '#core/summary/model';
import { FormTrend, RoundSummary as RoundSummarySchema } from '#schemas/summary';
import { clone, exampleOf, schemaOf, summaryInput, type Json } from '../support/summary-fixtures.ts';

const field = <T extends FieldSummary>(fields: FieldSummary[], key: string): T => {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f as T;
};
const section = (s: RoundSummary, key: string) => s.sections.find((x) => x.key === key)!;
const item = (list: ListSummary, id: string) => list.items.find((i) => i.id === id)!;

function regional(): RoundSummary {
  const base = exampleOf('kraeftplan-v-regional');
  const nord = clone(base);
  const midt = clone(base);
  midt.initiativer[0].status = 'implementeret';
  midt.initiativer[0].fremdrift = 100;
  midt.initiativer[0].beskrivelse = 'Midtjylland har samlet udredningen i ét center i Aarhus. Ærø-ø-å.';
  midt.initiativer.push({ initiativ: 'palliation', status: 'igangsat', fremdrift: 40, beskrivelse: 'Palliativt team udvidet.', naeste_skridt: 'Evaluering.' });
  const syd = clone(base);
  syd.initiativer[0].fremdrift = 35;
  const returned = clone(base);
  returned.initiativer[0].fremdrift = 0;
  return buildRoundSummary(
    summaryInput('kraeftplan-v-regional', 'region', [
      { orgId: 'region-1081', status: 'submitted', answers: nord },
      { orgId: 'region-1082', status: 'accepted', answers: midt, late: true, submittedAt: '2026-12-17T09:00:00.000Z' },
      { orgId: 'region-1083', status: 'submitted', answers: syd },
      { orgId: 'region-1084', status: 'returned', answers: returned },
      { orgId: 'region-1085', status: 'draft', answers: returned },
    ]),
  );
}

describe('regional Kræftplan V summary', () => {
  const s = regional();

  it('counts submitted and accepted reports, and treats drafts and returned ones as missing', () => {
    const c = s.completeness;
    expect(c).toMatchObject({ expected: 5, reported: 3, onTime: 2, late: 1, missing: 2, accepted: 1, reportingRate: 60, timelinessRate: 40 });
    expect(c.byStatus).toEqual({ not_started: 0, draft: 1, submitted: 2, returned: 1, accepted: 1 });
    expect(c.pastDeadline).toBe(true);
    expect(c.organisations.find((o) => o.orgId === 'region-1084')).toMatchObject({ status: 'returned', counted: false });
    expect(s.basis.countedStatuses).toEqual(['submitted', 'accepted']);
  });

  it('counts each initiative’s status per option, overall and per region', () => {
    const list = field<ListSummary>(section(s, 'initiativer').fields, 'initiativer');
    expect(list.items.map((i) => i.id)).toEqual(['tidlig_diagnostik', 'lungekraeftscreening_pilot', 'rehabilitering_senfoelger', 'palliation', 'straalebehandling_kapacitet']);
    const tidlig = item(list, 'tidlig_diagnostik');
    expect(tidlig.organisations).toBe(3);
    const status = field<ChoiceSummary>(tidlig.fields, 'status');
    expect(status.n).toBe(3);
    expect(Object.fromEntries(status.options.map((o) => [o.value, o.count]))).toEqual({
      ikke_paabegyndt: 0, planlagt: 0, igangsat: 0, delvist_implementeret: 2, implementeret: 1, udgaaet: 0,
    });
    expect(status.options.find((o) => o.value === 'implementeret')).toMatchObject({ label: 'Implementeret', share: 33.3 });
    expect(status.byRegion.map((r) => [r.regionName, r.n, r.counts['implementeret']])).toEqual([
      ['Region Nordjylland', 1, 0], ['Region Midtjylland', 1, 1], ['Region Syddanmark', 1, 0], ['Region Hovedstaden', 0, 0], ['Region Sjælland', 0, 0],
    ]);
    expect(item(list, 'palliation')).toMatchObject({ organisations: 1, label: 'Eksempel: Styrket palliativ indsats' });
  });

  it('gives n, mean, median, min, max of a percentage, never its sum, and the comparison with a constant target', () => {
    const list = field<ListSummary>(section(s, 'initiativer').fields, 'initiativer');
    const fremdrift = field<NumberSummary>(item(list, 'tidlig_diagnostik').fields, 'fremdrift');
    expect(fremdrift).toMatchObject({ n: 3, sum: null, mean: 65, median: 60, min: 35, max: 100, unit: '%', aggregate: 'mean', better: 'higher' });
    expect(fremdrift.byRegion.every((r) => r.sum === null)).toBe(true);
    expect(fremdrift.target).toEqual({ n: 3, better: 'higher', met: 1, notMet: 2, meanDifference: -35, value: 100 });
    expect(fremdrift.values.map((v) => v.met)).toEqual([false, true, false]);
    expect(fremdrift.values.map((v) => [v.orgName, v.value])).toEqual([['Region Nordjylland', 60], ['Region Midtjylland', 100], ['Region Syddanmark', 35]]);
  });

  it('lists every free-text answer with its organisation, Danish characters intact', () => {
    const list = field<ListSummary>(section(s, 'initiativer').fields, 'initiativer');
    const text = field<TextSummary>(item(list, 'tidlig_diagnostik').fields, 'beskrivelse');
    expect(text.n).toBe(3);
    expect(text.answers[1]).toMatchObject({ orgId: 'region-1082', orgName: 'Region Midtjylland', text: 'Midtjylland har samlet udredningen i ét center i Aarhus. Ærø-ø-å.' });
    const tvaer = section(s, 'tvaergaaende');
    expect(field<TextSummary>(tvaer.fields, 'kapacitetsudfordringer').answers.map((a) => a.orgId)).toEqual(['region-1081', 'region-1082', 'region-1083']);
  });

  it('leaves contact details out and orders sections by x-order', () => {
    expect(s.sections.map((x) => x.key)).toEqual(['initiativer', 'nationale_maalsaetninger', 'tvaergaaende']);
  });

  it('matches the zod schema the API describes', () => {
    expect(RoundSummarySchema.safeParse(s).success).toBe(true);
  });

  it('hashes content only: a rebuild later with the same answers has the same hash', () => {
    const again = buildRoundSummary({ ...summaryInput('kraeftplan-v-regional', 'region', []), now: new Date('2026-12-21T00:00:00Z') });
    const once = buildRoundSummary(summaryInput('kraeftplan-v-regional', 'region', []));
    expect(again.builtAt).not.toBe(once.builtAt);
    expect(again.contentHash).toBe(once.contentHash);
    expect(s.contentHash).not.toBe(once.contentHash);
  });
});

describe('municipal Kræftplan V summary', () => {
  const base = exampleOf('kraeftplan-v-kommunal');
  const kbh = clone(base);
  kbh.rehabilitering.antal_henviste = 1200;
  kbh.rehabilitering.status = 'delvist_implementeret';
  const aalborg = clone(base);
  const aarhus = clone(base);
  aarhus.rehabilitering.antal_henviste = 488;
  delete aarhus.palliation.antal_borgere_palliation;

  it('rolls municipalities up per region as they were on the respondents date', () => {
    const s = buildRoundSummary(
      summaryInput('kraeftplan-v-kommunal', 'municipality', [
        { orgId: 'kommune-101', status: 'submitted', answers: kbh },
        { orgId: 'kommune-851', status: 'submitted', answers: aalborg, late: true },
        { orgId: 'kommune-751', status: 'draft', answers: aarhus },
      ]),
    );
    expect(s.completeness).toMatchObject({ expected: 98, reported: 2, onTime: 1, late: 1, missing: 96, reportingRate: 2, timelinessRate: 1 });
    const byRegion = Object.fromEntries(s.completeness.byRegion.map((r) => [r.regionName, [r.expected, r.reported]]));
    expect(byRegion).toEqual({
      'Region Nordjylland': [11, 1], 'Region Midtjylland': [19, 0], 'Region Syddanmark': [22, 0], 'Region Hovedstaden': [29, 1], 'Region Sjælland': [17, 0],
    });
    const henviste = field<NumberSummary>(section(s, 'rehabilitering').fields, 'antal_henviste');
    expect(henviste).toMatchObject({ n: 2, sum: 1512, mean: 756, min: 312, max: 1200, unit: 'borgere', aggregate: 'sum' });
    expect(henviste.byRegion.find((r) => r.regionId === 'region-1084')).toMatchObject({ n: 1, sum: 1200 });
  });

  it('uses Region Østdanmark for Hovedstaden and Sjælland after the 2027 merger', () => {
    const s = buildRoundSummary(
      summaryInput('kraeftplan-v-kommunal', 'municipality', [{ orgId: 'kommune-101', status: 'accepted', answers: kbh }], {
        respondentsAt: '2027-06-01',
        period: '2027',
      }),
    );
    expect(s.completeness.byRegion.map((r) => [r.regionName, r.expected])).toEqual([
      ['Region Nordjylland', 11], ['Region Midtjylland', 19], ['Region Syddanmark', 22], ['Region Østdanmark', 46],
    ]);
    const status = field<ChoiceSummary>(section(s, 'rehabilitering').fields, 'status');
    expect(status.byRegion.find((r) => r.regionId === 'region-oestdanmark')?.counts['delvist_implementeret']).toBe(1);
  });
});

describe('psychiatry plan summary', () => {
  const base = exampleOf('psykiatriplan-status');
  const midt = clone(base);
  midt.maal[0].indikatorer[0].vaerdi = 92;
  midt.maal[0].indikatorer[1].enhed = 'uger';
  midt.maal[0].indikatorer[1].vaerdi = 5;
  midt.maal[0].indikatorer[1].maalvaerdi = 4;
  const s = buildRoundSummary(
    summaryInput('psykiatriplan-status', 'region', [
      { orgId: 'region-1081', status: 'submitted', answers: base },
      { orgId: 'region-1082', status: 'submitted', answers: midt },
    ]),
  );
  const maal = field<ListSummary>(section(s, 'maal').fields, 'maal');
  const indikatorer = field<ListSummary>(item(maal, 'kortere_ventetid').fields, 'indikatorer');

  it('summarises nested indicators per goal, against each answer’s own target', () => {
    const udredning = field<NumberSummary>(item(indikatorer, 'udredning_boern_unge_30_dage').fields, 'vaerdi');
    expect(udredning).toMatchObject({ n: 2, sum: null, mean: 81.75, median: 81.75, min: 71.5, max: 92, unit: '%', unitField: 'enhed', aggregate: 'mean', better: 'higher' });
    expect(udredning.target).toEqual({ n: 2, better: 'higher', met: 1, notMet: 1, meanDifference: -8.25, field: 'maalvaerdi' });
    // The targets themselves are never summed either.
    const maalvaerdi = field<NumberSummary>(item(indikatorer, 'udredning_boern_unge_30_dage').fields, 'maalvaerdi');
    expect(maalvaerdi).toMatchObject({ aggregate: 'mean', sum: null, mean: 90 });
  });

  it('judges lower-is-better indicators the right way round: 182 people against at most 150 is over the target, not met', () => {
    const tvang = field<ListSummary>(item(maal, 'mindre_tvang').fields, 'indikatorer');
    const baelte = field<NumberSummary>(item(tvang, 'personer_baeltefikseret').fields, 'vaerdi');
    expect(baelte).toMatchObject({ better: 'lower', aggregate: 'sum', sum: 364, unit: 'personer' });
    expect(baelte.target).toEqual({ n: 2, better: 'lower', met: 0, notMet: 2, meanDifference: 32, field: 'maalvaerdi' });
    const ventetid = field<NumberSummary>(item(indikatorer, 'ventetid_voksne').fields, 'vaerdi');
    // 34 days against at most 30 and 5 weeks against at most 4: neither is met.
    expect(ventetid.target).toMatchObject({ better: 'lower', met: 0, notMet: 2 });
    expect(ventetid.sum).toBeNull();
  });

  it('splits statistics by unit when organisations give different units', () => {
    const ventetid = field<NumberSummary>(item(indikatorer, 'ventetid_voksne').fields, 'vaerdi');
    expect(ventetid.unit).toBeNull();
    expect(ventetid.byUnit).toEqual([
      { unit: 'dage', n: 1, sum: null, mean: 34, median: 34, min: 34, max: 34 },
      { unit: 'uger', n: 1, sum: null, mean: 5, median: 5, min: 5, max: 5 },
    ]);
  });

  it('gives trend keys that name the goal and the indicator', () => {
    const keys = flattenSummary(s).map((p) => p.key);
    expect(keys).toContain('/maal[kortere_ventetid]/indikatorer[udredning_boern_unge_30_dage]/vaerdi');
    expect(keys).toContain('/maal[mindre_tvang]/status');
  });
});

describe('schema-driven plan', () => {
  it('summarises a field added in a new form version with no code change', () => {
    const v2: Json = clone(schemaOf('kraeftplan-v-kommunal'));
    v2['properties'].rehabilitering.properties.antal_forloeb_afsluttet = {
      type: 'integer', title: 'Afsluttede forløb', description: 'Antal afsluttede forløb.', minimum: 0, 'x-summary': 'number', 'x-unit': 'forløb',
    };
    v2['properties'].rehabilitering.properties.ventetid_ok = { type: 'boolean', title: 'Overholdes ventetiden?', description: '…' };
    const answers = clone(exampleOf('kraeftplan-v-kommunal'));
    answers.rehabilitering.antal_forloeb_afsluttet = 17;
    answers.rehabilitering.ventetid_ok = true;
    const s = buildRoundSummary(summaryInput('kraeftplan-v-kommunal', 'municipality', [{ orgId: 'kommune-101', status: 'submitted', answers }], { schema: v2, version: 2 }));
    const fields = section(s, 'rehabilitering').fields;
    expect(field<NumberSummary>(fields, 'antal_forloeb_afsluttet')).toMatchObject({ n: 1, sum: 17, unit: 'forløb' });
    expect(field<ChoiceSummary>(fields, 'ventetid_ok').options).toEqual([
      { value: 'true', label: 'Ja', count: 1, share: 100 },
      { value: 'false', label: 'Nej', count: 0, share: 0 },
    ]);
  });

  it('skips fields annotated x-summary none', () => {
    const plan = planFromSchema(schemaOf('psykiatriplan-status'));
    expect(plan.sections.map((x) => x.key)).not.toContain('kontakt');
  });
});

describe('trend across years', () => {
  it('puts the same initiative’s figures from each round side by side, oldest first', () => {
    const make = (period: string, fremdrift: number) => {
      const a = clone(exampleOf('kraeftplan-v-regional'));
      a.initiativer[0].fremdrift = fremdrift;
      return buildRoundSummary(summaryInput('kraeftplan-v-regional', 'region', [{ orgId: 'region-1081', status: 'submitted', answers: a }], { period }));
    };
    const trend = buildTrend({ formId: 'kraeftplan-v-regional', formTitle: 'X' }, [make('2027', 80), make('2026', 60)], [
      { indicator: 'pakkeforloeb', title: 'Andel i pakkeforløb', period: '2026-Q1', value: 71.2, unit: '%', target: 85 },
    ], new Date('2027-12-31T00:00:00Z'));
    expect(trend.periods).toEqual(['2026', '2027']);
    const series = trend.series.find((x) => x.key === '/initiativer[tidlig_diagnostik]/fremdrift');
    expect(series?.kind).toBe('number');
    expect(series?.kind === 'number' && series.points.map((p) => [p.period, p.mean, p.target])).toEqual([['2026', 60, 100], ['2027', 80, 100]]);
    // The series carries its direction and aggregation, and each year's met/not-met against the target.
    expect(series).toMatchObject({ better: 'higher', aggregate: 'mean' });
    expect(series?.kind === 'number' && series.points.map((p) => [p.sum, p.met, p.notMet])).toEqual([[null, 0, 1], [null, 0, 1]]);
    expect(trend.indicators[0]).toMatchObject({ indicator: 'pakkeforloeb', unit: '%', points: [{ period: '2026-Q1', value: 71.2, target: 85 }] });
    expect(FormTrend.safeParse(trend).success).toBe(true);
    // Both rounds here used 2026's respondents: no merger lies between them, so no note.
    expect(trend.notes).toEqual([]);
  });

  it('shows Region Østdanmark beside its predecessors across 2026 → 2027, with a note in JSON and HTML', () => {
    const answers = exampleOf('kraeftplan-v-regional');
    const y2026 = buildRoundSummary(
      summaryInput('kraeftplan-v-regional', 'region', [{ orgId: 'region-1084', status: 'accepted', answers }, { orgId: 'region-1085', status: 'submitted', answers }], { period: '2026' }),
    );
    const y2027 = buildRoundSummary(
      summaryInput('kraeftplan-v-regional', 'region', [{ orgId: 'region-oestdanmark', status: 'submitted', answers }], { period: '2027', respondentsAt: '2027-06-01' }),
    );
    const trend = buildTrend({ formId: 'kraeftplan-v-regional', formTitle: 'X' }, [y2026, y2027], [], new Date('2027-12-31T00:00:00Z'));
    const regions = trend.completeness.map((c) => [c.period, c.byRegion.map((r) => `${r.regionName}: ${r.reported}/${r.expected}`)]);
    expect(regions).toEqual([
      ['2026', ['Region Nordjylland: 0/1', 'Region Midtjylland: 0/1', 'Region Syddanmark: 0/1', 'Region Hovedstaden: 1/1', 'Region Sjælland: 1/1']],
      ['2027', ['Region Nordjylland: 0/1', 'Region Midtjylland: 0/1', 'Region Syddanmark: 0/1', 'Region Østdanmark: 1/1']],
    ]);
    expect(trend.notes).toHaveLength(1);
    expect(trend.notes[0]).toMatchObject({
      kind: 'merger',
      on: '2027-01-01',
      successor: { regionId: 'region-oestdanmark', regionName: 'Region Østdanmark' },
      predecessors: [{ regionId: 'region-1084', regionName: 'Region Hovedstaden' }, { regionId: 'region-1085', regionName: 'Region Sjælland' }],
    });
    expect(trend.notes[0]!.text).toBe(
      'Region Østdanmark afløser Region Hovedstaden og Region Sjælland fra 1. januar 2027. Tal til og med 2026 står under de to regioner, tal fra 2027 under Region Østdanmark; regionernes tal kan ikke følges som én række hen over sammenlægningen.',
    );
    expect(FormTrend.safeParse(trend).success).toBe(true);
    const html = summaryHtml(y2027, trend);
    expect(html).toContain(`<p class="note">${trend.notes[0]!.text}</p>`);
    expect(html).toContain('<caption>Indberettet pr. region og år</caption>');
    expect(html).toMatch(/<tr><td>Region Hovedstaden<\/td><td class="num">1 af 1<\/td><td class="num">–<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td>Region Østdanmark<\/td><td class="num">–<\/td><td class="num">1 af 1<\/td><\/tr>/);
  });
});
