// Mentions first: countries and organizations from the lexicons, persons from how the
// text introduces them (titles, appositions, speech verbs), organizations from patterns.
import type { Analysis, Word } from '../../nlp/index.js';
import { Deadline } from '../deadline.js';
import type { Dateline } from '../normalize/index.js';
import {
  countries, organizations, titleHeads, titleModifiers, complementWords, honorifics, nameParticles, speechVerbs,
  orgHeads, MONTHS, WEEKDAYS, ministryNouns, prepositions, stateBodyHeads, type OrganizationEntry,
} from '../../lexicons/index.js';
import { PhraseMatcher } from './phrases.js';
import type { ArticleContext, CountryMention, OrgMention, OrgRecord, PersonRecord, Span } from './context.js';
import { findMentionBefore, isCountry, isOrg } from './context.js';

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

const VENUE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'visited', 'visit', 'via', 'outside', 'around']);
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'if', 'however', 'this', 'that', 'these', 'those', 'it', 'he', 'she',
  'we', 'they', 'his', 'her', 'our', 'their', 'its', 'according', 'during', 'after', 'before', 'while', 'when', 'as', 'with',
  'for', 'by', 'from', 'to', 'of', 'under', 'since', 'until', 'earlier', 'later', 'last', 'next', 'today', 'yesterday',
  'tomorrow', 'also', 'meanwhile', 'details', 'source', 'background', 'quote', 'read', 'photo', 'recently', 'separately',
  'there', 'here', 'what', 'who', 'why', 'how', 'where', 'all', 'some', 'many', 'most', 'several', 'each', 'both', 'only',
  'even', 'just', 'amid', 'among', 'despite', 'without', 'within', 'such', 'one', 'two', 'three', 'first', 'second', 'i', 'you',
  'my', 'your', 'us', 'them', 'him', 'no', 'not', 'so', 'then', 'thus', 'therefore', 'yet', 'still', 'now', 'advertisement',
  'share', 'co-hosted', 'hosted', 'together', 'russian', 'ukrainian', 'western', 'european', 'nato', 'eu', 'un', 'mp', 'kremlin',
  'writer', 'would', 'will', 'can', 'could', 'should', 'may', 'might', 'must',
]);
const INSTITUTION_TAILS = new Set(['administration', 'government', 'cabinet', 'team']);
const LOWER_ORG_HEADS = new Set(['fund', 'initiative', 'coalition', 'programme', 'program', 'facility', 'mechanism', 'platform']);
const MEDIA_BEFORE = new Set(['reported', 'wrote', 'learned', 'reports', 'cited', 'quoted']);
const MEDIA_AFTER_PHRASES = ['conveyed by', 'reported by', 'according to', 'told', 'interview with', 'quoted by', 'citing'];
/** Last words of the phrases that cite an outlet before its name ("conveyed by", "told", "news outlet"). */
const MEDIA_CUE_TAILS = new Set(['by', 'to', 'told', 'with', 'citing', 'outlet', 'newspaper', 'broadcaster', 'agency', 'channel', 'daily', 'magazine']);
const COMPANY_NOUNS = new Set(['company', 'firm', 'depository', 'outlet', 'newspaper', 'broadcaster', 'agency', 'operator', 'manufacturer', 'producer', 'group']);

const isCap = (w: Word) => w.cap;
const isAllCaps = (w: Word) => w.cap && w.text.length > 1 && w.text === w.text.toUpperCase() && /\p{L}{2}/u.test(w.text);
const isInitial = (w: Word) => w.cap && /^\p{Lu}\.$/u.test(w.text);
const isPossessive = (w: Word | undefined) => w !== undefined && (w.lower === "'s" || w.lower === '’s' || w.lower === "'" || w.lower === '’');

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
const NATIONAL_OFFICE = /\b(?:minister|president|chancellor|secretary|premier)\b/i;

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

function addOrg(ctx: ArticleContext, span: Span, record: Omit<OrgRecord, 'first'>): void {
  for (let k = span.first; k < span.last; k++) if (ctx.owner[k] && !isCountry(ctx.owner[k])) return;
  const key = record.rule === 'org.lexicon' ? record.key : orgKey(record.name);
  if (!ctx.orgs.has(key)) {
    ctx.orgs.set(key, {
      key, name: record.name, acronym: record.acronym, kind: record.kind, members: record.members, country: record.country, rule: record.rule,
      first: { first: span.first, last: span.last },
    });
  }
  const m: OrgMention = { first: span.first, last: span.last, key };
  ctx.orgMentions.push(m);
  for (let k = span.first; k < span.last; k++) ctx.owner[k] = m;
}

/** Two names of one organization share their content words ("Growth Plan for Moldova" = "Moldova Growth Plan"). */
export function orgKey(name: string): string {
  const bare = name.replace(/\([^)]*\)/g, ' ');
  const words = bare.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
  return [...new Set(words.filter((w) => !['the', 'of', 'and', 'for', 'a', 'an', 'in', 'on', 'to', 'so', 'called'].includes(w)))].sort().join(' ');
}

// ---------- persons ----------

function isNameWord(ctx: ArticleContext, i: number): boolean {
  const w = ctx.words[i];
  if (!w || ctx.owner[i] !== undefined) return false;
  if (!isCap(w) && !isInitial(w)) return false;
  if (isAllCaps(w) && !isInitial(w)) return false;
  const lower = w.lower;
  if (NOT_NAMES.has(lower) || MONTHS.has(lower) || WEEKDAYS.has(lower) || titleHeads.has(lower) || titleModifiers.has(lower)) return false;
  if (honorifics.has(lower) || orgHeads.has(w.text)) return false;
  return !/\d/.test(w.text);
}

/** The run of name words starting at `i` ("Ursula von der Leyen", "Jean-Noël Barrot"), or undefined. */
function nameRunAt(ctx: ArticleContext, i: number, maxWords = 4): Span | undefined {
  const words = ctx.words;
  if (!isNameWord(ctx, i)) return undefined;
  let j = i + 1;
  let count = 1;
  while (j < words.length && count < maxWords && words[j].sentence === words[i].sentence) {
    const w = words[j];
    if (!w.spaced && (w.text === '-' || w.text === '‑') && isNameWord(ctx, j + 1) && !words[j + 1].spaced) {
      j += 2;
      continue;
    }
    if (nameParticles.has(w.text) && w.spaced) {
      let k = j;
      while (k < words.length && nameParticles.has(words[k].text)) k++;
      if (isNameWord(ctx, k)) {
        j = k + 1;
        count++;
        continue;
      }
      break;
    }
    if (!w.spaced || !isNameWord(ctx, j)) break;
    j++;
    count++;
  }
  // An initial cannot end a name.
  while (j > i + 1 && isInitial(words[j - 1])) j--;
  return { first: i, last: j };
}

interface TitleSpan extends Span {
  country: string | null;
  organization: string | null;
}

/** A title phrase ending at or after the head word at `h`: "Deputy Prime Minister for … Integration and Justice Minister". */
function titleAround(ctx: ArticleContext, h: number): TitleSpan {
  const words = ctx.words;
  let first = h;
  let country: string | null = null;
  let organization: string | null = null;
  while (first > 0) {
    const w = words[first - 1];
    if (w.sentence !== words[h].sentence) break;
    const owner = ctx.owner[first - 1];
    if (titleModifiers.has(w.lower) || titleHeads.has(w.lower)) first--;
    else if (isOrg(owner) && isCap(w)) {
      first = owner.first;
      const org = ctx.orgs.get(owner.key);
      organization = org?.name ?? null;
      country ??= org?.country ?? null;
    } else break;
  }
  const before = ctx.owner[first - 1];
  if (isCountry(before) && (before.form === 'demonym' || before.form === 'name' || before.form === 'capital')) country = before.code;
  let last = h + 1;
  let j = h + 1;
  while (j < words.length && words[j].sentence === words[h].sentence) {
    const w = words[j];
    const owner = ctx.owner[j];
    if (titleHeads.has(w.lower) && isCap(w) === isCap(words[h])) {
      last = ++j;
    } else if (isCountry(owner) && ['of', 'for'].includes(words[j - 1].lower)) {
      country ??= owner.code;
      last = j = owner.last;
    } else if (isOrg(owner) && ['of', 'the'].includes(words[j - 1].lower)) {
      organization ??= ctx.orgs.get(owner.key)?.name ?? null;
      last = j = owner.last;
    } else if (complementWords.has(w.lower)) {
      // "of", "for", "and" join a complement; only its capitalised words extend the title
      if (isCap(w)) last = j + 1;
      else if (!['of', 'for', 'and', 'the'].includes(w.lower)) break;
      j++;
    } else if ((w.text === '-' || w.text === '–') && !w.spaced) {
      j++;
    } else break;
  }
  return { first, last, country, organization };
}

interface PersonCandidate {
  name: Span;
  role: Span | null;
  roleText?: string;
  country: string | null;
  organization?: string | null;
  rule: string;
}

function findPersons(ctx: ArticleContext): void {
  const words = ctx.words;
  const candidates: PersonCandidate[] = [];
  const taken = new Set<number>();
  const take = (c: PersonCandidate) => {
    for (let k = c.name.first; k < c.name.last; k++) if (taken.has(k)) return;
    for (let k = c.name.first; k < c.name.last; k++) taken.add(k);
    candidates.push(c);
  };

  for (let h = 0; h < words.length; h++) {
    const w = words[h];
    // A: title before the name — "Czech Prime Minister Petr Fiala", "special envoy Steve Witkoff".
    if (titleHeads.has(w.lower) && ctx.owner[h] === undefined) {
      const title = titleAround(ctx, h);
      let n = title.last;
      if (words[n]?.text === ',' && words[n + 1] && isNameWord(ctx, n + 1) && /counterpart|colleague/.test(w.lower)) n++;
      const name = nameRunAt(ctx, n);
      if (name && words[n].spaced) {
        let country = title.country;
        if (country === null) country = possessiveCountry(ctx, title.first);
        take({ name, role: title, country, organization: title.organization, rule: 'person.title' });
        h = name.last - 1;
        continue;
      }
    }
    // Honorific: "Mr Healey".
    if (w.cap && honorifics.has(w.lower)) {
      const name = nameRunAt(ctx, w.text.endsWith('.') || words[h + 1]?.text !== '.' ? h + 1 : h + 2, 3);
      if (name) take({ name, role: null, country: null, rule: 'person.honorific' });
    }
  }

  for (let i = 0; i < words.length; i++) {
    if (!words[i].cap || taken.has(i) || !isNameWord(ctx, i)) continue;
    if (i > 0 && isNameWord(ctx, i - 1) && !taken.has(i - 1) && words[i].spaced) continue; // not the start of a run
    const name = nameRunAt(ctx, i);
    if (!name) continue;
    const after = words[name.last];
    const before = words[name.first - 1];
    const multi = name.last - name.first >= 2;
    // B: apposition — "António Costa, President of the European Council".
    if (multi && after?.text === ',') {
      const app = appositionTitle(ctx, name.last + 1);
      if (app) {
        take({ name, role: app.span, country: app.country, organization: app.organization, rule: 'person.apposition' });
        i = name.last - 1;
        continue;
      }
    }
    // C: subject or object of a speech verb — "Budrys said", ", said Kaja Kallas", "confirmed Andrey Yermak,".
    const verbAfter = speechVerbAfter(ctx, name.last);
    const verbBefore = before !== undefined && speechVerbs.has(before.lemma) && (after === undefined || /^[,.;:]$/.test(after.text));
    const plausibleSingle = multi || words[i].pos === 'PROPN' || (words[i].pos === 'NOUN' && i > 0 && words[i - 1].sentence === words[i].sentence);
    if ((verbAfter || verbBefore) && plausibleSingle && !isSentenceStartCommonWord(ctx, i, multi)) {
      take({ name, role: null, country: null, rule: 'person.speech' });
      i = name.last - 1;
      continue;
    }
    // D: "the Trump administration".
    if (!multi && after && INSTITUTION_TAILS.has(after.lower) && before?.lower === 'the' && words[i].pos === 'PROPN') {
      take({ name, role: null, country: null, rule: 'person.administration' });
    }
  }
  registerPersons(ctx, candidates);
}

function isSentenceStartCommonWord(ctx: ArticleContext, i: number, multi: boolean): boolean {
  const w = ctx.words[i];
  const sentenceStart = i === 0 || ctx.words[i - 1].sentence !== w.sentence || /^["“‘«„(]$/.test(ctx.words[i - 1].text);
  return sentenceStart && !multi && w.pos !== 'PROPN';
}

function speechVerbAfter(ctx: ArticleContext, j: number): boolean {
  const words = ctx.words;
  let k = j;
  while (k < words.length && ['also', 'has', 'had', 'have', 'then', 'later', 'again', 'further', 'reportedly', 'previously'].includes(words[k].lower)) k++;
  const w = words[k];
  if (!w || w.sentence !== words[j - 1].sentence) return false;
  if (!speechVerbs.has(w.lemma) && !speechVerbs.has(w.lower)) return false;
  return w.pos === 'VERB' || w.pos === 'AUX' || /ed$|s$/.test(w.lower);
}

/** "the president’s chief national security adviser", "European Commissioner for Enlargement" after a comma. */
function appositionTitle(ctx: ArticleContext, j: number): { span: Span; country: string | null; organization: string | null } | undefined {
  const words = ctx.words;
  let k = j;
  if (words[k]?.lower === 'who' && words[k + 1]?.lower === 'is') k += 2;
  if (['the', 'a', 'an'].includes(words[k]?.lower ?? '')) k++;
  let country: string | null = null;
  // "Ukraine's foreign minister", "the president's adviser"
  if (isPossessive(words[k + 1])) {
    const owner = ctx.owner[k];
    if (isCountry(owner)) country = owner.code;
    k += 2;
  }
  for (let h = k; h < Math.min(words.length, k + 6); h++) {
    const w = words[h];
    if (w.sentence !== words[j].sentence || /^[,.;:()]$/.test(w.text)) break;
    const owner = ctx.owner[h];
    if (isCountry(owner) && owner.form === 'demonym') {
      country ??= owner.code;
      continue;
    }
    if (titleHeads.has(w.lower)) {
      const title = titleAround(ctx, h);
      let last = title.last;
      let organization = title.organization;
      // "chairman of the Japan Business Federation": keep an organization complement
      if (words[last]?.lower === 'of' || words[last]?.lower === 'for') {
        let m = last + 1;
        if (words[m]?.lower === 'the') m++;
        const owner2 = ctx.owner[m];
        if (isOrg(owner2)) {
          last = owner2.last;
          organization ??= ctx.orgs.get(owner2.key)?.name ?? null;
        }
        else {
          let e = m;
          while (e < words.length && isCap(words[e]) && words[e].sentence === w.sentence) e++;
          if (e > m) last = e;
        }
      }
      return { span: { first: Math.max(k, title.first), last }, country: country ?? title.country, organization };
    }
    if (!titleModifiers.has(w.lower) && !isOrg(owner) && !isCap(w)) break;
  }
  return undefined;
}

/** "Lithuania's top diplomat", "the country's Prime Minister": the owner of a possessive before a title. */
function possessiveCountry(ctx: ArticleContext, first: number): string | null {
  const words = ctx.words;
  if (!isPossessive(words[first - 1])) return null;
  const owner = ctx.owner[first - 2];
  if (isCountry(owner)) return owner.code;
  if (isOrg(owner)) return ctx.orgs.get(owner.key)?.country ?? null;
  if (words[first - 2]?.lower === 'country') {
    return findMentionBefore(ctx.countryMentions, first - 2, (m) => m.form === 'name')?.code ?? null;
  }
  return null;
}

/** Folds candidates into persons: a bare surname joins the full name that shares it. */
function registerPersons(ctx: ArticleContext, candidates: PersonCandidate[]): void {
  resolveCounterparts(ctx, candidates);
  const nameOf = (s: Span) => ctx.text.slice(ctx.words[s.first].start, ctx.words[s.last - 1].end);
  const full = candidates.filter((c) => c.name.last - c.name.first >= 2).sort((a, b) => a.name.first - b.name.first);
  const bare = candidates.filter((c) => c.name.last - c.name.first < 2);
  const byName = new Map<string, PersonRecord>();
  const add = (c: PersonCandidate, name: string): PersonRecord => {
    let p = byName.get(name);
    if (!p) {
      p = { name, aliases: new Set([name]), role: null, country: null, organization: null, rule: c.rule, first: c.name };
      byName.set(name, p);
      ctx.persons.push(p);
    }
    if (p.role === null && c.role) p.role = cleanRole(ctx, c);
    if (p.country === null && c.country) p.country = c.country;
    p.organization ??= c.organization ?? null;
    return p;
  };
  for (const c of full) {
    const name = nameOf(c.name);
    const surname = name.split(/\s+/).pop() ?? name;
    // "De Vries" at a sentence start is "Pieter de Vries"
    const tokens = name.toLowerCase().split(/\s+/);
    const same = ctx.persons.find((p) => {
      const known = p.name.toLowerCase().split(/\s+/);
      return known.length >= tokens.length && tokens.every((t, i) => known[known.length - tokens.length + i] === t);
    });
    const p = same ?? add(c, name);
    if (same) {
      if (same.role === null && c.role) same.role = cleanRole(ctx, c);
      if (same.country === null && c.country) same.country = c.country;
    }
    p.aliases.add(surname);
  }
  for (const c of bare) {
    const name = nameOf(c.name);
    const owner = ctx.persons.find((p) => p.aliases.has(name) || p.name.split(/\s+/).includes(name));
    if (owner) {
      if (owner.role === null && c.role) owner.role = cleanRole(ctx, c);
      if (owner.country === null && c.country) owner.country = c.country;
      continue;
    }
    add(c, name);
  }
}

function cleanRole(ctx: ArticleContext, c: PersonCandidate): string | null {
  if (c.roleText !== undefined) return c.roleText;
  if (!c.role) return null;
  return ctx.text.slice(ctx.words[c.role.first].start, ctx.words[c.role.last - 1].end).trim();
}

/** "his Ukrainian counterpart, X" holds the office of the person before: the role is theirs. */
function resolveCounterparts(ctx: ArticleContext, candidates: PersonCandidate[]): void {
  let lastRole: string | null = null;
  for (const c of [...candidates].sort((a, b) => a.name.first - b.name.first)) {
    const role = c.role ? ctx.text.slice(ctx.words[c.role.first].start, ctx.words[c.role.last - 1].end).trim() : null;
    if (role && /^(counterpart|colleague)s?$/i.test(role)) c.roleText = lastRole ?? undefined;
    else if (role) lastRole = role;
  }
}

// ---------- organizations from patterns ----------

function findPatternOrganizations(ctx: ArticleContext): void {
  const words = ctx.words;
  const personWords = new Set<number>();
  for (const p of ctx.persons) for (let k = p.first.first; k < p.first.last; k++) personWords.add(k);
  const free = (k: number) => ctx.owner[k] === undefined && !personWords.has(k);
  const capFree = (k: number) => words[k] !== undefined && free(k) && (isCap(words[k]) || /^\d/.test(words[k].text)) && !NOT_NAMES.has(words[k].lower);

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // "Full Name (ACR)": the acronym in parentheses names the run before it.
    if (w.text === '(' && /^[A-Z][A-Za-z0-9]{1,7}$/.test(words[i + 1]?.text ?? '') && words[i + 2]?.text === ')') {
      const acr = words[i + 1].text;
      let s = i;
      while (s > 0 && (capFree(s - 1) || (['of', 'for', 'and', 'the'].includes(words[s - 1].lower) && capFree(s - 2)))) s--;
      if (s < i && free(i + 1)) {
        const name = ctx.text.slice(words[s].start, words[i - 1].end);
        const initials = initialsOf(name);
        if (initials.startsWith(acr[0]) && initials.length >= 2) {
          addOrg(ctx, { first: s, last: i + 3 }, patternOrg(`${name} (${acr})`, acr, 'org.acronym'));
          i += 2;
          continue;
        }
      }
      // "the International Development Association (IDA)", where the name was already found: the acronym is that body's
      const named = ctx.owner[i - 1];
      const record = isOrg(named) ? ctx.orgs.get(named.key) : undefined;
      if (record && record.acronym === null && free(i + 1) && initialsOf(record.name).startsWith(acr[0])) {
        record.acronym = acr;
        i += 2;
        continue;
      }
      // A party after a person's name: "Hanno Pevkur (Reform)".
    }
    if (w.text === '(' && capFree(i + 1) && words[i + 2]?.text === ')' && personWords.has(i - 1) && !isAllCaps(words[i + 1])) {
      addOrg(ctx, { first: i + 1, last: i + 2 }, patternOrg(words[i + 1].text, null, 'org.party'));
      continue;
    }
    // "Operation Interflex"
    if ((w.text === 'Operation' || w.text === 'Mission') && capFree(i) && capFree(i + 1)) {
      addOrg(ctx, { first: i, last: i + 2 }, patternOrg(`${w.text} ${words[i + 1].text}`, null, 'org.operation'));
      i++;
      continue;
    }
    // Proper-noun runs ending in an organizational head: "State Defence Council", "Energy Support Fund for Ukraine".
    if (orgHeads.has(w.text) && free(i)) {
      const span = headedRun(ctx, i, capFree);
      if (span && !namesOnlyTheState(ctx, span, i)) {
        addOrg(ctx, span, patternOrg(ctx.text.slice(words[span.first].start, words[span.last - 1].end), null, 'org.head'));
        i = span.last - 1;
        continue;
      }
    }
    // "China's foreign ministry": a state's ministry named through its possessive
    if (ministryNouns.has(w.text) && free(i)) {
      let s = i;
      while (s > i - 3 && words[s - 1] && free(s - 1) && words[s - 1].text === words[s - 1].lower && /^(ADJ|NOUN)$/.test(words[s - 1].pos)) s--;
      const state = ctx.owner[s - 2];
      if (isPossessive(words[s - 1]) && isCountry(state) && state.form === 'name') {
        addOrg(ctx, { first: state.first, last: i + 1 }, patternOrg(ctx.text.slice(words[state.first].start, w.end), null, 'org.state-ministry'));
        continue;
      }
    }
    // "Sberbank", "Promsvyazbank": one capitalised word ending in "bank" names a bank
    if (capFree(i) && /^\p{Lu}\p{Ll}{2,}bank$/u.test(w.text)) {
      addOrg(ctx, { first: i, last: i + 1 }, { ...patternOrg(w.text, null, 'org.bank-word'), kind: 'bank' });
      continue;
    }
    // "the Czech initiative", "the Czech-led initiative", "the Ukrainian energy support fund"
    if (LOWER_ORG_HEADS.has(w.lower) && w.text === w.lower) {
      let s = i;
      while (s > i - 4 && s > 0 && words[s - 1].pos === 'NOUN' && words[s - 1].text === words[s - 1].lower) s--;
      let d = s - 1;
      if (words[d]?.text === 'led' && words[d - 1]?.text === '-') d -= 2;
      const owner = ctx.owner[d];
      if (isCountry(owner) && owner.form === 'demonym') {
        const name = `${ctx.text.slice(words[owner.first].start, words[owner.last - 1].end)} ${ctx.text.slice(words[s].start, w.end)}`;
        addOrg(ctx, { first: s, last: i + 1 }, patternOrg(name, null, 'org.demonym-head'));
        continue;
      }
    }
    // Media cited as sources: "Politico reported", "as conveyed by UNN", "news outlet ABC".
    if (capFree(i) && (isAllCaps(w) || w.pos === 'PROPN') && (MEDIA_BEFORE.has(words[i + 1]?.lower ?? '') || MEDIA_CUE_TAILS.has(words[i - 1]?.lower ?? '') || MEDIA_CUE_TAILS.has(words[i - 2]?.lower ?? ''))) {
      let e = i + 1;
      while (capFree(e) && e - i < 4) e++;
      const next = words[e];
      const prevText = ctx.text.slice(Math.max(0, w.start - 20), w.start).toLowerCase();
      const cited = (next && MEDIA_BEFORE.has(next.lower)) || MEDIA_AFTER_PHRASES.some((p) => prevText.trimEnd().endsWith(p));
      const outlet = /(?:outlet|newspaper|broadcaster|agency|channel|daily|magazine)\s*$/.test(prevText);
      if ((cited || outlet) && !startsSentenceCommonly(ctx, i)) {
        const name = ctx.text.slice(w.start, words[e - 1].end);
        if (!ctx.persons.some((p) => p.aliases.has(name) || p.name === name)) {
          addOrg(ctx, { first: i, last: e }, patternOrg(name, isAllCaps(w) ? name : null, 'org.media'));
          i = e - 1;
          continue;
        }
      }
    }
    // A company named in quotation marks: the Belgian company “Euroclear”.
    if (COMPANY_NOUNS.has(w.lower) && /^["“«]$/.test(words[i + 1]?.text ?? '') && capFree(i + 2)) {
      let e = i + 3;
      while (capFree(e)) e++;
      if (/^["”»]$/.test(words[e]?.text ?? '')) addOrg(ctx, { first: i + 2, last: e }, patternOrg(ctx.text.slice(words[i + 2].start, words[e - 1].end), null, 'org.company'));
    }
    // "the new Labour government": a party that governs.
    if (w.lower === 'government' && capFree(i - 1) && !isCountry(ctx.owner[i - 1]) && words[i - 1].pos === 'PROPN' && ['new', 'the', 'a'].includes(words[i - 2]?.lower ?? '')) {
      addOrg(ctx, { first: i - 1, last: i }, patternOrg(words[i - 1].text, null, 'org.party'));
    }
    // "Ukraine2EU, Ukraine's EU integration support program": a name given to a programme in apposition.
    if (capFree(i) && words[i + 1]?.text === ',' && /[A-Za-z]\d|\d[A-Za-z]|^[A-Z][a-z]+[A-Z]/.test(w.text)) {
      for (let k = i + 2; k < Math.min(words.length, i + 10); k++) {
        if (/^[,.;]$/.test(words[k].text)) break;
        if (LOWER_ORG_HEADS.has(words[k].lower) || words[k].lower === 'project') {
          addOrg(ctx, { first: i, last: i + 1 }, patternOrg(w.text, null, 'org.apposition'));
          break;
        }
      }
    }
  }
}

/** "Government of Japan", "the Norwegian Government": a state body named by the state alone is the state. */
function namesOnlyTheState(ctx: ArticleContext, span: Span, head: number): boolean {
  if (!stateBodyHeads.has(ctx.words[head].text)) return false;
  for (let k = span.first; k < span.last; k++) {
    if (k !== head && !isCountry(ctx.owner[k]) && !['of', 'the'].includes(ctx.words[k].lower)) return false;
  }
  return true;
}

const initialsOf = (name: string) => name.split(/[\s-]+/).filter((x) => /^\p{Lu}/u.test(x)).map((x) => x[0]).join('');

/** "… Association (IDA) …, contributions to the IDA": every later use of an acronym the article introduced is a mention of its body. */
function markAcronymMentions(ctx: ArticleContext): void {
  const byAcronym = new Map<string, OrgRecord>();
  for (const org of ctx.orgs.values()) if (org.acronym && org.rule !== 'org.lexicon') byAcronym.set(org.acronym, org);
  if (byAcronym.size === 0) return;
  ctx.words.forEach((w, k) => {
    const org = byAcronym.get(w.text);
    if (org && ctx.owner[k] === undefined && ctx.words[k - 1]?.text !== '(') addOrg(ctx, { first: k, last: k + 1 }, org);
  });
}

function startsSentenceCommonly(ctx: ArticleContext, i: number): boolean {
  const w = ctx.words[i];
  return (i === 0 || ctx.words[i - 1].sentence !== w.sentence) && w.pos !== 'PROPN' && !isAllCaps(w);
}

/** The capitalised run that ends at the head word `h`, with an "of/for X" complement. */
function headedRun(ctx: ArticleContext, h: number, capFree: (k: number) => boolean): Span | undefined {
  const words = ctx.words;
  let s = h;
  while (s > 0 && words[s - 1].sentence === words[h].sentence) {
    const prev = words[s - 1];
    // a headline's capitals ("$100 Million For Loss and Damage Fund") do not make an amount or a "For" part of the name
    if (prev.pos === 'NUM' || (prev.cap && prev.lower !== 'of' && prepositions.has(prev.lower))) break;
    if (capFree(s - 1) && !isPossessive(words[s])) s--;
    else if ((prev.text === '-' && !prev.spaced && capFree(s - 2)) || (['and', 'of', 'for'].includes(prev.lower) && capFree(s - 2) && s - 1 > 0)) s -= 2;
    else {
      const owner = ctx.owner[s - 1];
      // "Lithuanian Foreign Ministry", "Norwegian Ministry of Defence": a country word may open the name
      if (isCountry(owner)) s = owner.first;
      break;
    }
  }
  let e = h + 1;
  if ((words[e]?.lower === 'for' || words[e]?.lower === 'of') && words[e].sentence === words[h].sentence) {
    let k = e + 1;
    if (words[k]?.lower === 'the') k++;
    const startK = k;
    while (k < words.length && (capFree(k) || isCountry(ctx.owner[k]) || (['and', 'of'].includes(words[k].lower) && (capFree(k + 1) || isCountry(ctx.owner[k + 1]))))) k++;
    if (k > startK) e = k;
  }
  // A lone head ("the Council", "the Plan") is too vague to name an organization.
  const content = words.slice(s, e).filter((w) => isCap(w)).length;
  if (content < 2) return undefined;
  if (s === h && e === h + 1) return undefined;
  return { first: s, last: e };
}

function patternOrg(name: string, acronym: string | null, rule: string): Omit<OrgRecord, 'first'> {
  return { key: orgKey(name), name, acronym, kind: null, members: [], country: null, rule };
}

// ---------- person mentions ----------

/** Every later mention of a known person by full name or surname, for the relation rules. */
function markPersonMentions(ctx: ArticleContext): void {
  const bySurname = new Map<string, PersonRecord>();
  for (const p of ctx.persons) for (const a of p.aliases) bySurname.set(a.split(/\s+/).pop() ?? a, p);
  const words = ctx.words;
  for (let i = 0; i < words.length; i++) {
    if (ctx.owner[i] !== undefined) continue;
    const w = words[i];
    const p = bySurname.get(w.text);
    if (!p) continue;
    // extend left over the first names of a full mention
    let first = i;
    while (first > 0 && ctx.owner[first - 1] === undefined && p.name.toLowerCase().includes(words[first - 1].lower) && /\p{L}/u.test(words[first - 1].text)) first--;
    const m = { first, last: i + 1, person: p };
    ctx.personMentions.push(m);
    for (let k = first; k <= i; k++) ctx.owner[k] = m;
  }
}
