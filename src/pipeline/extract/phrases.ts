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

/** Phrases longer than this many words are not looked for. */
const MAX_PHRASE_WORDS = 12;

/**
 * Finds lexicon phrases in analysed text by comparing characters at word starts, so a
 * phrase matches however wink happens to split it into tokens. All-lowercase phrases
 * match in any case ("coalition of the willing"); others match as written ("US" ≠ "us").
 */
export class PhraseMatcher<T> {
  private readonly buckets = new Map<string, Entry<T>[]>();

  add(phrase: string, payload: T): void {
    const key = keyOf(phrase.toLowerCase());
    const list = this.buckets.get(key) ?? [];
    list.push({ phrase, lower: phrase.toLowerCase(), caseless: phrase === phrase.toLowerCase(), payload });
    list.sort((a, b) => b.phrase.length - a.phrase.length);
    this.buckets.set(key, list);
  }

  /** Longest phrase starting at word `i` that ends where a word ends. */
  matchAt(a: Analysis, i: number): PhraseHit<T> | undefined {
    const w = a.words[i];
    const list = this.buckets.get(w.key);
    if (!list) return undefined;
    for (const e of list) {
      const end = w.start + e.phrase.length;
      const last = wordEndingAt(a, i, end);
      if (last < 0) continue;
      const slice = a.text.slice(w.start, end);
      if (e.caseless ? slice.toLowerCase() === e.lower : slice === e.phrase) {
        return { first: i, last: last + 1, start: w.start, end, payload: e.payload };
      }
    }
    return undefined;
  }
}

/** Index of the word from `i` on that ends exactly at `end`, or -1. */
function wordEndingAt(a: Analysis, i: number, end: number): number {
  for (let k = i; k < a.words.length && k < i + MAX_PHRASE_WORDS; k++) {
    const e = a.words[k].end;
    if (e === end) return k;
    if (e > end) return -1;
  }
  return -1;
}
