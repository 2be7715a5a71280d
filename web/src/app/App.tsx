import { lazy, Suspense, useEffect, useRef } from 'react';
import { LedgerPage } from '../features/ledger/components/LedgerPage';
import { href, useRoute, type Route } from '../shared/router';

// the ledger is in the first bundle; every other screen loads when first opened
const ArticleList = lazy(() => import('../features/reader/components/ArticleList').then((m) => ({ default: m.ArticleList })));
const ArticlePage = lazy(() => import('../features/reader/components/ArticlePage').then((m) => ({ default: m.ArticlePage })));
const ChartsPage = lazy(() => import('../features/charts/components/ChartsPage').then((m) => ({ default: m.ChartsPage })));
const DiplomacyPage = lazy(() => import('../features/diplomacy/components/DiplomacyPage').then((m) => ({ default: m.DiplomacyPage })));
const IngestPage = lazy(() => import('../features/ingest/components/IngestPage').then((m) => ({ default: m.IngestPage })));
const OrganizationsPage = lazy(() => import('../features/organizations/components/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));
const OrganizationPage = lazy(() => import('../features/organizations/components/OrganizationsPage').then((m) => ({ default: m.OrganizationPage })));
const PeoplePage = lazy(() => import('../features/people/components/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('../features/people/components/PeoplePage').then((m) => ({ default: m.PersonPage })));
const ReviewQueue = lazy(() => import('../features/review/components/ReviewQueue').then((m) => ({ default: m.ReviewQueue })));
const SearchPage = lazy(() => import('../features/search/components/SearchPage').then((m) => ({ default: m.SearchPage })));
const SourcesPage = lazy(() => import('../features/sources/components/SourcesPage').then((m) => ({ default: m.SourcesPage })));
const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));

const NAV = [
  ['ledger', 'Ledger'], ['charts', 'Charts'], ['diplomacy', 'Diplomacy'], ['review', 'Review'], ['articles', 'Articles'], ['people', 'People'],
  ['organizations', 'Organizations'], ['search', 'Search'], ['ingest', 'Ingest'], ['sources', 'Sources'], ['settings', 'Settings'],
] as const;

const idOf = (part: string | undefined) => (part && /^\d+$/.test(part) ? Number(part) : null);

function Screen({ route }: { route: Route }) {
  const [section, part] = route.parts;
  const id = idOf(part);
  switch (section ?? 'ledger') {
    case 'ledger': return <LedgerPage />;
    case 'charts': return <ChartsPage />;
    case 'diplomacy': return <DiplomacyPage />;
    case 'review': return <ReviewQueue />;
    case 'articles': return id ? <ArticlePage id={id} factId={idOf(route.params.get('fact') ?? undefined)} /> : <ArticleList />;
    case 'people': return id ? <PersonPage id={id} /> : <PeoplePage />;
    case 'organizations': return id ? <OrganizationPage id={id} /> : <OrganizationsPage />;
    case 'search': return <SearchPage key={route.params.get('q') ?? ''} initial={route.params.get('q') ?? ''} />;
    case 'ingest': return <IngestPage />;
    case 'sources': return <SourcesPage />;
    case 'settings': return <SettingsPage />;
    default: return <div className="page"><h1>Not found</h1><p><a href={href('ledger')}>Back to the ledger</a></p></div>;
  }
}

export function App() {
  const route = useRoute();
  const section = route.parts[0] ?? 'ledger';
  const main = useRef<HTMLElement>(null);
  const path = route.parts.join('/');
  // a new screen takes the focus, so keyboard and screen-reader users start at its top
  useEffect(() => main.current?.focus({ preventScroll: true }), [path]);
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header className="top">
        <a className="brand" href={href('ledger')}>pledgewatch</a>
        <nav aria-label="Sections">
          {NAV.map(([key, label]) => (
            <a key={key} href={href(key)} aria-current={section === key ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<div className="page"><p className="muted">Loading…</p></div>}>
          <Screen route={route} />
        </Suspense>
      </main>
    </>
  );
}
