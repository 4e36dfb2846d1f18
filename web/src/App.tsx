// The app shell: skip link, header with navigation and sign-out, and the page for the route.
// Signed-out visitors see the sign-in page whatever the address; after signing in they land
// where they were going. Every page but sign-in is loaded with import() when its route is first
// opened (web/build.ts splits the build there), so the sign-in page downloads no form renderer
// and a reporter no SST page.
import { Component, Suspense, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { getSession, onSessionChange, signOut } from './auth.ts';
import type { WebConfig } from './config.ts';
import { features } from './features.ts';
import { currentLang, setLang, t } from './i18n.ts';
import { href, navigate, useRoute } from './router.ts';
import { pageFor, type PageChoice } from './routes.ts';
import { LoadError, Loading, PageTitle, useLoad } from './components/common.tsx';
import { ApiError, get } from './api.ts';
import type { Session } from './auth.ts';
import type { Organisation, Round } from './types.ts';
import { lazyPage } from './lazy-page.ts';
import { SignInPage } from './pages/SignInPage.tsx';
import { SstYearNav, SstYearPage } from './pages/sst-year.tsx';

/** A page whose file could not be loaded (the network dropped, a deploy replaced it) says so instead of leaving a blank page. */
class PageLoadBoundary extends Component<{ children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error === undefined) return this.props.children;
    return <p role="alert">{t('errorGeneric', String(this.state.error))}</p>;
  }
}

// Reporters' pages.
const HomePage = lazyPage(() => import('./pages/HomePage.tsx').then((m) => m.HomePage));
const ReportPage = lazyPage(() => import('./pages/ReportPage.tsx').then((m) => m.ReportPage));
const ContactsPage = lazyPage(() => import('./pages/ContactsPage.tsx').then((m) => m.ContactsPage));
const ContributionsPage = lazyPage(() => import('./pages/ContributionsPage.tsx').then((m) => m.ContributionsPage));
const CalendarPage = lazyPage(() => import('./pages/CalendarPage.tsx').then((m) => m.CalendarPage));
// SST's pages.
const RoundPage = lazyPage(() => import('./pages/RoundPage.tsx').then((m) => m.RoundPage));
const ReviewPage = lazyPage(() => import('./pages/ReviewPage.tsx').then((m) => m.ReviewPage));
const RoundFormPage = lazyPage(() => import('./pages/RoundFormPage.tsx').then((m) => m.RoundFormPage));
const RoundsPage = lazyPage(() => import('./pages/RoundsPage.tsx').then((m) => m.RoundsPage));
const FormsPage = lazyPage(() => import('./pages/FormsPage.tsx').then((m) => m.FormsPage));
const FormAuthoringPage = lazyPage(() => import('./pages/FormAuthoringPage.tsx').then((m) => m.FormAuthoringPage));
const PublicationsPage = lazyPage(() => import('./pages/PublicationsPage.tsx').then((m) => m.PublicationsPage));
const PublicationPage = lazyPage(() => import('./pages/PublicationPage.tsx').then((m) => m.PublicationPage));

/**
 * The address of its own report that a reporter's link to another organisation's report was
 * taken to, while that address is the one shown: the report says why it is not the one linked.
 * Gone once the reporter goes anywhere else (and on a reload, which is no longer the link).
 */
let foreignLinkTo: string | undefined;

/** Replaces the address (no extra history entry) and shows the loader until the new page opens. */
function Redirect({ to }: { to: string }) {
  useEffect(() => {
    window.location.replace(to);
  }, [to]);
  return <Loading />;
}

/** A round the reporter's organisation does not report in (to it, the API says the round does not exist). */
function NotRespondent({ orgName }: { orgName: string }) {
  const title = t('notRespondentTitle', orgName);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('notRespondentBody', orgName)}</p>
      <p>
        <a href={href.home()}>← {t('navRounds')}</a>
      </p>
    </>
  );
}

/**
 * Another organisation's report, opened by a reporter: the coordinator of a coordinated round
 * reads (and reviews) its contributors' reports; anyone else is taken to its own report openly,
 * with a word on the page about the link. A round the organisation does not report in has no
 * report of its own to go to: the page says so where the link pointed.
 */
function OtherOrganisation({ roundId, orgId, session }: { roundId: string; orgId: string; session: Session }) {
  const load = useLoad(async () => {
    const round = await get<Round>(`/rounds/${encodeURIComponent(roundId)}`).then(
      (r) => r.body,
      (err: unknown) => (err instanceof ApiError && (err.status === 404 || err.status === 403) ? null : Promise.reject(err)),
    );
    if (round) return { round, orgName: '' };
    const orgs = await get<{ items: Organisation[] }>('/orgs').then((r) => r.body.items, () => []);
    const own = orgs.find((o) => o.id === session.orgId);
    return { round, orgName: own?.officialName ?? own?.name ?? session.orgId };
  }, [roundId]);
  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} page />;
  if (load.loading || load.data === undefined) return <Loading />;
  const { round, orgName } = load.data;
  if (!round) return <NotRespondent orgName={orgName} />;
  const coordinates = round.mode === 'coordinated' && round.coordinator === session.orgId && (round.contributors ?? []).includes(orgId);
  if (coordinates) return <ReviewPage roundId={roundId} orgId={orgId} session={session} />;
  foreignLinkTo = href.submission(roundId, session.orgId);
  return <Redirect to={foreignLinkTo} />;
}

/**
 * The element for the page pageFor chose (web/src/routes.ts, the choice the preload script
 * fetches ahead too). Keyed by what the page shows: a page for another report starts from
 * nothing of the previous one's state.
 */
function PageOf({ choice, session }: { choice: Exclude<PageChoice, { page: 'SignInPage' }>; session: Session }): ReactElement {
  switch (choice.page) {
    case 'HomePage':
      return <HomePage session={session} />;
    case 'ReportPage':
      return <ReportPage key={`${choice.roundId}/${choice.orgId}`} roundId={choice.roundId} orgId={choice.orgId} notice={foreignLinkTo === window.location.hash ? t('foreignLinkNotice') : undefined} />;
    case 'OtherOrganisation':
      return <OtherOrganisation key={`${choice.roundId}/${choice.orgId}`} roundId={choice.roundId} orgId={choice.orgId} session={session} />;
    case 'ContactsPage':
      return <ContactsPage orgId={choice.orgId} />;
    case 'ContributionsPage':
      return <ContributionsPage key={choice.roundId} roundId={choice.roundId} session={session} />;
    case 'CalendarPage':
      return <CalendarPage session={session} />;
    case 'PublicationsPage':
      return <PublicationsPage session={session} />;
    case 'PublicationPage':
      return <PublicationPage key={choice.publicationId} publicationId={choice.publicationId} session={session} />;
    case 'RoundsPage':
      return <RoundsPage session={session} />;
    case 'RoundPage':
      return <RoundPage key={choice.roundId} roundId={choice.roundId} session={session} />;
    case 'ReviewPage':
      return <ReviewPage key={`${choice.roundId}/${choice.orgId}`} roundId={choice.roundId} orgId={choice.orgId} session={session} />;
    case 'RoundFormPage':
      return choice.roundId ? <RoundFormPage key={choice.roundId} roundId={choice.roundId} /> : <RoundFormPage key="new" />;
    case 'FormsPage':
      return <FormsPage />;
    case 'FormAuthoringPage':
      return <FormAuthoringPage key={choice.formId} formId={choice.formId} />;
    case 'SstContactsPage':
    case 'RemindersPage':
    case 'IndicatorsPage':
    case 'AuditPage':
      return <SstYearPage choice={choice} session={session} />;
    case 'not-found':
      return (
        <>
          <PageTitle title={t('notFoundPage')}>{t('notFoundPage')}</PageTitle>
          <p>
            <a href={href.home()}>← {t(session.role === 'author' ? 'navPublications' : 'navRounds')}</a>
          </p>
        </>
      );
  }
}

export function App({ config }: { config: WebConfig }) {
  const route = useRoute();
  const [session, setSession] = useState(getSession);
  const [, setLangTick] = useState(0);
  useEffect(() => onSessionChange(() => setSession(getSession())), []);

  const toggleLang = () => {
    setLang(currentLang() === 'da' ? 'en' : 'da');
    setLangTick((n) => n + 1);
  };

  const choice = pageFor(route, session);
  if (foreignLinkTo !== undefined && window.location.hash !== foreignLinkTo) foreignLinkTo = undefined;
  const page =
    choice.page === 'SignInPage' || !session ? (
      <SignInPage config={config} onSignedIn={() => (route.page === 'sign-in' ? navigate(href.home()) : setSession(getSession()))} />
    ) : (
      <PageOf choice={choice} session={session} />
    );

  return (
    <>
      <a className="skip-link" href="#indhold" onClick={(e) => {
        e.preventDefault();
        document.getElementById('indhold')?.focus();
      }}>
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <a className="brand" href={href.home()}>
            <span className="brand-name">{t('appName')}</span>
            <span className="brand-tagline">{t('appTagline')}</span>
          </a>
          <button type="button" className="btn btn-link lang-toggle" lang={currentLang() === 'da' ? 'en' : 'da'} onClick={toggleLang}>
            {t('language')}
          </button>
        </div>
        {session && (
          <nav className="container main-nav" aria-label={t('appName')}>
            <ul>
              {session.role !== 'author' && (
                <li>
                  <a href={href.home()} aria-current={route.page === 'home' ? 'page' : undefined}>{t('navRounds')}</a>
                </li>
              )}
              {features.publications() && (
                <li>
                  <a href={href.publications()} aria-current={route.page === 'publications' || route.page === 'publication' ? 'page' : undefined}>{t('navPublications')}</a>
                </li>
              )}
              {session.role === 'reporter' && features.contacts() && (
                <li>
                  <a href={href.contacts()} aria-current={route.page === 'contacts' ? 'page' : undefined}>{t('navContacts')}</a>
                </li>
              )}
              {/* SST's own screens */}
              {session.role === 'sst-admin' && (
                <li>
                  <a href={href.newRound()} aria-current={route.page === 'new-round' ? 'page' : undefined}>{t('navNewRound')}</a>
                </li>
              )}
              {session.role === 'sst-admin' && features.formAuthoring() && (
                <li>
                  <a href={href.forms()} aria-current={route.page === 'forms' || route.page === 'form' ? 'page' : undefined}>{t('navForms')}</a>
                </li>
              )}
              {features.calendar() && session.role !== 'author' && (
                <li>
                  <a href={href.calendar()} aria-current={route.page === 'calendar' ? 'page' : undefined}>{t('navCalendar')}</a>
                </li>
              )}
              {/* SST's year pages */}
              <SstYearNav route={route} session={session} />
            </ul>
            <div className="user">
              <span>{t('signedInAs', session.name)}</span>
              <button type="button" className="btn btn-link" onClick={() => signOut(config)}>
                {t('signOut')}
              </button>
            </div>
          </nav>
        )}
      </header>
      <main id="indhold" className="container" tabIndex={-1}>
        <PageLoadBoundary key={JSON.stringify(route)}>
          <Suspense fallback={<Loading />}>{page}</Suspense>
        </PageLoadBoundary>
      </main>
      <footer className="site-footer container">
        <p>Sundhedsstyrelsen · Task Force for kræft- og psykiatriområdet</p>
      </footer>
    </>
  );
}
