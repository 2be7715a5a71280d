// Indexes that keep the ledger's first page and its totals fast as it grows:
//   - `year`, the year of a row's announcement (or of its last update when undated), stored so
//     that totals group by a column: with the covering index below the database adds up rows in
//     index order, without sorting the ledger (SQLite has no hash aggregate);
//   - the same for totals by category and by month (by day, added up into months);
//   - a donor's rows in announcement order, so that a donor's first page is read, not sorted.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('ledger_commitments').addColumn('year', 'integer').execute();
  await sql`update ledger_commitments set year = cast(substr(coalesce(announced, updated_at), 1, 4) as integer)`.execute(db);
  await db.schema.createIndex('ledger_totals').on('ledger_commitments').columns(['donor', 'period', 'year', 'eur', 'gdp_share']).execute();
  // totals by category, and by month (added up from days)
  await db.schema.createIndex('ledger_totals_category').on('ledger_commitments').columns(['category', 'period', 'eur']).execute();
  await db.schema.createIndex('ledger_totals_day').on('ledger_commitments').columns(['announced', 'period', 'eur']).execute();
  // newest first with undated rows last, as the ledger pages: PostgreSQL's index says so, SQLite's order is that already
  if (postgres) await sql`create index ledger_donor_announced on ledger_commitments (donor, announced desc nulls last, id desc)`.execute(db);
  else await db.schema.createIndex('ledger_donor_announced').on('ledger_commitments').columns(['donor', 'announced', 'id']).execute();
  if (postgres) {
    await db.schema.dropIndex('ledger_announced').execute();
    await sql`create index ledger_announced on ledger_commitments (announced desc nulls last, id desc)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ledger_donor_announced').execute();
  await db.schema.dropIndex('ledger_totals_day').execute();
  await db.schema.dropIndex('ledger_totals_category').execute();
  await db.schema.dropIndex('ledger_totals').execute();
  await db.schema.alterTable('ledger_commitments').dropColumn('year').execute();
}
