import { lazy, Suspense, useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { eur } from '../../../shared/format';
import { href, useRoute } from '../../../shared/router';
import { useDebounced } from '../../../shared/useDebounced';
import { exportLedger, filtersFromParams, PAGE_SIZE, type LedgerFilters, type Sort } from '../api';
import { DEFAULT_SORT, useCommitments, useFoldCorrections, useSummary } from '../queries';
import { DonorChart } from './DonorChart';
import { LedgerFiltersForm } from './LedgerFiltersForm';
import { LedgerTable } from './LedgerTable';
import { useFlows } from '../../charts/queries';
import { useFiltersInAddress } from '../useFiltersInAddress';
import { SinceLastVisit, useSinceLastVisit } from '../../sources/components/SinceLastVisit';

// the timeline draws with the charting library, loaded after the first screen
const MonthlyChart = lazy(() => import('../../charts/components/MonthlyChart').then((m) => ({ default: m.MonthlyChart })));

export function LedgerPage() {
  const route = useRoute();
  const [filters, setFilters] = useState<LedgerFilters>(() => filtersFromParams(route.params));
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [page, setPage] = useState(0);
  const [exportError, setExportError] = useState<unknown>(null);
  const settled = useDebounced(filters);
  const rows = useCommitments(settled, sort, page);
  const corrections = useFoldCorrections();
  const byDonor = useSummary(settled, 'donor');
  const byMonth = useFlows(settled);
  const total = byDonor.data?.reduce((n, r) => n + r.commitments, 0) ?? 0;
  const totalEur = byDonor.data?.reduce((n, r) => n + r.eur, 0) ?? 0;
  const yearlyEur = byDonor.data?.reduce((n, r) => n + r.byPeriod.annual.eur, 0) ?? 0;
  const sinceVisit = useSinceLastVisit();

  useFiltersInAddress('ledger', settled);

  const changeFilters = (next: LedgerFilters) => {
    setFilters(next);
    setPage(0);
  };
  const runExport = (format: 'csv' | 'xlsx') => {
    setExportError(null);
    exportLedger(settled, format).catch(setExportError);
  };

  return (
    <div className="page ledger-page">
      <header className="page-head">
        <h1>Ledger</h1>
        <p className="muted" data-testid="ledger-total">{total.toLocaleString('en')} commitment{total === 1 ? '' : 's'} · {eur(totalEur)} valued{yearlyEur > 0 ? ` · ${eur(yearlyEur)} a year besides` : ''}</p>
        <div className="actions">
          <button type="button" onClick={() => runExport('csv')}>Export CSV</button>
          <button type="button" onClick={() => runExport('xlsx')}>Export XLSX</button>
        </div>
      </header>
      <ErrorNote error={exportError} />
      <SinceLastVisit state={sinceVisit} />
      <LedgerFiltersForm filters={filters} onChange={changeFilters} />
      <ErrorNote error={rows.error ?? byDonor.error ?? byMonth.error} />
      {/* the first screen is drawn once, when all three answers are in: one layout instead of three */}
      {byDonor.data && byMonth.data && (
        <div className="charts">
          <DonorChart rows={byDonor.data} />
          <Suspense fallback={<section className="panel"><p className="muted">Loading the timeline…</p></section>}><MonthlyChart flows={byMonth.data} /></Suspense>
        </div>
      )}
      {rows.data && byDonor.data && byMonth.data && (
        <div aria-busy={rows.isPlaceholderData} className={rows.isPlaceholderData ? 'stale' : undefined} data-testid="ledger-rows">
          <ErrorNote error={corrections.error} />
          {rows.data.length === 0 ? <p className="muted">No commitments match these filters.</p> : (
            <LedgerTable
              rows={rows.data} changed={sinceVisit.marks} sort={sort} onSort={(s) => { setSort(s); setPage(0); }} busy={corrections.busy}
              onMerge={(id, into) => corrections.merge.mutate({ id, into })} onSplit={(id, factId) => corrections.split.mutate({ id, factId })}
            />
          )}
          <nav className="pager" aria-label="Ledger pages">
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
            <span>Page {page + 1}{total ? ` of ${Math.max(1, Math.ceil(total / PAGE_SIZE))}` : ''}</span>
            <button type="button" disabled={rows.data.length < PAGE_SIZE} onClick={() => setPage(page + 1)}>Next</button>
          </nav>
        </div>
      )}
      {(rows.isPending || byDonor.isPending || byMonth.isPending) && <p className="muted">Loading…</p>}
    </div>
  );
}
