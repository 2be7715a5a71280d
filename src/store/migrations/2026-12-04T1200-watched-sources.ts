// The live tracker: feeds and pages watched on a schedule (the database is the source of truth
// for them, wherever the polling runs), the items each has given, subscriptions to ledger
// changes with every webhook delivery and attempt, and each reviewer's last visit.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: ReturnType<Kysely<any>['schema']['createTable']>) => t.addColumn('id', postgres ? 'serial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()));
  await id(db.schema.createTable('watched_sources'))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('every_seconds', 'integer', (c) => c.notNull())
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_fetch_at', 'text', (c) => c.notNull())
    .addColumn('last_fetch_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fetches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('lease_until', 'text')
    .execute();
  await db.schema.createIndex('watched_sources_due').on('watched_sources').columns(['next_fetch_at']).execute();
  await db.schema
    .createTable('watched_items')
    .addColumn('source_id', 'integer', (c) => c.notNull().references('watched_sources.id').onDelete('cascade'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('updated', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('watched_items_pk', ['source_id', 'guid'])
    .execute();
  await id(db.schema.createTable('subscriptions'))
    .addColumn('name', 'text')
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('webhook_url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // the last ledger change this subscription has been matched against: changes before it are not sent
    .addColumn('seen_change', 'integer', (c) => c.notNull())
    .execute();
  await id(db.schema.createTable('webhook_deliveries'))
    .addColumn('subscription_id', 'integer', (c) => c.notNull().references('subscriptions.id').onDelete('cascade'))
    .addColumn('change_id', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addUniqueConstraint('webhook_deliveries_once', ['subscription_id', 'change_id'])
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['state', 'next_attempt_at']).execute();
  await id(db.schema.createTable('webhook_attempts'))
    .addColumn('delivery_id', 'integer', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').columns(['delivery_id']).execute();
  await db.schema
    .createTable('reviewer_visits')
    .addColumn('reviewer', 'text', (c) => c.primaryKey())
    .addColumn('previous_at', 'text')
    .addColumn('current_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reviewer_visits', 'webhook_attempts', 'webhook_deliveries', 'subscriptions', 'watched_items', 'watched_sources']) await db.schema.dropTable(table).execute();
}
