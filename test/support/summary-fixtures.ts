// Seeded answers for summary tests: the shipped example answers with a few values changed per
// organisation, so every expected figure in a test can be worked out by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { respondentsAt } from '#core/registry';
import { planFromSchema } from '#core/summary/plan';
import { withSummaryAnnotations } from '#core/summary/overlay';
import type { HeadLite } from '#core/summary/completeness';
import type { SummaryInput } from '#core/summary/aggregate';

const FORMS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'forms');

export type Json = Record<string, any>;

export const schemaOf = (formId: string, version = 1): Json => JSON.parse(readFileSync(path.join(FORMS, formId, `v${version}.schema.json`), 'utf8'));
export const exampleOf = (formId: string, version = 1): Json => JSON.parse(readFileSync(path.join(FORMS, formId, `example.v${version}.json`), 'utf8'));

export const clone = <T>(v: T): T => structuredClone(v);

export interface Reported {
  orgId: string;
  status: HeadLite['status'];
  answers?: Json;
  submittedAt?: string;
  late?: boolean;
}

export function summaryInput(
  formId: string,
  kind: 'region' | 'municipality',
  reported: Reported[],
  options: { respondentsAt?: string; period?: string; now?: string; schema?: Json; version?: number } = {},
): SummaryInput {
  const at = options.respondentsAt ?? '2026-06-01';
  const period = options.period ?? '2026';
  return {
    round: {
      roundId: `${formId}-${period}`,
      title: `Test ${period}`,
      formId,
      formVersion: options.version ?? 1,
      period,
      respondentKind: kind,
      respondentsAt: at,
      deadlineAt: `${period}-12-15T22:59:59.999Z`,
      respondents: respondentsAt(at, kind),
    },
    formTitle: String((options.schema ?? schemaOf(formId))['title']),
    // As the service plans it: the shipped schema with its summary annotations (forms/summary-overlay.json).
    plan: planFromSchema(options.schema ?? withSummaryAnnotations(formId, options.version ?? 1, schemaOf(formId, options.version ?? 1))),
    heads: reported.map((r) => ({
      orgId: r.orgId,
      status: r.status,
      ...(r.status === 'draft' ? {} : { submittedAt: r.submittedAt ?? `${period}-12-01T10:00:00.000Z`, late: r.late ?? false }),
    })),
    answers: new Map(reported.filter((r) => r.answers).map((r) => [r.orgId, r.answers!])),
    now: new Date(options.now ?? `${period}-12-20T12:00:00.000Z`),
  };
}
