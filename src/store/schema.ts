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

/** A feed or page watched on a schedule; the polling anywhere leases a due row before it fetches. */
export interface WatchedSourcesTable {
  id: Generated<number>;
  url: string;
  name: string | null;
  every_seconds: number;
  /** 1 when it was added with --allow-private: it may be on a loopback or private address. */
  allow_private: ColumnType<number, number | undefined, number>;
  created_at: string;
  /** When it is due: the interval after the last fetch, longer after failures. */
  next_fetch_at: string;
  last_fetch_at: string | null;
  last_success_at: string | null;
  /** The last fetch's error; null once a fetch succeeds. */
  last_error: string | null;
  /** Failures in a row (the backoff grows with them). */
  failures: ColumnType<number, number | undefined, number>;
  fetches: ColumnType<number, number | undefined, number>;
  items_seen: ColumnType<number, number | undefined, number>;
  /** Validators of the last response, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  last_modified: string | null;
  /** A poller holds the source until then; another takes it only once the lease has run out. */
  lease_until: string | null;
}

/** An item a watched feed has given, by its GUID: fetched again only when its updated date changes. */
export interface WatchedItemsTable {
  source_id: number;
  guid: string;
  updated: string | null;
  revision: ColumnType<number, number | undefined, number>;
  article_id: number | null;
  first_seen_at: string;
  last_seen_at: string;
}

/** Alerts on ledger changes that match the filters, posted to a webhook. */
export interface SubscriptionsTable {
  id: Generated<number>;
  name: string | null;
  /** JSON of the ledger filters: donor, recipient, category, status, minEur. */
  filters: string;
  webhook_url: string;
  /** The HMAC-SHA256 key of the signature header. */
  secret: string;
  allow_private: ColumnType<number, number | undefined, number>;
  created_at: string;
  /** The last ledger_history id matched against the filters. */
  seen_change: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One change sent to one subscription, retried until delivered or out of attempts. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  change_id: number;
  /** The JSON body posted (signed as it is). */
  payload: string;
  state: DeliveryState;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string;
  lease_until: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** Every attempt at a delivery, with the receiver's answer. */
export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  at: string;
  response_status: number | null;
  error: string | null;
  duration_ms: number;
}

/** A reviewer's visits to the workbench: changes after the previous one are marked new. */
export interface ReviewerVisitsTable {
  reviewer: string;
  previous_at: string | null;
  /** When the visit going on began, and when the reviewer was last seen in it. */
  current_at: string;
  last_seen_at: string;
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
  watched_sources: WatchedSourcesTable;
  watched_items: WatchedItemsTable;
  subscriptions: SubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  reviewer_visits: ReviewerVisitsTable;
}

/** A handle or a transaction: what every repository and ledger function takes first. */
export type Db = Kysely<Database> | Transaction<Database>;
