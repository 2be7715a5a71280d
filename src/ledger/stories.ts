// Syndicated copies: the same wire story under other headlines and page furniture. Each
// article gets a MinHash signature of its word 5-gram shingles; locality-sensitive bands
// find candidate copies without comparing every pair (near-linear in the number of articles).
import type { Db } from '../store/repositories.js';

const PERMUTATIONS = 64;
const BANDS = 16;
const ROWS = PERMUTATIONS / BANDS;
const SHINGLE = 5;
/** Estimated Jaccard similarity above which two articles are copies of one story. */
export const COPY_THRESHOLD = 0.5;

const SEEDS = Array.from({ length: PERMUTATIONS }, (_, i) => mix32(0x9e3779b9 ^ (i * 0x85ebca6b)));

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The MinHash signature of a text: for each of 64 hash functions, the least hash of its shingles. */
export function signature(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  const sig = new Array<number>(PERMUTATIONS).fill(0xffffffff);
  const count = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const h = fnv1a(words.slice(i, i + SHINGLE).join(' '));
    for (let p = 0; p < PERMUTATIONS; p++) {
      const v = mix32(h ^ SEEDS[p]);
      if (v < sig[p]) sig[p] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}

/** The band keys under which an article is filed; copies share at least one with high probability. */
export function bandKeys(sig: number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix32(h ^ sig[b * ROWS + r]);
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}

/**
 * A band shared by this many articles carries boilerplate (a recurring sign-off, a template),
 * not the identity of a story: it gets no more entries and finds no candidates. This keeps
 * the candidate search bounded however many articles are stored.
 */
const HOT_BAND = 20;

/** The story of a new article: the story of a near-copy found through shared bands, else a new one. Files the article's bands. */
export async function storyFor(db: Db, articleSig: number[], title: string | null, now: Date): Promise<{ storyId: number; bands: string[] }> {
  const keys = bandKeys(articleSig);
  const rows = await db
    .selectFrom('story_bands')
    .innerJoin('articles', 'articles.id', 'story_bands.article_id')
    .select(['story_bands.band', 'articles.id', 'articles.story_id'])
    .where('story_bands.band', 'in', keys)
    .execute();
  const perBand = new Map<string, number>();
  const shared = new Map<number, { storyId: number | null; bands: number }>();
  for (const r of rows) {
    perBand.set(r.band, (perBand.get(r.band) ?? 0) + 1);
    const entry = shared.get(r.id) ?? { storyId: r.story_id, bands: 0 };
    entry.bands++;
    shared.set(r.id, entry);
  }
  // the articles sharing most bands are the likely copies; their signatures decide
  const likely = [...shared.entries()].sort((a, b) => b[1].bands - a[1].bands).slice(0, 5);
  let best: { storyId: number; score: number } | null = null;
  if (likely.length > 0) {
    const sigs = await db.selectFrom('articles').select(['id', 'signature']).where('id', 'in', likely.map(([id]) => id)).execute();
    for (const s of sigs) {
      const storyId = shared.get(s.id)?.storyId;
      if (storyId === null || storyId === undefined) continue;
      const score = similarity(articleSig, JSON.parse(s.signature) as number[]);
      if (score >= COPY_THRESHOLD && (!best || score > best.score)) best = { storyId, score };
    }
  }
  const bands = keys.filter((k) => (perBand.get(k) ?? 0) < HOT_BAND);
  if (best) return { storyId: best.storyId, bands };
  const story = await db.insertInto('stories').values({ title, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return { storyId: story.id, bands };
}
