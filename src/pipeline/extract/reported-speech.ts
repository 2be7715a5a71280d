// Reported speech: "X said (that) …", "…, X said", ", confirmed X", "According to X, …",
// "This was reported by X", participle clauses ("…, saying …"), each with its speaker.
import { beVerbs, reportedSpeechVerbs, titleHeads, MONTHS, WEEKDAYS, wordLists, patterns } from '../../lexicons/index.js';
import { firstWordFrom, isPerson, type ArticleContext } from './context.js';
import { evidenceAt } from './evidence.js';
import { partyAfter, partyBefore, partyEndingAt, type Party, type SpeakerMemory } from './parties.js';
import type { FoundQuote } from './quotes.js';
import { articleParse } from './view.js';

const ADJUNCT_START = wordLists.reportedSpeech.adjunctStart;
const VERBS_WITHOUT_THAT = wordLists.reportedSpeech.verbsWithoutThat;
// ---------- reported speech ----------

export function reportedInSentence(ctx: ArticleContext, s: number, memory: SpeakerMemory, inDirect: (offset: number) => boolean): FoundQuote[] {
  const out = [...attributedBack(ctx, s, memory), ...reportedClauses(ctx, s, memory, inDirect)];
  out.push(...participleClauses(ctx, s, memory, inDirect, out));
  return out;
}

const BACK_ATTRIBUTION = patterns.reportedSpeech.backAttribution;
const IMPERSONAL = patterns.reportedSpeech.impersonal;

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
  const source = partyAfter(ctx, firstWordFrom(ctx, sentence.start + back[0].length), memory);
  const previous = ctx.analysis.sentences[s - 1];
  if (!source || source.kind === 'unnamed' || previous.paragraph !== sentence.paragraph) return [];
  const end = trimEnd(ctx, previous.start, previous.end);
  return [{ speaker: source.name, text: ctx.text.slice(previous.start, end), direct: false, cue: 'reported by', evidence: evidenceAt(ctx, previous.start, end, 'quote.attributed-back') }];
}

function trimEnd(ctx: ArticleContext, start: number, end: number): number {
  while (end > start && /[\s.,;:!?]/.test(ctx.text[end - 1])) end--;
  return end;
}

const PARTICIPLE_CUES = wordLists.reportedSpeech.participleCues;

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
    // ", urging the international community to …": an object cue needs no verb of its own
    if (!hasVerb(ctx, k, sentence.last) && !wordLists.reportedSpeech.objectCueVerbs.has(w.lemma)) continue;
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

/** What the reported-speech readers of one sentence share; `push` records a reported clause from `from` to the sentence end. */
interface ReportedScan {
  ctx: ArticleContext;
  sentence: ArticleContext['analysis']['sentences'][number];
  memory: SpeakerMemory;
  inDirect: (offset: number) => boolean;
  /** Where the sentence's own text starts (after a dateline). */
  startOffset: number;
  out: FoundQuote[];
  /** Records a reported clause from `from` to `to` (the sentence end when not given). */
  push(speaker: Party | null, from: number, cue: string, rule: string, to?: number): void;
}

function reportedClauses(ctx: ArticleContext, s: number, memory: SpeakerMemory, inDirect: (offset: number) => boolean): FoundQuote[] {
  const sentence = ctx.analysis.sentences[s];
  const out: FoundQuote[] = [];
  const startOffset = Math.max(sentence.start, ctx.dateline && ctx.dateline.end <= sentence.end ? ctx.dateline.end : 0);
  const push = (speaker: Party | null, from: number, cue: string, rule: string, to = sentence.end) => {
    const start = from;
    let end = to;
    while (end > start && /[\s.,;:!?]/.test(ctx.text[end - 1])) end--;
    const text = ctx.text.slice(start, end);
    const count = (text.match(/[\p{L}\d]+/gu) ?? []).length;
    // 'said: "…"' and 'stated, "…"' introduce a direct quote, which is read as one
    if (count < 4 || /^[:,\s]*["“«„]/.test(text)) return;
    if (speaker) memory.spoke(speaker, s);
    out.push({ speaker: speaker?.name ?? null, text, direct: false, cue, evidence: evidenceAt(ctx, start, end, rule) });
  };
  const scan: ReportedScan = { ctx, sentence, memory, inDirect, startOffset, out, push };
  if (accordingTo(scan)) return out;
  for (let v = sentence.first; v < sentence.last; v++) {
    const outcome = reportedAt(scan, v);
    if (outcome === 'sentence-read') return out;
    if (outcome === 'taken') break;
  }
  return out;
}

/** "According to X, CLAUSE" and "CLAUSE, according to X.": true when the sentence has one. */
function accordingTo({ ctx, sentence, memory, inDirect, startOffset, out, push }: ReportedScan): boolean {
  const words = ctx.words;
  for (let k = sentence.first; k < sentence.last - 2; k++) {
    if (words[k].lower !== 'according' || words[k + 1].lower !== 'to' || inDirect(words[k].start)) continue;
    const party = partyAfter(ctx, k + 2, memory);
    let comma = k + 2;
    while (comma < sentence.last && words[comma].text !== ',') comma++;
    if (k === sentence.first || (k === sentence.first + 1 && /^[A-Z]/.test(words[k].text))) {
      if (comma < sentence.last - 1) push(party, words[comma + 1].start, 'according to', 'quote.according-to');
    } else if (comma >= sentence.last - 1 && words[k - 1].text === ',') {
      // "X said on Tuesday that …, according to media reports": the named speaker's verb reads the sentence
      if ((!party || party.kind === 'unnamed') && hasSpeechVerbBefore(ctx, sentence.first, k)) return false;
      const endClause = words[k - 1].start;
      const start = Math.max(startOffset, sentence.start);
      if (party) memory.spoke(party);
      const text = ctx.text.slice(start, endClause);
      if ((text.match(/[\p{L}\d]+/gu) ?? []).length >= 4 && !/^["“«„]/.test(text)) {
        out.push({ speaker: party?.name ?? null, text, direct: false, cue: 'according to', evidence: evidenceAt(ctx, start, endClause, 'quote.according-to') });
      }
    }
    return true;
  }
  return false;
}

/**
 * The reported clause a speech verb at `v` introduces: 'sentence-read' when it closes or inverts the
 * sentence ("CLAUSE, X said."), 'taken' for "X said (that) CLAUSE", 'none' when `v` introduces none.
 */
function reportedAt(scan: ReportedScan, v: number): 'sentence-read' | 'taken' | 'none' {
  const { ctx, sentence, memory, inDirect, startOffset, out, push } = scan;
  const words = ctx.words;
  const w = words[v];
  // "underlined that …" reports a clause; "underlined the need …" says something of its object
  if (wordLists.reportedSpeech.objectCueVerbs.has(w.lemma) && w.pos === 'VERB' && words[v + 1]?.lower !== 'that' && !inDirect(w.start)) return objectOfCue(scan, v);
  if (!reportedSpeechVerbs.has(w.lemma) && w.lower !== 'described') return 'none';
  // "The International Monetary Fund estimates that …": after a party a tagger may read the verb as a plural noun
  const verbAfterParty = w.pos === 'NOUN' && w.lower.endsWith('s') && words[v + 1]?.lower === 'that' && ctx.owner[v - 1] !== undefined;
  if ((w.pos !== 'VERB' && w.pos !== 'AUX' && !verbAfterParty) || inDirect(w.start)) return 'none';
  const prev = words[v - 1];
  // "In this way, she said, the rebuilding could be green": a parenthetical cue reports the clause after it
  const parenthetical = parentheticalCue(scan, v);
  if (parenthetical) {
    memory.spoke(parenthetical.party, words[v].sentence);
    out.push({ speaker: parenthetical.party.name, text: ctx.text.slice(words[parenthetical.from].start, parenthetical.end), direct: false, cue: w.lower, evidence: evidenceAt(ctx, words[parenthetical.from].start, parenthetical.end, 'quote.reported-parenthetical') });
    return 'sentence-read';
  }
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
      return 'sentence-read';
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
        return 'sentence-read';
      }
    }
  }
  // "X said (that) CLAUSE"
  const party = partyBefore(ctx, v, memory);
  if (!party) return 'none';
  const contentStart = reportedContentStart(ctx, v, sentence.last);
  if (contentStart === null) return 'none';
  if (ctx.text[words[contentStart].start - 1] === ':' || /^["“«„]$/.test(words[contentStart].text)) return 'none';
  if (!hasVerb(ctx, contentStart, sentence.last)) return 'none';
  if (party.kind === 'person' && party.person) memory.lastPersonSubject = party.person;
  // "X confirmed that A and emphasized that B": each speech verb reports a clause of its own
  const second = coordinatedCue(ctx, contentStart, sentence.last);
  push(party, words[contentStart].start, w.lower, 'quote.reported', second === null ? sentence.end : words[second].start);
  if (second !== null) push(party, words[second + 3].start, words[second + 1].lower, 'quote.reported-coordinated');
  return 'taken';
}

/** ", X said, CLAUSE": the speaker, and where the clause after the cue starts and ends; null when `v` is no such cue. */
function parentheticalCue({ ctx, sentence, memory, inDirect }: ReportedScan, v: number): { party: Party; from: number; end: number } | null {
  const words = ctx.words;
  if (words[v + 1]?.text !== ',' || v + 2 >= sentence.last) return null;
  const party = partyBefore(ctx, v, memory);
  if (!party || party.kind === 'unnamed' || words[party.first - 1]?.text !== ',' || inDirect(words[v].start)) return null;
  // what comes before is an opening ("In this way", "which"), not a clause the cue closes ("The money will pay for …, X said,")
  let opening = 0;
  for (let k = party.first - 2; k >= sentence.first && words[k].text !== ','; k--) opening++;
  const from = v + 2;
  // "…, X said, calling the deal …": a participle after the cue says something of its own
  const participle = words[from].pos === 'VERB' && words[from].lower.endsWith('ing');
  if (opening >= 4 || participle || !hasVerb(ctx, from, sentence.last) || /^["“«„]$/.test(words[from].text)) return null;
  let end = sentence.end;
  while (end > words[from].start && /[\s.,;:!?]/.test(ctx.text[end - 1])) end--;
  return (ctx.text.slice(words[from].start, end).match(/[\p{L}\d]+/gu) ?? []).length >= 4 ? { party, from, end } : null;
}

/** The "and" of "…, and emphasized that …" within a reported clause: a second speech verb of the same speaker. */
function coordinatedCue(ctx: ArticleContext, from: number, last: number): number | null {
  const words = ctx.words;
  for (let c = from + 3; c < last - 4; c++) {
    if (words[c].lower === 'and' && words[c + 1].pos === 'VERB' && reportedSpeechVerbs.has(words[c + 1].lemma) && words[c + 2].lower === 'that') return c;
  }
  return null;
}

/**
 * "X described the move as a first step", "X called on allies to …", "X questioned whether …": what the
 * verb takes as its object is what the speaker said of it.
 */
function objectOfCue({ ctx, sentence, memory, push }: ReportedScan, v: number): 'taken' | 'none' {
  const words = ctx.words;
  // "Zelenskyy, who described the move as …": the relative pronoun stands for the party before its comma
  const relative = wordLists.reportedSpeech.relativePronouns.has(words[v - 1]?.lower ?? '') && words[v - 2]?.text === ',';
  const party = relative ? partyEndingAt(ctx, v - 3, memory) : partyBefore(ctx, v, memory);
  if (!party || party.kind === 'unnamed') return 'none';
  let from = v + 1;
  // "called on X to …": the particle opens the object; "called the plan …" needs none, but "called" alone is a name given
  if (wordLists.reportedSpeech.objectCueParticles.has(words[from]?.lower ?? '')) from++;
  else if (words[v].lemma === 'call') return 'none';
  // "was described as generous": a passive says nothing of what its subject said
  if (beVerbs.has(words[v - 1]?.lower ?? '') || words[from]?.lower === 'as') return 'none';
  if (from >= sentence.last - 3 || /^[.;:!?"“”]$/.test(words[from].text)) return 'none';
  if (party.kind === 'person' && party.person) memory.lastPersonSubject = party.person;
  // "welcomed the deal, saying …": the participle says something of its own
  let to = from;
  while (to < sentence.last && !(words[to].text === ';' || (words[to].text === ',' && words[to + 1]?.pos === 'VERB' && words[to + 1].lower.endsWith('ing')))) to++;
  push(party, words[from].start, words[v].lower, 'quote.object-of-cue', to < sentence.last ? words[to].start : sentence.end);
  return 'taken';
}

/** The speech verb is followed only by adjuncts to the end of the sentence ("said on Tuesday", "said in a statement", ", citing …"). */
function closesSentence(ctx: ArticleContext, v: number, last: number): boolean {
  const words = ctx.words;
  for (let k = v + 1; k < last; k++) {
    const w = words[k];
    // ", citing …", ", fearing …", ", adding …"; but 'stated, “…”' opens a direct quote
    if (w.text === ',') return !/^["“«„‘]$/.test(words[k + 1]?.text ?? '');
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
    // "told reporters that …", "told Polish media that …": after the listener a tagger may read "that" as a determiner
    const afterListener = verb.lemma === 'tell' && j > k && j <= k + 3;
    if (words[j].lower === 'that' && (words[j].pos !== 'DET' || j === k || afterListener)) return j + 1 < last ? j + 1 : null;
    if (/^[.;:!?"“”]$/.test(words[j].text)) break;
  }
  // "announced Norway would increase …", "hoped the figure could reach …": any speech verb takes a clause that opens
  // with a party and its verb, or with a noun phrase and a modal or auxiliary
  const owner = ctx.owner[k];
  const parse = articleParse(ctx);
  const phrase = parse.phraseOf[k] >= 0 && parse.phrases[parse.phraseOf[k]].first === k ? parse.phrases[parse.phraseOf[k]] : undefined;
  // "suggested the U.S. and the EU should …": the verb follows the last conjunct of a coordinated subject
  const group = phrase ? parse.verbGroups[parse.verbGroupOf[parse.phrases[phrase.listLast].last]] : undefined;
  const clauseOpens = (owner !== undefined && owner.first === k && /^(AUX|VERB)$/.test(words[owner.last]?.pos ?? ''))
    || (group !== undefined && (group.modal !== null || words[group.first].pos === 'AUX'));
  if (!VERBS_WITHOUT_THAT.has(verb.lemma) && verb.lower !== 'described' && !clauseOpens) return null;
  // "told reporters" takes an object; its content needs "that", handled above
  if (verb.lemma === 'tell') return null;
  // skip one date adjunct: "on Friday", "in February", "on April 28"
  if (ADJUNCT_START.has(words[k]?.lower ?? '')) {
    let j = k + 1;
    while (j < last && j < k + 5 && (MONTHS.has(words[j].lower) || WEEKDAYS.has(words[j].lower) || /^\d/.test(words[j].text) || wordLists.reportedSpeech.timeAdjuncts.has(words[j].lower))) j++;
    if (j === k + 1) return null;
    k = j;
    if (words[k]?.text === ',') k++;
  }
  return k < last ? k : null;
}

function hasSpeechVerbBefore(ctx: ArticleContext, first: number, k: number): boolean {
  for (let j = first; j < k; j++) if (ctx.words[j].pos === 'VERB' && reportedSpeechVerbs.has(ctx.words[j].lemma)) return true;
  return false;
}

function hasVerb(ctx: ArticleContext, from: number, last: number): boolean {
  for (let k = from; k < Math.min(last, from + 14); k++) {
    const p = ctx.words[k].pos;
    if (p === 'VERB' || p === 'AUX') return true;
  }
  return false;
}
