import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-30T0900-initial.js';
import * as foldIndex from './2026-11-30T1000-fold-index.js';
import * as apiTokens from './2026-11-30T1100-api-tokens.js';
import * as fullText from './2026-11-30T1200-full-text.js';
import * as ledgerUpdated from './2026-11-30T1300-ledger-updated.js';

/** Every migration, by its timestamped name; Kysely runs them in name order. */
const migrations: Record<string, Migration> = {
  '2026-11-30T0900-initial': initial,
  '2026-11-30T1000-fold-index': foldIndex,
  '2026-11-30T1100-api-tokens': apiTokens,
  '2026-11-30T1200-full-text': fullText,
  '2026-11-30T1300-ledger-updated': ledgerUpdated,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
