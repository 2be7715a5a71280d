import { useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { href, navigate } from '../../../shared/router';
import type { SearchHit } from '../../../shared/types';
import { useSearch } from '../queries';

/** The snippet with the words found marked (as text: a snippet is never markup). */
function Marked({ hit }: { hit: SearchHit }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  hit.marks.forEach(([start, end], i) => {
    if (start > at) parts.push(hit.snippet.slice(at, start));
    parts.push(<mark key={i}>{hit.snippet.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(hit.snippet.slice(at));
  return <>{parts}</>;
}

/** Full-text search over articles and quotes; the query lives in the address so results can be shared. */
export function SearchPage({ initial }: { initial: string }) {
  const [q, setQ] = useState(initial);
  const results = useSearch(initial);
  return (
    <div className="page">
      <header className="page-head"><h1>Search</h1></header>
      <form role="search" className="search-form" onSubmit={(e) => { e.preventDefault(); navigate('search', { q: q.trim() }); }}>
        <label htmlFor="search-q" className="visually-hidden">Search articles and quotes</label>
        <input id="search-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="words from a quote or an article" autoFocus />
        <button type="submit" className="primary">Search</button>
      </form>
      <ErrorNote error={results.error} />
      {results.data && (
        <>
          <p className="muted">{results.data.length} result{results.data.length === 1 ? '' : 's'}</p>
          <ul className="results">
            {results.data.map((r) => (
              <li key={`${r.kind}-${r.id}`} className={`result result-${r.kind}`}>
                <span className={`badge type-${r.kind === 'quote' ? 'quote' : 'article'}`}>{r.kind}</span>{' '}
                {r.speaker && <strong className="speaker">{r.speaker}: </strong>}
                <a href={r.kind === 'quote' ? href(`articles/${r.articleId}`, { fact: r.id }) : href(`articles/${r.articleId}`)}><Marked hit={r} /></a>
                <div className="muted small result-meta">
                  {[r.title, r.source, r.published ?? 'undated'].filter(Boolean).join(' · ')}
                  {r.copies > 0 && ` · also in ${r.copies} other article${r.copies === 1 ? '' : 's'}`}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
