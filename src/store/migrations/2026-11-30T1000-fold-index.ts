// Folding looks up commitments by donor, recipient and unit within a window of announcement
// dates: an index that ends in the date serves the range, so the lookup stays small as the ledger grows.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('ledger_fold').on('ledger_commitments').columns(['donor', 'recipient', 'unit', 'announced']).execute();
  await db.schema.dropIndex('ledger_block').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('ledger_block').on('ledger_commitments').columns(['donor', 'recipient', 'unit']).execute();
  await db.schema.dropIndex('ledger_fold').execute();
}
