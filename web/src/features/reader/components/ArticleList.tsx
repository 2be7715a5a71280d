import { ErrorNote } from '../../../shared/ErrorNote';
import { href } from '../../../shared/router';
import { useArticleList } from '../queries';

export function ArticleList() {
  const list = useArticleList();
  const articles = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page">
      <header className="page-head"><h1>Articles</h1></header>
      <ErrorNote error={list.error} />
      <ul className="plain-list">
        {articles.map((a) => (
          <li key={a.id}>
            <a href={href(`articles/${a.id}`)}>{a.title ?? `Article ${a.id}`}</a>
            <span className="muted"> {[a.source, a.published].filter(Boolean).join(' · ')}{a.storyId ? ` · story ${a.storyId}` : ''}</span>
          </li>
        ))}
      </ul>
      {list.hasNextPage && <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>More articles</button>}
      {list.data && articles.length === 0 && <p className="muted">No articles yet: add some under Ingest.</p>}
    </div>
  );
}
