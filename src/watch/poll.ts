// One poll of a watched source: a conditional request for the feed, then each item that is new or
// whose updated date changed is read and ingested (a changed item at a known address becomes a
// new revision of its article, src/ledger/record.ts). An item that cannot be read is kept with
// the failed items and tried again at the next poll; the source fails only when the feed does.
import type { Logger } from 'pino';
import { ingestArticle, type ArticleSource } from '../ingest/ingest-article.js';
import type { Extractor } from '../ingest/extract.js';
import { recordFailure } from '../ingest/failures.js';
import { FetchError, safeFetch, type Fetched, type FetchOptions } from '../ingest/fetch.js';
import { articleOfItem, feedItems, isFeed, type FeedItem } from '../ingest/sources.js';
import type { FactStore } from '../store/index.js';
import type { HostGate } from './host-gate.js';
import { recordFetched, recordFetchFailed, type WatchedSourceRow } from './sources.js';

export interface PollContext {
  store: FactStore;
  extract: Extractor;
  gate: HostGate;
  log: Logger;
  /** Fetch options for tests (a time-out); the address policy comes from the source. */
  fetchOptions?: Pick<FetchOptions, 'timeoutMs' | 'resolve' | 'dial'>;
}

/**
 * New or revised items read in one poll; the rest wait for the next. A first poll of a long feed
 * (or an archive) stays well inside the source's lease, and one source cannot hold a poller long.
 */
export const ITEMS_PER_POLL = 50;

export interface PollResult {
  ok: boolean;
  notModified?: boolean;
  items?: number;
  ingested?: number;
  error?: string;
}

/** Polls a leased source and records the outcome on it (which frees its lease). */
export async function pollSource(ctx: PollContext, source: WatchedSourceRow): Promise<PollResult> {
  const log = ctx.log.child({ source: source.id });
  const fetchOptions: FetchOptions = { ...ctx.fetchOptions, allowPrivate: source.allow_private === 1 };
  let page: Fetched;
  let items: FeedItem[] = [];
  try {
    await ctx.gate.wait(source.url);
    const validators: Record<string, string> = {};
    if (source.etag) validators['if-none-match'] = source.etag;
    if (source.last_modified) validators['if-modified-since'] = source.last_modified;
    page = await safeFetch(source.url, { ...fetchOptions, headers: validators });
    if (page.status !== 304) items = isFeed(page.contentType, page.body) ? parseFeed(page.body) : [{ guid: page.url, updated: null, title: null, link: page.url, published: null, content: page.body }];
  } catch (err) {
    const error = err instanceof FetchError || err instanceof MalformedFeedError ? err.message : `cannot fetch: ${(err as Error).message}`;
    log.warn({ url: source.url, err: error }, 'source fetch failed');
    await recordFetchFailed(ctx.store.db, source, error, new Date());
    return { ok: false, error };
  }
  log.debug({ url: source.url, status: page.status, items: items.length }, 'source fetched');
  let newItems = 0;
  let read = 0;
  let left = false;
  for (const item of items) {
    if (read >= ITEMS_PER_POLL) {
      left = true;
      break;
    }
    const done = await readItem(ctx, source, item, fetchOptions, log);
    if (done === 'new') newItems++;
    if (done !== 'known') read++;
  }
  // with items left, the next poll must get the whole feed again, not a 304
  const validators = left ? { etag: null, lastModified: null } : { etag: page.etag ?? source.etag, lastModified: page.lastModified ?? source.last_modified };
  await recordFetched(ctx.store.db, source, { ...validators, newItems }, new Date());
  return { ok: true, notModified: page.status === 304, items: items.length, ingested: read };
}

class MalformedFeedError extends Error {}

function parseFeed(body: string): FeedItem[] {
  try {
    return feedItems(body);
  } catch (err) {
    throw new MalformedFeedError(`not a readable feed: ${(err as Error).message}`);
  }
}

/** Reads one item unless it is known at the same updated date: 'new', 'revised', 'known', or 'failed'. */
async function readItem(ctx: PollContext, source: WatchedSourceRow, item: FeedItem, fetchOptions: FetchOptions, sourceLog: Logger): Promise<'new' | 'revised' | 'known' | 'failed'> {
  const db = ctx.store.db;
  const guid = item.guid ?? item.title;
  if (!guid) return 'failed';
  const known = await db.selectFrom('watched_items').select(['updated', 'revision']).where('source_id', '=', source.id).where('guid', '=', guid).executeTakeFirst();
  if (known && known.updated === item.updated) return 'known';
  const log = sourceLog.child({ item: guid });
  let article: ArticleSource;
  try {
    article = await articleOfItem(item, fetchOptions, (url) => ctx.gate.wait(url));
  } catch (err) {
    const reason = err instanceof FetchError ? err.message : String(err);
    log.warn({ err: reason }, 'feed item not read');
    await recordFailure(db, { label: item.link ?? guid, url: item.link, input: null, reason }, new Date());
    return 'failed';
  }
  log.debug({ url: article.url }, 'feed item read');
  const outcome = await ingestArticle(ctx.store, article, new Date(), ctx.extract);
  if (outcome.status === 'failed') {
    log.warn({ err: outcome.error }, 'feed item not stored');
    return 'failed';
  }
  log.info({ article: outcome.articleId, status: outcome.status, ...(outcome.status === 'ingested' ? { facts: outcome.facts, commitments: outcome.commitments, revisionOf: outcome.revisionOf } : {}) }, 'feed item stored');
  const at = new Date().toISOString();
  if (known) {
    await db.updateTable('watched_items').set({ updated: item.updated, revision: known.revision + 1, article_id: outcome.articleId, last_seen_at: at }).where('source_id', '=', source.id).where('guid', '=', guid).execute();
    return 'revised';
  }
  await db.insertInto('watched_items').values({ source_id: source.id, guid, updated: item.updated, article_id: outcome.articleId, first_seen_at: at, last_seen_at: at }).onConflict((oc) => oc.columns(['source_id', 'guid']).doNothing()).execute();
  return 'new';
}
