// The FactStore: one interface over SQLite and PostgreSQL. Dialect differences live in
// dialects/; repositories are plain functions taking `db` (or a transaction) first.
import { Migrator, type Kysely } from 'kysely';
import { countries, organizations } from '../lexicons/index.js';
import { connect, type Capabilities } from './dialects/index.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export { StoreUnavailableError, isPostgresUrl, searchText, type SearchHit } from './dialects/index.js';
export type { Database } from './schema.js';

export interface FactStore {
  readonly db: Kysely<Database>;
  readonly capabilities: Capabilities;
  close(): Promise<void>;
}

/** Opens the store at `url` (a SQLite file or a postgres:// URL) and brings its schema up to date. */
export async function openStore(url: string): Promise<FactStore> {
  const { db, capabilities } = await connect(url);
  const store: FactStore = { db, capabilities, close: () => db.destroy() };
  try {
    await migrate(db);
    await seedReferenceData(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return store;
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Countries and the international bodies of the lexicons, with their member states. */
async function seedReferenceData(db: Kysely<Database>): Promise<void> {
  const seeded = await db.selectFrom('countries').select('code').limit(1).executeTakeFirst();
  if (seeded) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < countries.length; i += 100) {
      await trx
        .insertInto('countries')
        .values(countries.slice(i, i + 100).map((c) => ({ code: c.code, name: c.names[0] })))
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    for (const o of organizations) {
      const row = await trx
        .insertInto('organizations')
        .values({ name: o.name, acronym: o.aliases.find((a) => /^[A-Z0-9-]{2,6}$/.test(a)) ?? null, kind: o.kind })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row && o.members.length > 0) {
        await trx
          .insertInto('organization_members')
          .values(o.members.map((country) => ({ organization_id: row.id, country, source: 'lexicon' as const, article_id: null, evidence: null })))
          .onConflict((oc) => oc.columns(['organization_id', 'country']).doNothing())
          .execute();
      }
    }
  });
}
