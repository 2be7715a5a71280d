// Helpers the mention finders share: what counts as a name word, and the registry of organizations.
import type { Word } from '../../nlp/index.js';
import type { ArticleContext, OrgMention, OrgRecord, Span } from './context.js';
import { isCountry } from './context.js';

export const NOT_NAMES = new Set([
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

export const isCap = (w: Word) => w.cap;
export const isAllCaps = (w: Word) => w.cap && w.text.length > 1 && w.text === w.text.toUpperCase() && /\p{L}{2}/u.test(w.text);
export const isInitial = (w: Word) => w.cap && /^\p{Lu}\.$/u.test(w.text);
export const isPossessive = (w: Word | undefined) => w !== undefined && (w.lower === "'s" || w.lower === '’s' || w.lower === "'" || w.lower === '’');

export function addOrg(ctx: ArticleContext, span: Span, record: Omit<OrgRecord, 'first'>): void {
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

