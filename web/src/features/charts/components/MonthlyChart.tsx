import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { eur } from '../../../shared/format';
import type { MonthFlow } from '../../../shared/types';
import { Figure } from './Figure';

export const euro = (v: number) => eur(v);
export const monthDate = (m: string) => new Date(`${m}-01T00:00:00Z`);

const monthName = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
/** "Jan" under each month, the year under the first tick and under each January. */
const monthTick = (d: Date, i: number) => (i === 0 || d.getUTCMonth() === 0 ? `${monthName.format(d)}\n${d.getUTCFullYear()}` : monthName.format(d));

/** A time axis of months: a tick a month for a year, a quarter for three, else a year. */
export function monthAxis(months: number) {
  return months <= 12 ? { ticks: 'month', tickFormat: monthTick } : months <= 36 ? { ticks: '3 months', tickFormat: monthTick } : { ticks: 'year', tickFormat: '%Y' };
}

/** EUR committed per month on a continuous time axis with a value axis: the ledger's timeline, and the first of the charts. */
export function MonthlyChart({ flows }: { flows: MonthFlow[] }) {
  const draw = useCallback((width: number) => Plot.plot({
    width, height: 260, marginLeft: 64,
    x: { type: 'utc', label: null, ...monthAxis(flows.length) },
    y: { label: 'EUR committed', grid: true, tickFormat: euro },
    marks: [
      Plot.rectY(flows, { x: (d) => monthDate(d.month), y: 'committed', interval: 'month', fill: '#1f5fa8', title: (d) => `${d.month}: ${eur(d.committed)} committed` }),
      Plot.ruleY([0]),
    ],
  }), [flows]);
  return <Figure id="monthly" title="Committed per month" draw={draw} data={flows} empty="No dated commitments match." note="Every month from the first to the last commitment, empty months included; by announcement date (undated commitments are left out)." />;
}
