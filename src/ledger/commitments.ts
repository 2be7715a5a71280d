// Ledger rows: folding a reported commitment into the row it restates (or a new one), folding a
// reviewed fact again, and keeping each row's stages, status, valuation and history in step
// with its sources. Only src/ledger/ writes these tables.
import { sql, type ExpressionBuilder, type Insertable, type Selectable } from 'kysely';
import type { Commitment } from '../facts/types.js';
import { lockKeys } from '../store/dialects/index.js';
import type { Db } from '../store/repositories.js';
import type { CommitmentSourcesTable, Database, LedgerCommitmentsTable, LedgerHistoryTable } from '../store/schema.js';
import type { DatedAs } from './dates.js';
import { currentStatus, foldWindow, fulfils, isKnownDelivery, sameCommitment, stagesOf, type StageReport } from './fold.js';
import { valueRow } from './money.js';

/** The part of a commitment the fold reads. */
export type FoldedFields = Pick<Commitment, 'donor' | 'recipient' | 'amount' | 'unit' | 'period' | 'category' | 'status' | 'item'>;

export interface ReportedCommitment {
  factId: number;
  articleId: number;
  commitment: FoldedFields;
  dated: DatedAs;
}

/** Rows that may restate one another share a bucket: the fold of a bucket is serialized. */
export const foldBucket = (c: Pick<Commitment, 'donor' | 'recipient' | 'unit'>) => `ledger-fold:${c.donor ?? ''}|${c.recipient ?? ''}|${c.unit ?? ''}`;

/** Takes the fold locks of these commitments' buckets, in one order so that two writers cannot deadlock. */
export async function lockBuckets(db: Db, commitments: Array<Pick<Commitment, 'donor' | 'recipient' | 'unit'>>): Promise<void> {
  await lockKeys(db, commitments.map(foldBucket));
}

export async function writeHistory(db: Db, ledgerId: number, action: string, detail: object, at: Date, actor: string | null = null): Promise<void> {
  await db.insertInto('ledger_history').values(historyEntry(ledgerId, action, detail, at, actor)).execute();
}

/** Folds one reported commitment into the ledger, under its fold lock; returns the id of its row. */
export async function foldCommitment(db: Db, report: ReportedCommitment, now: Date): Promise<number> {
  await lockBuckets(db, [report.commitment]);
  return (await foldCommitments(db, [report], now))[0];
}

type LedgerRow = Selectable<LedgerCommitmentsTable>;
type SourceStage = Pick<Selectable<CommitmentSourcesTable>, 'stage' | 'amount' | 'announced' | 'announced_precision'>;
/** Reports folded per candidate query: its conditions stay few enough for the planner. */
const REPORTS_PER_QUERY = 50;
/** Rows per multi-row insert: well under SQLite's limit of bound parameters. */
const ROWS_PER_INSERT = 100;

/**
 * Folds reported commitments into the ledger, in order, the caller holding their fold locks
 * (lockBuckets); returns the id of each one's row. The rows they may restate are read in one
 * query, each matched row's sources once, and the sources and history written in multi-row
 * inserts: a few round trips per article, not several per commitment. Rows are kept in step in
 * memory as each report folds in, so a later report of the same article sees what an earlier
 * one changed.
 */
export async function foldCommitments(db: Db, reports: ReportedCommitment[], now: Date): Promise<number[]> {
  if (reports.length === 0) return [];
  const fold = await FoldInProgress.start(db, reports);
  const ids: number[] = [];
  for (const report of reports) {
    const match = await fold.matchingRow(report);
    const ledgerId = match ?? (await fold.insertRow(report, now));
    await fold.addSource(ledgerId, report, now, match !== undefined);
    ids.push(ledgerId);
  }
  await fold.write(now);
  return ids;
}

class FoldInProgress {
  /** Candidate rows, kept as they would be recomputed after each report. */
  private readonly rows = new Map<number, LedgerRow>();
  /** Each restated row's status and amount before this fold, to record the change of either. */
  private readonly before = new Map<number, Pick<LedgerRow, 'status' | 'amount'>>();
  /** Sources of the rows a report folded into, read when first needed. */
  private readonly sources = new Map<number, SourceStage[]>();
  /** Delivery reports of each candidate row, for matching a delivery. */
  private deliveries: Map<number, StageReport[]> | null = null;
  private readonly reviewed = new Map<number, string>();
  private readonly newSources: Insertable<CommitmentSourcesTable>[] = [];
  private readonly history: Insertable<LedgerHistoryTable>[] = [];

  private constructor(private readonly db: Db) {}

  /** A fold that restates no row: each report it is given becomes a row of its own. */
  static alone(db: Db): FoldInProgress {
    return new FoldInProgress(db);
  }

  static async start(db: Db, reports: ReportedCommitment[]): Promise<FoldInProgress> {
    const fold = new FoldInProgress(db);
    for (let i = 0; i < reports.length; i += REPORTS_PER_QUERY) {
      const rows = await db
        .selectFrom('ledger_commitments')
        .selectAll()
        .where((eb) => eb.or(reports.slice(i, i + REPORTS_PER_QUERY).map((r) => eb.and(candidateConditions(eb, r)))))
        .execute();
      for (const row of rows) fold.rows.set(row.id, row);
    }
    // the rows the reports restate as they stand now are nearly always those they will fold into: their sources are read together
    await fold.readSources(reports.filter((r) => r.commitment.status !== 'delivered').map((r) => fold.restatedRow(r)).filter((id): id is number => id !== undefined));
    const ids = [...fold.rows.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const reviews = await db.selectFrom('ledger_reviewed_stages').select(['ledger_id', 'stage']).where('ledger_id', 'in', ids.slice(i, i + 500)).orderBy('id', 'desc').execute();
      // newest first: the first seen of each row is its reviewer's stage
      for (const r of reviews) if (!fold.reviewed.has(r.ledger_id)) fold.reviewed.set(r.ledger_id, r.stage);
    }
    return fold;
  }

  /** The row a report restates: a delivery fulfils an earlier pledge, any other stage folds with its own kind. */
  async matchingRow(report: ReportedCommitment): Promise<number | undefined> {
    const c = report.commitment;
    if (c.status !== 'delivered') return this.restatedRow(report);
    const candidates = this.candidatesOf(report);
    const reported = { ...c, announced: report.dated.date };
    const deliveries = await this.knownDeliveries();
    const delivery: StageReport = { stage: 'delivered', amount: c.amount, announced: report.dated.date };
    const fits = candidates.filter((row) => fulfils(row, reported, isKnownDelivery(deliveries.get(row.id) ?? [], delivery)));
    // the pledge of exactly this figure first, then the oldest with room for it
    return (fits.find((row) => row.amount !== null && c.amount !== null && sameCommitment({ ...row, announced: null }, { ...reported, announced: null })) ?? fits[0])?.id;
  }

  /** A new row from its first report, valued as recomputeRow would value it (one source: nothing to read back). */
  async insertRow(report: ReportedCommitment, now: Date): Promise<number> {
    const c = report.commitment;
    const year = yearOf(report.dated.date, now);
    const value = valueRow(c, year);
    const delivered = c.status === 'delivered';
    const row = await this.db
      .insertInto('ledger_commitments')
      .values({
        donor: c.donor, recipient: c.recipient, amount: c.amount, unit: c.unit, period: c.period, category: c.category, status: c.status, item: c.item,
        announced: report.dated.date, announced_precision: report.dated.precision, updated_at: now.toISOString(), year, eur: value.eur, gdp_share: value.gdpShare,
        valuation: value.valuation, delivered: delivered ? c.amount : null, delivered_on: delivered ? report.dated.date : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.rows.set(row.id, row);
    this.sources.set(row.id, []);
    this.deliveries?.set(row.id, []);
    this.history.push(historyEntry(row.id, 'created', { factId: report.factId, articleId: report.articleId, stage: c.status }, now));
    return row.id;
  }

  /** Adds the report as a source of its row; a row it restates is recomputed with it. */
  async addSource(ledgerId: number, report: ReportedCommitment, now: Date, restated: boolean): Promise<void> {
    const c = report.commitment;
    const source = { stage: c.status, amount: c.amount, announced: report.dated.date, announced_precision: report.dated.precision };
    this.newSources.push({ ledger_id: ledgerId, fact_id: report.factId, article_id: report.articleId, ...source });
    if (c.status === 'delivered') this.deliveries?.get(ledgerId)?.push(source);
    await this.readSources([ledgerId]);
    const sources = this.sources.get(ledgerId)!;
    sources.push(source);
    if (!restated) return;
    this.history.push(historyEntry(ledgerId, 'source', { factId: report.factId, articleId: report.articleId, stage: c.status, amount: c.amount, announced: report.dated.date }, now));
    const row = this.rows.get(ledgerId)!;
    if (!this.before.has(ledgerId)) this.before.set(ledgerId, { status: row.status, amount: row.amount });
    this.rows.set(ledgerId, { ...row, ...recomputed(row, sources, this.reviewed.get(ledgerId) ?? null, now) });
  }

  /** Writes the new sources, the rows recomputed and the history, in a few statements. */
  async write(now: Date): Promise<void> {
    for (let i = 0; i < this.newSources.length; i += ROWS_PER_INSERT) await this.db.insertInto('commitment_sources').values(this.newSources.slice(i, i + ROWS_PER_INSERT)).execute();
    const restated = [...this.before.keys()].map((id) => this.rows.get(id)!);
    for (let i = 0; i < restated.length; i += ROWS_PER_INSERT) await updateRecomputed(this.db, restated.slice(i, i + ROWS_PER_INSERT));
    for (const [ledgerId, before] of this.before) {
      const { status, amount, unit } = this.rows.get(ledgerId)!;
      if (status !== before.status) this.history.push(historyEntry(ledgerId, 'stage', { from: before.status, to: status }, now));
      if (amount !== before.amount) this.history.push(historyEntry(ledgerId, 'amount', { from: before.amount, to: amount, unit }, now));
    }
    for (let i = 0; i < this.history.length; i += ROWS_PER_INSERT) await this.db.insertInto('ledger_history').values(this.history.slice(i, i + ROWS_PER_INSERT)).execute();
  }

  /** The row a report other than a delivery restates, as the rows stand now: one of its own kind. */
  restatedRow(report: ReportedCommitment): number | undefined {
    const reported = { ...report.commitment, announced: report.dated.date };
    return this.candidatesOf(report).find((row) => sameCommitment(row, reported))?.id;
  }

  /** Reads the sources of these rows, where not read yet. */
  async readSources(ids: number[]): Promise<void> {
    const unread = [...new Set(ids)].filter((id) => !this.sources.has(id));
    for (let i = 0; i < unread.length; i += 500) {
      const chunk = unread.slice(i, i + 500);
      for (const id of chunk) this.sources.set(id, []);
      const rows = await this.db.selectFrom('commitment_sources').select(['ledger_id', 'stage', 'amount', 'announced', 'announced_precision']).where('ledger_id', 'in', chunk).execute();
      for (const { ledger_id, ...source } of rows) this.sources.get(ledger_id)!.push(source);
    }
  }

  /** The rows of the report's bucket within its fold window, oldest first, cancelled ones left out. */
  private candidatesOf(report: ReportedCommitment): LedgerRow[] {
    const c = report.commitment;
    const window = foldWindow(report.dated.date, c.status);
    return [...this.rows.values()]
      .filter((row) => row.status !== 'cancelled' && row.donor === c.donor && row.recipient === c.recipient && row.unit === c.unit)
      .filter((row) => !window || row.announced === null || (row.announced >= window.from && row.announced <= window.to))
      .sort((a, b) => (a.announced ?? '').localeCompare(b.announced ?? '') || a.id - b.id);
  }

  /** The delivery reports of every row in hand, read when a delivery is first matched. */
  private async knownDeliveries(): Promise<Map<number, StageReport[]>> {
    if (!this.deliveries) {
      this.deliveries = new Map([...this.rows.keys()].map((id) => [id, []]));
      const known = [...this.rows.keys()];
      for (let i = 0; i < known.length; i += 500) {
        const rows = await this.db.selectFrom('commitment_sources').select(['ledger_id', 'stage', 'amount', 'announced']).where('ledger_id', 'in', known.slice(i, i + 500)).where('stage', '=', 'delivered').execute();
        for (const r of rows) this.deliveries.get(r.ledger_id)!.push(r);
      }
    }
    return this.deliveries;
  }
}

/** The columns recomputed from a row's sources, with the SQL type each is cast to in a VALUES list. */
const RECOMPUTED_COLUMNS = {
  status: 'text', amount: 'double precision', announced: 'text', announced_precision: 'text', delivered: 'double precision', delivered_on: 'text',
  eur: 'double precision', gdp_share: 'double precision', valuation: 'text', updated_at: 'text', year: 'integer',
} as const;

/** A row's year: of its announcement, else of the update that recorded it (as the migration fills it). */
const yearOf = (announced: string | null, now: Date) => Number((announced ?? now.toISOString()).slice(0, 4));

/** Writes recomputed rows in one UPDATE … FROM a VALUES list, which SQLite and PostgreSQL both read. */
async function updateRecomputed(db: Db, rows: LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(RECOMPUTED_COLUMNS) as Array<[keyof typeof RECOMPUTED_COLUMNS, string]>;
  // a VALUES list has no column types: each value is cast, or PostgreSQL reads them all as text
  const tuples = rows.map((row) => sql`(cast(${row.id} as integer), ${sql.join(columns.map(([column, type]) => sql`cast(${row[column]} as ${sql.raw(type)})`))})`);
  await sql`with v(id, ${sql.join(columns.map(([column]) => sql.ref(column)))}) as (values ${sql.join(tuples)})
    update ledger_commitments set ${sql.join(columns.map(([column]) => sql`${sql.ref(column)} = v.${sql.ref(column)}`))}
    from v where ledger_commitments.id = v.id`.execute(db);
}

/** The rows a report may restate: its bucket, announced within its fold window (or undated). */
function candidateConditions(eb: ExpressionBuilder<Database, 'ledger_commitments'>, report: ReportedCommitment) {
  const c = report.commitment;
  const window = foldWindow(report.dated.date, c.status);
  const equal = (column: 'donor' | 'recipient' | 'unit', value: string | null) => (value === null ? eb(column, 'is', null) : eb(column, '=', value));
  const conditions = [equal('donor', c.donor), equal('recipient', c.recipient), equal('unit', c.unit)];
  if (window) conditions.push(eb.or([eb('announced', 'is', null), eb.and([eb('announced', '>=', window.from), eb('announced', '<=', window.to)])]));
  return conditions;
}

const historyEntry = (ledgerId: number, action: string, detail: object, at: Date, actor: string | null = null): Insertable<LedgerHistoryTable> => ({
  ledger_id: ledgerId, at: at.toISOString(), action, actor, detail: JSON.stringify(detail),
});

/**
 * A row's fields in step with its sources and reviewed stage: its status (a report never moves it
 * back; a reviewer's stage holds), committed and delivered figures, first announcement and valuation.
 */
function recomputed(row: LedgerRow, sources: SourceStage[], reviewedStage: string | null, now: Date) {
  const stages = stagesOf(sources);
  const status = currentStatus(stages, reviewedStage);
  const delivered = stages.find((s) => s.stage === 'delivered');
  const committed = stages.filter((s) => s.stage !== 'delivered' && s.amount !== null).map((s) => s.amount!);
  const amount = committed.length > 0 ? Math.max(...committed) : (delivered?.amount ?? row.amount);
  const first = [...sources].filter((s) => s.announced !== null).sort((a, b) => a.announced!.localeCompare(b.announced!))[0];
  const deliveredOn = sources.filter((s) => s.stage === 'delivered' && s.announced).map((s) => s.announced!).sort().at(-1) ?? null;
  const year = yearOf(first?.announced ?? null, now);
  const value = valueRow({ donor: row.donor, amount, unit: row.unit, item: row.item }, year);
  return {
    status, amount, announced: first?.announced ?? null, announced_precision: first?.announced_precision ?? 'unknown',
    delivered: delivered?.amount ?? null, delivered_on: deliveredOn, eur: value.eur, gdp_share: value.gdpShare, valuation: value.valuation, updated_at: now.toISOString(), year,
  } satisfies Partial<LedgerRow>;
}

/** Brings a row in step with its sources and reviewed stages (after a source left it, or a reviewer set its stage). */
export async function recomputeRow(db: Db, ledgerId: number, now: Date): Promise<void> {
  const row = await db.selectFrom('ledger_commitments').selectAll().where('id', '=', ledgerId).executeTakeFirstOrThrow();
  const sources = await db.selectFrom('commitment_sources').select(['stage', 'amount', 'announced', 'announced_precision']).where('ledger_id', '=', ledgerId).execute();
  const reviewed = await db.selectFrom('ledger_reviewed_stages').select(['stage']).where('ledger_id', '=', ledgerId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields = recomputed(row, sources, reviewed?.stage ?? null, now);
  await db.updateTable('ledger_commitments').set(fields).where('id', '=', ledgerId).execute();
  if (fields.status !== row.status) await writeHistory(db, ledgerId, 'stage', { from: row.status, to: fields.status }, now);
  if (fields.amount !== row.amount) await writeHistory(db, ledgerId, 'amount', { from: row.amount, to: fields.amount, unit: row.unit }, now);
}

/**
 * Takes facts out of the ledger (a reviewer rejected them, a new revision superseded them):
 * their rows lose these sources, and a row left with none is gone.
 */
export async function unfoldFacts(db: Db, factIds: number[], now: Date, why: { action: string; actor?: string | null }): Promise<void> {
  for (let i = 0; i < factIds.length; i += 500) {
    const ids = factIds.slice(i, i + 500);
    const touched = await db.selectFrom('commitment_sources').select(['ledger_id', 'fact_id']).where('fact_id', 'in', ids).execute();
    if (touched.length === 0) continue;
    await db.deleteFrom('commitment_sources').where('fact_id', 'in', ids).execute();
    for (const ledgerId of new Set(touched.map((t) => t.ledger_id))) {
      const left = await db.selectFrom('commitment_sources').select('fact_id').where('ledger_id', '=', ledgerId).limit(1).executeTakeFirst();
      if (!left) {
        await db.deleteFrom('ledger_commitments').where('id', '=', ledgerId).execute();
        continue;
      }
      await writeHistory(db, ledgerId, why.action, { factIds: touched.filter((t) => t.ledger_id === ledgerId).map((t) => t.fact_id) }, now, why.actor ?? null);
      await recomputeRow(db, ledgerId, now);
    }
  }
}

/**
 * A reviewer joins two rows that are one commitment: `from`'s sources, reviewed stages and history
 * move to `into`, which is recomputed; `from` is gone. Logged on `into`. False when a row is missing.
 */
export async function mergeRows(db: Db, fromId: number, intoId: number, actor: string, now: Date): Promise<boolean> {
  const rows = await db.selectFrom('ledger_commitments').selectAll().where('id', 'in', [fromId, intoId]).execute();
  const from = rows.find((r) => r.id === fromId);
  if (!from || !rows.some((r) => r.id === intoId) || fromId === intoId) return false;
  await lockBuckets(db, rows);
  const moved = await db.selectFrom('commitment_sources').select('fact_id').where('ledger_id', '=', fromId).execute();
  await db.updateTable('commitment_sources').set({ ledger_id: intoId }).where('ledger_id', '=', fromId).execute();
  await db.updateTable('ledger_reviewed_stages').set({ ledger_id: intoId }).where('ledger_id', '=', fromId).execute();
  await db.updateTable('ledger_history').set({ ledger_id: intoId }).where('ledger_id', '=', fromId).execute();
  await db.deleteFrom('ledger_commitments').where('id', '=', fromId).execute();
  const { donor, recipient, amount, unit, announced, status } = from;
  await writeHistory(db, intoId, 'merged', { from: fromId, row: { donor, recipient, amount, unit, announced, status }, factIds: moved.map((m) => m.fact_id) }, now, actor);
  await recomputeRow(db, intoId, now);
  return true;
}

export type SplitOutcome = { split: true; ledgerId: number } | { split: false; reason: 'missing' | 'only source' };

/**
 * A reviewer takes a source that was folded wrongly off its row: it becomes a row of its own, from
 * its fact's fields (as reviewed) and the date it gave, and the row it left is recomputed. Logged on both.
 */
export async function splitSource(db: Db, ledgerId: number, factId: number, actor: string, now: Date): Promise<SplitOutcome> {
  const source = await db
    .selectFrom('commitment_sources')
    .innerJoin('facts', 'facts.id', 'commitment_sources.fact_id')
    .select(['commitment_sources.article_id', 'commitment_sources.announced', 'commitment_sources.announced_precision', 'facts.data', 'facts.edited_data'])
    .where('commitment_sources.ledger_id', '=', ledgerId)
    .where('commitment_sources.fact_id', '=', factId)
    .executeTakeFirst();
  if (!source) return { split: false, reason: 'missing' };
  const others = await db.selectFrom('commitment_sources').select('fact_id').where('ledger_id', '=', ledgerId).where('fact_id', '!=', factId).limit(1).execute();
  if (others.length === 0) return { split: false, reason: 'only source' };
  const commitment = JSON.parse(source.edited_data ?? source.data) as FoldedFields;
  const row = await db.selectFrom('ledger_commitments').select(['donor', 'recipient', 'unit']).where('id', '=', ledgerId).executeTakeFirstOrThrow();
  await lockBuckets(db, [row, commitment]);
  await db.deleteFrom('commitment_sources').where('ledger_id', '=', ledgerId).where('fact_id', '=', factId).execute();
  const report: ReportedCommitment = { factId, articleId: source.article_id, commitment, dated: { date: source.announced, precision: source.announced_precision } };
  const fold = FoldInProgress.alone(db);
  const newId = await fold.insertRow(report, now);
  await fold.addSource(newId, report, now, false);
  await fold.write(now);
  await writeHistory(db, newId, 'split', { from: ledgerId, factId }, now, actor);
  await writeHistory(db, ledgerId, 'split', { to: newId, factId }, now, actor);
  await recomputeRow(db, ledgerId, now);
  return { split: true, ledgerId: newId };
}

export const REVIEWABLE_STAGES = ['planned', 'ready', 'pledged', 'delivered', 'cancelled', 'suspended'] as const;

/** A reviewer sets a row's stage (cancelled, suspended, or a correction) with the evidence for it. */
export async function reviewStage(db: Db, ledgerId: number, review: { stage: string; evidence: string; actor: string; date?: string | null; amount?: number | null }, now: Date): Promise<boolean> {
  const row = await db.selectFrom('ledger_commitments').select('id').where('id', '=', ledgerId).executeTakeFirst();
  if (!row) return false;
  await db
    .insertInto('ledger_reviewed_stages')
    .values({ ledger_id: ledgerId, stage: review.stage, date: review.date ?? null, amount: review.amount ?? null, evidence: review.evidence, actor: review.actor, at: now.toISOString() })
    .execute();
  await writeHistory(db, ledgerId, 'review', { stage: review.stage, evidence: review.evidence, date: review.date ?? null, amount: review.amount ?? null }, now, review.actor);
  await recomputeRow(db, ledgerId, now);
  return true;
}
