// Proposals across articles: the list an analyst filters by party and status, and one
// proposal with its history from the report that put it forward to each answer.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PROPOSAL_STATUSES } from '../../facts/vocabulary.js';
import { proposalById, proposalRows } from '../../ledger/proposal-query.js';
import type { FactStore } from '../../store/index.js';
import { AppError } from '../errors.js';

const Answer = z.object({ by: z.string().nullable(), response: z.string(), at: z.string().nullable().describe('the first day it was reported') });
export const ProposalRowSchema = z.object({
  id: z.number(), proposer: z.array(z.string()), addressee: z.string().nullable(), subject: z.string(), status: z.enum(PROPOSAL_STATUSES),
  firstSeen: z.string().nullable(), lastSeen: z.string().nullable(), responses: z.array(Answer).describe('each party’s answers, once each'),
  evidence: z.string().nullable().describe('the words of the first report that state it'), sources: z.number().describe('articles that report it'), sourceUrls: z.array(z.string()),
});
const ProposalEvent = z.object({
  at: z.string().nullable(), kind: z.enum(['proposed', 'response']), party: z.string().nullable(), response: z.string().nullable(), status: z.string().describe('the status this step gives'),
  evidence: z.string(), start: z.number(), end: z.number(), factId: z.number(), articleId: z.number(), url: z.string().nullable(), title: z.string().nullable(), publisher: z.string().nullable(),
});

export const ProposalQuery = z.object({
  party: z.string().min(1).max(120).optional().describe('a party that proposed, was addressed or answered: an ISO code or a name'),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2024-01-01').optional().describe('reported on or after'),
});

export const proposalRoutes = (store: FactStore): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/proposals', {
    config: { role: 'viewer' },
    schema: {
      tags: ['proposals'], summary: 'Proposals across articles (ceasefires, peace plans, offers of talks), the latest reported first, with their status and answers',
      querystring: ProposalQuery.extend({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) }),
      response: { 200: z.object({ total: z.number(), items: z.array(ProposalRowSchema) }) },
    },
  }, async (request) => {
    const { party, status, since, limit, offset } = request.query;
    return proposalRows(store.reader, { party, status, since, limit, offset });
  });

  app.get('/api/proposals/:id', {
    config: { role: 'viewer' },
    schema: {
      tags: ['proposals'], summary: 'One proposal with its history: each report that puts it forward and each answer, oldest first, with its source',
      params: z.object({ id: z.coerce.number().int().positive() }),
      response: { 200: ProposalRowSchema.extend({ history: z.array(ProposalEvent) }) },
    },
  }, async (request) => {
    const proposal = await proposalById(store.reader, request.params.id);
    if (!proposal) throw new AppError('NOT_FOUND', `no proposal ${request.params.id}`);
    return proposal;
  });
};
