// Quotes: direct (any quotation marks, across sentences and paragraphs) and reported
// ("X said (that) …", "…, X said", "According to X, …"), each with its speaker.
import type { Quote } from '../../facts/types.js';
import { reportedSpeechVerbs, speechVerbs, titleHeads, MONTHS, WEEKDAYS } from '../../lexicons/index.js';
import { isPerson, lastAtOrBefore, type ArticleContext, type PersonRecord } from './context.js';
import { decided, type Decision } from './decision.js';
import { evidenceAt } from './evidence.js';
import { partyAfter, partyBefore, partyEndingAt, SpeakerMemory, type Party } from './parties.js';

const CLOSER: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’', '”': '”' };
const MIN_WORDS = 5;
/** A quoted phrase that starts in lower case is usually embedded in reported speech; only long ones are quotes. */
const MIN_WORDS_LOWER = 9;
const VERBS_WITHOUT_THAT = new Set(['say', 'tell', 'add', 'note', 'stress', 'emphasize', 'emphasise', 'insist', 'warn', 'describe', 'state', 'claim', 'confirm', 'report', 'write', 'believe']);
const ADJUNCT_START = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'earlier', 'late', 'last', 'this', 'per', 'while', 'when', 'via', 'through', 'for']);
const CONTINUATION_VERBS = new Set(['add', 'continue', 'go']);

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
type FoundQuote = Omit<Quote, 'rules'> & { speakerRule?: string };

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
      if (speaker) memory.spoke(speaker, ctx.words[Math.max(0, wordAt(ctx, q.end) - 1)]?.sentence ?? s);
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
      const ch = text[i];
      if (!(ch in CLOSER) || ch === '”') continue;
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

/** The first word starting at or after `offset`. */
function wordAt(ctx: ArticleContext, offset: number): number {
  return lastAtOrBefore(ctx.words, (w) => w.start, offset - 1) + 1;
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
  const after = wordAt(ctx, q.end);
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
  const open = wordAt(ctx, q.start);
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
  return decided('quote.speaker.none', null);
}

// ---------- reported speech ----------

function reportedInSentence(ctx: ArticleContext, s: number, memory: SpeakerMemory, inDirect: (offset: number) => boolean): FoundQuote[] {
  const out = [...attributedBack(ctx, s, memory), ...reportedClauses(ctx, s, memory, inDirect)];
  out.push(...participleClauses(ctx, s, memory, inDirect, out));
  return out;
}

const BACK_ATTRIBUTION = /^(?:This|That|It|The (?:news|report|information))\s+(?:was|has been|had been)\s+(?:first\s+)?(?:reported|announced|stated|said|confirmed|conveyed)\s+by\s/;
const IMPERSONAL = /^It\s+(?:was|has been|had been|is)\s+(?:previously\s+|earlier\s+|also\s+|widely\s+)?(?:reported|announced|said|stated|known|understood)\s+that\s/;

/** "This was reported by Reuters." names the source of the sentence before; "It was reported that …" has none. */
function attributedBack(ctx: ArticleContext, s: number, memory: SpeakerMemory): FoundQuote[] {
  const sentence = ctx.analysis.sentences[s];
  const text = ctx.text.slice(sentence.start, sentence.end);
  const impersonal = IMPERSONAL.exec(text);
  if (impersonal) {
    const start = sentence.start + impersonal[0].length;
    const end = trimEnd(ctx, start, sentence.end);
    return [{ speaker: null, text: ctx.text.slice(start, end), direct: false, cue: 'reported', evidence: evidenceAt(ctx, start, end, 'quote.impersonal') }];
  }
  const back = BACK_ATTRIBUTION.exec(text);
  if (!back || s === 0) return [];
  const source = partyAfter(ctx, wordAt(ctx, sentence.start + back[0].length), memory);
  const previous = ctx.analysis.sentences[s - 1];
  if (!source || source.kind === 'unnamed' || previous.paragraph !== sentence.paragraph) return [];
  const end = trimEnd(ctx, previous.start, previous.end);
  return [{ speaker: source.name, text: ctx.text.slice(previous.start, end), direct: false, cue: 'reported by', evidence: evidenceAt(ctx, previous.start, end, 'quote.attributed-back') }];
}

function trimEnd(ctx: ArticleContext, start: number, end: number): number {
  while (end > start && /[\s.,;:!?]/.test(ctx.text[end - 1])) end--;
  return end;
}

const PARTICIPLE_CUES = new Set(['say', 'add', 'vow', 'stress', 'note', 'warn', 'insist', 'argue', 'claim', 'emphasize', 'emphasise', 'explain', 'underline', 'state']);

/** "…, adding that the initiative will last three years", "…, vowing the UK's support was ironclad": the speaker is the clause's. */
function participleClauses(ctx: ArticleContext, s: number, memory: SpeakerMemory, inDirect: (offset: number) => boolean, found: FoundQuote[]): FoundQuote[] {
  const words = ctx.words;
  const sentence = ctx.analysis.sentences[s];
  const out: FoundQuote[] = [];
  for (let v = sentence.first + 2; v < sentence.last - 3; v++) {
    const w = words[v];
    if (!w.lower.endsWith('ing') || !PARTICIPLE_CUES.has(w.lemma) || words[v - 1].text !== ',' || inDirect(w.start)) continue;
    let k = v + 1;
    if (words[k].lower === 'that') k++;
    if (!hasVerb(ctx, k, sentence.last)) continue;
    const speaker = sentenceSpeaker(ctx, sentence.first, v, memory, found);
    const start = words[k].start;
    const end = trimEnd(ctx, start, sentence.end);
    if ((ctx.text.slice(start, end).match(/[\p{L}\d]+/gu) ?? []).length < 4) continue;
    out.push({ speaker, text: ctx.text.slice(start, end), direct: false, cue: w.lower, evidence: evidenceAt(ctx, start, end, 'quote.participle') });
  }
  return out;
}

/** Who speaks in a sentence: the speaker already found in it, else the first person it names before `v`. */
function sentenceSpeaker(ctx: ArticleContext, first: number, v: number, memory: SpeakerMemory, found: FoundQuote[]): string | null {
  const inSentence = found.find((q) => q.speaker !== null);
  if (inSentence) return inSentence.speaker;
  for (let k = first; k < v; k++) {
    const o = ctx.owner[k];
    if (isPerson(o)) return o.person.name;
  }
  // "The Ukrainian president thanked Norway …, saying …": an office without a name is its holder, if known, not the last speaker
  if (ctx.words[first].lower === 'the') {
    for (let k = first + 1; k < Math.min(v, first + 5); k++) {
      if (!titleHeads.has(ctx.words[k].lower)) continue;
      const holder = partyEndingAt(ctx, k, memory);
      return holder?.kind === 'person' ? holder.name : null;
    }
  }
  return memory.lastSpeaker?.name ?? null;
}

function reportedClauses(ctx: ArticleContext, s: number, memory: SpeakerMemory, inDirect: (offset: number) => boolean): FoundQuote[] {
  const words = ctx.words;
  const sentence = ctx.analysis.sentences[s];
  const out: FoundQuote[] = [];
  const startOffset = Math.max(sentence.start, ctx.dateline && ctx.dateline.end <= sentence.end ? ctx.dateline.end : 0);
  const push = (speaker: Party | null, from: number, cue: string, rule: string) => {
    const start = from;
    let end = sentence.end;
    while (end > start && /[\s.,;:!?]/.test(ctx.text[end - 1])) end--;
    const text = ctx.text.slice(start, end);
    const count = (text.match(/[\p{L}\d]+/gu) ?? []).length;
    // 'said: "…"' introduces a direct quote, which is read as one
    if (count < 4 || /^[:\s]*["“«„]/.test(text)) return;
    if (speaker) memory.spoke(speaker);
    out.push({ speaker: speaker?.name ?? null, text, direct: false, cue, evidence: evidenceAt(ctx, start, end, rule) });
  };

  // "According to X, CLAUSE" and "CLAUSE, according to X."
  for (let k = sentence.first; k < sentence.last - 2; k++) {
    if (words[k].lower !== 'according' || words[k + 1].lower !== 'to' || inDirect(words[k].start)) continue;
    const party = partyAfter(ctx, k + 2, memory);
    let comma = k + 2;
    while (comma < sentence.last && words[comma].text !== ',') comma++;
    if (k === sentence.first || (k === sentence.first + 1 && /^[A-Z]/.test(words[k].text))) {
      if (comma < sentence.last - 1) push(party, words[comma + 1].start, 'according to', 'quote.according-to');
    } else if (comma >= sentence.last - 1 && words[k - 1].text === ',') {
      const endClause = words[k - 1].start;
      const start = Math.max(startOffset, sentence.start);
      if (party) memory.spoke(party);
      const text = ctx.text.slice(start, endClause);
      if ((text.match(/[\p{L}\d]+/gu) ?? []).length >= 4 && !/^["“«„]/.test(text)) {
        out.push({ speaker: party?.name ?? null, text, direct: false, cue: 'according to', evidence: evidenceAt(ctx, start, endClause, 'quote.according-to') });
      }
    }
    return out;
  }

  for (let v = sentence.first; v < sentence.last; v++) {
    const w = words[v];
    if (!reportedSpeechVerbs.has(w.lemma) && w.lower !== 'described') continue;
    if (w.pos !== 'VERB' && w.pos !== 'AUX') continue;
    if (inDirect(w.start)) continue;
    const prev = words[v - 1];
    // "CLAUSE, X said." — the speech verb closes the sentence.
    if (closesSentence(ctx, v, sentence.last)) {
      const subjectStart = clauseSubjectStart(ctx, v, sentence.first);
      if (subjectStart > sentence.first && words[subjectStart - 1].text === ',') {
        const party = partyBefore(ctx, v, memory) ?? partyAfter(ctx, subjectStart, memory);
        const clauseEnd = words[subjectStart - 1].start;
        const start = Math.max(startOffset, sentence.start);
        const text = ctx.text.slice(start, clauseEnd);
        if (!/^["“«„]/.test(text.trim()) && (text.match(/[\p{L}\d]+/gu) ?? []).length >= 4 && !inDirect(start)) {
          if (party) memory.spoke(party);
          out.push({ speaker: party?.name ?? null, text, direct: false, cue: w.lower, evidence: evidenceAt(ctx, start, clauseEnd, 'quote.reported-after') });
        }
        return out;
      }
    }
    // ", confirmed X, …" — inverted order at the end of a sentence.
    if (prev?.text === ',' && v > sentence.first + 3) {
      const party = partyAfter(ctx, v + 1, memory);
      // ", told LRT that …" after an apposition: the party is the listener and a clause follows, so the order is not inverted
      const listener = words[party ? party.last : v + 1]?.lower === 'that';
      if (party && !listener && party.kind !== 'unnamed' && party.first === v + 1 + (['the', 'a'].includes(words[v + 1].lower) ? 1 : 0)) {
        const start = Math.max(startOffset, sentence.start);
        const clauseEnd = prev.start;
        const text = ctx.text.slice(start, clauseEnd);
        if (!/^["“«„]/.test(text.trim()) && (text.match(/[\p{L}\d]+/gu) ?? []).length >= 4) {
          memory.spoke(party);
          out.push({ speaker: party.name, text, direct: false, cue: w.lower, evidence: evidenceAt(ctx, start, clauseEnd, 'quote.reported-inverted') });
          return out;
        }
      }
    }
    // "X said (that) CLAUSE"
    const party = partyBefore(ctx, v, memory);
    if (!party) continue;
    const contentStart = reportedContentStart(ctx, v, sentence.last);
    if (contentStart === null) continue;
    if (ctx.text[words[contentStart].start - 1] === ':' || /^["“«„]$/.test(words[contentStart].text)) continue;
    if (!hasVerb(ctx, contentStart, sentence.last)) continue;
    if (party.kind === 'person' && party.person) memory.lastPersonSubject = party.person;
    push(party, words[contentStart].start, w.lower, 'quote.reported');
    break;
  }
  return out;
}

/** The speech verb is followed only by adjuncts to the end of the sentence ("said on Tuesday", "said in a statement", ", citing …"). */
function closesSentence(ctx: ArticleContext, v: number, last: number): boolean {
  const words = ctx.words;
  for (let k = v + 1; k < last; k++) {
    const w = words[k];
    if (w.text === ',' ) return true; // ", citing …", ", fearing …", ", adding …"
    if (w.lower === 'that' || w.text === ':' || /^["“«„]$/.test(w.text)) return false;
    if (w.pos === 'VERB' || w.pos === 'AUX') return false;
  }
  return true;
}

/** Where the subject of a sentence-final speech verb begins (after the last comma before it). */
function clauseSubjectStart(ctx: ArticleContext, v: number, first: number): number {
  const words = ctx.words;
  for (let k = v - 1; k > first; k--) {
    if (words[k].text === ',') {
      // an apposition inside the subject: "X, the minister, said"
      return k + 1;
    }
    if (words[k].pos === 'VERB' && k < v - 1) return -1;
  }
  return -1;
}

/** First word of the reported content after the cue: skips objects ("told reporters"), time adjuncts and "that". */
function reportedContentStart(ctx: ArticleContext, v: number, last: number): number | null {
  const words = ctx.words;
  const verb = words[v];
  let k = v + 1;
  if (words[k]?.lower === 'also') k++;
  // "that" within the next few words wins: "said in February that …"
  for (let j = k; j < Math.min(last, k + 8); j++) {
    if (words[j].lower === 'that' && words[j].pos !== 'DET') return j + 1 < last ? j + 1 : null;
    if (words[j].lower === 'that' && j === k) return j + 1 < last ? j + 1 : null;
    if (/^[.;:!?"“”]$/.test(words[j].text)) break;
  }
  if (!VERBS_WITHOUT_THAT.has(verb.lemma) && verb.lower !== 'described') return null;
  // "told reporters" takes an object; its content needs "that", handled above
  if (verb.lemma === 'tell') return null;
  // skip one date adjunct: "on Friday", "in February", "on April 28"
  if (ADJUNCT_START.has(words[k]?.lower ?? '')) {
    let j = k + 1;
    while (j < last && j < k + 5 && (MONTHS.has(words[j].lower) || WEEKDAYS.has(words[j].lower) || /^\d/.test(words[j].text) || ['late', 'early', 'mid', '-', 'the', 'a', 'statement', 'interview'].includes(words[j].lower))) j++;
    if (j === k + 1) return null;
    k = j;
    if (words[k]?.text === ',') k++;
  }
  return k < last ? k : null;
}

function hasVerb(ctx: ArticleContext, from: number, last: number): boolean {
  for (let k = from; k < Math.min(last, from + 14); k++) {
    const p = ctx.words[k].pos;
    if (p === 'VERB' || p === 'AUX') return true;
  }
  return false;
}
