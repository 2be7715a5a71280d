// The only module that imports wink-nlp. It turns text into words and sentences
// carrying character offsets, which wink itself does not give (its spans are token
// positions).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// Extraction needs sentences and part of speech only: leaving out wink's entity, negation and
// sentiment passes roughly halves the cost of reading a document.
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
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
const CAPITAL = /^\p{Lu}/u;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const ENDS_WITH_LETTER = /[\p{L}\p{M}]$/u;

/**
 * Tokens, part of speech and sentences from wink-nlp, as words with offsets.
 * wink splits some accented letters off a word ("Kęstutis" → K, ę, stutis): letter
 * tokens with no space between them are joined back into one word.
 */
export function analyze(text: string): Analysis {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  // wink's typings reject some of its own `its` helpers (lemma); they work at run time.
  const out = tokens.out as unknown as (f: unknown) => string[];
  const values = out(its.value);
  const spaces = out(its.precedingSpaces);
  const pos = out(its.pos);
  const lemmas = out(its.lemma);
  const sentenceOfToken = new Int32Array(values.length);
  const sentenceSpans: Array<[number, number]> = [];
  doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    for (let i = a; i <= b; i++) sentenceOfToken[i] = sentenceSpans.length;
    sentenceSpans.push([a, b]);
  });

  const words: Word[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  let pendingSpace = false;
  let pendingBreak = false;
  let paragraph = 0;
  let lastSentence = -1;
  for (let i = 0; i < values.length; i++) {
    const space = spaces[i];
    // wink rebuilds the text losslessly from precedingSpaces + value; guard anyway.
    let start = offset + space.length;
    if (!text.startsWith(values[i], start)) {
      const found = text.indexOf(values[i], offset);
      if (found >= 0) start = found;
    }
    const end = start + values[i].length;
    offset = end;
    if (space.includes('\n')) pendingBreak = true;
    if (LINE_BREAK_TOKEN.test(values[i])) {
      pendingBreak ||= values[i].includes('\n');
      pendingSpace = true;
      continue;
    }
    const prev = words[words.length - 1];
    const glue =
      prev !== undefined && !pendingSpace && space.length === 0 && prev.end === start &&
      LETTERS.test(values[i]) && ENDS_WITH_LETTER.test(prev.text);
    if (glue) {
      prev.text += values[i];
      prev.lower = prev.text.toLowerCase();
      prev.key = keyOf(prev.lower);
      prev.lemma = prev.lower;
      prev.end = end;
      sentences[sentences.length - 1].end = end;
      continue;
    }
    // A line break always ends a sentence (headlines and datelines have no full stop)
    // and starts a paragraph.
    const s = sentenceOfToken[i];
    // wink sometimes splits inside "EUR1.8": a sentence never starts without whitespace before it
    const unspacedSplit = s !== lastSentence && space.length === 0 && !pendingSpace;
    if (unspacedSplit) lastSentence = s;
    if (words.length === 0 || (s !== lastSentence && !unspacedSplit) || pendingBreak) {
      if (pendingBreak && words.length > 0) paragraph++;
      sentences.push({ start, end, first: words.length, last: words.length, paragraph });
      lastSentence = s;
    }
    const sentence = sentences[sentences.length - 1];
    words.push({
      text: values[i],
      lower: values[i].toLowerCase(),
      key: keyOf(values[i].toLowerCase()),
      cap: CAPITAL.test(values[i]),
      lemma: lemmas[i],
      pos: pos[i],
      start,
      end,
      sentence: sentences.length - 1,
      spaced: space.length > 0 || pendingSpace,
      lineStart: pendingBreak,
    });
    sentence.end = end;
    sentence.last = words.length;
    pendingSpace = false;
    pendingBreak = false;
  }
  return { text, words, sentences };
}

/** A bare wink-nlp pass (tokens, sentences, part of speech, entities): the yardstick for the extraction benchmark. */
export function bareWinkPass(text: string): number {
  const doc = fullNlp.readDoc(text);
  const n = (doc.tokens().out(fullNlp.its.pos) as string[]).length;
  doc.sentences().out();
  doc.entities().out(fullNlp.its.detail);
  return n;
}
