// Everything a store holds, as a stream of rows: for a backup (JSON lines), a restore, and a
// move from one database to another (SQLite to PostgreSQL as a project outgrows its file).
// Rows keep their ids, so every reference between them stays true; PostgreSQL's sequences are
// set past the copied ids afterwards.
import { sql, type Kysely } from 'kysely';
import { analyze, resetSequences } from './dialects/index.js';
import type { Database, Db } from './schema.js';

type Table = keyof Database;

/** Every table, parents before children; each with the columns that order it. */
export const TABLES: ReadonlyArray<{ name: Table; key: string[] }> = [
  { name: 'countries', key: ['code'] },
  { name: 'organizations', key: ['id'] },
  { name: 'persons', key: ['id'] },
  { name: 'stories', key: ['id'] },
  { name: 'articles', key: ['id'] },
  { name: 'article_locations', key: ['id'] },
  { name: 'story_bands', key: ['article_id', 'band'] },
  // a member found through a pledge names the article that says so
  { name: 'organization_members', key: ['organization_id', 'country'] },
  { name: 'organization_mentions', key: ['organization_id', 'article_id'] },
  { name: 'facts', key: ['id'] },
  { name: 'review_log', key: ['id'] },
  { name: 'ledger_commitments', key: ['id'] },
  { name: 'commitment_sources', key: ['ledger_id', 'fact_id'] },
  { name: 'ledger_reviewed_stages', key: ['id'] },
  { name: 'ledger_history', key: ['id'] },
  { name: 'ledger_proposals', key: ['id'] },
  { name: 'proposal_events', key: ['id'] },
  { name: 'ingest_failures', key: ['id'] },
  { name: 'watched_sources', key: ['id'] },
  { name: 'watched_items', key: ['source_id', 'guid'] },
  { name: 'subscriptions', key: ['id'] },
  { name: 'webhook_deliveries', key: ['id'] },
  { name: 'webhook_attempts', key: ['id'] },
  { name: 'reviewer_visits', key: ['reviewer'] },
  { name: 'api_tokens', key: ['hash'] },
];

/** Tables a new store seeds with reference data: a restore replaces their rows with the copy's. */
const SEEDED: Table[] = ['organization_members', 'organizations', 'countries'];
/** Tables whose rows mean the store is in use: a restore or move refuses to write over them. */
const CONTENT: Table[] = ['articles', 'facts', 'ledger_commitments', 'api_tokens', 'persons'];

export const BACKUP_FORMAT = 'pledgewatch-backup';
export const BACKUP_VERSION = 1;

export type Row = Record<string, unknown>;
export interface TableRow {
  table: Table;
  row: Row;
}

const PAGE = 1000;

/** Every row of the store, table by table, read a page at a time. */
export async function* readAll(db: Db): AsyncGenerator<TableRow> {
  for (const { name, key } of TABLES) {
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = await sql<Row>`select * from ${sql.table(name)} order by ${sql.join(key.map((k) => sql.ref(k)))} limit ${PAGE} offset ${offset}`.execute(db);
      for (const row of rows) yield { table: name, row };
      if (rows.length < PAGE) break;
    }
  }
}

export type Counts = Record<Table, number>;

export async function tableCounts(db: Db): Promise<Counts> {
  const counts = {} as Counts;
  for (const { name } of TABLES) {
    const r = await db.selectFrom(name).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    counts[name] = Number(r.n);
  }
  return counts;
}

export class TransferError extends Error {}

/**
 * Writes a stream of rows into a store that holds nothing but its reference data, in one
 * transaction: a failed restore leaves the store as it was. `expected`, read once the stream
 * has ended, gives the counts the copy must reach (a backup announces them). Returns the rows
 * written per table.
 */
export async function writeAll(db: Kysely<Database>, rows: AsyncIterable<TableRow>, expected: () => Counts | undefined = () => undefined): Promise<Counts> {
  for (const table of CONTENT) {
    const any = await db.selectFrom(table).select(sql`1`.as('one')).limit(1).executeTakeFirst();
    if (any) throw new TransferError(`the target database already holds ${table}: restore and move write only into a new, empty database`);
  }
  const known = new Set(TABLES.map((t) => t.name as string));
  const written = await db.transaction().execute(async (trx) => {
    for (const table of SEEDED) await trx.deleteFrom(table).execute();
    const written = Object.fromEntries(TABLES.map((t) => [t.name, 0])) as Counts;
    // an article can name the later revision that replaced it: set once that revision is in
    const supersededBy: Array<[number, number]> = [];
    let batch: TableRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await trx.insertInto(batch[0].table).values(batch.map((b) => b.row) as never).execute();
      written[batch[0].table] += batch.length;
      batch = [];
    };
    for await (const item of rows) {
      if (!known.has(item.table)) throw new TransferError(`unknown table ${JSON.stringify(item.table)} in the copy`);
      let row = item.row;
      if (item.table === 'articles' && row.superseded_by != null) {
        supersededBy.push([row.id as number, row.superseded_by as number]);
        row = { ...row, superseded_by: null };
      }
      if (batch.length > 0 && (batch[0].table !== item.table || batch.length >= 200)) await flush();
      batch.push({ table: item.table, row });
    }
    await flush();
    const announced = expected();
    const short = announced ? TABLES.map((t) => t.name).filter((t) => announced[t] !== written[t]) : [];
    if (short.length > 0) throw new TransferError(`the copy announced other counts for ${short.join(', ')}: it is incomplete, and nothing was written`);
    for (const [id, by] of supersededBy) await trx.updateTable('articles').set({ superseded_by: by }).where('id', '=', id).execute();
    await resetSequences(trx, TABLES.filter((t) => t.key.length === 1 && t.key[0] === 'id').map((t) => t.name));
    return written;
  });
  await analyze(db);
  return written;
}
