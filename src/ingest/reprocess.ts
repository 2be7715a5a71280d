// Re-extracts stored articles after the extractor changed. Reviewed facts (accepted,
// rejected, edited) are kept with their review log; pending ones are replaced, and the
// ledger is re-folded from the new facts.
import { sql } from 'kysely';
import type { Commitment } from '../facts/types.js';
import { EXTRACTOR_VERSION, runPipeline } from '../pipeline/run-pipeline.js';
import type { FactStore } from '../store/index.js';
import { insertFacts } from '../store/repositories.js';
import { factsOf, foldCommitment, registerEntities } from './ingest-article.js';

export interface ReprocessSummary {
  articles: number;
  failed: number;
}

export async function reprocessArticles(store: FactStore, options: { all?: boolean; now?: Date } = {}): Promise<ReprocessSummary> {
  const now = options.now ?? new Date();
  let q = store.db.selectFrom('articles').select(['id', 'text', 'published', 'ingested_at']).orderBy('id');
  if (!options.all) q = q.where('extractor_version', '!=', EXTRACTOR_VERSION);
  const summary: ReprocessSummary = { articles: 0, failed: 0 };
  for (const article of await q.execute()) {
    let result;
    try {
      result = runPipeline({ text: article.text, published: article.published });
    } catch {
      summary.failed++;
      continue;
    }
    await store.db.transaction().execute(async (trx) => {
      const kept = await trx.selectFrom('facts').select(['type', 'start', 'end']).where('article_id', '=', article.id).where('review_status', '!=', 'pending').execute();
      const keptKeys = new Set(kept.map((f) => `${f.type}:${f.start}:${f.end}`));
      const pending = trx.selectFrom('facts').select('id').where('article_id', '=', article.id).where('review_status', '=', 'pending');
      await trx.deleteFrom('commitment_sources').where('fact_id', 'in', pending).execute();
      await trx.deleteFrom('facts').where('article_id', '=', article.id).where('review_status', '=', 'pending').execute();
      const facts = factsOf(result).filter((f) => !keptKeys.has(`${f.type}:${f.start}:${f.end}`));
      const ids = await insertFacts(trx, article.id, result.extractorVersion, facts);
      await registerEntities(trx, article.id, result);
      const announced = article.published ?? article.ingested_at.slice(0, 10);
      for (let i = 0; i < facts.length; i++) {
        if (facts[i].type === 'commitment') await foldCommitment(trx, ids[i], article.id, facts[i].data as unknown as Commitment, announced, now);
      }
      await trx.updateTable('articles').set({ extractor_version: result.extractorVersion }).where('id', '=', article.id).execute();
    });
    summary.articles++;
  }
  // a ledger commitment whose every source was re-extracted away is gone
  await store.db
    .deleteFrom('ledger_commitments')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('commitment_sources').select(sql`1`.as('one')).whereRef('commitment_sources.ledger_id', '=', 'ledger_commitments.id'))))
    .execute();
  return summary;
}
