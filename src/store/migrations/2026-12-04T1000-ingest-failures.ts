// Inputs that could not be stored (unreadable, refused, timed out) are kept with their reason,
// so that the workbench lists them and a reviewer can retry them once the cause is fixed.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('ingest_failures')
    .addColumn('id', postgres ? 'serial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('input', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('resolved_article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('ingest_failures_open').on('ingest_failures').columns(['resolved_at', 'last_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ingest_failures').execute();
}
