import type { ArticleFacts, Evidence } from './types.js';

type Flat<T> = Omit<T, 'evidence'> & { evidence: string; start: number; end: number; rule: string };

function flat<T extends { evidence: Evidence }>(fact: T): Flat<T> {
  const { evidence, ...rest } = fact;
  return { ...rest, evidence: evidence.text, start: evidence.start, end: evidence.end, rule: evidence.rule };
}

/**
 * The `extract --jsonl` contract (FACTS.md): countries as ISO codes, every other fact with
 * its evidence text and `[start, end)` offsets into the normalized text.
 */
export function toContract(id: string | null, facts: ArticleFacts, extra: Record<string, unknown> = {}) {
  return {
    id,
    ...extra,
    persons: facts.persons.map(flat),
    countries: facts.countries.map((c) => c.code),
    // the contract keeps countries as codes (the scorer compares strings); how each was found stands beside them
    countryMentions: facts.countries.map((c) => ({ code: c.code, mentions: c.mentions, rule: c.evidence.rule, evidence: c.evidence.text, start: c.evidence.start, end: c.evidence.end })),
    organizations: facts.organizations.map(flat),
    quotes: facts.quotes.map(flat),
    commitments: facts.commitments.map(flat),
    sanctions: facts.sanctions.map(flat),
    meetings: facts.meetings.map(flat),
    proposals: facts.proposals.map(flat),
  };
}
