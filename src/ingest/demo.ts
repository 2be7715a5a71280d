// The demo corpus shipped with the package: short articles written for it, loaded once.
import { join } from 'node:path';
import type { FactStore } from '../store/index.js';
import { ingestArticles } from './ingest-article.js';
import { readSources } from './sources.js';

export const DEMO_CORPUS = join(import.meta.dirname, '..', '..', 'examples', 'demo');

/** Ingests the demo articles; those already stored (same content) are skipped, so loading twice changes nothing. */
export async function loadDemoCorpus(store: FactStore): Promise<{ articles: number; ingested: number }> {
  const articles = [];
  for await (const item of readSources([DEMO_CORPUS])) if ('article' in item) articles.push(item.article);
  const outcomes = await ingestArticles(store, articles);
  return { articles: articles.length, ingested: outcomes.filter((o) => o.status === 'ingested').length };
}
