import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { href } from '../../../shared/router';
import { useSettings } from '../../../shared/settings';
import { fetchChangesSince, recordVisit, type LedgerChange } from '../api';

const KIND_LABEL: Record<LedgerChange['kind'], string> = { new: 'new', 'new-source': 'new source', stage: 'stage', amount: 'amount revised', review: 'reviewed' };

/**
 * What changed in the ledger since this reviewer's previous visit (kept on the server by name):
 * the list, and for the ledger table the rows it touched with the latest kind of change.
 */
export function useSinceLastVisit() {
  const { reviewer } = useSettings();
  // one visit per page load and reviewer: the server folds requests close together into one visit
  const visit = useQuery({ queryKey: ['visit', reviewer], queryFn: () => recordVisit(reviewer), staleTime: Infinity, retry: false });
  const since = visit.data?.previousAt ?? null;
  const changes = useQuery({ queryKey: ['changes-since', since], queryFn: () => fetchChangesSince(since!), enabled: since !== null, refetchInterval: 30_000 });
  const marks = new Map<number, LedgerChange['kind']>();
  // newest first: the first change seen for a row is its latest
  for (const c of changes.data ?? []) if (!marks.has(c.commitment.id)) marks.set(c.commitment.id, c.kind);
  return { reviewer, since, changes: changes.data ?? [], marks, error: visit.error ?? changes.error };
}

export const changeLabel = (kind: LedgerChange['kind']) => KIND_LABEL[kind];

export function SinceLastVisit({ state }: { state: ReturnType<typeof useSinceLastVisit> }) {
  const [open, setOpen] = useState(false);
  if (state.error) return <ErrorNote error={state.error} />;
  if (!state.since) return null; // a first visit: everything is new, nothing to single out
  const n = state.changes.length;
  return (
    <section className="panel since-visit" aria-labelledby="since-title" data-testid="since-last-visit">
      <h2 id="since-title">
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {n === 0 ? 'Nothing changed' : `${n}${n === 200 ? '+' : ''} change${n === 1 ? '' : 's'}`} since your last visit
        </button>
        <span className="muted small"> ({state.reviewer}, {state.since.slice(0, 16).replace('T', ' ')})</span>
      </h2>
      {open && (
        <ul className="plain-list small">
          {state.changes.map((c) => (
            <li key={c.id}>
              <span className={`change change-${c.kind}`}>{changeLabel(c.kind)}</span> {c.summary}
              {c.article && <> · <a href={href(`articles/${c.article.id}`)}>{c.article.title ?? 'the article'}</a></>}
              <span className="muted"> · {c.at.slice(0, 16).replace('T', ' ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
