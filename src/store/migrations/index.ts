import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-30T0900-initial.js';

/** Every migration, by its timestamped name; Kysely runs them in name order. */
const migrations: Record<string, Migration> = {
  '2026-11-30T0900-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
