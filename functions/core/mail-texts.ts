// The Danish e-mails Statusportalen sends: reminders to organisations and notices to SST.
// Plain text on purpose: it reads the same in every mail client and in the local .eml outbox.
// Organisation names arrive as official names ("Aarhus Kommune") and take the Danish genitive
// from `#core/danish-names`, so a name ending in s never becomes "Aarhuss".
import { genitive } from '#core/danish-names';
import { formatDanishDate, formatDanishDateTime } from '#core/danish-time';
import { daysUntil, type ReminderStep } from '#core/reminders';

const SIGNATURE = [
  '',
  'Venlig hilsen',
  'Sundhedsstyrelsen',
  '',
  '--',
  'Denne e-mail er sendt automatisk fra Statusportalen. I modtager den, fordi adressen er',
  'registreret som kontakt for jeres organisations indberetninger. Kontaktadresserne kan',
  'rettes i Statusportalen.',
].join('\n');

export interface ReminderText {
  roundTitle: string;
  /** The organisation's official name, e.g. "Københavns Kommune". */
  orgName: string;
  deadlineAt: Date;
  extended?: { reason: string } | undefined;
  link: string;
  step: ReminderStep;
  now: Date;
  closeAt?: Date | undefined;
  /**
   * A contribution in a coordinated round: the coordinator's official name (e.g. "Danske
   * Regioner"), which receives it, instead of SST.
   */
  coordinatorName?: string | undefined;
}

const dayWord = (n: number) => (n === 1 ? 'dag' : 'dage');

export function reminderMail({ roundTitle, orgName, deadlineAt, extended, link, step, now, closeAt, coordinatorName }: ReminderText): { subject: string; text: string } {
  const deadline = formatDanishDate(deadlineAt);
  const left = daysUntil(deadlineAt, now);
  const fristWord = extended ? 'jeres forlængede frist' : 'fristen';
  // A contribution goes to its coordinator, who has not received it; a report goes to SST ("vi").
  const notReceived = coordinatorName
    ? `${coordinatorName} har endnu ikke modtaget ${genitive(orgName)} bidrag`
    : `vi har endnu ikke modtaget ${genitive(orgName)} indberetning`;
  let subject: string;
  let lead: string;
  if (now > deadlineAt) {
    subject = `Fristen er overskredet: ${roundTitle}`;
    lead = `${capital(notReceived)} til "${roundTitle}". ${capital(fristWord)} var ${deadline}. Indsend ${coordinatorName ? 'det' : 'den'} venligst hurtigst muligt; ${coordinatorName ? 'bidrag' : 'indberetninger'} efter fristen modtages, men registreres som for sent indsendt.`;
  } else if (step.kind === 'opening') {
    subject = `Indberetningen er åbnet: ${roundTitle} – frist ${deadline}`;
    lead = `Indberetningen "${roundTitle}" er nu åben for ${orgName}. ${capital(fristWord)} er ${deadline}.`;
    if (coordinatorName) lead += ` I sender jeres bidrag til ${coordinatorName}, som samler bidragene og indberetter til Sundhedsstyrelsen.`;
  } else {
    const when = left <= 0 ? 'i dag' : `om ${left} ${dayWord(left)}`;
    subject = `Påmindelse: ${roundTitle} – frist ${deadline}`;
    lead = `Husk ${coordinatorName ? 'jeres bidrag til' : 'indberetningen'} "${roundTitle}". ${capital(fristWord)} er ${deadline} (${when}), og ${notReceived}.`;
  }
  const lines = [
    `Kære ${orgName}`,
    '',
    lead,
    ...(extended ? ['', `Sundhedsstyrelsen har forlænget jeres frist. Begrundelse: ${extended.reason}`] : []),
    ...(closeAt ? ['', `Indberetningen lukker ${formatDanishDateTime(closeAt)}; derefter kan der ikke indsendes.`] : []),
    '',
    'Udfyld og indsend indberetningen her:',
    link,
    '',
    'Har I allerede indsendt, kan I se bort fra denne e-mail.',
    SIGNATURE,
  ];
  return { subject, text: lines.join('\n') };
}

export interface OverdueLine {
  roundTitle: string;
  deadlineAt: Date;
  orgs: { orgName: string; deadlineAt: Date; extended: boolean; noContacts: boolean }[];
}

export function overdueDigestMail(rounds: OverdueLine[], now: Date): { subject: string; text: string } {
  const total = rounds.reduce((n, r) => n + r.orgs.length, 0);
  const lines = [`Status ${formatDanishDate(now)}: ${total} indberetning${total === 1 ? '' : 'er'} mangler efter fristen.`, ''];
  for (const r of rounds) {
    lines.push(`${r.roundTitle} (frist ${formatDanishDate(r.deadlineAt)}):`);
    for (const o of r.orgs) {
      const notes = [
        o.extended ? `forlænget frist ${formatDanishDate(o.deadlineAt)}` : '',
        o.noContacts ? 'ingen kontaktadresse – modtager ikke påmindelser' : '',
      ].filter(Boolean);
      lines.push(`  - ${o.orgName}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    }
    lines.push('');
  }
  lines.push('Du modtager denne oversigt, fordi Sundhedsstyrelsens kontaktliste i Statusportalen er sat op til det.');
  return { subject: `Manglende indberetninger efter fristen (${total})`, text: lines.join('\n') };
}

export interface SubmittedLine {
  roundTitle: string;
  orgName: string;
  at: Date;
  late: boolean;
  link: string;
}

export function submissionNoticeMail(items: SubmittedLine[], digestDate?: Date): { subject: string; text: string } {
  const lineOf = (s: SubmittedLine) =>
    `  - ${s.orgName}: "${s.roundTitle}", indsendt ${formatDanishDateTime(s.at)}${s.late ? ' (efter fristen)' : ''}\n    ${s.link}`;
  if (!digestDate && items.length === 1) {
    const s = items[0]!;
    return {
      subject: `Ny indberetning: ${s.orgName} – ${s.roundTitle}`,
      text: [`${s.orgName} har indsendt "${s.roundTitle}" ${formatDanishDateTime(s.at)}${s.late ? ' (efter fristen)' : ''}.`, '', 'Se indberetningen:', s.link].join('\n'),
    };
  }
  const title = digestDate ? `Indsendte indberetninger ${formatDanishDate(digestDate)}` : `Nye indberetninger (${items.length})`;
  return { subject: `${title} (${items.length})`.replace(/\((\d+)\) \(\1\)$/, '($1)'), text: [`${title}:`, '', ...items.map(lineOf)].join('\n') };
}

export interface ExtensionText {
  roundTitle: string;
  /** The organisation's official name, e.g. "Helsingør Kommune". */
  orgName: string;
  link: string;
  reason: string;
}

/** SST gave an organisation a later deadline, or changed one it had given (`previousDeadlineAt` then is the extended one). */
export function extensionGrantedMail({ roundTitle, orgName, link, reason, deadlineAt, previousDeadlineAt, changed }: ExtensionText & { deadlineAt: Date; previousDeadlineAt: Date; changed: boolean }): { subject: string; text: string } {
  const deadline = formatDanishDate(deadlineAt);
  const lead = changed
    ? `Sundhedsstyrelsen har ændret ${genitive(orgName)} forlængede frist for indberetningen "${roundTitle}". Den nye frist er ${deadline} (før ${formatDanishDate(previousDeadlineAt)}).`
    : `Sundhedsstyrelsen har forlænget ${genitive(orgName)} frist for indberetningen "${roundTitle}". Den nye frist er ${deadline} (rundens frist er ${formatDanishDate(previousDeadlineAt)}).`;
  return {
    subject: `${changed ? 'Ny forlænget frist' : 'Fristen er forlænget'}: ${roundTitle} – frist ${deadline}`,
    text: [`Kære ${orgName}`, '', lead, '', `Begrundelse: ${reason}`, '', 'Påmindelser følger den nye frist. Indberetningen findes her:', link, SIGNATURE].join('\n'),
  };
}

/** SST took an extension back: the round's own deadline applies again, maybe already passed. */
export function extensionRevokedMail({ roundTitle, orgName, link, reason, deadlineAt, revokedDeadlineAt, now }: ExtensionText & { deadlineAt: Date; revokedDeadlineAt: Date; now: Date }): { subject: string; text: string } {
  const deadline = formatDanishDate(deadlineAt);
  const passed = now > deadlineAt;
  return {
    subject: `Forlængelsen er trukket tilbage: ${roundTitle} – frist ${deadline}`,
    text: [
      `Kære ${orgName}`,
      '',
      `Sundhedsstyrelsen har trukket forlængelsen af ${genitive(orgName)} frist for indberetningen "${roundTitle}" tilbage. Den forlængede frist var ${formatDanishDate(revokedDeadlineAt)}.`,
      '',
      passed
        ? `Nu gælder rundens frist igen: ${deadline}. Den er overskredet; indsend venligst indberetningen hurtigst muligt. Indberetninger efter fristen modtages, men registreres som for sent indsendt.`
        : `Nu gælder rundens frist igen: ${deadline}.`,
      '',
      `Begrundelse: ${reason}`,
      '',
      'Indberetningen findes her:',
      link,
      '',
      'Har I allerede indsendt, gælder den vurdering af rettidighed, der blev gjort ved indsendelsen.',
      SIGNATURE,
    ].join('\n'),
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
