// Mentions first: countries and organizations from the lexicons, persons from how the
// text introduces them (titles, appositions, speech verbs), organizations from patterns.
import type { Analysis } from '../../nlp/index.js';
import { Deadline } from '../deadline.js';
import type { Dateline } from '../normalize/index.js';
import { countries, organizations, speechVerbs, titleHeads, titleModifiers, type OrganizationEntry, wordLists, patterns } from '../../lexicons/index.js';
import { PhraseMatcher } from './phrases.js';
import { addOrg, isPossessive } from './mentions.js';
import { findPatternOrganizations, markAcronymMentions } from './org-patterns.js';
import { findPersons, markPersonMentions } from './persons.js';
import type { ArticleContext, CountryMention, OrgRecord } from './context.js';
import { findMentionBefore, isCountry } from './context.js';

interface CountryHit {
  code: string;
  form: 'name' | 'demonym' | 'capital';
}
interface OrgHit {
  entry: OrganizationEntry;
  alias: string;
}

/** Countries and lexicon organizations in one matcher: the longest phrase wins ("European Union" over "European"). */
const lexiconMatcher = new PhraseMatcher<CountryHit | OrgHit>();
for (const c of countries) {
  for (const n of c.names) lexiconMatcher.add(n, { code: c.code, form: 'name' });
  for (const d of c.demonyms) lexiconMatcher.add(d, { code: c.code, form: 'demonym' });
  for (const cap of c.capitals) lexiconMatcher.add(cap, { code: c.code, form: 'capital' });
}
for (const o of organizations) {
  lexiconMatcher.add(o.name, { entry: o, alias: o.name });
  for (const alias of o.aliases) lexiconMatcher.add(alias, { entry: o, alias });
}

const VENUE_PREPOSITIONS = wordLists.entities.venuePrepositions;


export interface BuildOptions {
  referenceDate: Date | null;
  dateline: Dateline | null;
  deadline?: Deadline;
}

export function buildContext(analysis: Analysis, options: BuildOptions): ArticleContext {
  const words = analysis.words;
  const ctx: ArticleContext = {
    analysis,
    text: analysis.text,
    words,
    referenceDate: options.referenceDate,
    dateline: options.dateline,
    deadline: options.deadline ?? new Deadline(),
    countryMentions: [],
    orgs: new Map(),
    orgMentions: [],
    persons: [],
    personMentions: [],
    owner: new Array(words.length).fill(undefined),
  };
  markLexiconEntities(ctx);
  findPersons(ctx);
  ctx.deadline.check('persons');
  findPatternOrganizations(ctx);
  markAcronymMentions(ctx);
  markPersonMentions(ctx);
  ctx.deadline.check('organizations');
  // lexicon and pattern organizations were found in two passes; relation rules need text order
  ctx.orgMentions.sort((a, b) => a.first - b.first);
  inferPersonCountries(ctx);
  return ctx;
}

/**
 * States for persons introduced by title alone: "Latvia will …, Foreign Minister X said" (the
 * clause's subject state) and "the Latvian foreign minister said" (a later demonym for the office).
 */
function inferPersonCountries(ctx: ArticleContext): void {
  const words = ctx.words;
  for (const p of ctx.persons) {
    if (p.country !== null || p.organization !== null || p.role === null) continue;
    const sentence = ctx.analysis.sentences[words[p.first.first].sentence];
    const titleStart = words.slice(sentence.first, p.first.first).map((w) => w.text).lastIndexOf(',');
    if (titleStart < 0 || !speechVerbs.has(words[p.first.last]?.lemma ?? '')) continue;
    for (let k = sentence.first; k < sentence.first + titleStart; k++) {
      const o = ctx.owner[k];
      if (!o || (ctx.dateline && words[k].start < ctx.dateline.end)) continue;
      if (isCountry(o) && o.form !== 'demonym') p.country = o.code;
      break;
    }
  }
  for (let k = 1; k < words.length - 1; k++) {
    const o = ctx.owner[k];
    if (!isCountry(o) || o.form !== 'demonym' || words[k - 1].lower !== 'the') continue;
    let h = o.last;
    while (h < words.length && titleModifiers.has(words[h].lower)) h++;
    if (!titleHeads.has(words[h]?.lower ?? '')) continue;
    const head = words[h].lower;
    const person = findMentionBefore(ctx.personMentions, k, (m) => m.person.role?.toLowerCase().includes(head) ?? false, 60)?.person;
    if (person && person.country === null) person.country = o.code;
  }
  // "said Estonia’s Pevkur", "Britain's Starmer": a state's possessive right before a later mention of the person
  for (const m of ctx.personMentions) {
    const state = ctx.owner[m.first - 2];
    if (m.person.country === null && isPossessive(words[m.first - 1]) && isCountry(state) && state.form === 'name') m.person.country = state.code;
  }
  // "KYIV - Defence Minister X": an office named with no state, in a report filed from a capital, is that state's
  const home = datelineState(ctx);
  if (!home) return;
  for (const p of ctx.persons) {
    if (p.country === null && p.organization === null && p.role !== null && NATIONAL_OFFICE.test(p.role)) p.country = home;
  }
}

const CAPITAL_COUNTRY = new Map(countries.flatMap((c) => c.capitals.map((capital) => [capital.toLowerCase(), c.code] as const)));

/** The state whose capital the report is filed from ("KYIV -" → UA), if any. */
export function datelineState(ctx: ArticleContext): string | undefined {
  return ctx.dateline ? CAPITAL_COUNTRY.get(ctx.dateline.place.toLowerCase()) : undefined;
}
/** Offices a state's own government holds: not a party leader's, an envoy's or a spokesman's. */
const NATIONAL_OFFICE = patterns.entities.nationalOffice;

// ---------- countries and lexicon organizations ----------

function markLexiconEntities(ctx: ArticleContext): void {
  const { analysis, words } = ctx;
  for (let i = 0; i < words.length; i++) {
    const hit = lexiconMatcher.matchAt(analysis, i);
    if (!hit) continue;
    const payload = hit.payload;
    if ('entry' in payload) {
      addOrg(ctx, { first: hit.first, last: hit.last }, { ...lexiconRecords.get(payload.entry)!, name: payload.alias });
      i = hit.last - 1;
    } else {
      const before = words[i - 1];
      const venue = payload.form === 'capital' && before !== undefined && VENUE_PREPOSITIONS.has(before.lower);
      const m: CountryMention = { first: hit.first, last: hit.last, code: payload.code, form: payload.form, venue };
      ctx.countryMentions.push(m);
      for (let k = m.first; k < m.last; k++) ctx.owner[k] = m;
      i = hit.last - 1;
    }
  }
}

/** The registry record of each lexicon organization, built once. */
const lexiconRecords = new Map<OrganizationEntry, Omit<OrgRecord, 'first'>>(
  organizations.map((entry) => [
    entry,
    {
      key: entry.name.toLowerCase(),
      name: entry.name,
      acronym: [entry.name, ...entry.aliases].find((a) => /^[A-Z0-9.\-]{2,6}$/.test(a)) ?? null,
      kind: entry.kind,
      members: entry.members,
      country: entry.country ?? null,
      rule: 'org.lexicon',
    },
  ]),
);
