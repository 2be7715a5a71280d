// Name words and the titles around them: what persons are read from ("Czech Prime Minister Petr Fiala").
import { complementWords, honorifics, MONTHS, nameParticles, orgHeads, titleHeads, titleModifiers, WEEKDAYS, wordLists } from '../../lexicons/index.js';
import type { ArticleContext, Span } from './context.js';
import { isCountry, isOrg } from './context.js';
import { isAllCaps, isCap, isInitial, NOT_NAMES } from './mentions.js';

export function isNameWord(ctx: ArticleContext, i: number): boolean {
  const w = ctx.words[i];
  if (!w || ctx.owner[i] !== undefined) return false;
  if (!isCap(w) && !isInitial(w)) return false;
  if (isAllCaps(w) && !isInitial(w)) return false;
  const lower = w.lower;
  // "Ministers said": a title, also in the plural, is no name
  if (NOT_NAMES.has(lower) || MONTHS.has(lower) || WEEKDAYS.has(lower) || titleHeads.has(lower) || titleHeads.has(lower.replace(/s$/, '')) || titleModifiers.has(lower)) return false;
  if (honorifics.has(lower) || orgHeads.has(w.text)) return false;
  return !/\d/.test(w.text);
}

/** The run of name words starting at `i` ("Ursula von der Leyen", "Jean-Noël Barrot"), or undefined. */
export function nameRunAt(ctx: ArticleContext, i: number, maxWords = 4): Span | undefined {
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
    // "Lai Ching-te", "Moon Jae-in": a lower-case syllable after a hyphen ends a given name ("Merz-led" does not)
    const syllable = words[j + 1];
    if (!w.spaced && w.text === '-' && syllable && !syllable.spaced && /^\p{Ll}{1,4}$/u.test(syllable.text) && !wordLists.persons.hyphenSuffixes.has(syllable.text)) {
      j += 2;
      break;
    }
    if (nameParticles.has(w.text) && w.spaced) {
      let k = j;
      while (k < words.length && nameParticles.has(words[k].text)) k++;
      // "Abdel Fattah al-Sissi"
      if (words[k]?.text === '-' && !words[k].spaced) k++;
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

export interface TitleSpan extends Span {
  country: string | null;
  organization: string | null;
}

/** A title phrase ending at or after the head word at `h`: "Deputy Prime Minister for … Integration and Justice Minister". */
export function titleAround(ctx: ArticleContext, h: number): TitleSpan {
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
    // "Ambassador Extraordinary and Plenipotentiary": modifiers may follow the head too
    if ((titleHeads.has(w.lower) || titleModifiers.has(w.lower)) && isCap(w) === isCap(words[h])) {
      last = ++j;
    } else if (isCountry(owner) && wordLists.persons.countryRoleGlue.has(words[j - 1].lower)) {
      country ??= owner.code;
      last = j = owner.last;
    } else if (isOrg(owner) && wordLists.persons.orgRoleGlue.has(words[j - 1].lower)) {
      organization ??= ctx.orgs.get(owner.key)?.name ?? null;
      last = j = owner.last;
    } else if (complementWords.has(w.lower)) {
      // "of", "for", "and" join a complement; only its capitalised words extend the title
      if (isCap(w)) last = j + 1;
      else if (!wordLists.persons.roleGlue.has(w.lower)) break;
      j++;
    } else if ((w.text === '-' || w.text === '–') && !w.spaced) {
      j++;
    } else break;
  }
  return { first, last, country, organization };
}
