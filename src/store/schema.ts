// Table types for Kysely. JSON columns hold text on both databases (serialised by the repositories).
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'edited' | 'superseded' | 'deleted';
export type FactType = 'person' | 'country' | 'organization' | 'quote' | 'commitment' | 'sanction' | 'meeting' | 'proposal';

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
  /** The earlier revision of the same address this text replaces. */
  revision_of: number | null;
  /** The later revision that replaced this one; its facts are superseded. */
  superseded_by: number | null;
  /** Set when a reviewer deleted the article: who, when and why (it stays stored, out of lists, search and the ledger). */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Every address a text was found at: copies at other URLs are sources of the same article. */
export interface ArticleLocationsTable {
  id: Generated<number>;
  article_id: number;
  url: string;
  canonical_url: string;
  source: string | null;
  seen_at: string;
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
  /** How many fields the extractor guessed (src/facts/uncertainty.ts): the review queue's "most uncertain first". */
  uncertainty: ColumnType<number, number | undefined, number>;
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

/** An organization named in a stored article. */
export interface OrganizationMentionsTable {
  organization_id: number;
  article_id: number;
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
  announced_precision: DatePrecision;
  updated_at: string;
  /** The year of `announced`, else of `updated_at`: what totals group by (kept by src/ledger/commitments.ts). */
  year: number;
  /** Default valuation, stored so that rows sort and page by it. */
  eur: number | null;
  gdp_share: number | null;
  valuation: Valuation | null;
  /** The amount or quantity reported delivered so far, and when the last delivery was reported. */
  delivered: number | null;
  delivered_on: string | null;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';
export type Valuation = 'reported' | 'estimate';

/** One source of a ledger row: a fact of one article revision, with the stage it reports. */
export interface CommitmentSourcesTable {
  ledger_id: number;
  fact_id: number;
  article_id: number;
  stage: string;
  amount: number | null;
  announced: string | null;
  announced_precision: DatePrecision;
}

/** A stage a reviewer set, with the evidence for it. */
export interface LedgerReviewedStagesTable {
  id: Generated<number>;
  ledger_id: number;
  stage: string;
  date: string | null;
  amount: number | null;
  evidence: string;
  actor: string;
  at: string;
}

export interface LedgerHistoryTable {
  id: Generated<number>;
  ledger_id: number;
  at: string;
  action: string;
  actor: string | null;
  /** JSON: what changed. */
  detail: string;
}

/** A proposal across articles: the first report's proposer, addressee and subject, and its status now. */
export interface LedgerProposalsTable {
  id: Generated<number>;
  /** JSON array of parties. */
  proposer: string;
  addressee: string | null;
  subject: string;
  status: string;
  /** The earliest and latest date a report of it was published (`YYYY-MM-DD`, or as precise as known). */
  first_seen: string | null;
  last_seen: string | null;
  updated_at: string;
}

/** One step of a proposal's history: a report that puts it forward, or an answer, with the words that state it. */
export interface ProposalEventsTable {
  id: Generated<number>;
  proposal_id: number;
  fact_id: number;
  article_id: number;
  at: string | null;
  kind: 'proposed' | 'response';
  party: string | null;
  response: string | null;
  /** The status this step gives the proposal. */
  status: string;
  evidence: string;
  start: number;
  end: number;
}

/** An input that could not be stored, with its reason, until a retry stores it. */
export interface IngestFailuresTable {
  id: Generated<number>;
  /** What the input was to the user: its address, file or title. */
  label: string;
  url: string | null;
  /** JSON of the article as given ({text, url, published, …}), when there was a text to keep; else it is fetched again from `url`. */
  input: string | null;
  reason: string;
  first_at: string;
  last_at: string;
  attempts: ColumnType<number, number | undefined, number>;
  resolved_article_id: number | null;
  resolved_at: string | null;
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
  article_locations: ArticleLocationsTable;
  stories: StoriesTable;
  story_bands: StoryBandsTable;
  facts: FactsTable;
  review_log: ReviewLogTable;
  persons: PersonsTable;
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  organization_mentions: OrganizationMentionsTable;
  countries: CountriesTable;
  ledger_commitments: LedgerCommitmentsTable;
  commitment_sources: CommitmentSourcesTable;
  ledger_reviewed_stages: LedgerReviewedStagesTable;
  ledger_history: LedgerHistoryTable;
  ledger_proposals: LedgerProposalsTable;
  proposal_events: ProposalEventsTable;
  ingest_failures: IngestFailuresTable;
}

/** A handle or a transaction: what every repository and ledger function takes first. */
export type Db = Kysely<Database> | Transaction<Database>;
