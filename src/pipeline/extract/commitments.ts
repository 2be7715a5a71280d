// Commitments: one per amount ("€400m … 12 howitzers … 5,000 drones" is three), plus
// unquantified ones ("ready to be part of the coalition", "will continue to provide aid").
// Donor: the subject of the trigger (a minister → their state), a passive "by X", a
// possessive ("Estonia's contribution"), else the donor the paragraph is about.
import type { Commitment } from '../../facts/types.js';
import { cues, itemNouns, negations, ownSpendingVerbs, patterns, pledgeNouns, readinessWords, statusOfLemma, supportNouns, wordLists } from '../../lexicons/index.js';
import { findQuantities, type Quantity } from '../resolve/amounts.js';
import { isOrg, wordIndexAt, type ArticleContext } from './context.js';
import { evidenceAt } from './evidence.js';
import { categoryAt, clauseEnd, evidenceSpan, notSupport, ownDefenceSpending, periodOf, statusAt, troopCategory } from './attributes.js';
import {
  articleDefaults, currencyFor, donorOfQuantity, findDonors, findRecipient, gappedDonor, ownerBefore, possessiveDonor, sentenceSubject,
  type Defaults, type DonorState,
} from './donors.js';
import { decided } from './decision.js';
import { beneficiaryStates, phraseDonors, phraseRecipient, withDonors } from './phrase-roles.js';

const SANCTION_SENTENCE = patterns.commitments.sanctionSentence;
const TROOP_WORDS = patterns.commitments.troopWords;
/** A state at war with the recipient is no donor to it ("sending 2,000 Russian soldiers"). */
const ADVERSARIES = new Set(cues.adversaries.map(([a, b]) => `${a}>${b}`));
const HYPOTHETICAL = wordLists.commitments.hypothetical;
const SUPPORT_OBJECTS = patterns.commitments.supportObjects;

export function extractCommitments(ctx: ArticleContext): Commitment[] {
  const out: Commitment[] = [];
  const defaults = articleDefaults(ctx);
  // one pass over the article; each sentence then takes the amounts that fall inside it
  const amounts = findQuantities(ctx.text);
  let nextAmount = 0;
  const conversions: Quantity[] = [];
  const state: DonorState = { lastDonor: null, lastSubject: null };
  // "The package includes:" and the bullets under it: each item shares the trigger that introduced the list
  let listIntro: { at: number; rule: string } | null = null;
  for (let s = 0; s < ctx.analysis.sentences.length; s++) {
    const sentence = ctx.analysis.sentences[s];
    ctx.deadline.check('commitments');
    const sentenceText = ctx.text.slice(sentence.start, sentence.end);
    // a sentence about sanctions lists ships and companies, not support; a question pledges nothing
    if (SANCTION_SENTENCE.test(sentenceText) || /\?["”’]?\s*$/.test(sentenceText)) {
      state.lastSubject = sentenceSubject(ctx, sentence.first, sentence.last, defaults) ?? state.lastSubject;
      continue;
    }
    const triggerRules = findTriggers(ctx, sentence.first, sentence.last);
    const triggers = [...triggerRules.keys()];
    const bullet = listIntro !== null && patterns.commitments.listBullet.test(sentenceText) ? listIntro : null;
    if (bullet) triggerRules.set(bullet.at, bullet.rule);
    else listIntro = null;
    if (/:\s*$/.test(sentenceText) && triggers.length > 0) listIntro = { at: triggers[triggers.length - 1], rule: triggerRules.get(triggers[triggers.length - 1])! };
    while (nextAmount < amounts.length && amounts[nextAmount].start < sentence.start) nextAmount++;
    const all: Quantity[] = [];
    while (nextAmount < amounts.length && amounts[nextAmount].end <= sentence.end) all.push(amounts[nextAmount++]);
    conversions.push(...all.filter((q) => q.conversion));
    const quantities = all.filter((q) => !q.conversion);
    const scan: SentenceScan = { ctx, sentence, triggers, triggerRules, quantities, defaults, state, made: [], listTrigger: undefined, bulletTrigger: bullet?.at };
    for (const q of quantities) amountCommitments(scan, q);
    const made = scan.made;
    // an unquantified pledge may stand beside amounts when its trigger is a clause of its own
    const used = made.map((c) => wordIndexAt(ctx, c.evidence.start));
    const free = triggers.filter((t) => used.every((u) => Math.abs(u - t) > 6) && quantities.every((q) => Math.abs(wordIndexAt(ctx, q.start) - t) > 6));
    // "approved the 29th package for Ukraine, worth EUR 198 million": the amount already says what the verb pledges
    const sameAsAmount = (c: Commitment) => made.some((m) => m.donor === c.donor && m.status === c.status && m.category === c.category);
    made.push(...unquantified(ctx, free, triggerRules, sentence.first, sentence.last, state, defaults).filter((c) => !sameAsAmount(c)));
    const subject = sentenceSubject(ctx, sentence.first, sentence.last, defaults);
    if (subject) state.lastSubject = subject;
    for (const c of made) if (c.donor) state.lastDonor = c.donor;
    out.push(...made);
  }
  return withoutRestatements(ctx, dedupe(out, conversions)).filter((c) => !ADVERSARIES.has(`${c.donor}>${c.recipient}`));
}

/** What the amounts of one sentence share while their commitments are made. */
interface SentenceScan {
  ctx: ArticleContext;
  sentence: ArticleContext['analysis']['sentences'][number];
  triggers: number[];
  triggerRules: Map<number, string>;
  quantities: Quantity[];
  defaults: Defaults;
  state: DonorState;
  /** The commitments made so far in the sentence. */
  made: Commitment[];
  /** The trigger of the last amount: a list of amounts with their givers shares it. */
  listTrigger: number | undefined;
  /** The trigger of the sentence that opened a bulleted list this sentence is an item of. */
  bulletTrigger: number | undefined;
}

/** The commitments one amount states (one per donor), added to `scan.made`; none when no trigger governs it. */
function amountCommitments(scan: SentenceScan, q: Quantity): void {
  const { ctx, sentence, triggers, triggerRules, quantities, defaults, state, made } = scan;
  // "financed by the Netherlands for $578 million, the second by Denmark for $495 million": a list of amounts
  // with their givers shares the trigger of the first
  const trigger = nearestTrigger(ctx, triggers, q) ?? (scan.listTrigger !== undefined && phraseDonors(ctx, q.start, defaults) ? scan.listTrigger : undefined) ?? scan.bulletTrigger;
  if (trigger === undefined && q.kind !== 'gdp') return;
  // a state's own defence spending or target is a commitment with no recipient (the annotation guide's rule)
  const ownSpending = (q.kind === 'money' || q.kind === 'gdp') && ownDefenceSpending(ctx, q);
  if (q.kind === 'money' && !ownSpending && notSupport(ctx, q)) return;
  // a spending target is stated by its own verb: "plans to spend 4.7% of GDP", not a figure in the next clause
  if (ownSpending && (trigger === undefined || /[,;]/.test(ctx.text.slice(ctx.words[trigger].end, q.start)))) return;
  if ((q.kind === 'items' || q.kind === 'troops') && trigger === undefined) return;
  if (trigger !== undefined && (isNegated(ctx, trigger) || isHypothetical(ctx, trigger, sentence.first))) return;
  if (isNegated(ctx, wordIndexAt(ctx, q.start))) return;
  const verb = governingVerb(ctx, triggers, trigger ?? wordIndexAt(ctx, q.start), sentence.first);
  const at = wordIndexAt(ctx, q.start);
  const named = (rule: string, value: string[] | null) => (value ? decided(rule, value) : null);
  const found =
    named('commitment.donor.amount-phrase', donorOfQuantity(ctx, q)) ?? named('commitment.donor.possessor-of-amount', ownerBefore(ctx, at)) ??
    phraseDonors(ctx, q.start, defaults) ?? withDonors(ctx, q.start, sentence.first, defaults) ??
    named('commitment.donor.named-before-amount', gappedDonor(ctx, at)) ??
    (trigger !== undefined ? named('commitment.donor.possessive', possessiveDonor(ctx, trigger, sentence.first, sentence.last)) : null) ??
    findDonors(ctx, verb, sentence.first, sentence.last, state, defaults);
  // "Japan and Ukraine signed an agreement for a loan": the recipient is no donor of it; "the IMF completed its review of
  // Ukraine's programme, unlocking $900 million": a possessive recipient gives way to the clause's subject, or to none
  const ownMoney = !ownSpending && found.value.length === 1 && found.value[0] === defaults.recipient;
  const strict = ownMoney ? findDonors(ctx, verb, sentence.first, sentence.last, state, defaults, true) : null;
  let donors = strict ? decided(strict.rule, strict.value.filter((d) => d !== defaults.recipient))
    : found.value.length > 1 ? decided(found.rule, found.value.filter((d) => d !== defaults.recipient)) : found;
  if (donors.value.length === 0) return;
  const paired = respectively(scan, q, donors.value);
  if (paired) donors = decided('commitment.donor.respectively', [paired]);
  const helped = ownSpending ? decided('commitment.recipient.own-spending', null)
    : phraseRecipient(ctx, q.start, donors.value) ?? findRecipient(ctx, verb, sentence.first, sentence.last, donors.value, defaults, quantities);
  // "will reach 4.7% of GDP", "spends 3.43% of its GDP": a share of GDP with a budget verb and no one named as receiving it is the state's own
  const ownShare = q.kind === 'gdp' && helped.rule === 'commitment.recipient.article-default' && ownSpendingVerbs.has(ctx.words[verb].lemma);
  // "to support people affected by the earthquakes in Syria and Turkey": one commitment for each state helped
  const beneficiaries = helped.rule === 'commitment.recipient.article-default' || helped.rule === 'commitment.recipient.none'
    ? beneficiaryStates(ctx, verb, sentence.last, donors.value) : null;
  const recipient = ownShare ? decided('commitment.recipient.own-budget-share', null) : beneficiaries ? decided(beneficiaries.rule, beneficiaries.value[0]) : helped;
  const recipients = beneficiaries && !ownShare ? beneficiaries.value : [recipient.value];
  const evidence = evidenceSpan(ctx, q, trigger);
  // "has so far provided €6 billion …, including 24 F-16 jets": the listed part shares the whole's status and period
  const whole = trigger !== undefined && ctx.words[trigger].lower === 'including' ? made.find((m) => m.donor === donors.value[0]) : undefined;
  const ownBudget = ownSpending || ownShare;
  const period = whole ? decided('commitment.period.as-whole', whole.period) : ownBudget && q.kind === 'gdp' ? decided('commitment.period.spending-share', 'annual' as const) : periodOf(ctx, q, sentence.start, sentence.end);
  const status = whole ? decided('commitment.status.as-whole', whole.status) : statusAt(ctx, verb, sentence.first);
  const category = ownBudget ? decided('commitment.category.own-spending', 'military' as const) : categoryAt(ctx, q.start, q.end, sentence.start, sentence.end, q.kind, defaults);
  scan.listTrigger = trigger;
  const rules = {
    trigger: trigger === undefined ? 'commitment.trigger.share-of-gdp' : triggerRules.get(trigger)!,
    donor: donors.rule, recipient: recipient.rule, status: status.rule, category: category.rule, period: period.rule,
  };
  for (const donor of donors.value) for (const helpedState of recipients) {
    made.push({
      donor,
      recipient: helpedState,
      amount: q.value,
      unit: q.kind === 'money' ? currencyFor(q, donors.value, donor) : q.unit,
      period: period.value,
      category: category.value,
      status: status.value,
      qualifier: q.qualifier,
      item: q.item,
      rules,
      evidence: evidenceAt(ctx, evidence.start, evidence.end, `commitment.${q.kind}`),
    });
  }
}

/** "Lithuania and Latvia, at 2.1% and 1.7% respectively": the n-th amount of its kind is the n-th donor's. */
function respectively({ ctx, sentence, quantities }: SentenceScan, q: Quantity, donors: string[]): string | null {
  if (donors.length < 2) return null;
  let said = false;
  for (let k = sentence.first; k < sentence.last && !said; k++) said = wordLists.commitments.respectively.has(ctx.words[k].lower);
  if (!said) return null;
  const sameKind = quantities.filter((other) => other.kind === q.kind);
  return sameKind.length === donors.length ? donors[sameKind.indexOf(q)] : null;
}

/** An unquantified commitment: a trigger with a support object and no amount in the sentence. */
function unquantified(ctx: ArticleContext, triggers: number[], triggerRules: Map<number, string>, first: number, last: number, state: DonorState, defaults: Defaults): Commitment[] {
  for (const t of triggers) {
    if (!unquantifiedTrigger(ctx, t, first, last) || isNegated(ctx, t) || isHypothetical(ctx, t, first)) continue;
    const donors = findDonors(ctx, t, first, last, state, defaults, true);
    if (donors.value.length === 0) continue;
    // joining a coalition with no state named as helped: the coalition itself receives the commitment
    const helped = findRecipient(ctx, t, first, last, donors.value, defaults, []);
    const coalition = helped.value === null ? coalitionAfter(ctx, t, last) : null;
    const recipient = coalition ? decided('commitment.recipient.coalition-joined', coalition) : helped;
    if (recipient.value === null || donors.value.includes(recipient.value)) continue;
    const start = ctx.words[supportNounBefore(ctx, t, first) ?? t].start;
    const end = clauseEnd(ctx, t, last);
    const text = ctx.text.slice(start, end);
    const troops = TROOP_WORDS.test(text);
    const category = troops ? troopCategory(ctx, first, last, defaults) : categoryAt(ctx, start, end, start, end, null, defaults);
    const status = statusAt(ctx, t, first);
    const rules = {
      trigger: triggerRules.get(t)!, donor: donors.rule, recipient: recipient.rule, status: status.rule, category: category.rule,
      period: 'commitment.period.unquantified',
    };
    return donors.value.map((donor) => ({
      donor, recipient: recipient.value, amount: null, unit: troops ? 'troops' : null, period: null, category: category.value,
      status: status.value, qualifier: null, item: null, rules,
      evidence: evidenceAt(ctx, start, end, 'commitment.unquantified'),
    }));
  }
  return [];
}

function coalitionAfter(ctx: ArticleContext, t: number, last: number): string | null {
  for (let k = t + 1; k < last; k++) {
    const o = ctx.owner[k];
    if (isOrg(o)) {
      const org = ctx.orgs.get(o.key);
      if (org && (org.kind === 'coalition' || patterns.commitments.coalitionNames.test(org.name))) return org.name;
    }
  }
  return null;
}

/**
 * "Sweden to give Ukraine $500m … Sweden will provide the aid this year": an unquantified pledge that points back at
 * support already quantified for the same donor and recipient ("the aid", "this package") restates it.
 */
function withoutRestatements(ctx: ArticleContext, commitments: Commitment[]): Commitment[] {
  const quantified = new Set(commitments.filter((c) => c.amount !== null).map((c) => `${c.donor}|${c.recipient}`));
  return commitments.filter((c) => {
    if (c.amount !== null || !quantified.has(`${c.donor}|${c.recipient}`)) return true;
    const first = wordIndexAt(ctx, c.evidence.start);
    for (let k = first; k < ctx.words.length && ctx.words[k].start < c.evidence.end; k++) {
      const next = ctx.words[k + 1]?.lower ?? '';
      if (wordLists.commitments.anaphoricDeterminers.has(ctx.words[k].lower) && (supportNouns.has(next) || pledgeNouns.has(next))) return false;
    }
    return true;
  });
}

/** One commitment per stated amount: repeats (a headline and its body) and restated conversions fold away. */
function dedupe(commitments: Commitment[], conversions: Quantity[]): Commitment[] {
  const kept = new Map<string, Commitment>();
  for (const c of commitments) {
    if (c.amount !== null && conversions.some((q) => q.unit === c.unit && Math.abs(q.value - c.amount!) <= 0.01 * q.value)) continue;
    const key = c.amount === null ? `${c.donor}|${c.recipient}|${c.evidence.start}` : `${c.donor}|${c.recipient}|${c.amount}|${c.unit}`;
    const first = kept.get(key);
    if (!first) kept.set(key, c);
    // a headline says "£1.5bn"; the body adds "over the next two years": keep the first mention, with the fuller period
    else if (first.period === 'one-off' && c.period !== 'one-off') first.period = c.period;
  }
  return [...kept.values()];
}

// ---------- triggers ----------


/** The words that can state a commitment, and the rule that made each one a trigger. */
function findTriggers(ctx: ArticleContext, first: number, last: number): Map<number, string> {
  const found = new Map<number, string>();
  for (let k = first; k < last; k++) {
    const w = ctx.words[k];
    if (readinessWords.has(w.lower) && (ctx.words[k + 1]?.lower === 'to' || w.lower.endsWith('ness'))) found.set(k, 'commitment.trigger.readiness');
    else if (statusOfLemma.has(w.lemma) && (w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'ADJ')) found.set(k, 'commitment.trigger.pledge-verb');
    else if (statusOfLemma.has(w.lemma) && afterModal(ctx, k, first)) found.set(k, 'commitment.trigger.verb-after-modal');
    else if (w.pos === 'NOUN' && pledgeNouns.has(w.lower)) found.set(k, 'commitment.trigger.pledge-noun');
  }
  return found;
}

/** "will each give": a verb the tagger took for a noun, recognisable by the modal before it. */
function afterModal(ctx: ArticleContext, k: number, first: number): boolean {
  let j = k - 1;
  while (j >= first && wordLists.commitments.modalAdverbs.has(ctx.words[j].lower)) j--;
  return j >= first && wordLists.commitments.modalsBeforeVerb.has(ctx.words[j].lower);
}

/** The trigger that governs an amount: a verb before it in the clause wins over a noun after it. */
function nearestTrigger(ctx: ArticleContext, triggers: number[], q: Quantity): number | undefined {
  const at = wordIndexAt(ctx, q.start);
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const t of triggers) {
    const after = t > at;
    // "(about USD 3 billion a year), and this loan": a trigger past a bracket or comma governs another clause
    if (after && /[),;]/.test(ctx.text.slice(q.end, ctx.words[t].start))) continue;
    const d = Math.abs(t - at) + (ctx.words[t].pos === 'NOUN' ? 1.5 : 0) + (after ? 3 : 0);
    if (d < bestDistance) {
      best = t;
      bestDistance = d;
    }
  }
  return bestDistance <= 20 ? best : undefined;
}

/** For a trigger noun ("loan", "package"), the pledge verb before it in the clause, whose subject is the donor. */
function governingVerb(ctx: ArticleContext, triggers: number[], t: number, first: number): number {
  if (ctx.words[t].pos !== 'NOUN') return t;
  for (let k = triggers.length - 1; k >= 0; k--) {
    const v = triggers[k];
    if (v < t && v >= first && ctx.words[v].pos !== 'NOUN' && t - v <= 10) return v;
  }
  return t;
}

function unquantifiedTrigger(ctx: ArticleContext, t: number, first: number, last: number): boolean {
  const w = ctx.words[t];
  if (w.pos === 'NOUN' && !readinessWords.has(w.lower)) return false;
  if (wordLists.commitments.notUnquantifiedVerbs.has(w.lemma)) return false;
  const after = ctx.text.slice(w.end, ctx.words[Math.min(last - 1, t + 10)].end);
  // "weighing whether to donate Gripen fighter jets": weapons named without a number are a commitment too
  if (SUPPORT_OBJECTS.test(after) || (after.toLowerCase().match(/[a-z-]+/g) ?? []).some((x) => itemNouns.has(x))) return true;
  // "U.S. military assistance had resumed", "program being implemented by …"
  const before = ctx.text.slice(ctx.words[Math.max(first, t - 5)].start, w.start);
  return statusOfLemma.get(w.lemma) !== 'planned' && patterns.commitments.supportBefore.test(before);
}

function supportNounBefore(ctx: ArticleContext, t: number, first: number): number | undefined {
  for (let k = t - 1; k >= Math.max(first, t - 5); k--) {
    if (supportNouns.has(ctx.words[k].lower)) {
      let s = k;
      while (s > first && (ctx.owner[s - 1] !== undefined || ctx.words[s - 1].pos === 'ADJ')) s--;
      return s;
    }
  }
  return undefined;
}

/** Failing, blocking or vetoing governs a whole clause: "failed to agree on a plan to use … for a €140bn loan". */
const CLAUSE_NEGATION = patterns.commitments.clauseNegation;
const CLAUSE_END = wordLists.commitments.clauseEnd;

function isNegated(ctx: ArticleContext, t: number): boolean {
  for (let k = Math.max(0, t - 4); k < t; k++) {
    if (ctx.words[k].sentence !== ctx.words[t].sentence) continue;
    const w = ctx.words[k];
    if (w.lower === 'no' && ctx.words[k + 1]?.lower === 'doubt') continue;
    if (negations.has(w.lower) || CLAUSE_NEGATION.test(w.lower)) return true;
  }
  for (let k = t - 5; k >= Math.max(0, t - 20); k--) {
    const w = ctx.words[k];
    if (w.sentence !== ctx.words[t].sentence || CLAUSE_END.has(w.lower)) break;
    if (CLAUSE_NEGATION.test(w.lower) && (w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'ADJ')) return true;
  }
  return false;
}

/** "if all NATO countries were to contribute": a condition, not a commitment. */
function isHypothetical(ctx: ArticleContext, t: number, first: number): boolean {
  for (let k = t - 1; k >= Math.max(first, t - 8); k--) {
    const w = ctx.words[k];
    if (w.text === ',' || w.lower === 'that') return false;
    if (HYPOTHETICAL.has(w.lower)) return true;
  }
  return false;
}
