// Helpers the mention finders share: what counts as a name word, and the registry of organizations.
import type { Word } from '../../nlp/index.js';
import type { ArticleContext, OrgMention, OrgRecord, Span } from './context.js';
import { isCountry } from './context.js';
import { wordLists } from '../../lexicons/index.js';

export const NOT_NAMES = wordLists.mentions.notNames;

export const isCap = (w: Word) => w.cap;
export const isAllCaps = (w: Word) => w.cap && w.text.length > 1 && w.text === w.text.toUpperCase() && /\p{L}{2}/u.test(w.text);
export const isInitial = (w: Word) => w.cap && /^\p{Lu}\.$/u.test(w.text);
export const isPossessive = (w: Word | undefined) => w !== undefined && (w.lower === "'s" || w.lower === '’s' || w.lower === "'" || w.lower === '’');

export function addOrg(ctx: ArticleContext, span: Span, record: Omit<OrgRecord, 'first'>): void {
  for (let k = span.first; k < span.last; k++) if (ctx.owner[k] && !isCountry(ctx.owner[k])) return;
  const key = record.rule === 'org.lexicon' ? record.key : (sameOrgNamedOtherwise(ctx, record.name) ?? orgKey(record.name));
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

/**
 * The key of an organization already named in a shorter or a longer form with the same head: "the
 * Donors’ Conference" and "the International Donors’ Conference" are one. The record keeps the
 * longer name.
 */
function sameOrgNamedOtherwise(ctx: ArticleContext, name: string): string | undefined {
  const words = orgKey(name).split(' ');
  const head = name.split(/\s+/).pop()?.toLowerCase();
  if (words.length < 2 || !head) return undefined;
  for (const org of ctx.orgs.values()) {
    if (org.rule === 'org.lexicon' || org.name.split(/\s+/).pop()?.toLowerCase() !== head) continue;
    const known = org.key.split(' ');
    if (known.length < 2 || known.length === words.length) continue;
    const [shorter, longer] = known.length < words.length ? [known, words] : [words, known];
    if (!shorter.every((w) => longer.includes(w))) continue;
    if (longer === words) org.name = name;
    return org.key;
  }
  return undefined;
}

/** Two names of one organization share their content words ("Growth Plan for Moldova" = "Moldova Growth Plan"). */
export function orgKey(name: string): string {
  const bare = name.replace(/\([^)]*\)/g, ' ');
  const words = bare.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
  return [...new Set(words.filter((w) => !wordLists.mentions.nameFunctionWords.has(w)))].sort().join(' ');
}

