// Search as an analyst reads its results: each hit with its article's source and date, a quote
// with its speaker, copies of one quote (wire copies) listed once, the words found marked, and
// quotes found by their speaker's name as well as by their words.
import { searchText, type Capabilities, type SearchHit } from './dialects/index.js';
import type { Database, Db } from './schema.js';
import { sql, type Kysely } from 'kysely';

export interface SearchResult extends SearchHit {
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  /** For a quote: who said it. */
  speaker: string | null;
  /** Other stored articles carrying the same quote. */
  copies: number;
  /** [start, end) of each word of the query found in the snippet, for marking. */
  marks: Array<[number, number]>;
}

const wordsOf = (text: string) => (text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).filter((w) => w.length > 1);

/** Where the query's words stand in `snippet`, whole words, case aside. */
export function markWords(snippet: string, query: string): Array<[number, number]> {
  const wanted = new Set(wordsOf(query));
  const marks: Array<[number, number]> = [];
  for (const m of snippet.matchAll(/[\p{L}\d]+/gu)) {
    if (wanted.has(m[0].toLowerCase())) marks.push([m.index, m.index + m[0].length]);
  }
  return marks;
}

/** Quotes whose speaker's name holds every word of the query ("Laakso", "Aino Laakso"). */
async function quotesBySpeaker(db: Db, query: string, limit: number): Promise<SearchHit[]> {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  // the database narrows by the longest word; the speaker field itself is checked here
  const rows = await db.selectFrom('facts').select(['id', 'article_id', 'data', 'evidence']).where('type', '=', 'quote').where(sql<string>`lower(data)`, 'like', `%${longest.replace(/[%_]/g, '')}%`).limit(500).execute();
  return rows
    .filter((r) => {
      const speaker = String((JSON.parse(r.data) as { speaker?: string | null }).speaker ?? '').toLowerCase();
      return speaker !== '' && words.every((w) => wordsOf(speaker).includes(w));
    })
    .slice(0, limit)
    .map((r) => ({ kind: 'quote' as const, id: r.id, articleId: r.article_id, snippet: r.evidence }));
}

export async function searchWithContext(db: Kysely<Database>, capabilities: Capabilities, query: string, limit: number): Promise<SearchResult[]> {
  // more than asked for: copies of one quote fold into one result
  const found = [...(await quotesBySpeaker(db, query, limit)), ...(await searchText(db, capabilities, query, limit * 3))];
  const hits = [...new Map(found.map((h) => [`${h.kind}:${h.id}`, h])).values()];
  if (hits.length === 0) return [];
  const articles = await db.selectFrom('articles').select(['id', 'title', 'source', 'url', 'published']).where('id', 'in', [...new Set(hits.map((h) => h.articleId))]).where('deleted_at', 'is', null).execute();
  const articleOf = new Map(articles.map((a) => [a.id, a]));
  const quoteIds = hits.filter((h) => h.kind === 'quote').map((h) => h.id);
  const quotes = quoteIds.length ? await db.selectFrom('facts').select(['id', 'data']).where('id', 'in', quoteIds).execute() : [];
  const speakerOf = new Map(quotes.map((q) => [q.id, (JSON.parse(q.data) as { speaker?: string | null }).speaker ?? null]));
  const results: SearchResult[] = [];
  const byQuote = new Map<string, SearchResult>();
  for (const h of hits) {
    const a = articleOf.get(h.articleId);
    // a deleted article is found no more
    if (!a) continue;
    const speaker = h.kind === 'quote' ? (speakerOf.get(h.id) ?? null) : null;
    const same = h.kind === 'quote' ? `${speaker ?? ''}|${wordsOf(h.snippet).join(' ')}` : null;
    const earlier = same ? byQuote.get(same) : undefined;
    if (earlier) {
      earlier.copies++;
      continue;
    }
    const result: SearchResult = {
      ...h, title: a?.title ?? null, source: a?.source ?? null, url: a?.url ?? null, published: a?.published ?? null, speaker, copies: 0, marks: markWords(h.snippet, query),
    };
    if (same) byQuote.set(same, result);
    results.push(result);
  }
  return results.slice(0, limit);
}
