import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore, type FactStore } from '../src/store/index.js';

/** The databases the store suite runs on: SQLite always, PostgreSQL when PLEDGEWATCH_TEST_DATABASE_URL is set. */
export const DIALECTS: Array<{ name: string; url: () => string }> = [
  { name: 'sqlite', url: () => join(mkdtempSync(join(tmpdir(), 'pledgewatch-')), 'test.db') },
  ...(process.env.PLEDGEWATCH_TEST_DATABASE_URL ? [{ name: 'postgres', url: () => process.env.PLEDGEWATCH_TEST_DATABASE_URL! }] : []),
];

/** A fresh, empty store: a new SQLite file, or the test PostgreSQL database emptied first. */
export async function freshStore(url: string): Promise<FactStore> {
  if (url.startsWith('postgres')) {
    const store = await openStore(url);
    await sql`drop schema public cascade`.execute(store.db);
    await sql`create schema public`.execute(store.db);
    await store.close();
  }
  return openStore(url);
}
