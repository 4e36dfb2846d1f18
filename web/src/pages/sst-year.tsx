// SST's year pages in one place for the app shell: the element for the one pageFor chose
// (web/src/routes.ts, which decides who sees it), and their navigation entries (contacts,
// reminders, indicators, audit log). The pages themselves load with import() on their routes.
import type { ReactElement } from 'react';
import type { Session } from '../auth.ts';
import { features, has } from '../features.ts';
import { t } from '../i18n.ts';
import { href, type Route } from '../router.ts';
import type { PageChoice } from '../routes.ts';
import { lazyPage } from '../lazy-page.ts';

// Loaded on their routes only: a reporter never downloads them, and the entry stays small.
const AuditPage = lazyPage(() => import('./AuditPage.tsx').then((m) => m.AuditPage));
const IndicatorsPage = lazyPage(() => import('./IndicatorsPage.tsx').then((m) => m.IndicatorsPage));
const RemindersPage = lazyPage(() => import('./RemindersPage.tsx').then((m) => m.RemindersPage));
const SstContactsPage = lazyPage(() => import('./SstContactsPage.tsx').then((m) => m.SstContactsPage));

const isSst = (session: Session) => session.role === 'sst-admin' || session.role === 'sst-reader';

/** The SST year page pageFor chose (web/src/routes.ts), which decides who may open it. */
export function SstYearPage({ choice, session }: { choice: Extract<PageChoice, { page: 'SstContactsPage' | 'RemindersPage' | 'IndicatorsPage' | 'AuditPage' }>; session: Session }): ReactElement {
  switch (choice.page) {
    case 'SstContactsPage':
      return <SstContactsPage orgId={choice.orgId} session={session} />;
    case 'RemindersPage':
      return <RemindersPage key={choice.roundId ?? ''} roundId={choice.roundId} />;
    case 'AuditPage':
      return <AuditPage />;
    case 'IndicatorsPage':
      return <IndicatorsPage key={choice.formId ?? ''} formId={choice.formId} session={session} />;
  }
}

export function SstYearNav({ route, session }: { route: Route; session: Session }) {
  if (!isSst(session)) return null;
  const item = (page: Route['page'], to: string, label: string, shown = true) =>
    shown && (
      <li key={page}>
        <a href={to} aria-current={route.page === page ? 'page' : undefined}>{label}</a>
      </li>
    );
  return (
    <>
      {item('contacts', href.contacts(), t('navSstContacts'), features.contacts())}
      {item('reminders', href.reminders(), t('navReminders'), has('GET', '/rounds/{roundId}/reminders'))}
      {item('indicators', href.indicators(), t('navIndicators'), has('GET', '/indicators'))}
      {item('audit', href.audit(), t('navAudit'), has('GET', '/audit'))}
    </>
  );
}
