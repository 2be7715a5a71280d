// The shapes the API answers with (see /docs for the OpenAPI description).

export const FACT_TYPES = ['person', 'country', 'organization', 'quote', 'commitment', 'sanction', 'meeting'] as const;
export type FactType = (typeof FACT_TYPES)[number];
export const CATEGORIES = ['military', 'financial', 'humanitarian', 'security-guarantee', 'political', 'reconstruction', 'other'] as const;
export const STATUSES = ['pledged', 'delivered', 'planned', 'ready'] as const;
export const PERIODS = ['annual', 'one-off', 'multi-year', 'cumulative'] as const;
export const MEETING_KINDS = ['talks', 'call', 'visit', 'press conference', 'summit', 'meeting'] as const;

export interface LedgerSource {
  articleId: number;
  url: string | null;
  evidence: string;
}

export interface LedgerRow {
  id: number;
  donor: string | null;
  recipient: string | null;
  amount: number | null;
  unit: string | null;
  eur: number | null;
  gdpShare: number | null;
  period: string | null;
  category: string;
  status: string;
  item: string | null;
  announced: string | null;
  sources: LedgerSource[];
}

export interface SummaryRow {
  key: string;
  commitments: number;
  eur: number;
  gdpShare: number | null;
}

export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'edited';

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
}

export interface OrganizationDetail {
  id: number;
  name: string;
  acronym: string | null;
  kind: string | null;
  members: Array<{ country: string; source: string; evidence: string | null }>;
  commitments: LedgerRow[];
}

export interface SearchHit {
  kind: 'article' | 'quote';
  id: number;
  articleId: number;
  snippet: string;
}
