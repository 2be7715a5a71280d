// The only place that knows which database is behind the store.
import { Kysely, PostgresAdapter, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type DialectAdapter } from 'kysely';
import type { Database as SQLiteDatabase, Statement as SQLiteStatement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import type { Database } from '../schema.js';

export interface Capabilities {
  readonly name: 'sqlite' | 'postgres';
  /** Full-text search over articles is available. */
  readonly fullText: boolean;
}

export interface Connection {
  db: Kysely<Database>;
  capabilities: Capabilities;
  /**
   * A connection for reads that need not wait for a write: on SQLite a second, read-only
   * connection to the same file (WAL lets it read the last commit while a transaction runs);
   * on PostgreSQL the pool itself. Opened once the schema is up to date.
   */
  openReader(): Kysely<Database>;
}

export class StoreUnavailableError extends Error {}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** Opens a SQLite file (WAL mode) or a PostgreSQL URL. */
export async function connect(url: string): Promise<Connection> {
  if (isPostgresUrl(url)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new StoreUnavailableError(`cannot reach PostgreSQL at ${redact(url)}: ${(err as Error).message}`);
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, capabilities: { name: 'postgres', fullText: true }, openReader: () => db };
  }
  const { default: SQLite } = await import('better-sqlite3');
  const { mkdirSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  let database;
  try {
    if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
    database = new SQLite(url);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma(`cache_size = ${PAGE_CACHE}`);
  } catch (err) {
    throw new StoreUnavailableError(`cannot open SQLite database ${url}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new TransactionalSqliteDialect({ database: reusingStatements(database) }) });
  const openReader = () => {
    if (url === ':memory:') return db;
    const reader = new SQLite(url, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    reader.pragma(`cache_size = ${PAGE_CACHE}`);
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(reader) }) });
  };
  return { db, capabilities: { name: 'sqlite', fullText: true }, openReader };
}

/**
 * Holds a lock on each key until the transaction `db` ends. PostgreSQL takes transaction-scoped
 * advisory locks, always in one order so that two writers cannot deadlock; SQLite needs none,
 * since it lets one writer in at a time.
 */
export async function lockKeys(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter) || keys.length === 0) return;
  // one round trip: the keys sorted in a subquery, locked in that order
  const sorted = [...new Set(keys)].sort();
  await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from (select unnest(${sorted}::text[]) as k order by 1) as ordered`.execute(db);
}

/**
 * Leases up to `limit` rows of a work table that are due (`due` at or before `now`, no lease
 * running) until `until`, and returns them: each row goes to one caller however many processes
 * ask at once. PostgreSQL skips the rows another transaction is leasing (FOR UPDATE SKIP LOCKED);
 * on SQLite the one writer makes the UPDATE atomic by itself.
 */
export async function leaseDue<Row>(db: Kysely<Database>, table: 'watched_sources' | 'webhook_deliveries', due: string, now: string, until: string, limit: number, onlyPending = false): Promise<Row[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const t = sql.table(table);
  const pending = onlyPending ? sql`and state = 'pending'` : sql``;
  const dueNow = sql`${sql.ref(due)} <= ${now} and (lease_until is null or lease_until < ${now}) ${pending}`;
  // pollers ask several times a second: a read says whether anything is due before a write lock is taken for nothing
  const { rows: waiting } = await sql`select 1 from ${t} where ${dueNow} limit 1`.execute(db);
  if (waiting.length === 0) return [];
  const pick = sql`select id from ${t} where ${dueNow} order by ${sql.ref(due)} limit ${limit}${postgres ? sql` for update skip locked` : sql``}`;
  const { rows } = await sql<Row>`update ${t} set lease_until = ${until} where id in (${pick}) returning *`.execute(db);
  return rows;
}

/**
 * Refreshes the planner's statistics after a bulk load: without them PostgreSQL plans a donor's
 * lookup as if the table were empty, and SQLite has none until asked.
 */
export async function analyze(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}

/** After rows were copied in with their ids: PostgreSQL's sequences continue past them (SQLite's keys already do). */
export async function resetSequences(db: Kysely<Database>, tables: string[]): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of tables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}

/**
 * SQLite's DDL is transactional, but Kysely's adapter says it is not, so its migrator would run
 * migrations outside a transaction and a kill half-way would leave tables no migration knows.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/**
 * SQLite's page cache per connection, in KiB (negative: a size, not a page count). The default
 * 2 MB holds little of a ledger's sources and evidence: a page of 100 rows read from a 100,000-row
 * ledger went from 3.2 to 2.6 ms on average (p99 10.7 to 8 ms) with 32 MB.
 */
const PAGE_CACHE = -32_768;

/** Distinct statements kept prepared per connection (multi-row inserts of each size are distinct). */
const PREPARED_STATEMENTS = 256;

/**
 * Kysely prepares every query afresh, and on SQLite preparing costs about as much as running a
 * small statement: each connection keeps its recent statements prepared, by their SQL. A
 * statement still being iterated (a streamed read) is busy and cannot be shared: a fresh one is
 * prepared beside it.
 */
function reusingStatements(database: SQLiteDatabase): SqliteDatabase {
  const prepared = new Map<string, SQLiteStatement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      const cached = prepared.get(text);
      if (cached && !cached.busy) {
        // most recently used last: the first entry is the one to drop
        prepared.delete(text);
        prepared.set(text, cached);
        return cached;
      }
      const statement = database.prepare(text);
      if (!cached) {
        prepared.set(text, statement);
        if (prepared.size > PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value!);
      }
      return statement;
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export interface SearchHit {
  kind: 'article' | 'quote';
  id: number;
  articleId: number;
  snippet: string;
}

/** Full-text search over articles and quotes, best matches first: FTS5 on SQLite, tsvector on PostgreSQL. */
export async function searchText(db: Kysely<Database>, capabilities: Capabilities, query: string, limit: number): Promise<SearchHit[]> {
  const words = query.match(/[\p{L}\d]+/gu) ?? [];
  if (words.length === 0) return [];
  if (capabilities.name === 'postgres') {
    const q = words.join(' & ');
    const rows = await sql<{ kind: 'article' | 'quote'; id: number; article_id: number; snippet: string; rank: number }>`
      (select 'article' as kind, id, id as article_id, left(text, 200) as snippet,
              ts_rank(to_tsvector('english', coalesce(title, '') || ' ' || text), to_tsquery('english', ${q})) as rank
         from articles where to_tsvector('english', coalesce(title, '') || ' ' || text) @@ to_tsquery('english', ${q}))
      union all
      (select 'quote' as kind, id, article_id, evidence as snippet, ts_rank(to_tsvector('english', evidence), to_tsquery('english', ${q})) as rank
         from facts where type = 'quote' and to_tsvector('english', evidence) @@ to_tsquery('english', ${q}))
      order by rank desc limit ${limit}`.execute(db);
    return rows.rows.map((r) => ({ kind: r.kind, id: r.id, articleId: r.article_id, snippet: r.snippet }));
  }
  const match = words.map((w) => `"${w}"`).join(' ');
  const rows = await sql<{ kind: 'article' | 'quote'; ref: number; snippet: string }>`
    select kind, ref, snippet(search_fts, 2, '', '', '…', 24) as snippet from search_fts where search_fts match ${match} order by rank limit ${limit}`.execute(db);
  const quoteIds = rows.rows.filter((r) => r.kind === 'quote').map((r) => Number(r.ref));
  const owners = quoteIds.length ? await db.selectFrom('facts').select(['id', 'article_id']).where('id', 'in', quoteIds).execute() : [];
  const articleOf = new Map(owners.map((o) => [o.id, o.article_id]));
  return rows.rows.map((r) => ({ kind: r.kind, id: Number(r.ref), articleId: r.kind === 'article' ? Number(r.ref) : articleOf.get(Number(r.ref)) ?? 0, snippet: r.snippet }));
}
