// The app's addresses after the # (#/runder/…) and the route each one opens: no React, so the
// preload script (preload.ts) reads them too. The API owns every real path on the same origin
// (/rounds, /forms, /orgs …), so the app's own addresses live after the #, where no API route
// can collide.
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
