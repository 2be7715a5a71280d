import { eur } from '../../../shared/format';
import type { SummaryRow } from '../../../shared/types';

const HEIGHT = 140;
const WIDTH = 420;

/** Commitments announced per month, valued in EUR. */
export function Timeline({ rows }: { rows: SummaryRow[] }) {
  const months = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.key)).sort((a, b) => a.key.localeCompare(b.key));
  const max = Math.max(...months.map((m) => m.eur), 0) || 1;
  const step = months.length ? WIDTH / months.length : WIDTH;
  const labelEvery = Math.ceil(months.length / 8);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <header className="panel-head"><h2 id="timeline-title">Monthly timeline</h2></header>
      {months.length === 0 ? (
        <p className="muted">No dated commitments match.</p>
      ) : (
        <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`} role="img" aria-label="Commitments per month in euros">
          {months.map((m, i) => {
            const h = (HEIGHT * m.eur) / max;
            return (
              <g key={m.key}>
                <title>{`${m.key}: ${eur(m.eur)} in ${m.commitments} commitments`}</title>
                <rect x={i * step + 2} y={HEIGHT - h} width={Math.max(step - 4, 1)} height={Math.max(h, 1)} className="bar" />
                {i % labelEvery === 0 && <text x={i * step + step / 2} y={HEIGHT + 14} textAnchor="middle" className="chart-label">{m.key}</text>}
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}
