import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FACT_TYPES, REVIEW_STATUSES } from '../../facts/vocabulary.js';
import { CommitmentSchema, CountryFactSchema, MeetingSchema, OrganizationSchema, PersonSchema, ProposalSchema, QuoteSchema, SanctionSchema, type Commitment } from '../../facts/types.js';
import { addFactByHand, refold, refoldProposal } from '../../ledger/record.js';
import type { ProposalFields } from '../../ledger/proposals.js';
import type { FactStore } from '../../store/index.js';
import type { Db, FactType } from '../../store/schema.js';
import { AppError } from '../errors.js';
import { FactSchema, factOut } from './articles.js';

const Review = z.object({
  action: z.enum(['accept', 'reject', 'edit', 'reopen']).describe('reopen: back to pending with the extracted data (undo)'),
  actor: z.string().min(1).max(120).describe('who reviews'),
  fields: z.record(z.string(), z.unknown()).optional().describe('corrected fields, with action edit'),
  copies: z.boolean().optional().describe('with accept: also accept the pending copies — the other reports folded into the same ledger row, or the same fact in other copies of the wire story'),
}).refine((r) => r.action !== 'edit' || (r.fields && Object.keys(r.fields).length > 0), { message: 'edit needs the corrected fields', path: ['fields'] });
/** The fields of each type of fact a reviewer writes: not the evidence, nor the rules that decided each field (the extractor's record). */
const fieldsOf = (schema: z.ZodObject<{ evidence: z.ZodType } & z.ZodRawShape>) =>
  schema.omit(Object.fromEntries(['evidence', 'rules'].filter((k) => k in schema.shape).map((k) => [k, true])) as { evidence: true }).strict();
const FIELDS = {
  person: fieldsOf(PersonSchema), country: fieldsOf(CountryFactSchema), organization: fieldsOf(OrganizationSchema), quote: fieldsOf(QuoteSchema),
  commitment: fieldsOf(CommitmentSchema), sanction: fieldsOf(SanctionSchema), meeting: fieldsOf(MeetingSchema), proposal: fieldsOf(ProposalSchema),
};

/** Checks a reviewer's fields: every one of them for a fact added by hand, any of them for an edit. */
function checkFields(type: string, fields: Record<string, unknown>, { complete }: { complete: boolean }): void {
  const schema = FIELDS[type as keyof typeof FIELDS];
  if (!schema) return;
  const result = (complete ? schema : schema.partial()).safeParse(fields);
  if (!result.success) {
    throw new AppError('VALIDATION', `the fields do not fit a ${type} fact`, result.error.issues.map((i) => ({ field: `fields.${i.path.join('.') || (i as { keys?: string[] }).keys?.join(',') || ''}`, reason: i.message })));
  }
}

const NewFact = z.object({
  type: z.enum(FACT_TYPES),
  start: z.number().int().nonnegative().describe('where the selection that states the fact starts in the article\'s text (its evidence)'),
  end: z.number().int().positive(),
  actor: z.string().min(1).max(120).describe('who adds it'),
  fields: z.record(z.string(), z.unknown()).describe('every field of the type, as in the fact model (without evidence or rule ids)'),
});

/**
 * The pending copies of a fact, reviewed with it: a commitment's are the other reports folded
 * into the same ledger row; any other fact's are the same type and fields in other copies of
 * the same wire story.
 */
async function pendingCopies(db: Db, fact: { id: number; type: FactType; data: string; article_id: number }) {
  const columns = ['facts.id', 'facts.data', 'facts.edited_data', 'facts.article_id', 'facts.evidence', 'articles.url', 'articles.source'] as const;
  if (fact.type === 'commitment') {
    return db
      .selectFrom('commitment_sources as mine')
      .innerJoin('commitment_sources as other', 'other.ledger_id', 'mine.ledger_id')
      .innerJoin('facts', 'facts.id', 'other.fact_id')
      .innerJoin('articles', 'articles.id', 'facts.article_id')
      .select(columns)
      .where('mine.fact_id', '=', fact.id)
      .where('facts.id', '!=', fact.id)
      .where('facts.review_status', '=', 'pending')
      .orderBy('facts.id')
      .execute();
  }
  return db
    .selectFrom('articles as mine')
    .innerJoin('articles', 'articles.story_id', 'mine.story_id')
    .innerJoin('facts', 'facts.article_id', 'articles.id')
    .select(columns)
    .where('mine.id', '=', fact.article_id)
    .where('articles.id', '!=', fact.article_id)
    .where('facts.type', '=', fact.type)
    .where('facts.data', '=', fact.data)
    .where('facts.review_status', '=', 'pending')
    .orderBy('facts.id')
    .execute();
}

/** Each fact of a page with its pending copies, as one review item; a fact already listed as an earlier one's copy is not an item of its own. */
async function asReviewItems<F extends { id: number; type: FactType; data: string; article_id: number }>(db: Db, page: F[]) {
  const listed = new Set<number>();
  const items: Array<F & { copies: Array<{ id: number; articleId: number; evidence: string; url: string | null; source: string | null }> }> = [];
  for (const f of page) {
    if (listed.has(f.id)) continue;
    const copies = await pendingCopies(db, f);
    for (const c of copies) listed.add(c.id);
    items.push({ ...f, copies: copies.map((c) => ({ id: c.id, articleId: c.article_id, evidence: c.evidence, url: c.url, source: c.source })) });
  }
  return items;
}

const Copy = z.object({ id: z.number(), articleId: z.number(), evidence: z.string(), url: z.string().nullable(), source: z.string().nullable() });

const HistoryEntry = z.object({ id: z.number(), action: z.string(), actor: z.string(), at: z.string(), before: z.unknown(), after: z.unknown() });

export const factRoutes = (store: FactStore): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/facts', {
    config: { role: 'viewer' },
    schema: {
      tags: ['facts'], summary: 'Facts, filtered and paged by cursor',
      querystring: z.object({
        type: z.enum(FACT_TYPES).optional(), status: z.enum(REVIEW_STATUSES).optional(), article: z.coerce.number().int().positive().optional(),
        person: z.string().min(2).max(120).optional(), country: z.string().regex(/^[A-Za-z]{2}$/).optional(),
        order: z.enum(['found', 'eur', 'newest', 'uncertain']).default('found').describe('found: as stored (paged by cursor); eur: the EUR at stake in the ledger row a fact folds into, largest first; newest: by the article\'s publication, newest first; uncertain: the facts with most fields the extractor guessed (a default, a carried-over party, a pronoun) first (the last three paged by offset)'),
        limit: z.coerce.number().int().min(1).max(500).default(100), cursor: z.coerce.number().int().positive().optional(), offset: z.coerce.number().int().min(0).default(0),
        group: z.enum(['none', 'story']).default('none').describe('story: with status pending, a fact and its pending copies (the other reports folded into its ledger row, or the same fact in the other copies of its wire story) are one item, the copies listed under it'),
      }),
      response: { 200: z.object({ items: z.array(FactSchema.extend({ articleId: z.number(), copies: z.array(Copy).optional() })), nextCursor: z.number().nullable(), nextOffset: z.number().optional().describe('with order eur or newest, when more follow') }) },
    },
  }, async (request) => {
    const q0 = request.query;
    let q = store.reader.selectFrom('facts').selectAll('facts').limit(q0.limit + 1);
    if (q0.type) q = q.where('facts.type', '=', q0.type);
    if (q0.status) q = q.where('facts.review_status', '=', q0.status);
    if (q0.article) q = q.where('facts.article_id', '=', q0.article);
    // names and codes are matched inside the fact's JSON, as written
    if (q0.person) q = q.where('facts.data', 'like', `%${JSON.stringify(q0.person).slice(1, -1).replace(/[%_]/g, '')}%`);
    if (q0.country) q = q.where('facts.data', 'like', `%"${q0.country.toUpperCase()}"%`);
    if (q0.order === 'eur') {
      q = q.leftJoin('commitment_sources', 'commitment_sources.fact_id', 'facts.id').leftJoin('ledger_commitments', 'ledger_commitments.id', 'commitment_sources.ledger_id')
        .orderBy('ledger_commitments.eur', (o) => o.desc().nullsLast()).orderBy('facts.id').offset(q0.offset);
    } else if (q0.order === 'uncertain') {
      q = q.orderBy('facts.uncertainty', 'desc').orderBy('facts.id').offset(q0.offset);
    } else if (q0.order === 'newest') {
      q = q.innerJoin('articles', 'articles.id', 'facts.article_id').orderBy('articles.published', (o) => o.desc().nullsLast()).orderBy('facts.id').offset(q0.offset);
    } else {
      q = q.orderBy('facts.id');
      if (q0.cursor) q = q.where('facts.id', '>', q0.cursor);
    }
    const rows = await q.execute();
    const page = rows.slice(0, q0.limit);
    // the cursor pages facts as found; the other orders page by offset
    const more = rows.length > q0.limit;
    const items = q0.group === 'story' && q0.status === 'pending'
      ? (await asReviewItems(store.reader, page)).map((f) => ({ ...factOut(f), articleId: f.article_id, copies: f.copies }))
      : page.map((f) => ({ ...factOut(f), articleId: f.article_id }));
    return { items, nextCursor: more && q0.order === 'found' ? page[page.length - 1].id : null, ...(more && q0.order !== 'found' ? { nextOffset: q0.offset + q0.limit } : {}) };
  });

  app.post('/api/facts/:id/review', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: {
      tags: ['facts'], summary: 'Accept, reject or edit a fact; logged with who and when', params: z.object({ id: z.coerce.number().int().positive() }), body: Review,
      response: { 200: FactSchema.extend({ copies: z.array(z.number()).describe('the ids of the copies accepted with it') }) },
    },
  }, async (request) => {
    const { action, actor, fields, copies } = request.body;
    const at = new Date().toISOString();
    const updated = await store.db.transaction().execute(async (trx) => {
      const fact = await trx.selectFrom('facts').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!fact) return undefined;
      if (action === 'edit' && fields) checkFields(fact.type, fields, { complete: false });
      const before = JSON.parse(fact.edited_data ?? fact.data) as Record<string, unknown>;
      const extracted = JSON.parse(fact.data) as Record<string, unknown>;
      const after = action === 'edit' ? { ...before, ...fields } : action === 'reopen' ? extracted : before;
      const status = ({ accept: 'accepted', reject: 'rejected', edit: 'edited', reopen: 'pending' } as const)[action];
      const editedData = action === 'edit' ? JSON.stringify(after) : action === 'reopen' ? null : fact.edited_data;
      await trx
        .updateTable('facts')
        .set({ review_status: status, reviewed_by: actor, reviewed_at: at, edited_data: editedData })
        .where('id', '=', fact.id)
        .execute();
      await trx.insertInto('review_log').values({ fact_id: fact.id, action, actor, at, before: JSON.stringify(before), after: JSON.stringify(after) }).execute();
      // the ledger follows the review: a rejected pledge leaves it, an edited or reopened one is folded again
      if (fact.type === 'commitment' && action !== 'accept') await refold(trx, fact, action === 'reject' ? null : (after as unknown as Commitment), new Date(at), actor);
      if (fact.type === 'proposal' && action !== 'accept') await refoldProposal(trx, fact, action === 'reject' ? null : (after as unknown as ProposalFields), new Date(at));
      const accepted = action === 'accept' && copies ? await pendingCopies(trx, fact) : [];
      for (const copy of accepted) {
        await trx.updateTable('facts').set({ review_status: 'accepted', reviewed_by: actor, reviewed_at: at }).where('id', '=', copy.id).execute();
        const data = JSON.stringify(JSON.parse(copy.edited_data ?? copy.data));
        await trx.insertInto('review_log').values({ fact_id: copy.id, action: 'accept', actor, at, before: data, after: JSON.stringify({ ...JSON.parse(data), acceptedWith: fact.id }) }).execute();
      }
      return { fact: await trx.selectFrom('facts').selectAll().where('id', '=', fact.id).executeTakeFirstOrThrow(), copies: accepted.map((c) => c.id) };
    });
    if (!updated) throw new AppError('NOT_FOUND', `no fact ${request.params.id}`);
    return { ...factOut(updated.fact), copies: updated.copies };
  });

  app.post('/api/articles/:id/facts', {
    config: { role: 'reviewer', rateLimit: {} },
    schema: {
      tags: ['facts'], summary: 'Add a fact the extractor missed, with a selection of the text as its evidence; stored as accepted, marked as added by the reviewer',
      params: z.object({ id: z.coerce.number().int().positive() }), body: NewFact, response: { 201: FactSchema },
    },
  }, async (request, reply) => {
    const { type, start, end, actor, fields } = request.body;
    checkFields(type, fields, { complete: true });
    const id = await store.db.transaction().execute(async (trx) => {
      try {
        return await addFactByHand(trx, request.params.id, { type, start, end, data: fields }, actor, new Date());
      } catch (err) {
        if (err instanceof RangeError) throw new AppError('VALIDATION', err.message, [{ field: 'end', reason: err.message }]);
        throw err;
      }
    });
    if (id === undefined) throw new AppError('NOT_FOUND', `no current article ${request.params.id}`);
    const fact = await store.db.selectFrom('facts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return reply.code(201).send(factOut(fact));
  });

  app.get('/api/facts/:id/history', {
    config: { role: 'viewer' },
    schema: { tags: ['facts'], summary: 'The review log of a fact, oldest first', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: z.array(HistoryEntry) } },
  }, async (request) => {
    const fact = await store.reader.selectFrom('facts').select('id').where('id', '=', request.params.id).executeTakeFirst();
    if (!fact) throw new AppError('NOT_FOUND', `no fact ${request.params.id}`);
    const log = await store.reader.selectFrom('review_log').selectAll().where('fact_id', '=', fact.id).orderBy('id').execute();
    return log.map((l) => ({ id: l.id, action: l.action, actor: l.actor, at: l.at, before: l.before ? JSON.parse(l.before) : null, after: l.after ? JSON.parse(l.after) : null }));
  });
};
