import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createToken, listTokens, revokeToken, ROLES } from '../auth.js';
import type { FactStore } from '../../store/index.js';
import { AppError } from '../errors.js';

const TokenInfo = z.object({ id: z.string(), name: z.string(), role: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });

/** Token management needs a token: the first one is created with the CLI, never over HTTP. */
export const tokenRoutes = (store: FactStore, forgetTokens: () => void): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/tokens', {
    config: { role: 'admin', tokenOnly: true, rateLimit: {} },
    schema: {
      tags: ['access'], summary: 'Create an API token (admins); the token is shown once, only its hash is kept',
      body: z.object({ role: z.enum(ROLES as ['viewer', 'reviewer', 'admin']), name: z.string().min(1).max(120) }),
      response: { 201: z.object({ token: z.string(), role: z.string(), name: z.string() }) },
    },
  }, async (request, reply) => {
    const token = await createToken(store.db, request.body.name, request.body.role);
    return reply.status(201).send({ token, role: request.body.role, name: request.body.name });
  });

  app.get('/api/tokens', {
    config: { role: 'admin', tokenOnly: true },
    schema: { tags: ['access'], summary: 'Every token by id, name and role, revoked ones included (admins)', response: { 200: z.object({ items: z.array(TokenInfo) }) } },
  }, async () => ({ items: await listTokens(store.db) }));

  app.delete('/api/tokens/:id', {
    config: { role: 'admin', tokenOnly: true, rateLimit: {} },
    schema: {
      tags: ['access'], summary: 'Revoke a token by its id (admins); it opens nothing from then on',
      params: z.object({ id: z.string() }),
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    if (!(await revokeToken(store.db, request.params.id))) throw new AppError('NOT_FOUND', `no unrevoked token ${request.params.id}`);
    forgetTokens();
    return reply.status(204).send(null);
  });
};
