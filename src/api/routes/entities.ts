import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../store/schema.js';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { commitmentsThrough } from '../../ledger/organizations.js';
import type { FactStore } from '../../store/index.js';
import { searchWithContext } from '../../store/search.js';
import { AppError } from '../errors.js';
import { LedgerRowSchema } from './ledger.js';

const Id = z.object({ id: z.coerce.number().int().positive() });
const Mention = z.object({ factId: z.number(), articleId: z.number(), date: z.string().nullable().describe('the article’s publication date'), text: z.string(), evidence: z.string() });
const ListQuery = z.object({
  q: z.string().max(120).optional().describe('part of the name'),
  limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0),
});
const likeNeedle = (text: string) => `%${text.replace(/[%_]/g, '')}%`;

export const entityRoutes = (store: FactStore): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/persons', {
    config: { role: 'viewer' },
    schema: {
      tags: ['entities'], summary: 'Persons by name', querystring: ListQuery,
      response: { 200: z.array(z.object({ id: z.number(), name: z.string(), role: z.string().nullable(), country: z.string().nullable() })) },
    },
  }, async (request) => {
    let q = store.reader.selectFrom('persons').select(['id', 'name', 'role', 'country']).orderBy('name').limit(request.query.limit).offset(request.query.offset);
    if (request.query.q) q = q.where('name', 'like', likeNeedle(request.query.q));
    return q.execute();
  });

  app.get('/api/organizations', {
    config: { role: 'viewer' },
    schema: {
      tags: ['entities'], summary: 'Organizations and coalitions named in stored articles, those with most known member states first (all=true: every body of the lexicon too)',
      querystring: ListQuery.extend({ all: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.array(z.object({ id: z.number(), name: z.string(), acronym: z.string().nullable(), kind: z.string().nullable(), members: z.number(), articles: z.number() })) },
    },
  }, async (request) => {
    const articles = (eb: ExpressionBuilder<Database, 'organizations'>) =>
      eb.selectFrom('organization_mentions').select((m) => m.fn.countAll<number>().as('n')).whereRef('organization_mentions.organization_id', '=', 'organizations.id');
    const members = (eb: ExpressionBuilder<Database, 'organizations'>) =>
      eb.selectFrom('organization_members').select((m) => m.fn.countAll<number>().as('n')).whereRef('organization_members.organization_id', '=', 'organizations.id');
    let q = store.reader
      .selectFrom('organizations')
      .select(['organizations.id', 'organizations.name', 'organizations.acronym', 'organizations.kind', (eb) => members(eb).as('members'), (eb) => articles(eb).as('articles')])
      // coalitions and formats with known members first: they are what an analyst opens
      .orderBy('members', 'desc')
      .orderBy('articles', 'desc')
      .orderBy('organizations.name')
      .limit(request.query.limit)
      .offset(request.query.offset);
    if (request.query.all !== 'true') q = q.where((eb) => eb.exists(eb.selectFrom('organization_mentions').select('article_id').whereRef('organization_mentions.organization_id', '=', 'organizations.id')));
    if (request.query.q) q = q.where((eb) => eb.or([eb('organizations.name', 'like', likeNeedle(request.query.q!)), eb('organizations.acronym', 'like', likeNeedle(request.query.q!))]));
    return (await q.execute()).map((o) => ({ ...o, members: Number(o.members), articles: Number(o.articles) }));
  });

  app.get('/api/persons/:id', {
    config: { role: 'viewer' },
    schema: {
      tags: ['entities'], summary: 'A person with roles, quotes and meetings', params: Id,
      response: { 200: z.object({ id: z.number(), name: z.string(), country: z.string().nullable(), roles: z.array(z.string()), quotes: z.array(Mention), meetings: z.array(Mention) }) },
    },
  }, async (request) => {
    const person = await store.reader.selectFrom('persons').selectAll().where('id', '=', request.params.id).executeTakeFirst();
    if (!person) throw new AppError('NOT_FOUND', `no person ${request.params.id}`);
    const facts = await store.reader
      .selectFrom('facts')
      .innerJoin('articles', 'articles.id', 'facts.article_id')
      .select(['facts.id', 'facts.article_id', 'facts.type', 'facts.data', 'facts.evidence', 'articles.published'])
      .where('facts.type', 'in', ['person', 'quote', 'meeting'])
      .where('facts.review_status', 'not in', ['rejected', 'superseded', 'deleted'])
      .where('facts.data', 'like', likeNeedle(JSON.stringify(person.name).slice(1, -1)))
      .orderBy('articles.published')
      .orderBy('facts.id')
      .limit(500)
      .execute();
    const roles = new Set<string>();
    const quotes = [];
    const meetings = [];
    for (const f of facts) {
      const data = JSON.parse(f.data) as { name?: string; role?: string | null; speaker?: string | null; text?: string; participants?: string[] };
      if (f.type === 'person' && data.name === person.name && data.role) roles.add(data.role);
      if (f.type === 'quote' && data.speaker === person.name) quotes.push({ factId: f.id, articleId: f.article_id, date: f.published, text: data.text ?? '', evidence: f.evidence });
      if (f.type === 'meeting' && data.participants?.includes(person.name)) meetings.push({ factId: f.id, articleId: f.article_id, date: f.published, text: data.participants.filter((p) => p !== person.name).join(', '), evidence: f.evidence });
    }
    return { id: person.id, name: person.name, country: person.country, roles: [...roles], quotes, meetings };
  });

  app.get('/api/organizations/:id', {
    config: { role: 'viewer' },
    schema: {
      tags: ['entities'], summary: 'An organization with its member states and the commitments made through it: pledged by it as a group, or by a member in a sentence that names it', params: Id,
      response: {
        200: z.object({
          id: z.number(), name: z.string(), acronym: z.string().nullable(), kind: z.string().nullable(),
          members: z.array(z.object({ country: z.string(), source: z.string(), evidence: z.string().nullable() })), commitments: z.array(LedgerRowSchema),
        }),
      },
    },
  }, async (request) => {
    const org = await store.reader.selectFrom('organizations').selectAll().where('id', '=', request.params.id).executeTakeFirst();
    if (!org) throw new AppError('NOT_FOUND', `no organization ${request.params.id}`);
    const members = await store.reader.selectFrom('organization_members').select(['country', 'source', 'evidence']).where('organization_id', '=', org.id).orderBy('country').execute();
    const commitments = await commitmentsThrough(store.reader, org, members.map((m) => m.country));
    return { id: org.id, name: org.name, acronym: org.acronym, kind: org.kind, members, commitments };
  });

  app.get('/api/search', {
    config: { role: 'viewer' },
    schema: {
      tags: ['search'], summary: 'Full-text search over articles and quotes, and quotes by their speaker; copies of a quote listed once',
      querystring: z.object({ q: z.string().min(2).max(200), limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: {
        200: z.array(z.object({
          kind: z.enum(['article', 'quote']), id: z.number(), articleId: z.number(), snippet: z.string(), title: z.string().nullable(), source: z.string().nullable(),
          url: z.string().nullable(), published: z.string().nullable(), speaker: z.string().nullable(), copies: z.number().describe('other articles carrying the same quote'),
          marks: z.array(z.tuple([z.number(), z.number()])).describe('[start, end) of the words found, in the snippet'),
        })),
      },
    },
  }, async (request) => searchWithContext(store.reader, store.capabilities, request.query.q, request.query.limit));
};
