// The documented defaults of a reminder policy, in a module of their own with no imports (no zod), so the
// API schemas (which publish them in the OpenAPI document), the reminder rules and the web app's
// round form (which fills them in) all read the same values.

/**
 * At opening, 14 and 3 days before the deadline, the day after, then weekly (at most 8 times when
 * the round has no close-at), at 08:00 Danish time.
 */
export const REMINDER_POLICY_DEFAULTS = {
  atOpening: true,
  daysBefore: [14, 3],
  daysAfter: [1],
  repeatEveryDays: 7,
  repeatLimit: 8,
  hour: 8,
} as const;
