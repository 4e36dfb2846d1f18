// Runs before the app (a classic script in index.html's head, built on its own by web/build.ts):
// asks the browser to fetch, at once and side by side, every file the page of the address needs,
// instead of one after another as the app discovers them (entry → page → the page's libraries).
// A signed-in reporter opening a link to its report fetches the form renderer while the entry
// still downloads. Fetching only: nothing runs before the app does, and a wrong guess costs a
// download, never a wrong page. Which page an address opens follows App.tsx.
import { getSession } from './auth.ts';
import { parseHash } from './routes.ts';

/** Page module (path under web/src) → the files it loads beyond the entry's; written by web/build.ts. */
declare const __PAGE_FILES__: Record<string, string[]>;

/** The page App.tsx shows for the address and role, for the addresses people open by link. */
export function pageModule(hash: string, role: string | undefined): string | undefined {
  if (!role) return undefined; // signed out: the sign-in page, already in the entry
  const route = parseHash(hash);
  const reporter = role === 'reporter';
  if (role === 'author') return 'pages/PublicationsPage.tsx';
  switch (route.page) {
    case 'home':
    case 'sign-in':
      return reporter ? 'pages/HomePage.tsx' : 'pages/RoundsPage.tsx';
    case 'round':
      return reporter ? 'pages/ReportPage.tsx' : 'pages/RoundPage.tsx';
    case 'submission':
      return reporter ? 'pages/ReportPage.tsx' : 'pages/ReviewPage.tsx';
    case 'contributions':
      return 'pages/ContributionsPage.tsx';
    case 'calendar':
      return 'pages/CalendarPage.tsx';
    case 'publications':
      return 'pages/PublicationsPage.tsx';
    case 'publication':
      return 'pages/PublicationPage.tsx';
    default:
      return undefined;
  }
}

function preload(): void {
  let role: string | undefined;
  try {
    role = getSession()?.role;
  } catch {
    return;
  }
  const page = pageModule(window.location.hash, role);
  for (const file of (page && __PAGE_FILES__[page]) || []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = `/${file}`;
    document.head.appendChild(link);
  }
}

if (typeof document !== 'undefined' && typeof __PAGE_FILES__ !== 'undefined') preload();
