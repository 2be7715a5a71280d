// Table types for Kysely. JSON columns hold text on both databases (serialised by the repositories).
import type { ColumnType, Generated } from 'kysely';

export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'edited';
export type FactType = 'person' | 'country' | 'organization' | 'quote' | 'commitment' | 'sanction' | 'meeting';

export interface ArticlesTable {
  id: Generated<number>;
  content_hash: string;
  canonical_url: string | null;
  url: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  place: string | null;
  text: string;
  extractor_version: string;
  story_id: number | null;
  /** MinHash signature of the text's shingles, JSON array of numbers. */
  signature: string;
  ingested_at: string;
}

export interface StoriesTable {
  id: Generated<number>;
  title: string | null;
  created_at: string;
}

export interface StoryBandsTable {
  band: string;
  article_id: number;
}

export interface FactsTable {
  id: Generated<number>;
  article_id: number;
  type: FactType;
  data: string;
  start: number;
  end: number;
  evidence: string;
  rule: string;
  extractor_version: string;
  review_status: ColumnType<ReviewStatus, ReviewStatus | undefined, ReviewStatus>;
  reviewed_by: string | null;
  reviewed_at: string | null;
  edited_data: string | null;
}

export interface ReviewLogTable {
  id: Generated<number>;
  fact_id: number;
  action: string;
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
}

export interface PersonsTable {
  id: Generated<number>;
  name: string;
  role: string | null;
  country: string | null;
}

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  acronym: string | null;
  kind: string | null;
}

export interface OrganizationMembersTable {
  organization_id: number;
  country: string;
  source: 'lexicon' | 'fact';
  article_id: number | null;
  evidence: string | null;
}

export interface CountriesTable {
  code: string;
  name: string;
}

export interface LedgerCommitmentsTable {
  id: Generated<number>;
  donor: string | null;
  recipient: string | null;
  amount: number | null;
  unit: string | null;
  period: string | null;
  category: string;
  status: string;
  item: string | null;
  announced: string | null;
  updated_at: string;
}

export interface CommitmentSourcesTable {
  ledger_id: number;
  fact_id: number;
  article_id: number;
}

export type Role = 'viewer' | 'reviewer' | 'admin';

export interface ApiTokensTable {
  hash: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

export interface Database {
  api_tokens: ApiTokensTable;
  articles: ArticlesTable;
  stories: StoriesTable;
  story_bands: StoryBandsTable;
  facts: FactsTable;
  review_log: ReviewLogTable;
  persons: PersonsTable;
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  countries: CountriesTable;
  ledger_commitments: LedgerCommitmentsTable;
  commitment_sources: CommitmentSourcesTable;
}
