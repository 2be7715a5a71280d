// Proposals as a frame over the patterns of src/lexicons/rules/proposals.json: a trigger names a
// joint or reciprocal step one party puts to another (a ceasefire, talks, a peace plan, a deal);
// the shallow parse gives its proposer (a possessor or modifier of the proposal noun, its "by"
// phrase, or the subject of the verb that proposes or presents it) and its addressee; response
// patterns record who answered how, in the same sentence or, through a later mention ("rejected
// the plan"), in another. Every field carries the id of the rule that decided it.
import type { Proposal, ProposalResponse } from '../../facts/types.js';
import { STATUS_OF_ANSWER } from '../../facts/vocabulary.js';
import { possessivePronouns, prepositions, proposalStepSynonyms } from '../../lexicons/index.js';
import { anyCouldMatch, familyGate, firstOfOverlapping, type Match } from '../match/index.js';
import type { ShallowParse } from '../parse/index.js';
import type { ArticleContext } from './context.js';
import { findMentionBefore, isCountry, isPerson, type PersonMention } from './context.js';
import { isPossessive } from './mentions.js';
import { donorOfParty, NO_DEFAULTS } from './donors.js';
import { evidenceAt } from './evidence.js';
import { partyEndingAt, personParty } from './parties.js';
import { partiesOf } from './phrase-roles.js';
import { proposalPatterns, proposalSets } from './rules.js';
import { articleParse, articleView } from './view.js';

const TRIGGERS = proposalPatterns.role('proposal.trigger.');
const RESPONSES = proposalPatterns.role('proposal.response.');
const REFERENCE = proposalPatterns.role('proposal.reference');
const GATE = familyGate([...TRIGGERS, ...RESPONSES]);
/** How many sentences back a later answer may find the proposal it refers to. */
const REFERENCE_REACH = 6;
/** How many words before an answer's verb the party giving it may start and still be part of its evidence. */
const RESPONDER_REACH = 6;
/** How many words may stand between an answer's verb and the proposal it takes as object ("rejected outright the …"). */
const OBJECT_GAP = 3;

interface Draft {
  proposal: Proposal;
  /** The step word ("ceasefire", "talks") or the proposal noun: what later mentions and repeats are matched on. */
  key: string;
  sentence: number;
  trigger: Match;
  /** First word of the proposal's phrase, its possessor or modifiers included. */
  from: number;
}

interface Parties {
  codes: string[];
  rule: string;
  /** Where the phrase that names them starts, when it is in the sentence. */
  at?: number;
}

export function extractProposals(ctx: ArticleContext): Proposal[] {
  const view = articleView(ctx);
  const parse = articleParse(ctx);
  const drafts: Draft[] = [];
  ctx.analysis.sentences.forEach((sentence, index) => {
    ctx.deadline.check('proposals');
    const { first, last } = sentence;
    if (!anyCouldMatch(GATE, view, first, last)) return;
    const made = firstOfOverlapping(TRIGGERS.flatMap((p) => p.findAll(view, first, last))).map((trigger) => draftOf(ctx, parse, trigger, first, index));
    // an answer needs a proposal to answer: none yet, none looked for
    const answers = made.length > 0 || drafts.length > 0 ? firstOfOverlapping(RESPONSES.flatMap((p) => p.findAll(view, first, last))) : [];
    for (const answer of answers) {
      if (hypothetical(ctx, answer, first)) continue;
      const target = made.find((d) => isObjectOf(ctx, parse, answer, d)) ?? referredTo(ctx, answer, drafts, index, last);
      if (target) addResponse(ctx, parse, target, answer, first);
    }
    for (const d of made) mergeInto(drafts, d);
  });
  return drafts.filter((d) => d.proposal.proposer.length > 0).map((d) => settle(d.proposal));
}

/** "If Kyiv accepts the plan": an answer under a condition has not been given. */
function hypothetical(ctx: ArticleContext, answer: Match, first: number): boolean {
  for (let k = answer.start - 1; k >= first && ctx.words[k].text !== ','; k--) if (proposalSets.hypotheticalOpeners.has(ctx.words[k].lower)) return true;
  return false;
}

function draftOf(ctx: ArticleContext, parse: ShallowParse, trigger: Match, first: number, sentence: number): Draft {
  const spec = proposalPatterns.spec(trigger.id);
  const at = trigger.captures.trigger.start;
  const proposers = spec?.proposer === 'subject' ? subjectOf(ctx, parse, at, first, 'proposal.proposer.subject') : nounProposers(ctx, parse, at, first);
  const addressee = addresseeOf(ctx, parse, trigger, proposers.codes, first);
  const from = Math.min(trigger.start, phraseStart(ctx, parse, Math.min(at, trigger.start), first));
  const step = trigger.captures.step ?? trigger.captures.trigger;
  const lemma = ctx.words[step.start].lemma;
  return {
    key: proposalStepSynonyms.get(lemma) ?? lemma,
    sentence,
    trigger,
    from,
    proposal: {
      proposer: proposers.codes,
      addressee: addressee?.value ?? null,
      subject: subjectText(ctx, parse, trigger, spec?.subject),
      status: spec?.status ?? 'proposed',
      responses: [],
      rules: { trigger: trigger.id, proposer: proposers.rule, addressee: addressee?.rule ?? null, status: spec?.status ? trigger.id : 'proposal.status.no-answer' },
      evidence: evidenceAt(ctx, ctx.words[from].start, ctx.words[trigger.end - 1].end, trigger.id),
    },
  };
}

/** What is proposed, as written, without its determiner: "30-day ceasefire", "removing the president". */
function subjectText(ctx: ArticleContext, parse: ShallowParse, trigger: Match, end: 'before-trigger' | undefined): string {
  const step = trigger.captures.step;
  // with no word captured before it, the subject starts where the step's phrase does ("for | direct peace talks"), or at the step before the proposal noun
  const stepPhrase = step ? parse.phraseOf[step.start] : -1;
  let from = trigger.captures.subject?.start ?? (!step ? trigger.start : step.start < trigger.captures.trigger.start || stepPhrase < 0 ? step.start : parse.phrases[stepPhrase].first);
  // "removing the president | as part of the peace process": a pattern may mark where what is proposed ends
  let to = trigger.captures.subjectEnd?.start ?? trigger.end;
  if (end === 'before-trigger') {
    to = trigger.captures.trigger.start;
    // "a three-day cease-fire he announced": the announcer is no part of what is proposed
    while (to > from && (ctx.owner[to - 1] || ctx.words[to - 1].pos === 'PRON')) to--;
  }
  while (from < to && (ctx.words[from].pos === 'DET' || ctx.words[from].pos === 'PRON')) from++;
  return to > from ? ctx.text.slice(ctx.words[from].start, ctx.words[to - 1].end) : ctx.words[trigger.captures.trigger.start].text;
}

/**
 * The proposer of a proposal noun: a state, person or body named in its phrase before it ("a
 * joint US-Ukrainian proposal", "Trump's ceasefire proposal"), its "by" or "from" phrase, the
 * subject a possessive pronoun stands for ("its call"), or the subject of a verb that presents it.
 */
function nounProposers(ctx: ArticleContext, parse: ShallowParse, at: number, first: number): Parties {
  const start = phraseStart(ctx, parse, at, first);
  const named = new Set<string>();
  for (let k = start; k < at; k++) {
    const o = ctx.owner[k];
    if (!o || o.first !== k) continue;
    const code = isCountry(o) ? o.code : donorOfParty(ctx, partyEndingAt(ctx, o.last - 1, null), NO_DEFAULTS);
    // a person whose state the article does not say is named as the party
    if (code || isPerson(o)) named.add(code ?? (o as PersonMention).person.name);
  }
  if (named.size > 0) return { codes: [...named], rule: 'proposal.proposer.modifier' };
  const p = parse.phraseOf[at];
  const agent = p >= 0 ? parse.phrases[p].attached.find((a) => proposalSets.agentPrepositions.has(a.prep)) : undefined;
  const agents = agent ? partiesOf(ctx, parse, agent.phrase, NO_DEFAULTS) : [];
  if (agents.length > 0) return { codes: agents, rule: 'proposal.proposer.by' };
  // "Ukraine asked why Russia would not assent to its call": the pronoun stands for the sentence's subject
  if (possessivePronouns.has(ctx.words[start].lower)) return subjectOf(ctx, parse, start, first, 'proposal.proposer.pronoun-subject', first);
  const verb = governingVerb(ctx, parse, start, first);
  if (verb !== null && proposalSets.presentVerbs.has(ctx.words[verb].lemma)) return subjectOf(ctx, parse, verb, first, 'proposal.proposer.presenter');
  return { codes: [], rule: 'proposal.proposer.none' };
}

/** Where the phrase of word `k` starts, with a possessor and the names joined to it by hyphens ("the administration's push", "a joint US-Ukrainian proposal"). */
function phraseStart(ctx: ArticleContext, parse: ShallowParse, k: number, first: number): number {
  const p = parse.phraseOf[k];
  let s = p >= 0 ? parse.phrases[p].first : k;
  // "Washington's proposed plan": the participle of proposing stands inside the phrase
  if (s - 2 >= first && proposalSets.proposeVerbs.has(ctx.words[s - 1].lemma) && isPossessive(ctx.words[s - 2])) s--;
  while (s - 2 >= first && ((ctx.words[s - 1].text === '-' && ctx.owner[s - 2]) || isPossessive(ctx.words[s - 1]))) {
    const q = parse.phraseOf[s - 2];
    s = Math.min(ctx.owner[s - 2]?.first ?? s - 2, q >= 0 ? parse.phrases[q].first : s - 2);
  }
  return s > first && possessivePronouns.has(ctx.words[s - 1].lower) ? s - 1 : s;
}

/** The main verb of the clause right before word `k`, if nothing but its object stands between. */
function governingVerb(ctx: ArticleContext, parse: ShallowParse, k: number, first: number): number | null {
  for (let j = k - 1; j >= Math.max(first, parse.clauseStart[k]); j--) {
    const g = parse.verbGroupOf[j];
    if (g >= 0) return parse.verbGroups[g].main;
  }
  return null;
}

/**
 * The parties that act in the clause of word `at`: its first phrase that is no preposition's
 * object, else the sentence's; "he" or "she" stands for the person named last.
 */
function subjectOf(ctx: ArticleContext, parse: ShallowParse, at: number, first: number, rule: string, clause = parse.clauseStart[at]): Parties {
  for (const from of [clause, first]) {
    for (let k = Math.max(from, first); k < at; k++) {
      const p = parse.phraseOf[k];
      if (p < 0 || parse.phrases[p].first !== k || parse.phrases[p].host) continue;
      if (proposalSets.personPronouns.has(ctx.words[k].lower)) {
        const person = findMentionBefore(ctx.personMentions, k, () => true);
        const code = person ? donorOfParty(ctx, personParty(person.person, person.first, person.last), NO_DEFAULTS) : null;
        if (code) return { codes: [code], rule: `${rule}-pronoun` };
        continue;
      }
      const codes = partiesOf(ctx, parse, p, NO_DEFAULTS);
      if (codes.length > 0) return { codes, rule, at: k };
      // a person whose state the article does not say is named as the party
      const person = ctx.owner.slice(k, parse.phrases[p].last).find(isPerson);
      if (person) return { codes: [person.person.name], rule: `${rule}-person`, at: k };
      k = parse.phrases[parse.phrases[p].listLast].last - 1;
    }
  }
  return { codes: [], rule: 'proposal.proposer.none' };
}

/** "why Russia would not assent": the parties of the phrase that ends right before a verb group. */
function subjectRightBefore(ctx: ArticleContext, parse: ShallowParse, verb: number, first: number): Parties | null {
  const p = verb - 1 >= first ? parse.phraseOf[verb - 1] : -1;
  if (p < 0 || parse.phrases[p].host) return null;
  const codes = partiesOf(ctx, parse, p, NO_DEFAULTS);
  return codes.length > 0 ? { codes, rule: 'proposal.responder.subject-before-verb', at: parse.phrases[p].first } : null;
}

/** The party asked: a "to" or "with" phrase of the proposal ("talks with Moscow"), or the first object of the verb that presents it ("presented Kyiv with"). */
function addresseeOf(ctx: ArticleContext, parse: ShallowParse, trigger: Match, proposers: string[], first: number): { value: string; rule: string } | null {
  const own = new Set(proposers);
  for (let k = trigger.captures.trigger.start; k < trigger.end + 1 && k < ctx.words.length; k++) {
    const p = parse.phraseOf[k];
    if (p < 0) continue;
    for (const a of parse.phrases[p].attached) {
      if (!proposalSets.addresseePrepositions.has(a.prep)) continue;
      const party = partiesOf(ctx, parse, a.phrase, NO_DEFAULTS).find((c) => !own.has(c));
      if (party) return { value: party, rule: `proposal.addressee.${a.prep}` };
    }
  }
  const verb = governingVerb(ctx, parse, trigger.start, first);
  if (verb !== null && proposalSets.presentVerbs.has(ctx.words[verb].lemma)) {
    const object = parse.phraseOf[verb + 1];
    const party = object >= 0 && !parse.phrases[object].host ? partiesOf(ctx, parse, object, NO_DEFAULTS).find((c) => !own.has(c)) : undefined;
    if (party) return { value: party, rule: 'proposal.addressee.presented-to' };
  }
  // "suggested removing the Ukrainian president": a demand on a party is put to that party
  const subject = trigger.captures.subject;
  for (let k = subject?.start ?? trigger.end; k < trigger.end; k++) {
    const o = ctx.owner[k];
    if (!o || o.first !== k || prepositions.has(ctx.words[k - 1]?.lower ?? '')) continue;
    const party = isCountry(o) ? o.code : donorOfParty(ctx, partyEndingAt(ctx, o.last - 1, null), NO_DEFAULTS);
    if (party && !own.has(party)) return { value: party, rule: 'proposal.addressee.in-subject' };
  }
  return null;
}

/**
 * An answer takes the proposal as its object ("rejected a proposal for …", "would not assent to
 * its call for …", "a plan, which Chile accepted"), or as its subject in the passive ("the
 * proposal was dismissed by …").
 */
function isObjectOf(ctx: ArticleContext, parse: ShallowParse, answer: Match, d: Draft): boolean {
  const verb = answer.captures.response.start;
  if (d.from >= answer.end) return d.from - answer.end <= OBJECT_GAP && parse.clauseStart[d.from] === parse.clauseStart[verb];
  if (verb - d.trigger.end > OBJECT_GAP + 1) return false;
  const g = parse.verbGroupOf[verb];
  const relative = ctx.words.slice(d.trigger.end, verb).some((w) => proposalSets.relativePronouns.has(w.lower));
  return relative || (g >= 0 && parse.verbGroups[g].passive && verb - d.trigger.end <= OBJECT_GAP);
}

/** "Moscow rejected the plan": a later mention right after the answer names an earlier proposal of the article. */
function referredTo(ctx: ArticleContext, answer: Match, drafts: Draft[], sentence: number, last: number): Draft | undefined {
  const mention = REFERENCE.flatMap((p) => p.findAll(articleView(ctx), answer.end, Math.min(last, answer.end + OBJECT_GAP + 2))).find((m) => m.start - answer.end <= 1);
  if (!mention) return undefined;
  const lemma = ctx.words[mention.captures.reference.start].lemma;
  const word = proposalStepSynonyms.get(lemma) ?? lemma;
  const recent = drafts.filter((d) => sentence - d.sentence <= REFERENCE_REACH).reverse();
  return recent.find((d) => d.key === word) ?? (proposalSets.proposalNouns.has(word) || proposalSets.pronounReferences.has(word) ? recent[0] : undefined);
}

function addResponse(ctx: ArticleContext, parse: ShallowParse, target: Draft, answer: Match, first: number): void {
  const verb = answer.captures.response.start;
  const g = parse.verbGroupOf[verb];
  const agent = g >= 0 && parse.verbGroups[g].passive ? parse.verbGroups[g].attached.find((a) => proposalSets.passiveAgentPrepositions.has(a.prep)) : undefined;
  const opening = g >= 0 ? parse.verbGroups[g].first : verb;
  const by = agent ? { codes: partiesOf(ctx, parse, agent.phrase, NO_DEFAULTS), rule: 'proposal.responder.by' } : (subjectRightBefore(ctx, parse, opening, first) ?? subjectOf(ctx, parse, opening, first, 'proposal.responder.subject'));
  const proposal = target.proposal;
  const own = new Set(proposal.proposer);
  const response = proposalPatterns.spec(answer.id)?.response ?? 'considering';
  // "Ukraine, France and Britain signed …": the proposers answer not themselves, but a proposer may take its offer back
  const party = response === 'withdrawn' ? (by.codes[0] ?? null) : (by.codes.find((c) => !own.has(c)) ?? null);
  if (by.codes.length > 0 && party === null) return;
  // a headline and its story often give the same answer twice
  if (answered(proposal, party, response)) return;
  // "Russia on Friday rejected": the answer's words run from the party that gives it, when it is close by
  const from = Math.min(answer.start, by.at !== undefined && opening - by.at <= RESPONDER_REACH ? by.at : opening);
  const evidence = evidenceAt(ctx, ctx.words[from].start, ctx.words[answer.end - 1].end, answer.id);
  proposal.responses.push({ by: party, response, evidence: evidence.text, start: evidence.start, end: evidence.end, rule: answer.id });
  if (!proposal.addressee && party && response !== 'withdrawn') {
    proposal.addressee = party;
    proposal.rules.addressee = 'proposal.addressee.responder';
  }
}

/** Whether the party has given this answer to the proposal already. */
const answered = (p: Proposal, by: string | null, response: ProposalResponse['response']) => p.responses.some((r) => r.by === by && r.response === response);

/** A repeat of a proposal already found (the same step, a proposer in common or none named) adds its answers to it. */
function mergeInto(drafts: Draft[], d: Draft): void {
  const same = drafts.find((o) => o.key === d.key && (d.proposal.proposer.length === 0 || o.proposal.proposer.some((c) => d.proposal.proposer.includes(c))));
  if (!same) {
    drafts.push(d);
    return;
  }
  for (const r of d.proposal.responses) if (!answered(same.proposal, r.by, r.response)) same.proposal.responses.push(r);
  same.sentence = d.sentence;
  // a headline names it in a word, the story in full: the fuller subject and its evidence stand
  if (d.proposal.subject.length > same.proposal.subject.length) {
    same.proposal.subject = d.proposal.subject;
    same.proposal.evidence = d.proposal.evidence;
  }
  if (!same.proposal.addressee && d.proposal.addressee) {
    same.proposal.addressee = d.proposal.addressee;
    same.proposal.rules.addressee = d.proposal.rules.addressee;
  }
}

/** The status the latest answer gives, else the trigger's own. */
function settle(p: Proposal): Proposal {
  const latest = p.responses.reduce<ProposalResponse | null>((a, r) => (!a || r.start >= a.start ? r : a), null);
  return latest ? { ...p, status: STATUS_OF_ANSWER[latest.response], rules: { ...p.rules, status: latest.rule } } : p;
}
