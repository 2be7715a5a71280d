// Quotes: direct (any quotation marks, across sentences and paragraphs) and reported
// ("X said (that) …", "…, X said", "According to X, …"), each with its speaker.
import type { Quote } from '../../facts/types.js';
import { speechVerbs, wordLists } from '../../lexicons/index.js';
import { firstWordFrom, lastAtOrBefore, type ArticleContext, type PersonRecord } from './context.js';
import { decided, type Decision } from './decision.js';
import { evidenceAt } from './evidence.js';
import { partyAfter, partyBefore, personParty, SpeakerMemory, type Party } from './parties.js';
import { reportedInSentence } from './reported-speech.js';

const CLOSER: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’', '”': '”' };
const MIN_WORDS = 5;
/** A quoted phrase that starts in lower case is usually embedded in reported speech; only long ones are quotes. */
const MIN_WORDS_LOWER = 9;
const CONTINUATION_VERBS = wordLists.quotes.continuationVerbs;

interface Span {
  start: number;
  end: number;
}
interface DirectQuote extends Span {
  /** Offsets of the quoted words, marks excluded. */
  inner: Span;
  paragraph: number;
}

/** A quote as the rules find it; its rule ids are added once its speaker is known. */
export type FoundQuote = Omit<Quote, 'rules'> & { speakerRule?: string };

export function extractQuotes(ctx: ArticleContext): Quote[] {
  const memory = new SpeakerMemory();
  const directs = findDirectQuotes(ctx);
  const quotes: Array<FoundQuote & { at: number }> = [];
  const inDirect = (offset: number) => {
    const q = directs[lastAtOrBefore(directs, (d) => d.start, offset)];
    return q !== undefined && offset < q.end;
  };
  const directByStart = new Map<number, FoundQuote>();

  // Direct quotes and reported clauses are attributed in reading order so that "he" finds its antecedent.
  const sentences = ctx.analysis.sentences;
  let d = 0;
  let mention = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    ctx.deadline.check('quotes');
    // "he" in this sentence may stand for the subject of the sentence before: its first person named
    let subjectOfPrevious: PersonRecord | null = null;
    while (mention < ctx.personMentions.length && ctx.words[ctx.personMentions[mention].first].sentence < s) {
      const m = ctx.personMentions[mention++];
      if (ctx.words[m.first].sentence === s - 1 && subjectOfPrevious === null) subjectOfPrevious = m.person;
    }
    if (subjectOfPrevious) {
      memory.lastPersonSubject = subjectOfPrevious;
      memory.subjectSentence = s - 1;
    }
    while (d < directs.length && directs[d].start < sentence.end) {
      const index = d++;
      const q = directs[index];
      if (q.start < sentence.start && index > 0) continue;
      const previous = index > 0 ? directByStart.get(directs[index - 1].start) : undefined;
      const { value: speaker, rule: speakerRule } = directSpeaker(ctx, q, directs[index - 1], previous, memory);
      // a quote may run over several sentences: its speaker is as recent as its end
      if (speaker) memory.spoke(speaker, ctx.words[Math.max(0, firstWordFrom(ctx, q.end) - 1)]?.sentence ?? s);
      const quote = {
        speaker: speaker?.name ?? null,
        speakerRule,
        // a quote continued in the next paragraph reads as one text, without the break and the reopening mark
        text: ctx.text.slice(q.inner.start, q.inner.end).replace(/\s*\n\s*["“«„]\s*/g, ' '),
        direct: true,
        cue: null,
        evidence: evidenceAt(ctx, q.start, q.end, 'quote.direct'),
      };
      directByStart.set(q.start, quote);
      quotes.push({ ...quote, at: q.start });
    }
    for (const r of reportedInSentence(ctx, s, memory, inDirect)) {
      quotes.push({ ...r, at: r.evidence.start });
    }
  }
  // a reported quote's construction names its speaker too ("X said that …")
  return quotes
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, speakerRule, ...q }) => ({ ...q, rules: { cue: q.evidence.rule, speaker: q.speaker === null ? 'quote.speaker.none' : speakerRule ?? q.evidence.rule } }));
}

// ---------- direct quotes ----------

function findDirectQuotes(ctx: ArticleContext): DirectQuote[] {
  const text = ctx.text;
  const found: DirectQuote[] = [];
  let paragraphStart = 0;
  let paragraph = 0;
  let continuing: DirectQuote | null = null;
  while (paragraphStart <= text.length) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd < 0) paragraphEnd = text.length;
    let i = paragraphStart;
    // A paragraph opening with a quote mark after an unclosed quote continues it.
    if (continuing) {
      const lead = /^\s*["“«„]/.exec(text.slice(paragraphStart, paragraphEnd));
      if (lead) {
        const close = findCloser(text, paragraphStart + lead[0].length, paragraphEnd, lead[0].trim());
        continuing.end = close < 0 ? paragraphEnd : close + 1;
        continuing.inner = trimSpan(text, continuing.inner.start, close < 0 ? paragraphEnd : close);
        i = continuing.end;
        if (close >= 0) continuing = null;
      } else continuing = null;
    }
    for (; i < paragraphEnd; i++) {
      // jump to the next opening mark: most of the text holds none
      OPENING_MARK.lastIndex = i;
      const next = OPENING_MARK.exec(text);
      if (!next || next.index >= paragraphEnd) break;
      i = next.index;
      const ch = text[i];
      if (ch === '‘' && /\p{L}/u.test(text[i - 1] ?? '')) continue; // an apostrophe, not a mark
      if (ch === '"' && /[\p{L}\d]/u.test(text[i - 1] ?? '') && !/\s/.test(text[i + 1] ?? ' ')) continue;
      const close = findCloser(text, i + 1, paragraphEnd, ch);
      if (close < 0 && ch === '‘') continue;
      const innerEnd = close < 0 ? paragraphEnd : close;
      const inner = trimSpan(text, i + 1, innerEnd);
      const words = (text.slice(inner.start, inner.end).match(/[\p{L}\d][\p{L}\d'’.-]*/gu) ?? []).length;
      const q: DirectQuote = { start: i, end: close < 0 ? paragraphEnd : close + 1, inner, paragraph };
      const lowerStart = /^\p{Ll}/u.test(text.slice(inner.start, inner.start + 1));
      if (words >= (lowerStart ? MIN_WORDS_LOWER : MIN_WORDS) && !(ch === '‘' && words < 8)) {
        found.push(q);
        if (close < 0) continuing = q;
      }
      i = q.end - 1;
    }
    paragraphStart = paragraphEnd + 1;
    paragraph++;
    if (paragraphEnd >= text.length) break;
  }
  return found;
}

/** The marks that can open a quote (every key of CLOSER but the closing ”). */
const OPENING_MARK = new RegExp(`[${Object.keys(CLOSER).filter((mark) => mark !== '”').join('')}]`, 'g');

function findCloser(text: string, from: number, limit: number, opener: string): number {
  const closer = CLOSER[opener] ?? opener;
  for (let k = from; k < limit; k++) {
    const c = text[k];
    if (c === closer || (opener === '“' && c === '“' && /[\s,.!?]/.test(text[k + 1] ?? ' ') && /[\p{L},.!?]/u.test(text[k - 1] ?? ''))) return k;
    if (opener === '„' && c === '”') return k;
  }
  return -1;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s'"‘“]/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return { start, end };
}


function isSpeech(ctx: ArticleContext, k: number): boolean {
  const w = ctx.words[k];
  if (!w) return false;
  if (w.lower === 'posted' || w.lower === 'reads') return true;
  return (speechVerbs.has(w.lemma) || speechVerbs.has(w.lower)) && (w.pos === 'VERB' || w.pos === 'AUX' || /(ed|s)$/.test(w.lower));
}

/** The speaker of a direct quote, and the rule that found them. */
function directSpeaker(ctx: ArticleContext, q: DirectQuote, prev: DirectQuote | undefined, prevQuote: FoundQuote | undefined, memory: SpeakerMemory): Decision<Party | null> {
  const words = ctx.words;
  const after = firstWordFrom(ctx, q.end);
  // a cue after the quote belongs to the quote's own sentence, not to the next one
  const sentence = after > 0 && words[after]?.sentence === words[after - 1].sentence ? words[after].sentence : -1;
  // After the closing mark: ", Mr Healey said", ", said X", ", the minister added", ", X, President of …, posted".
  for (let k = after, n = 0; k < words.length && n < 20 && words[k].sentence === sentence; k++, n++) {
    if (/^["“«„]$/.test(words[k].text) && k > after) break;
    if (isSpeech(ctx, k) || (words[k].lower === 'told' && k > after)) {
      for (let j = after; j < k; j++) {
        const party = partyAfter(ctx, j, memory);
        if (party && party.kind !== 'unnamed' && party.first >= after && party.first < k) return decided('quote.speaker.named-after-quote', party);
        if (party?.kind === 'unnamed') return decided('quote.speaker.office-after-quote', party);
        if (!/^[,–—-]$/.test(words[j].text)) break;
      }
      const before = partyBefore(ctx, k, memory);
      if (before) return decided('quote.speaker.before-cue-after-quote', before);
      if (k === after || (k === after + 1 && /^[,–—-]$/.test(words[after].text))) {
        const subject = partyAfter(ctx, k + 1, memory);
        if (subject) return decided('quote.speaker.after-inverted-cue', subject);
      }
      break;
    }
  }
  // Before the opening mark: "Pevkur said: “…”", "Quote from Kos: “…”".
  const open = firstWordFrom(ctx, q.start);
  const openSentence = words[open]?.sentence ?? -1;
  for (let k = open - 1, n = 0; k >= 0 && n < 8 && words[k].sentence === openSentence; k--, n++) {
    if (isSpeech(ctx, k)) {
      const party = partyBefore(ctx, k, memory);
      if (party) return decided('quote.speaker.cue-before-quote', party);
      break;
    }
    if (words[k].text === ':' && k > 0) {
      const party = partyBefore(ctx, k, memory);
      if (party) return decided('quote.speaker.colon-before-quote', party);
    }
    // "…, calling it a “powerful symbol …”": what the subject of the sentence named it
    if (wordLists.quotes.namingParticiples.has(words[k].lower)) {
      const subject = ctx.personMentions.find((m) => words[m.first].sentence === openSentence && m.first < k);
      if (subject) return decided('quote.speaker.naming-participle', personParty(subject.person, subject.first, subject.last));
    }
  }
  // No cue: a later "X added that …" claims it, else the speaker of the quote before it in the same or previous paragraph.
  const next = after < words.length ? ctx.analysis.sentences[words[after].sentence] : undefined;
  if (next) {
    for (let k = next.first; k < Math.min(next.last, next.first + 6); k++) {
      if (CONTINUATION_VERBS.has(words[k].lemma) && k > next.first) {
        const party = partyBefore(ctx, k, memory);
        if (party) return decided('quote.speaker.continued-next-sentence', party);
      }
    }
  }
  if (prev && q.paragraph - prev.paragraph <= 2 && prevQuote?.speaker && memory.lastSpeaker) return decided('quote.speaker.previous-quote', memory.lastSpeaker);
  // "Blinken stated that … .¶“The people of Haiti …”": a quote without a cue right after a sentence that reported a person
  if (memory.lastSpeaker?.kind === 'person' && memory.speakerSentence === openSentence - 1) return decided('quote.speaker.previous-sentence', memory.lastSpeaker);
  return decided('quote.speaker.none', null);
}
