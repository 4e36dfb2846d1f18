// The printable report in Danish: completeness per region, status distribution per item,
// figures and free-text answers per section, and (given the form's trend) each figure against
// its target over the years. Self-contained HTML with inline SVG and print CSS for A4, so
// "Udskriv → Gem som PDF" in any browser gives the material for the Task Force's meeting.
import { formatDanishDate, formatDanishDateTime } from '#core/danish-time';
import type { ChoiceSummary, FieldSummary, ListSummary, NumberStats, NumberSummary, RoundSummary, TextSummary } from '#core/summary/model';
import { BETTER_LABEL, meetsTarget, targetPhrase, targetSentence, verdictLabel } from '#core/summary/direction';
import type { FormTrendJson } from '#schemas/summary';
import { STATUS_LABEL, COMPLETENESS_MEASURES, ALL_REGIONS } from '#core/summary/rows';
import { esc, fmt, lineChart, stackedBars } from '#core/summary/svg';
import { PRINT_CSS } from '#core/print-css';

const CSS = `${PRINT_CSS}
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 1mm; }
svg { width: 100%; height: auto; }
svg .lbl { font-size: 11px; fill: #222; }
svg .in { font-size: 10px; fill: #fff; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .target { stroke: #b00020; stroke-width: 1.5; stroke-dasharray: 5 4; fill: none; }
.answer { margin: 0 0 2mm; break-inside: avoid; }
.answer .who { font-weight: 600; }
.answer p { margin: 0.5mm 0 0; white-space: pre-wrap; }
.section { break-before: page; }
`;

/** Column heads short enough for seven figures across an A4 page. */
const SHORT_LABEL: Partial<Record<string, string>> = {
  expected: 'Forventet',
  reported: 'Indberettet',
  onTime: 'Rettidigt',
  late: 'Forsinket',
  missing: 'Mangler',
  accepted: 'Godkendt',
  reportingRate: 'Indberetnings­procent',
  timelinessRate: 'Rettidigheds­procent',
};

function completenessTable(s: RoundSummary): string {
  const c = s.completeness;
  const head = `<tr><th>Region</th>${COMPLETENESS_MEASURES.map(([key]) => `<th class="num">${esc(SHORT_LABEL[key] ?? key)}</th>`).join('')}</tr>`;
  const row = (name: string, f: typeof c | (typeof c.byRegion)[number]) =>
    `<tr><td>${esc(name.replace(/^Region /, ''))}</td>${COMPLETENESS_MEASURES.map(([k, , unit]) => `<td class="num">${fmt(f[k] as number)}${unit === '%' ? ' %' : ''}</td>`).join('')}</tr>`;
  return `<table><thead>${head}</thead><tbody>${row(ALL_REGIONS, c)}${c.byRegion.map((r) => row(r.regionName, r)).join('')}</tbody></table>`;
}

/** From 2027, municipal rounds: the same figures per sundhedsråd, the unassigned municipalities last. */
function healthCouncilTable(s: RoundSummary): string {
  const councils = s.completeness.byHealthCouncil;
  if (!councils) return '';
  const head = `<tr><th>Sundhedsråd</th>${COMPLETENESS_MEASURES.map(([key]) => `<th class="num">${esc(SHORT_LABEL[key] ?? key)}</th>`).join('')}</tr>`;
  const rows = councils.map(
    (h) => `<tr><td>${esc(h.healthCouncilName)}</td>${COMPLETENESS_MEASURES.map(([k, , unit]) => `<td class="num">${fmt(h[k] as number)}${unit === '%' ? ' %' : ''}</td>`).join('')}</tr>`,
  );
  return `<table><caption>Indberetning pr. sundhedsråd</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function completenessChart(s: RoundSummary): string {
  const c = s.completeness;
  return stackedBars(
    'Indberetning pr. region',
    ['Rettidigt indberettet', 'Forsinket indberettet', 'Mangler'],
    [{ regionName: ALL_REGIONS, ...c }, ...c.byRegion].map((r) => ({
      label: r.regionName,
      parts: [
        { value: r.onTime, title: 'rettidigt' },
        { value: r.late, title: 'forsinket' },
        { value: r.missing, title: 'mangler' },
      ],
    })),
    { totalLabel: (total) => `${fmt(total)} forventet`, colours: ['#1a7f37', '#d4a017', '#b0b7c0'] },
  );
}

function organisationsTable(s: RoundSummary): string {
  const rows = s.completeness.organisations
    .map(
      (o) =>
        `<tr><td>${esc(o.orgName)}</td>${s.respondentKind === 'municipality' ? `<td>${esc(o.regionName)}</td>` : ''}<td>${esc(STATUS_LABEL[o.status])}</td><td>${o.submittedAt ? esc(formatDanishDateTime(new Date(o.submittedAt))) : ''}</td><td>${o.submittedAt ? (o.late ? 'Nej' : 'Ja') : ''}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Organisation</th>${s.respondentKind === 'municipality' ? '<th>Region</th>' : ''}<th>Status</th><th>Indsendt</th><th>Rettidig</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function choiceTable(f: ChoiceSummary): string {
  const regions = f.byRegion.filter((r) => r.n > 0);
  const head = `<tr><th>Svar</th><th class="num">I alt</th><th class="num">Andel</th>${regions.map((r) => `<th class="num">${esc(r.regionName.replace(/^Region /, ''))}</th>`).join('')}</tr>`;
  const body = f.options
    .map((o) => `<tr><td>${esc(o.label)}</td><td class="num">${fmt(o.count)}</td><td class="num">${fmt(o.share)} %</td>${regions.map((r) => `<td class="num">${fmt(r.counts[o.value] ?? 0)}</td>`).join('')}</tr>`)
    .join('');
  return `<h4>${esc(f.title)} <small>(n = ${fmt(f.n)})</small></h4><table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function numberTable(f: NumberSummary): string {
  const unit = f.unit ? ` ${esc(f.unit)}` : '';
  // The columns the field's aggregation allows: a sum only for `sum` (never of targets, shares or
  // rates), mean and median unless it is `none`. Min. and max. always.
  const columns: [keyof NumberStats, string][] = [
    ['n', 'Antal svar'],
    ...(f.aggregate === 'sum' ? [['sum', 'Sum'] as [keyof NumberStats, string]] : []),
    ...(f.aggregate === 'none' ? [] : ([['mean', 'Gennemsnit'], ['median', 'Median']] as [keyof NumberStats, string][])),
    ['min', 'Min.'],
    ['max', 'Maks.'],
  ];
  const statCells = (x: NumberStats) => columns.map(([k]) => `<td class="num">${x[k] === null ? '–' : fmt(x[k])}</td>`).join('');
  const rows = f.byUnit
    ? f.byUnit.map((b) => `<tr><td>${ALL_REGIONS} (${esc(b.unit)})</td>${statCells(b)}</tr>`)
    : [`<tr><td>${ALL_REGIONS}</td>${statCells(f)}</tr>`, ...f.byRegion.filter((r) => r.n > 0).map((r) => `<tr><td>${esc(r.regionName)}</td>${statCells(r)}</tr>`)];
  let target = '';
  if (f.target && f.target.n > 0) {
    const t = f.target;
    const goal = t.value !== undefined ? `Mål: ${esc(targetPhrase(t.value, t.better, f.unit))}` : 'Mål: hver organisations egen målværdi';
    target = `<p>${goal} (${esc(BETTER_LABEL[t.better])}). Målet er nået af ${fmt(t.met)} af ${fmt(t.n)}; gennemsnitlig afstand til målet (værdi − mål): ${t.meanDifference === null ? '–' : fmt(t.meanDifference)}${unit}.</p>`;
    const judged = f.values.filter((v) => v.target !== undefined);
    target += `<table><thead><tr><th>Organisation</th><th>Værdi mod mål</th><th>Vurdering</th></tr></thead><tbody>${judged
      .map((v) => `<tr><td>${esc(v.orgName)}</td><td>${esc(targetSentence(v.value, v.target!, t.better, v.unit ?? f.unit))}</td><td>${verdictLabel(meetsTarget(v.value, v.target!, t.better))}</td></tr>`)
      .join('')}</tbody></table>`;
  }
  const head = columns.map(([, label]) => `<th class="num">${label}</th>`).join('');
  return `<h4>${esc(f.title)}${unit ? ` <small>(${esc(f.unit!)})</small>` : ''}</h4><table><thead><tr><th>Region</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>${target}`;
}

function textAnswers(f: TextSummary): string {
  if (f.answers.length === 0) return '';
  return `<h4>${esc(f.title)}</h4>${f.answers.map((a) => `<div class="answer"><span class="who">${esc(a.orgName)}:</span><p>${esc(a.text)}</p></div>`).join('')}`;
}

/** Per list: one stacked bar per item for each choice field (e.g. status per initiative). */
function listCharts(list: ListSummary): string {
  const choiceKeys = new Map<string, ChoiceSummary[]>();
  for (const item of list.items) for (const f of item.fields) if (f.kind === 'choice') (choiceKeys.get(f.key) ?? choiceKeys.set(f.key, []).get(f.key)!).push(f);
  const out: string[] = [];
  for (const fields of choiceKeys.values()) {
    const first = fields[0]!;
    out.push(
      stackedBars(
        `${first.title} pr. ${list.itemKeyTitle.toLowerCase()}`,
        first.options.map((o) => o.label),
        list.items.map((item) => {
          const f = item.fields.find((x) => x.key === first.key) as ChoiceSummary | undefined;
          return { label: item.label.replace(/^Eksempel: /, ''), parts: first.options.map((o) => ({ value: f?.options.find((x) => x.value === o.value)?.count ?? 0, title: o.label })) };
        }),
      ),
    );
  }
  return out.join('');
}

function fieldHtml(f: FieldSummary, level: number): string {
  switch (f.kind) {
    case 'choice':
      return choiceTable(f);
    case 'number':
      return numberTable(f);
    case 'text':
      return textAnswers(f);
    case 'list':
      return (
        listCharts(f) +
        f.items
          .map((item) => {
            const h = level <= 3 ? 'h3' : 'h4';
            return `<${h}>${esc(item.label)} <small>(${fmt(item.organisations)} organisation${item.organisations === 1 ? '' : 'er'})</small></${h}>${item.fields.map((x) => fieldHtml(x, level + 1)).join('')}`;
          })
          .join('')
      );
  }
}

/** Reporting per region and year, the regions as they were each year: the predecessors beside their successor. */
function trendRegionTable(trend: FormTrendJson): string {
  if (trend.notes.length === 0) return '';
  const regions = new Map<string, string>();
  for (const c of trend.completeness) for (const r of c.byRegion) regions.set(r.regionId, r.regionName);
  const head = `<tr><th>Region</th>${trend.completeness.map((c) => `<th class="num">${esc(c.period)}</th>`).join('')}</tr>`;
  const rows = [...regions].map(([id, name]) => {
    const cells = trend.completeness.map((c) => {
      const r = c.byRegion.find((x) => x.regionId === id);
      return `<td class="num">${r ? `${fmt(r.reported)} af ${fmt(r.expected)}` : '–'}</td>`;
    });
    return `<tr><td>${esc(name)}</td>${cells.join('')}</tr>`;
  });
  return `<table><caption>Indberettet pr. region og år</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function trendCharts(trend: FormTrendJson | undefined): string {
  if (!trend || trend.periods.length === 0) return '';
  const charts: string[] = [];
  for (const s of trend.series) {
    if (s.kind !== 'number') continue;
    const targetPoints = s.points.flatMap((p) => (p.target !== undefined ? [{ x: p.period, y: p.target }] : p.targetMean != null ? [{ x: p.period, y: p.targetMean }] : []));
    if (targetPoints.length === 0) continue;
    const pts = s.points.filter((p) => p.mean !== null).map((p) => ({ x: p.period, y: p.mean! }));
    charts.push(lineChart(`${s.title.replace(/Eksempel: /g, '')} – gennemsnit mod mål`, trend.periods, [{ name: 'Gennemsnit', points: pts }], targetPoints, s.unit ?? ''));
  }
  for (const ind of trend.indicators) {
    const xs = [...new Set(ind.points.map((p) => p.period))].sort();
    const byRegion = new Map<string, { x: string; y: number }[]>();
    for (const p of ind.points) {
      const name = p.regionName ?? ALL_REGIONS;
      (byRegion.get(name) ?? byRegion.set(name, []).get(name)!).push({ x: p.period, y: p.value });
    }
    const targets = ind.points.filter((p) => p.target !== undefined && !p.regionId).map((p) => ({ x: p.period, y: p.target! }));
    charts.push(lineChart(`${ind.title}${ind.unit ? ` (${ind.unit})` : ''} – nationale data`, xs, [...byRegion].map(([name, points]) => ({ name, points })), targets, ind.unit ?? ''));
  }
  if (charts.length === 0) return '';
  const notes = trend.notes.map((n) => `<p class="note">${esc(n.text)}</p>`).join('');
  return `<section class="section"><h2>Udvikling over årene</h2><p>Runder: ${trend.rounds.map((r) => esc(r.period)).join(', ')}. Stiplet rød linje: målet.</p>${notes}${trendRegionTable(trend)}${charts.join('')}</section>`;
}

function indicatorTable(s: RoundSummary): string {
  if (s.indicators.length === 0) return '';
  const rows = s.indicators
    .map((v) => `<tr><td>${esc(v.title)}</td><td>${esc(v.period)}</td><td>${esc(v.regionName ?? ALL_REGIONS)}</td><td class="num">${fmt(v.value)}${v.unit ? ` ${esc(v.unit)}` : ''}</td><td class="num">${v.target === undefined ? '' : fmt(v.target)}</td><td>${esc(v.source ?? '')}</td></tr>`)
    .join('');
  return `<section><h2>Nationale indikatorer</h2><p>Registerdata indlæst af Sundhedsstyrelsen, ikke indberettet i skemaet.</p><table><thead><tr><th>Indikator</th><th>Periode</th><th>Region</th><th class="num">Værdi</th><th class="num">Mål</th><th>Kilde</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function summaryHtml(s: RoundSummary, trend?: FormTrendJson): string {
  const c = s.completeness;
  const sections = s.sections
    .map((sec) => `<section class="section"><h2>${esc(sec.title)}</h2>${sec.fields.map((f) => fieldHtml(f, 3)).join('')}</section>`)
    .join('');
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.title)} – samlet opgørelse</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(s.title)}</h1>
<p class="meta">Samlet opgørelse af indberetningerne til Sundhedsstyrelsen · ${esc(s.formTitle)} (version ${s.formVersion}) · periode ${esc(s.period)}</p>
<p class="meta">Frist ${esc(formatDanishDate(new Date(c.deadlineAt)))} · dannet ${esc(formatDanishDateTime(new Date(s.builtAt)))}</p>
<p class="note">${esc(s.basis.note)}</p>
</header>
<section>
<h2>Indberetning og rettidighed</h2>
<p>${fmt(c.reported)} af ${fmt(c.expected)} har indberettet (${fmt(c.reportingRate)} %), heraf ${fmt(c.onTime)} rettidigt (${fmt(c.timelinessRate)} % af de forventede). ${fmt(c.missing)} mangler${c.pastDeadline ? ', og fristen er overskredet' : ''}. ${fmt(c.accepted)} er godkendt af Sundhedsstyrelsen.</p>
${completenessChart(s)}
${completenessTable(s)}
${healthCouncilTable(s)}
<h3>Status pr. organisation</h3>
${organisationsTable(s)}
</section>
${sections}
${indicatorTable(s)}
${trendCharts(trend)}
</body>
</html>
`;
}
