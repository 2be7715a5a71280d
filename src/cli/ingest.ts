import { parseArgs } from 'node:util';
import { config } from '../config.js';
import { ingestArticles, type ArticleSource } from '../ingest/ingest-article.js';
import { countArticles, readSources } from '../ingest/sources.js';
import { enqueueArticle, ingestQueue, redisConnection } from '../queue/index.js';
import { analyze } from '../store/dialects/index.js';
import { fail, Progress, storeFromOption } from './common.js';

/** Articles stored per transaction: each is whole or absent, and the batch shares one commit. */
const BATCH = 25;
/** Articles stored in one run past which the planner's statistics are refreshed. */
const ANALYZE_AFTER = 500;

export async function runIngestCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        queue: { type: 'boolean' },
        'allow-private': { type: 'boolean' },
        'timeout-ms': { type: 'string' },
      },
    });
  } catch (err) {
    return fail('ingest', (err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return fail('ingest', 'name files, folders, article URLs or feed URLs to ingest');
  const fetchOptions = { allowPrivate: values['allow-private'] ?? false, timeoutMs: values['timeout-ms'] ? Number(values['timeout-ms']) : undefined };
  const summary = { ingested: 0, duplicates: 0, failed: 0, errors: [] as Array<{ source: string; error: string }> };
  const progress = new Progress(await countArticles(positionals));
  const report = (label: string, reason: string) => {
    // a reason that names its input already (a fetch error names its URL) is not prefixed twice
    const error = reason.startsWith(`${label}: `) ? reason.slice(label.length + 2) : reason;
    summary.failed++;
    summary.errors.push({ source: label, error });
    // a progress line is cleared first on a terminal; elsewhere no escape codes are written
    if (!values.json) process.stderr.write(`${process.stderr.isTTY ? '\r\u001b[K' : ''}pledgewatch ingest: ${label}: ${error}\n`);
  };

  if (values.queue) {
    if (!config.redisUrl) return fail('ingest', '--queue needs REDIS_URL (redis://host:port)');
    const connection = redisConnection(config.redisUrl);
    const queue = ingestQueue(connection);
    try {
      await queue.waitUntilReady();
      let n = 0;
      for await (const item of readSources(positionals, fetchOptions)) {
        n++;
        if ('error' in item) report(item.label, item.error);
        else if (await enqueueArticle(queue, item.article)) summary.ingested++;
        else summary.duplicates++;
        progress.update(n, `queued ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed}`);
      }
    } catch (err) {
      return fail('ingest', `queue unavailable at ${config.redisUrl}: ${(err as Error).message}`, 1);
    } finally {
      progress.end();
      await queue.close();
      connection.disconnect();
    }
    process.stdout.write(values.json ? `${JSON.stringify({ queued: summary.ingested, duplicates: summary.duplicates, failed: summary.failed, errors: summary.errors })}\n` : `queued ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed}\n`);
    return summary.failed > 0 ? 1 : 0;
  }

  const store = await storeFromOption(values.db, 'ingest');
  if (!store) return 1;
  try {
    let n = 0;
    let batch: Array<{ label: string; article: ArticleSource }> = [];
    const flush = async () => {
      const outcomes = await ingestArticles(store, batch.map((b) => b.article));
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'ingested') summary.ingested++;
        else if (outcome.status === 'duplicate') summary.duplicates++;
        else report(batch[i].label, outcome.error);
      });
      batch = [];
      progress.update(n, `ingested ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed}`);
    };
    for await (const item of readSources(positionals, fetchOptions)) {
      n++;
      if ('error' in item) report(item.label, item.error);
      else batch.push(item);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    // a bulk load changes the tables' shape: the planner's statistics follow
    if (summary.ingested >= ANALYZE_AFTER) await analyze(store.db);
  } finally {
    progress.end();
    await store.close();
  }
  process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `ingested ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed}${summary.failed > 0 ? ` (${summary.errors.map((e) => e.source).join(', ')})` : ''}\n`);
  // 1 when any input failed, once the rest are stored: a script can tell
  return summary.failed > 0 ? 1 : 0;
}
