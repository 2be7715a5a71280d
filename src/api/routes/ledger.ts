import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LEDGER_SORTS, ledgerRows, ledgerSummary } from '../../ledger/query.js';
import type { FactStore } from '../../store/index.js';
import { CATEGORIES, PERIODS, STATUSES } from '../../facts/types.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2024-01-01');
export const LedgerQuery = z.object({
  donor: z.string().min(1).max(120).optional(),
  recipient: z.string().min(1).max(120).optional(),
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(STATUSES).optional(),
  period: z.enum(PERIODS).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  reviewed: z.enum(['only', 'all']).default('all'),
  'gdp-year': z.coerce.number().int().min(1990).max(2100).optional(),
});

const Source = z.object({ articleId: z.number(), url: z.string().nullable(), evidence: z.string() });
export const LedgerRowSchema = z.object({
  id: z.number(), donor: z.string().nullable(), recipient: z.string().nullable(), amount: z.number().nullable(), unit: z.string().nullable(),
  eur: z.number().nullable(), gdpShare: z.number().nullable(), period: z.string().nullable(), category: z.string(), status: z.string(),
  item: z.string().nullable(), announced: z.string().nullable(), sources: z.array(Source),
});

export function filterOf(q: z.infer<typeof LedgerQuery>) {
  const code = (v: string | undefined) => (v && /^[a-z]{2}$/.test(v) ? v.toUpperCase() : v);
  return {
    donor: code(q.donor), recipient: code(q.recipient), category: q.category, status: q.status, period: q.period, since: q.since, until: q.until,
    reviewedOnly: q.reviewed === 'only', gdpYear: q['gdp-year'],
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
      tags: ['ledger'], summary: 'Totals for charts (running totals, period cumulative, left out unless that period is asked for)',
      querystring: LedgerQuery.extend({ by: z.enum(['donor', 'category', 'month']) }),
      response: { 200: z.array(z.object({ key: z.string(), commitments: z.number(), eur: z.number(), gdpShare: z.number().nullable() })) },
    },
  }, async (request, reply) => {
    const body = await cache.get(request.url, () => ledgerSummary(store.reader, request.query.by, filterOf(request.query)));
    return sendJson(reply as unknown as FastifyReply, body);
  });
};
