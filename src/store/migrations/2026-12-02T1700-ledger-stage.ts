// The ledger as a stage of its own: every address a text was found at, revisions of an
// edited article, announcement dates with their precision, stages of a commitment's
// lifecycle, its stored valuation and the history of every change to a row.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const serial = postgres ? 'serial' : 'integer';
  const real = postgres ? 'double precision' : 'real';
  const key = (c: any) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('article_locations')
    .addColumn('id', serial, key)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_locations_unique', ['article_id', 'canonical_url'])
    .execute();
  await db.schema.createIndex('article_locations_canonical').on('article_locations').column('canonical_url').execute();
  await sql`insert into article_locations (article_id, url, canonical_url, source, seen_at)
            select id, url, canonical_url, source, ingested_at from articles where url is not null and canonical_url is not null`.execute(db);

  // an edited text at a known address is a new revision; the one it replaces keeps its facts, superseded
  await db.schema.alterTable('articles').addColumn('revision_of', 'integer', (c) => c.references('articles.id')).execute();
  await db.schema.alterTable('articles').addColumn('superseded_by', 'integer', (c) => c.references('articles.id')).execute();

  for (const [column, type] of [['announced_precision', 'text'], ['eur', real], ['gdp_share', real], ['valuation', 'text'], ['delivered', real], ['delivered_on', 'text']] as const) {
    await db.schema.alterTable('ledger_commitments').addColumn(column, type).execute();
  }
  await sql`update ledger_commitments set announced_precision = case when announced is null then 'unknown' else 'day' end`.execute(db);
  await db.schema.createIndex('ledger_eur').on('ledger_commitments').column('eur').execute();
  await db.schema.createIndex('ledger_gdp_share').on('ledger_commitments').column('gdp_share').execute();

  // each source says which stage it reports, with its own date and figure
  for (const [column, type] of [['stage', 'text'], ['amount', real], ['announced', 'text'], ['announced_precision', 'text']] as const) {
    await db.schema.alterTable('commitment_sources').addColumn(column, type).execute();
  }
  await sql`update commitment_sources set stage = (select status from ledger_commitments l where l.id = commitment_sources.ledger_id),
            amount = (select amount from ledger_commitments l where l.id = commitment_sources.ledger_id),
            announced = (select announced from ledger_commitments l where l.id = commitment_sources.ledger_id),
            announced_precision = (select announced_precision from ledger_commitments l where l.id = commitment_sources.ledger_id)`.execute(db);

  // stages a reviewer sets (cancelled, suspended, or a correction), with the evidence for them
  await db.schema
    .createTable('ledger_reviewed_stages')
    .addColumn('id', serial, key)
    .addColumn('ledger_id', 'integer', (c) => c.notNull().references('ledger_commitments.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('amount', real)
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_reviewed_stages_ledger').on('ledger_reviewed_stages').column('ledger_id').execute();

  await db.schema
    .createTable('ledger_history')
    .addColumn('id', serial, key)
    .addColumn('ledger_id', 'integer', (c) => c.notNull().references('ledger_commitments.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_history_ledger').on('ledger_history').column('ledger_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ledger_history').execute();
  await db.schema.dropTable('ledger_reviewed_stages').execute();
  for (const column of ['stage', 'amount', 'announced', 'announced_precision']) await db.schema.alterTable('commitment_sources').dropColumn(column).execute();
  await db.schema.dropIndex('ledger_gdp_share').execute();
  await db.schema.dropIndex('ledger_eur').execute();
  for (const column of ['announced_precision', 'eur', 'gdp_share', 'valuation', 'delivered', 'delivered_on']) await db.schema.alterTable('ledger_commitments').dropColumn(column).execute();
  await db.schema.alterTable('articles').dropColumn('superseded_by').execute();
  await db.schema.alterTable('articles').dropColumn('revision_of').execute();
  await db.schema.dropTable('article_locations').execute();
}
