// Commitments: one per amount ("€400m … 12 howitzers … 5,000 drones" is three), plus
// unquantified ones ("ready to be part of the coalition", "will continue to provide aid").
// Donor: the subject of the trigger (a minister → their state), a passive "by X", a
// possessive ("Estonia's contribution"), else the donor the paragraph is about.
import type { Category, Commitment, Period, Status } from '../../facts/types.js';
import { cues, itemNouns, negations, pledgeNouns, reportedSpeechVerbs, statusOfLemma } from '../../lexicons/index.js';
import { findQuantities, type Quantity } from '../resolve/amounts.js';
import { isCountry, isOrg, isPerson, wordIndexAt, type ArticleContext } from './context.js';
import { evidenceAt } from './evidence.js';
import { partyBefore, partyEndingAt, type Party } from './parties.js';
import { PhraseMatcher } from './phrases.js';

const DOLLAR_COUNTRIES: Record<string, string> = { AU: 'AUD', CA: 'CAD', NZ: 'NZD', SG: 'SGD', HK: 'HKD' };
const SANCTION_SENTENCE = /\bsanction|blacklist|shadow fleet|asset freeze\b/i;
const TROOP_WORDS = /\b(troops|soldiers|contingents?|boots on the ground|peacekeepers)\b/i;
/** Words around an amount that make it a cost, a loss or a stock of assets rather than support. */
const NOT_SUPPORT_BEFORE = /\b((?<!at a )cost|costs|damage|losses|revenues?|deficit|accumulated|estimates?|held|economy|debt of|bonds|salary|prices?|exports?|imports?|trade)\b/i;
const NOT_SUPPORT_AFTER = /^[^,.;]{0,12}?\b(?:in|of)\s+(?:\w+\s+){0,2}(?:assets|reserves|damage|losses|revenues?|exports|imports|debt)\b|^\s*(?:is|are|was|were)\s+held\b/i;
const AUXILIARIES = new Set(['will', 'would', 'shall', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'also', 'already', 'formally', 'officially', 'to', 'continue', 'continues', 'not', 'further', 'now', 'since', 'just', 'soon', 'jointly', 'together', 'each', 'both', 'all']);
const GROUP_SCHEME = /^(?:initiative|coalition|fund|facility|programme|program|mission|model|plan|scheme|mechanism|led)$/;
const GROUP_WORDS = new Set(['countries', 'nations', 'allies', 'partners', 'states', 'members', 'donors', 'governments']);
/** A state at war with the recipient is no donor to it ("sending 2,000 Russian soldiers"). */
const ADVERSARIES = new Set(cues.adversaries.map(([a, b]) => `${a}>${b}`));
const MILITARY_WORDS = new Set(['military', 'weapons', 'defence', 'defense', 'ammunition', 'troops', 'drones', 'arms']);
const SECURITY_CONTEXT = /security guarantees?|reassurance force|ceasefire|coalition of the willing|peacekeep/i;
/** No article context: for donors named outright. */
const NO_DEFAULTS: Defaults = { recipient: null, donor: null, coalition: null, category: 'other', securityContext: false };
const HYPOTHETICAL = new Set(['if', 'unless', 'whether']);
const READY_WORDS = new Set(['ready', 'willing', 'prepared', 'willingness', 'readiness']);
const PLANNED_WORDS = new Set(['plan', 'plans', 'planned', 'intend', 'intends', 'mull', 'mulls', 'consider', 'considers', 'considering', 'propose', 'proposed', 'proposes', 'preparing', 'prepare', 'prepares', 'expected', 'draft', 'discussing', 'looking', 'could', 'may', 'might', 'aims', 'seeks', 'intention']);
const SUPPORT_OBJECTS = /\b(support|aid|assistance|guarantees?|troops|soldiers|weapons|equipment|funds?|funding|package|training|ammunition|shells|drones|help|contribut\w*|reconstruction|recovery|integration|coalition|initiatives?|programs?|programmes?|military|security|forces?|contingents?|peacekeep\w*|missions?|loan|grant)\b/i;

interface Anchor {
  start: number;
  end: number;
}

export function extractCommitments(ctx: ArticleContext): Commitment[] {
  const out: Commitment[] = [];
  const defaults = articleDefaults(ctx);
  // one pass over the article; each sentence then takes the amounts that fall inside it
  const amounts = findQuantities(ctx.text);
  let nextAmount = 0;
  const conversions: Quantity[] = [];
  const state: DonorState = { lastDonor: null, lastSubject: null };
  for (let s = 0; s < ctx.analysis.sentences.length; s++) {
    const sentence = ctx.analysis.sentences[s];
    ctx.deadline.check('commitments');
    const sentenceText = ctx.text.slice(sentence.start, sentence.end);
    // a sentence about sanctions lists ships and companies, not support; a question pledges nothing
    if (SANCTION_SENTENCE.test(sentenceText) || /\?["”’]?\s*$/.test(sentenceText)) {
      state.lastSubject = sentenceSubject(ctx, sentence.first, sentence.last, defaults) ?? state.lastSubject;
      continue;
    }
    const triggers = findTriggers(ctx, sentence.first, sentence.last);
    while (nextAmount < amounts.length && amounts[nextAmount].start < sentence.start) nextAmount++;
    const all: Quantity[] = [];
    while (nextAmount < amounts.length && amounts[nextAmount].end <= sentence.end) all.push(amounts[nextAmount++]);
    conversions.push(...all.filter((q) => q.conversion));
    const quantities = all.filter((q) => !q.conversion);
    const made: Commitment[] = [];
    for (const q of quantities) {
      const trigger = nearestTrigger(ctx, triggers, q);
      if (!trigger && q.kind !== 'gdp') continue;
      // a state's own defence spending or target is a commitment with no recipient (the annotation guide's rule)
      const ownSpending = (q.kind === 'money' || q.kind === 'gdp') && ownDefenceSpending(ctx, q);
      if (q.kind === 'money' && !ownSpending && notSupport(ctx, q)) continue;
      // a spending target is stated by its own verb: "plans to spend 4.7% of GDP", not a figure in the next clause
      if (ownSpending && (trigger === undefined || /[,;]/.test(ctx.text.slice(ctx.words[trigger].end, q.start)))) continue;
      if ((q.kind === 'items' || q.kind === 'troops') && !trigger) continue;
      if (trigger !== undefined && (isNegated(ctx, trigger) || isHypothetical(ctx, trigger, sentence.first))) continue;
      if (isNegated(ctx, wordIndexAt(ctx, q.start))) continue;
      const verb = governingVerb(ctx, triggers, trigger ?? wordIndexAt(ctx, q.start), sentence.first);
      const found =
        donorOfQuantity(ctx, q) ?? ownerBefore(ctx, wordIndexAt(ctx, q.start)) ?? gappedDonor(ctx, wordIndexAt(ctx, q.start)) ??
        (trigger !== undefined ? possessiveDonor(ctx, trigger, sentence.first, sentence.last) : null) ??
        findDonors(ctx, verb, sentence.first, sentence.last, state, defaults);
      // "Japan and Ukraine signed an agreement for a loan": the recipient is no donor of it; "the IMF completed its review of
      // Ukraine's programme, unlocking $900 million": a possessive recipient gives way to the clause's subject, or to none
      const ownMoney = !ownSpending && found.length === 1 && found[0] !== null && found[0] === defaults.recipient;
      const donors = ownMoney ? findDonors(ctx, verb, sentence.first, sentence.last, state, defaults, true).filter((d) => d !== defaults.recipient)
        : found.length > 1 ? found.filter((d) => d !== defaults.recipient) : found;
      if (donors.length === 0) continue;
      const recipient = ownSpending ? null : findRecipient(ctx, verb, sentence.first, sentence.last, donors, defaults, quantities);
      const evidence = evidenceSpan(ctx, q, trigger);
      // "has so far provided €6 billion …, including 24 F-16 jets": the listed part shares the whole's status and period
      const whole = trigger !== undefined && ctx.words[trigger].lower === 'including' ? made.find((m) => m.donor === donors[0]) : undefined;
      const period = whole?.period ?? (ownSpending && q.kind === 'gdp' ? 'annual' : periodOf(ctx, q, sentence.start, sentence.end));
      const status = whole?.status ?? statusAt(ctx, verb, sentence.first);
      for (const donor of donors) {
        made.push({
          donor,
          recipient,
          amount: q.value,
          unit: q.kind === 'money' ? currencyFor(q, donors, donor) : q.unit,
          period,
          category: ownSpending ? 'military' : categoryAt(ctx, q.start, q.end, sentence.start, sentence.end, q.kind, defaults),
          status,
          qualifier: q.qualifier,
          item: q.item,
          evidence: evidenceAt(ctx, evidence.start, evidence.end, `commitment.${q.kind}`),
        });
      }
    }
    // an unquantified pledge may stand beside amounts when its trigger is a clause of its own
    const used = made.map((c) => wordIndexAt(ctx, c.evidence.start));
    const free = triggers.filter((t) => used.every((u) => Math.abs(u - t) > 6) && quantities.every((q) => Math.abs(wordIndexAt(ctx, q.start) - t) > 6));
    // "approved the 29th package for Ukraine, worth EUR 198 million": the amount already says what the verb pledges
    const sameAsAmount = (c: Commitment) => made.some((m) => m.donor === c.donor && m.status === c.status && m.category === c.category);
    made.push(...unquantified(ctx, free, sentence.first, sentence.last, state, defaults).filter((c) => !sameAsAmount(c)));
    const subject = sentenceSubject(ctx, sentence.first, sentence.last, defaults);
    if (subject) state.lastSubject = subject;
    for (const c of made) if (c.donor) state.lastDonor = c.donor;
    out.push(...made);
  }
  return dedupe(out, conversions).filter((c) => !ADVERSARIES.has(`${c.donor}>${c.recipient}`));
}

/** An unquantified commitment: a trigger with a support object and no amount in the sentence. */
function unquantified(ctx: ArticleContext, triggers: number[], first: number, last: number, state: DonorState, defaults: Defaults): Commitment[] {
  for (const t of triggers) {
    if (!unquantifiedTrigger(ctx, t, first, last) || isNegated(ctx, t) || isHypothetical(ctx, t, first)) continue;
    const donors = findDonors(ctx, t, first, last, state, defaults, true);
    if (donors.length === 0) continue;
    // joining a coalition with no state named as helped: the coalition itself receives the commitment
    const recipient = findRecipient(ctx, t, first, last, donors, defaults, []) ?? coalitionAfter(ctx, t, last);
    if (recipient === null || donors.includes(recipient)) continue;
    const start = ctx.words[supportNounBefore(ctx, t, first) ?? t].start;
    const end = clauseEnd(ctx, t, last);
    const text = ctx.text.slice(start, end);
    const troops = TROOP_WORDS.test(text);
    const category = troops ? troopCategory(ctx, first, last, defaults) : categoryAt(ctx, start, end, start, end, null, defaults);
    return donors.map((donor) => ({
      donor, recipient, amount: null, unit: troops ? 'troops' : null, period: null, category,
      status: statusAt(ctx, t, first), qualifier: null, item: null,
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
      if (org && (org.kind === 'coalition' || /coalition|initiative/i.test(org.name))) return org.name;
    }
  }
  return null;
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

const SUPPORT_NOUN_DONOR = new Set(['support', 'aid', 'assistance', 'help', 'contribution', 'contributions', 'funding', 'package', 'commitment', 'donation', 'loan', 'grant']);
const OBJECT_TAKING_VERBS = new Set(['provide', 'give', 'help', 'support', 'assist', 'send', 'supply', 'offer', 'grant', 'lend', 'hand', 'present', 'thank', 'urge', 'bolster', 'strengthen']);

function findTriggers(ctx: ArticleContext, first: number, last: number): number[] {
  const found: number[] = [];
  for (let k = first; k < last; k++) {
    const w = ctx.words[k];
    if (READY_WORDS.has(w.lower) && (ctx.words[k + 1]?.lower === 'to' || w.lower.endsWith('ness'))) found.push(k);
    else if (statusOfLemma.has(w.lemma) && (w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'ADJ' || afterModal(ctx, k, first))) found.push(k);
    else if (w.pos === 'NOUN' && pledgeNouns.has(w.lower)) found.push(k);
  }
  return found;
}

/** "will each give": a verb the tagger took for a noun, recognisable by the modal before it. */
function afterModal(ctx: ArticleContext, k: number, first: number): boolean {
  let j = k - 1;
  while (j >= first && ['each', 'both', 'all', 'also', 'jointly'].includes(ctx.words[j].lower)) j--;
  return j >= first && ['will', 'would', 'shall', 'to', 'can', 'could', 'must'].includes(ctx.words[j].lower);
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
  if (w.pos === 'NOUN' && !READY_WORDS.has(w.lower)) return false;
  if (['announce', 'include', 'discuss', 'expect', 'sign', 'adopt', 'agree', 'decide', 'open', 'complete', 'receive', 'arrive', 'help', 'look', 'aim', 'seek', 'study', 'weigh', 'direct', 'continue', 'buy', 'purchase', 'cover', 'spend', 'hand', 'support', 'assist', 'prepare', 'consider'].includes(w.lemma)) return false;
  const after = ctx.text.slice(w.end, ctx.words[Math.min(last - 1, t + 10)].end);
  // "weighing whether to donate Gripen fighter jets": weapons named without a number are a commitment too
  if (SUPPORT_OBJECTS.test(after) || (after.toLowerCase().match(/[a-z-]+/g) ?? []).some((x) => itemNouns.has(x))) return true;
  // "U.S. military assistance had resumed", "program being implemented by …"
  const before = ctx.text.slice(ctx.words[Math.max(first, t - 5)].start, w.start);
  return statusOfLemma.get(w.lemma) !== 'planned' && /\b(support|aid|assistance|program|programme|initiative)\b/i.test(before);
}

function supportNounBefore(ctx: ArticleContext, t: number, first: number): number | undefined {
  for (let k = t - 1; k >= Math.max(first, t - 5); k--) {
    if (SUPPORT_NOUN_DONOR.has(ctx.words[k].lower)) {
      let s = k;
      while (s > first && (ctx.owner[s - 1] !== undefined || ctx.words[s - 1].pos === 'ADJ')) s--;
      return s;
    }
  }
  return undefined;
}

/** Failing, blocking or vetoing governs a whole clause: "failed to agree on a plan to use … for a €140bn loan". */
const CLAUSE_NEGATION = /^(fail|block|veto|reject|refus|oppos|object|struggl|unable)/;
const CLAUSE_END = new Set([',', ';', ':', 'but', 'while', 'although', 'whereas', 'and']);

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

// ---------- parties ----------

export interface Defaults {
  recipient: string | null;
  donor: string | null;
  coalition: string | null;
  category: Category;
  securityContext: boolean;
}

interface DonorState {
  lastDonor: string | null;
  /** The donor-like subject of the previous sentence, for "they", "it", "we". */
  lastSubject: string | null;
}

/** What the article is about when a sentence leaves it implicit: the recipient of support, the main donor. */
function articleDefaults(ctx: ArticleContext): Defaults {
  const counts = new Map<string, number>();
  const asRecipient = new Map<string, number>();
  for (const m of ctx.countryMentions) {
    counts.set(m.code, (counts.get(m.code) ?? 0) + (m.form === 'name' ? 1 : 0.5));
    const before = ctx.words[m.first - 1]?.lower ?? '';
    if (['to', 'for', 'support', 'supporting', 'help', 'helping', 'assist'].includes(before)) asRecipient.set(m.code, (asRecipient.get(m.code) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const recipients = [...asRecipient.entries()].sort((a, b) => b[1] - a[1]);
  // with no state named as receiving ("to X", "for X"), the most named state is as likely a donor: only Ukraine is assumed
  const recipient = recipients[0]?.[0] ?? (counts.has('UA') ? 'UA' : null);
  const donor = ranked.find(([code]) => code !== recipient && code !== 'RU')?.[0] ?? null;
  const coalition = [...ctx.orgs.values()].find((o) => o.kind === 'coalition' || /coalition/i.test(o.name))?.name ?? null;
  const military = ctx.words.reduce((n, w) => n + (MILITARY_WORDS.has(w.lower) ? 1 : 0), 0);
  const securityContext = SECURITY_CONTEXT.test(ctx.text);
  return { recipient, donor, coalition, category: military >= 2 ? 'military' : 'other', securityContext };
}

export function donorOfParty(ctx: ArticleContext, p: Party | null, defaults: Defaults): string | null {
  if (!p) return null;
  if (p.kind === 'country') return p.name;
  if (p.kind === 'organization') {
    const org = p.key ? ctx.orgs.get(p.key) : undefined;
    if (!org) return p.name;
    if (org.country) return org.country;
    if (org.kind === 'government' || org.kind === 'media') return null;
    // a body found by pattern ("State Defence Council", "Labour") acts for its own state
    if (org.rule !== 'org.lexicon' && !/coalition|initiative|fund|facility|programme|program|alliance|group/i.test(org.name)) {
      return countryInName(ctx, org) ?? defaults.donor;
    }
    return canonicalGroup(org.name);
  }
  if (p.kind === 'person') return p.person?.country ?? p.country ?? (p.person?.organization ? canonicalGroup(p.person.organization) : null);
  if (p.kind === 'institution') return p.country ?? defaults.donor;
  return null;
}

function countryInName(ctx: ArticleContext, org: { first: { first: number; last: number } }): string | null {
  for (let k = org.first.first; k < org.first.last; k++) {
    const o = ctx.owner[k];
    if (isCountry(o)) return o.code;
  }
  const before = ctx.owner[org.first.first - 1];
  return isCountry(before) ? before.code : null;
}

/** "Western allies", "NATO allies", "allies": the group word with the qualifier before it, if it is one. */
function groupName(ctx: ArticleContext, k: number, first: number): string {
  const q = ctx.words[k - 1];
  const qualified = k - 1 >= first && q && (q.pos === 'ADJ' || q.pos === 'PROPN' || q.cap);
  return ctx.text.slice(ctx.words[qualified ? k - 1 : k].start, ctx.words[k].end);
}

/** The EU's institutions and instruments pledge as "EU"; the G7 as "G7". */
function canonicalGroup(name: string): string {
  if (/^(european (union|commission|council|peace facility)|eu|ukraine facility|council of the (european union|eu))\b/i.test(name)) return 'EU';
  if (/^(group of seven|g7)/i.test(name)) return 'G7';
  return name;
}

/** "0.25 percent of Lithuania’s GDP": the economy named is the donor's. */
function donorOfQuantity(ctx: ArticleContext, q: Quantity): string[] | null {
  if (q.kind !== 'gdp') return null;
  for (let k = wordIndexAt(ctx, q.start); k < ctx.words.length && ctx.words[k].start < q.end; k++) {
    const o = ctx.owner[k];
    if (isCountry(o) && o.form === 'name') return [o.code];
  }
  return null;
}

/** The first donor-like party of a sentence that is not the object of a preposition. */
function sentenceSubject(ctx: ArticleContext, first: number, last: number, defaults: Defaults): string | null {
  for (let k = first; k < last; k++) {
    const o = ctx.owner[k];
    if (!o) continue;
    const prep = ctx.words[o.first - 1]?.lower ?? '';
    if (!['to', 'for', 'with', 'of', 'in', 'from', 'against', 'on', 'at', 'into', 'by'].includes(prep) && !(isCountry(o) && o.form === 'demonym')) {
      const d = donorOfParty(ctx, partyEndingAt(ctx, o.last - 1, null), defaults);
      if (d) return d;
    }
    k = o.last - 1;
  }
  return null;
}

function findDonors(ctx: ArticleContext, v: number, first: number, last: number, state: DonorState, defaults: Defaults, strict = false): string[] {
  const words = ctx.words;
  // "Ukraine would receive …": the donor is whoever announces it, or "from X"
  if (words[v].lemma === 'receive') return receivedFrom(ctx, v, first, last, state, defaults);
  const possessive = possessiveDonor(ctx, v, first, last);
  if (possessive) return possessive;
  // "Estonia remains the largest donor …, having given 1.6% of its GDP": a participle after a comma has the sentence's subject
  const participle = words[v - 1]?.lower === 'having' ? v - 1 : words[v].lower.endsWith('ing') ? v : -1;
  if (participle > first && words[participle - 1].text === ',') {
    const subject = sentenceSubject(ctx, first, participle, defaults);
    if (subject) return [subject];
  }
  return subjectDonors(ctx, v, first, last, state, defaults, strict);
}

/** "Norway's contribution", "the G7's $50 billion": the state or group named in a possessive right before word `v`. */
function ownerBefore(ctx: ArticleContext, v: number): string[] | null {
  const words = ctx.words;
  if (words[v - 1]?.lower !== "'s" && words[v - 1]?.lower !== '’s') return null;
  const o = ctx.owner[v - 2];
  if (!o || !(isCountry(o) || isOrg(o))) return null;
  const donor = isCountry(o) ? o.code : donorOfParty(ctx, partyEndingAt(ctx, o.last - 1, null), NO_DEFAULTS);
  return donor ? [donor] : null;
}

/** "Germany will give €500 million and France €300 million": a state right before an amount, after "and" or a comma, gives it. */
function gappedDonor(ctx: ArticleContext, v: number): string[] | null {
  const o = ctx.owner[v - 1];
  if (!isCountry(o) || o.form !== 'name' || o.last !== v) return null;
  const before = ctx.words[o.first - 1]?.lower === 'the' ? o.first - 2 : o.first - 1;
  return ['and', ','].includes(ctx.words[before]?.lower ?? '') ? [o.code] : null;
}

/** A possessive or a demonym before a support noun or an amount: "Estonia's contribution", "British support", "the G7's $50 billion". */
function possessiveDonor(ctx: ArticleContext, v: number, first: number, last: number): string[] | null {
  const words = ctx.words;
  const owner = ownerBefore(ctx, v);
  if (owner) return owner;
  for (let k = Math.min(last - 1, v + 5); k >= Math.max(first, v - 6); k--) {
    if (!SUPPORT_NOUN_DONOR.has(words[k].lower) && !READY_WORDS.has(words[k].lower)) continue;
    for (let j = k - 1; j >= Math.max(first, k - 4); j--) {
      const o = ctx.owner[j];
      if (isCountry(o)) {
        const prep = words[o.first - 1]?.lower ?? '';
        if (!['to', 'for', 'of', 'with'].includes(prep)) return [o.code];
        break;
      }
      if (!['military', 'financial', 'humanitarian', 'continued', 'steadfast', "'s", '’s', 'new', 'additional', 'further', 'long-term', 'security', 'defence', 'defense'].includes(words[j].lower)) break;
    }
  }
  return null;
}

function subjectDonors(ctx: ArticleContext, v: number, first: number, last: number, state: DonorState, defaults: Defaults, strict: boolean): string[] {
  const words = ctx.words;
  // passive: "to be built by Estonia", "implemented by Lithuania and Denmark"
  for (let k = v + 1; k < Math.min(last, v + 6); k++) {
    if (words[k].lower === 'by') {
      const list = partyList(ctx, k + 1, last, defaults);
      if (list.length > 0) return list;
    }
  }
  // the subject: walk back over auxiliaries and the verb chain to the nearest party
  let k = v - 1;
  while (k >= first && (AUXILIARIES.has(words[k].lower) || words[k].pos === 'ADV' || words[k].pos === 'VERB' || words[k].pos === 'AUX' || words[k].pos === 'PART' || READY_WORDS.has(words[k].lower) || PLANNED_WORDS.has(words[k].lower))) k--;
  const subjectText = ctx.text.slice(words[Math.max(first, k - 8)].start, words[Math.max(first, k)].end);
  // "Macron, along with 26 other Western allies, committed"; "26 countries had pledged"
  if (/along with .*\b(allies|countries|nations|partners)\b/i.test(subjectText) || (k >= first && GROUP_WORDS.has(words[k].lower) && !ctx.owner[k] && !isOrg(ctx.owner[k - 1]))) {
    return [defaults.coalition ?? canonicalGroup(groupName(ctx, k, first))];
  }
  if (k >= first && ['they', 'it', 'we', 'our'].includes(words[k].lower)) {
    // "the Czech government said it had delivered …": the pronoun is the speaker
    const cue = words[k - 1]?.lower === 'that' ? k - 2 : k - 1;
    if (cue >= first && reportedSpeechVerbs.has(words[cue].lemma)) {
      // "Estonia, Latvia and Lithuania said they would join": "they" is the whole list
      const subjectEnd = ctx.owner[cue - 1];
      if (words[k].lower !== 'it' && subjectEnd && !isPerson(subjectEnd)) {
        const list = partyList(ctx, listStart(ctx, subjectEnd.first, first), cue, defaults);
        if (list.length > 1) return list;
      }
      const speaker = donorOfParty(ctx, partyBefore(ctx, cue, null), defaults);
      if (speaker) return [speaker];
    }
    if (state.lastSubject) return [state.lastSubject];
  }
  for (let j = k; j >= first && j >= k - 12; j--) {
    const owner = ctx.owner[j];
    if (owner === undefined) {
      if (['they', 'it', 'we'].includes(words[j].lower) && state.lastSubject) return [state.lastSubject];
      if (['that', 'which', 'who'].includes(words[j].lower) && j < k) break;
      if (words[j].pos === 'VERB' && j < k - 1) break;
      continue;
    }
    const preposition = words[owner.first - 1]?.lower ?? '';
    // the object of a verb is no donor, but the subject of reported speech is ("said the EU would …")
    const verbBefore = words[owner.first - 1]?.lower === 'the' ? words[owner.first - 2] : words[owner.first - 1];
    const objectOfVerb = OBJECT_TAKING_VERBS.has(words[owner.first - 1]?.lemma ?? '') ||
      (verbBefore?.pos === 'VERB' && !reportedSpeechVerbs.has(verbBefore.lemma) && verbBefore.lower !== 'that');
    if ((['to', 'for', 'with', 'of', 'in', 'from', 'against', 'on', 'at', 'into'].includes(preposition) || objectOfVerb) && !isPerson(owner)) {
      j = owner.first;
      continue;
    }
    if (isCountry(owner) && owner.form === 'demonym' && !['government', 'authorities'].includes(words[owner.last]?.lower ?? '')) {
      j = owner.first;
      continue;
    }
    const list = partyList(ctx, listStart(ctx, owner.first, first), last, defaults);
    if (list.length > 0) return list;
    const donor = donorOfParty(ctx, partyEndingAt(ctx, owner.last - 1, null), defaults);
    if (donor) return [donor];
    j = owner.first;
  }
  // "the country's authorities", "the government"
  const near = ctx.text.slice(words[Math.max(first, k - 3)].start, words[Math.max(first, v)].end).toLowerCase();
  if (/\b(country|country's|country’s|authorities|government)\b/.test(near) && state.lastDonor) return [state.lastDonor];
  if (strict) return [];
  const fallback = state.lastDonor ?? defaults.donor;
  return fallback ? [fallback] : [];
}

function receivedFrom(ctx: ArticleContext, v: number, first: number, last: number, state: DonorState, defaults: Defaults): string[] {
  const words = ctx.words;
  for (let k = v + 1; k < last; k++) {
    if (words[k].lower === 'from') {
      const list = partyList(ctx, k + 1, last, defaults);
      if (list.length > 0) return list;
    }
  }
  for (let k = v - 1; k >= first; k--) {
    if (words[k].lower !== 'that' && !reportedCue(words[k].lemma)) continue;
    const announcer = partyEndingAt(ctx, k - 1, null) ?? partyBeforeVerb(ctx, k, first);
    const donor = donorOfParty(ctx, announcer, defaults);
    if (donor) return [donor];
  }
  return state.lastDonor ? [state.lastDonor] : defaults.donor ? [defaults.donor] : [];
}

const reportedCue = (lemma: string) => ['announce', 'say', 'state', 'confirm', 'declare'].includes(lemma);

function partyBeforeVerb(ctx: ArticleContext, k: number, first: number): Party | null {
  for (let j = k - 1; j >= first; j--) {
    const o = ctx.owner[j];
    if (o) return partyEndingAt(ctx, o.last - 1, null);
  }
  return null;
}

/** Back to the first party of a coordinated list ending at `k`: "the Czech Republic, Germany, … and the Netherlands". */
function listStart(ctx: ArticleContext, k: number, first: number): number {
  let s = k;
  for (let b = k - 1; b >= first; b--) {
    const o = ctx.owner[b];
    if (o && (isCountry(o) || isOrg(o)) && !(isCountry(o) && o.form === 'demonym')) {
      s = o.first;
      b = o.first;
      continue;
    }
    if (!['and', ',', 'the', 'as', 'well'].includes(ctx.words[b].lower)) break;
  }
  return s;
}

/** "the Czech Republic, Germany, Denmark … and the Netherlands": each state of a coordinated list. */
export function partyList(ctx: ArticleContext, from: number, last: number, defaults: Defaults): string[] {
  const words = ctx.words;
  const out: string[] = [];
  let k = from;
  while (k < last) {
    if (['the', 'and', ',', 'as', 'well', 'including', 'both', 'together', 'with', 'countries', 'members', 'states'].includes(words[k].lower)) {
      k++;
      continue;
    }
    const owner = ctx.owner[k];
    if (!owner) break;
    if (isCountry(owner) && owner.form !== 'demonym') out.push(owner.code);
    else if (isOrg(owner)) {
      const donor = donorOfParty(ctx, partyEndingAt(ctx, owner.last - 1, null), defaults);
      if (donor) out.push(donor);
      else break;
    } else if (isPerson(owner) && owner.person.country) out.push(owner.person.country);
    else break;
    k = owner.last;
  }
  return [...new Set(out)];
}

function findRecipient(ctx: ArticleContext, v: number, first: number, last: number, donors: Array<string | null>, defaults: Defaults, quantities: Quantity[]): string | null {
  const words = ctx.words;
  const insideQuantity = (k: number) => quantities.some((q) => words[k].start >= q.start && words[k].end <= q.end);
  // "Ukraine would receive", "Ukraine has received"
  if (words[v].lemma === 'receive') {
    for (let k = v - 1; k >= first; k--) {
      const o = ctx.owner[k];
      if (isCountry(o) && o.form !== 'demonym') return o.code;
    }
  }
  for (let k = v + 1; k < last; k++) {
    // ", while Norway's contribution …" starts another clause; ", which buys American weapons" describes the object
    if (words[k].text === ',' && ['while', 'whereas', 'but', 'which', 'who'].includes(words[k + 1]?.lower ?? '')) break;
    const o = ctx.owner[k];
    if (!isCountry(o) || insideQuantity(k)) continue;
    const before = words[o.first - 1]?.lower ?? '';
    const after = words[o.last]?.lower ?? '';
    const code = o.code;
    if (donors.includes(code) || code === 'RU') {
      k = o.last - 1;
      continue;
    }
    // "to the Czech ammunition initiative", "the Danish model", "American weapons": a state's scheme or make, not the state helped
    if (o.form === 'demonym' && words.slice(o.last, o.last + 3).some((w) => GROUP_SCHEME.test(w.lower) || itemNouns.has(w.lower))) {
      k = o.last - 1;
      continue;
    }
    if (['to', 'for', 'support', 'supporting', 'provide', 'give', 'help', 'assist', 'strengthening', 'bolster', 'with'].includes(before) || (o.form === 'demonym' && !SUPPORT_NOUN_DONOR.has(after))) return code;
    k = o.last - 1;
  }
  return defaults.recipient && !donors.includes(defaults.recipient) ? defaults.recipient : null;
}

/** A bare "$" pledged by one state with its own dollar is that dollar; a joint pledge in "$" stays USD. */
function currencyFor(q: Quantity, donors: Array<string | null>, donor: string | null): string {
  if (q.bareDollar && donors.length === 1 && donor && DOLLAR_COUNTRIES[donor]) return DOLLAR_COUNTRIES[donor];
  return q.unit;
}

// ---------- attributes ----------

function statusAt(ctx: ArticleContext, v: number, first: number): Status {
  const words = ctx.words;
  const window = words.slice(Math.max(first, v - 6), v + 1).map((w) => w.lower);
  const w = words[v];
  if (window.some((x) => READY_WORDS.has(x)) || READY_WORDS.has(w.lower)) return 'ready';
  if (window.some((x) => PLANNED_WORDS.has(x)) || (ctx.text.slice(words[Math.max(first, v - 6)].start, w.start).match(/\bplans? to\b|\bintends? to\b|\bmulls?\b|\bexpected to\b/))) return 'planned';
  const lemmaStatus = statusOfLemma.get(w.lemma);
  if (lemmaStatus === 'planned') return 'planned';
  const perfect = window.slice(-4).some((x) => ['has', 'have', 'had', 'having', 'already'].includes(x));
  // "to send" (a headline's future, a purpose) is not a delivery
  const future = window.some((x) => ['will', 'would', 'shall', "'ll"].includes(x)) || words[v - 1]?.lower === 'to';
  if (lemmaStatus === 'delivered' && !future) return 'delivered';
  // passive past: "was built", "have been allocated"
  const aux = window[window.length - 2];
  if (!future && (aux === 'was' || aux === 'were' || aux === 'been') && /ed$|built|sent|given|spent|made/.test(w.lower)) return 'delivered';
  if (perfect && !future && ['allocate', 'contribute', 'provide', 'give', 'donate', 'supply', 'fund', 'finance', 'spend', 'resume', 'train', 'disburse', 'transfer', 'reach'].includes(w.lemma)) return 'delivered';
  if (w.lower === 'sent' || w.lower === 'delivered' || w.lower === 'arrived' || w.lower === 'received') return 'delivered';
  return 'pledged';
}

const cueRegex = (list: string[]) => new RegExp(`\\b(?:${list.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z])`, 'i');
const ANNUAL = cueRegex(cues.annualCues);
const CUMULATIVE = cueRegex(cues.cumulativeCues);
const MULTI_YEAR = cueRegex(cues.multiYearCues);
/** "since February 2022", "since 2014": a running total. */
const SINCE_DATE = /\bsince (?:(?:early|late|mid-?)\s*)?(?:[a-z]+ )?(?:19|20)\d\d\b/;
const NEXT_YEARS = /\b(?:over|for|during|in) the (?:next|coming) (?:\w+ )?years\b/;

function periodOf(ctx: ArticleContext, q: Quantity, sentenceStart: number, sentenceEnd: number): Period {
  const near = ctx.text.slice(q.end, Math.min(sentenceEnd, q.end + 60)).toLowerCase();
  const before = ctx.text.slice(Math.max(sentenceStart, q.start - 45), q.start).toLowerCase();
  if (ANNUAL.test(near) || /\bannual(ly)?\b/.test(before.slice(-20))) return 'annual';
  if (CUMULATIVE.test(before) || CUMULATIVE.test(near) || SINCE_DATE.test(near) || /\b(have|has) been (allocated|provided|delivered)\b/.test(near)) return 'cumulative';
  if (MULTI_YEAR.test(near) || NEXT_YEARS.test(near) || NEXT_YEARS.test(before) || /\b20\d\d\s*[-–]\s*(20)?\d\d\b/.test(near) || MULTI_YEAR.test(before)) return 'multi-year';
  return 'one-off';
}

/** Each category keyword, filed under the first category (in this order) that lists it. */
const CATEGORY_ORDER: Array<keyof typeof cues.categories> = ['security-guarantee', 'humanitarian', 'political', 'reconstruction', 'financial', 'military'];
const CATEGORY_KEYWORDS = new PhraseMatcher<Category>();
{
  const seen = new Set<string>();
  for (const category of CATEGORY_ORDER) {
    for (const keyword of cues.categories[category]) if (!seen.has(keyword)) {
      seen.add(keyword);
      CATEGORY_KEYWORDS.add(keyword, category);
    }
  }
}

function troopCategory(ctx: ArticleContext, first: number, last: number, defaults: Defaults): Category {
  const s = ctx.text.slice(ctx.words[first].start, ctx.words[last - 1].end).toLowerCase();
  return defaults.securityContext || /ceasefire|security guarantee|reassurance|peacekeep/.test(s) ? 'security-guarantee' : 'military';
}

function categoryAt(ctx: ArticleContext, start: number, end: number, sStart: number, sEnd: number, kind: Quantity['kind'] | null, defaults: Defaults): Category {
  const fallback = defaults.category;
  if (kind === 'troops') return troopCategory(ctx, wordIndexAt(ctx, sStart), wordIndexAt(ctx, sEnd - 1) + 1, defaults);
  // the keyword nearest to the anchor decides; the whole sentence is the window
  let best: Category | null = null;
  let bestDistance = Infinity;
  for (let k = wordIndexAt(ctx, sStart); k < ctx.words.length && ctx.words[k].start < sEnd; k++) {
    const hit = CATEGORY_KEYWORDS.matchAt(ctx.analysis, k);
    if (!hit) continue;
    const distance = hit.start >= end ? hit.start - end : hit.end <= start ? start - hit.end : 0;
    if (distance < bestDistance) {
      best = hit.payload;
      bestDistance = distance;
    }
    k = hit.last - 1;
  }
  if (best && kind === 'items' && best === 'financial') return fallback;
  return best ?? (kind === 'items' ? 'military' : fallback);
}

// ---------- spans ----------

function notSupport(ctx: ArticleContext, q: Quantity): boolean {
  const before = ctx.text.slice(Math.max(0, q.start - 40), q.start).replace(/\b(of|in) (its|their|the country['’]s) GDP\b/gi, '');
  return NOT_SUPPORT_BEFORE.test(before) || NOT_SUPPORT_AFTER.test(ctx.text.slice(q.end, q.end + 60));
}

// "spend 4.7% of GDP on defence", "defence spending of 3.5% of GDP", "NATO's 5% target": a state's own budget, with no recipient
const OWN_SPENDING_BEFORE = /\b(?:defen[cs]e|military)\s+(?:spending|budgets?|expenditures?|outlays)\b[^.;]*$|\btarget\s+of\s+$/i;
const OWN_SPENDING_AFTER = /^[^,.;]{0,25}?\b(?:on|for|in)\s+(?:its\s+|their\s+)?(?:own\s+)?(?:defen[cs]e|armed forces|army|military)\b(?!\s+(?:aid|support|assistance|help|for|to))|^\s*(?:defen[cs]e|military)\s+spending\b|^[^,.;]{0,20}?\btarget\b/i;
const FOR_UKRAINE = /\b(?:ukrain\w*|support|aid|assistance)\b/i;

function ownDefenceSpending(ctx: ArticleContext, q: Quantity): boolean {
  const before = ctx.text.slice(Math.max(0, q.start - 40), q.start);
  const after = ctx.text.slice(q.end, q.end + 50);
  if (FOR_UKRAINE.test(after.split(/[,.;]/)[0]) || FOR_UKRAINE.test(before.split(/[,.;]/).pop() ?? '')) return false;
  return OWN_SPENDING_BEFORE.test(before) || OWN_SPENDING_AFTER.test(after);
}

function evidenceSpan(ctx: ArticleContext, q: Quantity, trigger: number | undefined): Anchor {
  let start = q.start;
  let end = q.end;
  if (trigger !== undefined) {
    const t = ctx.words[trigger];
    start = Math.min(start, t.start);
    end = Math.max(end, t.end);
  }
  // carry on to the end of "to Ukraine" / "for Ukraine" / "per year" right after the amount
  const tail = /^(?:[^\S\n](?:in|of)[^\S\n](?:new[^\S\n])?[\w-]+(?:[^\S\n](?:aid|assistance|support))?)?(?:[^\S\n](?:to|for)[^\S\n](?:the[^\S\n])?[\p{Lu}][\p{L}’']*(?:[^\S\n][\p{Lu}][\p{L}]*)*)?(?:[^\S\n](?:per year|a year|annually|each year))?/u.exec(ctx.text.slice(end, end + 80));
  if (tail) end += tail[0].length;
  return { start, end };
}

function clauseEnd(ctx: ArticleContext, t: number, last: number): number {
  let k = t + 1;
  while (k < last && !/^[;:.!?]$/.test(ctx.words[k].text) && k - t < 18) {
    if (ctx.words[k].text === ',' && k - t > 4) break;
    k++;
  }
  // a closing quote mark ends the quoted clause, and stays out of the evidence
  while (k - 1 > t && /^["“”«»„’']+$/.test(ctx.words[k - 1].text)) k--;
  return ctx.words[Math.max(t, k - 1)].end;
}

