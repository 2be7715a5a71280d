// app.ts builds the Fastify application; server.ts listens. Tests use app.inject().
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FactStore } from '../store/index.js';
import type { Role } from '../store/schema.js';
import { allows, roleOfToken, tokenCount } from './auth.js';
import { AppError, ERRORS } from './errors.js';
import { LedgerCache, ledgerRoutes } from './routes/ledger.js';
import { articleRoutes } from './routes/articles.js';
import { factRoutes } from './routes/facts.js';
import { exportRoutes } from './routes/export.js';
import { entityRoutes } from './routes/entities.js';
import { tokenRoutes } from './routes/tokens.js';

export interface AppOptions {
  store: FactStore;
  /** Largest request body, in bytes. */
  bodyLimit?: number;
  /** Write requests per minute per client. */
  writesPerMinute?: number;
  logger?: boolean | { level: string };
  /** Folder of the built web workbench (index.html and assets), served at `/` when it exists. */
  webRoot?: string;
}

/** Where `npm run build` puts the workbench, next to the compiled server. */
export const DEFAULT_WEB_ROOT = join(import.meta.dirname, '..', 'web');

/** The workbench runs only its own scripts: article text is data, and this stops any markup in it from running even if it slipped through. */
const WORKBENCH_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role that may call the route. */
    role?: Role;
  }
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
  await app.register(swaggerUi, { routePrefix: '/docs' });
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

  // Access: open while no token exists (the server then only listens on loopback); else a bearer token with the route's role.
  // once a token exists the server stays closed (tokens are never removed); until then every request checks
  let tokensExist = false;
  const knownTokens = new Map<string, Role>();
  const anyToken = async () => (tokensExist ||= (await tokenCount(options.store.db)) > 0);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const needed = request.routeOptions.config.role;
    if (!needed) return;
    if (!(await anyToken())) return;
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new AppError('UNAUTHORIZED');
    // tokens never change role and are never removed: a known one is looked up once
    let role = knownTokens.get(token);
    if (!role) {
      role = await roleOfToken(options.store.db, token);
      if (role && knownTokens.size < 10_000) knownTokens.set(token, role);
    }
    if (!role) throw new AppError('UNAUTHORIZED', 'unknown API token');
    if (!allows(role, needed)) throw new AppError('FORBIDDEN');
  });

  const ledgerCache = new LedgerCache(options.store);
  // writes through this server show in the ledger at once; writes elsewhere within the cache's version check
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET') ledgerCache.invalidate();
  });
  await app.register(ledgerRoutes(options.store, ledgerCache));
  await app.register(articleRoutes(options.store));
  await app.register(factRoutes(options.store));
  await app.register(exportRoutes(options.store));
  await app.register(entityRoutes(options.store));
  await app.register(tokenRoutes(options.store));
  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      // caching is set below, per file
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('Content-Security-Policy', WORKBENCH_CSP);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        // hashed asset names never change; index.html must be asked for again
        res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}
