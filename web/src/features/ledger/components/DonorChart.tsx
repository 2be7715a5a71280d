import { useState } from 'react';
import { eur, party, percent } from '../../../shared/format';
import type { SummaryRow } from '../../../shared/types';

type Metric = 'eur' | 'gdp';
/** Whole commitments (one-off and multi-year) or yearly ones: the two are never added. */
type Basis = 'whole' | 'annual';
const BAR = 20;
const LABEL = 70;
const WIDTH = 420;

/** Totals per donor as horizontal bars, in EUR or in % of the donor's GDP, for whole or yearly commitments. */
export function DonorChart({ rows }: { rows: SummaryRow[] }) {
  const [metric, setMetric] = useState<Metric>('eur');
  const [basis, setBasis] = useState<Basis>('whole');
  const figures = (r: SummaryRow) => (basis === 'whole' ? r : r.byPeriod.annual);
  const value = (r: SummaryRow) => (metric === 'eur' ? figures(r).eur : figures(r).gdpShare ?? 0);
  const shown = [...rows].filter((r) => value(r) > 0).sort((a, b) => value(b) - value(a)).slice(0, 15);
  const max = Math.max(...shown.map(value), 0) || 1;
  const label = (r: SummaryRow) => `${metric === 'eur' ? eur(figures(r).eur) : percent(figures(r).gdpShare)}${basis === 'annual' ? ' a year' : ''}`;
  return (
    <section className="panel" aria-labelledby="donor-chart-title">
      <header className="panel-head">
        <h2 id="donor-chart-title">Totals by donor</h2>
        <div className="toggle" role="group" aria-label="Measure">
          <button type="button" aria-pressed={metric === 'eur'} onClick={() => setMetric('eur')}>EUR</button>
          <button type="button" aria-pressed={metric === 'gdp'} onClick={() => setMetric('gdp')}>% of GDP</button>
        </div>
        <div className="toggle" role="group" aria-label="Period">
          <button type="button" aria-pressed={basis === 'whole'} onClick={() => setBasis('whole')}>Whole</button>
          <button type="button" aria-pressed={basis === 'annual'} onClick={() => setBasis('annual')}>Per year</button>
        </div>
      </header>
      {shown.length === 0 ? (
        <p className="muted">No valued commitments match.</p>
      ) : (
        <svg className="chart" viewBox={`0 0 ${WIDTH} ${shown.length * BAR + 4}`} role="img" aria-label={`Totals by donor in ${metric === 'eur' ? 'euros' : 'percent of GDP'}`}>
          {shown.map((r, i) => {
            const w = ((WIDTH - LABEL - 80) * value(r)) / max;
            return (
              <g key={r.key} transform={`translate(0 ${i * BAR})`} data-donor={r.key}>
                <title>{`${party(r.key)}: ${eur(figures(r).eur)} · ${percent(figures(r).gdpShare)} of GDP${basis === 'annual' ? ' a year' : ''} · ${figures(r).commitments} commitments`}</title>
                <text x={LABEL - 6} y={BAR / 2 + 4} textAnchor="end" className="chart-label">{r.key}</text>
                <rect x={LABEL} y={3} width={Math.max(w, 1)} height={BAR - 6} className="bar" />
                <text x={LABEL + w + 6} y={BAR / 2 + 4} className="chart-value" data-testid={`donor-total-${r.key}`}>{label(r)}</text>
              </g>
            );
          })}
        </svg>
      )}
      <p className="muted small">
        Yearly figures (period “annual”) are shown apart from whole commitments, never added to them. Running totals a source reports
        (period “cumulative”) are listed in the table but not added here: they restate commitments already counted.
      </p>
    </section>
  );
}
