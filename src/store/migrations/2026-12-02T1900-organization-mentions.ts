// Which stored articles name each organization: the list of organizations shows those the
// articles are about, not every body of the lexicon. Filled from the organization facts.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('organization_mentions')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('organization_mentions_pk', ['organization_id', 'article_id'])
    .execute();
  await db.schema.createIndex('organization_mentions_article').on('organization_mentions').column('article_id').execute();
  const name = postgres ? sql`(facts.data::json ->> 'name')` : sql`json_extract(facts.data, '$.name')`;
  await sql`insert into organization_mentions (organization_id, article_id)
            select distinct organizations.id, facts.article_id from facts join organizations on organizations.name = ${name}
            where facts.type = 'organization'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organization_mentions').execute();
}
