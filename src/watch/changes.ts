// Ledger changes as alerts tell them: the ledger's history read in order, each entry said as one
// of five kinds of change, with the row it changed, and filtered as the ledger is. Webhooks, the
// Atom feed and the workbench's "new since your last visit" all read these.
import { z } from 'zod';
import type { Db } from '../store/schema.js';
import { CATEGORIES } from '../facts/types.js';
import { partyCode } from '../lexicons/index.js';

/** What happened to a commitment. */
export type ChangeKind = 'new' | 'new-source' | 'stage' | 'amount' | 'review';

/** Each ledger history action, as the change it is to someone watching the ledger. */
const KIND_OF_ACTION: Record<string, ChangeKind> = {
  created: 'new', source: 'new-source', location: 'new-source', added: 'new-source', stage: 'stage', amount: 'amount',
  review: 'review', correction: 'review', merged: 'review', split: 'review',
};

export const ChangeFilterSchema = z.object({
  donor: z.string().min(1).max(120).optional(),
  recipient: z.string().min(1).max(120).optional(),
  category: z.enum(CATEGORIES).optional(),
  status: z.string().min(1).max(40).optional(),
  minEur: z.coerce.number().min(0).optional(),
});
export type ChangeFilter = z.infer<typeof ChangeFilterSchema>;

export interface LedgerChange {
  id: number;
  at: string;
  kind: ChangeKind;
  /** The history entry's action, and what it records (a stage's from and to, an amount's, the fact and article). */
  action: string;
  detail: Record<string, unknown>;
  actor: string | null;
  /** One line saying what happened, for a notification's title. */
  summary: string;
  commitment: { id: number; donor: string | null; recipient: string | null; amount: number | null; unit: string | null; eur: number | null; category: string; status: string; period: string | null; item: string | null; announced: string | null };
  /** The article that brought the change, when one did. */
  article: { id: number; url: string | null; title: string | null } | null;
}

/** Changes after `afterId` (up to `upToId`) that match the filter, oldest first; actions that change nothing a watcher follows are left out. */
export async function changesAfter(db: Db, afterId: number, upToId: number, filter: ChangeFilter, limit = 200): Promise<LedgerChange[]> {
  return readChanges(db, filter, { afterId, upToId, limit, newestFirst: false });
}

/** The latest changes that match the filter, newest first (the Atom feed), optionally only those after a moment. */
export async function latestChanges(db: Db, filter: ChangeFilter, limit = 50, since?: string): Promise<LedgerChange[]> {
  return readChanges(db, filter, { limit, newestFirst: true, since });
}

/** The id of the newest history entry: a new subscription starts after it. */
export async function lastChangeId(db: Db): Promise<number> {
  const row = await db.selectFrom('ledger_history').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

async function readChanges(db: Db, filter: ChangeFilter, o: { afterId?: number; upToId?: number; limit: number; newestFirst: boolean; since?: string }): Promise<LedgerChange[]> {
  let q = db
    .selectFrom('ledger_history as h')
    .innerJoin('ledger_commitments as c', 'c.id', 'h.ledger_id')
    .select(['h.id', 'h.at', 'h.action', 'h.actor', 'h.detail', 'c.id as ledger_id', 'c.donor', 'c.recipient', 'c.amount', 'c.unit', 'c.eur', 'c.category', 'c.status', 'c.period', 'c.item', 'c.announced'])
    .where('h.action', 'in', Object.keys(KIND_OF_ACTION));
  if (o.afterId !== undefined) q = q.where('h.id', '>', o.afterId);
  if (o.upToId !== undefined) q = q.where('h.id', '<=', o.upToId);
  if (o.since) q = q.where('h.at', '>', o.since);
  if (filter.donor) q = q.where('c.donor', '=', partyCode(filter.donor));
  if (filter.recipient) q = q.where('c.recipient', '=', partyCode(filter.recipient));
  if (filter.category) q = q.where('c.category', '=', filter.category);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.minEur !== undefined) q = q.where('c.eur', '>=', filter.minEur);
  const rows = await q.orderBy('h.id', o.newestFirst ? 'desc' : 'asc').limit(o.limit).execute();
  const details = rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>);
  const articleIds = [...new Set(details.map((d) => d.articleId).filter((id): id is number => typeof id === 'number'))];
  const articles = new Map(
    articleIds.length === 0 ? [] : (await db.selectFrom('articles').select(['id', 'url', 'title']).where('id', 'in', articleIds).execute()).map((a) => [a.id, a]),
  );
  return rows.map((r, i) => {
    const detail = details[i];
    const commitment = { id: r.ledger_id, donor: r.donor, recipient: r.recipient, amount: r.amount, unit: r.unit, eur: r.eur, category: r.category, status: r.status, period: r.period, item: r.item, announced: r.announced };
    const kind = KIND_OF_ACTION[r.action];
    return { id: r.id, at: r.at, kind, action: r.action, detail, actor: r.actor, summary: summaryOf(kind, commitment, detail), commitment, article: articles.get(detail.articleId as number) ?? null };
  });
}

const KIND_WORDS: Record<ChangeKind, string> = { new: 'New commitment', 'new-source': 'New source', stage: 'Stage reached', amount: 'Amount revised', review: 'Reviewed' };

function summaryOf(kind: ChangeKind, c: LedgerChange['commitment'], detail: Record<string, unknown>): string {
  const parties = `${c.donor ?? '?'} → ${c.recipient ?? '—'}`;
  const what = [c.amount !== null ? `${formatAmount(c.amount)} ${c.unit ?? ''}`.trim() : c.item, c.category].filter(Boolean).join(' · ');
  const change = kind === 'stage' ? `: ${String(detail.from)} → ${String(detail.to)}` : kind === 'amount' ? `: ${formatAmount(detail.from)} → ${formatAmount(detail.to)}` : kind === 'review' && detail.stage ? `: ${String(detail.stage)}` : '';
  return `${KIND_WORDS[kind]}${change} — ${parties}${what ? `, ${what}` : ''}`;
}

const formatAmount = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : '—');
