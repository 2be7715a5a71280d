// Ledger rows: folding a reported commitment into the row it restates (or a new one), folding a
// reviewed fact again, and keeping each row's stages, status, valuation and history in step
// with its sources. Only src/ledger/ writes these tables.
import type { Commitment } from '../facts/types.js';
import { lockKeys } from '../store/dialects/index.js';
import type { Db } from '../store/repositories.js';
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
  await db.insertInto('ledger_history').values({ ledger_id: ledgerId, at: at.toISOString(), action, actor, detail: JSON.stringify(detail) }).execute();
}

/** Folds one reported commitment into the ledger; returns the id of its row. */
export async function foldCommitment(db: Db, report: ReportedCommitment, now: Date): Promise<number> {
  const c = report.commitment;
  await lockBuckets(db, [c]);
  const match = await matchingRow(db, report);
  const ledgerId = match ?? (await insertRow(db, report, now));
  await db
    .insertInto('commitment_sources')
    .values({ ledger_id: ledgerId, fact_id: report.factId, article_id: report.articleId, stage: c.status, amount: c.amount, announced: report.dated.date, announced_precision: report.dated.precision })
    .execute();
  if (match) {
    await writeHistory(db, ledgerId, 'source', { factId: report.factId, articleId: report.articleId, stage: c.status, amount: c.amount, announced: report.dated.date }, now);
    await recomputeRow(db, ledgerId, now);
  }
  return ledgerId;
}

/** A new row from its first report, valued as recomputeRow would value it (one source: nothing to read back). */
async function insertRow(db: Db, report: ReportedCommitment, now: Date): Promise<number> {
  const c = report.commitment;
  const value = valueRow(c, Number((report.dated.date ?? now.toISOString()).slice(0, 4)));
  const delivered = c.status === 'delivered';
  const row = await db
    .insertInto('ledger_commitments')
    .values({
      donor: c.donor, recipient: c.recipient, amount: c.amount, unit: c.unit, period: c.period, category: c.category, status: c.status, item: c.item,
      announced: report.dated.date, announced_precision: report.dated.precision, updated_at: now.toISOString(), eur: value.eur, gdp_share: value.gdpShare,
      valuation: value.valuation, delivered: delivered ? c.amount : null, delivered_on: delivered ? report.dated.date : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeHistory(db, row.id, 'created', { factId: report.factId, articleId: report.articleId, stage: c.status }, now);
  return row.id;
}

/** The row a report restates: a delivery fulfils an earlier pledge, any other stage folds with its own kind. */
async function matchingRow(db: Db, report: ReportedCommitment): Promise<number | undefined> {
  const c = report.commitment;
  const window = foldWindow(report.dated.date, c.status);
  let q = db.selectFrom('ledger_commitments').selectAll();
  q = c.donor === null ? q.where('donor', 'is', null) : q.where('donor', '=', c.donor);
  q = c.recipient === null ? q.where('recipient', 'is', null) : q.where('recipient', '=', c.recipient);
  q = c.unit === null ? q.where('unit', 'is', null) : q.where('unit', '=', c.unit);
  if (window) q = q.where((eb) => eb.or([eb('announced', 'is', null), eb.and([eb('announced', '>=', window.from), eb('announced', '<=', window.to)])]));
  const candidates = (await q.orderBy('announced').orderBy('id').execute()).filter((r) => r.status !== 'cancelled');
  const reported = { ...c, announced: report.dated.date };
  if (c.status !== 'delivered') return candidates.find((row) => sameCommitment(row, reported))?.id;
  const deliveries = candidates.length === 0 ? [] : await db.selectFrom('commitment_sources').select(['ledger_id', 'stage', 'amount', 'announced']).where('ledger_id', 'in', candidates.map((r) => r.id)).where('stage', '=', 'delivered').execute();
  const delivery: StageReport = { stage: 'delivered', amount: c.amount, announced: report.dated.date };
  const fits = candidates.filter((row) => fulfils(row, reported, isKnownDelivery(deliveries.filter((d) => d.ledger_id === row.id), delivery)));
  // the pledge of exactly this figure first, then the oldest with room for it
  return (fits.find((row) => row.amount !== null && c.amount !== null && sameCommitment({ ...row, announced: null }, { ...reported, announced: null })) ?? fits[0])?.id;
}

/**
 * Brings a row in step with its sources and reviewed stages: its stages, status (a report never
 * moves it back; a reviewer's stage holds), committed and delivered figures, first announcement
 * and stored valuation.
 */
export async function recomputeRow(db: Db, ledgerId: number, now: Date): Promise<void> {
  const row = await db.selectFrom('ledger_commitments').selectAll().where('id', '=', ledgerId).executeTakeFirstOrThrow();
  const sources = await db.selectFrom('commitment_sources').select(['stage', 'amount', 'announced', 'announced_precision']).where('ledger_id', '=', ledgerId).execute();
  const reviewed = await db.selectFrom('ledger_reviewed_stages').select(['stage']).where('ledger_id', '=', ledgerId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const stages = stagesOf(sources);
  const status = currentStatus(stages, reviewed?.stage ?? null);
  const delivered = stages.find((s) => s.stage === 'delivered');
  const committed = stages.filter((s) => s.stage !== 'delivered' && s.amount !== null).map((s) => s.amount!);
  const amount = committed.length > 0 ? Math.max(...committed) : (delivered?.amount ?? row.amount);
  const first = [...sources].filter((s) => s.announced !== null).sort((a, b) => a.announced!.localeCompare(b.announced!))[0];
  const deliveredOn = sources.filter((s) => s.stage === 'delivered' && s.announced).map((s) => s.announced!).sort().at(-1) ?? null;
  const year = Number((first?.announced ?? now.toISOString()).slice(0, 4));
  const value = valueRow({ donor: row.donor, amount, unit: row.unit, item: row.item }, year);
  await db
    .updateTable('ledger_commitments')
    .set({
      status, amount, announced: first?.announced ?? null, announced_precision: first?.announced_precision ?? 'unknown',
      delivered: delivered?.amount ?? null, delivered_on: deliveredOn, eur: value.eur, gdp_share: value.gdpShare, valuation: value.valuation, updated_at: now.toISOString(),
    })
    .where('id', '=', ledgerId)
    .execute();
  if (status !== row.status) await writeHistory(db, ledgerId, 'stage', { from: row.status, to: status }, now);
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
