import { useState } from 'react';
import { download } from '../../../shared/api';
import { ErrorNote } from '../../../shared/ErrorNote';
import { href } from '../../../shared/router';
import { PROPOSAL_STATUSES, type ProposalRow } from '../../../shared/types';
import { useDebounced } from '../../../shared/useDebounced';
import { useProposal, useProposals } from '../queries';

const ANSWER_WORD: Record<string, string> = { accepted: 'accepted', rejected: 'rejected', conditional: 'set conditions', considering: 'is considering', withdrawn: 'withdrew it' };

/** Proposals (ceasefires, peace plans, offers of talks) as timelines from the proposal to each answer, filtered by party. */
export function DiplomacyPage() {
  const [party, setParty] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [exportError, setExportError] = useState<unknown>(null);
  const filter = { party: useDebounced(party), status };
  const proposals = useProposals(filter, offset);
  const total = proposals.data?.total ?? 0;
  return (
    <div className="page">
      <header className="page-head">
        <h1>Diplomacy</h1>
        <p className="muted">Proposals one party put to another, and who answered how, across every stored article.</p>
        <div className="filters">
          <label>Party<input type="search" value={party} onChange={(e) => { setParty(e.target.value); setOffset(0); }} placeholder="a code (RU) or a name" /></label>
          <label>Status
            <select value={status} onChange={(e) => { setStatus(e.target.value); setOffset(0); }}>
              <option value="">any</option>
              {PROPOSAL_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <button type="button" onClick={() => { setExportError(null); download('/api/export/proposals.csv', { party: filter.party.trim() || undefined, status: status || undefined }, 'proposals.csv').catch(setExportError); }}>Export CSV</button>
        </div>
      </header>
      <ErrorNote error={proposals.error ?? exportError} />
      {proposals.data && <p className="muted" role="status">{total} proposal{total === 1 ? '' : 's'}</p>}
      <ol className="proposals">
        {proposals.data?.items.map((p) => <ProposalCard key={p.id} proposal={p} />)}
      </ol>
      {proposals.data?.items.length === 0 && <p className="muted">None matches.</p>}
      <nav className="pager" aria-label="Pages">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>Newer</button>
        <button type="button" disabled={offset + 50 >= total} onClick={() => setOffset(offset + 50)}>Older</button>
      </nav>
    </div>
  );
}

function ProposalCard({ proposal: p }: { proposal: ProposalRow }) {
  const [open, setOpen] = useState(false);
  const detail = useProposal(p.id, open);
  return (
    <li className="proposal" aria-label={`${p.proposer.join(' and ')}: ${p.subject}`}>
      <h2>{p.subject} <span className={`status ${p.status}`}>{p.status}</span></h2>
      <p className="muted small">{p.proposer.join(' + ')} → {p.addressee ?? 'no addressee named'} · {p.sources} source{p.sources === 1 ? '' : 's'}</p>
      <ol className="answers" aria-label="From proposal to answers">
        <li className="proposed"><span className="step">{p.proposer.join(' + ')} proposed</span><span className="muted small">{p.firstSeen ?? 'undated'}</span></li>
        {p.responses.map((r) => (
          <li key={`${r.by}:${r.response}`} className={r.response}><span className="step">{r.by ?? 'someone'} {ANSWER_WORD[r.response] ?? r.response}</span><span className="muted small">{r.at ?? 'undated'}</span></li>
        ))}
      </ol>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>Sources and their words</summary>
        <ErrorNote error={detail.error} />
        <ol className="history">
          {detail.data?.history.map((e, i) => (
            <li key={i}>
              <span className="muted small">{e.at ?? 'undated'} · {e.kind === 'proposed' ? 'reported' : `${e.party ?? '?'} ${ANSWER_WORD[e.response ?? ''] ?? e.response}`}</span>{' '}
              <q>{e.evidence}</q>{' '}
              <a href={href(`articles/${e.articleId}`, { fact: e.factId })}>{e.title ?? e.publisher ?? `article ${e.articleId}`}</a>
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
