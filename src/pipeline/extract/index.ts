import type { ArticleFacts, CountryFact, Organization, Person } from '../../facts/types.js';
import type { ArticleContext } from './context.js';
import { evidenceOf } from './evidence.js';
import { wordLists } from '../../lexicons/index.js';
import { extractQuotes } from './quotes.js';
import { extractCommitments } from './commitments.js';
import { extractSanctions } from './sanctions.js';
import { extractMeetings } from './meetings.js';
import { extractProposals } from './proposals.js';

export { buildContext } from './entities.js';

/** Every fact of an article, from its mention registry. */
export function extractFacts(ctx: ArticleContext): ArticleFacts {
  const quotes = extractQuotes(ctx);
  const commitments = extractCommitments(ctx);
  return {
    persons: persons(ctx),
    countries: countryFacts(ctx),
    organizations: organizationFacts(ctx),
    quotes,
    commitments,
    sanctions: extractSanctions(ctx),
    // a pledging conference takes its donors from the commitments
    meetings: extractMeetings(ctx, commitments),
    proposals: extractProposals(ctx),
  };
}

function persons(ctx: ArticleContext): Person[] {
  return ctx.persons.map((p) => ({
    name: p.name,
    aliases: [...p.aliases].filter((a) => a !== p.name),
    role: p.role,
    country: p.country,
    evidence: evidenceOf(ctx, p.first, p.rule),
  }));
}

/** A mention that credits the story: alone on its line (after "By", "Source:"), or in parentheses before a dash. */
function isCredit(ctx: ArticleContext, m: { first: number; last: number }): boolean {
  const text = ctx.text;
  const start = ctx.words[m.first].start;
  const end = ctx.words[m.last - 1].end;
  if (text[start - 1] === '(' && text[end] === ')' && /^\)\s*[-–—]/.test(text.slice(end, end + 4))) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(lineStart, start).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const after = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  return /^[\s.:©]*$/.test(after) && before.every((w) => wordLists.orgPatterns.creditLeads.has(w));
}

function countryFacts(ctx: ArticleContext): CountryFact[] {
  const byCode = new Map<string, CountryFact>();
  for (const m of ctx.countryMentions) {
    if (m.venue) continue;
    const fact = byCode.get(m.code);
    if (fact) fact.mentions++;
    else byCode.set(m.code, { code: m.code, mentions: 1, evidence: evidenceOf(ctx, m, `country.${m.form}`) });
  }
  return [...byCode.values()];
}

function organizationFacts(ctx: ArticleContext): Organization[] {
  // an agency credited for the story ("(Reuters) -", "By The Associated Press") is a byline, not a mention
  const media = new Set([...ctx.orgs.values()].filter((o) => o.kind === 'media').map((o) => o.key));
  const cited = new Set(ctx.orgMentions.filter((m) => media.has(m.key) && !isCredit(ctx, m)).map((m) => m.key));
  return [...ctx.orgs.values()].filter((o) => o.kind !== 'media' || cited.has(o.key)).map((o) => ({
    name: o.name,
    acronym: o.acronym,
    kind: o.kind,
    members: o.members,
    evidence: evidenceOf(ctx, o.first, o.rule),
  }));
}
