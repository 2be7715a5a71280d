// The inputs that could not be stored, and the articles refused as not English, for the
// workbench's list; a reviewer retries a failed one once its cause is fixed.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Extractor } from '../../ingest/extract.js';
import { failureInput, openFailures, resolveFailure } from '../../ingest/failures.js';
import { ingestArticle, ingestGiven } from '../../ingest/ingest-article.js';
import type { FactStore } from '../../store/index.js';
import { AppError } from '../errors.js';

const Failure = z.object({
  id: z.number(), label: z.string(), url: z.string().nullable(), hasText: z.boolean().describe('the text was kept: a retry extracts it again; else a retry fetches the URL again'),
  reason: z.string(), firstAt: z.string(), lastAt: z.string(), attempts: z.number(),
});
const Refused = z.object({ articleId: z.number(), title: z.string().nullable(), url: z.string().nullable(), language: z.string().nullable(), ingestedAt: z.string() });

export const failureRoutes = (store: FactStore, extract: Extractor): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/ingest/failures', {
    config: { role: 'viewer' },
    schema: {
      tags: ['ingest'], summary: 'Inputs that could not be stored (unreadable, refused address, timed out), the latest first, and the articles stored without facts because they are not in English',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
      response: { 200: z.object({ failures: z.array(Failure), refused: z.array(Refused) }) },
    },
  }, async (request) => {
    const refused = await store.reader.selectFrom('articles').select(['id', 'title', 'url', 'language', 'ingested_at'])
      .where((eb) => eb.or([eb('language', 'is', null), eb('language', '!=', 'en')])).where('deleted_at', 'is', null).where('superseded_by', 'is', null)
      .orderBy('id', 'desc').limit(request.query.limit).execute();
    return {
      failures: await openFailures(store.reader, request.query.limit),
      refused: refused.map((a) => ({ articleId: a.id, title: a.title, url: a.url, language: a.language, ingestedAt: a.ingested_at })),
    };
  });

  app.post('/api/ingest/failures/:id/retry', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: {
      tags: ['ingest'], summary: 'Tries a failed input again: its kept text, or its URL fetched again; stored, the failure is resolved; failing, it counts one attempt more with the new reason (422)',
      params: z.object({ id: z.coerce.number().int().positive() }),
      response: { 200: z.object({ articleId: z.number(), status: z.enum(['ingested', 'duplicate']) }) },
    },
  }, async (request) => {
    const kept = await failureInput(store.reader, request.params.id);
    if (!kept) throw new AppError('NOT_FOUND', `no open failure ${request.params.id}`);
    // a failure records itself again when it fails again: the same entry, one attempt more
    const outcome = kept.input ? await ingestArticle(store, kept.input, new Date(), extract) : await ingestGiven(store, extract, { url: kept.url });
    if (outcome.status === 'failed') throw new AppError('ARTICLE_UNREADABLE', outcome.error);
    await resolveFailure(store.db, request.params.id, outcome.articleId, new Date());
    return { articleId: outcome.articleId, status: outcome.status };
  });
};
