// The FactStore: one interface over SQLite and PostgreSQL. Dialect differences live in
// dialects/; repositories are plain functions taking `db` (or a transaction) first.
import { Migrator, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { config } from '../config.js';
import { countries, organizations } from '../lexicons/index.js';
import { connect, type Capabilities } from './dialects/index.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

/** The database holds a schema that no migration of this version can bring up to date. */
export class StoreStateError extends Error {}

export { StoreUnavailableError, isPostgresUrl, searchText, type SearchHit } from './dialects/index.js';
export type { Database } from './schema.js';

export interface FactStore {
  readonly db: Kysely<Database>;
  /** For reads that must not wait behind a write transaction (the API's GET routes); sees every committed write. */
  readonly reader: Kysely<Database>;
  readonly capabilities: Capabilities;
  close(): Promise<void>;
}

/** Opens the store at `url` (a SQLite file or a postgres:// URL) and brings its schema up to date. */
export async function openStore(url: string): Promise<FactStore> {
  const { db, capabilities, openReader } = await connect(url);
  const setup = config.killAfterSetupStatement ? db.withPlugin(new KillAfterStatements(config.killAfterSetupStatement)) : db;
  try {
    await migrate(setup);
    await seedReferenceData(setup);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  // opened on first use: the CLI's commands never read beside a write and need no second connection
  let reader: Kysely<Database> | undefined;
  return {
    db,
    get reader() {
      return (reader ??= openReader());
    },
    capabilities,
    close: async () => {
      if (reader && reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
}

/** Every pending migration, all in one transaction on both databases: a kill leaves the schema as it was. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (!error) return;
  const message = error instanceof Error ? error.message : String(error);
  throw new StoreStateError(
    `the database schema is in a state no migration of this pledgewatch knows (${message}): it was made by another program or another version; open it with that, or use a new database`,
  );
}

/** Tests only: SIGKILL right after the Nth statement, as a power cut would. */
class KillAfterStatements implements KyselyPlugin {
  private executed = 0;

  constructor(private readonly limit: number) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (++this.executed >= this.limit) process.kill(process.pid, 'SIGKILL');
    return args.result;
  }
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
    // one statement for the bodies and one for their members: the first start stays short
    const rows = await trx
      .insertInto('organizations')
      .values(organizations.map((o) => ({ name: o.name, acronym: o.aliases.find((a) => /^[A-Z0-9-]{2,6}$/.test(a)) ?? null, kind: o.kind })))
      .onConflict((oc) => oc.column('name').doNothing())
      .returning(['id', 'name'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.name, r.id]));
    const members = organizations.flatMap((o) => {
      const id = idOf.get(o.name);
      return id === undefined ? [] : o.members.map((country) => ({ organization_id: id, country, source: 'lexicon' as const, article_id: null, evidence: null }));
    });
    for (let i = 0; i < members.length; i += 500) {
      await trx
        .insertInto('organization_members')
        .values(members.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['organization_id', 'country']).doNothing())
        .execute();
    }
  });
}
