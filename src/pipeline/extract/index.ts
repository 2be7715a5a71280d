import type { ArticleFacts, CountryFact, Organization, Person } from '../../facts/types.js';
import type { ArticleContext } from './context.js';
import { evidenceOf } from './evidence.js';
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
  return [...ctx.orgs.values()].map((o) => ({
    name: o.name,
    acronym: o.acronym,
    kind: o.kind,
    members: o.members,
    evidence: evidenceOf(ctx, o.first, o.rule),
  }));
}
