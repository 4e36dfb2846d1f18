// The Danish label of a reminder step id in the reminder log: the deadline check's steps
// (`before-3@2026-03-28` → "3 dage før fristen (28. marts 2026)") and a reminder SST sent by hand
// (`manual@2026-12-02` → "Sendt manuelt (2. december 2026)"). An unknown step shows as it is.
import { formatDay } from './i18n.ts';
import { t } from './i18n-sstyear.ts';

export function stepLabel(step: string): string {
  const manual = /^manual@(\d{4}-\d{2}-\d{2})$/.exec(step);
  if (manual) return t('stepManual', formatDay(manual[1] ?? ''));
  const m = /^(opening|before|after)(?:-(\d+))?@(\d{4}-\d{2}-\d{2})$/.exec(step);
  if (!m) return t('stepOther', step);
  const day = formatDay(m[3] ?? '');
  if (m[1] === 'opening') return t('stepOpening', day);
  const n = Number(m[2]);
  if (m[1] === 'before') return n === 1 ? t('stepBeforeOne', day) : t('stepBefore', n, day);
  return n === 1 ? t('stepAfterOne', day) : t('stepAfter', n, day);
}
