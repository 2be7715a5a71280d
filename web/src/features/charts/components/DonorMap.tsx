import * as Plot from '@observablehq/plot';
import type { FeatureCollection, Geometry } from 'geojson';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ErrorNote } from '../../../shared/ErrorNote';
import { eur, party } from '../../../shared/format';
import type { SummaryRow } from '../../../shared/types';
import { Figure } from './Figure';

type Metric = 'eur' | 'gdp';
type Countries = FeatureCollection<Geometry, { name: string }>;

/** Natural Earth's countries at 1:110m (world-atlas), shipped in the bundle and loaded when the map is first drawn. */
async function loadCountries(): Promise<Countries> {
  const { default: topology } = (await import('world-atlas/countries-110m.json')) as unknown as { default: Topology<{ countries: GeometryCollection<{ name: string }> }> };
  return feature(topology, topology.objects.countries) as Countries;
}

/** Donors on a world map, shaded by whole commitments in EUR or in % of their GDP. */
export function DonorMap({ rows }: { rows: SummaryRow[] }) {
  const [metric, setMetric] = useState<Metric>('eur');
  const [countries, setCountries] = useState<Countries | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadCountries().then(setCountries, setError);
  }, []);
  const value = useCallback((r: SummaryRow) => (metric === 'eur' ? r.eur : r.gdpShare), [metric]);
  const byCode = useMemo(() => new Map(rows.filter((r) => /^[A-Z]{2}$/.test(r.key) && (value(r) ?? 0) > 0).map((r) => [r.key, value(r)!])), [rows, value]);
  const data = useMemo(() => [...byCode.entries()].sort((a, b) => b[1] - a[1]).map(([code, v]) => ({ donor: party(code), code, [metric === 'eur' ? 'eur' : 'gdpPercent']: v })), [byCode, metric]);
  const draw = useCallback((width: number) => {
    const codeOf = (f: Countries['features'][number]) => (f.id === undefined ? undefined : numericToAlpha2(String(f.id).padStart(3, '0')));
    const label = (v: number) => (metric === 'eur' ? eur(v) : `${v.toFixed(3)} %`);
    return Plot.plot({
      width, height: Math.round(width * 0.52),
      projection: 'equal-earth',
      // a log scale: a few donors give most; its legend labels the powers of ten only
      color: { type: 'log', scheme: 'blues', legend: true, label: metric === 'eur' ? 'EUR committed' : '% of GDP', tickFormat: (v: number) => (Number.isInteger(Math.round(Math.log10(v) * 1e6) / 1e6) ? label(v) : ''), unknown: '#eceff1' },
      marks: [
        Plot.geo(countries!, { fill: (f) => byCode.get(codeOf(f) ?? '') ?? null, stroke: '#fff', strokeWidth: 0.5, title: (f) => { const v = byCode.get(codeOf(f) ?? ''); return `${f.properties.name}${v === undefined ? '' : `: ${label(v)}`}`; } }),
        Plot.sphere({ stroke: '#c3cbd3' }),
      ],
    });
  }, [countries, byCode, metric]);
  return (
    <>
      <div className="toggle map-metric" role="group" aria-label="Map shading">
        <button type="button" aria-pressed={metric === 'eur'} onClick={() => setMetric('eur')}>Map in EUR</button>
        <button type="button" aria-pressed={metric === 'gdp'} onClick={() => setMetric('gdp')}>Map in % of GDP</button>
      </div>
      <ErrorNote error={error} />
      {countries && <Figure id="map" title={metric === 'eur' ? 'Donors by whole commitments in EUR' : 'Donors by whole commitments in % of GDP'} draw={draw} data={data} note="States only; bodies such as the EU are in the bar charts. Natural Earth 1:110m boundaries (world-atlas)." />}
    </>
  );
}
