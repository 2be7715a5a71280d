// The article-level registry: every mention of a country, organization and person with
// its word span, built once and shared by the relation rules (quotes, commitments, …).
import type { Analysis, Word } from '../../nlp/index.js';
import type { Deadline } from '../deadline.js';
import type { Dateline } from '../normalize/index.js';

export interface Span {
  first: number;
  last: number;
}

export interface CountryMention extends Span {
  code: string;
  form: 'name' | 'demonym' | 'capital';
  /** A capital named as a venue ("talks in Istanbul") rather than as a government. */
  venue: boolean;
}

export interface OrgRecord {
  key: string;
  name: string;
  acronym: string | null;
  kind: string | null;
  members: string[];
  country: string | null;
  rule: string;
  first: Span;
}

export interface OrgMention extends Span {
  key: string;
}

export interface PersonRecord {
  name: string;
  aliases: Set<string>;
  role: string | null;
  country: string | null;
  /** The organization named in the role ("European Commission President" → European Commission). */
  organization: string | null;
  rule: string;
  first: Span;
}

export interface PersonMention extends Span {
  person: PersonRecord;
}

export interface ArticleContext {
  analysis: Analysis;
  text: string;
  words: Word[];
  referenceDate: Date | null;
  dateline: Dateline | null;
  /** The article's time budget, checked between sentences. */
  deadline: Deadline;
  countryMentions: CountryMention[];
  orgs: Map<string, OrgRecord>;
  orgMentions: OrgMention[];
  persons: PersonRecord[];
  personMentions: PersonMention[];
  /** What each word belongs to, if anything. */
  owner: Array<CountryMention | OrgMention | PersonMention | undefined>;
}

export function isCountry(m: unknown): m is CountryMention {
  return typeof m === 'object' && m !== null && 'code' in m;
}
export function isOrg(m: unknown): m is OrgMention {
  return typeof m === 'object' && m !== null && 'key' in m;
}
export function isPerson(m: unknown): m is PersonMention {
  return typeof m === 'object' && m !== null && 'person' in m;
}

/**
 * Index of the last item whose `key` is at most `value` in a list sorted by that key, or -1.
 * Relation rules look back from every word: a binary search keeps long articles linear.
 */
export function lastAtOrBefore<T>(list: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the last mention that ends at or before word `k`, or -1 (mention lists are in text order). */
export function lastMentionBefore(list: readonly Span[], k: number): number {
  return lastAtOrBefore(list, (m) => m.last, k);
}

/** Index of the word that holds character `offset` (the last word starting at or before it). */
export function wordIndexAt(ctx: ArticleContext, offset: number): number {
  return Math.max(0, lastAtOrBefore(ctx.words, (w) => w.start, offset));
}

/** Index of the first word starting at or after character `offset`. */
export function firstWordFrom(ctx: ArticleContext, offset: number): number {
  return lastAtOrBefore(ctx.words, (w) => w.start, offset - 1) + 1;
}

/** Walks back from word `k` over the mentions before it, newest first, until `test` accepts one. */
export function findMentionBefore<T extends Span>(list: readonly T[], k: number, test: (m: T) => boolean, limit = Infinity): T | undefined {
  for (let i = lastMentionBefore(list, k), n = 0; i >= 0 && n < limit; i--, n++) if (test(list[i])) return list[i];
  return undefined;
}
