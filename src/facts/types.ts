import { z } from 'zod';
import { CATEGORIES, MEETING_KINDS, PERIODS, PROPOSAL_RESPONSES, PROPOSAL_STATUSES, STATUSES } from './vocabulary.js';

/** Where a fact is stated: `[start, end)` character offsets into the normalized text. */
export const EvidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  rule: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const PersonSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  role: z.string().nullable(),
  country: z.string().nullable(),
  evidence: EvidenceSchema,
});
export type Person = z.infer<typeof PersonSchema>;

export const CountryFactSchema = z.object({
  code: z.string().length(2),
  mentions: z.number().int().positive(),
  evidence: EvidenceSchema,
});
export type CountryFact = z.infer<typeof CountryFactSchema>;

export const OrganizationSchema = z.object({
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.string().nullable(),
  members: z.array(z.string()),
  evidence: EvidenceSchema,
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const QuoteSchema = z.object({
  speaker: z.string().nullable(),
  text: z.string(),
  direct: z.boolean(),
  cue: z.string().nullable(),
  /** The id of the rule that found the quote and its cue, and of the one that chose its speaker. */
  rules: z.object({ cue: z.string(), speaker: z.string() }),
  evidence: EvidenceSchema,
});
export type Quote = z.infer<typeof QuoteSchema>;

export { CATEGORIES, PERIODS, STATUSES, UNITS } from './vocabulary.js';
export type Period = (typeof PERIODS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Status = (typeof STATUSES)[number];

export const CommitmentSchema = z.object({
  donor: z.string().nullable(),
  recipient: z.string().nullable(),
  amount: z.number().nullable(),
  /** ISO 4217 code, `%GDP`, `units`, `troops`, or null when unquantified. */
  unit: z.string().nullable(),
  period: z.enum(PERIODS).nullable(),
  category: z.enum(CATEGORIES),
  status: z.enum(STATUSES),
  qualifier: z.string().nullable(),
  item: z.string().nullable(),
  /** The id of the rule that decided each field. */
  rules: z.object({ trigger: z.string(), donor: z.string(), recipient: z.string(), status: z.string(), category: z.string(), period: z.string() }),
  evidence: EvidenceSchema,
});
export type Commitment = z.infer<typeof CommitmentSchema>;

/** The id of the rule that decided each field of a fact (the patterns of src/lexicons/rules/ or a named default). */
export const SanctionRulesSchema = z.object({
  trigger: z.string(),
  imposer: z.string().nullable(),
  target: z.string().nullable(),
  count: z.string().nullable(),
});

export const SanctionSchema = z.object({
  imposer: z.string().nullable(),
  target: z.string().nullable(),
  measure: z.string(),
  count: z.number().nullable(),
  rules: SanctionRulesSchema,
  evidence: EvidenceSchema,
});
export type Sanction = z.infer<typeof SanctionSchema>;

export const MeetingRulesSchema = z.object({
  trigger: z.string(),
  participants: z.string(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  planned: z.string(),
});

export const MeetingSchema = z.object({
  participants: z.array(z.string()),
  place: z.string().nullable(),
  date: z.string().nullable(),
  kind: z.enum(MEETING_KINDS),
  planned: z.boolean(),
  rules: MeetingRulesSchema,
  evidence: EvidenceSchema,
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const ProposalRulesSchema = z.object({
  trigger: z.string(),
  proposer: z.string(),
  addressee: z.string().nullable(),
  status: z.string(),
});

/** One party's answer to a proposal, with the words that state it. */
export const ProposalResponseSchema = z.object({
  by: z.string().nullable(),
  response: z.enum(PROPOSAL_RESPONSES),
  evidence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  rule: z.string(),
});
export type ProposalResponse = z.infer<typeof ProposalResponseSchema>;

export const ProposalSchema = z.object({
  proposer: z.array(z.string()),
  addressee: z.string().nullable(),
  subject: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  responses: z.array(ProposalResponseSchema),
  rules: ProposalRulesSchema,
  evidence: EvidenceSchema,
});
export type Proposal = z.infer<typeof ProposalSchema>;

export interface ArticleFacts {
  persons: Person[];
  countries: CountryFact[];
  organizations: Organization[];
  quotes: Quote[];
  commitments: Commitment[];
  sanctions: Sanction[];
  meetings: Meeting[];
  proposals: Proposal[];
}

export const ArticleInputSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  url: z.string().nullish(),
  source: z.string().nullish(),
  published: z.string().nullish(),
  text: z.string({ error: 'text is required and must be a string' }),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;
