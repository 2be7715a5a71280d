// The ledger as analysts read it: folded commitments with their EUR value, share of the
// donor's GDP and every source that reports them.
import type { DatePrecision, Db, Valuation } from '../store/schema.js';
import { sql } from 'kysely';
import { stagesOf, type StageReport, type StageSummary } from './fold.js';
import { euShareKey, gdpEur, SHARED_EU_DONORS, valueCommitment } from './money.js';

export interface LedgerFilter {
  /** One row. */
  id?: number;
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
  /** Totals by donor: the EU institutions' commitments shared out to the member states by their GDP (see eu-share.json). */
  euShared?: boolean;
  /** Column to order by (default: newest announcement first). */
  sort?: LedgerSort;
  descending?: boolean;
}

export const LEDGER_SORTS = ['announced', 'donor', 'recipient', 'category', 'status', 'amount', 'period', 'eur', 'gdpShare'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/** One source of a row: one article revision at one address (an article without one is listed once, with no URL). */
export interface LedgerSource {
  /** The fact that reports the commitment (a reviewer can split it off the row). */
  factId: number;
  articleId: number;
  url: string | null;
  publisher: string | null;
  evidence: string;
  stage: string;
  announced: string | null;
}

export interface LedgerStage extends StageSummary {
  /** Set by a reviewer rather than reported: with the evidence they gave. */
  reviewed?: { actor: string; evidence: string; at: string };
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
  announcedPrecision: DatePrecision;
  /** `reported` when the sources give money or %GDP, `estimate` when items were priced from the price list. */
  valuation: Valuation | null;
  /** The amount or quantity reported delivered so far. */
  delivered: number | null;
  deliveredOn: string | null;
  stages: LedgerStage[];
  sources: LedgerSource[];
}

/** The ledger table with the filter applied. */
export function filtered(db: Db, filter: LedgerFilter) {
  let q = db.selectFrom('ledger_commitments');
  if (filter.id) q = q.where('id', '=', filter.id);
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
  const column = sort === 'gdpShare' ? 'gdp_share' : sort;
  const direction = (filter.descending ?? sort === 'announced') ? 'desc' : 'asc';
  // rows without a value sort last either way; ties in the same direction, so one index serves both
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy(column, (o) => (direction === 'desc' ? o.desc() : o.asc()).nullsLast())
    .orderBy('id', direction)
    .limit(filter.limit ?? 100_000)
    .offset(filter.offset ?? 0)
    .execute();
  const { sources, stages } = filter.withoutSources ? { sources: new Map(), stages: new Map() } : await sourcesAndStages(db, rows.map((r) => r.id));
  return rows.map((r) => {
    // a fixed GDP base year is an option of the query; the stored figures use the announcement's year
    const { eur, gdpShare } = filter.gdpYear && r.valuation === 'reported' ? valueCommitment(r, Number((r.announced ?? r.updated_at).slice(0, 4)), filter.gdpYear) : { eur: r.eur, gdpShare: r.gdp_share };
    return {
      id: r.id, donor: r.donor, recipient: r.recipient, amount: r.amount, unit: r.unit, eur, gdpShare, period: r.period, category: r.category,
      status: r.status, item: r.item, announced: r.announced, announcedPrecision: r.announced_precision ?? 'unknown', valuation: r.valuation, delivered: r.delivered,
      deliveredOn: r.delivered_on, stages: stages.get(r.id) ?? [], sources: sources.get(r.id) ?? [],
    };
  });
}

/** Every source of the rows, one per article revision and address, and the stages they and the reviewers give. */
async function sourcesAndStages(db: Db, ids: number[]): Promise<{ sources: Map<number, LedgerSource[]>; stages: Map<number, LedgerStage[]> }> {
  const sources = new Map<number, LedgerSource[]>();
  const stages = new Map<number, LedgerStage[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = await db
      .selectFrom('commitment_sources')
      .innerJoin('facts', 'facts.id', 'commitment_sources.fact_id')
      .select(['commitment_sources.ledger_id', 'commitment_sources.fact_id as factId', 'commitment_sources.article_id as articleId', 'facts.evidence', 'commitment_sources.stage', 'commitment_sources.amount', 'commitment_sources.announced'])
      .where('commitment_sources.ledger_id', 'in', chunk)
      .orderBy('commitment_sources.article_id')
      .execute();
    // the addresses apart, by article: joined in, PostgreSQL may hash the whole table of addresses
    const locations = await locationsOf(db, [...new Set(found.map((s) => s.articleId))]);
    const reports = new Map<number, StageReport[]>();
    for (const s of found) {
      const list = sources.get(s.ledger_id) ?? [];
      for (const at of locations.get(s.articleId) ?? [{ url: null, publisher: null }]) list.push({ factId: s.factId, articleId: s.articleId, ...at, evidence: s.evidence, stage: s.stage, announced: s.announced });
      sources.set(s.ledger_id, list);
      (reports.get(s.ledger_id) ?? reports.set(s.ledger_id, []).get(s.ledger_id)!).push({ stage: s.stage, amount: s.amount, announced: s.announced });
    }
    const reviewed = await db.selectFrom('ledger_reviewed_stages').selectAll().where('ledger_id', 'in', chunk).orderBy('id').execute();
    for (const id of chunk) {
      const list: LedgerStage[] = stagesOf(reports.get(id) ?? []);
      for (const r of reviewed.filter((x) => x.ledger_id === id)) {
        list.push({ stage: r.stage, date: r.date, amount: r.amount, sources: 0, reviewed: { actor: r.actor, evidence: r.evidence, at: r.at } });
      }
      stages.set(id, list);
    }
  }
  return { sources, stages };
}

/** The addresses of each article, in the order they were found. */
async function locationsOf(db: Db, articleIds: number[]): Promise<Map<number, Array<{ url: string | null; publisher: string | null }>>> {
  const out = new Map<number, Array<{ url: string | null; publisher: string | null }>>();
  for (let i = 0; i < articleIds.length; i += 500) {
    const rows = await db.selectFrom('article_locations').select(['article_id', 'url', 'source']).where('article_id', 'in', articleIds.slice(i, i + 500)).orderBy('id').execute();
    for (const r of rows) (out.get(r.article_id) ?? out.set(r.article_id, []).get(r.article_id)!).push({ url: r.url, publisher: r.source });
  }
  return out;
}

export interface PeriodTotal {
  commitments: number;
  eur: number;
  /** By donor: percent of the donor's GDP; null when unknown or not by donor. */
  gdpShare: number | null;
}

/** How a figure is counted: a yearly figure is never added to a whole commitment's value. */
export const PERIOD_CLASSES = ['one-off', 'multi-year', 'annual'] as const;
export type PeriodClass = (typeof PERIOD_CLASSES)[number];
const periodClassOf = (period: string | null): PeriodClass => (period === 'annual' || period === 'multi-year' ? period : 'one-off');

export interface SummaryRow extends PeriodTotal {
  key: string;
  /** The top-level value adds one-off and multi-year commitments (whole values); annual ones are per year, apart. The count is of every commitment. */
  byPeriod: Record<PeriodClass, PeriodTotal>;
}

/**
 * Totals for charts by donor, category or month of announcement (undated rows under
 * `undated`): whole values (one-off and multi-year) added up, yearly figures apart, running
 * totals left out unless asked for. Sums the stored valuation of each row, so the database
 * does the work; with a fixed GDP base year, each donor's share is its EUR total over that year's GDP.
 * With `euShared`, a member state's total includes its share of the EU institutions' commitments
 * (each counted once a member: the commitment count is of the EU's rows it shares in).
 */
export async function ledgerSummary(db: Db, by: 'donor' | 'category' | 'month', filter: LedgerFilter = {}): Promise<SummaryRow[]> {

  const shareOut = by === 'donor' && filter.euShared === true;
  // a member's share of the EU's commitments needs the EU's rows, whichever donor was asked for
  let rows = filtered(db, shareOut && filter.donor ? { ...filter, donor: undefined, donors: [filter.donor, ...SHARED_EU_DONORS] } : filter);
  // a running total ("€6 billion so far") restates commitments already counted: listed, not added, unless asked for
  if (filter.period !== 'cumulative') rows = rows.where((eb) => eb.or([eb('period', 'is', null), eb('period', '!=', 'cumulative')]));
  // grouped by stored columns only, each grouping with its covering index (ledger_totals, ledger_totals_category,
  // ledger_totals_day), so that the database adds up in index order instead of sorting the ledger; months are
  // added up from days here. Only totals by donor need the donor and the year (for %GDP and the EU's shares).
  const sums = [sql<number>`sum(eur)`.as('eur'), sql<number>`count(*)`.as('n')] as const;
  const q =
    by === 'donor'
      ? rows.select(['donor as key', 'period', 'donor', 'year', sql<number | null>`sum(gdp_share)`.as('gdp'), ...sums]).groupBy(['donor', 'period', 'year'])
      : rows
          .select([`${by === 'category' ? 'category' : 'announced'} as key`, 'period', sql<string | null>`null`.as('donor'), sql<number | null>`null`.as('year'), sql<number | null>`null`.as('gdp'), ...sums])
          .groupBy([by === 'category' ? 'category' : 'announced', 'period']);
  const totals = new Map<string, SummaryRow>();
  const empty = (): PeriodTotal => ({ commitments: 0, eur: 0, gdpShare: null });
  const add = (k: string, cls: PeriodClass, eur: number, gdp: number | null, n: number) => {
    const t = totals.get(k) ?? { key: k, ...empty(), byPeriod: { 'one-off': empty(), 'multi-year': empty(), annual: empty() } };
    const part = t.byPeriod[cls];
    part.commitments += n;
    part.eur += eur;
    if (gdp !== null) part.gdpShare = (part.gdpShare ?? 0) + gdp;
    totals.set(k, t);
  };
  for (const g of await q.execute()) {
    const eur = Number(g.eur ?? 0);
    const cls = periodClassOf(g.period);
    const gdpOf = (donor: string | null, share: number) => {
      if (by !== 'donor') return null;
      const base = donor ? gdpEur(donor, filter.gdpYear ?? Number(g.year)) : undefined;
      if (filter.gdpYear || share !== 1) return base === undefined ? null : (100 * eur * share) / base;
      return g.gdp === null ? null : Number(g.gdp);
    };
    if (shareOut && g.donor && SHARED_EU_DONORS.includes(g.donor)) {
      for (const [member, share] of euShareKey(Number(g.year))) {
        if (!filter.donor || filter.donor === member) add(member, cls, eur * share, gdpOf(member, share), Number(g.n));
      }
    } else if (!shareOut || !filter.donor || g.donor === filter.donor) {
      const k = by === 'month' ? (g.key?.slice(0, 7) ?? 'undated') : (g.key ?? 'unknown');
      add(k, cls, eur, gdpOf(g.donor, 1), Number(g.n));
    }
  }
  for (const t of totals.values()) {
    const whole = [t.byPeriod['one-off'], t.byPeriod['multi-year']];
    t.commitments = PERIOD_CLASSES.reduce((n, c) => n + t.byPeriod[c].commitments, 0);
    t.eur = whole.reduce((n, p) => n + p.eur, 0);
    t.gdpShare = whole.every((p) => p.gdpShare === null) ? null : whole.reduce((n, p) => n + (p.gdpShare ?? 0), 0);
  }
  return [...totals.values()].sort((a, b) => b.eur - a.eur || a.key.localeCompare(b.key));
}

export interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  detail: Record<string, unknown>;
}

/** Every change to a row, oldest first; undefined when there is no such row. */
export async function ledgerHistory(db: Db, id: number): Promise<HistoryEntry[] | undefined> {
  const row = await db.selectFrom('ledger_commitments').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const entries = await db.selectFrom('ledger_history').selectAll().where('ledger_id', '=', id).orderBy('id').execute();
  return entries.map((e) => ({ id: e.id, at: e.at, action: e.action, actor: e.actor, detail: JSON.parse(e.detail) as Record<string, unknown> }));
}
