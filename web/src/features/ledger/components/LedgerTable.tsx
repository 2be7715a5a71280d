import { Fragment, useState } from 'react';
import { amount, eur, party, percent } from '../../../shared/format';
import { href } from '../../../shared/router';
import type { LedgerRow } from '../../../shared/types';
import type { Sort, SortColumn } from '../api';
import { changeLabel } from '../../sources/components/SinceLastVisit';
import type { LedgerChange } from '../../sources/api';

const COLUMNS: Array<{ key: SortColumn | null; label: string }> = [
  { key: 'donor', label: 'Donor' }, { key: 'recipient', label: 'Recipient' }, { key: 'amount', label: 'Amount' }, { key: 'eur', label: 'EUR' },
  { key: 'gdpShare', label: '% GDP' }, { key: 'period', label: 'Period' }, { key: 'category', label: 'Category' }, { key: 'status', label: 'Status' },
  { key: 'announced', label: 'Announced' }, { key: null, label: 'Sources' },
];

interface Props {
  rows: LedgerRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** A reviewer's corrections of the fold: join a row into another, take a source off its row. */
  onMerge: (id: number, into: number) => void;
  onSplit: (id: number, factId: number) => void;
  busy: boolean;
  /** Rows changed since the reviewer's last visit, with the latest kind of change. */
  changed?: Map<number, LedgerChange['kind']>;
}

const rowLabel = (r: LedgerRow) => `${party(r.donor)} → ${party(r.recipient)}, ${amount(r.amount, r.unit)}${r.item ? ` ${r.item}` : ''}, ${r.announced ?? 'undated'}`;

/** Folded commitments; a row opens to show every source that reports it, where a reviewer can correct the fold. */
export function LedgerTable({ rows, sort, onSort, onMerge, onSplit, busy, changed }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  const [mergeInto, setMergeInto] = useState('');
  const sortBy = (column: SortColumn) => onSort({ column, descending: sort.column === column ? !sort.descending : column === 'announced' });
  return (
    <div className="table-wrap">
      <table className="ledger">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.label} scope="col" aria-sort={c.key && sort.column === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                {c.key ? (
                  <button type="button" className="sort" onClick={() => sortBy(c.key!)}>
                    {c.label}{sort.column === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                ) : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.id}>
              <tr className={[open === r.id ? 'open' : '', changed?.has(r.id) ? 'changed' : ''].join(' ').trim() || undefined}>
                <td>
                  {party(r.donor)}
                  {changed?.has(r.id) && <span className={`change change-${changed.get(r.id)}`} title="since your last visit">{changeLabel(changed.get(r.id)!)}</span>}
                </td>
                <td>{party(r.recipient)}</td>
                <td>
                  {amount(r.amount, r.unit)}{r.item ? ` ${r.item}` : ''}
                  {r.delivered !== null && (r.status !== 'delivered' || r.delivered !== r.amount) ? <span className="delivered"> · {amount(r.delivered, r.unit)} delivered</span> : null}
                </td>
                <td className="num" title={r.valuation === 'estimate' ? 'estimated from the price list of items' : undefined}>{r.valuation === 'estimate' ? '≈ ' : ''}{eur(r.eur)}</td>
                <td className="num">{percent(r.gdpShare)}</td>
                <td>{r.period ?? '—'}</td>
                <td>{r.category}</td>
                <td><span className={`status status-${r.status}`}>{r.status}</span></td>
                <td title={r.announcedPrecision === 'unknown' ? 'no date in the sentence or the article' : `known to the ${r.announcedPrecision}`}>{r.announced ?? 'undated'}</td>
                <td>
                  <button type="button" className="link" aria-expanded={open === r.id} onClick={() => { setOpen(open === r.id ? null : r.id); setMergeInto(''); }}>
                    {r.sources.length} source{r.sources.length === 1 ? '' : 's'}
                  </button>
                </td>
              </tr>
              {open === r.id && (
                <tr className="sources">
                  <td colSpan={COLUMNS.length}>
                    <p className="stages">
                      {r.stages.map((st) => `${st.stage}${st.amount !== null ? ` ${amount(st.amount, r.unit)}` : ''}${st.date ? ` (${st.date})` : ''}${st.reviewed ? ` — set by ${st.reviewed.actor}: “${st.reviewed.evidence}”` : ''}`).join(' → ')}
                    </p>
                    <ul>
                      {r.sources.map((s, i) => (
                        <li key={`${s.articleId}-${i}`}>
                          <q>{s.evidence}</q> — <a href={href(`articles/${s.articleId}`, { fact: s.factId })}>article {s.articleId}</a>
                          {s.url && <> · <a href={s.url} target="_blank" rel="noopener noreferrer">{s.publisher ?? 'original'}</a></>}
                          {` · ${s.stage}`}
                          {new Set(r.sources.map((x) => x.factId)).size > 1 && (
                            <button type="button" className="link" disabled={busy} onClick={() => onSplit(r.id, s.factId)}>Split off</button>
                          )}
                        </li>
                      ))}
                    </ul>
                    {rows.length > 1 && (
                      <form className="merge" onSubmit={(e) => { e.preventDefault(); if (mergeInto) onMerge(r.id, Number(mergeInto)); }}>
                        <label>
                          Same commitment as{' '}
                          <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} aria-label="Row to merge this one into">
                            <option value="">choose a row…</option>
                            {rows.filter((o) => o.id !== r.id).map((o) => <option key={o.id} value={o.id}>{rowLabel(o)}</option>)}
                          </select>
                        </label>
                        <button type="submit" disabled={busy || !mergeInto}>Merge into it</button>
                      </form>
                    )}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
