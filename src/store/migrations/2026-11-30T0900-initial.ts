// Frozen in time: later changes get a migration of their own. Runs on SQLite and PostgreSQL.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // the two databases spell an auto-numbered key and a double differently
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const serial = postgres ? 'serial' : 'integer';
  const real = postgres ? 'double precision' : 'real';

  await db.schema
    .createTable('stories')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('title', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('canonical_url', 'text', (c) => c.unique())
    .addColumn('url', 'text')
    .addColumn('source', 'text')
    .addColumn('title', 'text')
    .addColumn('published', 'text')
    .addColumn('language', 'text')
    .addColumn('place', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('extractor_version', 'text', (c) => c.notNull())
    .addColumn('story_id', 'integer', (c) => c.references('stories.id'))
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('story_bands')
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('story_bands_band').on('story_bands').column('band').execute();

  await db.schema
    .createTable('facts')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('extractor_version', 'text', (c) => c.notNull())
    .addColumn('review_status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('edited_data', 'text')
    .execute();
  await db.schema.createIndex('facts_article').on('facts').column('article_id').execute();
  await db.schema.createIndex('facts_type_status').on('facts').columns(['type', 'review_status']).execute();

  await db.schema
    .createTable('review_log')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('fact_id', 'integer', (c) => c.notNull().references('facts.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text')
    .addColumn('country', 'text')
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('acronym', 'text')
    .addColumn('kind', 'text')
    .execute();

  await db.schema
    .createTable('organization_members')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('cascade'))
    .addColumn('evidence', 'text')
    .addPrimaryKeyConstraint('organization_members_pk', ['organization_id', 'country'])
    .execute();

  await db.schema
    .createTable('countries')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_commitments')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('donor', 'text')
    .addColumn('recipient', 'text')
    .addColumn('amount', real)
    .addColumn('unit', 'text')
    .addColumn('period', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('item', 'text')
    .addColumn('announced', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // blocking key for folding, and the ledger's own filter
  await db.schema.createIndex('ledger_block').on('ledger_commitments').columns(['donor', 'recipient', 'unit']).execute();
  await db.schema.createIndex('ledger_announced').on('ledger_commitments').column('announced').execute();

  await db.schema
    .createTable('commitment_sources')
    .addColumn('ledger_id', 'integer', (c) => c.notNull().references('ledger_commitments.id').onDelete('cascade'))
    .addColumn('fact_id', 'integer', (c) => c.notNull().references('facts.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('commitment_sources_pk', ['ledger_id', 'fact_id'])
    .execute();
  await db.schema.createIndex('commitment_sources_fact').on('commitment_sources').column('fact_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['commitment_sources', 'ledger_commitments', 'countries', 'organization_members', 'organizations', 'persons', 'review_log', 'facts', 'story_bands', 'articles', 'stories']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
