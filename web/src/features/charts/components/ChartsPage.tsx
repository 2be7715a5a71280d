import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { eur, party } from '../../../shared/format';
import { useRoute } from '../../../shared/router';
import type { CategoryTotal, MonthFlow, SummaryRow } from '../../../shared/types';
import { useDebounced } from '../../../shared/useDebounced';
import { filtersFromParams, type LedgerFilters } from '../../ledger/api';
import { LedgerFiltersForm } from '../../ledger/components/LedgerFiltersForm';
import { useSummary } from '../../ledger/queries';
import { useFiltersInAddress } from '../../ledger/useFiltersInAddress';
import { useBreakdown, useFlows } from '../queries';
import { DonorMap } from './DonorMap';
import { Figure } from './Figure';
import { euro, monthAxis, monthDate, MonthlyChart } from './MonthlyChart';

/** How many donors the bar charts show: the largest, by whole EUR. */
const TOP_DONORS = 15;
const WHOLE_NOTE = 'Whole commitments (one-off and multi-year) in EUR at the rate of their year. Yearly pledges are per year and running totals restate earlier commitments: neither is added in.';

/** The ledger as charts an analyst would put in a briefing; the ledger's filters apply, and stay in the address. */
export function ChartsPage() {
  const route = useRoute();
  const [filters, setFilters] = useState<LedgerFilters>(() => filtersFromParams(route.params));
  const settled = useDebounced(filters);
  const flows = useFlows(settled);
  const breakdown = useBreakdown(settled);
  const donors = useSummary(settled, 'donor');
  useFiltersInAddress('charts', settled);
  return (
    <div className="page charts-page">
      <header className="page-head">
        <h1>Charts</h1>
        <p className="muted">The ledger drawn over time, by donor, by category and on a map. Each chart saves as SVG or PNG, its figures as CSV.</p>
      </header>
      <LedgerFiltersForm filters={filters} onChange={setFilters} />
      <ErrorNote error={flows.error ?? breakdown.error ?? donors.error} />
      {flows.data && <FlowCharts flows={flows.data} />}
      {breakdown.data && <CategoryChart totals={breakdown.data} />}
      {donors.data && <PeriodCharts rows={donors.data} />}
      {donors.data && <DonorMap rows={donors.data} />}
      {(flows.isPending || breakdown.isPending || donors.isPending) && <p className="muted">Loading…</p>}
    </div>
  );
}

function FlowCharts({ flows }: { flows: MonthFlow[] }) {
  const cumulative = useMemo(() => {
    let committed = 0;
    let delivered = 0;
    return flows.map((f) => ({ month: f.month, committed: (committed += f.committed), delivered: (delivered += f.delivered) }));
  }, [flows]);
  const drawCumulative = useCallback((width: number) => {
    const series = cumulative.flatMap((d) => [
      { month: d.month, what: 'committed', eur: d.committed },
      { month: d.month, what: 'delivered', eur: d.delivered },
    ]);
    return Plot.plot({
      width, height: 260, marginLeft: 64,
      x: { type: 'utc', label: null, ...monthAxis(cumulative.length) },
      y: { label: 'EUR, running total', grid: true, tickFormat: euro },
      color: { legend: true, domain: ['committed', 'delivered'], range: ['#1f5fa8', '#2e8540'] },
      marks: [
        Plot.lineY(series, { x: (d) => monthDate(d.month), y: 'eur', stroke: 'what', curve: 'step-after', strokeWidth: 2, tip: true }),
        Plot.ruleY([0]),
      ],
    });
  }, [cumulative]);
  return (
    <div className="charts">
      <MonthlyChart flows={flows} />
      <Figure id="cumulative" title="Committed and delivered, running totals" draw={drawCumulative} data={cumulative} note="Delivered counts each delivery when it was reported, a partial delivery at its share of the pledge. Filter by donor for one donor's line." />
    </div>
  );
}

function CategoryChart({ totals }: { totals: CategoryTotal[] }) {
  const rows = useMemo(() => {
    const byDonor = new Map<string, number>();
    for (const t of totals) byDonor.set(t.donor ?? '?', (byDonor.get(t.donor ?? '?') ?? 0) + t.eur);
    const top = new Set([...byDonor.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_DONORS).map(([d]) => d));
    return totals.filter((t) => top.has(t.donor ?? '?')).map((t) => ({ donor: party(t.donor), category: t.category, eur: t.eur, commitments: t.commitments }));
  }, [totals]);
  const draw = useCallback((width: number) => Plot.plot({
    width, height: 28 * new Set(rows.map((r) => r.donor)).size + 60, marginLeft: 170,
    x: { label: 'EUR', grid: true, tickFormat: euro },
    y: { label: null },
    color: { legend: true, scheme: 'tableau10' },
    marks: [
      Plot.barX(rows, Plot.stackX({ x: 'eur', y: 'donor', fill: 'category', sort: { y: '-x' }, title: (d) => `${d.donor}, ${d.category}: ${eur(d.eur)} in ${d.commitments} commitments` })),
      Plot.ruleX([0]),
    ],
  }), [rows]);
  return <Figure id="by-category" title={`Totals by donor and category (largest ${TOP_DONORS})`} draw={draw} data={rows} note={WHOLE_NOTE} />;
}

function PeriodCharts({ rows }: { rows: SummaryRow[] }) {
  const byKind = useMemo(() => {
    const top = [...rows].sort((a, b) => b.eur + b.byPeriod.annual.eur - (a.eur + a.byPeriod.annual.eur)).slice(0, TOP_DONORS);
    return top.flatMap((r) => (['one-off', 'multi-year', 'annual'] as const)
      .filter((kind) => r.byPeriod[kind].eur > 0)
      .map((kind) => ({ donor: party(r.key), kind, basis: kind === 'annual' ? 'a year (annual pledges)' : 'whole (one-off and multi-year)', eur: r.byPeriod[kind].eur })));
  }, [rows]);
  const gdp = useMemo(() => rows.filter((r) => r.gdpShare !== null && r.gdpShare > 0).sort((a, b) => b.gdpShare! - a.gdpShare!).slice(0, TOP_DONORS)
    .map((r) => ({ donor: party(r.key), gdpPercent: r.gdpShare!, annualGdpPercent: r.byPeriod.annual.gdpShare ?? 0 })), [rows]);
  const drawKinds = useCallback((width: number) => Plot.plot({
    width, height: 28 * new Set(byKind.map((r) => r.donor)).size + 70, marginLeft: 170,
    fx: { label: null },
    x: { label: 'EUR', grid: true, tickFormat: euro },
    y: { label: null },
    color: { legend: true, domain: ['one-off', 'multi-year', 'annual'], range: ['#1f5fa8', '#7aa6d8', '#d98c1f'] },
    marks: [
      Plot.barX(byKind, Plot.stackX({ x: 'eur', y: 'donor', fx: 'basis', fill: 'kind', sort: { y: '-x' }, title: (d) => `${d.donor}: ${eur(d.eur)} ${d.kind}` })),
      Plot.ruleX([0]),
    ],
  }), [byKind]);
  const drawGdp = useCallback((width: number) => Plot.plot({
    width, height: 28 * gdp.length + 50, marginLeft: 170, marginRight: 64,
    x: { label: '% of the donor’s GDP', grid: true },
    y: { label: null },
    marks: [
      Plot.barX(gdp, { x: 'gdpPercent', y: 'donor', fill: '#1f5fa8', sort: { y: '-x' }, title: (d) => `${d.donor}: ${d.gdpPercent.toFixed(3)} % of GDP` }),
      Plot.text(gdp, { x: 'gdpPercent', y: 'donor', text: (d) => `${d.gdpPercent.toFixed(3)} %`, dx: 4, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  }), [gdp]);
  return (
    <div className="charts">
      <Figure id="by-period" title="Whole and yearly commitments by donor" draw={drawKinds} data={byKind} note="Yearly pledges are drawn apart, per year: adding them to whole commitments would count a year as if it were the total." />
      <Figure id="gdp" title="Whole commitments in % of the donor’s GDP" draw={drawGdp} data={gdp} note="Each commitment against the donor’s GDP of its year (World Bank)." />
    </div>
  );
}
