// Inputs that could not be stored, kept with their reason: the workbench lists them beside the
// articles refused as not English, and a reviewer retries one once its cause is fixed (a site
// back up, an extraction that timed out under load). The same input failing again is one entry.
import type { ArticleSource } from '../ledger/record.js';
import type { Db } from '../store/schema.js';

export interface IngestFailure {
  id: number;
  label: string;
  url: string | null;
  /** Whether the text was kept (a retry extracts it again) or only the address (a retry fetches it again). */
  hasText: boolean;
  reason: string;
  firstAt: string;
  lastAt: string;
  attempts: number;
}

/** A short name for an input: its address, else its title, else its first words (control characters, which no database stores in text, as spaces). */
export function labelOf(input: Partial<ArticleSource>): string {
  const words = input.text?.replace(/[\p{Cc}\s]+/gu, ' ').trim() ?? '';
  return input.url ?? input.title ?? (words ? (words.length > 80 ? `${words.slice(0, 77)}…` : words) : '(empty input)');
}

/** Records that an input failed; an open entry for the same input counts one attempt more. */
export async function recordFailure(db: Db, failure: { label: string; url: string | null; input: ArticleSource | null; reason: string }, now: Date): Promise<void> {
  const at = now.toISOString();
  const input = failure.input ? JSON.stringify(failure.input) : null;
  let open = db.selectFrom('ingest_failures').select(['id', 'attempts']).where('label', '=', failure.label).where('resolved_at', 'is', null);
  open = input === null ? open.where('input', 'is', null) : open.where('input', '=', input);
  const known = await open.executeTakeFirst();
  if (known) {
    await db.updateTable('ingest_failures').set({ reason: failure.reason, last_at: at, attempts: known.attempts + 1 }).where('id', '=', known.id).execute();
    return;
  }
  await db.insertInto('ingest_failures').values({ label: failure.label, url: failure.url, input, reason: failure.reason, first_at: at, last_at: at, resolved_article_id: null, resolved_at: null }).execute();
}

/** The open failures, the latest first. */
export async function openFailures(db: Db, limit = 200): Promise<IngestFailure[]> {
  const rows = await db.selectFrom('ingest_failures').selectAll().where('resolved_at', 'is', null).orderBy('last_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, label: r.label, url: r.url, hasText: r.input !== null, reason: r.reason, firstAt: r.first_at, lastAt: r.last_at, attempts: r.attempts }));
}

/** What a retry needs: the input as kept, or its address to fetch again. */
export async function failureInput(db: Db, id: number): Promise<{ input: ArticleSource | null; url: string | null } | undefined> {
  const row = await db.selectFrom('ingest_failures').select(['input', 'url']).where('id', '=', id).where('resolved_at', 'is', null).executeTakeFirst();
  return row ? { input: row.input ? (JSON.parse(row.input) as ArticleSource) : null, url: row.url } : undefined;
}

/** A retry stored the input: the failure is resolved by that article. */
export async function resolveFailure(db: Db, id: number, articleId: number, now: Date): Promise<void> {
  await db.updateTable('ingest_failures').set({ resolved_article_id: articleId, resolved_at: now.toISOString() }).where('id', '=', id).execute();
}
