import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mergeRows, REVIEWABLE_STAGES, reviewStage, splitSource } from '../../ledger/commitments.js';
import { LEDGER_SORTS, ledgerHistory, ledgerRows, ledgerSummary } from '../../ledger/query.js';
import { monthlyFlows, totalsByDonorAndCategory } from '../../ledger/charts.js';
import { AppError } from '../errors.js';
import type { FactStore } from '../../store/index.js';
import { CATEGORIES, PERIODS } from '../../facts/types.js';
import { partyCode } from '../../lexicons/index.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2024-01-01');
export const LedgerQuery = z.object({
  donor: z.string().min(1).max(120).optional(),
  recipient: z.string().min(1).max(120).optional(),
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(REVIEWABLE_STAGES).optional().describe('a reported stage, or one a reviewer set'),
  period: z.enum(PERIODS).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  reviewed: z.enum(['only', 'all']).default('all'),
  'gdp-year': z.coerce.number().int().min(1990).max(2100).optional(),
  eu: z.enum(['as-donor', 'shared']).default('as-donor').describe('totals by donor: shared = the EU institutions\' commitments shared out to the member states by their GDP'),
});

const Source = z.object({
  factId: z.number(), articleId: z.number(), url: z.string().nullable(), publisher: z.string().nullable(), evidence: z.string(), stage: z.string(), announced: z.string().nullable(),
}).describe('one article revision at one address');
const Stage = z.object({
  stage: z.string(), date: z.string().nullable(), amount: z.number().nullable(), sources: z.number(),
  reviewed: z.object({ actor: z.string(), evidence: z.string(), at: z.string() }).optional(),
});
export const LedgerRowSchema = z.object({
  id: z.number(), donor: z.string().nullable(), recipient: z.string().nullable(), amount: z.number().nullable(), unit: z.string().nullable(),
  eur: z.number().nullable(), gdpShare: z.number().nullable(), period: z.string().nullable(), category: z.string(), status: z.string(),
  item: z.string().nullable(), announced: z.string().nullable(), announcedPrecision: z.enum(['day', 'month', 'year', 'unknown']),
  valuation: z.enum(['reported', 'estimate']).nullable(), delivered: z.number().nullable(), deliveredOn: z.string().nullable(),
  stages: z.array(Stage), sources: z.array(Source),
});
const PeriodTotal = z.object({ commitments: z.number(), eur: z.number(), gdpShare: z.number().nullable() });
const SummaryRowSchema = PeriodTotal.extend({ key: z.string(), byPeriod: z.object({ 'one-off': PeriodTotal, 'multi-year': PeriodTotal, annual: PeriodTotal }) });
const HistoryEntry = z.object({ id: z.number(), at: z.string(), action: z.string(), actor: z.string().nullable(), detail: z.record(z.string(), z.unknown()) });
const StageReview = z.object({
  stage: z.enum(REVIEWABLE_STAGES), evidence: z.string().min(1).max(4000).describe('the words or source that show it'), actor: z.string().min(1).max(120),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullish(), amount: z.number().nullish(),
});

export function filterOf(q: z.infer<typeof LedgerQuery>) {
  return {
    donor: partyCode(q.donor), recipient: partyCode(q.recipient), category: q.category, status: q.status, period: q.period, since: q.since, until: q.until,
    reviewedOnly: q.reviewed === 'only', gdpYear: q['gdp-year'], euShared: q.eu === 'shared',
  };
}

/**
 * Ledger responses are computed again only when the ledger changed: its newest row id and
 * update time (each an index lookup) mark a version, and a few seconds' age bounds what a
 * deletion elsewhere could hide. Bodies are kept serialized, and concurrent requests share
 * one computation.
 */
const VERSION_TTL_MS = 200;

export class LedgerCache {
  private readonly entries = new Map<string, { version: string; at: number; body: Promise<string> }>();

  constructor(private readonly store: FactStore, private readonly maxAgeMs = 5000, private readonly size = 500) {}

  private version: { value: string; at: number } | null = null;

  /** The ledger's version, read at most every `VERSION_TTL_MS`: a burst of reads costs the database nothing. */
  private async currentVersion(): Promise<string> {
    if (this.version && Date.now() - this.version.at < VERSION_TTL_MS) return this.version.value;
    // two queries: a database answers a lone max() from its index, not two together
    const id = await this.store.reader.selectFrom('ledger_commitments').select((eb) => eb.fn.max('id').as('v')).executeTakeFirst();
    const updated = await this.store.reader.selectFrom('ledger_commitments').select((eb) => eb.fn.max('updated_at').as('v')).executeTakeFirst();
    this.version = { value: `${id?.v ?? 0}|${updated?.v ?? ''}`, at: Date.now() };
    return this.version.value;
  }

  /** After a write through this server: the next read recomputes. */
  invalidate(): void {
    this.version = null;
    this.entries.clear();
  }

  async get(key: string, compute: () => Promise<unknown>): Promise<string> {
    const version = await this.currentVersion();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < this.maxAgeMs) return hit.body;
    const body = compute().then((value) => JSON.stringify(value));
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { version, at: Date.now(), body });
    body.catch(() => this.entries.delete(key));
    return body;
  }
}

/** Sends an already serialized JSON body: it was built from the same typed rows the schema describes. */
function sendJson(reply: FastifyReply, body: string) {
  return reply.type('application/json; charset=utf-8').send(body);
}

export const ledgerRoutes = (store: FactStore, cache: LedgerCache): FastifyPluginAsyncZod => async (app) => {

  app.get('/api/ledger/commitments', {
    config: { role: 'viewer' },
    schema: {
      tags: ['ledger'], summary: 'Folded commitments with EUR value, %GDP and sources, newest first, paged',
      querystring: LedgerQuery.extend({
        limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).default(0),
        sort: z.enum(LEDGER_SORTS).default('announced').describe('column to order by'), dir: z.enum(['asc', 'desc']).optional().describe('default: newest first for dates, else ascending'),
      }),
      response: { 200: z.array(LedgerRowSchema) },
    },
  }, async (request, reply) => {
    const body = await cache.get(request.url, () => ledgerRows(store.reader, {
      ...filterOf(request.query), limit: request.query.limit, offset: request.query.offset, sort: request.query.sort,
      descending: request.query.dir === undefined ? undefined : request.query.dir === 'desc',
    }));
    return sendJson(reply as unknown as FastifyReply, body);
  });

  app.get('/api/ledger/summary', {
    config: { role: 'viewer' },
    schema: {
      tags: ['ledger'], summary: 'Totals for charts: whole values (one-off, multi-year) added, annual figures apart (byPeriod); running totals left out unless period cumulative is asked for; undated rows under "undated" by month',
      querystring: LedgerQuery.extend({ by: z.enum(['donor', 'category', 'month']) }),
      response: { 200: z.array(SummaryRowSchema) },
    },
  }, async (request, reply) => {
    const body = await cache.get(request.url, () => ledgerSummary(store.reader, request.query.by, filterOf(request.query)));
    return sendJson(reply as unknown as FastifyReply, body);
  });

  app.get('/api/ledger/breakdown', {
    config: { role: 'viewer' },
    schema: {
      tags: ['ledger'], summary: 'Totals by donor and category in EUR, whole commitments only (yearly figures and running totals left out), for stacked charts',
      querystring: LedgerQuery,
      response: { 200: z.array(z.object({ donor: z.string().nullable(), category: z.string(), eur: z.number(), commitments: z.number() })) },
    },
  }, async (request, reply) => {
    const body = await cache.get(request.url, () => totalsByDonorAndCategory(store.reader, filterOf(request.query)));
    return sendJson(reply as unknown as FastifyReply, body);
  });

  app.get('/api/ledger/flows', {
    config: { role: 'viewer' },
    schema: {
      tags: ['ledger'], summary: 'Per month, the EUR committed (by announcement) and delivered (by delivery report, a partial delivery at its share), every month from the first to the last; whole commitments only',
      querystring: LedgerQuery,
      response: { 200: z.array(z.object({ month: z.string(), committed: z.number(), delivered: z.number() })) },
    },
  }, async (request, reply) => {
    const body = await cache.get(request.url, () => monthlyFlows(store.reader, filterOf(request.query)));
    return sendJson(reply as unknown as FastifyReply, body);
  });

  app.get('/api/ledger/commitments/:id/history', {
    config: { role: 'viewer' },
    schema: { tags: ['ledger'], summary: 'Every change to a ledger row (created, new source or address, stage, review, correction), oldest first', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: z.array(HistoryEntry) } },
  }, async (request) => {
    const history = await ledgerHistory(store.reader, request.params.id);
    if (!history) throw new AppError('NOT_FOUND', `no ledger commitment ${request.params.id}`);
    return history;
  });

  app.post('/api/ledger/commitments/:id/stage', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: {
      tags: ['ledger'], summary: 'Set a row\'s stage (cancelled, suspended, or a correction) with the evidence for it; later reports do not move it',
      params: z.object({ id: z.coerce.number().int().positive() }), body: StageReview, response: { 200: LedgerRowSchema },
    },
  }, async (request) => {
    const found = await store.db.transaction().execute((trx) => reviewStage(trx, request.params.id, request.body, new Date()));
    if (!found) throw new AppError('NOT_FOUND', `no ledger commitment ${request.params.id}`);
    cache.invalidate();
    const [row] = await ledgerRows(store.db, { id: request.params.id });
    return row;
  });

  app.post('/api/ledger/commitments/:id/merge', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: {
      tags: ['ledger'], summary: 'Join this row into another that is the same commitment: its sources, reviewed stages and history move there, and it is gone',
      params: z.object({ id: z.coerce.number().int().positive() }), body: z.object({ into: z.number().int().positive(), actor: z.string().min(1).max(120) }), response: { 200: LedgerRowSchema },
    },
  }, async (request) => {
    const { into, actor } = request.body;
    if (into === request.params.id) throw new AppError('VALIDATION', 'a row cannot be merged into itself', [{ field: 'body.into', reason: 'another row' }]);
    const merged = await store.db.transaction().execute((trx) => mergeRows(trx, request.params.id, into, actor, new Date()));
    if (!merged) throw new AppError('NOT_FOUND', `no ledger commitment ${request.params.id} or ${into}`);
    cache.invalidate();
    const [row] = await ledgerRows(store.db, { id: into });
    return row;
  });

  app.post('/api/ledger/commitments/:id/split', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: {
      tags: ['ledger'], summary: 'Take a source folded into this row wrongly off it: it becomes a row of its own; returns the new row',
      params: z.object({ id: z.coerce.number().int().positive() }), body: z.object({ factId: z.number().int().positive(), actor: z.string().min(1).max(120) }), response: { 201: LedgerRowSchema },
    },
  }, async (request, reply) => {
    const outcome = await store.db.transaction().execute((trx) => splitSource(trx, request.params.id, request.body.factId, request.body.actor, new Date()));
    if (!outcome.split && outcome.reason === 'missing') throw new AppError('NOT_FOUND', `fact ${request.body.factId} is not a source of ledger commitment ${request.params.id}`);
    if (!outcome.split) throw new AppError('VALIDATION', 'the row has no other source: there is nothing to split it from', [{ field: 'body.factId', reason: 'the only source of the row' }]);
    cache.invalidate();
    const [row] = await ledgerRows(store.db, { id: outcome.ledgerId });
    return reply.code(201).send(row);
  });
};
