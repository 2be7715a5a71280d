// How many of a fact's fields the extractor guessed, stored so that the review queue can put
// the most uncertain first and page through them by an index. Facts stored before are counted here.
import type { Kysely } from 'kysely';
import { guessedFields } from '../../facts/uncertainty.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('facts').addColumn('uncertainty', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (let after = 0; ; ) {
    const rows: Array<{ id: number; data: string }> = await db.selectFrom('facts').select(['id', 'data']).where('id', '>', after).orderBy('id').limit(1000).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const guessed = guessedFields((JSON.parse(r.data) as { rules?: unknown }).rules);
      if (guessed > 0) await db.updateTable('facts').set({ uncertainty: guessed }).where('id', '=', r.id).execute();
    }
    after = rows[rows.length - 1].id;
  }
  await db.schema.createIndex('facts_review_uncertainty').on('facts').columns(['type', 'review_status', 'uncertainty']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('facts_review_uncertainty').execute();
  await db.schema.alterTable('facts').dropColumn('uncertainty').execute();
}
