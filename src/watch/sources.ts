// Watched sources as the database keeps them: the one record every poller reads, wherever it runs.
import type { Kysely, Selectable } from 'kysely';
import { hostRefusal } from '../ingest/address-policy.js';
import { leaseDue } from '../store/dialects/index.js';
import type { Database, Db, WatchedSourcesTable } from '../store/schema.js';

export type WatchedSourceRow = Selectable<WatchedSourcesTable>;

export interface WatchedSource {
  id: number;
  url: string;
  name: string | null;
  everySeconds: number;
  allowPrivate: boolean;
  createdAt: string;
  nextFetchAt: string;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  fetches: number;
  itemsSeen: number;
}

/** The shortest interval a source may be polled at: seconds are for tests, not for the web. */
export const MIN_EVERY_SECONDS = 1;
/** A poll longer than this is taken to have died with its process, and the source is due again. */
const LEASE_MS = 10 * 60_000;
/** However often a source fails, it is tried again at least this often. */
const MAX_BACKOFF_MS = 6 * 3_600_000;

export const sourceOut = (r: WatchedSourceRow): WatchedSource => ({
  id: r.id, url: r.url, name: r.name, everySeconds: r.every_seconds, allowPrivate: r.allow_private === 1, createdAt: r.created_at,
  nextFetchAt: r.next_fetch_at, lastFetchAt: r.last_fetch_at, lastSuccessAt: r.last_success_at, lastError: r.last_error,
  failures: r.failures, fetches: r.fetches, itemsSeen: r.items_seen,
});

export class SourceExistsError extends Error {}

/**
 * Why an address cannot be watched or posted to, before anything is stored: not http(s), or on a
 * loopback or private address without --allow-private (a name that resolves to one is refused when fetched).
 */
export function urlRefusal(url: string, allowPrivate: boolean): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `${url} is not an address`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `${url}: only http and https addresses are watched`;
  const refusal = allowPrivate ? null : hostRefusal(u.hostname);
  return refusal ? `${url}: refused, ${refusal} (add it with --allow-private to watch it anyway)` : null;
}

/** Adds a source, due at once; the same address twice is refused. */
export async function addSource(db: Db, source: { url: string; name?: string | null; everySeconds: number; allowPrivate?: boolean }, now: Date): Promise<WatchedSource> {
  const known = await db.selectFrom('watched_sources').select('id').where('url', '=', source.url).executeTakeFirst();
  if (known) throw new SourceExistsError(`${source.url} is watched already (source ${known.id})`);
  const row = await db
    .insertInto('watched_sources')
    .values({ url: source.url, name: source.name ?? null, every_seconds: source.everySeconds, allow_private: source.allowPrivate ? 1 : 0, created_at: now.toISOString(), next_fetch_at: now.toISOString(), last_fetch_at: null, last_success_at: null, last_error: null, etag: null, last_modified: null, lease_until: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return sourceOut(row);
}

export async function listSources(db: Db): Promise<WatchedSource[]> {
  return (await db.selectFrom('watched_sources').selectAll().orderBy('id').execute()).map(sourceOut);
}

export async function getSource(db: Db, id: number): Promise<WatchedSourceRow | undefined> {
  return db.selectFrom('watched_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Removes a source by its id or its address; its items' articles stay in the ledger. */
export async function removeSource(db: Db, idOrUrl: number | string): Promise<WatchedSource | undefined> {
  const row = await db.selectFrom('watched_sources').selectAll().where(typeof idOrUrl === 'number' ? 'id' : 'url', '=', idOrUrl).executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('watched_sources').where('id', '=', row.id).execute();
  return sourceOut(row);
}

/** Makes a source due now (a source backing off is tried at once); undefined when there is none with that id. */
export async function makeDue(db: Db, id: number, now: Date): Promise<WatchedSource | undefined> {
  const row = await db.updateTable('watched_sources').set({ next_fetch_at: now.toISOString() }).where('id', '=', id).returningAll().executeTakeFirst();
  return row ? sourceOut(row) : undefined;
}

/** Leases the sources that are due, for one poller to fetch. */
export function leaseDueSources(db: Kysely<Database>, now: Date, limit: number): Promise<WatchedSourceRow[]> {
  return leaseDue<WatchedSourceRow>(db, 'watched_sources', 'next_fetch_at', now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), limit);
}

/**
 * Leases one source when its interval's job comes (the Redis scheduler is the clock there), unless
 * another poller holds it or it is waiting out a backoff; undefined then.
 */
export async function leaseSource(db: Db, id: number, now: Date): Promise<WatchedSourceRow | undefined> {
  const at = now.toISOString();
  return db
    .updateTable('watched_sources')
    .set({ lease_until: new Date(now.getTime() + LEASE_MS).toISOString() })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .where((eb) => eb.or([eb('failures', '=', 0), eb('next_fetch_at', '<=', at)]))
    .returningAll()
    .executeTakeFirst();
}

/** A fetch that worked: the validators for the next one, the items it added, due again after its interval. */
export async function recordFetched(db: Db, source: WatchedSourceRow, result: { etag: string | null; lastModified: string | null; newItems: number }, now: Date): Promise<void> {
  await db
    .updateTable('watched_sources')
    .set((eb) => ({
      last_fetch_at: now.toISOString(), last_success_at: now.toISOString(), last_error: null, failures: 0, fetches: eb('fetches', '+', 1),
      items_seen: eb('items_seen', '+', result.newItems), etag: result.etag, last_modified: result.lastModified,
      next_fetch_at: new Date(now.getTime() + source.every_seconds * 1000).toISOString(), lease_until: null,
    }))
    .where('id', '=', source.id)
    .execute();
}

/** A fetch that failed: the error kept for the user, and the next try put off twice as long each time. */
export async function recordFetchFailed(db: Db, source: WatchedSourceRow, error: string, now: Date): Promise<void> {
  const failures = source.failures + 1;
  await db
    .updateTable('watched_sources')
    .set((eb) => ({ last_fetch_at: now.toISOString(), last_error: error, failures, fetches: eb('fetches', '+', 1), next_fetch_at: new Date(now.getTime() + backoffMs(source.every_seconds, failures)).toISOString(), lease_until: null }))
    .where('id', '=', source.id)
    .execute();
}

/** The wait after `failures` failures in a row: the interval doubled for each, at most six hours (or the interval, if longer). */
export function backoffMs(everySeconds: number, failures: number): number {
  const every = everySeconds * 1000;
  return Math.max(every, Math.min(every * 2 ** failures, MAX_BACKOFF_MS));
}
