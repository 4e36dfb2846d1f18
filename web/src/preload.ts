// Runs before the app (a classic script in index.html's head, built on its own by web/build.ts):
// asks the browser to fetch, at once and side by side, every file the page of the address needs,
// instead of one after another as the app discovers them (entry → page → the page's libraries).
// A signed-in reporter opening a link to its report fetches the form renderer while the entry
// still downloads. Fetching only: nothing runs before the app does, and a wrong guess costs a
// download, never a wrong page. The page is App.tsx's own choice: pageFor in routes.ts.
import { getSession, type Session } from './auth.ts';
import { pageFor, parseHash, type PageChoice } from './routes.ts';

/** Page module (path under web/src) → the files it loads beyond the entry's; written by web/build.ts. */
declare const __PAGE_FILES__: Record<string, string[]>;

/**
 * The module (path under web/src) of the page chosen, as web/build.ts names its split point;
 * undefined for the pages the entry holds. Another organisation's report, opened by a reporter,
 * is most often its own report after a redirect (a coordinator's contributors apart).
 */
export function pageModule(choice: PageChoice): string | undefined {
  switch (choice.page) {
    case 'SignInPage':
    case 'not-found':
      return undefined;
    case 'OtherOrganisation':
      return 'pages/ReportPage.tsx';
    default:
      return `pages/${choice.page}.tsx`;
  }
}

/** The module of the page App.tsx shows for the address to the session. */
export function pageModuleFor(hash: string, session: Pick<Session, 'role' | 'orgId'> | undefined): string | undefined {
  return pageModule(pageFor(parseHash(hash), session));
}

function preload(): void {
  let session: Session | undefined;
  try {
    session = getSession();
  } catch {
    return;
  }
  const page = pageModuleFor(window.location.hash, session);
  for (const file of (page && __PAGE_FILES__[page]) || []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = `/${file}`;
    document.head.appendChild(link);
  }
}

if (typeof document !== 'undefined' && typeof __PAGE_FILES__ !== 'undefined') preload();
