import { useEffect, useRef } from 'react';
import { ArticleList } from '../features/reader/components/ArticleList';
import { ArticlePage } from '../features/reader/components/ArticlePage';
import { IngestPage } from '../features/ingest/components/IngestPage';
import { LedgerPage } from '../features/ledger/components/LedgerPage';
import { OrganizationPage, OrganizationsPage } from '../features/organizations/components/OrganizationsPage';
import { PeoplePage, PersonPage } from '../features/people/components/PeoplePage';
import { ReviewQueue } from '../features/review/components/ReviewQueue';
import { SearchPage } from '../features/search/components/SearchPage';
import { href, useRoute, type Route } from '../shared/router';
import { SettingsPage } from './SettingsPage';

const NAV = [
  ['ledger', 'Ledger'], ['review', 'Review'], ['articles', 'Articles'], ['people', 'People'],
  ['organizations', 'Organizations'], ['search', 'Search'], ['ingest', 'Ingest'], ['settings', 'Settings'],
] as const;

const idOf = (part: string | undefined) => (part && /^\d+$/.test(part) ? Number(part) : null);

function Screen({ route }: { route: Route }) {
  const [section, part] = route.parts;
  const id = idOf(part);
  switch (section ?? 'ledger') {
    case 'ledger': return <LedgerPage />;
    case 'review': return <ReviewQueue />;
    case 'articles': return id ? <ArticlePage id={id} factId={idOf(route.params.get('fact') ?? undefined)} /> : <ArticleList />;
    case 'people': return id ? <PersonPage id={id} /> : <PeoplePage />;
    case 'organizations': return id ? <OrganizationPage id={id} /> : <OrganizationsPage />;
    case 'search': return <SearchPage key={route.params.get('q') ?? ''} initial={route.params.get('q') ?? ''} />;
    case 'ingest': return <IngestPage />;
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
        <Screen route={route} />
      </main>
    </>
  );
}
