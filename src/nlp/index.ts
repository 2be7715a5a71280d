// The only module that imports wink-nlp. It turns text into words and sentences
// carrying character offsets, which wink itself does not give (its spans are token
// positions).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// Extraction needs part of speech only: leaving out wink's sentence, entity, negation and
// sentiment passes roughly halves the cost of reading a document. wink's tokenizer keeps
// abbreviations whole ("Mr.", "Feb.", "U.S."), so sentences end at a bare ".", "!" or "?".
let nlp = winkNLP(model, ['pos']);
const its = nlp.its;
/**
 * wink files every new word it meets (every number, name and typo) in a cache that never lets go:
 * a long run would grow without bound. After this many documents the reader is made anew (about
 * a fifth of a second, once per tens of thousands of articles), so memory stays flat.
 */
const DOCUMENTS_PER_READER = 20_000;
let documentsRead = 0;
/** The full default pipeline, for the benchmark's yardstick only. */
const fullNlp = winkNLP(model);

export interface Word {
  text: string;
  lower: string;
  /** The first run of letters or digits, lower-cased: the key lexicon phrases are filed under. */
  key: string;
  /** Starts with a capital letter. */
  cap: boolean;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  /** Index of the sentence that holds the word. */
  sentence: number;
  /** True when whitespace precedes the word. */
  spaced: boolean;
  /** True when a line break precedes the word. */
  lineStart: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Word index range `[first, last)`. */
  first: number;
  last: number;
  paragraph: number;
}

export interface Analysis {
  text: string;
  words: Word[];
  sentences: Sentence[];
}

const KEY = /^[\p{L}\p{N}]+/u;
/** The first run of letters or digits of a word ("u.s." → "u"); phrase lookups are keyed by it. */
export const keyOf = (lower: string) => KEY.exec(lower)?.[0] ?? lower.slice(0, 1);

/** wink's tabCRLF tokens: tabs and line breaks that it keeps as tokens. */
const LINE_BREAK_TOKEN = /^[\t\r\n]+$/;
const TERMINAL = /^(?:[.!?]+|…)$/;
const CLOSING = /^["”’'»)\]]+$/;
const CAPITAL = /^\p{Lu}/u;
const LETTERS = /^[\p{L}\p{M}]+$/u;
/**
 * News sentences stay under 500 characters. Past these lengths a run-on "sentence" (a list, a
 * table flattened to text, or a hostile input) is cut: at the next clause boundary once it is
 * longer than the first, at any word past the second. Every rule that scans a sentence then
 * stays bounded, and extraction linear in the length of the text.
 */
const CLAUSE_SPLIT_CHARS = 1000;
const HARD_SPLIT_CHARS = 2000;
const CLAUSE_PUNCTUATION = /^[,;:]$/;
const CLAUSE_OPENERS = new Set(['CCONJ', 'SCONJ']);
const ENDS_WITH_LETTER = /[\p{L}\p{M}]$/u;

/**
 * Tokens, part of speech and sentences from wink-nlp, as words with offsets.
 * wink splits some accented letters off a word ("Kęstutis" → K, ę, stutis): letter
 * tokens with no space between them are joined back into one word.
 */
export function analyze(text: string): Analysis {
  if (++documentsRead % DOCUMENTS_PER_READER === 0) nlp = winkNLP(model, ['pos']);
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  // wink's typings reject some of its own `its` helpers (lemma); they work at run time.
  const out = tokens.out as unknown as (f: unknown) => string[];
  const values = out(its.value);
  const pos = out(its.pos);
  const lemmas = out(its.lemma);

  const words: Word[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  let pendingBreak = false;
  let sentenceEnded = true;
  let paragraph = 0;
  // the next line break at or after `offset`, looked up again only once passed: one scan of the text in all
  let nextBreak = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // wink's tokens rebuild the text losslessly; what lies between two tokens is whitespace
    let start = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
    if (start < 0) start = offset;
    const gapped = start > offset;
    if (gapped) {
      if (nextBreak < offset) {
        const found = text.indexOf('\n', offset);
        nextBreak = found < 0 ? Infinity : found;
      }
      if (nextBreak < start) pendingBreak = true;
    }
    const end = start + value.length;
    offset = end;
    if (LINE_BREAK_TOKEN.test(value)) {
      pendingBreak ||= value.includes('\n');
      continue;
    }
    const spaced = gapped || (start > 0 && /\s/.test(text[start - 1]));
    const prev = words[words.length - 1];
    // wink splits some accented letters off a word ("Kęstutis" → K, ę, stutis): join them back
    if (prev !== undefined && !spaced && !pendingBreak && prev.end === start && LETTERS.test(value) && ENDS_WITH_LETTER.test(prev.text)) {
      prev.text += value;
      prev.lower = prev.text.toLowerCase();
      prev.key = keyOf(prev.lower);
      prev.lemma = prev.lower;
      prev.end = end;
      sentences[sentences.length - 1].end = end;
      continue;
    }
    // A line break always ends a sentence (headlines and datelines have no full stop) and starts a paragraph.
    if (words.length === 0 || pendingBreak || (sentenceEnded && spaced) || runsOn(sentences[sentences.length - 1], prev, pos[i], start)) {
      if (pendingBreak && words.length > 0) paragraph++;
      sentences.push({ start, end, first: words.length, last: words.length, paragraph });
    }
    const lower = value.toLowerCase();
    words.push({
      text: value,
      lower,
      key: keyOf(lower),
      cap: CAPITAL.test(value),
      lemma: lemmas[i],
      pos: pos[i],
      start,
      end,
      sentence: sentences.length - 1,
      spaced,
      lineStart: pendingBreak,
    });
    const sentence = sentences[sentences.length - 1];
    sentence.end = end;
    sentence.last = words.length;
    pendingBreak = false;
    // a full stop, "!" or "?" ends a sentence; quotes and brackets glued to it still belong to it
    sentenceEnded = TERMINAL.test(value) || (sentenceEnded && !spaced && CLOSING.test(value));
  }
  return { text, words, sentences };
}

/** Whether a sentence has grown so long that it is cut before this word (see CLAUSE_SPLIT_CHARS). */
function runsOn(sentence: Sentence | undefined, prev: Word | undefined, pos: string, start: number): boolean {
  if (!sentence || !prev) return false;
  const length = start - sentence.start;
  if (length > HARD_SPLIT_CHARS) return true;
  return length > CLAUSE_SPLIT_CHARS && (CLAUSE_OPENERS.has(pos) || CLAUSE_PUNCTUATION.test(prev.text));
}

/** A bare wink-nlp pass (tokens, sentences, part of speech, entities): the yardstick for the extraction benchmark. */
export function bareWinkPass(text: string): number {
  const doc = fullNlp.readDoc(text);
  const n = (doc.tokens().out(fullNlp.its.pos) as string[]).length;
  doc.sentences().out();
  doc.entities().out(fullNlp.its.detail);
  return n;
}
