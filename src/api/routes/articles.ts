import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Extractor } from '../../ingest/extract.js';
import { ingestGiven } from '../../ingest/ingest-article.js';
import { deleteArticle } from '../../ledger/record.js';
import type { FactStore } from '../../store/index.js';
import { AppError } from '../errors.js';
import type { LedgerCache } from './ledger.js';

const publicationDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2024-01-01, or a month (2024-01) or a year (2024) when that is all that is known');
const NewArticle = z
  .object({
    text: z.string().min(1).max(5_000_000).optional().describe('plain text or HTML'),
    url: z.url({ protocol: /^https?$/, error: 'an http or https URL' }).optional().describe('with text: where the text was found, recorded and not fetched; alone: fetched with the same guards as the CLI'),
    published: publicationDate.optional().describe('without it the article is undated: its commitments are dated only by their own sentences'),
    source: z.string().max(200).optional(),
    title: z.string().max(500).optional(),
  })
  .refine((a) => a.text !== undefined || a.url !== undefined, { message: 'give the text (with its url if known) or a url to fetch', path: ['text'] });

export const FactSchema = z.object({
  id: z.number(), type: z.string(), data: z.record(z.string(), z.unknown()), start: z.number(), end: z.number(), evidence: z.string(), rule: z.string(),
  reviewStatus: z.string(), reviewedBy: z.string().nullable(), reviewedAt: z.string().nullable(),
});
const ArticleSummary = z.object({
  id: z.number(), title: z.string().nullable(), url: z.string().nullable(), source: z.string().nullable(), published: z.string().nullable(),
  storyId: z.number().nullable(), ingestedAt: z.string(),
});
const Deletion = z.object({ at: z.string(), by: z.string(), reason: z.string().nullable() }).nullable().describe('set when a reviewer deleted the article');
/** The text is data: it is sent as a JSON string, never as markup to render. */
const ArticleDetail = ArticleSummary.extend({ text: z.string(), language: z.string().nullable(), place: z.string().nullable(), facts: z.array(FactSchema), deleted: Deletion });

type FactRow = { id: number; type: string; data: string; start: number; end: number; evidence: string; rule: string; review_status: string; reviewed_by: string | null; reviewed_at: string | null; edited_data: string | null };
export const factOut = (f: FactRow) => ({
  id: f.id, type: f.type, data: JSON.parse(f.edited_data ?? f.data) as Record<string, unknown>, start: f.start, end: f.end, evidence: f.evidence, rule: f.rule,
  reviewStatus: f.review_status, reviewedBy: f.reviewed_by, reviewedAt: f.reviewed_at,
});

async function articleDetail(store: FactStore, id: number) {
  const a = await store.reader.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) return undefined;
  const facts = await store.reader.selectFrom('facts').selectAll().where('article_id', '=', id).orderBy('start').orderBy('id').execute();
  return {
    id: a.id, title: a.title, url: a.url, source: a.source, published: a.published, storyId: a.story_id, ingestedAt: a.ingested_at, text: a.text,
    language: a.language, place: a.place, facts: facts.map(factOut), deleted: a.deleted_at ? { at: a.deleted_at, by: a.deleted_by ?? '', reason: a.deleted_reason } : null,
  };
}

/**
 * An article can hold thousands of facts. Its detail is built from stored rows of a known shape,
 * so it is sent as JSON without the schema's second pass over every fact, which would hold the
 * event loop for a long article; the schema still documents the response.
 */
function sendDetail(reply: FastifyReply, detail: NonNullable<Awaited<ReturnType<typeof articleDetail>>>) {
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(detail));
}

export const articleRoutes = (store: FactStore, extract: Extractor, cache: LedgerCache): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/articles', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: { tags: ['articles'], summary: 'Ingest an article (text, HTML or URL); returns it with its facts', body: NewArticle, response: { 200: ArticleDetail, 201: ArticleDetail } },
  }, async (request, reply) => {
    const body = request.body;
    const outcome = await ingestGiven(store, extract, { text: body.text, url: body.url ?? null, published: body.published ?? null, source: body.source ?? null, title: body.title ?? null });
    if (outcome.status === 'failed') throw new AppError('ARTICLE_UNREADABLE', outcome.error);
    const detail = await articleDetail(store, outcome.articleId);
    if (!detail) throw new AppError('INTERNAL');
    return sendDetail(reply.status(outcome.status === 'ingested' ? 201 : 200), detail);
  });

  app.get('/api/articles', {
    config: { role: 'viewer' },
    schema: {
      tags: ['articles'], summary: 'Stored articles, newest first, paged by cursor',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.coerce.number().int().positive().optional() }),
      response: { 200: z.object({ items: z.array(ArticleSummary), nextCursor: z.number().nullable() }) },
    },
  }, async (request) => {
    let q = store.reader.selectFrom('articles').select(['id', 'title', 'url', 'source', 'published', 'story_id', 'ingested_at']).where('deleted_at', 'is', null).orderBy('id', 'desc').limit(request.query.limit + 1);
    if (request.query.cursor) q = q.where('id', '<', request.query.cursor);
    const rows = await q.execute();
    const page = rows.slice(0, request.query.limit);
    return {
      items: page.map((a) => ({ id: a.id, title: a.title, url: a.url, source: a.source, published: a.published, storyId: a.story_id, ingestedAt: a.ingested_at })),
      nextCursor: rows.length > request.query.limit ? page[page.length - 1].id : null,
    };
  });

  app.delete('/api/articles/:id', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: {
      tags: ['articles'], summary: 'Delete an article: it leaves lists, search and the ledger, and stays stored with who deleted it, when and why (logged)',
      params: z.object({ id: z.coerce.number().int().positive() }),
      body: z.object({ actor: z.string().min(1).max(120), reason: z.string().max(500).optional() }), response: { 200: ArticleDetail },
    },
  }, async (request, reply) => {
    const { actor, reason } = request.body;
    const deleted = await store.db.transaction().execute((trx) => deleteArticle(trx, request.params.id, { actor, reason: reason ?? null }, new Date()));
    if (!deleted) throw new AppError('NOT_FOUND', `no article ${request.params.id} that is not deleted already`);
    cache.invalidate();
    const detail = await articleDetail(store, request.params.id);
    return sendDetail(reply, detail!);
  });

  app.get('/api/articles/:id', {
    config: { role: 'viewer' },
    schema: { tags: ['articles'], summary: 'An article: normalized text and facts with offsets', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: ArticleDetail } },
  }, async (request, reply) => {
    const detail = await articleDetail(store, request.params.id);
    if (!detail) throw new AppError('NOT_FOUND', `no article ${request.params.id}`);
    return sendDetail(reply, detail);
  });
};
