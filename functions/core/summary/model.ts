// The shape of a consolidated summary, as plain types for the pure engine. schemas/summary.ts
// describes the same shape in zod for the API and OpenAPI; a unit test keeps the two in step.
import type { Aggregate, Better } from '#core/summary/direction';

/** Statuses whose answers count in a summary. Drafts and returned reports do not. */
export const COUNTED_STATUSES = ['submitted', 'accepted'] as const;
export type OrgStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted';

export interface RegionRef {
  regionId: string;
  regionName: string;
}

/** A municipality's sundhedsråd on the round's date; `ikke-fordelt` when no shipped composition names it. */
export interface HealthCouncilRef {
  healthCouncilId: string;
  healthCouncilName: string;
}

export interface OrgStatusRow extends RegionRef, Partial<HealthCouncilRef> {
  orgId: string;
  orgName: string;
  status: OrgStatus;
  counted: boolean;
  submittedAt?: string;
  late?: boolean;
}

export interface CompletenessFigures {
  expected: number;
  /** Reports whose answers count (submitted or accepted). */
  reported: number;
  onTime: number;
  late: number;
  /** Expected minus reported: not started, drafts and reports returned for correction. */
  missing: number;
  accepted: number;
  byStatus: Record<OrgStatus, number>;
  /** reported / expected, in percent with one decimal. */
  reportingRate: number;
  /** onTime / expected, in percent with one decimal (DHIS2's "reporting rate on time"). */
  timelinessRate: number;
}

export interface RegionCompleteness extends RegionRef, CompletenessFigures {}

export interface HealthCouncilCompleteness extends HealthCouncilRef, CompletenessFigures {
  /** The region the sundhedsråd lies in; absent for the municipalities in no shipped sundhedsråd. */
  regionId?: string;
}

export interface Completeness extends CompletenessFigures {
  deadlineAt: string;
  /** True once the deadline has passed at build time: missing reports are then overdue. */
  pastDeadline: boolean;
  byRegion: RegionCompleteness[];
  /** Municipal rounds on a date with sundhedsråd (from 2027-01-01): the same figures per sundhedsråd. */
  byHealthCouncil?: HealthCouncilCompleteness[];
  organisations: OrgStatusRow[];
}

export interface ChoiceOption {
  value: string;
  label: string;
  count: number;
  /** count / n in percent with one decimal. */
  share: number;
}

export interface NumberStats {
  n: number;
  sum: number | null;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface TargetComparison {
  /** Answers that have both a value and a target. */
  n: number;
  /** Which side of the target is better (`x-better`, default higher). */
  better: Better;
  /** Values at the target or on its better side. */
  met: number;
  /** Values on the worse side of the target: n − met. */
  notMet: number;
  /** Mean of value − target. */
  meanDifference: number | null;
  /** The constant target, when the schema names a number. */
  value?: number;
  /** The sibling field holding each answer's own target, when the schema names one. */
  field?: string;
}

export interface NumberValue extends RegionRef {
  orgId: string;
  orgName: string;
  value: number;
  unit?: string;
  target?: number;
  /** With a target: whether this value meets it, in the field's direction. */
  met?: boolean;
}

export interface TextAnswer extends RegionRef {
  orgId: string;
  orgName: string;
  text: string;
}

interface FieldBase {
  key: string;
  /** JSON pointer into the answers, `*` for any array index. */
  pointer: string;
  title: string;
  description?: string;
  /** Answers that count and have a value for this field. */
  n: number;
}

export interface ChoiceSummary extends FieldBase {
  kind: 'choice';
  options: ChoiceOption[];
  /** Values outside the schema's options (answers to another version). */
  other: number;
  byRegion: (RegionRef & { n: number; counts: Record<string, number> })[];
}

/**
 * Number statistics follow the field's aggregation: `sum` is null unless it is `sum` (targets,
 * shares and rates are never summed), and `mean` and `median` are null when it is `none`.
 */
export interface NumberSummary extends FieldBase, NumberStats {
  kind: 'number';
  /** `x-better`, resolved (the field's own, its item's, or `higher`). */
  better: Better;
  /** `x-aggregate`, resolved: how the figure combines across organisations. */
  aggregate: Aggregate;
  /** The fixed unit, or the only unit given; null when units differ (see byUnit). */
  unit: string | null;
  unitField?: string;
  byUnit?: (NumberStats & { unit: string })[];
  target?: TargetComparison;
  byRegion: (RegionRef & NumberStats)[];
  values: NumberValue[];
}

export interface TextSummary extends FieldBase {
  kind: 'text';
  answers: TextAnswer[];
}

export interface ListSummary extends FieldBase {
  kind: 'list';
  itemKey: string;
  itemKeyTitle: string;
  items: ItemSummary[];
}

export type FieldSummary = ChoiceSummary | NumberSummary | TextSummary | ListSummary;

export interface ItemSummary {
  id: string;
  label: string;
  /** Organisations that reported this item. */
  organisations: number;
  fields: FieldSummary[];
}

export interface SectionSummary {
  key: string;
  pointer: string;
  title: string;
  description?: string;
  order: number;
  /** A section is an object of fields, or a list of keyed items (one field of kind 'list'). */
  fields: FieldSummary[];
}

export interface IndicatorValue {
  indicator: string;
  title: string;
  period: string;
  /** Undefined for a national figure. */
  regionId?: string;
  regionName?: string;
  value: number;
  unit?: string;
  target?: number;
  source?: string;
  /** Which way is better: up (higher) or down (lower). */
  direction?: 'up' | 'down';
}

export interface IndicatorDataset {
  formId: string;
  uploadedAt: string;
  uploadedBy: string;
  rows: IndicatorValue[];
}

export interface RoundSummary {
  kind: 'round-summary';
  roundId: string;
  title: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  period: string;
  respondentKind: 'region' | 'municipality';
  respondentsAt: string;
  builtAt: string;
  /** sha256 of the summary without builtAt: equal hashes mean equal content. */
  contentHash: string;
  basis: { countedStatuses: OrgStatus[]; note: string };
  completeness: Completeness;
  sections: SectionSummary[];
  /** National register data for this round's period (uploaded by SST), if any. */
  indicators: IndicatorValue[];
}
