// Full-text search over articles and quotes: an FTS5 table kept by triggers on SQLite, a
// GIN expression index on PostgreSQL. Quotes are searched through the facts table.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create index articles_fts on articles using gin (to_tsvector('english', coalesce(title, '') || ' ' || text))`.execute(db);
    await sql`create index facts_quote_fts on facts using gin (to_tsvector('english', evidence)) where type = 'quote'`.execute(db);
    return;
  }
  await sql`create virtual table search_fts using fts5(kind unindexed, ref unindexed, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`insert into search_fts (kind, ref, body) select 'article', id, coalesce(title, '') || ' ' || text from articles`.execute(db);
  await sql`insert into search_fts (kind, ref, body) select 'quote', id, evidence from facts where type = 'quote'`.execute(db);
  await sql`create trigger articles_fts_insert after insert on articles begin insert into search_fts (kind, ref, body) values ('article', new.id, coalesce(new.title, '') || ' ' || new.text); end`.execute(db);
  await sql`create trigger articles_fts_delete after delete on articles begin delete from search_fts where kind = 'article' and ref = old.id; end`.execute(db);
  await sql`create trigger facts_fts_insert after insert on facts when new.type = 'quote' begin insert into search_fts (kind, ref, body) values ('quote', new.id, new.evidence); end`.execute(db);
  await sql`create trigger facts_fts_delete after delete on facts when old.type = 'quote' begin delete from search_fts where kind = 'quote' and ref = old.id; end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop index if exists articles_fts`.execute(db);
    await sql`drop index if exists facts_quote_fts`.execute(db);
    return;
  }
  for (const t of ['articles_fts_insert', 'articles_fts_delete', 'facts_fts_insert', 'facts_fts_delete']) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  await sql`drop table if exists search_fts`.execute(db);
}
