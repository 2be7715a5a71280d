// Persons from how the text introduces them: titles, appositions, speech verbs; then every later mention.
import { articles, honorifics, officeholderState, patterns, speechVerbs, titleHeads, titleModifiers, unnamedHeads, wordLists } from '../../lexicons/index.js';
import type { ArticleContext, PersonRecord, Span } from './context.js';
import { findMentionBefore, isCountry, isOrg } from './context.js';
import { isAllCaps, isCap, isPossessive } from './mentions.js';
import { isNameWord, nameRunAt, titleAround } from './names.js';

const INSTITUTION_TAILS = wordLists.persons.institutionTails;

// ---------- persons ----------

interface PersonCandidate {
  name: Span;
  role: Span | null;
  roleText?: string;
  country: string | null;
  organization?: string | null;
  rule: string;
}

export function findPersons(ctx: ArticleContext): void {
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
      if (words[n]?.text === ',' && words[n + 1] && isNameWord(ctx, n + 1) && (patterns.persons.counterpartWords.test(w.lower) || appositionName(ctx, n + 1))) n++;
      const name = nameRunAt(ctx, n);
      // "Official Security Assistance (OSA)": a name with an acronym after it is an organization's
      const acronymAfter = words[name?.last ?? -1]?.text === '(' && isAllCaps(words[(name?.last ?? 0) + 1] ?? words[0]) && words[(name?.last ?? 0) + 2]?.text === ')';
      if (name && words[n].spaced && !acronymAfter) {
        let country = title.country;
        if (country === null) country = possessiveCountry(ctx, title.first);
        take({ name, role: title, country, organization: title.organization, rule: 'person.title' });
        h = name.last - 1;
        continue;
      }
    }
    // Honorific: "Mr Healey".
    if (w.cap && honorifics.has(w.lower)) {
      const name = nameRunAt(ctx, w.text.endsWith('.') || words[h + 1]?.text !== '.' ? h + 1 : h + 2);
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
    // C: subject or object of a speech verb — "Budrys said", ", said Kaja Kallas", "confirmed Andrey Yermak,", and
    // "Erin Hutchinson, the aid group's Yemen chief, said".
    const verbAfter = speechVerbAfter(ctx, name.last) || (multi && after?.text === ',' && speechAfterApposition(ctx, name.last));
    const verbBefore = before !== undefined && speechVerbs.has(before.lemma) && (after === undefined || /^[,.;:]$/.test(after.text));
    const plausibleSingle = multi || words[i].pos === 'PROPN' || (words[i].pos === 'NOUN' && i > 0 && words[i - 1].sentence === words[i].sentence);
    // "Reports said", "Officials said": a plural common noun is no one's name
    const pluralNoun = !multi && ((words[i].pos === 'NOUN' && words[i].lemma !== words[i].lower) || unnamedHeads.has(words[i].lower));
    if ((verbAfter || verbBefore) && plausibleSingle && !pluralNoun && !isSentenceStartCommonWord(ctx, i, multi)) {
      take({ name, role: null, country: null, rule: 'person.speech' });
      i = name.last - 1;
      continue;
    }
    // E: someone met, hosted or called, or who meets: "met Andrii Sybiha", "talks with Mark Rutte", "Ana Rojas will meet"
    if (multi && words[i].pos === 'PROPN' && (meetingCueBefore(ctx, name.first) || meetingVerbAfter(ctx, name.last)) && !isSentenceStartCommonWord(ctx, i, multi)) {
      take({ name, role: null, country: null, rule: 'person.meeting' });
      i = name.last - 1;
      continue;
    }
    // D: "the Trump administration".
    if (!multi && after && INSTITUTION_TAILS.has(after.lower) && before?.lower === 'the' && words[i].pos === 'PROPN') {
      take({ name, role: null, country: null, rule: 'person.administration' });
    }
  }
  for (const c of listedUnderTitle(ctx)) take(c);
  registerPersons(ctx, candidates);
  // "President Trump", "Zelensky said": the press leaves the state of the best-known office holders unsaid
  for (const p of ctx.persons) p.country = officeholderState(p.name) ?? p.country;
}

/** "the Egyptian President, Abdel Fattah al-Sissi, and …": a name of two words or more set off by commas after a title. */
function appositionName(ctx: ArticleContext, k: number): boolean {
  const name = nameRunAt(ctx, k);
  if (!name || name.last - name.first < 2) return false;
  const after = ctx.words[name.last];
  return after === undefined || wordLists.persons.appositionEnds.has(after.text);
}

/**
 * "Defense Ministers Hanno Pevkur (Estonia), Andris Spruds (Latvia) and Dovile Sakaliene (Lithuania)", "the defence
 * ministers from each country: Hanno Pevkur from Estonia, …": names listed under a plural title share its office, each
 * with the state named beside it.
 */
function listedUnderTitle(ctx: ArticleContext): PersonCandidate[] {
  const words = ctx.words;
  const out: PersonCandidate[] = [];
  for (let h = 0; h < words.length; h++) {
    const w = words[h];
    // a plural title: "ministers", "Defense Ministers" (a tagger may leave a capitalised plural unlemmatised)
    const singular = w.lower.endsWith('s') ? w.lower.slice(0, -1) : null;
    if (!singular || !titleHeads.has(singular) || ctx.owner[h] !== undefined) continue;
    const title = titleAround(ctx, h);
    // the list starts right after the title, or after a colon a few words on
    let j = title.last;
    for (let k = j; k < Math.min(words.length, j + 6) && words[k].sentence === w.sentence; k++) if (words[k].text === ':') j = k + 1;
    const roleText = `${ctx.text.slice(words[title.first].start, words[h].start)}${w.text.slice(0, -1)}`;
    while (j < words.length && words[j].sentence === w.sentence) {
      const name = nameRunAt(ctx, j);
      if (!name || name.last - name.first < 2) break;
      let k = name.last;
      let country: string | null = null;
      const o = ctx.owner[k + 1];
      if ((words[k]?.text === '(' || wordLists.persons.listedCountryGlue.has(words[k]?.lower ?? '')) && isCountry(o) && o.form === 'name') {
        country = o.code;
        k = o.last + (words[k].text === '(' && words[o.last]?.text === ')' ? 1 : 0);
      }
      out.push({ name, role: title, roleText, country, rule: 'person.listed-under-title' });
      if (words[k]?.text === ',') k++;
      if (words[k]?.lower === 'and') k++;
      j = k;
    }
    h = Math.max(h, j - 1);
  }
  return out;
}

function isSentenceStartCommonWord(ctx: ArticleContext, i: number, multi: boolean): boolean {
  const w = ctx.words[i];
  const sentenceStart = i === 0 || ctx.words[i - 1].sentence !== w.sentence || /^["“‘«„(]$/.test(ctx.words[i - 1].text);
  return sentenceStart && !multi && w.pos !== 'PROPN';
}

/** A speech verb right after an apposition set off by commas from word `comma` on: ", the aid group's chief, said". */
function speechAfterApposition(ctx: ArticleContext, comma: number): boolean {
  const words = ctx.words;
  for (let k = comma + 2; k < words.length && k <= comma + 12 && words[k].sentence === words[comma].sentence; k++) {
    if (words[k].text === ',') return speechVerbAfter(ctx, k + 1);
    if (/^[.;:!?"“”(]$/.test(words[k].text) || words[k].pos === 'VERB') return false;
  }
  return false;
}

/** Word `j` follows a meeting verb, or `with` after one or after a meeting noun: "met X", "talks with X". */
function meetingCueBefore(ctx: ArticleContext, j: number): boolean {
  const words = ctx.words;
  const before = words[j - 1];
  if (!before || before.sentence !== words[j].sentence) return false;
  if (before.pos === 'VERB' && wordLists.persons.meetingVerbs.has(before.lemma)) return true;
  const cue = words[j - 2];
  return before.lower === 'with' && cue !== undefined && (wordLists.persons.meetingNounsBeforeWith.has(cue.lower) || (cue.pos === 'VERB' && wordLists.persons.meetingVerbs.has(cue.lemma)));
}

/** A meeting verb right after word `j - 1`, past a modal: "Ana Rojas met", "Ana Rojas will meet". */
function meetingVerbAfter(ctx: ArticleContext, j: number): boolean {
  const words = ctx.words;
  const k = words[j]?.pos === 'AUX' ? j + 1 : j;
  const w = words[k];
  return w !== undefined && w.sentence === words[j - 1].sentence && w.pos === 'VERB' && wordLists.persons.meetingVerbs.has(w.lemma);
}

function speechVerbAfter(ctx: ArticleContext, j: number): boolean {
  const words = ctx.words;
  let k = j;
  while (k < words.length && wordLists.persons.adverbsBeforeSpeech.has(words[k].lower)) k++;
  const w = words[k];
  if (!w || w.sentence !== words[j - 1].sentence) return false;
  if (!speechVerbs.has(w.lemma) && !speechVerbs.has(w.lower)) return false;
  // "Member states of NATO": a noun, whatever its tag
  if (words[k + 1]?.lower === 'of') return false;
  return w.pos === 'VERB' || w.pos === 'AUX' || /ed$|s$/.test(w.lower);
}

/** "the president’s chief national security adviser", "European Commissioner for Enlargement" after a comma. */
function appositionTitle(ctx: ArticleContext, j: number): { span: Span; country: string | null; organization: string | null } | undefined {
  const words = ctx.words;
  let k = j;
  if (words[k]?.lower === 'who' && words[k + 1]?.lower === 'is') k += 2;
  if (articles.has(words[k]?.lower ?? '')) k++;
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
/** `longer` names the same person as `shorter` with middle names added: same first and last word, the rest in order. */
function fullerForm(shorter: string[], longer: string[]): boolean {
  if (longer.length <= shorter.length || shorter.length < 2 || shorter[0] !== longer[0] || shorter.at(-1) !== longer.at(-1)) return false;
  let k = 0;
  for (const t of longer) if (t === shorter[k]) k++;
  return k === shorter.length;
}

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
      return (known.length >= tokens.length && tokens.every((t, i) => known[known.length - tokens.length + i] === t)) || fullerForm(known, tokens) || fullerForm(tokens, known);
    });
    const p = same ?? add(c, name);
    if (same) {
      // the fullest form in the text names the person: "Sultan Al Jaber", then "Sultan Ahmed Al Jaber"
      if (tokens.length > same.name.split(/\s+/).length && fullerForm(same.name.toLowerCase().split(/\s+/), tokens)) {
        same.aliases.add(same.name);
        same.name = name;
      }
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
    if (role && patterns.persons.counterpartRole.test(role)) c.roleText = lastRole ?? undefined;
    else if (role) lastRole = role;
  }
}

// ---------- person mentions ----------

/** Every later mention of a known person by full name or surname, for the relation rules. */
export function markPersonMentions(ctx: ArticleContext): void {
  // a surname may span several words ("Chia-lung", "al-Sissi"): it is filed under its first, and matched in full
  const bySurname = new Map<string, Array<{ surname: string; person: PersonRecord }>>();
  for (const p of ctx.persons) {
    for (const a of p.aliases) {
      const surname = a.split(/\s+/).pop() ?? a;
      const key = surname.split(/[-‑]/)[0];
      bySurname.set(key, [...(bySurname.get(key) ?? []), { surname, person: p }]);
    }
  }
  const words = ctx.words;
  for (let i = 0; i < words.length; i++) {
    if (ctx.owner[i] !== undefined) continue;
    const w = words[i];
    const hit = bySurname.get(w.text)?.find(({ surname }) => ctx.text.startsWith(surname, w.start) && !/[\p{L}\d]/u.test(ctx.text[w.start + surname.length] ?? ''));
    if (!hit) continue;
    let last = i + 1;
    while (last < words.length && words[last].end <= w.start + hit.surname.length) last++;
    // extend left over the first names of a full mention (whole words of the name: "and" is not in "Brandt")
    const nameWords = new Set(hit.person.name.toLowerCase().split(/\s+/));
    let first = i;
    while (first > 0 && ctx.owner[first - 1] === undefined && nameWords.has(words[first - 1].lower) && /\p{L}/u.test(words[first - 1].text)) first--;
    const m = { first, last, person: hit.person };
    ctx.personMentions.push(m);
    for (let k = first; k < last; k++) ctx.owner[k] = m;
    i = last - 1;
  }
}
