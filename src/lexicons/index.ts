// Loads the word lists once and compiles the lookups the pipeline needs.
import countryList from './countries.json' with { type: 'json' };
import organizationList from './organizations.json' with { type: 'json' };
import titleLists from './titles.json' with { type: 'json' };
import cueLists from './cues.json' with { type: 'json' };
import currencyList from './currencies.json' with { type: 'json' };
import sharedCurrencies from './shared-currency-names.json' with { type: 'json' };
import grammarLists from './grammar.json' with { type: 'json' };
import moduleWordLists from './words.json' with { type: 'json' };
import patternSources from './patterns.json' with { type: 'json' };
import proposalRules from './rules/proposals.json' with { type: 'json' };
import officeholderList from './officeholders.json' with { type: 'json' };

export interface CountryEntry {
  code: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
}
export interface OrganizationEntry {
  name: string;
  aliases: string[];
  kind: string;
  members: string[];
  /** The city a union sits in, which the press names it by ("Brussels" → EU). */
  seat?: string;
  /** The state a government seat stands for ("Kremlin" → RU). */
  country?: string;
}
export interface CurrencyEntry {
  code: string;
  symbols: string[];
  words: string[];
}

export const countries: readonly CountryEntry[] = countryList;
export const organizations: readonly OrganizationEntry[] = organizationList;

const countryByName = new Map(countries.flatMap((c) => [c.code, ...c.names].map((n) => [n.toLowerCase(), c.code] as const)));
/** The ISO code of a country given by its code or any English name it goes by ("lv", "Latvia", "Czech Republic"). */
export const countryCodeOf = (name: string): string | undefined => countryByName.get(name.trim().toLowerCase());
/** A party as a user asks for it: a state by its code in any case or its English name ("fi", "Finland") as its code, any other name as given. */
export const partyCode = <T extends string | undefined>(v: T): T => (v ? ((countryCodeOf(v) ?? v) as T) : v);
/** Cities that, acting, stand for the body seated there rather than for their state: "Brussels imposed" is the EU. */
export const seatBodies = new Map(organizations.filter((o) => o.seat).map((o) => [o.seat!, o.aliases.find((a) => /^[A-Z]{2,4}$/.test(a)) ?? o.name]));
export const currencies: readonly CurrencyEntry[] = currencyList;
/** Currency names several states use ("$", "crowns"), with each state's own currency. */
export const sharedCurrencyNames: Readonly<Record<string, Readonly<Record<string, string>>>> = sharedCurrencies.names;
export const cues = cueLists;
export const titles = titleLists;
/** Function words of English the shallow parse and the frames read: prepositions, determiners, modals, group nouns …. */
export const grammar = grammarLists;
export const groupNouns = new Set(grammar.groupNouns);
export const prepositions = new Set(grammar.prepositions);
export const determiners = new Set(grammar.determiners);
export const articles = new Set(grammar.articles);
export const beVerbs = new Set(grammar.beVerbs);
export const possessivePronouns = new Set(grammar.possessivePronouns);
/** A name as the office-holder list is keyed: case and diacritics folded ("Kęstutis" → "kestutis"). */
const nameKey = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
const officeholderStates = new Map<string, string | null>();
for (const p of officeholderList.persons) {
  for (const n of [p.name, ...p.aliases]) {
    const key = nameKey(n);
    // a form two states' office holders share names neither
    officeholderStates.set(key, officeholderStates.has(key) && officeholderStates.get(key) !== p.country ? null : p.country);
  }
}
/** The state an office holder of `officeholders.json` serves, by full name or usual short form; undefined for anyone else. */
export const officeholderState = (name: string): string | undefined => officeholderStates.get(nameKey(name)) ?? undefined;

/** One step named in other words ("truce" → "ceasefire"): reports of one proposal are matched on it. */
export const proposalStepSynonyms: ReadonlyMap<string, string> = new Map(Object.entries(proposalRules.synonyms));


const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
export const titleHeads = lowerSet(titles.heads);
export const titleModifiers = lowerSet(titles.modifiers);
export const complementWords = lowerSet(titles.complementWords);
export const honorifics = lowerSet(titles.honorifics);
export const nameParticles = lowerSet(titles.nameParticles);
export const speechVerbs = lowerSet(cues.speechVerbs.filter((v) => !v.includes(' ')));
export const reportedSpeechVerbs = lowerSet(cues.reportedSpeechVerbs.filter((v) => !v.includes(' ')));
export const orgHeads = new Set(cues.orgHeads);
/** Heads that with a state's name alone ("Government of Japan", "Norwegian Government") name the state, not a body of its own. */
export const stateBodyHeads = new Set(cues.stateBodyHeads);
/** Nouns after a demonym that make it the state acting ("the Japanese government", "British authorities"). */
export const governmentNouns = lowerSet(cues.governmentNouns);
/** Lower-case heads of a state's ministry named through its possessive ("China's foreign ministry"). */
export const ministryNouns = new Set(cues.ministryNouns);
export const itemNouns = lowerSet(cues.itemNouns);
/** Equipment counted as one when named with "a" or "an": "a Patriot system", "an air defence system". */
export const singleItemNouns = lowerSet(cues.singleItemNouns);
export const troopNouns = lowerSet(cues.troopNouns.filter((v) => !v.includes(' ')));
export const negations = lowerSet(cues.negations);
export const pledgeNouns = lowerSet(cues.pledgeNouns);
export const sanctionCountNouns = lowerSet(cues.sanctionCountNouns.filter((v) => !v.includes(' ')));
/** Words that make a commitment conditional: "ready to", "willing to", "readiness". */
export const readinessWords = lowerSet(cues.readinessWords);
/** Words before a verb that make a commitment planned, not pledged: "plans to", "is considering". */
export const plannedWords = lowerSet(cues.plannedWords);
/** Verbs of a state's own budget: a share of GDP "spent" or "reached" with no one named as receiving it is defence spending, not aid. */
export const ownSpendingVerbs = lowerSet(cues.ownSpendingVerbs);
/** Nouns that name support and whose possessor or from-phrase is its giver. */
export const supportNouns = lowerSet(cues.supportNouns);
/** Heads of speakers left unnamed ("officials said", "sources said"): a party, never a person's name. */
export const unnamedHeads = lowerSet(cues.unnamedHeads);
/** Nouns of the people or crisis aid goes to, whose place is the state helped ("people affected by the earthquakes in Syria"). */
export const beneficiaryNouns = lowerSet(cues.beneficiaryNouns);
/** Last words of a name that make a body found by pattern one that receives money (a fund, an agency), not one that gives it. */
export const receivingOrgHeads = lowerSet(cues.receivingOrgHeads);

/** Status of a commitment signalled by a verb lemma or adjective ("pledge" → pledged, "mull" → planned). */
export const statusOfLemma = new Map<string, 'pledged' | 'delivered' | 'planned' | 'ready'>();
for (const [status, lemmas] of Object.entries(cues.pledgeVerbs)) {
  for (const lemma of lemmas) if (!lemma.includes(' ')) statusOfLemma.set(lemma, status as 'pledged');
}

export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

type WordSets<T> = { readonly [M in keyof T]: { readonly [L in keyof T[M]]: ReadonlySet<string> } };
type Patterns<T> = { readonly [M in keyof T]: { readonly [L in keyof T[M]]: RegExp } };

/** The word lists each extractor reads, by module and name (`wordLists.donors.auxiliaries`), as sets. */
export const wordLists = Object.fromEntries(
  Object.entries(moduleWordLists).map(([module, lists]) => [module, Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, new Set(list as string[])]))]),
) as unknown as WordSets<typeof moduleWordLists>;

/** Phrase patterns over English text each extractor reads, by module and name, compiled once from [source, flags]. */
export const patterns = Object.fromEntries(
  Object.entries(patternSources).map(([module, list]) => [module, Object.fromEntries(Object.entries(list).map(([name, [source, flags]]) => [name, new RegExp(source, flags)]))]),
) as unknown as Patterns<typeof patternSources>;
