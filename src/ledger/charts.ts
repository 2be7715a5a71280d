// What the workbench's charts draw, added up by the database: totals by donor split by
// category, and per month what was committed and what was delivered. Whole figures only
// (one-off and multi-year): yearly figures are per year, and running totals restate
// commitments already counted, so neither is added here.
import { sql } from 'kysely';
import type { Db } from '../store/schema.js';
import { filtered, type LedgerFilter } from './query.js';

export interface CategoryTotal {
  donor: string | null;
  category: string;
  eur: number;
  commitments: number;
}

export interface MonthFlow {
  /** `YYYY-MM`; every month from the first to the last, those with nothing included. */
  month: string;
  /** EUR of the commitments announced that month. */
  committed: number;
  /** EUR of what was reported delivered that month: a row's value in the share of its amount delivered. */
  delivered: number;
}

/** Rows whose figures are whole commitments: neither yearly nor a running total. */
const whole = (db: Db, filter: LedgerFilter) =>
  filtered(db, filter).where((eb) => eb.or([eb('period', 'is', null), eb('period', 'not in', ['annual', 'cumulative'])]));

export async function totalsByDonorAndCategory(db: Db, filter: LedgerFilter = {}): Promise<CategoryTotal[]> {
  const rows = await whole(db, filter)
    .where('eur', 'is not', null)
    .select(['donor', 'category', sql<number>`sum(eur)`.as('eur'), sql<number>`count(*)`.as('n')])
    .groupBy(['donor', 'category'])
    .execute();
  return rows.map((r) => ({ donor: r.donor, category: r.category, eur: Number(r.eur), commitments: Number(r.n) })).sort((a, b) => b.eur - a.eur);
}

export async function monthlyFlows(db: Db, filter: LedgerFilter = {}): Promise<MonthFlow[]> {
  const month = (column: 'announced' | 'delivered_on') => sql<string>`substr(${sql.ref(column)}, 1, 7)`;
  const committed = await whole(db, filter)
    .where('eur', 'is not', null)
    .where('announced_precision', 'in', ['day', 'month'])
    .select([month('announced').as('month'), sql<number>`sum(eur)`.as('eur')])
    .groupBy(month('announced'))
    .execute();
  // a partial delivery counts its share of the row's value; more than was pledged counts the whole
  const share = sql<number>`case when amount > 0 and delivered < amount then eur * delivered / amount else eur end`;
  const delivered = await whole(db, filter)
    .where('eur', 'is not', null)
    .where('delivered', 'is not', null)
    .where('delivered_on', 'is not', null)
    .select([month('delivered_on').as('month'), sql<number>`sum(${share})`.as('eur')])
    .groupBy(month('delivered_on'))
    .execute();
  const byMonth = new Map<string, MonthFlow>();
  const at = (m: string) => byMonth.get(m) ?? byMonth.set(m, { month: m, committed: 0, delivered: 0 }).get(m)!;
  for (const r of committed) if (/^\d{4}-\d{2}$/.test(r.month)) at(r.month).committed += Number(r.eur);
  for (const r of delivered) if (/^\d{4}-\d{2}$/.test(r.month)) at(r.month).delivered += Number(r.eur);
  const months = [...byMonth.keys()].sort();
  if (months.length === 0) return [];
  // the months between with nothing are part of the time axis
  for (let m = months[0]; m < months[months.length - 1]; m = nextMonth(m)) at(m);
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
