// Ingestion: an article → pipeline → ledger, in one transaction. The queue worker and the API call
// ingestArticle(s); the CLI prepares articles on an extraction thread and records them with
// recordPrepared, the same path in two steps; src/ledger/record.ts does the writing.
import { createHash } from 'node:crypto';
import { recordArticles, type ArticleSource, type ExtractedArticle, type RecordOutcome } from '../ledger/record.js';
import type { FactStore } from '../store/index.js';
import { extractInThisThread, type Extractor } from './extract.js';
import { labelOf, recordFailure } from './failures.js';
import { FetchError, safeFetch } from './fetch.js';

export type { ArticleSource } from '../ledger/record.js';

export type IngestOutcome = RecordOutcome | { status: 'failed'; error: string };

/** sha256 of the normalized text: the identity of an article's text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** The URL without tracking parameters, fragment, "www." and trailing slash. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|mc_|ref$|cmp$)/i.test(key)) u.searchParams.delete(key);
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.protocol}//${host}${path}${u.search}`;
  } catch {
    return null;
  }
}

export async function ingestArticle(store: FactStore, input: ArticleSource, now: Date = new Date(), extract: Extractor = extractInThisThread): Promise<IngestOutcome> {
  return (await ingestArticles(store, [input], now, extract))[0];
}

/**
 * Ingests an article as given: its text, or the page at its URL; an address that cannot be
 * fetched is kept with the failures, as an unreadable text is (by ingestArticle).
 */
export async function ingestGiven(store: FactStore, extract: Extractor, given: Omit<ArticleSource, 'text'> & { text?: string }): Promise<IngestOutcome> {
  let { text, url = null } = given;
  if (text === undefined && url) {
    try {
      const page = await safeFetch(url);
      text = page.body;
      url = page.url;
    } catch (err) {
      const reason = err instanceof FetchError ? err.message : 'the URL could not be fetched';
      await recordFailure(store.db, { label: url, url, input: null, reason }, new Date());
      return { status: 'failed', error: reason };
    }
  }
  return ingestArticle(store, { ...given, text: text ?? '', url }, new Date(), extract);
}

/**
 * Extracts a batch of articles, then records them in one transaction: each article with all
 * its facts or not at all, and one commit for the batch (a commit costs more than an article's
 * inserts). If the batch cannot commit (another worker recorded one of its texts first), each
 * article is recorded in a transaction of its own.
 */
export async function ingestArticles(store: FactStore, inputs: ArticleSource[], now: Date = new Date(), extract: Extractor = extractInThisThread): Promise<IngestOutcome[]> {
  const prepared: PreparedArticle[] = [];
  for (const input of inputs) prepared.push(await prepareArticle(input, extract));
  return recordPrepared(store, prepared, now);
}

/** An article extracted and ready to be recorded, or why it cannot be. */
export type PreparedArticle = ExtractedArticle | { error: string; input: ArticleSource };

/** Records articles prepared by prepareArticle, as ingestArticles does (one transaction for the batch). */
export async function recordPrepared(store: FactStore, articles: PreparedArticle[], now: Date = new Date()): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(articles.length);
  const prepared: Array<[number, ExtractedArticle]> = [];
  for (const [i, p] of articles.entries()) {
    if (!('error' in p)) {
      prepared.push([i, p]);
      continue;
    }
    outcomes[i] = { status: 'failed', error: p.error };
    // kept for the workbench's list of failed items, to be retried
    await recordFailure(store.db, { label: labelOf(p.input), url: p.input.url ?? null, input: p.input, reason: p.error }, now);
  }
  if (prepared.length === 0) return outcomes;
  try {
    const stored = await recordInOneTransaction(store, prepared.map(([, p]) => p), now);
    prepared.forEach(([i], k) => (outcomes[i] = stored[k]));
  } catch (err) {
    if (prepared.length === 1) outcomes[prepared[0][0]] = await recordAlone(store, prepared[0][1], now, err);
    else for (const [i, p] of prepared) outcomes[i] = await recordAlone(store, p, now, err);
  }
  return outcomes;
}

function recordInOneTransaction(store: FactStore, articles: ExtractedArticle[], now: Date): Promise<RecordOutcome[]> {
  return store.db.transaction().execute((trx) => recordArticles(trx, articles, now));
}

/** Records one article on its own, once more if a concurrent writer got in first (its text is then a duplicate, or another location). */
async function recordAlone(store: FactStore, article: ExtractedArticle, now: Date, earlier: unknown): Promise<RecordOutcome> {
  let last = earlier;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return (await recordInOneTransaction(store, [article], now))[0];
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

/** Extracts an article for recording: everything done to it before the database sees it. */
export async function prepareArticle(input: ArticleSource, extract: Extractor = extractInThisThread): Promise<PreparedArticle> {
  if (input.url && !/^https?:\/\//i.test(input.url)) return { error: `url must be an http or https address, not ${JSON.stringify(input.url.slice(0, 80))}`, input };
  let outcome;
  try {
    outcome = await extract({ text: input.text, published: input.published ?? null });
  } catch (err) {
    // an extraction thread that died (out of memory, killed) fails this article, not the batch
    return { error: `extraction failed: ${(err as Error).message}`, input };
  }
  if (!outcome.ok) return { error: outcome.error, input };
  return { input, result: outcome.result, signature: outcome.signature, hash: contentHash(outcome.result.normalized.text), canonical: canonicalUrl(input.url) };
}

