// Real article texts for the benchmarks that must measure on real news: the annotated dev
// corpus beside the project (../shared/corpus/dev), read at run time and never copied.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DEV = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'dev');

/** The dev articles ({id, url, source, published, text}) in file order; exits with a message when the corpus is not there. */
export function devArticles(bench) {
  if (!existsSync(DEV)) {
    console.error(`${bench} reads real articles from ${DEV}, which is not there`);
    process.exit(2);
  }
  return readdirSync(DEV)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const { id, url, source, published, text } = JSON.parse(readFileSync(join(DEV, f), 'utf8'));
      return { id, url, source, published, text };
    });
}

/**
 * `count` articles cycling through the dev articles, each copy made distinct (a URL and a closing
 * line of its own) so that no duplicate check short-cuts its storage: what a batch of real news
 * costs, not what a batch of repeats costs.
 */
export function distinctCopies(articles, count) {
  return Array.from({ length: count }, (_, i) => {
    const a = articles[i % articles.length];
    return { id: `${a.id}-${i}`, url: `https://bench.example.org/${i}/${a.id}`, source: a.source, published: a.published, text: `${a.text}\n\nBench copy ${i}.` };
  });
}

/** The articles as JSON lines, the input `extract --jsonl` and `ingest FILE.jsonl` read. */
export const asJsonLines = (articles) => `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`;
