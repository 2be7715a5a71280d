// The API's summary cache reads the ledger's latest update time: an index makes that a lookup.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('ledger_updated').on('ledger_commitments').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ledger_updated').execute();
}
