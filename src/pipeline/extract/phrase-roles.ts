// Roles read off the shallow parse: the giver named in a phrase attached to the amount
// ("$74 million from the UK", "a grant from the Government of Norway", "the second by
// Denmark, Norway and Sweden for $495 million", "$10 million has been promised from Japan")
// and a fund or agency that receives it ("to the IDA", "in support of Gavi").
import { beneficiaryNouns, groupNouns, pledgeNouns, receivingOrgHeads, supportNouns, wordLists } from '../../lexicons/index.js';
import type { NounPhrase, ShallowParse } from '../parse/index.js';
import { phraseCore } from '../parse/index.js';
import { isCountry, isOrg, isPerson, wordIndexAt, type ArticleContext } from './context.js';
import { decided, type Decision } from './decision.js';
import { canonicalGroup, donorOfParty, NO_DEFAULTS, type Defaults } from './donors.js';
import { governmentOfState, partyEndingAt } from './parties.js';
import { articleParse } from './view.js';

const GIVER_PREPOSITIONS = wordLists.phraseRoles.giverPrepositions;
/** Links that keep the amount's own noun phrase going: "$5 million in aid from Japan", "a total of $2 billion". */
const SAME_THING = wordLists.phraseRoles.sameThing;
/** A fund, a bank, an agency or a programme can receive money; a coalition, a format or a government acts as a donor. */
const RECEIVING_KINDS = wordLists.phraseRoles.receivingKinds;

/** The givers named in a phrase attached to the amount at `start`, or null when none is. */
export function phraseDonors(ctx: ArticleContext, start: number, defaults: Defaults): Decision<string[]> | null {
  const parse = articleParse(ctx);
  const p = parse.phraseOf[wordIndexAt(ctx, start)];
  if (p < 0) return null;
  const attached = giverAttached(ctx, parse, p, defaults, 0);
  if (attached) return decided('commitment.donor.from-or-by-phrase', attached);
  // "the second by Denmark, Norway and Sweden for $495 million": the amount belongs to a phrase whose giver is named
  const host = parse.phrases[p].host;
  if (host && wordLists.phraseRoles.amountHostPrepositions.has(host.prep)) {
    const outer = parse.phrases[host.phrase].host;
    if (outer && GIVER_PREPOSITIONS.has(outer.prep)) {
      const givers = partiesOf(ctx, parse, host.phrase, defaults);
      if (givers.length > 0) return decided('commitment.donor.giver-of-host', givers);
    }
  }
  // "Contributions from Sweden reached €300 million": the giver of the clause's subject, a support noun
  const at = wordIndexAt(ctx, start);
  for (let k = parse.clauseStart[at]; k < at; k++) {
    const s = parse.phraseOf[k];
    if (s < 0 || inDateline(ctx, k)) continue;
    const subject = parse.phrases[s];
    if (s !== p && (supportNouns.has(ctx.words[subject.head].lower) || pledgeNouns.has(ctx.words[subject.head].lower))) {
      const givers = giverAttached(ctx, parse, s, defaults, 2);
      if (givers) return decided('commitment.donor.giver-of-subject', givers);
    }
    break;
  }
  // "$10 million has been promised from Japan", "was announced by Canada"
  const group = parse.verbGroupOf[parse.phrases[p].last];
  if (group >= 0 && parse.verbGroups[group].passive) {
    for (const a of parse.verbGroups[group].attached) {
      if (!GIVER_PREPOSITIONS.has(a.prep)) continue;
      const givers = partiesOf(ctx, parse, a.phrase, defaults);
      if (givers.length > 0) return decided('commitment.donor.passive-agent', givers);
    }
  }
  return null;
}

/**
 * "the United Kingdom with over $374 million", "Germany, with just under $220 million", "Denmark and the Netherlands
 * stand out as the largest contributors, with a joint pledge of €400 million": the party the with-phrase is said of.
 */
export function withDonors(ctx: ArticleContext, start: number, sentenceFirst: number, defaults: Defaults): Decision<string[]> | null {
  const parse = articleParse(ctx);
  let p = parse.phraseOf[wordIndexAt(ctx, start)];
  if (p < 0) return null;
  while (parse.phrases[p].host?.prep === 'of') p = parse.phrases[p].host!.phrase;
  // over the qualifier: "with just under", "with more than"
  let w = parse.phrases[p].first - 1;
  for (let steps = 0; w > sentenceFirst && steps < 3 && ctx.words[w].lower !== 'with' && parse.phraseOf[w] < 0 && !STOP_POS.has(ctx.words[w].pos); steps++) w--;
  if (ctx.words[w]?.lower !== 'with' || w <= sentenceFirst) return null;
  const before = ctx.words[w - 1].text === ',' ? w - 2 : w - 1;
  const named = parse.phraseOf[before];
  const givers = named >= 0 ? partiesOf(ctx, parse, named, defaults) : [];
  if (givers.length > 0) return decided('commitment.donor.party-with-amount', givers);
  if (ctx.words[w - 1].text !== ',') return null;
  for (let q = parse.phraseOf[sentenceFirst] >= 0 ? parse.phraseOf[sentenceFirst] : -1; q >= 0 && parse.phrases[q].first < before; q = parse.phrases[q].listLast + 1) {
    if (parse.phrases[q].host || inDateline(ctx, parse.phrases[q].first)) continue;
    const subject = partiesOf(ctx, parse, q, defaults);
    return subject.length > 0 ? decided('commitment.donor.clause-subject-with', subject) : null;
  }
  return null;
}

/** The dateline ("KYIV -") is no subject. */
const inDateline = (ctx: ArticleContext, k: number) => ctx.dateline !== null && ctx.words[k].start < ctx.dateline.end;

const STOP_POS = new Set(['VERB', 'AUX', 'PUNCT', 'NOUN', 'PROPN']);

function giverAttached(ctx: ArticleContext, parse: ShallowParse, p: number, defaults: Defaults, depth: number): string[] | null {
  for (const a of parse.phrases[p].attached) {
    if (GIVER_PREPOSITIONS.has(a.prep)) {
      const givers = partiesOf(ctx, parse, a.phrase, defaults);
      if (givers.length > 0) return givers;
    } else if (SAME_THING.has(a.prep) && depth < 2) {
      const deeper = giverAttached(ctx, parse, a.phrase, defaults, depth + 1);
      if (deeper) return deeper;
    }
  }
  return null;
}

/** Each party of the coordination phrase `p` belongs to: a state, an organization's donor, a person's state, or a group ("international donors"). */
export function partiesOf(ctx: ArticleContext, parse: ShallowParse, p: number, defaults: Defaults): string[] {
  const named: string[] = [];
  const groups: string[] = [];
  const phrase = parse.phrases[p];
  for (let i = phrase.listFirst; i <= phrase.listLast; i++) {
    const party = partyOfPhrase(ctx, parse.phrases[i], defaults);
    if (party === null) return [];
    (groupOfPhrase(ctx, parse.phrases[i]) === party ? groups : named).push(party);
  }
  // "the EU and its member states", "Sweden and other partners": the group beside a named party is that party's company
  return [...new Set(named.length > 0 ? named : groups)];
}

export function partyOfPhrase(ctx: ArticleContext, phrase: NounPhrase, defaults: Defaults): string | null {
  // "the Government of Japan": the state the body is of
  const of = phrase.attached.find((a) => a.prep === 'of');
  const state = of ? ctx.owner[articleParse(ctx).phrases[of.phrase].first] : undefined;
  const government = isCountry(state) ? governmentOfState(ctx, state) : null;
  if (government && government.first >= phrase.first) return government.code;
  for (let k = phrase.first; k < phrase.last; k++) {
    const o = ctx.owner[k];
    if (!o) continue;
    if (isCountry(o)) {
      if (o.form === 'demonym') continue;
      return o.code;
    }
    if (isOrg(o) || isPerson(o)) return donorOfParty(ctx, partyEndingAt(ctx, o.last - 1, null), defaults);
  }
  return groupOfPhrase(ctx, phrase);
}

/** "international donors", "donor nations", "private sector partners": a phrase headed by a group noun names the group. */
export function groupOfPhrase(ctx: ArticleContext, phrase: NounPhrase): string | null {
  if (!groupNouns.has(ctx.words[phrase.head].lower) || ctx.owner[phrase.head]) return null;
  const core = phraseCore(ctx.words, phrase);
  return canonicalGroup(ctx.text.slice(ctx.words[core.first].start, ctx.words[phrase.head].end));
}

/** A fund, bank or agency named as receiving: "to the IDA", "for the World Bank's IDA fund", "in support of Gavi". */
export function phraseRecipient(ctx: ArticleContext, start: number, donors: readonly string[]): Decision<string | null> | null {
  const parse = articleParse(ctx);
  const p = parse.phraseOf[wordIndexAt(ctx, start)];
  if (p < 0) return null;
  const group = parse.verbGroupOf[Math.max(0, parse.phrases[p].first - 1)];
  const links = [...parse.phrases[p].attached, ...(group >= 0 ? parse.verbGroups[group].attached : [])];
  for (const a of links) {
    if (a.prep !== 'to' && a.prep !== 'for' && a.prep !== 'in') continue;
    // "in support of Gavi": through the support noun to its object
    const target = a.prep === 'in' ? parse.phrases[a.phrase].attached.find((b) => b.prep === 'of')?.phrase : a.phrase;
    if (target === undefined) continue;
    const org = receivingOrg(ctx, parse.phrases[target]);
    if (org && !donors.includes(org)) return decided('commitment.recipient.fund-or-agency', org);
  }
  return null;
}

/** The last organization in a phrase that can receive money (nearest its head: "the World Bank's IDA fund" → IDA). */
export function receivingOrg(ctx: ArticleContext, phrase: NounPhrase): string | null {
  let found: string | null = null;
  for (let k = phrase.first; k < phrase.last; k++) {
    const o = ctx.owner[k];
    if (!isOrg(o)) continue;
    const org = ctx.orgs.get(o.key);
    const head = org?.name.replace(/\s*\([^)]*\)$/, '').split(/\s+/).pop()?.toLowerCase() ?? '';
    if (org && !org.country && (org.kind === null ? receivingOrgHeads.has(head) : RECEIVING_KINDS.has(org.kind))) found = org.name;
    k = o.last - 1;
  }
  return found;
}

/** "to support people affected by the earthquakes in Syria and Turkey", "aid for refugees in Lebanon": the states where the helped are. */
export function beneficiaryStates(ctx: ArticleContext, from: number, last: number, donors: readonly string[]): Decision<string[]> | null {
  const parse = articleParse(ctx);
  const words = ctx.words;
  for (let k = from; k < last; k++) {
    if (!beneficiaryNouns.has(words[k].lower)) continue;
    for (let j = k + 1; j < Math.min(last - 1, k + 10); j++) {
      if (/^[,;:]$/.test(words[j].text)) break;
      if (words[j].lower !== 'in' || parse.phraseOf[j + 1] < 0) continue;
      const states = partiesOf(ctx, parse, parse.phraseOf[j + 1], NO_DEFAULTS).filter((code) => /^[A-Z]{2}$/.test(code) && !donors.includes(code));
      if (states.length > 0) return decided('commitment.recipient.beneficiaries-in', states);
      break;
    }
  }
  return null;
}
