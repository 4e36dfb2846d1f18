// Lateness is judged by a report's first submission: one returned for correction and sent again
// after its deadline was on time, and an extension covers what was first sent inside it.
import { describe, expect, it } from 'vitest';
import { reportIsLate } from '#core/rounds';

const DEADLINE = '2026-03-31T21:59:59.999Z';
const EXTENDED = '2026-04-14T21:59:59.999Z';

describe('reportIsLate', () => {
  it('judges a report sent again after the deadline by its first, on-time submission', () => {
    expect(reportIsLate({ firstSubmittedAt: '2026-03-30T10:00:00Z', submittedAt: '2026-04-20T10:00:00Z', late: false }, DEADLINE)).toBe(false);
  });

  it('lets an extension cover a first submission inside it, though the report was sent again after it', () => {
    expect(reportIsLate({ firstSubmittedAt: '2026-04-10T10:00:00Z', submittedAt: '2026-04-20T10:00:00Z', late: true }, DEADLINE, EXTENDED)).toBe(false);
    // Judged by the latest submission instead, the same report would count as late.
    expect(reportIsLate({ submittedAt: '2026-04-20T10:00:00Z', late: true }, DEADLINE, EXTENDED)).toBe(true);
  });

  it('reads a head from before the first submission was kept apart by its submittedAt', () => {
    expect(reportIsLate({ submittedAt: '2026-04-10T10:00:00Z', late: true }, DEADLINE, EXTENDED)).toBe(false);
    expect(reportIsLate({ submittedAt: '2026-04-10T10:00:00Z' }, DEADLINE)).toBe(true);
  });
});
