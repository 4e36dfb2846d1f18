// A publication's data blocks, resolved: each block names consolidated data by id (a round's
// summary, a form's national indicator data) and becomes a small frozen table with a caption, a
// sentence that says what it shows, and where it came from (the summary's content hash and build
// time). Pure: the caller hands in the summaries; the HTML and PDF renderers read only the result.
import type { BlockSnapshot, DataBlockRef, QuestionGrouping } from '#schemas/publication';
import type { FieldSummary, IndicatorDataset, NumberStats, NumberSummary, RoundSummary } from '#core/summary/model';
import type { Aggregate } from '#core/summary/direction';
import { aggregated, statsOf } from '#core/summary/stats';
import { FIRST_HEALTH_COUNCIL_DATE, hasHealthCouncils, healthCouncilOf, UNASSIGNED_COUNCIL_ID, UNASSIGNED_COUNCIL_NAME } from '#core/health-councils';
import { formatDanishDate, startOfDanishDay } from '#core/danish-time';

export interface BlockSources {
  roundSummary(roundId: string): Promise<RoundSummary | undefined>;
  indicators(formId: string): Promise<(IndicatorDataset & { contentHash: string }) | undefined>;
}

const pct = (n: number) => `${n.toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
const num = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);

/** Every field of a summary with the list items it sits in ("Kortere ventetid › Udredning …"). */
function* fieldsOf(fields: readonly FieldSummary[], within: readonly string[] = []): Generator<{ within: readonly string[]; field: FieldSummary }> {
  for (const field of fields) {
    yield { within, field };
    if (field.kind === 'list') for (const item of field.items) yield* fieldsOf(item.fields, [...within, item.label]);
  }
}

export function findFields(summary: RoundSummary, pointer: string) {
  return summary.sections.flatMap((s) => [...fieldsOf(s.fields)]).filter((f) => f.field.pointer === pointer);
}

const roundSource = (s: RoundSummary): BlockSnapshot['source'] => ({ kind: 'round-summary', id: s.roundId, contentHash: s.contentHash, builtAt: s.builtAt });

function missing(caption: string, why: string, source: BlockSnapshot['source']): BlockSnapshot {
  return { caption, columns: [], rows: [], summary: why, source, missing: why };
}

const NO_SOURCE = (id: string): BlockSnapshot['source'] => ({ kind: 'round-summary', id, contentHash: '', builtAt: new Date(0).toISOString() });

export async function resolveBlock(sources: BlockSources, block: DataBlockRef): Promise<BlockSnapshot> {
  if (block.type === 'indicator-series') return indicatorSeries(sources, block);
  const summary = await sources.roundSummary(block.roundId);
  if (!summary) return missing('Data mangler', `Indberetningsrunden "${block.roundId}" findes ikke.`, NO_SOURCE(block.roundId));
  switch (block.type) {
    case 'completeness':
      return completeness(summary);
    case 'status-distribution':
      return statusDistribution(summary, block.field);
    case 'question':
      return question(summary, block.field, block.by);
    case 'free-text':
      return freeText(summary, block.field);
  }
}

function completeness(s: RoundSummary): BlockSnapshot {
  const c = s.completeness;
  const rows = c.byRegion.map((r) => [r.regionName, r.expected, r.reported, r.onTime, r.late, r.missing, num(r.reportingRate)]);
  rows.push(['Hele landet', c.expected, c.reported, c.onTime, c.late, c.missing, num(c.reportingRate)]);
  return {
    caption: `Indberetninger i ${s.title}`,
    columns: [
      { label: 'Region', numeric: false },
      { label: 'Forventet', numeric: true },
      { label: 'Indberettet', numeric: true },
      { label: 'Til tiden', numeric: true },
      { label: 'For sent', numeric: true },
      { label: 'Mangler', numeric: true },
      { label: 'Indberetningsgrad (%)', numeric: true },
    ],
    rows,
    chart: { label: 'Indberetningsgrad pr. region (%)', values: c.byRegion.map((r) => ({ label: r.regionName, value: num(r.reportingRate) ?? 0 })), max: 100 },
    summary: `${c.reported} af ${c.expected} forventede indberetninger er modtaget (${pct(c.reportingRate)}); ${c.onTime} kom til tiden, og ${c.missing} mangler.`,
    source: roundSource(s),
  };
}

function statusDistribution(s: RoundSummary, pointer: string): BlockSnapshot {
  const found = findFields(s, pointer).filter((f) => f.field.kind === 'choice');
  const first = found[0]?.field;
  if (!first || first.kind !== 'choice') return missing('Data mangler', `Spørgsmålet "${pointer}" findes ikke som et valgspørgsmål i ${s.title}.`, roundSource(s));
  const options = first.options.map((o) => ({ value: o.value, label: o.label }));
  const rows = found.map(({ within, field }) => {
    const counts = new Map(field.kind === 'choice' ? field.options.map((o) => [o.value, o.count]) : []);
    return [within.join(' › ') || field.title, ...options.map((o) => counts.get(o.value) ?? 0), field.n];
  });
  const totals = options.map((o) => found.reduce((sum, f) => sum + (f.field.kind === 'choice' ? (f.field.options.find((x) => x.value === o.value)?.count ?? 0) : 0), 0));
  const all = totals.reduce((a, b) => a + b, 0);
  return {
    caption: `${first.title.split(' › ').pop()}: fordeling`,
    columns: [{ label: found[0]!.within.length ? 'Område' : 'Spørgsmål', numeric: false }, ...options.map((o) => ({ label: o.label, numeric: true })), { label: 'Svar i alt', numeric: true }],
    rows,
    chart: { label: 'Svar i alt pr. svarmulighed', values: options.map((o, i) => ({ label: o.label, value: totals[i]! })), max: Math.max(1, ...totals) },
    summary: all === 0 ? 'Der er endnu ingen svar.' : `I alt ${all} svar: ${options.map((o, i) => `${o.label} ${totals[i]}`).join(', ')}.`,
    source: roundSource(s),
  };
}

/** What the table's figures are, in the field's own aggregation (never a sum of targets or shares). */
const AGGREGATION_NOTE: Record<Aggregate, string> = {
  sum: 'Summen er de indberettede tal lagt sammen; gennemsnit og median er pr. indberetning.',
  mean: 'Tallet lægges ikke sammen på tværs af organisationer (fx en andel, en rate eller et mål); det samles som gennemsnit, og medianen står ved siden af.',
  median: 'Tallet lægges ikke sammen på tværs af organisationer; det samles som median, og gennemsnittet står ved siden af.',
  none: 'Tallet samles ikke på tværs af organisationer; tabellen viser antal svar, mindste og største værdi.',
};

/** The headline figure of a group, for the chart: the one the field's aggregation names. */
const headline = (x: NumberStats, aggregate: Aggregate): number | null => (aggregate === 'sum' ? x.sum : aggregate === 'mean' ? x.mean : aggregate === 'median' ? x.median : null);
const HEADLINE_LABEL: Record<Aggregate, string> = { sum: 'Sum', mean: 'Gennemsnit', median: 'Median', none: '' };

interface Group {
  id: string;
  name: string;
  /** The municipalities in the group on the round's date (sundhedsråd only). */
  members: number;
}

/**
 * The sundhedsråd of each respondent on the round's respondents date: as the summary's own
 * completeness rows name it (built from the registry on that date), else from the registry
 * directly; municipalities in no shipped sundhedsråd share one group of their own, last.
 */
function councilGroups(s: RoundSummary): { groups: Group[]; of: Map<string, string> } {
  const of = new Map<string, string>();
  const groups = new Map<string, Group>();
  for (const o of s.completeness.organisations) {
    const council = o.healthCouncilId ? { id: o.healthCouncilId, name: o.healthCouncilName ?? o.healthCouncilId } : healthCouncilOf(o.orgId, s.respondentsAt);
    const id = council?.id ?? UNASSIGNED_COUNCIL_ID;
    const name = council?.name ?? UNASSIGNED_COUNCIL_NAME;
    of.set(o.orgId, id);
    const g = groups.get(id) ?? { id, name, members: 0 };
    g.members++;
    groups.set(id, g);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.id === UNASSIGNED_COUNCIL_ID ? 1 : b.id === UNASSIGNED_COUNCIL_ID ? -1 : a.name.localeCompare(b.name, 'da')));
  return { groups: sorted, of };
}

function question(s: RoundSummary, pointer: string, by: QuestionGrouping): BlockSnapshot {
  if (by === 'health-council') {
    // A property of the round, not of the field: said first, whatever the field.
    if (s.respondentKind !== 'municipality') return missing('Ingen sundhedsråd', `Sundhedsråd samler kommuner, men ${s.title} besvares af regionerne. Vælg tallene pr. region i stedet.`, roundSource(s));
    if (!hasHealthCouncils(s.respondentsAt)) {
      const from = formatDanishDate(startOfDanishDay(FIRST_HEALTH_COUNCIL_DATE));
      return missing('Ingen sundhedsråd', `Sundhedsrådene findes fra ${from}, og ${s.title} opgør kommunerne pr. ${formatDanishDate(startOfDanishDay(s.respondentsAt))}. Vælg tallene pr. region i stedet.`, roundSource(s));
    }
  }
  const found = findFields(s, pointer).filter((f) => f.field.kind === 'number');
  const first = found[0];
  if (!first || first.field.kind !== 'number') return missing('Data mangler', `Spørgsmålet "${pointer}" findes ikke som et talspørgsmål i ${s.title}.`, roundSource(s));
  const head: NumberSummary = first.field;
  const name = head.title.split(' › ').pop();
  const unit = head.unit ? ` (${first.field.unit})` : '';
  const multi = found.length > 1;
  const lead = multi ? [{ label: 'Område', numeric: false }] : [];
  if (by === 'organisation') {
    const rows = found.flatMap(({ within, field }) =>
      field.kind === 'number' ? field.values.map((v) => [...(multi ? [within.join(' › ')] : []), v.orgName, v.value, v.target ?? null]) : [],
    );
    return {
      caption: `${name}${unit} pr. organisation`,
      columns: [...lead, { label: 'Organisation', numeric: false }, { label: 'Værdi', numeric: true }, { label: 'Målværdi', numeric: true }],
      rows,
      summary: `${rows.length} indberettede værdier.`,
      source: roundSource(s),
    };
  }
  const aggregate = head.aggregate;
  const statColumns = [
    { label: 'Antal svar', numeric: true },
    ...(aggregate === 'sum' ? [{ label: 'Sum', numeric: true }] : []),
    { label: 'Gennemsnit', numeric: true },
    { label: 'Median', numeric: true },
    { label: 'Mindste', numeric: true },
    { label: 'Største', numeric: true },
  ];
  const cells = (x: NumberStats) => [x.n, ...(aggregate === 'sum' ? [num(x.sum)] : []), num(x.mean), num(x.median), num(x.min), num(x.max)];
  const chartOf = (groups: { label: string; stats: NumberStats }[], per: string): BlockSnapshot['chart'] => {
    if (multi || aggregate === 'none') return undefined;
    const values = groups.map((g) => ({ label: g.label, value: num(headline(g.stats, aggregate)) ?? 0 }));
    // Shares are drawn on their whole scale, so 80 % never looks like a full bar.
    const floor = ['%', 'procent', 'pct', 'pct.'].includes((head.unit ?? '').trim().toLowerCase()) ? 100 : 1;
    return { label: `${HEADLINE_LABEL[aggregate]} pr. ${per}${unit}`, values, max: Math.max(floor, ...values.map((v) => v.value)) };
  };

  if (by === 'health-council') {
    const caption = `${name}${unit} pr. sundhedsråd`;
    const { groups, of } = councilGroups(s);
    const statsIn = (field: NumberSummary, g: Group) => aggregated(statsOf(field.values.filter((v) => (of.get(v.orgId) ?? UNASSIGNED_COUNCIL_ID) === g.id).map((v) => v.value)), aggregate);
    const rows = found.flatMap(({ within, field }) =>
      field.kind === 'number' ? groups.map((g) => [...(multi ? [within.join(' › ')] : []), g.name, g.members, ...cells(statsIn(field, g))]) : [],
    );
    const unassigned = groups.find((g) => g.id === UNASSIGNED_COUNCIL_ID);
    const councils = groups.length - (unassigned ? 1 : 0);
    const date = formatDanishDate(startOfDanishDay(s.respondentsAt));
    const chart = chartOf(groups.map((g) => ({ label: g.name, stats: statsIn(head, g) })), 'sundhedsråd');
    const rest = unassigned
      ? ` ${unassigned.members} ${unassigned.members === 1 ? 'kommune er' : 'kommuner er'} ikke fordelt på et sundhedsråd i de sammensætninger, portalen kender på den dato, og står samlet i rækken "${UNASSIGNED_COUNCIL_NAME}".`
      : '';
    return {
      caption,
      columns: [...lead, { label: 'Sundhedsråd', numeric: false }, { label: 'Kommuner', numeric: true }, ...statColumns],
      rows,
      ...(chart && { chart }),
      summary: `${head.n} svar fra kommunerne, fordelt på ${councils} sundhedsråd efter sammensætningen pr. ${date}.${rest} ${AGGREGATION_NOTE[aggregate]}`,
      source: roundSource(s),
    };
  }

  const rows = found.flatMap(({ within, field }) => (field.kind === 'number' ? field.byRegion.map((r) => [...(multi ? [within.join(' › ')] : []), r.regionName, ...cells(r)]) : []));
  const chart = chartOf(head.byRegion.map((r) => ({ label: r.regionName, stats: r })), 'region');
  return {
    caption: `${name}${unit} pr. region`,
    columns: [...lead, { label: 'Region', numeric: false }, ...statColumns],
    rows,
    ...(chart && { chart }),
    summary: `${head.n} svar, opgjort pr. region. ${AGGREGATION_NOTE[aggregate]}`,
    source: roundSource(s),
  };
}

function freeText(s: RoundSummary, pointer: string): BlockSnapshot {
  const found = findFields(s, pointer).filter((f) => f.field.kind === 'text');
  const first = found[0];
  if (!first) return missing('Data mangler', `Spørgsmålet "${pointer}" findes ikke som et tekstspørgsmål i ${s.title}.`, roundSource(s));
  const multi = found.length > 1;
  const rows = found.flatMap(({ within, field }) => (field.kind === 'text' ? field.answers.map((a) => [...(multi ? [within.join(' › ')] : []), a.orgName, a.text]) : []));
  return {
    caption: `${first.field.title.split(' › ').pop()}: svar`,
    columns: [...(multi ? [{ label: 'Område', numeric: false }] : []), { label: 'Organisation', numeric: false }, { label: 'Svar', numeric: false }],
    rows,
    summary: `${rows.length} svar i fritekst.`,
    source: roundSource(s),
  };
}

async function indicatorSeries(sources: BlockSources, block: Extract<DataBlockRef, { type: 'indicator-series' }>): Promise<BlockSnapshot> {
  const data = await sources.indicators(block.formId);
  const source: BlockSnapshot['source'] = data
    ? { kind: 'indicator-dataset', id: block.formId, contentHash: data.contentHash, builtAt: data.uploadedAt }
    : { kind: 'indicator-dataset', id: block.formId, contentHash: '', builtAt: new Date(0).toISOString() };
  const series = (data?.rows ?? []).filter((r) => r.indicator === block.indicator && !r.regionId).sort((a, b) => (a.period < b.period ? -1 : 1));
  if (series.length === 0) return missing('Data mangler', `Der er ingen nationale data for indikatoren "${block.indicator}" endnu.`, source);
  const title = series[series.length - 1]!.title;
  const unit = series.find((r) => r.unit)?.unit;
  const lower = block.better === 'lower';
  const verdict = (value: number, target: number | undefined) =>
    target === undefined ? '–' : lower ? (value <= target ? 'På målet' : 'Over målet') : value >= target ? 'På målet' : 'Under målet';
  const rows = series.map((r, i) => {
    const prev = series[i - 1];
    const trend = !prev ? '–' : r.value === prev.value ? 'Uændret' : (r.value < prev.value) === lower ? 'Bedre' : 'Dårligere';
    return [r.period, num(r.value), r.target ?? null, verdict(r.value, r.target), trend];
  });
  const last = series[series.length - 1]!;
  const goal = last.target === undefined ? '' : ` mod et mål på ${lower ? 'højst' : 'mindst'} ${last.target.toLocaleString('da-DK')}`;
  return {
    caption: `${title}${unit ? ` (${unit})` : ''}`,
    columns: [
      { label: 'Periode', numeric: false },
      { label: 'Værdi', numeric: true },
      { label: lower ? 'Mål (højst)' : 'Mål (mindst)', numeric: true },
      { label: 'I forhold til målet', numeric: false },
      { label: 'Udvikling', numeric: false },
    ],
    rows,
    chart: { label: `${title} pr. periode`, values: series.map((r) => ({ label: r.period, value: r.value })), max: Math.max(...series.map((r) => Math.max(r.value, r.target ?? 0))) },
    summary: `Seneste værdi (${last.period}): ${last.value.toLocaleString('da-DK')}${unit ? ` ${unit}` : ''}${goal}; ${lower ? 'lavere' : 'højere'} er bedre.`,
    source,
  };
}
