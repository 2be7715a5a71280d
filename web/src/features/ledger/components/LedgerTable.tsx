import { Fragment, useState } from 'react';
import { amount, eur, party, percent } from '../../../shared/format';
import { href } from '../../../shared/router';
import type { LedgerRow } from '../../../shared/types';
import type { Sort, SortColumn } from '../api';

const COLUMNS: Array<{ key: SortColumn | null; label: string }> = [
  { key: 'donor', label: 'Donor' }, { key: 'recipient', label: 'Recipient' }, { key: 'amount', label: 'Amount' }, { key: 'eur', label: 'EUR' },
  { key: 'gdpShare', label: '% GDP' }, { key: 'period', label: 'Period' }, { key: 'category', label: 'Category' }, { key: 'status', label: 'Status' },
  { key: 'announced', label: 'Announced' }, { key: null, label: 'Sources' },
];

interface Props {
  rows: LedgerRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
}

/** Folded commitments; a row opens to show every source that reports it. */
export function LedgerTable({ rows, sort, onSort }: Props) {
  const [open, setOpen] = useState<number | null>(null);
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
              <tr className={open === r.id ? 'open' : undefined}>
                <td>{party(r.donor)}</td>
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
                  <button type="button" className="link" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
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
                          <q>{s.evidence}</q> — <a href={href(`articles/${s.articleId}`)}>article {s.articleId}</a>
                          {s.url && <> · <a href={s.url} target="_blank" rel="noopener noreferrer">{s.publisher ?? 'original'}</a></>}
                          {` · ${s.stage}`}
                        </li>
                      ))}
                    </ul>
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
