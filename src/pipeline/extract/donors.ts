// The parties of a commitment: who gives (the clause's subject, a possessive, a passive's agent,
// a group, the donor the paragraph is about) and who receives. Sanctions use the same logic
// for their imposers.
import type { Category } from '../../facts/types.js';
import { groupNouns, itemNouns, patterns, plannedWords, prepositions, readinessWords, reportedSpeechVerbs, seatBodies, sharedCurrencyNames, supportNouns, wordLists } from '../../lexicons/index.js';
import type { Quantity } from '../resolve/amounts.js';
import { isCountry, isOrg, isPerson, wordIndexAt, type ArticleContext } from './context.js';
import { articleCategory } from './attributes.js';
import { decided, type Decision } from './decision.js';
import { governmentOfState, implementerAfter, partyBefore, partyEndingAt, type Party } from './parties.js';
import { groupOfPhrase, partiesOf, partyOfPhrase, receivingOrg } from './phrase-roles.js';
import { articleParse } from './view.js';

const AUXILIARIES = wordLists.donors.auxiliaries;
const GROUP_SCHEME = patterns.donors.groupScheme;
const SECURITY_CONTEXT = patterns.donors.securityContext;
const OBJECT_TAKING_VERBS = wordLists.donors.objectTakingVerbs;


export interface Defaults {
  recipient: string | null;
  donor: string | null;
  coalition: string | null;
  category: Category;
  securityContext: boolean;
}

/** No article context: for donors named outright. */
export const NO_DEFAULTS: Defaults = { recipient: null, donor: null, coalition: null, category: 'other', securityContext: false };

export interface DonorState {
  lastDonor: string | null;
  /** The donor-like subject of the previous sentence, for "they", "it", "we". */
  lastSubject: string | null;
}

/** What the article is about when a sentence leaves it implicit: the recipient of support, the main donor. */
export function articleDefaults(ctx: ArticleContext): Defaults {
  const counts = new Map<string, number>();
  const asRecipient = new Map<string, number>();
  for (const m of ctx.countryMentions) {
    counts.set(m.code, (counts.get(m.code) ?? 0) + (m.form === 'name' ? 1 : 0.5));
    const before = ctx.words[m.first - 1]?.lower ?? '';
    if (wordLists.donors.recipientOpeners.has(before)) asRecipient.set(m.code, (asRecipient.get(m.code) ?? 0) + 1);
  }
  // "pledged $100 billion for the IDA", "contributions to Gavi": a fund or agency named as receiving competes with the states
  const parse = articleParse(ctx);
  for (const phrase of parse.phrases) {
    const host = phrase.host;
    if (!host || !(host.prep === 'to' || host.prep === 'for' || (host.prep === 'of' && supportNouns.has(ctx.words[parse.phrases[host.phrase].head].lower)))) continue;
    const org = receivingOrg(ctx, phrase);
    if (org) asRecipient.set(org, (asRecipient.get(org) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const recipients = [...asRecipient.entries()].sort((a, b) => b[1] - a[1]);
  // with no state named as receiving ("to X", "for X"), the most named state is as likely a donor: only Ukraine is assumed
  const recipient = recipients[0]?.[0] ?? (counts.has('UA') ? 'UA' : null);
  const donor = ranked.find(([code]) => code !== recipient && code !== 'RU')?.[0] ?? null;
  const coalition = [...ctx.orgs.values()].find((o) => o.kind === 'coalition' || /coalition/i.test(o.name))?.name ?? null;
  const securityContext = SECURITY_CONTEXT.test(ctx.text);
  return { recipient, donor, coalition, category: articleCategory(ctx), securityContext };
}

export function donorOfParty(ctx: ArticleContext, p: Party | null, defaults: Defaults): string | null {
  if (!p) return null;
  if (p.kind === 'country') return seatBody(ctx, p.first) ?? p.name;
  if (p.kind === 'organization') {
    const org = p.key ? ctx.orgs.get(p.key) : undefined;
    if (!org) return p.name;
    if (org.country) return org.country;
    if (org.kind === 'government' || org.kind === 'media') return null;
    // a body found by pattern ("State Defence Council", "Labour") acts for its own state
    if (org.rule !== 'org.lexicon' && !patterns.donors.groupBodyNames.test(org.name)) {
      return countryInName(ctx, org) ?? defaults.donor;
    }
    return canonicalGroup(org.name);
  }
  if (p.kind === 'person') return p.person?.country ?? p.country ?? (p.person?.organization ? canonicalGroup(p.person.organization) : null);
  if (p.kind === 'institution') return p.country ?? defaults.donor;
  return null;
}

/** "Brussels has proposed …": a capital that is a union's seat, acting, is that union. */
export function seatBody(ctx: ArticleContext, k: number): string | null {
  const o = ctx.owner[k];
  if (!isCountry(o) || o.form !== 'capital') return null;
  return seatBodies.get(ctx.text.slice(ctx.words[o.first].start, ctx.words[o.last - 1].end)) ?? null;
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
export function canonicalGroup(name: string): string {
  if (patterns.donors.euBodies.test(name)) return 'EU';
  if (/^(group of seven|g7)/i.test(name)) return 'G7';
  return name;
}

/** "0.25 percent of Lithuania’s GDP": the economy named is the donor's. */
export function donorOfQuantity(ctx: ArticleContext, q: Quantity): string[] | null {
  if (q.kind !== 'gdp') return null;
  for (let k = wordIndexAt(ctx, q.start); k < ctx.words.length && ctx.words[k].start < q.end; k++) {
    const o = ctx.owner[k];
    if (isCountry(o) && o.form === 'name') return [o.code];
  }
  return null;
}

/** The first donor-like party of a sentence that is not the object of a preposition ("In a UN statement …, the US led"). */
export function sentenceSubject(ctx: ArticleContext, first: number, last: number, defaults: Defaults): string | null {
  const parse = articleParse(ctx);
  for (let k = first; k < last; k++) {
    const p = parse.phraseOf[k];
    if (p < 0) continue;
    const phrase = parse.phrases[p];
    k = phrase.last - 1;
    if (phrase.host || prepositions.has(ctx.words[phrase.first - 1]?.lower ?? '')) continue;
    const party = partyOfPhrase(ctx, phrase, defaults);
    if (party) return party;
  }
  return null;
}

/** The donors of the commitment that verb `v` states, with the rule that found them. */
export function findDonors(ctx: ArticleContext, v: number, first: number, last: number, state: DonorState, defaults: Defaults, strict = false): Decision<string[]> {
  const words = ctx.words;
  // "Ukraine would receive …": the donor is whoever announces it, or "from X"
  if (words[v].lemma === 'receive') return receivedFrom(ctx, v, first, last, state, defaults);
  const possessive = possessiveDonor(ctx, v, first, last);
  if (possessive) return decided('commitment.donor.possessive', possessive);
  // "Estonia remains the largest donor …, having given 1.6% of its GDP": a participle after a comma has the sentence's subject
  const participle = words[v - 1]?.lower === 'having' ? v - 1 : words[v].lower.endsWith('ing') ? v : -1;
  if (participle > first && words[participle - 1].text === ',') {
    const subject = sentenceSubject(ctx, first, participle, defaults);
    if (subject) return decided('commitment.donor.participle-subject', [subject]);
  }
  return subjectDonors(ctx, v, first, last, state, defaults, strict);
}

/** "Norway's contribution", "the G7's $50 billion": the state or group named in a possessive right before word `v`. */
export function ownerBefore(ctx: ArticleContext, v: number): string[] | null {
  const words = ctx.words;
  if (words[v - 1]?.lower !== "'s" && words[v - 1]?.lower !== '’s') return null;
  const o = ctx.owner[v - 2];
  if (!o || !(isCountry(o) || isOrg(o))) return null;
  const donor = isCountry(o) ? o.code : donorOfParty(ctx, partyEndingAt(ctx, o.last - 1, null), NO_DEFAULTS);
  return donor ? [donor] : null;
}

/** "Germany will give €500 million and France €300 million": a state right before an amount, after "and" or a comma, gives it. */
export function gappedDonor(ctx: ArticleContext, v: number): string[] | null {
  const o = ctx.owner[v - 1];
  if (!isCountry(o) || o.form !== 'name' || o.last !== v) return null;
  const before = ctx.words[o.first - 1]?.lower === 'the' ? o.first - 2 : o.first - 1;
  return ['and', ','].includes(ctx.words[before]?.lower ?? '') ? [o.code] : null;
}

/** A possessive or a demonym before a support noun or an amount: "Estonia's contribution", "British support", "the G7's $50 billion". */
export function possessiveDonor(ctx: ArticleContext, v: number, first: number, last: number): string[] | null {
  const words = ctx.words;
  const owner = ownerBefore(ctx, v);
  if (owner) return owner;
  for (let k = Math.min(last - 1, v + 5); k >= Math.max(first, v - 6); k--) {
    if (!supportNouns.has(words[k].lower) && !readinessWords.has(words[k].lower)) continue;
    for (let j = k - 1; j >= Math.max(first, k - 4); j--) {
      const o = ctx.owner[j];
      if (isCountry(o)) {
        const prep = words[o.first - 1]?.lower ?? '';
        // "has given Ukraine aid": the state after the verb is its object, not the aid's owner
        const objectOfVerb = words[o.first - 1]?.pos === 'VERB';
        if (!wordLists.donors.objectPrepositions.has(prep) && !objectOfVerb) return [o.code];
        break;
      }
      if (!wordLists.donors.supportModifiers.has(words[j].lower)) break;
    }
  }
  return null;
}

function subjectDonors(ctx: ArticleContext, v: number, first: number, last: number, state: DonorState, defaults: Defaults, strict: boolean): Decision<string[]> {
  const words = ctx.words;
  // passive: "to be built by Estonia", "implemented by Lithuania and Denmark" (an agency that carries it out is not its donor)
  for (let k = v + 1; k < Math.min(last, v + 6); k++) {
    if (words[k].lower === 'by' && !implementerAfter(ctx, k, last)) {
      const list = partyList(ctx, k + 1, last, defaults);
      if (list.length > 0) return decided('commitment.donor.passive-by', list);
    }
  }
  // the subject: walk back over auxiliaries and the verb chain to the nearest party
  let k = v - 1;
  // "has made a significant contribution": from a support noun, first back over its determiner and modifiers
  if (words[v].pos === 'NOUN') while (k > first && (words[k].pos === 'DET' || words[k].pos === 'ADJ')) k--;
  while (k >= first && (AUXILIARIES.has(words[k].lower) || words[k].pos === 'ADV' || words[k].pos === 'VERB' || words[k].pos === 'AUX' || words[k].pos === 'PART' || readinessWords.has(words[k].lower) || plannedWords.has(words[k].lower))) k--;
  const subjectText = ctx.text.slice(words[Math.max(first, k - 8)].start, words[Math.max(first, k)].end);
  // "Macron, along with 26 other Western allies, committed"; "26 countries had pledged"
  if (patterns.donors.alongWithGroup.test(subjectText) || (k >= first && groupNouns.has(words[k].lower) && !ctx.owner[k] && !isOrg(ctx.owner[k - 1]))) {
    const parse = articleParse(ctx);
    const phrase = k >= first ? parse.phrases[parse.phraseOf[k]] : undefined;
    // "The EU and its member states have provided": the named party of the coordination
    const listed = phrase && phrase.listFirst < phrase.listLast ? partiesOf(ctx, parse, phrase.listFirst, defaults) : [];
    if (listed.length > 0 && !listed.every((d) => groupNouns.has(d.split(' ').pop()!.toLowerCase()))) return decided('commitment.donor.subject', listed);
    const group = phrase ? groupOfPhrase(ctx, phrase) : null;
    return decided('commitment.donor.group-subject', [defaults.coalition ?? group ?? canonicalGroup(groupName(ctx, k, first))]);
  }
  if (k >= first && wordLists.donors.subjectPronouns.has(words[k].lower)) {
    // "the Czech government said it had delivered …": the pronoun is the speaker
    const cue = words[k - 1]?.lower === 'that' ? k - 2 : k - 1;
    if (cue >= first && reportedSpeechVerbs.has(words[cue].lemma)) {
      // "Estonia, Latvia and Lithuania said they would join": "they" is the whole list
      const subjectEnd = ctx.owner[cue - 1];
      if (words[k].lower !== 'it' && subjectEnd && !isPerson(subjectEnd)) {
        const list = partyList(ctx, listStart(ctx, subjectEnd.first, first), cue, defaults);
        if (list.length > 1) return decided('commitment.donor.pronoun-for-speakers', list);
      }
      const speaker = donorOfParty(ctx, partyBefore(ctx, cue, null), defaults);
      if (speaker) return decided('commitment.donor.pronoun-for-speaker', [speaker]);
    }
    if (state.lastSubject) return decided('commitment.donor.pronoun-previous-subject', [state.lastSubject]);
  }
  for (let j = k; j >= first && j >= k - 12; j--) {
    const owner = ctx.owner[j];
    if (owner === undefined) {
      if (wordLists.donors.pronouns.has(words[j].lower) && state.lastSubject) return decided('commitment.donor.pronoun-previous-subject', [state.lastSubject]);
      if (wordLists.donors.relativePronouns.has(words[j].lower) && j < k) break;
      if (words[j].pos === 'VERB' && j < k - 1) break;
      continue;
    }
    const preposition = words[owner.first - 1]?.lower ?? '';
    // the object of a verb is no donor, but the subject of reported speech is ("said the EU would …")
    const verbBefore = words[owner.first - 1]?.lower === 'the' ? words[owner.first - 2] : words[owner.first - 1];
    const objectOfVerb = OBJECT_TAKING_VERBS.has(words[owner.first - 1]?.lemma ?? '') ||
      (verbBefore?.pos === 'VERB' && !reportedSpeechVerbs.has(verbBefore.lemma) && verbBefore.lower !== 'that');
    // "the Government of Japan will …", "the Japanese government will …": the state the government is of is the subject
    const government = isCountry(owner) ? governmentOfState(ctx, owner) : null;
    if ((wordLists.donors.subjectlessPrepositions.has(preposition) || objectOfVerb) && !isPerson(owner) && !government) {
      j = owner.first;
      continue;
    }
    if (isCountry(owner) && owner.form === 'demonym' && !government) {
      j = owner.first;
      continue;
    }
    const list = partyList(ctx, listStart(ctx, owner.first, first), last, defaults);
    if (list.length > 0) return decided('commitment.donor.subject', list);
    const donor = donorOfParty(ctx, partyEndingAt(ctx, owner.last - 1, null), defaults);
    if (donor) return decided('commitment.donor.subject', [donor]);
    j = owner.first;
  }
  // "the country's authorities", "the government"
  const near = ctx.text.slice(words[Math.max(first, k - 3)].start, words[Math.max(first, v)].end).toLowerCase();
  if (patterns.donors.governmentWords.test(near) && state.lastDonor) return decided('commitment.donor.government-previous', [state.lastDonor]);
  // "The package … includes 20 mortar systems, the Pentagon said": the closing speaker announces its own pledge
  const speaker = closingSpeaker(ctx, v, last, defaults);
  if (speaker) return decided('commitment.donor.closing-speaker', [speaker]);
  if (strict) return decided('commitment.donor.none', []);
  if (state.lastDonor) return decided('commitment.donor.previous-sentence', [state.lastDonor]);
  return defaults.donor ? decided('commitment.donor.article-default', [defaults.donor]) : decided('commitment.donor.none', []);
}

/** The state or body that closes the sentence with a speech verb after the trigger: "…, the Pentagon said." */
function closingSpeaker(ctx: ArticleContext, v: number, last: number, defaults: Defaults): string | null {
  const words = ctx.words;
  for (let k = last - 1; k > v + 1 && k >= last - 4; k--) {
    if (!reportedSpeechVerbs.has(words[k].lemma) || words[k].pos !== 'VERB') continue;
    const party = partyBefore(ctx, k, null);
    if (!party || party.first <= v || words[party.first - 1]?.text !== ',' && words[party.first - 2]?.text !== ',') return null;
    return donorOfParty(ctx, party, defaults);
  }
  return null;
}

function receivedFrom(ctx: ArticleContext, v: number, first: number, last: number, state: DonorState, defaults: Defaults): Decision<string[]> {
  const words = ctx.words;
  for (let k = v + 1; k < last; k++) {
    if (words[k].lower === 'from') {
      const list = partyList(ctx, k + 1, last, defaults);
      if (list.length > 0) return decided('commitment.donor.received-from', list);
    }
  }
  for (let k = v - 1; k >= first; k--) {
    if (words[k].lower !== 'that' && !reportedCue(words[k].lemma)) continue;
    const announcer = partyEndingAt(ctx, k - 1, null) ?? partyBeforeVerb(ctx, k, first);
    const donor = donorOfParty(ctx, announcer, defaults);
    if (donor) return decided('commitment.donor.received-announcer', [donor]);
  }
  if (state.lastDonor) return decided('commitment.donor.previous-sentence', [state.lastDonor]);
  return defaults.donor ? decided('commitment.donor.article-default', [defaults.donor]) : decided('commitment.donor.none', []);
}

const reportedCue = (lemma: string) => wordLists.donors.announcingVerbs.has(lemma);

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
    if (!wordLists.donors.listGlue.has(ctx.words[b].lower)) break;
  }
  return s;
}

/** "the Czech Republic, Germany, Denmark … and the Netherlands": each state of a coordinated list. */
export function partyList(ctx: ArticleContext, from: number, last: number, defaults: Defaults): string[] {
  const words = ctx.words;
  const out: string[] = [];
  let k = from;
  while (k < last) {
    if (wordLists.donors.listFillers.has(words[k].lower)) {
      k++;
      continue;
    }
    const owner = ctx.owner[k];
    if (!owner) break;
    // "met in Brussels and …": a venue is a place, not a party to the list
    if (isCountry(owner) && owner.venue) break;
    if (isCountry(owner) && owner.form !== 'demonym') out.push(seatBody(ctx, k) ?? owner.code);
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

export function findRecipient(ctx: ArticleContext, v: number, first: number, last: number, donors: Array<string | null>, defaults: Defaults, quantities: Quantity[]): Decision<string | null> {
  const words = ctx.words;
  const insideQuantity = (k: number) => quantities.some((q) => words[k].start >= q.start && words[k].end <= q.end);
  // "Ukraine would receive", "Ukraine has received"
  if (words[v].lemma === 'receive') {
    for (let k = v - 1; k >= first; k--) {
      const o = ctx.owner[k];
      if (isCountry(o) && o.form !== 'demonym') return decided('commitment.recipient.receiver', o.code);
    }
  }
  for (let k = v + 1; k < last; k++) {
    // ", while Norway's contribution …" starts another clause; ", which buys American weapons" describes the object
    if (words[k].text === ',' && wordLists.donors.clauseOpeners.has(words[k + 1]?.lower ?? '')) break;
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
    if (wordLists.donors.recipientVerbs.has(before)) return decided('commitment.recipient.to-or-for', code);
    if (o.form === 'demonym' && !supportNouns.has(after)) return decided('commitment.recipient.demonym', code);
    k = o.last - 1;
  }
  return defaults.recipient && !donors.includes(defaults.recipient) ? decided('commitment.recipient.article-default', defaults.recipient) : decided('commitment.recipient.none', null);
}

/** A shared name ("$", "crowns") pledged by one state with a currency of that name is its own; a joint pledge keeps the default (USD, CZK). */
export function currencyFor(q: Quantity, donors: Array<string | null>, donor: string | null): string {
  const own = q.sharedName && donors.length === 1 && donor ? sharedCurrencyNames[q.sharedName][donor] : undefined;
  if (own) return own;
  return q.unit;
}