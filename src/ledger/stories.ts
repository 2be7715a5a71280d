// Syndicated copies: the same wire story under other headlines and page furniture. Each
// article gets a MinHash signature of its word 5-gram shingles; locality-sensitive bands
// find candidate copies without comparing every pair (near-linear in the number of articles).

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
