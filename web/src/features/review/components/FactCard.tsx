import { ApiError } from '../../../shared/api';
import { ErrorNote } from '../../../shared/ErrorNote';
import { describeFact } from '../../../shared/format';
import type { Fact } from '../../../shared/types';
import type { ReviewAction } from '../api';
import { EvidenceInContext } from './EvidenceInContext';
import { FactEditor } from './FactEditor';

interface Props {
  fact: Fact;
  /** The article's text, to show the evidence in context. */
  text?: string;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  /** `copies` with accept: the fact's pending copies are accepted with it. */
  onAction: (action: ReviewAction, fields?: Record<string, unknown>, copies?: boolean) => void;
  busy: boolean;
  error: unknown;
}

/** Why the fact is what it is: the rule that decided each field where the extractor names them, else the rule that found it. */
function FactRules({ fact }: { fact: Fact }) {
  const rules = fact.data.rules;
  if (!rules || typeof rules !== 'object') return <p className="muted small">rule: {fact.rule}</p>;
  return (
    <dl className="muted small fact-rules" aria-label="rules">
      {Object.entries(rules as Record<string, string | null>).map(([field, rule]) => (
        <div key={field}>
          <dt>{field}</dt>
          <dd>{rule ?? '–'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One fact with what it states, its evidence and the review actions. */
export function FactCard({ fact, text, editing, onEditingChange, onAction, busy, error }: Props) {
  const serverErrors = error instanceof ApiError ? error.fields : [];
  return (
    <article className={`fact-card type-${fact.type}`} aria-label={`${fact.type} fact ${fact.id}`}>
      <header>
        <span className={`badge type-${fact.type}`}>{fact.type}</span>
        <span className={`review review-${fact.reviewStatus}`} data-testid="review-status">{fact.reviewStatus}</span>
        {fact.reviewedBy && <span className="muted"> by {fact.reviewedBy}</span>}
      </header>
      <p className="fact-summary">{describeFact(fact.type, fact.data)}</p>
      {text !== undefined ? <EvidenceInContext text={text} start={fact.start} end={fact.end} /> : <blockquote className="context"><mark className="evidence">{fact.evidence}</mark></blockquote>}
      <FactRules fact={fact} />
      {editing ? (
        <FactEditor key={fact.id} fact={fact} serverErrors={serverErrors} onCancel={() => onEditingChange(false)} onSave={(fields) => onAction('edit', fields)} />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => onAction('accept')} disabled={busy}>Accept <kbd>a</kbd></button>
          <button type="button" onClick={() => onAction('accept', undefined, true)} disabled={busy} title="also the other reports of this commitment, or this fact in the other copies of the wire story">Accept with its copies <kbd>A</kbd></button>
          <button type="button" onClick={() => onAction('reject')} disabled={busy}>Reject <kbd>x</kbd></button>
          <button type="button" onClick={() => onEditingChange(true)} disabled={busy}>Edit <kbd>e</kbd></button>
          {fact.reviewStatus !== 'pending' && <button type="button" onClick={() => onAction('reopen')} disabled={busy}>Reopen</button>}
        </div>
      )}
      <ErrorNote error={error} />
    </article>
  );
}
