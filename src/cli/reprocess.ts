import { parseArgs } from 'node:util';
import { reprocessArticles } from '../ingest/reprocess.js';
import { fail, storeFromOption } from './common.js';

export async function runReprocessCommand(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({ args, options: { db: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } } }).values;
  } catch (err) {
    return fail('reprocess', (err as Error).message);
  }
  const store = await storeFromOption(values.db, 'reprocess', { existing: true });
  if (!store) return 1;
  try {
    const summary = await reprocessArticles(store, { all: values.all });
    process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `reprocessed ${summary.articles} articles, failed ${summary.failed}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
