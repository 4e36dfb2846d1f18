// The reminder log (Påmindelser) names each step in Danish: the deadline check's steps and a
// reminder SST sent by hand, whose id (`manual@<Danish date>`) comes from #core/remind-now.
import { describe, expect, it } from 'vitest';
import { stepLabel } from '../../web/src/reminder-steps.ts';
import { manualStep } from '#core/remind-now';

describe('the reminder log step label', () => {
  it('names a reminder sent by hand with its date, not its raw key', () => {
    expect(stepLabel(manualStep('2026-12-02'))).toBe('Sendt manuelt (2. december 2026)');
  });

  it('names the scheduled steps as before', () => {
    expect(stepLabel('opening@2026-09-01')).toBe('Åbning (1. september 2026)');
    expect(stepLabel('before-14@2026-12-01')).toBe('14 dage før fristen (1. december 2026)');
    expect(stepLabel('after-1@2027-01-11')).toBe('1 dag efter fristen (11. januar 2027)');
  });

  it('shows a step it does not know as it is', () => {
    expect(stepLabel('manual@someday')).toBe('manual@someday');
  });
});
