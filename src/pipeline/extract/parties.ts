// Who a noun phrase stands for: a person, an organization, a state or an institution,
// resolved through the article registry ("he" → the last speaker, "the minister" → the
// last person holding that office, "Kyiv" → UA).
import { articles, governmentNouns, stateBodyHeads, titleHeads, titleModifiers, unnamedHeads, wordLists } from '../../lexicons/index.js';
import type { ArticleContext, CountryMention, PersonRecord } from './context.js';
import { findMentionBefore, isCountry, isOrg, isPerson } from './context.js';

export interface Party {
  kind: 'person' | 'organization' | 'country' | 'institution' | 'unnamed';
  /** Full name, organization name, ISO code, institution phrase; null when unnamed ("sources said"). */
  name: string | null;
  person?: PersonRecord;
  /** State the party acts for, when known (a minister's country, a government seat's state). */
  country: string | null;
  /** Registry key of an organization party. */
  key?: string;
  first: number;
  last: number;
}

const INSTITUTION_HEADS = wordLists.parties.institutionHeads;
const UNNAMED_HEADS = unnamedHeads;
const SKIP_BACK = wordLists.parties.skipBack;

/** How many mentions back a description ("the minister", "the ministry") may reach: a few paragraphs, and no scan of a whole long article. */
const LOOKBACK = 60;

export class SpeakerMemory {
  lastSpeaker: Party | null = null;
  lastPersonSubject: PersonRecord | null = null;
  /** Sentence indexes of the last quote's speaker and of the last sentence subject, to tell which is more recent. */
  speakerSentence = -1;
  subjectSentence = -1;
  /** The last organization or state that spoke: "it said" refers to it even after a person spoke. */
  lastInstitution: Party | null = null;

  spoke(party: Party, sentence = -1): void {
    this.lastSpeaker = party;
    if (sentence >= 0) this.speakerSentence = sentence;
    if (party.kind === 'organization' || party.kind === 'country' || party.kind === 'institution') this.lastInstitution = party;
  }
}

/** The party whose mention ends right before word `v`, skipping auxiliaries and adverbs. */
export function partyBefore(ctx: ArticleContext, v: number, memory: SpeakerMemory | null): Party | null {
  const words = ctx.words;
  let k = v - 1;
  while (k >= 0 && SKIP_BACK.has(words[k].lower) && words[k].sentence === words[v].sentence) k--;
  if (k < 0 || words[k].sentence !== words[v].sentence) return null;
  // "Marta Kos, European Commissioner for Enlargement, has announced": the subject is before the apposition
  if (words[k].text === ',') {
    // (an apposition may hold commas of its own: "Bankole Adeoye, Commissioner for Political Affairs, Peace and Security, stated")
    for (let c = k - 1; c >= Math.max(0, k - 16) && words[c].sentence === words[v].sentence; c--) {
      if (words[c].text !== ',') continue;
      const subject = partyEndingAt(ctx, c - 1, memory);
      if (subject) return subject;
    }
    return null;
  }
  const party = partyEndingAt(ctx, k, memory);
  // "President Cyril Ramaphosa of South Africa underlined": the person, whose state the "of" phrase names
  const holder = party?.kind === 'country' && words[party.first - 1]?.lower === 'of' ? ctx.owner[party.first - 2] : undefined;
  return isPerson(holder) ? personParty(holder.person, holder.first, holder.last) : party;
}

/** The party whose mention starts at word `k` (", said Kaja Kallas", "according to the minister"). */
export function partyAfter(ctx: ArticleContext, k: number, memory: SpeakerMemory | null): Party | null {
  const words = ctx.words;
  let s = k;
  if (articles.has(words[s]?.lower ?? '')) s++;
  // walk to the end of the noun phrase, then read it backwards
  let e = s;
  while (e < words.length && e - s < 8 && words[e].sentence === words[k].sentence && !/^[,.;:!?()"“”]$/.test(words[e].text) && !wordLists.parties.phraseEnd.has(words[e].lower)) e++;
  if (e === s) return null;
  const pronoun = pronounParty(ctx, s, memory);
  if (pronoun) return pronoun;
  // the first mention in the phrase decides: "President Zelensky's top aide" is the aide, but we have no name for him here
  for (let i = s; i < e; i++) {
    const owner = ctx.owner[i];
    if (isPerson(owner)) return personParty(owner.person, owner.first, owner.last);
  }
  return partyEndingAt(ctx, e - 1, memory);
}

function pronounParty(ctx: ArticleContext, k: number, memory: SpeakerMemory | null): Party | null {
  const w = ctx.words[k];
  if ((w.lower === 'he' || w.lower === 'she' || w.lower === 'him' || w.lower === 'her') && memory) {
    // a person newly made the subject of a sentence takes "he" from a speaker quoted before it
    const subjectIsNewer = memory.lastPersonSubject !== null && memory.subjectSentence > memory.speakerSentence;
    const p = (subjectIsNewer ? memory.lastPersonSubject : memory.lastSpeaker?.person) ?? memory.lastPersonSubject;
    if (p) return personParty(p, k, k + 1);
    return lastPersonBefore(ctx, k);
  }
  if ((w.lower === 'it' || w.lower === 'they') && memory?.lastInstitution) {
    return { ...memory.lastInstitution, first: k, last: k + 1 };
  }
  return null;
}

function lastPersonBefore(ctx: ArticleContext, k: number): Party | null {
  const m = findMentionBefore(ctx.personMentions, k, () => true);
  return m ? personParty(m.person, k, k + 1) : null;
}

export function personParty(p: PersonRecord, first: number, last: number): Party {
  return { kind: 'person', name: p.name, person: p, country: p.country, first, last };
}

/** Reads the noun phrase that ends at word `k` backwards. */
export function partyEndingAt(ctx: ArticleContext, k: number, memory: SpeakerMemory | null): Party | null {
  const words = ctx.words;
  const w = words[k];
  const owner = ctx.owner[k];
  if (isPerson(owner)) return personParty(owner.person, owner.first, owner.last);
  const pronoun = pronounParty(ctx, k, memory);
  if (pronoun) return pronoun;
  if (isOrg(owner)) {
    const org = ctx.orgs.get(owner.key);
    if (org) return { kind: 'organization', name: org.name, country: org.country, key: org.key, first: owner.first, last: owner.last };
  }
  const named = stateParty(ctx, k);
  if (named) return named;
  // "the Lithuanian foreign minister", "the president", "the defence minister"
  if (titleHeads.has(w.lower)) {
    let s = k;
    let demonym: string | null = null;
    // "its foreign minister": the office of the state named before
    const possessive = words.slice(Math.max(0, k - 4), k).find((x) => wordLists.parties.pluralPossessives.has(x.lower));
    if (possessive) {
      const isSubject = (m: { first: number }) => !wordLists.parties.objectPrepositions.has(ctx.words[m.first - 1]?.lower ?? '');
      const state = findMentionBefore(ctx.countryMentions, k, (m) => m.form === 'name' && ctx.words[m.first].sentence === w.sentence && isSubject(m), 12);
      if (state) {
        const holder = ctx.persons.find((p) => p.country === state.code && (p.role?.toLowerCase() ?? '').includes(w.lower));
        return holder ? personParty(holder, k, k + 1) : { kind: 'country', name: state.code, country: state.code, first: k, last: k + 1 };
      }
    }
    while (s > 0 && (titleModifiers.has(words[s - 1].lower) || titleHeads.has(words[s - 1].lower) || isCountry(ctx.owner[s - 1]))) {
      const o = ctx.owner[s - 1];
      if (isCountry(o)) {
        demonym = o.code;
        s = o.first;
      } else s--;
    }
    const person = personByRole(ctx, w.lower, demonym, k);
    if (person) return personParty(person, s, k + 1);
    return null;
  }
  // "the head of state", "the head of government": the president or prime minister the article names
  if ((w.lower === 'state' || w.lower === 'government') && words[k - 1]?.lower === 'of' && words[k - 2]?.lower === 'head') {
    const person = personByRole(ctx, w.lower === 'state' ? 'president' : 'prime minister', null, k);
    if (person) return personParty(person, k - 2, k + 1);
  }
  // "the Czech government", "the defence ministry", "the Ukrainian military"
  if (INSTITUTION_HEADS.has(w.lower)) {
    let s = k;
    let country: string | null = null;
    while (s > 0 && words[s - 1].sentence === w.sentence && !wordLists.parties.phraseOpeners.has(words[s - 1].lower) && k - s < 4) {
      const o = ctx.owner[s - 1];
      if (isCountry(o)) country = o.code;
      if (/^[.;:!?"“”]$/.test(words[s - 1].text)) break;
      s--;
    }
    let name = ctx.text.slice(words[s].start, w.end);
    if (w.lower === 'statement' && memory?.lastSpeaker?.kind === 'institution') return { ...memory.lastSpeaker, first: s, last: k + 1 };
    // "the ministry said": the ministry the article has named
    if (s === k) {
      const named = latestOrgWith(ctx, w.lower, k);
      if (named) return named;
    }
    name = name.replace(/\s+statement$/i, '');
    // "the Norwegian government said": a state's government speaks as the state
    if (governmentNouns.has(w.lower) && country) return { kind: 'country', name: country, country, first: s, last: k + 1 };
    return { kind: 'institution', name, country, first: s, last: k + 1 };
  }
  // "British officials have said": officials of a state named by its demonym speak for it
  const state = ctx.owner[k - 1];
  if (wordLists.parties.stateVoices.has(w.lower) && isCountry(state)) {
    return { kind: 'country', name: state.code, country: state.code, first: state.first, last: k + 1 };
  }
  if (UNNAMED_HEADS.has(w.lower) || (k > 0 && UNNAMED_HEADS.has(words[k - 1].lower))) {
    return { kind: 'unnamed', name: null, country: null, first: k, last: k + 1 };
  }
  // "sources familiar with the matter": an unnamed source with a trailing modifier
  for (let i = k; i >= Math.max(0, k - 5); i--) {
    if (words[i].sentence !== w.sentence) break;
    if (UNNAMED_HEADS.has(words[i].lower)) return { kind: 'unnamed', name: null, country: null, first: i, last: k + 1 };
  }
  return null;
}

/** A state named at word `k`, or a people named by its plural demonym as the head of its phrase ("The Czechs said"). */
function stateParty(ctx: ArticleContext, k: number): Party | null {
  const owner = ctx.owner[k];
  if (!isCountry(owner)) return null;
  if (owner.form !== 'demonym') return { kind: 'country', name: owner.code, country: owner.code, first: owner.first, last: owner.last };
  if (owner.last !== k + 1 || !/s$/.test(ctx.words[k].lower) || !articles.has(ctx.words[owner.first - 1]?.lower ?? '')) return null;
  return { kind: 'country', name: owner.code, country: owner.code, first: owner.first - 1, last: owner.last };
}

function latestOrgWith(ctx: ArticleContext, head: string, k: number): Party | null {
  const m = findMentionBefore(ctx.orgMentions, k, (x) => ctx.orgs.get(x.key)?.name.toLowerCase().split(/\s+/).includes(head) ?? false, LOOKBACK);
  const org = m ? ctx.orgs.get(m.key) : undefined;
  return m && org ? { kind: 'organization', name: org.name, country: org.country, key: org.key, first: m.first, last: m.last } : null;
}

/** The latest person before word `k` whose role has the head word (and the state, if named). */
function personByRole(ctx: ArticleContext, head: string, country: string | null, k: number): PersonRecord | null {
  const holds = (p: PersonRecord) => {
    const role = p.role?.toLowerCase() ?? '';
    return (role.includes(head) || (head === 'diplomat' && role.includes('foreign'))) && !(country && p.country && p.country !== country);
  };
  const latest = findMentionBefore(ctx.personMentions, k, (m) => holds(m.person), LOOKBACK);
  return latest?.person ?? ctx.persons.find((p) => (p.role?.toLowerCase() ?? '').includes(head) && (!country || p.country === country)) ?? null;
}

/**
 * "the Government of Japan", "the Japanese government": a state named through its government, which acts for it;
 * `first` is where the phrase begins, so that a preposition before it can still be read.
 */
export function governmentOfState(ctx: ArticleContext, o: CountryMention): { code: string; first: number } | null {
  const words = ctx.words;
  if (o.form !== 'demonym' && words[o.first - 1]?.lower === 'of' && stateBodyHeads.has(words[o.first - 2]?.text ?? '')) return { code: o.code, first: o.first - 2 };
  if (o.form === 'demonym' && governmentNouns.has(words[o.last]?.lower ?? '')) return { code: o.code, first: o.first };
  return null;
}

/** A UN agency, programme or NGO named right after word `k`: such bodies carry out what others fund. */
export function implementerAfter(ctx: ArticleContext, k: number, last: number): boolean {
  for (let j = k + 1; j < Math.min(last, k + 4); j++) {
    const owner = ctx.owner[j];
    if (!owner) continue;
    return isOrg(owner) && wordLists.donors.implementerKinds.has(ctx.orgs.get(owner.key)?.kind ?? '');
  }
  return false;
}
