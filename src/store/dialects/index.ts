// The only place that knows which database is behind the store.
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';

export interface Capabilities {
  readonly name: 'sqlite' | 'postgres';
  /** Full-text search over articles is available. */
  readonly fullText: boolean;
}

export interface Connection {
  db: Kysely<Database>;
  capabilities: Capabilities;
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
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), capabilities: { name: 'postgres', fullText: true } };
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
  } catch (err) {
    throw new StoreUnavailableError(`cannot open SQLite database ${url}: ${(err as Error).message}`);
  }
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), capabilities: { name: 'sqlite', fullText: true } };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
