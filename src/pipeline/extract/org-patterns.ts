// Organizations found by pattern: "Full Name (ACR)", proper-noun runs ending in an organizational head,
// a state's ministry or scheme, media cited as sources, companies named in quotation marks.
import { governmentNouns, ministryNouns, orgHeads, patterns, prepositions, stateBodyHeads, wordLists } from '../../lexicons/index.js';
import type { ArticleContext, OrgRecord, Span } from './context.js';
import { isCountry, isOrg } from './context.js';
import { addOrg, isAllCaps, isCap, isPossessive, NOT_NAMES, orgKey } from './mentions.js';
const LOWER_ORG_HEADS = wordLists.orgPatterns.lowerOrgHeads;
const MEDIA_BEFORE = wordLists.orgPatterns.mediaBefore;
const MEDIA_AFTER_PHRASES = [...wordLists.orgPatterns.mediaAfterPhrases];
/** Last words of the phrases that cite an outlet before its name ("conveyed by", "told", "news outlet"). */
const MEDIA_CUE_TAILS = wordLists.orgPatterns.mediaCueTails;
const COMPANY_NOUNS = wordLists.orgPatterns.companyNouns;

/** What every rule sees: the words, and which of them are still free to name an organization. */
interface Scan {
  ctx: ArticleContext;
  words: ArticleContext['words'];
  personWords: Set<number>;
  free(k: number): boolean;
  capFree(k: number): boolean;
}

/** A rule tried at word `i`: the index of the last word it took when it claims them, else undefined. */
type OrgRule = (scan: Scan, i: number) => number | undefined;

export function findPatternOrganizations(ctx: ArticleContext): void {
  const words = ctx.words;
  const personWords = new Set<number>();
  for (const p of ctx.persons) for (let k = p.first.first; k < p.first.last; k++) personWords.add(k);
  const free = (k: number) => ctx.owner[k] === undefined && !personWords.has(k);
  const capFree = (k: number) => words[k] !== undefined && free(k) && (isCap(words[k]) || /^\d/.test(words[k].text)) && !NOT_NAMES.has(words[k].lower);
  const scan: Scan = { ctx, words, personWords, free, capFree };
  for (let i = 0; i < words.length; i++) {
    // every rule starts at a capital, a digit, a bracket or one of a few lower-case heads: the other words are passed over
    const w = words[i];
    if (!w.cap && w.text !== '(' && !/^\d/.test(w.text) && !LOWER_CASE_STARTS.has(w.lower)) continue;
    let claimed: number | undefined;
    for (let r = 0; r < CLAIMING_RULES.length && claimed === undefined; r++) claimed = CLAIMING_RULES[r](scan, i);
    if (claimed !== undefined) {
      i = claimed;
      continue;
    }
    for (const rule of ADDING_RULES) rule(scan, i);
  }
}

/** "Full Name (ACR)": the acronym in parentheses names the run before it, or the body already found there. */
const acronymRule: OrgRule = ({ ctx, words, free, capFree }, i) => {
  if (words[i].text !== '(' || !/^[A-Z][A-Za-z0-9]{1,7}$/.test(words[i + 1]?.text ?? '') || words[i + 2]?.text !== ')') return undefined;
  const acr = words[i + 1].text;
  let s = i;
  while (s > 0 && (capFree(s - 1) || (wordLists.orgPatterns.acronymNameGlue.has(words[s - 1].lower) && capFree(s - 2)))) s--;
  if (s < i && free(i + 1)) {
    const name = ctx.text.slice(words[s].start, words[i - 1].end);
    const initials = initialsOf(name);
    if (initials.startsWith(acr[0]) && initials.length >= 2) {
      addOrg(ctx, { first: s, last: i + 3 }, patternOrg(`${name} (${acr})`, acr, 'org.acronym'));
      return i + 2;
    }
  }
  const named = ctx.owner[i - 1];
  const record = isOrg(named) ? ctx.orgs.get(named.key) : undefined;
  if (record && record.acronym === null && free(i + 1) && initialsOf(record.name).startsWith(acr[0])) {
    record.acronym = acr;
    return i + 2;
  }
  return undefined;
};

/** A party after a person's name: "Hanno Pevkur (Reform)". */
const partyAfterPersonRule: OrgRule = ({ ctx, words, personWords, capFree }, i) => {
  if (words[i].text !== '(' || !capFree(i + 1) || words[i + 2]?.text !== ')' || !personWords.has(i - 1) || isAllCaps(words[i + 1])) return undefined;
  addOrg(ctx, { first: i + 1, last: i + 2 }, patternOrg(words[i + 1].text, null, 'org.party'));
  return i;
};

/** "Operation Interflex" */
const operationRule: OrgRule = ({ ctx, words, capFree }, i) => {
  if ((words[i].text !== 'Operation' && words[i].text !== 'Mission') || !capFree(i) || !capFree(i + 1)) return undefined;
  addOrg(ctx, { first: i, last: i + 2 }, patternOrg(`${words[i].text} ${words[i + 1].text}`, null, 'org.operation'));
  return i + 1;
};

/** Proper-noun runs ending in an organizational head: "State Defence Council", "Energy Support Fund for Ukraine". */
const headedNameRule: OrgRule = ({ ctx, words, free, capFree }, i) => {
  if (!orgHeads.has(words[i].text) || !free(i)) return undefined;
  const span = headedRun(ctx, i, capFree);
  if (!span || namesOnlyTheState(ctx, span, i)) return undefined;
  addOrg(ctx, span, patternOrg(ctx.text.slice(words[span.first].start, words[span.last - 1].end), null, 'org.head'));
  return span.last - 1;
};

/** "China's foreign ministry": a state's ministry named through its possessive. */
const stateMinistryRule: OrgRule = ({ ctx, words, free }, i) => {
  if (!ministryNouns.has(words[i].text) || !free(i)) return undefined;
  let s = i;
  while (s > i - 3 && words[s - 1] && free(s - 1) && words[s - 1].text === words[s - 1].lower && /^(ADJ|NOUN)$/.test(words[s - 1].pos)) s--;
  const state = ctx.owner[s - 2];
  if (!isPossessive(words[s - 1]) || !isCountry(state) || state.form !== 'name') return undefined;
  addOrg(ctx, { first: state.first, last: i + 1 }, patternOrg(ctx.text.slice(words[state.first].start, words[i].end), null, 'org.state-ministry'));
  return i;
};

/** "Sberbank", "Promsvyazbank": one capitalised word ending in "bank" names a bank. */
const bankWordRule: OrgRule = ({ ctx, words, capFree }, i) => {
  if (!capFree(i) || !/^\p{Lu}\p{Ll}{2,}bank$/u.test(words[i].text)) return undefined;
  addOrg(ctx, { first: i, last: i + 1 }, { ...patternOrg(words[i].text, null, 'org.bank-word'), kind: 'bank' });
  return i;
};

/** "the Czech initiative", "the Czech-led initiative", "the Ukrainian energy support fund". */
const demonymSchemeRule: OrgRule = ({ ctx, words }, i) => {
  const w = words[i];
  if (!LOWER_ORG_HEADS.has(w.lower) || w.text !== w.lower) return undefined;
  let s = i;
  while (s > i - 4 && s > 0 && words[s - 1].pos === 'NOUN' && words[s - 1].text === words[s - 1].lower) s--;
  let d = s - 1;
  if (words[d]?.text === 'led' && words[d - 1]?.text === '-') d -= 2;
  const owner = ctx.owner[d];
  if (!isCountry(owner) || owner.form !== 'demonym') return undefined;
  const name = `${ctx.text.slice(words[owner.first].start, words[owner.last - 1].end)} ${ctx.text.slice(words[s].start, w.end)}`;
  addOrg(ctx, { first: s, last: i + 1 }, patternOrg(name, null, 'org.demonym-head'));
  return i;
};

/** Media cited as sources: "Politico reported", "as conveyed by UNN", "news outlet ABC". */
const mediaRule: OrgRule = ({ ctx, words, capFree }, i) => {
  const w = words[i];
  if (!capFree(i) || !(isAllCaps(w) || w.pos === 'PROPN')) return undefined;
  if (!MEDIA_BEFORE.has(words[i + 1]?.lower ?? '') && !MEDIA_CUE_TAILS.has(words[i - 1]?.lower ?? '') && !MEDIA_CUE_TAILS.has(words[i - 2]?.lower ?? '')) return undefined;
  let e = i + 1;
  while (capFree(e) && e - i < 4) e++;
  const next = words[e];
  const prevText = ctx.text.slice(Math.max(0, w.start - 20), w.start).toLowerCase();
  const cited = (next && MEDIA_BEFORE.has(next.lower)) || MEDIA_AFTER_PHRASES.some((p) => prevText.trimEnd().endsWith(p));
  const outlet = patterns.orgPatterns.outletNouns.test(prevText);
  if (!(cited || outlet) || startsSentenceCommonly(ctx, i)) return undefined;
  const name = ctx.text.slice(w.start, words[e - 1].end);
  if (ctx.persons.some((p) => p.aliases.has(name) || p.name === name)) return undefined;
  addOrg(ctx, { first: i, last: e }, patternOrg(name, isAllCaps(w) ? name : null, 'org.media'));
  return e - 1;
};

/** A company named in quotation marks: the Belgian company “Euroclear”. */
const quotedCompanyRule: OrgRule = ({ ctx, words, capFree }, i) => {
  if (!COMPANY_NOUNS.has(words[i].lower) || !/^["“«]$/.test(words[i + 1]?.text ?? '') || !capFree(i + 2)) return undefined;
  let e = i + 3;
  while (capFree(e)) e++;
  if (/^["”»]$/.test(words[e]?.text ?? '')) addOrg(ctx, { first: i + 2, last: e }, patternOrg(ctx.text.slice(words[i + 2].start, words[e - 1].end), null, 'org.company'));
  return undefined;
};

/**
 * A company named beside what it is: "drone maker Baykar", "the German arms maker Rheinmetall",
 * "Rheinmetall, the German arms maker": a business noun right before a free capitalised name, or after it past a comma.
 */
const namedBusinessRule: OrgRule = ({ ctx, words, capFree }, i) => {
  if (!wordLists.orgPatterns.businessNouns.has(words[i].lower) || words[i].text !== words[i].lower) return undefined;
  if (capFree(i + 1) && words[i + 1].pos === 'PROPN') {
    let e = i + 2;
    while (capFree(e) && e - i < 4) e++;
    addOrg(ctx, { first: i + 1, last: e }, patternOrg(ctx.text.slice(words[i + 1].start, words[e - 1].end), null, 'org.business-named'));
    return undefined;
  }
  // back over "the German arms" to ", " and the name before it
  let s = i - 1;
  while (s > 0 && i - s <= 4 && words[s].text !== ',' && (words[s].pos === 'ADJ' || words[s].pos === 'NOUN' || words[s].pos === 'DET' || isCountry(ctx.owner[s]))) s--;
  if (words[s]?.text !== ',' || !capFree(s - 1) || words[s - 1].pos !== 'PROPN' || capFree(s - 2)) return undefined;
  addOrg(ctx, { first: s - 1, last: s }, patternOrg(words[s - 1].text, null, 'org.business-apposition'));
  return undefined;
};

/** "the new Labour government": a party that governs. */
const governingPartyRule: OrgRule = ({ ctx, words, capFree }, i) => {
  if (words[i].lower !== 'government' || !capFree(i - 1) || isCountry(ctx.owner[i - 1]) || words[i - 1].pos !== 'PROPN') return undefined;
  if (wordLists.orgPatterns.partyDeterminers.has(words[i - 2]?.lower ?? '')) addOrg(ctx, { first: i - 1, last: i }, patternOrg(words[i - 1].text, null, 'org.party'));
  return undefined;
};

/** "Ukraine2EU, Ukraine's EU integration support program": a name given to a programme in apposition. */
const appositionNameRule: OrgRule = ({ ctx, words, capFree }, i) => {
  const w = words[i];
  if (!capFree(i) || words[i + 1]?.text !== ',' || !/[A-Za-z]\d|\d[A-Za-z]|^[A-Z][a-z]+[A-Z]/.test(w.text)) return undefined;
  for (let k = i + 2; k < Math.min(words.length, i + 10); k++) {
    if (/^[,.;]$/.test(words[k].text)) break;
    if (LOWER_ORG_HEADS.has(words[k].lower) || words[k].lower === 'project') {
      addOrg(ctx, { first: i, last: i + 1 }, patternOrg(w.text, null, 'org.apposition'));
      break;
    }
  }
  return undefined;
};

/** The lower-case words a rule may start at: heads of schemes, ministries, businesses and parties, and lower-case name heads ("plc"). */
const LOWER_CASE_STARTS = new Set([
  ...LOWER_ORG_HEADS, ...COMPANY_NOUNS, ...wordLists.orgPatterns.businessNouns, ...ministryNouns, ...governmentNouns,
  ...[...orgHeads].filter((h) => h === h.toLowerCase()),
]);

/** Rules that, when they claim words, end the look at word `i`; the others add what they find and let the rest look too. */
const CLAIMING_RULES: OrgRule[] = [acronymRule, partyAfterPersonRule, operationRule, headedNameRule, stateMinistryRule, bankWordRule, demonymSchemeRule, mediaRule];
const ADDING_RULES: OrgRule[] = [quotedCompanyRule, namedBusinessRule, governingPartyRule, appositionNameRule];

/** "Government of Japan", "the Norwegian Government": a state body named by the state alone is the state. */
function namesOnlyTheState(ctx: ArticleContext, span: Span, head: number): boolean {
  if (!stateBodyHeads.has(ctx.words[head].text)) return false;
  for (let k = span.first; k < span.last; k++) {
    if (k !== head && !isCountry(ctx.owner[k]) && !wordLists.orgPatterns.stateNameGlue.has(ctx.words[k].lower)) return false;
  }
  return true;
}

const initialsOf = (name: string) => name.split(/[\s-]+/).filter((x) => /^\p{Lu}/u.test(x)).map((x) => x[0]).join('');

/** "… Association (IDA) …, contributions to the IDA": every later use of an acronym the article introduced is a mention of its body. */
export function markAcronymMentions(ctx: ArticleContext): void {
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
    else if ((prev.text === '-' && !prev.spaced && capFree(s - 2)) || (wordLists.orgPatterns.nameGlue.has(prev.lower) && capFree(s - 2) && s - 1 > 0)) s -= 2;
    // "Donors’ Conference": a plural possessive opens the name
    else if (/^['’]$/.test(prev.text) && !prev.spaced && capFree(s - 2) && /s$/.test(words[s - 2].text)) s -= 2;
    else {
      // "Lithuanian Foreign Ministry", "Norwegian Ministry of Defence", "Japan-Ukraine Conference": a country word may open the name
      let owner = ctx.owner[s - 1];
      while (isCountry(owner)) {
        s = owner.first;
        const dash = words[s - 1];
        owner = dash?.text === '-' && !dash.spaced && !words[s].spaced ? ctx.owner[s - 2] : undefined;
      }
      break;
    }
  }
  let e = h + 1;
  if ((words[e]?.lower === 'for' || words[e]?.lower === 'of') && words[e].sentence === words[h].sentence) {
    let k = e + 1;
    if (words[k]?.lower === 'the') k++;
    const startK = k;
    // "Ministry of Defence of Ukraine and Ukroboronprom": a state closes the complement; "and" after it starts another name
    const joins = (k: number) => wordLists.orgPatterns.complementGlue.has(words[k].lower) && !(words[k].lower === 'and' && isCountry(ctx.owner[k - 1]));
    while (k < words.length && (capFree(k) || isCountry(ctx.owner[k]) || (joins(k) && (capFree(k + 1) || isCountry(ctx.owner[k + 1]))))) k++;
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

