// Use cases of the summaries feature: build a round's summary (or serve the stored build while
// it is fresh), the live completeness of a round, the trend of a form, the nightly job and the
// indicator upload. Only ports here; no AWS.
import { mapBounded } from '#core/bounded';
import { hasHealthCouncils, healthCouncilStamp } from '#core/health-councils';
import { createHash } from 'node:crypto';
import { Problem } from '#core/problems';
import { reportIsLate, roundPhase, type RoundRecord } from '#core/rounds';
import { findOrganisation } from '#core/registry';
import { actorOf, type Identity } from '#core/identity';
import type { SubmissionHead } from '#core/ports';
import { buildRoundSummary } from '#core/summary/aggregate';
import { completenessOf, isCounted } from '#core/summary/completeness';
import { parseIndicatorCsv, readIndicatorCsv } from '#core/summary/indicators';
import { cachedPlan } from '#core/summary/plan';
import { withSummaryAnnotations } from '#core/summary/overlay';
import { buildTrend } from '#core/summary/trend';
import type { IndicatorDataset, RoundSummary } from '#core/summary/model';
import type { SummaryDeps } from '#core/summary/ports';
import { MAX_PREVIEW_ROWS, type FormTrendJson, type IndicatorDatasetInfoJson, type IndicatorPreviewJson } from '#schemas/summary';

/**
 * Bump when the engine's output changes shape or meaning, so stored builds are rebuilt.
 * 2: `x-better` / `x-aggregate` (direction, met/notMet, no sums of targets or shares).
 */
export const SUMMARY_ENGINE_VERSION = 2;
/** Closed rounds stay in the nightly job this long, to catch late reviews and reopenings. */
export const RECENTLY_CLOSED_DAYS = 60;
const READ_CONCURRENCY = 16;

async function roundOr404(deps: SummaryDeps, roundId: string): Promise<RoundRecord> {
  const round = await deps.rounds.get(roundId);
  if (!round) throw new Problem('not-found', `Indberetningsrunden "${roundId}" findes ikke.`);
  return round;
}

/** Everything a build reads, as one hash: equal stamps mean a stored build is still exact. */
export function sourceStampOf(
  round: RoundRecord,
  heads: SubmissionHead[],
  indicatorsHash: string | undefined,
  now: Date,
  extensions: ReadonlyMap<string, string> = new Map(),
): string {
  const h = createHash('sha256');
  h.update(`engine:${SUMMARY_ENGINE_VERSION}|round:${round.roundId}|form:${round.formId}@${round.formVersion}|title:${round.title}`);
  h.update(`|respondents:${round.respondentsAt}:${round.respondents.join(',')}|deadline:${round.deadlineAt}`);
  h.update(`|past:${now.getTime() > Date.parse(round.deadlineAt)}|indicators:${indicatorsHash ?? '-'}`);
  // Only for municipal rounds from the reform on, so every other stored build stays valid.
  if (round.respondentKind === 'municipality' && hasHealthCouncils(round.respondentsAt)) h.update(`|councils:${healthCouncilStamp(round.respondentsAt)}`);
  for (const head of [...heads].sort((a, b) => (a.orgId < b.orgId ? -1 : 1))) {
    h.update(`|${head.orgId}:${head.status}:${head.revision}:${head.etag}:${head.late ?? ''}`);
  }
  // Only when there are any, so stamps of rounds without extensions (and their stored builds) stay valid.
  for (const [orgId, deadlineAt] of [...extensions].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`|ext:${orgId}:${deadlineAt}`);
  return h.digest('hex');
}

/**
 * Extended deadlines of the organisations whose report is late without one: the only ones that
 * can change a figure. Late reports are few, so one read each is cheaper than listing them all.
 */
async function extendedDeadlines(deps: SummaryDeps, round: RoundRecord, heads: SubmissionHead[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const reader = deps.extensions;
  if (!reader) return out;
  const late = heads.filter((h) => h.submittedAt && (h.late ?? Date.parse(h.firstSubmittedAt ?? h.submittedAt) > Date.parse(round.deadlineAt)));
  const found = await mapBounded(late, READ_CONCURRENCY, (h) => reader.get(round.roundId, h.orgId));
  late.forEach((h, i) => {
    const extension = found[i];
    if (extension) out.set(h.orgId, extension.deadlineAt);
  });
  return out;
}

export interface SummaryResult {
  summary: RoundSummary;
  /** 'stored': served from the latest build; 'built': built now (and stored). */
  source: 'stored' | 'built';
  written: boolean;
  /** Why a fresh build could not be stored (the summary itself is exact; a later read or run stores it). */
  storeError?: string;
}

/** The round's summary: the stored build while its source stamp still matches, else a new build. */
export async function summaryOfRound(
  deps: SummaryDeps,
  roundId: string,
  options: { force?: boolean; /** The nightly job: a build that cannot be stored is a failure. */ requireStored?: boolean } = {},
): Promise<SummaryResult> {
  const now = deps.clock.now();
  const round = await roundOr404(deps, roundId);
  const [heads, indicators, latest] = await Promise.all([
    deps.submissions.listHeads(roundId),
    deps.indicators.get(round.formId),
    deps.summaries.latest(roundId),
  ]);
  const extensions = await extendedDeadlines(deps, round, heads);
  const stamp = sourceStampOf(round, heads, indicators?.contentHash, now, extensions);
  if (latest && latest.sourceStamp === stamp && !options.force) {
    return { summary: await deps.summaries.read(latest), source: 'stored', written: false };
  }
  const version = await deps.forms.getVersion(round.formId, round.formVersion);
  if (!version) throw new Problem('not-found', `Skemaet ${round.formId} version ${round.formVersion} findes ikke.`);
  const form = await deps.forms.getForm(round.formId);
  const counted = heads.filter((h) => isCounted(h.status) && round.respondents.includes(h.orgId));
  const docs = await mapBounded(counted, READ_CONCURRENCY, (h) => deps.submissions.readContent(h.contentKey));
  const summary = buildRoundSummary({
    round,
    formTitle: form?.title ?? String(version.schema['title'] ?? round.formId),
    plan: cachedPlan(`${round.formId}@${round.formVersion}`, withSummaryAnnotations(round.formId, round.formVersion, version.schema)),
    heads,
    answers: new Map(counted.map((h, i) => [h.orgId, docs[i]!])),
    indicators: indicators?.rows ?? [],
    now,
    extensions,
  });
  let saved: Awaited<ReturnType<SummaryDeps['summaries']['save']>>;
  try {
    saved = await deps.summaries.save(summary, stamp);
  } catch (err) {
    // Storing is a cache for readers: the build is exact, so a reader gets it even when the
    // write fails. The pointer still names the previous complete build, never a partial one.
    if (options.requireStored) throw err;
    return { summary, source: 'built', written: false, storeError: (err as Error).message };
  }
  const { written, ref } = saved;
  // An unchanged build keeps the stored object's timestamp, so clients see when content last changed.
  return { summary: written ? summary : { ...summary, builtAt: ref.builtAt }, source: 'built', written };
}

/** Live completeness: heads only, no answers read, so it is cheap enough to poll. */
export async function statusOfRound(deps: SummaryDeps, roundId: string) {
  const now = deps.clock.now();
  const round = await roundOr404(deps, roundId);
  const heads = await deps.submissions.listHeads(roundId);
  const extensions = await extendedDeadlines(deps, round, heads);
  return {
    roundId: round.roundId,
    title: round.title,
    formId: round.formId,
    period: round.period,
    phase: roundPhase(round, now),
    at: now.toISOString(),
    completeness: completenessOf(round, heads, now, undefined, extensions),
    etags: Object.fromEntries(heads.map((h) => [h.orgId, `"${h.etag}"`])),
    ...(round.mode === 'coordinated' && round.coordinator ? { coordination: coordinationOf(round, round.coordinator, heads) } : {}),
  };
}

/** The second level of a coordinated round: what reached the coordinator, and what it sent on. */
function coordinationOf(round: RoundRecord, coordinator: string, heads: readonly SubmissionHead[]) {
  const contributors = round.contributors ?? round.respondents;
  const of = (orgId: string) => heads.find((h) => h.orgId === orgId);
  const statuses = contributors.map((id) => of(id)?.status);
  const report = of(coordinator);
  return {
    coordinator,
    coordinatorName: findOrganisation(coordinator)?.name ?? coordinator,
    contributionsExpected: contributors.length,
    contributionsReceived: statuses.filter((s) => s === 'submitted' || s === 'accepted').length,
    contributionsAccepted: statuses.filter((s) => s === 'accepted').length,
    report: {
      status: report?.status ?? ('not_started' as const),
      ...(report?.submittedAt ? { submittedAt: report.submittedAt, late: reportIsLate({ submittedAt: report.submittedAt, firstSubmittedAt: report.firstSubmittedAt, late: report.late }, round.deadlineAt) } : {}),
    },
  };
}

export async function trendOfForm(deps: SummaryDeps, formId: string): Promise<FormTrendJson> {
  const form = await deps.forms.getForm(formId);
  if (!form) throw new Problem('not-found', `Skemaet "${formId}" findes ikke.`);
  const now = deps.clock.now();
  const rounds = (await deps.rounds.list())
    .filter((r) => r.formId === formId && roundPhase(r, now) !== 'scheduled')
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const summaries = await mapBounded(rounds, 4, async (r) => (await summaryOfRound(deps, r.roundId)).summary);
  const indicators = await deps.indicators.get(formId);
  return buildTrend({ formId, formTitle: form.title }, summaries, indicators?.rows ?? [], now);
}

/** Rounds the nightly job builds: open ones, and closed ones for a while after closing. */
export function isDue(round: RoundRecord, now: Date): boolean {
  const phase = roundPhase(round, now);
  if (phase === 'open') return true;
  if (phase !== 'closed' || !round.closeAt) return false;
  return now.getTime() - Date.parse(round.closeAt) <= RECENTLY_CLOSED_DAYS * 86_400_000;
}

export interface JobReport {
  now: string;
  rounds: { roundId: string; written: boolean; source?: 'stored' | 'built'; contentHash?: string; error?: string }[];
}

/**
 * The nightly build: every due round. A round whose inputs are unchanged since the stored build
 * is not rebuilt; a rebuilt one is stored only when its content changed.
 */
/** `onlyRounds` limits a run to the named rounds (an operator rebuilding one round, or a test). */
export async function buildDueSummaries(deps: SummaryDeps, options: { onlyRounds?: readonly string[] } = {}): Promise<JobReport> {
  const now = deps.clock.now();
  const only = options.onlyRounds ? new Set(options.onlyRounds) : undefined;
  const due = (await deps.rounds.list()).filter((r) => isDue(r, now) && (!only || only.has(r.roundId)));
  const rounds: JobReport['rounds'] = [];
  for (const round of due) {
    try {
      const result = await summaryOfRound(deps, round.roundId, { requireStored: true });
      rounds.push({ roundId: round.roundId, written: result.written, source: result.source, contentHash: result.summary.contentHash });
    } catch (err) {
      // One broken round must not stop the others; the report (and the log) names it.
      rounds.push({ roundId: round.roundId, written: false, error: (err as Error).message });
    }
  }
  return { now: now.toISOString(), rounds };
}

export async function uploadIndicators(deps: SummaryDeps, who: Identity, formId: string, csv: string): Promise<IndicatorDataset> {
  const form = await deps.forms.getForm(formId);
  if (!form) throw new Problem('not-found', `Skemaet "${formId}" findes ikke.`);
  const rows = parseIndicatorCsv(csv);
  const dataset: IndicatorDataset = { formId, uploadedAt: deps.clock.now().toISOString(), uploadedBy: who.name, rows };
  const unique = (values: string[]) => [...new Set(values)].sort();
  await deps.indicators.put(dataset, {
    at: dataset.uploadedAt,
    id: deps.newId(),
    ...actorOf(who),
    action: 'indicators.upload',
    subject: `form/${formId}`,
    detail: { rows: rows.length, periods: unique(rows.map((r) => r.period)), indicators: unique(rows.map((r) => r.indicator)) },
  });
  return dataset;
}

export async function indicatorsOfForm(deps: SummaryDeps, formId: string): Promise<IndicatorDataset> {
  const found = await deps.indicators.get(formId);
  if (!found) throw new Problem('not-found', `Der er ikke indlæst nationale indikatorer for skemaet "${formId}".`);
  const { contentHash: _hash, ...dataset } = found;
  return dataset;
}

/** A dry run of uploadIndicators: what would be stored and what is wrong, storing nothing. */
export async function previewIndicators(deps: Pick<SummaryDeps, 'forms'>, formId: string, csv: string): Promise<IndicatorPreviewJson> {
  const form = await deps.forms.getForm(formId);
  if (!form) throw new Problem('not-found', `Skemaet "${formId}" findes ikke.`);
  const { rows, errors, errorsTruncated } = readIndicatorCsv(csv);
  return { formId, valid: errors.length === 0, rowCount: rows.length, rows: rows.slice(0, MAX_PREVIEW_ROWS), errors, errorsTruncated };
}

/** Every form's indicator data set now, and its uploads as the audit trail recorded them. */
export async function indicatorDatasets(deps: Pick<SummaryDeps, 'forms' | 'indicators' | 'audit'>): Promise<IndicatorDatasetInfoJson[]> {
  const forms = await deps.forms.listForms();
  return mapBounded(forms, 4, async (form) => {
    const [data, history] = await Promise.all([deps.indicators.get(form.formId), deps.audit.history(`form/${form.formId}`)]);
    const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
    const indicators = new Map<string, NonNullable<IndicatorDatasetInfoJson['current']>['indicators'][number]>();
    for (const r of data?.rows ?? []) {
      const known = indicators.get(r.indicator);
      if (!known) indicators.set(r.indicator, { indicator: r.indicator, title: r.title, unit: r.unit ?? null, direction: r.direction ?? null });
      else if (known.direction === null && r.direction) known.direction = r.direction;
    }
    const uploads = history
      .filter((e) => e.action === 'indicators.upload')
      .reverse()
      .map((e) => {
        const d = e.detail ?? {};
        return {
          id: e.id,
          at: e.at,
          actor: e.actor,
          ...(e.actorId ? { actorId: e.actorId } : {}),
          ...(typeof d['rows'] === 'number' ? { rows: d['rows'] } : {}),
          ...(Array.isArray(d['periods']) ? { periods: d['periods'].map(String) } : {}),
          ...(Array.isArray(d['indicators']) ? { indicators: d['indicators'].map(String) } : {}),
        };
      });
    return {
      formId: form.formId,
      formTitle: form.title,
      current: data
        ? {
            uploadedAt: data.uploadedAt,
            uploadedBy: data.uploadedBy,
            rowCount: data.rows.length,
            indicators: [...indicators.values()],
            periods: unique(data.rows.map((r) => r.period)),
            sources: unique(data.rows.map((r) => r.source)),
          }
        : null,
      uploads,
    };
  });
}
