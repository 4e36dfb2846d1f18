// The Danish e-mails name the organisation by its official name, in the genitive where the
// sentence asks for it ("Aarhus Kommunes indberetning"), and keep æ, ø and å intact.
import { describe, expect, it } from 'vitest';
import { extensionGrantedMail, extensionRevokedMail, overdueDigestMail, reminderMail, submissionNoticeMail } from '#core/mail-texts';
import { orgName } from '#core/deadline-service';
import { parseDanishInstant } from '#core/danish-time';
import { DEFAULT_REMINDER_POLICY, reminderSchedule, type ReminderStep } from '#core/reminders';

const deadlineAt = parseDanishInstant('2026-12-15');
const link = 'https://statusportalen.example/#/runder/kraeftplan-v-kommunal-2026/kommune-751';
const roundTitle = 'Årlig kommunal opfølgning på Kræftplan V 2026';
const step = (kind: ReminderStep['kind'], days: number, at: string): ReminderStep => ({ id: `${kind}@${at}`, kind, days, at: parseDanishInstant(at) });

describe('the names the e-mails use', () => {
  it('are the official names from the registry', () => {
    expect(orgName('kommune-751')).toBe('Aarhus Kommune');
    expect(orgName('kommune-101')).toBe('Københavns Kommune');
    expect(orgName('kommune-400')).toBe('Bornholms Regionskommune');
    expect(orgName('region-1085')).toBe('Region Sjælland');
    expect(orgName('kommune-999')).toBe('kommune-999');
  });
});

describe('reminderMail', () => {
  it('says the days actually left when a step moved off Easter 2027 to a working day', () => {
    const [moved] = reminderSchedule({ opensAt: '2027-03-01T00:00:00.000Z', deadlineAt: parseDanishInstant('2027-03-31').toISOString(), reminderPolicy: { ...DEFAULT_REMINDER_POLICY, daysBefore: [3] } }).filter((s) => s.kind === 'before');
    const { subject, text } = reminderMail({ roundTitle, orgName: 'Region Hovedstaden', deadlineAt: parseDanishInstant('2027-03-31'), link, step: moved!, now: moved!.at });
    expect(subject).toContain('frist 31. marts 2027');
    expect(text).toContain('Fristen er 31. marts 2027 (om 7 dage)');
  });

  it('puts the official name in the genitive before a reminder deadline', () => {
    const now = parseDanishInstant('2026-12-12T08:00');
    const { subject, text } = reminderMail({ roundTitle, orgName: orgName('kommune-751'), deadlineAt, link, step: step('before', 3, '2026-12-12T08:00'), now });
    expect(text).toContain('Kære Aarhus Kommune\n');
    expect(text).toContain('vi har endnu ikke modtaget Aarhus Kommunes indberetning.');
    expect(text).not.toMatch(/Aarhuss|Aarhus's/);
    expect(subject).toBe('Påmindelse: Årlig kommunal opfølgning på Kræftplan V 2026 – frist 15. december 2026');
  });

  it('puts the official name in the genitive after the deadline', () => {
    const now = parseDanishInstant('2026-12-16T08:00');
    const { subject, text } = reminderMail({ roundTitle, orgName: orgName('kommune-101'), deadlineAt, link, step: step('after', 1, '2026-12-16T08:00'), now });
    expect(subject).toBe('Fristen er overskredet: Årlig kommunal opfølgning på Kræftplan V 2026');
    expect(text).toContain('Kære Københavns Kommune\n');
    expect(text).toContain('Vi har endnu ikke modtaget Københavns Kommunes indberetning til "Årlig kommunal opfølgning på Kræftplan V 2026".');
    expect(text).toContain('Fristen var 15. december 2026.');
  });

  it('uses the name without genitive where the sentence needs none', () => {
    const now = parseDanishInstant('2026-09-01T08:00');
    const { text } = reminderMail({ roundTitle, orgName: orgName('kommune-400'), deadlineAt, link, step: step('opening', 0, '2026-09-01T08:00'), now });
    expect(text).toContain('Kære Bornholms Regionskommune\n');
    expect(text).toContain('er nu åben for Bornholms Regionskommune. Fristen er 15. december 2026.');
  });

  it('keeps æ, ø and å, and the extension reason as written', () => {
    const now = parseDanishInstant('2026-12-12T08:00');
    const { text } = reminderMail({
      roundTitle,
      orgName: orgName('kommune-492'),
      deadlineAt,
      extended: { reason: 'Sygdom i sundhedsafdelingen; ny frist aftalt med Sundhedsstyrelsen' },
      link,
      step: step('before', 3, '2026-12-12T08:00'),
      now,
    });
    expect(text).toContain('Kære Ærø Kommune\n');
    expect(text).toContain('Ærø Kommunes indberetning');
    expect(text).toContain('Jeres forlængede frist er 15. december 2026');
    expect(text).toContain('Begrundelse: Sygdom i sundhedsafdelingen; ny frist aftalt med Sundhedsstyrelsen');
    expect(text).toContain('Udfyld og indsend indberetningen her:');
    expect(text).toMatch(/æ/);
    expect(text).toMatch(/ø/);
    expect(text).toMatch(/å/);
  });
});

describe('SST notices', () => {
  it('name the organisation by its official name', () => {
    const at = parseDanishInstant('2026-12-10T14:05');
    const notice = submissionNoticeMail([{ roundTitle, orgName: orgName('kommune-173'), at, late: false, link }]);
    expect(notice.subject).toBe('Ny indberetning: Lyngby-Taarbæk Kommune – Årlig kommunal opfølgning på Kræftplan V 2026');
    expect(notice.text).toMatch(/^Lyngby-Taarbæk Kommune har indsendt "Årlig kommunal opfølgning på Kræftplan V 2026" /);

    const digest = overdueDigestMail([{ roundTitle, deadlineAt, orgs: [{ orgName: orgName('kommune-101'), deadlineAt, extended: false, noContacts: true }] }], parseDanishInstant('2026-12-16T08:00'));
    expect(digest.text).toContain('  - Københavns Kommune (ingen kontaktadresse – modtager ikke påmindelser)');
  });
});

describe('the e-mails about an extension', () => {
  const common = { roundTitle, orgName: 'Aarhus Kommune', link, reason: 'Ny it-platform (eksempel)' };
  it('gives the new deadline in the genitive sentence, with the round deadline and the reason', () => {
    const { subject, text } = extensionGrantedMail({ ...common, deadlineAt: parseDanishInstant('2027-01-15'), previousDeadlineAt: deadlineAt, changed: false });
    expect(subject).toBe(`Fristen er forlænget: ${roundTitle} – frist 15. januar 2027`);
    expect(text).toContain('Sundhedsstyrelsen har forlænget Aarhus Kommunes frist for indberetningen');
    expect(text).toContain('Den nye frist er 15. januar 2027 (rundens frist er 15. december 2026).');
    expect(text).toContain('Begrundelse: Ny it-platform (eksempel)');
    expect(text).toContain(link);
  });

  it('says a changed extension replaces the earlier one', () => {
    const { subject, text } = extensionGrantedMail({ ...common, deadlineAt: parseDanishInstant('2027-01-22'), previousDeadlineAt: parseDanishInstant('2027-01-15'), changed: true });
    expect(subject).toBe(`Ny forlænget frist: ${roundTitle} – frist 22. januar 2027`);
    expect(text).toContain('Den nye frist er 22. januar 2027 (før 15. januar 2027).');
  });

  it('says which deadline applies again after a revocation, and that it has passed when it has', () => {
    const before = extensionRevokedMail({ ...common, deadlineAt, revokedDeadlineAt: parseDanishInstant('2027-01-15'), now: parseDanishInstant('2026-12-01') });
    expect(before.subject).toBe(`Forlængelsen er trukket tilbage: ${roundTitle} – frist 15. december 2026`);
    expect(before.text).toContain('Nu gælder rundens frist igen: 15. december 2026.');
    expect(before.text).not.toContain('overskredet');
    const after = extensionRevokedMail({ ...common, deadlineAt, revokedDeadlineAt: parseDanishInstant('2027-01-15'), now: parseDanishInstant('2026-12-20') });
    expect(after.text).toContain('Nu gælder rundens frist igen: 15. december 2026. Den er overskredet; indsend venligst indberetningen hurtigst muligt.');
  });
});
