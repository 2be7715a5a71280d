// The shapes the API answers with (see /docs for the OpenAPI description).

// The vocabularies and the ledger's rows are the server's own: one definition for both sides.
import { FACT_TYPES, REVIEW_STATUSES } from '../../../src/facts/vocabulary';
import type { LedgerRow } from '../../../src/ledger/query';

export { CATEGORIES, FACT_TYPES, MEETING_KINDS, PERIODS, PROPOSAL_STATUSES, STATUSES } from '../../../src/facts/vocabulary';
export type { LedgerRow, LedgerSort, LedgerSource, SummaryRow } from '../../../src/ledger/query';
export type { ProposalDetail, ProposalEvent, ProposalRow } from '../../../src/ledger/proposal-query';
export type { CategoryTotal, MonthFlow } from '../../../src/ledger/charts';
export type { IngestFailure } from '../../../src/ingest/failures';
export type FactType = (typeof FACT_TYPES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface Fact {
  id: number;
  type: FactType;
  data: Record<string, unknown>;
  start: number;
  end: number;
  evidence: string;
  rule: string;
  reviewStatus: ReviewStatus;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface ArticleSummary {
  id: number;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  storyId: number | null;
  ingestedAt: string;
}

export interface ArticleDetail extends ArticleSummary {
  text: string;
  language: string | null;
  place: string | null;
  facts: Fact[];
  /** Set when a reviewer deleted the article. */
  deleted: { at: string; by: string; reason: string | null } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: number | null;
}

export interface PersonSummary {
  id: number;
  name: string;
  role: string | null;
  country: string | null;
}

export interface Mention {
  factId: number;
  articleId: number;
  date: string | null;
  text: string;
  evidence: string;
}

export interface PersonDetail {
  id: number;
  name: string;
  country: string | null;
  roles: string[];
  quotes: Mention[];
  meetings: Mention[];
}

export interface OrganizationSummary {
  id: number;
  name: string;
  acronym: string | null;
  kind: string | null;
  members: number;
  /** Stored articles that name it. */
  articles: number;
}

export interface OrganizationDetail {
  id: number;
  name: string;
  acronym: string | null;
  kind: string | null;
  members: Array<{ country: string; source: string; evidence: string | null }>;
  commitments: LedgerRow[];
}

export type { SearchResult as SearchHit } from '../../../src/store/search';
