import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api';
import { href } from '../../../shared/router';
import { articlesFromFile, ingestArticle, type NewArticle } from '../api';
import { FailedItems } from './FailedItems';

interface Item {
  label: string;
  article?: NewArticle;
  state: 'waiting' | 'working' | 'stored' | 'duplicate' | 'failed';
  message?: string;
  articleId?: number;
}

type Mode = 'paste' | 'url' | 'files';
/** Two requests at a time: the server extracts while the next article travels. */
const PARALLEL = 2;

export function IngestPage() {
  const client = useQueryClient();
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState('');
  const [url, setUrl] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [running, setRunning] = useState(false);

  const run = async (batch: Item[]) => {
    setItems(batch);
    setRunning(true);
    const update = (i: number, patch: Partial<Item>) => setItems((all) => all.map((it, j) => (j === i ? { ...it, ...patch } : it)));
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const i = next++;
        const item = batch[i];
        if (!item.article) continue;
        update(i, { state: 'working' });
        try {
          const { created, article } = await ingestArticle(item.article);
          update(i, { state: created ? 'stored' : 'duplicate', articleId: article.id, message: created ? `${article.facts.length} facts` : 'already stored' });
        } catch (err) {
          update(i, { state: 'failed', message: err instanceof ApiError ? err.message : String(err) });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    setRunning(false);
    for (const key of ['ledger', 'articles', 'persons', 'organizations', 'facts', 'ingest-failures']) void client.invalidateQueries({ queryKey: [key] });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (running) return;
    if (mode === 'paste') {
      if (!text.trim()) return setItems([{ label: 'pasted text', state: 'failed', message: 'paste an article first' }]);
      await run([{ label: title.trim() || 'pasted text', article: { text, title: title.trim() || undefined, published: published || undefined }, state: 'waiting' }]);
    } else if (mode === 'url') {
      // one URL per line: a line with spaces in it is one item that fails, not several
      const urls = url.split('\n').map((line) => line.trim()).filter(Boolean);
      if (urls.length === 0) return setItems([{ label: 'URL', state: 'failed', message: 'give one URL per line' }]);
      await run(urls.map((u) => (/\s/.test(u)
        ? { label: u, state: 'failed' as const, message: 'one URL per line: this line has spaces in it' }
        : { label: u, article: { url: u }, state: 'waiting' as const })));
    } else {
      if (!files || files.length === 0) return setItems([{ label: 'files', state: 'failed', message: 'choose one or more files' }]);
      const read = (await Promise.all([...files].map(articlesFromFile))).flat();
      await run(read.map((r) => ({ label: r.label, article: r.article, state: r.error ? 'failed' : 'waiting', message: r.error })));
    }
  };

  const finished = items.filter((i) => i.state !== 'waiting' && i.state !== 'working').length;
  return (
    <div className="page">
      <header className="page-head"><h1>Ingest</h1></header>
      <div className="tabs" role="tablist" aria-label="Source">
        {(['paste', 'url', 'files'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} onClick={() => setMode(m)}>
            {m === 'paste' ? 'Paste text' : m === 'url' ? 'From URLs' : 'Upload files'}
          </button>
        ))}
      </div>
      <form className="ingest-form" onSubmit={submit}>
        {mode === 'paste' && (
          <>
            <label>Title (optional)<input value={title} onChange={(e) => setTitle(e.target.value)} /></label>
            <label>Published (optional; dates in the text are read against it)<input type="date" value={published} onChange={(e) => setPublished(e.target.value)} /></label>
            <label>Article text or HTML<textarea value={text} onChange={(e) => setText(e.target.value)} rows={12} /></label>
          </>
        )}
        {mode === 'url' && <label>Article or feed URLs, one per line<textarea value={url} onChange={(e) => setUrl(e.target.value)} rows={5} placeholder="https://…" /></label>}
        {mode === 'files' && (
          <label>
            Files: .txt, .html, .json, .jsonl (records with "text" or "url")
            <input type="file" multiple accept=".txt,.text,.md,.html,.htm,.json,.jsonl,.ndjson" onChange={(e) => setFiles(e.target.files)} />
          </label>
        )}
        <button type="submit" className="primary" disabled={running}>{running ? 'Ingesting…' : 'Ingest'}</button>
      </form>
      {items.length > 0 && (
        <section aria-label="Ingest progress">
          <div className="progress-line">
            <progress max={items.length} value={finished} aria-label="Articles processed" />
            <span data-testid="ingest-progress">{finished} of {items.length} done</span>
          </div>
          <ul className="ingest-items">
            {items.map((it, i) => (
              <li key={i} className={`item-${it.state}`}>
                <span className="item-state">{it.state}</span> {it.label}
                {it.message && <span className={it.state === 'failed' ? 'error-inline' : 'muted'}> — {it.message}</span>}
                {it.articleId && <> · <a href={href(`articles/${it.articleId}`)}>open</a></>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <FailedItems />
    </div>
  );
}
