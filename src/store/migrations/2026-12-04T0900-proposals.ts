// Proposals across articles: each stored proposal fact folds into one row (proposer, addressee,
// subject, status now), and every report of it and every answer becomes an event of its history,
// with the fact and article that state it.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // the two databases spell an auto-numbered key differently
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const serial = postgres ? 'serial' : 'integer';
  await db.schema
    .createTable('ledger_proposals')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('proposer', 'text', (c) => c.notNull())
    .addColumn('addressee', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_proposals_seen').on('ledger_proposals').columns(['last_seen', 'first_seen']).execute();
  await db.schema
    .createTable('proposal_events')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('ledger_proposals.id').onDelete('cascade'))
    .addColumn('fact_id', 'integer', (c) => c.notNull().references('facts.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('at', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('response', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_events_proposal').on('proposal_events').column('proposal_id').execute();
  await db.schema.createIndex('proposal_events_fact').on('proposal_events').column('fact_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('proposal_events').execute();
  await db.schema.dropTable('ledger_proposals').execute();
}
