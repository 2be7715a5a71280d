// A shallow parse of an article, built once from wink's tokens and tags and the mention
// registry: noun-phrase chunks with the prepositional phrases attached to them ("a $40
// million grant | from | the Government of Norway"), coordinations ("Denmark, Norway and
// Sweden"), verb groups (modality, negation, voice) and clause bounds. Roles are read off
// this structure instead of counted distances. The word classes come from the grammar lexicon.
import { beVerbs, determiners, grammar, possessivePronouns, prepositions } from '../../lexicons/index.js';
import type { Word } from '../../nlp/index.js';

export interface NounPhrase {
  /** Word range `[first, last)`. */
  first: number;
  last: number;
  /** The last noun, name or number of the chunk. */
  head: number;
  /** Index of the first and the last phrase of the coordination this phrase belongs to (itself alone when none). */
  listFirst: number;
  listLast: number;
  /** Phrases attached by a preposition to this phrase (or to its coordination): "grant → from → Norway". */
  attached: Attachment[];
  /** The phrase this one is the object of, through which preposition. */
  host: Attachment | null;
}

export interface Attachment {
  prep: string;
  /** The other phrase's index. */
  phrase: number;
}

export interface VerbGroup {
  first: number;
  last: number;
  /** The main verb: the last verb of the group. */
  main: number;
  modal: string | null;
  negated: boolean;
  /** A form of "be" (or "get") followed by the main verb as a participle: "was pledged", "has been promised". */
  passive: boolean;
  /** Phrases attached to the verb group by a preposition right after it: "was announced → by → Canada". */
  attached: Attachment[];
}

export interface ShallowParse {
  phrases: NounPhrase[];
  verbGroups: VerbGroup[];
  /** Index of the phrase, of the verb group, that holds each word, or -1. */
  phraseOf: Int32Array;
  verbGroupOf: Int32Array;
  /** First word of the clause that holds each word. */
  clauseStart: Int32Array;
}

/** A mention span per word, so that a name with a preposition inside ("Council of the European Union") stays one chunk. */
export interface MentionSpans {
  /** End (exclusive) of the mention that starts at word `i`, or -1. */
  mentionEnd(i: number): number;
}

const coordinators = new Set(grammar.coordinators);
const clauseOpeners = new Set(grammar.clauseOpeners);
const modals = new Set(grammar.modals);
const NOMINAL = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ', 'DET', 'SYM']);
const HEADS = new Set(['NOUN', 'PROPN', 'NUM']);
const VERBAL = new Set(['VERB', 'AUX']);
const CLAUSE_PUNCT = new Set([';', ':', '—', '–', '(', ')']);

export function shallowParse(words: readonly Word[], mentions: MentionSpans): ShallowParse {
  const n = words.length;
  const phraseOf = new Int32Array(n).fill(-1);
  const verbGroupOf = new Int32Array(n).fill(-1);
  const phrases = chunkPhrases(words, mentions, phraseOf);
  const verbGroups = chunkVerbGroups(words, phraseOf, verbGroupOf);
  coordinate(words, phrases);
  attach(words, phrases, verbGroups, phraseOf, verbGroupOf);
  return { phrases, verbGroups, phraseOf, verbGroupOf, clauseStart: clauseStarts(words, verbGroupOf) };
}

function isNominal(w: Word, prev: Word | undefined): boolean {
  if (NOMINAL.has(w.pos)) return true;
  // "Norway's", "the UK’s": a possessive stays inside the phrase it opens
  return (w.lower === "'s" || w.lower === '’s') && prev !== undefined && HEADS.has(prev.pos);
}

function chunkPhrases(words: readonly Word[], mentions: MentionSpans, phraseOf: Int32Array): NounPhrase[] {
  const phrases: NounPhrase[] = [];
  let k = 0;
  while (k < words.length) {
    const start = k;
    let head = -1;
    while (k < words.length && words[k].sentence === words[start].sentence) {
      const end = mentions.mentionEnd(k);
      if (end > k) {
        head = end - 1;
        k = end;
        continue;
      }
      if (!isNominal(words[k], words[k - 1]) || prepositions.has(words[k].lower) && words[k].pos !== 'NOUN') break;
      if (HEADS.has(words[k].pos)) head = k;
      k++;
    }
    // "the second by Denmark", "the latter": a determiner and an adjective stand for a noun left out
    if (head < 0 && k - start >= 2 && words[start].pos === 'DET' && words[k - 1].pos === 'ADJ') head = k - 1;
    if (head < 0) {
      k = Math.max(k, start + 1);
      continue;
    }
    const index = phrases.length;
    phrases.push({ first: start, last: k, head, listFirst: index, listLast: index, attached: [], host: null });
    for (let i = start; i < k; i++) phraseOf[i] = index;
  }
  return phrases;
}

function chunkVerbGroups(words: readonly Word[], phraseOf: Int32Array, verbGroupOf: Int32Array): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let k = 0;
  while (k < words.length) {
    if (phraseOf[k] >= 0 || !(VERBAL.has(words[k].pos) || modals.has(words[k].lower))) {
      k++;
      continue;
    }
    const start = k;
    let main = k;
    let modal: string | null = null;
    let negated = false;
    let be = -1;
    while (k < words.length && phraseOf[k] < 0 && words[k].sentence === words[start].sentence) {
      const w = words[k];
      if (modals.has(w.lower)) modal ??= w.lower;
      else if (w.lower === 'not' || w.lower === "n't") negated = true;
      else if (VERBAL.has(w.pos)) {
        if (beVerbs.has(w.lower) || w.lemma === 'get') be = k;
        main = k;
      } else if (w.pos !== 'ADV' && w.pos !== 'PART') break;
      k++;
    }
    // "was pledged", "has been promised": be, then a participle as the last verb
    const passive = be >= 0 && main > be && words[main].lower !== words[main].lemma && /(?:ed|en|wn|t)$/.test(words[main].lower);
    const index = groups.length;
    groups.push({ first: start, last: k, main, modal, negated, passive, attached: [] });
    for (let i = start; i < k; i++) verbGroupOf[i] = index;
    if (k === start) k++;
  }
  return groups;
}

/** "Denmark, Norway, and Sweden": phrases joined by commas and a final "and"/"or" form one coordination. */
function coordinate(words: readonly Word[], phrases: NounPhrase[]): void {
  let i = 0;
  while (i < phrases.length) {
    let j = i;
    let closed = false;
    while (j + 1 < phrases.length) {
      // the words between two phrases: "," or "and" or ", and"
      const from = phrases[j].last;
      const gap = phrases[j + 1].first - from;
      const byComma = gap === 1 && words[from].text === ',';
      // "the EU and its member states": a possessive after the conjunction belongs to the gap
      const possessive = gap === 2 && possessivePronouns.has(words[from + 1].lower);
      const conjunction = possessive ? from : from + gap - 1;
      const byConjunction = (gap === 1 || (gap === 2 && (words[from].text === ',' || possessive))) && coordinators.has(words[conjunction].lower);
      if (!byComma && !byConjunction) break;
      j++;
      if (byConjunction) {
        closed = true;
        break;
      }
    }
    // a run of commas with no "and" is an apposition or a clause break, not a list
    if (closed) for (let p = i; p <= j; p++) Object.assign(phrases[p], { listFirst: i, listLast: j });
    i = closed ? j + 1 : i + 1;
  }
}

/** A preposition between two chunks attaches the second to the first (or to the verb group before it): low attachment, as a reader takes it first. */
function attach(words: readonly Word[], phrases: NounPhrase[], verbGroups: VerbGroup[], phraseOf: Int32Array, verbGroupOf: Int32Array): void {
  for (let k = 1; k + 1 < words.length; k++) {
    if (!prepositions.has(words[k].lower) || phraseOf[k] >= 0) continue;
    const object = phraseOf[k + 1];
    if (object < 0 || phrases[object].first !== k + 1 || words[k + 1].sentence !== words[k].sentence) continue;
    const before = phraseOf[k - 1];
    const group = verbGroupOf[k - 1];
    const link = { prep: words[k].lower, phrase: object };
    if (before >= 0) {
      const hostIndex = phrases[before].listFirst;
      for (let p = hostIndex; p <= phrases[before].listLast; p++) phrases[p].attached.push(link);
      phrases[object].host = { prep: link.prep, phrase: hostIndex };
    } else if (group >= 0) {
      verbGroups[group].attached.push(link);
    }
  }
}

/** Clauses break at semicolons, colons, dashes, brackets, and at a comma before "while", "which", "but" …. */
function clauseStarts(words: readonly Word[], verbGroupOf: Int32Array): Int32Array {
  const starts = new Int32Array(words.length);
  let start = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (k > 0 && w.sentence !== words[k - 1].sentence) start = k;
    else if (CLAUSE_PUNCT.has(w.text)) start = k + 1;
    else if (w.text === ',' && clauseOpeners.has(words[k + 1]?.lower ?? '') && verbGroupOf[k + 1] < 0) start = k + 1;
    starts[k] = Math.min(start, k);
  }
  return starts;
}

/** The words of a phrase without its leading determiners: "the international community" → "international community". */
export function phraseCore(words: readonly Word[], p: NounPhrase): { first: number; last: number } {
  let first = p.first;
  while (first < p.head && (determiners.has(words[first].lower) || words[first].pos === 'DET')) first++;
  return { first, last: p.last };
}
