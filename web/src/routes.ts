// The app's addresses after the # (#/runder/…), the route each one opens, and the page a route
// shows to whom (pageFor): no React, so the preload script (preload.ts) reads them too and
// preloads the very page App.tsx then shows. The API owns every real path on the same origin
// (/rounds, /forms, /orgs …), so the app's own addresses live after the #, where no API route
// can collide.
import type { Session } from './auth.ts';

export type Route =
  | { page: 'home' }
  | { page: 'sign-in' }
  | { page: 'round'; roundId: string }
  | { page: 'submission'; roundId: string; orgId: string }
  | { page: 'contributions'; roundId: string }
  | { page: 'contacts'; orgId?: string }
  | { page: 'calendar' }
  | { page: 'publications' }
  | { page: 'publication'; publicationId: string }
  // SST's round screens
  | { page: 'new-round' }
  | { page: 'edit-round'; roundId: string }
  | { page: 'forms' }
  | { page: 'form'; formId: string }
  // SST's year pages (contacts above, with an organisation; reminders, indicators, audit log)
  | { page: 'reminders'; roundId?: string }
  | { page: 'indicators'; formId?: string }
  | { page: 'audit' }
  | { page: 'not-found' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c] = parts;
  if (parts.length === 0) return { page: 'home' };
  if (a === 'log-ind' && parts.length === 1) return { page: 'sign-in' };
  if (a === 'kontakter' && parts.length === 1) return { page: 'contacts' };
  if (a === 'aarshjul' && parts.length === 1) return { page: 'calendar' };
  if (a === 'skemaer' && parts.length === 1) return { page: 'forms' };
  if (a === 'skemaer' && b && parts.length === 2) return { page: 'form', formId: b };
  // SST's year pages
  if (a === 'kontakter' && b && parts.length === 2) return { page: 'contacts', orgId: b };
  if (a === 'paamindelser' && parts.length <= 2) return b ? { page: 'reminders', roundId: b } : { page: 'reminders' };
  if (a === 'indikatorer' && parts.length <= 2) return b ? { page: 'indicators', formId: b } : { page: 'indicators' };
  if (a === 'log' && parts.length === 1) return { page: 'audit' };
  if (a === 'publikationer' && parts.length === 1) return { page: 'publications' };
  if (a === 'publikationer' && b && parts.length === 2) return { page: 'publication', publicationId: b };
  if (a === 'runder' && b && parts.length === 2) return { page: 'round', roundId: b };
  if (a === 'runder' && b && c === 'bidrag' && parts.length === 3) return { page: 'contributions', roundId: b };
  if (a === 'ny-runde' && parts.length === 1) return { page: 'new-round' };
  if (a === 'runder' && b && c === 'rediger' && parts.length === 3) return { page: 'edit-round', roundId: b };
  if (a === 'runder' && b && c && parts.length === 3) return { page: 'submission', roundId: b, orgId: c };
  return { page: 'not-found' };
}

export const href = {
  home: () => '#/',
  signIn: () => '#/log-ind',
  round: (roundId: string) => `#/runder/${encodeURIComponent(roundId)}`,
  submission: (roundId: string, orgId: string) => `#/runder/${encodeURIComponent(roundId)}/${encodeURIComponent(orgId)}`,
  contributions: (roundId: string) => `#/runder/${encodeURIComponent(roundId)}/bidrag`,
  contacts: (orgId?: string) => (orgId ? `#/kontakter/${encodeURIComponent(orgId)}` : '#/kontakter'),
  calendar: () => '#/aarshjul',
  publications: () => '#/publikationer',
  publication: (publicationId: string) => `#/publikationer/${encodeURIComponent(publicationId)}`,
  newRound: () => '#/ny-runde',
  editRound: (roundId: string) => `#/runder/${encodeURIComponent(roundId)}/rediger`,
  forms: () => '#/skemaer',
  form: (formId: string) => `#/skemaer/${encodeURIComponent(formId)}`,
  // SST's year pages
  reminders: (roundId?: string) => (roundId ? `#/paamindelser/${encodeURIComponent(roundId)}` : '#/paamindelser'),
  indicators: (formId?: string) => (formId ? `#/indikatorer/${encodeURIComponent(formId)}` : '#/indikatorer'),
  audit: () => '#/log',
};

/**
 * The page the app shows: the name of the page's component, which is also its module's
 * (`pages/<name>.tsx`, loaded with import() on first use), and the props it takes from the
 * address. The session the page gets besides is the caller's. Two are not page modules: the
 * sign-in page is in the entry, and OtherOrganisation (App.tsx) reads the round before it shows a
 * coordinator its contributor's report or takes anyone else to their own.
 */
export type PageChoice =
  | { page: 'SignInPage' }
  | { page: 'not-found' }
  // Reporters' pages (some of them SST's too)
  | { page: 'HomePage' }
  | { page: 'ReportPage'; roundId: string; orgId: string }
  | { page: 'OtherOrganisation'; roundId: string; orgId: string }
  | { page: 'ContactsPage'; orgId: string }
  | { page: 'ContributionsPage'; roundId: string }
  | { page: 'CalendarPage' }
  | { page: 'PublicationsPage' }
  | { page: 'PublicationPage'; publicationId: string }
  // SST's pages
  | { page: 'RoundsPage' }
  | { page: 'RoundPage'; roundId: string }
  | { page: 'ReviewPage'; roundId: string; orgId: string }
  | { page: 'RoundFormPage'; roundId?: string | undefined }
  | { page: 'FormsPage' }
  | { page: 'FormAuthoringPage'; formId: string }
  // SST's year pages (web/src/pages/sst-year.tsx)
  | { page: 'SstContactsPage'; orgId?: string | undefined }
  | { page: 'RemindersPage'; roundId?: string | undefined }
  | { page: 'IndicatorsPage'; formId?: string | undefined }
  | { page: 'AuditPage' };

/**
 * Which page `route` shows to the signed-in `session` (or to nobody signed in), the one choice
 * that App.tsx renders and preload.ts fetches ahead. Signed out, every address shows the sign-in
 * page; a reporter's addresses name its own organisation, whatever another one the link named.
 */
export function pageFor(route: Route, session: Pick<Session, 'role' | 'orgId'> | undefined): PageChoice {
  if (!session) return { page: 'SignInPage' };
  const reporter = session.role === 'reporter';
  const admin = session.role === 'sst-admin';
  const sst = admin || session.role === 'sst-reader';
  const home = route.page === 'home' || route.page === 'sign-in';
  // A co-author has the publications it is invited to and nothing else: they are its home.
  if (route.page === 'publications' || (session.role === 'author' && home)) return { page: 'PublicationsPage' };
  switch (route.page) {
    case 'publication':
      return { page: 'PublicationPage', publicationId: route.publicationId };
    case 'home':
    case 'sign-in':
      // SST's home: the rounds by year and plan.
      return reporter ? { page: 'HomePage' } : { page: 'RoundsPage' };
    case 'new-round':
      return admin ? { page: 'RoundFormPage' } : { page: 'not-found' };
    case 'edit-round':
      return admin ? { page: 'RoundFormPage', roundId: route.roundId } : { page: 'not-found' };
    case 'round':
      return reporter ? { page: 'ReportPage', roundId: route.roundId, orgId: session.orgId } : { page: 'RoundPage', roundId: route.roundId };
    case 'submission':
      if (!reporter) return { page: 'ReviewPage', roundId: route.roundId, orgId: route.orgId };
      return route.orgId === session.orgId ? { page: 'ReportPage', roundId: route.roundId, orgId: session.orgId } : { page: 'OtherOrganisation', roundId: route.roundId, orgId: route.orgId };
    case 'contributions':
      return { page: 'ContributionsPage', roundId: route.roundId };
    case 'contacts':
      if (reporter) return { page: 'ContactsPage', orgId: session.orgId };
      return sst ? { page: 'SstContactsPage', orgId: route.orgId } : { page: 'not-found' };
    case 'calendar':
      return { page: 'CalendarPage' };
    case 'forms':
      return admin ? { page: 'FormsPage' } : { page: 'not-found' };
    case 'form':
      return admin ? { page: 'FormAuthoringPage', formId: route.formId } : { page: 'not-found' };
    case 'reminders':
      return sst ? { page: 'RemindersPage', roundId: route.roundId } : { page: 'not-found' };
    case 'indicators':
      return sst ? { page: 'IndicatorsPage', formId: route.formId } : { page: 'not-found' };
    case 'audit':
      return sst ? { page: 'AuditPage' } : { page: 'not-found' };
    case 'not-found':
      return { page: 'not-found' };
  }
}
