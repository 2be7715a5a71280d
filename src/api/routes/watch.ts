// The live tracker over HTTP: watched sources, webhook subscriptions with their delivery log, the
// ledger's changes (as JSON, and as an Atom feed a reader can follow with a token in its address),
// each reviewer's visits (what is new since the last one), and the health of it all.
import { z } from 'zod';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FactStore } from '../../store/index.js';
import { addSubscription, deliveriesOf, listSubscriptions, removeSubscription } from '../../watch/alerts.js';
import { atomFeed } from '../../watch/atom.js';
import { ChangeFilterSchema, latestChanges } from '../../watch/changes.js';
import { parseInterval } from '../../watch/interval.js';
import { recordVisit } from '../../watch/visits.js';
import { addSource, listSources, makeDue, removeSource, SourceExistsError, urlRefusal } from '../../watch/sources.js';
import { AppError } from '../errors.js';

const Source = z.object({
  id: z.number(), url: z.string(), name: z.string().nullable(), everySeconds: z.number(), allowPrivate: z.boolean(), createdAt: z.string(), nextFetchAt: z.string(),
  lastFetchAt: z.string().nullable(), lastSuccessAt: z.string().nullable(), lastError: z.string().nullable(), failures: z.number(), fetches: z.number(), itemsSeen: z.number(),
});
const Subscription = z.object({
  id: z.number(), name: z.string().nullable(), filters: ChangeFilterSchema, webhookUrl: z.string(), allowPrivate: z.boolean(), createdAt: z.string(),
  deliveries: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
});
const Change = z.object({
  id: z.number(), at: z.string(), kind: z.enum(['new', 'new-source', 'stage', 'amount', 'review']), action: z.string(), detail: z.record(z.string(), z.unknown()), actor: z.string().nullable(), summary: z.string(),
  commitment: z.object({ id: z.number(), donor: z.string().nullable(), recipient: z.string().nullable(), amount: z.number().nullable(), unit: z.string().nullable(), eur: z.number().nullable(), category: z.string(), status: z.string(), period: z.string().nullable(), item: z.string().nullable(), announced: z.string().nullable() }),
  article: z.object({ id: z.number(), url: z.string().nullable(), title: z.string().nullable() }).nullable(),
});
const id = z.object({ id: z.coerce.number().int().positive() });

export interface WatchRouteOptions {
  /** When polling goes through Redis: sources changed here are scheduled at once, and a poll asked for now is queued. */
  sourcesQueue?: { sync(): Promise<void>; pollNow(sourceId: number): Promise<void> } | null;
  /** The ingest queue, for its depth in /api/health. */
  ingestQueue?: Queue | null;
}

export const watchRoutes = (store: FactStore, o: WatchRouteOptions = {}): FastifyPluginAsyncZod => async (app) => {
  await app.register(sourceRoutes(store, o));
  await app.register(subscriptionRoutes(store));
  await app.register(changeRoutes(store, o));
};

const sourceRoutes = (store: FactStore, o: WatchRouteOptions): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/sources', {
    config: { role: 'reviewer' },
    schema: { tags: ['watch'], summary: 'The watched sources with their last fetch, next fetch, items seen and last error', response: { 200: z.object({ sources: z.array(Source) }) } },
  }, async () => ({ sources: await listSources(store.reader) }));

  app.post('/api/sources', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: {
      tags: ['watch'], summary: 'Watches a feed or page, polled every `every` (90s, 15m, 2h); a private or loopback address only with allowPrivate, which needs an admin token',
      body: z.object({ url: z.string().min(1).max(2000), every: z.string().default('15m'), name: z.string().max(200).nullish(), allowPrivate: z.boolean().default(false) }),
      response: { 201: Source },
    },
  }, async (request, reply) => {
    const { url, every, name, allowPrivate } = request.body;
    const ms = parseInterval(every);
    if (ms === null || ms < 1000) throw new AppError('VALIDATION', 'every must be an interval of at least a second, such as 90s, 15m or 2h', [{ field: 'body.every', reason: 'not an interval' }]);
    if (allowPrivate && request.role !== 'admin') throw new AppError('FORBIDDEN', 'watching a private or loopback address needs an admin token');
    const refusal = urlRefusal(url, allowPrivate);
    if (refusal) throw new AppError('VALIDATION', refusal, [{ field: 'body.url', reason: 'refused' }]);
    try {
      const source = await addSource(store.db, { url, name, everySeconds: Math.round(ms / 1000), allowPrivate }, new Date());
      await o.sourcesQueue?.sync();
      return reply.status(201).send(source);
    } catch (err) {
      if (err instanceof SourceExistsError) throw new AppError('CONFLICT', err.message);
      throw err;
    }
  });

  app.delete('/api/sources/:id', {
    config: { role: 'reviewer' },
    schema: { tags: ['watch'], summary: 'Stops watching a source; its articles stay in the ledger', params: id, response: { 200: Source } },
  }, async (request) => {
    const removed = await removeSource(store.db, request.params.id);
    if (!removed) throw new AppError('NOT_FOUND', `no watched source ${request.params.id}`);
    await o.sourcesQueue?.sync();
    return removed;
  });

  app.post('/api/sources/:id/fetch', {
    config: { role: 'reviewer' },
    schema: { tags: ['watch'], summary: 'Makes a source due now (a source backing off after errors is tried at once)', params: id, response: { 200: Source } },
  }, async (request) => {
    const source = await makeDue(store.db, request.params.id, new Date());
    if (!source) throw new AppError('NOT_FOUND', `no watched source ${request.params.id}`);
    await o.sourcesQueue?.pollNow(request.params.id);
    return source;
  });
};

const subscriptionRoutes = (store: FactStore): FastifyPluginAsyncZod => async (app) => {

  app.get('/api/subscriptions', {
    config: { role: 'reviewer' },
    schema: { tags: ['watch'], summary: 'Webhook subscriptions with their filters and delivery counts', response: { 200: z.object({ subscriptions: z.array(Subscription) }) } },
  }, async () => ({ subscriptions: await listSubscriptions(store.reader) }));

  app.post('/api/subscriptions', {
    config: { role: 'admin', rateLimit: {} },
    schema: {
      tags: ['watch'], summary: 'Posts every ledger change that matches the filters to a webhook, signed (the secret is returned once)',
      body: z.object({ webhookUrl: z.string().min(1).max(2000), name: z.string().max(200).nullish(), filters: ChangeFilterSchema.default({}), secret: z.string().min(16).max(200).optional(), allowPrivate: z.boolean().default(false) }),
      response: { 201: Subscription.extend({ secret: z.string() }) },
    },
  }, async (request, reply) => {
    const b = request.body;
    const refusal = urlRefusal(b.webhookUrl, b.allowPrivate);
    if (refusal) throw new AppError('VALIDATION', refusal, [{ field: 'body.webhookUrl', reason: 'refused' }]);
    return reply.status(201).send(await addSubscription(store.db, { name: b.name, filters: b.filters, webhookUrl: b.webhookUrl, secret: b.secret, allowPrivate: b.allowPrivate }, new Date()));
  });

  app.delete('/api/subscriptions/:id', {
    config: { role: 'admin' },
    schema: { tags: ['watch'], summary: 'Removes a subscription and its delivery log', params: id, response: { 200: z.object({ removed: z.number() }) } },
  }, async (request) => {
    if (!(await removeSubscription(store.db, request.params.id))) throw new AppError('NOT_FOUND', `no subscription ${request.params.id}`);
    return { removed: request.params.id };
  });

  app.get('/api/subscriptions/:id/deliveries', {
    config: { role: 'reviewer' },
    schema: {
      tags: ['watch'], summary: 'A subscription\'s latest deliveries, each with every attempt and the receiver\'s answer', params: id,
      response: { 200: z.object({ deliveries: z.array(z.object({ id: z.number(), changeId: z.number(), state: z.string(), attempts: z.number(), createdAt: z.string(), deliveredAt: z.string().nullable(), nextAttemptAt: z.string(), log: z.array(z.object({ at: z.string(), status: z.number().nullable(), error: z.string().nullable(), ms: z.number() })) })) }) },
    },
  }, async (request) => ({ deliveries: await deliveriesOf(store.reader, request.params.id) }));

};

const changeRoutes = (store: FactStore, o: WatchRouteOptions): FastifyPluginAsyncZod => async (app) => {
  const ChangeQuery = ChangeFilterSchema.extend({ since: z.string().datetime({ offset: true }).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

  app.get('/api/changes', {
    config: { role: 'viewer' },
    schema: { tags: ['watch'], summary: 'Ledger changes, newest first: new commitments, new sources, stages reached, amounts revised, reviews', querystring: ChangeQuery, response: { 200: z.object({ changes: z.array(Change) }) } },
  }, async (request) => {
    const { since, limit, ...filter } = request.query;
    return { changes: await latestChanges(store.reader, filter, limit, since && new Date(since).toISOString()) };
  });

  app.get('/api/ledger/feed.atom', {
    config: { role: 'viewer', queryToken: true },
    schema: {
      tags: ['watch'], summary: 'The ledger\'s changes for any filter as an Atom feed; feed readers send no headers, so a token goes in the address (?token=…)',
      querystring: ChangeFilterSchema.extend({ token: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    },
  }, async (request, reply) => {
    const { token: _token, limit, ...filter } = request.query;
    const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    const self = new URL(request.url, origin);
    self.searchParams.delete('token');
    const body = atomFeed(await latestChanges(store.reader, filter, limit), { selfUrl: self.toString(), origin, filter });
    return reply.type('application/atom+xml; charset=utf-8').send(body);
  });

  app.post('/api/visits', {
    config: { role: 'viewer' },
    schema: {
      tags: ['watch'], summary: 'Records a reviewer\'s visit; returns when the previous visit began (what changed since is new to them)',
      body: z.object({ reviewer: z.string().min(1).max(120) }), response: { 200: z.object({ reviewer: z.string(), previousAt: z.string().nullable(), currentAt: z.string() }) },
    },
  }, async (request) => recordVisit(store.db, request.body.reviewer, new Date()));

  app.get('/api/health', {
    config: { role: 'viewer' },
    schema: {
      tags: ['watch'], summary: 'Whether the database answers, the ingest queue\'s depth, sources due and failing with their last errors, alerts waiting',
      response: { 200: z.object({ status: z.enum(['ok', 'degraded']), database: z.object({ ok: z.boolean(), ms: z.number() }), queue: z.object({ waiting: z.number(), active: z.number(), delayed: z.number(), failed: z.number() }).nullable(), sources: z.object({ total: z.number(), due: z.number(), failing: z.number(), lastErrors: z.array(z.object({ id: z.number(), url: z.string(), error: z.string(), at: z.string().nullable() })) }), alerts: z.object({ pending: z.number(), failed: z.number() }) }) },
    },
  }, async () => health(store, o.ingestQueue ?? null));
};

async function health(store: FactStore, queue: Queue | null) {
  const started = Date.now();
  const now = new Date().toISOString();
  const sources = await listSources(store.reader);
  const deliveries = await store.reader.selectFrom('webhook_deliveries').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).where('state', '!=', 'delivered').groupBy('state').execute();
  const ms = Date.now() - started;
  let depth = null;
  let queueOk = true;
  if (queue) {
    try {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
      depth = { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
    } catch {
      queueOk = false;
    }
  }
  const failing = sources.filter((s) => s.lastError !== null);
  return {
    status: queueOk ? ('ok' as const) : ('degraded' as const),
    database: { ok: true, ms },
    queue: depth,
    sources: { total: sources.length, due: sources.filter((s) => s.nextFetchAt <= now).length, failing: failing.length, lastErrors: failing.slice(0, 20).map((s) => ({ id: s.id, url: s.url, error: s.lastError!, at: s.lastFetchAt })) },
    alerts: { pending: Number(deliveries.find((d) => d.state === 'pending')?.n ?? 0), failed: Number(deliveries.find((d) => d.state === 'failed')?.n ?? 0) },
  };
}
