// The JSON shape of consolidated summaries, trends, round status and national indicator data:
// what `GET /rounds/{roundId}/summary?format=json`, `/status` and `/forms/{formId}/trend` answer.
// The engine's plain types live in functions/core/summary/model.ts; a unit test parses built
// summaries with these schemas so the two cannot drift apart.
import * as z from 'zod';
import { FormId, IsoTime, OrgId, RoundId } from '#schemas/api';

const OrgStatus = z.enum(['not_started', 'draft', 'submitted', 'returned', 'accepted']);
const Percent = z.number().meta({ description: 'Percent with one decimal (0–100)' });
const NullableNumber = z.number().nullable();

const RegionRef = { regionId: z.string(), regionName: z.string() };

const CompletenessFiguresShape = {
  expected: z.number().int(),
  reported: z.number().int().meta({ description: 'Reports whose answers count: submitted or accepted' }),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int().meta({ description: 'expected − reported (not started, drafts, returned for correction)' }),
  accepted: z.number().int(),
  // One property per status (not a record keyed by the enum), so the document defines each.
  byStatus: z.object(Object.fromEntries(OrgStatus.options.map((status) => [status, z.number().int()])) as Record<z.infer<typeof OrgStatus>, z.ZodNumber>),
  reportingRate: Percent.meta({ description: 'reported / expected, percent' }),
  timelinessRate: Percent.meta({ description: 'onTime / expected, percent (DHIS2 "reporting rate on time")' }),
};

export const OrgStatusRow = z
  .object({
    orgId: OrgId,
    orgName: z.string(),
    ...RegionRef,
    healthCouncilId: z.string().optional().meta({ description: "Municipal rounds from 2027-01-01: the municipality's sundhedsråd, or `ikke-fordelt`" }),
    healthCouncilName: z.string().optional(),
    status: OrgStatus,
    counted: z.boolean(),
    submittedAt: IsoTime.optional(),
    late: z.boolean().optional(),
  })
  .meta({ id: 'OrgStatusRow' });

export const Completeness = z
  .object({
    ...CompletenessFiguresShape,
    deadlineAt: IsoTime,
    pastDeadline: z.boolean(),
    byRegion: z.array(z.object({ ...RegionRef, ...CompletenessFiguresShape })),
    byHealthCouncil: z
      .array(z.object({ healthCouncilId: z.string(), healthCouncilName: z.string(), regionId: z.string().optional(), ...CompletenessFiguresShape }))
      .optional()
      .meta({
        description:
          'Municipal rounds on a date with sundhedsråd (from 2027-01-01): the figures per sundhedsråd, from the compositions shipped in registry/sundhedsraad.csv; municipalities in none are counted under `ikke-fordelt` ("Ikke fordelt på et sundhedsråd")',
      }),
    organisations: z.array(OrgStatusRow),
  })
  .meta({ id: 'Completeness' });

const NumberStatsShape = {
  n: z.number().int(),
  sum: NullableNumber,
  mean: NullableNumber,
  median: NullableNumber,
  min: NullableNumber,
  max: NullableNumber,
};

const FieldBase = {
  key: z.string(),
  pointer: z.string().meta({ description: 'JSON pointer into the answers; `*` stands for any array index' }),
  title: z.string(),
  description: z.string().optional(),
  n: z.number().int().meta({ description: 'Counted answers with a value' }),
};

export const ChoiceSummary = z
  .object({
    kind: z.literal('choice'),
    ...FieldBase,
    options: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int(), share: Percent })),
    other: z.number().int(),
    byRegion: z.array(z.object({ ...RegionRef, n: z.number().int(), counts: z.record(z.string(), z.number().int()) })),
  })
  .meta({ id: 'ChoiceSummary' });

export const NumberSummary = z
  .object({
    kind: z.literal('number'),
    ...FieldBase,
    ...NumberStatsShape,
    better: z.enum(['higher', 'lower']).meta({ description: '`x-better`: which side of a target is better (default higher)' }),
    aggregate: z
      .enum(['sum', 'mean', 'median', 'none'])
      .meta({ description: '`x-aggregate`: how the figure combines across organisations. `sum` is null unless this is `sum`; `mean` and `median` are null when it is `none`' }),
    unit: z.string().nullable(),
    unitField: z.string().optional(),
    byUnit: z.array(z.object({ unit: z.string(), ...NumberStatsShape })).optional(),
    target: z
      .object({
        n: z.number().int(),
        better: z.enum(['higher', 'lower']),
        met: z.number().int().meta({ description: 'Values at the target or on its better side' }),
        notMet: z.number().int().meta({ description: 'Values on the worse side of the target (n − met)' }),
        meanDifference: NullableNumber,
        value: z.number().optional(),
        field: z.string().optional(),
      })
      .optional(),
    byRegion: z.array(z.object({ ...RegionRef, ...NumberStatsShape })),
    values: z.array(
      z.object({ orgId: OrgId, orgName: z.string(), ...RegionRef, value: z.number(), unit: z.string().optional(), target: z.number().optional(), met: z.boolean().optional() }),
    ),
  })
  .meta({ id: 'NumberSummary' });

export const TextSummary = z
  .object({
    kind: z.literal('text'),
    ...FieldBase,
    answers: z.array(z.object({ orgId: OrgId, orgName: z.string(), ...RegionRef, text: z.string() })),
  })
  .meta({ id: 'TextSummary' });

export const ListSummary = z
  .object({
    kind: z.literal('list'),
    ...FieldBase,
    itemKey: z.string(),
    itemKeyTitle: z.string(),
    get items() {
      return z.array(ItemSummary);
    },
  })
  .meta({ id: 'ListSummary' });

export const FieldSummary = z
  .discriminatedUnion('kind', [ChoiceSummary, NumberSummary, TextSummary, ListSummary])
  .meta({ id: 'FieldSummary' });

export const ItemSummary = z
  .object({
    id: z.string(),
    label: z.string(),
    organisations: z.number().int(),
    get fields(): z.ZodArray<typeof FieldSummary> {
      return z.array(FieldSummary);
    },
  })
  .meta({ id: 'ItemSummary' });

export const SectionSummary = z
  .object({
    key: z.string(),
    pointer: z.string(),
    title: z.string(),
    description: z.string().optional(),
    order: z.number(),
    fields: z.array(FieldSummary),
  })
  .meta({ id: 'SectionSummary' });

export const IndicatorValue = z
  .object({
    indicator: z.string(),
    title: z.string(),
    period: z.string().meta({ description: '`2026` or a quarter `2026-Q1`' }),
    regionId: z.string().optional(),
    regionName: z.string().optional(),
    value: z.number(),
    unit: z.string().optional(),
    target: z.number().optional(),
    source: z.string().optional(),
    direction: z.enum(['up', 'down']).optional().meta({ description: 'Which way is better: `up` (higher) or `down` (lower); the CSV column `retning` (`op`/`ned`)' }),
  })
  .meta({ id: 'IndicatorValue' });

export const RoundSummary = z
  .object({
    kind: z.literal('round-summary'),
    roundId: RoundId,
    title: z.string(),
    formId: FormId,
    formVersion: z.number().int(),
    formTitle: z.string(),
    period: z.string(),
    respondentKind: z.enum(['region', 'municipality']),
    respondentsAt: z.string(),
    builtAt: IsoTime,
    contentHash: z.string().meta({ description: 'sha256 of the content without builtAt' }),
    basis: z.object({ countedStatuses: z.array(OrgStatus), note: z.string() }),
    completeness: Completeness,
    sections: z.array(SectionSummary),
    indicators: z.array(IndicatorValue),
  })
  .meta({ id: 'RoundSummary' });

export const RoundStatus = z
  .object({
    roundId: RoundId,
    title: z.string(),
    formId: FormId,
    period: z.string(),
    phase: z.enum(['scheduled', 'open', 'closed']),
    at: IsoTime,
    completeness: Completeness,
    etags: z.record(OrgId, z.string()).meta({
      description:
        "The current ETag of each started report, by organisation: a review move made from this table (accept) sends it as If-Match, so a report changed after the table was read is refused (412) instead of accepted unseen",
    }),
    coordination: z
      .object({
        coordinator: z.string(),
        coordinatorName: z.string(),
        contributionsExpected: z.number().int(),
        contributionsReceived: z.number().int().meta({ description: 'Contributions submitted to the coordinator or accepted by it' }),
        contributionsAccepted: z.number().int(),
        report: z.object({
          status: z.enum(['not_started', 'draft', 'submitted', 'returned', 'accepted']),
          submittedAt: IsoTime.optional(),
          late: z.boolean().optional(),
        }).meta({ description: "The coordinator's report to SST" }),
      })
      .optional()
      .meta({ description: 'Coordinated rounds: the second level, the coordinator and its report to SST (`completeness` counts the contributions)' }),
  })
  .meta({ id: 'RoundStatus' });

const TrendPoint = z.object({
  period: z.string(),
  roundId: RoundId,
  ...NumberStatsShape,
  target: z.number().optional(),
  targetMean: NullableNumber.optional(),
  met: z.number().int().optional().meta({ description: 'With a target: values that met it that year, in the series\' direction' }),
  notMet: z.number().int().optional(),
});

export const TrendSeries = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('number'),
      key: z.string().meta({ description: 'Stable across versions: pointer with item ids, e.g. `/initiativer[palliation]/fremdrift`' }),
      title: z.string(),
      unit: z.string().nullable(),
      better: z.enum(['higher', 'lower']).meta({ description: 'The newest round\'s `x-better` for the figure' }),
      aggregate: z.enum(['sum', 'mean', 'median', 'none']).meta({ description: 'The newest round\'s `x-aggregate` for the figure' }),
      points: z.array(TrendPoint),
    }),
    z.object({
      kind: z.literal('choice'),
      key: z.string(),
      title: z.string(),
      options: z.array(z.object({ value: z.string(), label: z.string() })),
      points: z.array(z.object({ period: z.string(), roundId: RoundId, n: z.number().int(), counts: z.record(z.string(), z.number().int()) })),
    }),
  ])
  .meta({ id: 'TrendSeries' });

export const FormTrend = z
  .object({
    formId: FormId,
    formTitle: z.string(),
    builtAt: IsoTime,
    periods: z.array(z.string()),
    rounds: z.array(z.object({ roundId: RoundId, period: z.string(), formVersion: z.number().int(), builtAt: IsoTime, contentHash: z.string() })),
    completeness: z.array(
      z.object({
        period: z.string(),
        roundId: RoundId,
        expected: z.number().int(),
        reported: z.number().int(),
        onTime: z.number().int(),
        reportingRate: Percent,
        timelinessRate: Percent,
        byRegion: z
          .array(z.object({ ...RegionRef, expected: z.number().int(), reported: z.number().int(), onTime: z.number().int(), reportingRate: Percent, timelinessRate: Percent }))
          .meta({ description: 'The same per region as it was in that round: Region Hovedstaden and Region Sjælland up to 2026, Region Østdanmark from 2027, side by side' }),
      }),
    ),
    notes: z
      .array(
        z.object({
          kind: z.literal('merger'),
          on: z.string().meta({ description: 'The date the successor took over (YYYY-MM-DD)' }),
          successor: z.object(RegionRef),
          predecessors: z.array(z.object(RegionRef)),
          text: z.string().meta({ description: 'The note in Danish, as the HTML shows it' }),
        }),
      )
      .meta({ description: 'Breaks in the regional series: a merger between two of the periods shown (Region Østdanmark from 2027-01-01)' }),
    series: z.array(TrendSeries),
    indicators: z.array(
      z.object({
        indicator: z.string(),
        title: z.string(),
        unit: z.string().nullable(),
        direction: z.enum(['up', 'down']).nullable().meta({ description: 'Which way is better, as the indicator data says (null: not given)' }),
        points: z.array(z.object({ period: z.string(), regionId: z.string().optional(), regionName: z.string().optional(), value: z.number(), target: z.number().optional() })),
      }),
    ),
  })
  .meta({ id: 'FormTrend' });

export const IndicatorDataset = z
  .object({
    formId: FormId,
    uploadedAt: IsoTime,
    uploadedBy: z.string(),
    rows: z.array(IndicatorValue),
  })
  .meta({ id: 'IndicatorDataset' });

export const MAX_PREVIEW_ROWS = 500;

export const IndicatorPreview = z
  .object({
    formId: FormId,
    valid: z.boolean().meta({ description: 'True when the file has no errors and would be stored as it is' }),
    rowCount: z.number().int().meta({ description: 'Rows read without error' }),
    rows: z.array(IndicatorValue).meta({ description: `The first ${MAX_PREVIEW_ROWS} rows read without error, as they would be stored` }),
    errors: z.array(z.object({ line: z.number().int(), column: z.string().optional(), pointer: z.string(), message: z.string() })),
    errorsTruncated: z.boolean(),
  })
  .meta({ id: 'IndicatorPreview' });

export const IndicatorDatasetInfo = z
  .object({
    formId: FormId,
    formTitle: z.string(),
    current: z
      .object({
        uploadedAt: IsoTime,
        uploadedBy: z.string(),
        rowCount: z.number().int(),
        indicators: z.array(z.object({ indicator: z.string(), title: z.string(), unit: z.string().nullable(), direction: z.enum(['up', 'down']).nullable() })),
        periods: z.array(z.string()),
        sources: z.array(z.string()).meta({ description: 'The distinct `kilde` values of its rows' }),
      })
      .nullable()
      .meta({ description: 'The data set shown beside the form now; null when none was uploaded' }),
    uploads: z
      .array(z.object({ id: z.string(), at: IsoTime, actor: z.string(), actorId: z.string().optional(), rows: z.number().int().optional(), periods: z.array(z.string()).optional(), indicators: z.array(z.string()).optional() }))
      .meta({ description: 'Every upload as its `indicators.upload` audit event recorded it, newest first' }),
  })
  .meta({ id: 'IndicatorDatasetInfo' });

export const SummaryQuery = z.strictObject({
  format: z.enum(['json', 'csv', 'xlsx', 'html']).default('json'),
  locale: z.enum(['da', 'en']).default('da').meta({ description: 'CSV only: `da` uses `;` and decimal comma (Danish Excel), `en` uses `,` and a decimal point' }),
  fresh: z.enum(['true', 'false']).optional().meta({ description: '`true` builds now even when a fresh stored build exists' }),
});

export const IndicatorCsv = z.string().meta({
  description:
    'text/csv, UTF-8. Header row with columns indikator;periode;region;værdi and optionally enhed;målværdi;titel;kilde (English names also accepted). `;` or `,` separated; decimal comma or point.',
});

export type RoundSummaryJson = z.infer<typeof RoundSummary>;
export type FormTrendJson = z.infer<typeof FormTrend>;
export type IndicatorPreviewJson = z.infer<typeof IndicatorPreview>;
export type IndicatorDatasetInfoJson = z.infer<typeof IndicatorDatasetInfo>;
