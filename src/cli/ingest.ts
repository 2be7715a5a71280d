import { parseArgs } from 'node:util';
import { config } from '../config.js';
import { prepareArticle, recordPrepared, type PreparedArticle } from '../ingest/ingest-article.js';
import { recordFailure } from '../ingest/failures.js';
import { startExtractionPool } from '../ingest/pool.js';
import { countArticles, readSources } from '../ingest/sources.js';
import { enqueueArticle, ingestQueue, redisConnection } from '../queue/index.js';
import { analyze } from '../store/dialects/index.js';
import { fail, Progress, storeFromOption } from './common.js';

/** Articles stored per transaction: each is whole or absent, and the batch shares one commit. */
const BATCH = 25;
/** Batches read and handed to extraction ahead of the one being stored. */
const BATCHES_AHEAD = 2;
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
        'extract-threads': { type: 'string', default: '1' },
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

  const threads = Number(values['extract-threads']);
  if (!Number.isInteger(threads) || threads < 0) return fail('ingest', '--extract-threads must be a whole number (0: extract in the thread that stores)');
  const store = await storeFromOption(values.db, 'ingest');
  if (!store) return 1;
  const pool = threads > 0 ? await startExtractionPool(threads, Math.ceil((BATCHES_AHEAD * BATCH) / threads)) : null;
  try {
    let n = 0;
    // articles go to the extraction threads as they are read, while earlier ones are stored:
    // storing a batch overlaps extracting the next
    const inFlight: Array<{ label: string; prepared: Promise<PreparedArticle> }> = [];
    const storeBatch = async () => {
      const batch = inFlight.splice(0, BATCH);
      const outcomes = await recordPrepared(store, await Promise.all(batch.map((b) => b.prepared)));
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'ingested') summary.ingested++;
        else if (outcome.status === 'duplicate') summary.duplicates++;
        else report(batch[i].label, outcome.error);
      });
      progress.update(n - inFlight.length, `ingested ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed}`);
    };
    for await (const item of readSources(positionals, fetchOptions)) {
      n++;
      if ('error' in item) {
        report(item.label, item.error);
        // an address that could not be read is kept for a retry from the workbench, as a text that could not be is
        if (/^https?:\/\//i.test(item.label)) await recordFailure(store.db, { label: item.label, url: item.label, input: null, reason: item.error }, new Date());
      } else inFlight.push({ label: item.label, prepared: prepareArticle(item.article, pool?.extract) });
      if (inFlight.length >= BATCHES_AHEAD * BATCH) await storeBatch();
    }
    while (inFlight.length > 0) await storeBatch();
    // a bulk load changes the tables' shape: the planner's statistics follow
    if (summary.ingested >= ANALYZE_AFTER) await analyze(store.db);
  } finally {
    progress.end();
    await pool?.close();
    await store.close();
  }
  process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `ingested ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed}${summary.failed > 0 ? ` (${summary.errors.map((e) => e.source).join(', ')})` : ''}\n`);
  // 1 when any input failed, once the rest are stored: a script can tell
  return summary.failed > 0 ? 1 : 0;
}
