import { useEffect, useMemo, useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { describeFact, typeLabel } from '../../../shared/format';
import { navigate } from '../../../shared/router';
import { FACT_TYPES, type Fact } from '../../../shared/types';
import { FactCard } from '../../review/components/FactCard';
import { useFactActions } from '../../review/queries';
import { useArticle } from '../queries';
import { AddFactForm } from './AddFactForm';
import { DeleteArticle } from './DeleteArticle';
import { ArticleText } from './ArticleText';

interface TextSelection {
  start: number;
  end: number;
  text: string;
}

/** The words selected inside `container`, as offsets into the text it shows (its text is the article's, character for character). */
function selectionIn(container: Element | null): TextSelection | null {
  const chosen = window.getSelection();
  if (!container || !chosen || chosen.isCollapsed || chosen.rangeCount === 0) return null;
  const range = chosen.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const text = range.toString();
  const start = before.toString().length;
  // leading and trailing spaces are not evidence
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return trimmed ? { start: start + lead, end: start + lead + trimmed.length, text: trimmed } : null;
}

/** One article: its text with every fact highlighted, a legend, and the clicked fact open for review. */
export function ArticlePage({ id, factId }: { id: number; factId: number | null }) {
  const article = useArticle(id);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [hovered, setHovered] = useState<Fact | null>(null);
  const selected = article.data?.facts.find((f) => f.id === factId) ?? null;
  const actions = useFactActions(() => undefined);
  const facts = useMemo(() => (article.data?.facts ?? []).filter((f) => !hidden.has(f.type)), [article.data, hidden]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const f of article.data?.facts ?? []) c.set(f.type, (c.get(f.type) ?? 0) + 1);
    return c;
  }, [article.data]);

  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => actions.reset(), [factId]);
  useEffect(() => {
    if (factId !== null) document.querySelector(`[data-fact-id="${factId}"]`)?.scrollIntoView({ block: 'center' });
  }, [factId, article.data !== undefined]);

  const toggle = (type: string) => {
    const next = new Set(hidden);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    setHidden(next);
  };
  const select = (fact: Fact) => navigate(`articles/${id}`, { fact: fact.id });

  if (article.error) return <div className="page"><ErrorNote error={article.error} /></div>;
  if (!article.data) return <div className="page"><p className="muted">Loading…</p></div>;
  const a = article.data;
  // a deleted article takes no new facts
  const pickSelection = () => !adding && !a.deleted && setSelection(selectionIn(document.querySelector('[data-testid="article-text"]')));
  return (
    <div className="page reader-page">
      <header className="page-head">
        <h1>{a.title ?? `Article ${a.id}`}</h1>
        <p className="muted">
          {[a.source, a.published, a.place].filter(Boolean).join(' · ')}
          {a.url && <> · <a href={a.url} target="_blank" rel="noopener noreferrer">original</a></>}
        </p>
        {a.deleted ? (
          <p className="deleted-note" role="status">Deleted by {a.deleted.by} on {a.deleted.at.slice(0, 10)}{a.deleted.reason ? `: ${a.deleted.reason}` : ''}. Its facts are out of the ledger, lists and search.</p>
        ) : <DeleteArticle id={a.id} />}
      </header>
      <div className="legend" role="group" aria-label="Highlighted fact types">
        {FACT_TYPES.map((t) => (
          <label key={t} className={`legend-item type-${t}`}>
            <input type="checkbox" checked={!hidden.has(t)} onChange={() => toggle(t)} />
            <span className="swatch" aria-hidden="true" />
            {typeLabel[t]} ({counts.get(t) ?? 0})
          </label>
        ))}
      </div>
      <div className="reader-layout">
        <div onMouseUp={() => pickSelection()} onKeyUp={() => pickSelection()}>
          <ArticleText text={a.text} facts={facts} selectedId={selected?.id ?? null} onHover={setHovered} onSelect={select} />
        </div>
        <aside className="reader-side" aria-label="Fact details">
          {adding && selection ? (
            <AddFactForm articleId={a.id} selection={selection} onCancel={() => setAdding(false)} onAdded={(fact) => { setAdding(false); setSelection(null); select(fact); }} />
          ) : selection && (
            <p className="selection-action">
              <button type="button" className="primary" onClick={() => setAdding(true)}>Add a fact from the selection</button>
              <span className="muted"> “{selection.text.length > 60 ? `${selection.text.slice(0, 57)}…` : selection.text}”</span>
            </p>
          )}
          <div className="hover-card" aria-live="polite">
            {hovered ? <><span className={`badge type-${hovered.type}`}>{hovered.type}</span> {describeFact(hovered.type, hovered.data)}</> : <span className="muted">Hover or focus a highlight to see its fact; click it to review.</span>}
          </div>
          {selected && (
            <FactCard
              fact={selected}
              text={a.text}
              editing={actions.editing}
              onEditingChange={actions.setEditing}
              onAction={(action, fields, copies) => actions.act(selected, action, fields, copies)}
              busy={actions.busy}
              error={actions.error}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
