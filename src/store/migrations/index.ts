import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-30T0900-initial.js';
import * as foldIndex from './2026-11-30T1000-fold-index.js';
import * as apiTokens from './2026-11-30T1100-api-tokens.js';
import * as fullText from './2026-11-30T1200-full-text.js';
import * as ledgerUpdated from './2026-11-30T1300-ledger-updated.js';
import * as tokenRevocation from './2026-12-02T0900-token-revocation.js';
import * as ledgerStage from './2026-12-02T1700-ledger-stage.js';
import * as organizationMentions from './2026-12-02T1900-organization-mentions.js';
import * as ledgerTotals from './2026-12-03T0900-ledger-totals.js';
import * as articleDeletion from './2026-12-03T1000-article-deletion.js';
import * as proposals from './2026-12-04T0900-proposals.js';
import * as ingestFailures from './2026-12-04T1000-ingest-failures.js';
import * as factUncertainty from './2026-12-04T1100-fact-uncertainty.js';
import * as watchedSources from './2026-12-04T1200-watched-sources.js';

/** Every migration, by its timestamped name; Kysely runs them in name order. */
const migrations: Record<string, Migration> = {
  '2026-11-30T0900-initial': initial,
  '2026-11-30T1000-fold-index': foldIndex,
  '2026-11-30T1100-api-tokens': apiTokens,
  '2026-11-30T1200-full-text': fullText,
  '2026-11-30T1300-ledger-updated': ledgerUpdated,
  '2026-12-02T0900-token-revocation': tokenRevocation,
  '2026-12-02T1700-ledger-stage': ledgerStage,
  '2026-12-02T1900-organization-mentions': organizationMentions,
  '2026-12-03T0900-ledger-totals': ledgerTotals,
  '2026-12-03T1000-article-deletion': articleDeletion,
  '2026-12-04T0900-proposals': proposals,
  '2026-12-04T1000-ingest-failures': ingestFailures,
  '2026-12-04T1100-fact-uncertainty': factUncertainty,
  '2026-12-04T1200-watched-sources': watchedSources,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
