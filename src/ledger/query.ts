// The ledger as analysts read it: folded commitments with their EUR value, share of the
// donor's GDP and every source that reports them.
import type { Db } from '../store/repositories.js';
import { sql } from 'kysely';
import { valueCommitment } from './money.js';

export interface LedgerFilter {
  donor?: string;
  /** Any of these donors (an organization's members and the organization itself). */
  donors?: string[];
  recipient?: string;
  category?: string;
  status?: string;
  period?: string;
  since?: string;
  until?: string;
  /** Fixed GDP base year for %GDP values, instead of the year of the announcement. */
  gdpYear?: number;
  limit?: number;
  /** Only commitments with at least one accepted (or edited) source fact. */
  reviewedOnly?: boolean;
  /** Leave out the sources (for totals). */
  withoutSources?: boolean;
  offset?: number;
  /** Column to order by (default: newest announcement first). */
  sort?: LedgerSort;
  descending?: boolean;
}

export const LEDGER_SORTS = ['announced', 'donor', 'recipient', 'category', 'status', 'amount', 'period'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

export interface LedgerSource {
  articleId: number;
  url: string | null;
  evidence: string;
}

export interface LedgerRow {
  id: number;
  donor: string | null;
  recipient: string | null;
  amount: number | null;
  unit: string | null;
  eur: number | null;
  gdpShare: number | null;
  period: string | null;
  category: string;
  status: string;
  item: string | null;
  announced: string | null;
  sources: LedgerSource[];
}

/** The ledger table with the filter applied. */
function filtered(db: Db, filter: LedgerFilter) {
  let q = db.selectFrom('ledger_commitments');
  if (filter.donor) q = q.where('donor', '=', filter.donor);
  if (filter.donors) q = q.where('donor', 'in', filter.donors);
  if (filter.recipient) q = q.where('recipient', '=', filter.recipient);
  if (filter.category) q = q.where('category', '=', filter.category);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.period) q = q.where('period', '=', filter.period);
  if (filter.since) q = q.where('announced', '>=', filter.since);
  if (filter.until) q = q.where('announced', '<=', filter.until);
  if (filter.reviewedOnly) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('commitment_sources')
          .innerJoin('facts', 'facts.id', 'commitment_sources.fact_id')
          .select('facts.id')
          .whereRef('commitment_sources.ledger_id', '=', 'ledger_commitments.id')
          .where('facts.review_status', 'in', ['accepted', 'edited']),
      ),
    );
  }
  return q;
}

export async function ledgerRows(db: Db, filter: LedgerFilter = {}): Promise<LedgerRow[]> {
  const sort = filter.sort ?? 'announced';
  const direction = (filter.descending ?? sort === 'announced') ? 'desc' : 'asc';
  const rows = await filtered(db, filter).selectAll().orderBy(sort, direction).orderBy('id').limit(filter.limit ?? 100_000).offset(filter.offset ?? 0).execute();
  const sources = new Map<number, LedgerSource[]>();
  for (let i = 0; i < (filter.withoutSources ? 0 : rows.length); i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const found = await db
      .selectFrom('commitment_sources')
      .innerJoin('facts', 'facts.id', 'commitment_sources.fact_id')
      .innerJoin('articles', 'articles.id', 'commitment_sources.article_id')
      .select(['commitment_sources.ledger_id', 'articles.id as articleId', 'articles.url', 'facts.evidence'])
      .where('commitment_sources.ledger_id', 'in', ids)
      .orderBy('articles.id')
      .execute();
    for (const s of found) {
      const list = sources.get(s.ledger_id) ?? [];
      list.push({ articleId: s.articleId, url: s.url, evidence: s.evidence });
      sources.set(s.ledger_id, list);
    }
  }
  return rows.map((r) => {
    const year = Number((r.announced ?? r.updated_at).slice(0, 4));
    const { eur, gdpShare } = valueCommitment(r, year, filter.gdpYear);
    return {
      id: r.id, donor: r.donor, recipient: r.recipient, amount: r.amount, unit: r.unit, eur, gdpShare, period: r.period, category: r.category,
      status: r.status, item: r.item, announced: r.announced, sources: sources.get(r.id) ?? [],
    };
  });
}

export interface SummaryRow {
  key: string;
  commitments: number;
  eur: number;
  /** By donor: the total as a percent of the donor's GDP (each amount on its year's GDP); null when unknown or not by donor. */
  gdpShare: number | null;
}

/** Totals for charts: EUR and number of commitments by donor, category or month of announcement, running totals left out. */
export async function ledgerSummary(db: Db, by: 'donor' | 'category' | 'month', filter: LedgerFilter = {}): Promise<SummaryRow[]> {
  // the database groups; each group (key, donor, unit, year) is then valued once, so the cost does not grow with the ledger's rows
  const key = by === 'donor' ? sql<string>`donor` : by === 'category' ? sql<string>`category` : sql<string>`substr(announced, 1, 7)`;
  // a running total ("€6 billion so far") restates commitments already counted: listed, not added, unless asked for
  let rows = filtered(db, filter);
  if (filter.period !== 'cumulative') rows = rows.where((eb) => eb.or([eb('period', 'is', null), eb('period', '!=', 'cumulative')]));
  let q = rows
    .select([key.as('key'), 'donor', 'unit', sql<string>`substr(coalesce(announced, updated_at), 1, 4)`.as('year'), sql<number>`sum(amount)`.as('amount'), sql<number>`count(*)`.as('n')])
    .groupBy([key, 'donor', 'unit', sql`substr(coalesce(announced, updated_at), 1, 4)`]);
  if (filter.limit) q = q.limit(filter.limit);
  const groups = await q.execute();
  const totals = new Map<string, SummaryRow>();
  for (const g of groups) {
    const k = g.key ?? 'unknown';
    const t = totals.get(k) ?? { key: k, commitments: 0, eur: 0, gdpShare: null };
    t.commitments += Number(g.n);
    const value = valueCommitment({ donor: g.donor, amount: g.amount === null ? null : Number(g.amount), unit: g.unit }, Number(g.year), filter.gdpYear);
    t.eur += value.eur ?? 0;
    if (by === 'donor' && value.gdpShare !== null) t.gdpShare = (t.gdpShare ?? 0) + value.gdpShare;
    totals.set(k, t);
  }
  return [...totals.values()].sort((a, b) => b.eur - a.eur || a.key.localeCompare(b.key));
}
