import { useEffect, useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { typeLabel } from '../../../shared/format';
import { href } from '../../../shared/router';
import { FACT_TYPES, type Fact } from '../../../shared/types';
import { useArticle } from '../../reader/queries';
import { getSettings } from '../../../shared/settings';
import { reviewFact, type Copy, type QueueOrder } from '../api';
import { useFactActions, usePendingFacts } from '../queries';
import { FactCard } from './FactCard';

type QueuedFact = Fact & { articleId: number; copies?: Copy[] };

/** Typing in a form is not a command. */
const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/**
 * Pending facts one review item at a time — a fact with its copies (the other reports of its
 * ledger row, the same fact in the other copies of its wire story), accepted together: a accept,
 * x reject, e edit, u undo, j/k next/previous.
 */
export function ReviewQueue() {
  const [type, setType] = useState('commitment');
  const [order, setOrder] = useState<QueueOrder>('found');
  const pending = usePendingFacts(type, order);
  const [index, setIndex] = useState(0);
  const [updated, setUpdated] = useState<Map<number, QueuedFact>>(new Map());
  /** Reviewed items, newest last, with the copies accepted with each: undo reopens them all. */
  const [done, setDone] = useState<Array<{ id: number; copies: number[] }>>([]);
  const queue: QueuedFact[] = (pending.data?.items ?? []).map((f) => updated.get(f.id) ?? f);
  const current = queue[Math.min(index, queue.length - 1)];
  const article = useArticle(current?.articleId ?? 0);

  const actions = useFactActions((fact, action) => {
    const before = queue.find((f) => f.id === fact.id);
    const queued = { ...fact, articleId: before?.articleId ?? current.articleId, copies: before?.copies };
    // copies accepted with the fact are reviewed too: the queue passes over them
    const copies = queue.filter((f) => fact.copies.includes(f.id)).map((f) => ({ ...f, reviewStatus: fact.reviewStatus, reviewedBy: fact.reviewedBy, reviewedAt: fact.reviewedAt }));
    setUpdated((m) => {
      const next = new Map(m).set(fact.id, queued);
      for (const c of copies) next.set(c.id, c);
      return next;
    });
    if (action === 'reopen') return;
    setDone((d) => [...d, { id: fact.id, copies: fact.copies }]);
    const skipped = new Set(fact.copies);
    setIndex((i) => {
      const after = queue.findIndex((f, k) => k > i && !skipped.has(f.id));
      return after < 0 ? Math.min(i + 1, queue.length - 1) : after;
    });
  });

  const undo = () => {
    const last = done[done.length - 1];
    const fact = queue.find((f) => f.id === last?.id);
    if (!fact) return;
    setDone((d) => d.slice(0, -1));
    setIndex(queue.indexOf(fact));
    actions.act(fact, 'reopen');
    for (const copy of last.copies) void reviewFact(copy, 'reopen', getSettings().reviewer);
  };
  /** An item is its fact and its copies: accepting it accepts them all. */
  const accept = (fact: QueuedFact, fields?: Record<string, unknown>, copies?: boolean) => actions.act(fact, 'accept', fields, copies ?? (fact.copies?.length ?? 0) > 0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || actions.editing || !current) return;
      const commands: Record<string, () => void> = {
        a: () => accept(current),
        A: () => accept(current, undefined, true),
        x: () => actions.act(current, 'reject'),
        e: () => actions.setEditing(true),
        u: undo,
        j: () => setIndex((i) => Math.min(i + 1, queue.length - 1)),
        k: () => setIndex((i) => Math.max(i - 1, 0)),
      };
      const command = commands[e.key];
      if (!command) return;
      e.preventDefault();
      command();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // a new fact starts with its editor closed and no error from the last one
  useEffect(() => actions.reset(), [current?.id]);

  const reviewed = queue.filter((f) => f.reviewStatus !== 'pending').length;
  const restart = () => {
    setIndex(0);
    setUpdated(new Map());
    setDone([]);
  };
  const chooseType = (next: string) => {
    setType(next);
    restart();
  };

  return (
    <div className="page review-page">
      <header className="page-head">
        <h1>Review queue</h1>
        <label>
          Type
          <select value={type} onChange={(e) => chooseType(e.target.value)}>
            <option value="">all types</option>
            {FACT_TYPES.map((t) => <option key={t} value={t}>{typeLabel[t]}</option>)}
          </select>
        </label>
        <label>
          Order
          <select value={order} onChange={(e) => { setOrder(e.target.value as QueueOrder); restart(); }}>
            <option value="found">as found</option>
            <option value="eur">EUR at stake</option>
            <option value="newest">newest article first</option>
            <option value="uncertain">most uncertain first</option>
          </select>
        </label>
        <button type="button" onClick={() => { restart(); void pending.refetch(); }}>Reload queue</button>
      </header>
      <ErrorNote error={pending.error} />
      {pending.isPending && <p className="muted">Loading…</p>}
      {pending.data && queue.length === 0 && <p className="muted">Nothing is waiting for review here.</p>}
      {current && (
        <>
          <div className="progress-line">
            <progress max={queue.length} value={reviewed} aria-label="Reviewed in this queue" />
            <span data-testid="review-progress">{reviewed} of {queue.length} reviewed · fact {Math.min(index, queue.length - 1) + 1} of {queue.length}{pending.data?.nextCursor ? ' (more after these)' : ''}</span>
          </div>
          <FactCard
            fact={current}
            text={article.data?.text}
            editing={actions.editing}
            onEditingChange={actions.setEditing}
            onAction={(action, fields, copies) => (action === 'accept' ? accept(current, fields, copies) : actions.act(current, action, fields, copies))}
            busy={actions.busy}
            error={actions.error}
          />
          <p className="muted small">
            From <a href={href(`articles/${current.articleId}`, { fact: current.id })}>{article.data?.title ?? `article ${current.articleId}`}</a>
            {article.data?.published && `, ${article.data.published}`}
          </p>
          {(current.copies?.length ?? 0) > 0 && (
            <section className="story-copies" aria-label="The same fact in other reports">
              <h3>One story: {current.copies!.length + 1} reports of this, reviewed together</h3>
              <ul>
                {current.copies!.map((c) => (
                  <li key={c.id}><q>{c.evidence}</q> — <a href={href(`articles/${c.articleId}`, { fact: c.id })}>{c.source ?? `article ${c.articleId}`}</a></li>
                ))}
              </ul>
            </section>
          )}
          <p className="keys muted small" aria-label="Keyboard shortcuts">
            <kbd>a</kbd> accept (with the story’s other reports) · <kbd>x</kbd> reject · <kbd>e</kbd> edit · <kbd>u</kbd> undo · <kbd>j</kbd>/<kbd>k</kbd> next/previous
          </p>
        </>
      )}
    </div>
  );
}
