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
