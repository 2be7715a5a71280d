import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createToken, ROLES } from '../auth.js';
import type { FactStore } from '../../store/index.js';

export const tokenRoutes = (store: FactStore): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/tokens', {
    config: { role: 'admin', rateLimit: {} },
    schema: {
      tags: ['access'], summary: 'Create an API token (admins); the token is shown once, only its hash is kept',
      body: z.object({ role: z.enum(ROLES as ['viewer', 'reviewer', 'admin']), name: z.string().min(1).max(120) }),
      response: { 201: z.object({ token: z.string(), role: z.string(), name: z.string() }) },
    },
  }, async (request, reply) => {
    const token = await createToken(store.db, request.body.name, request.body.role);
    return reply.status(201).send({ token, role: request.body.role, name: request.body.name });
  });
};
