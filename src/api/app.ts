// app.ts builds the Fastify application; server.ts listens. Tests use app.inject().
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { extractInThisThread, type Extractor } from '../ingest/extract.js';
import type { FactStore } from '../store/index.js';
import type { Role } from '../store/schema.js';
import { allows, FailedAuthThrottle, openModeRefusal, roleOfToken, tokenCount } from './auth.js';
import { AppError, ERRORS } from './errors.js';
import { LedgerCache, ledgerRoutes } from './routes/ledger.js';
import { articleRoutes } from './routes/articles.js';
import { factRoutes } from './routes/facts.js';
import { exportRoutes } from './routes/export.js';
import { entityRoutes } from './routes/entities.js';
import { tokenRoutes } from './routes/tokens.js';
import { proposalRoutes } from './routes/proposals.js';
import { failureRoutes } from './routes/failures.js';
import { watchRoutes } from './routes/watch.js';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ingestQueue } from '../queue/index.js';
import { pollNow, SOURCES_QUEUE, syncSchedulers } from '../watch/scheduler.js';

export interface AppOptions {
  store: FactStore;
  /** Largest request body, in bytes. */
  bodyLimit?: number;
  /** Write requests per minute per client. */
  writesPerMinute?: number;
  logger?: boolean | { level: string };
  /** Folder of the built web workbench (index.html and assets), served at `/` when it exists. */
  webRoot?: string;
  /** Runs the pipeline for posted articles; in the request's thread unless the server gives a worker pool. */
  extract?: Extractor;
  /** With Redis: the queue depth in /api/health, and sources scheduled as soon as they are added. */
  redis?: Redis | null;
}

/** Where `npm run build` puts the workbench, next to the compiled server. */
export const DEFAULT_WEB_ROOT = join(import.meta.dirname, '..', 'web');

/** The workbench runs only its own scripts: article text is data, and this stops any markup in it from running even if it slipped through. */
const WORKBENCH_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role that may call the route. */
    role?: Role;
    /** Refused in open mode: managing tokens over HTTP needs a token (the first one is made with the CLI). */
    tokenOnly?: boolean;
    /** The token may come as `?token=` (an Atom feed: feed readers send no headers). */
    queryToken?: boolean;
  }
  interface FastifyRequest {
    /** The caller's role: its token's, or admin in open mode (loopback only, no tokens yet). */
    role: Role | null;
  }
}

/** How long a checked token's role is trusted before it is looked up again (a revocation elsewhere takes this long). */
const TOKEN_CACHE_MS = 5_000;

/**
 * Open while no token exists, and then only to loopback Host and Origin headers; once a token
 * exists the server stays closed for its lifetime, and every route needs a token with its role.
 */
function installAccess(app: FastifyInstance, store: FactStore): { forgetTokens: () => void } {
  let tokensExist = false;
  const anyToken = async () => (tokensExist ||= (await tokenCount(store.reader)) > 0);
  const knownTokens = new Map<string, { role: Role; until: number }>();
  const throttle = new FailedAuthThrottle();
  app.decorateRequest('role', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const config = request.routeOptions.config;
    if (!(await anyToken())) {
      const refusal = openModeRefusal(request.headers.host, request.headers.origin);
      if (refusal) throw new AppError('FORBIDDEN_ORIGIN', `${ERRORS.FORBIDDEN_ORIGIN.message}: ${refusal}`);
      if (config.tokenOnly) throw new AppError('FORBIDDEN', 'no API token exists yet: create the first one with `pledgewatch token create --role admin`');
      request.role = 'admin';
      return;
    }
    if (!config.role) return;
    if (throttle.blocked(request.ip)) throw new AppError('RATE_LIMITED', 'too many failed sign-ins from this address; wait a minute');
    const inQuery = config.queryToken ? (request.query as { token?: unknown }).token : undefined;
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? (typeof inQuery === 'string' ? inQuery : undefined);
    if (!token) throw new AppError('UNAUTHORIZED');
    let known = knownTokens.get(token);
    if (!known || known.until < Date.now()) {
      const role = await roleOfToken(store.reader, token);
      known = role ? { role, until: Date.now() + TOKEN_CACHE_MS } : undefined;
      if (known && knownTokens.size < 10_000) knownTokens.set(token, known);
      else if (!known) knownTokens.delete(token);
    }
    if (!known) {
      throttle.fail(request.ip);
      throw new AppError('UNAUTHORIZED', 'unknown or revoked API token');
    }
    if (!allows(known.role, config.role)) throw new AppError('FORBIDDEN');
    request.role = known.role;
  });
  return { forgetTokens: () => knownTokens.clear() };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 6_000_000 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      info: { title: 'pledgewatch API', description: 'A reviewed, source-linked ledger of international support commitments.', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI's own CSP (hashes of its inline scripts), without forcing https on a loopback server
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, '') });
  await app.register(rateLimit, {
    global: false,
    max: options.writesPerMinute ?? 120,
    timeWindow: '1 minute',
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });

  app.setErrorHandler((err: unknown, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({ field: `${err.validationContext ?? ''}${v.instancePath.replace(/\//g, '.')}`, reason: v.message ?? 'invalid' }));
      return reply.status(400).send({ error: { code: 'VALIDATION', message: ERRORS.VALIDATION.message, fields } });
    }
    if (err instanceof AppError) return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } });
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message } });
    if (status === 429) return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message } });
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'VALIDATION', message: (err as Error).message } });
    }
    request.log.error(err);
    return reply.status(500).send({ error: { code: 'INTERNAL', message: ERRORS.INTERNAL.message } });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: ERRORS.NOT_FOUND.message } }));

  const access = installAccess(app, options.store);
  // every response, JSON included, is read as what its Content-Type says and nothing else
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
  });

  const ledgerCache = new LedgerCache(options.store);
  // writes through this server show in the ledger at once; writes elsewhere within the cache's version check
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET') ledgerCache.invalidate();
  });
  await app.register(ledgerRoutes(options.store, ledgerCache));
  await app.register(articleRoutes(options.store, options.extract ?? extractInThisThread, ledgerCache));
  await app.register(factRoutes(options.store));
  await app.register(exportRoutes(options.store));
  await app.register(entityRoutes(options.store));
  await app.register(proposalRoutes(options.store));
  await app.register(failureRoutes(options.store, options.extract ?? extractInThisThread));
  await app.register(tokenRoutes(options.store, access.forgetTokens));
  const redis = options.redis ?? null;
  const sourcesQueue = redis ? new Queue(SOURCES_QUEUE, { connection: redis }) : null;
  const articlesQueue = redis ? ingestQueue(redis) : null;
  app.addHook('onClose', async () => {
    await sourcesQueue?.close();
    await articlesQueue?.close();
  });
  const schedule = sourcesQueue && { sync: () => syncSchedulers(options.store, sourcesQueue), pollNow: (id: number) => pollNow(sourcesQueue, id) };
  await app.register(watchRoutes(options.store, { sourcesQueue: schedule, ingestQueue: articlesQueue }));
  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      // caching is set below, per file
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('Content-Security-Policy', WORKBENCH_CSP);
        // hashed asset names never change; index.html must be asked for again
        res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}
