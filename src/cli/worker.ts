import { parseArgs } from 'node:util';
import { config } from '../config.js';
import { redisConnection, startWorker } from '../queue/index.js';
import { extractInThisThread } from '../ingest/extract.js';
import { createLogger } from '../log.js';
import { startWatching } from '../watch/index.js';
import { parseInterval } from '../watch/interval.js';
import { fail, storeFromOption } from './common.js';

export async function runWorkerCommand(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({ args, options: { db: { type: 'string' }, concurrency: { type: 'string', default: '8' }, 'host-gap': { type: 'string', default: '1s' } } }).values;
  } catch (err) {
    return fail('worker', (err as Error).message);
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) return fail('worker', '--concurrency must be a whole number of at least 1');
  if (!config.redisUrl) return fail('worker', 'needs REDIS_URL (redis://host:port)');
  const hostGapMs = parseInterval(values['host-gap']);
  if (hostGapMs === null) return fail('worker', '--host-gap must be an interval such as 1s or 500ms');
  const store = await storeFromOption(values.db, 'worker');
  if (!store) return 1;
  const connection = redisConnection(config.redisUrl);
  let done = 0;
  const worker = startWorker(store, connection, concurrency, (outcome) => {
    done++;
    if (outcome.status === 'failed') process.stderr.write(`pledgewatch worker: ${outcome.error}\n`);
  });
  worker.on('error', (err) => process.stderr.write(`pledgewatch worker: ${err.message}\n`));
  // the same worker polls the watched sources its share of the job schedulers hands out, and sends alerts
  const watcher = startWatching(store, { extract: extractInThisThread, log: createLogger('pledgewatch-watch'), hostGapMs, redis: connection });
  process.stderr.write(`pledgewatch worker: consuming queued articles with concurrency ${concurrency} and polling watched sources; Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await Promise.all([worker.close(), watcher.stop()]);
  connection.disconnect();
  await store.close();
  process.stderr.write(`pledgewatch worker: stopped after ${done} jobs\n`);
  return 0;
}
