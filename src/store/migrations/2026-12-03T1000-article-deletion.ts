// A reviewer can delete an article (a wrong page, a duplicate the signatures missed): it stays
// stored, marked with who deleted it, when and why, so that the deletion is logged and its facts
// keep their review history; its facts leave the ledger and it leaves lists and search.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('deleted_at', 'text').execute();
  await db.schema.alterTable('articles').addColumn('deleted_by', 'text').execute();
  await db.schema.alterTable('articles').addColumn('deleted_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['deleted_reason', 'deleted_by', 'deleted_at']) await db.schema.alterTable('articles').dropColumn(column).execute();
}
