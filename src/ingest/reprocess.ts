// Re-extracts stored articles after the extractor changed. Reviewed facts (accepted,
// rejected, edited) are kept with their review log; pending ones are replaced, and the
// ledger is folded again from the new facts (src/ledger/record.ts does the writing).
import { rerecordArticle } from '../ledger/record.js';
import { EXTRACTOR_VERSION, runPipeline } from '../pipeline/run-pipeline.js';
import type { FactStore } from '../store/index.js';

export interface ReprocessSummary {
  articles: number;
  failed: number;
}

export async function reprocessArticles(store: FactStore, options: { all?: boolean; now?: Date } = {}): Promise<ReprocessSummary> {
  const now = options.now ?? new Date();
  // a superseded revision keeps the facts it had: only the text now at its address is read again
  let q = store.db.selectFrom('articles').select(['id', 'text', 'published', 'language']).where('superseded_by', 'is', null).orderBy('id');
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
    await store.db.transaction().execute((trx) => rerecordArticle(trx, article, result, now));
    summary.articles++;
  }
  return summary;
}
