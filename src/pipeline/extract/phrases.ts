import { keyOf, type Analysis } from '../../nlp/index.js';

/** A lexicon phrase found in the text, spanning words `[first, last)`. */
export interface PhraseHit<T> {
  first: number;
  last: number;
  start: number;
  end: number;
  payload: T;
}

interface Entry<T> {
  phrase: string;
  lower: string;
  caseless: boolean;
  payload: T;
}

const firstKey = (s: string) => keyOf(s.toLowerCase());

/**
 * Finds lexicon phrases in analysed text by comparing characters at word starts, so a
 * phrase matches however wink happens to split it into tokens. All-lowercase phrases
 * match in any case ("coalition of the willing"); others match as written ("US" ≠ "us").
 */
export class PhraseMatcher<T> {
  private readonly buckets = new Map<string, Entry<T>[]>();

  add(phrase: string, payload: T): void {
    const key = firstKey(phrase);
    const list = this.buckets.get(key) ?? [];
    list.push({ phrase, lower: phrase.toLowerCase(), caseless: phrase === phrase.toLowerCase(), payload });
    list.sort((a, b) => b.phrase.length - a.phrase.length);
    this.buckets.set(key, list);
  }

  /** Longest phrase starting at word `i` that ends on a word boundary. */
  matchAt(a: Analysis, i: number, endIndex: Map<number, number>): PhraseHit<T> | undefined {
    const w = a.words[i];
    const list = this.buckets.get(w.key);
    if (!list) return undefined;
    for (const e of list) {
      const end = w.start + e.phrase.length;
      const last = endIndex.get(end);
      if (last === undefined) continue;
      const slice = a.text.slice(w.start, end);
      if (e.caseless ? slice.toLowerCase() === e.lower : slice === e.phrase) {
        return { first: i, last: last + 1, start: w.start, end, payload: e.payload };
      }
    }
    return undefined;
  }

  /** Every non-overlapping match, left to right. */
  findAll(a: Analysis, endIndex: Map<number, number>): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < a.words.length; i++) {
      const hit = this.matchAt(a, i, endIndex);
      if (hit) {
        hits.push(hit);
        i = hit.last - 1;
      }
    }
    return hits;
  }
}

/** Map from a word's end offset to its index, for boundary checks. */
export function wordEndIndex(a: Analysis): Map<number, number> {
  const m = new Map<number, number>();
  a.words.forEach((w, i) => m.set(w.end, i));
  return m;
}
