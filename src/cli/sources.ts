import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { config } from '../config.js';
import { redisConnection } from '../queue/index.js';
import type { FactStore } from '../store/index.js';
import { formatInterval, parseInterval } from '../watch/interval.js';
import { SOURCES_QUEUE, syncSchedulers } from '../watch/scheduler.js';
import { addSource, listSources, removeSource, SourceExistsError, urlRefusal, type WatchedSource } from '../watch/sources.js';
import { fail, storeFromOption } from './common.js';

const USAGE = 'usage: pledgewatch sources add URL [--every 15m] [--name NAME] [--allow-private] | sources list [--json] | sources remove ID|URL';

export async function runSourcesCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, every: { type: 'string', default: '15m' }, name: { type: 'string' }, 'allow-private': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  } catch (err) {
    return fail('sources', (err as Error).message);
  }
  const { values, positionals } = parsed;
  const [action, target] = positionals;
  if (!['add', 'list', 'remove'].includes(action ?? '')) return fail('sources', USAGE);
  if (action !== 'list' && !target) return fail('sources', action === 'add' ? 'give the address of the feed or page to watch' : 'name the source to remove by its id or address (see `pledgewatch sources list`)');
  const everyMs = parseInterval(values.every);
  if (action === 'add') {
    if (everyMs === null || everyMs < 1000) return fail('sources', '--every must be an interval of at least a second, such as 90s, 15m or 2h');
    const refusal = urlRefusal(target, values['allow-private']);
    if (refusal) return fail('sources', refusal);
  }
  const store = await storeFromOption(values.db, 'sources');
  if (!store) return 1;
  try {
    if (action === 'add') {
      let source;
      try {
        source = await addSource(store.db, { url: target, name: values.name ?? null, everySeconds: Math.round(everyMs! / 1000), allowPrivate: values['allow-private'] }, new Date());
      } catch (err) {
        if (err instanceof SourceExistsError) return fail('sources', err.message, 1);
        throw err;
      }
      await syncWithRedis(store);
      process.stdout.write(values.json ? `${JSON.stringify(source)}\n` : `watching ${source.url} every ${formatInterval(source.everySeconds * 1000)} as source ${source.id}; \`pledgewatch serve\` (or a worker, with REDIS_URL) polls it\n`);
      return 0;
    }
    if (action === 'remove') {
      const removed = await removeSource(store.db, /^\d+$/.test(target) ? Number(target) : target);
      if (!removed) return fail('sources', `no watched source ${target} (see \`pledgewatch sources list\`)`, 1);
      await syncWithRedis(store);
      process.stdout.write(`no longer watching ${removed.url}; its articles stay in the ledger\n`);
      return 0;
    }
    const sources = await listSources(store.db);
    if (values.json) process.stdout.write(`${JSON.stringify(sources)}\n`);
    else if (sources.length === 0) process.stdout.write('no watched sources: add one with `pledgewatch sources add URL --every 15m`\n');
    else for (const s of sources) process.stdout.write(describeSource(s));
    return 0;
  } finally {
    await store.close();
  }
}

function describeSource(s: WatchedSource): string {
  const lines = [
    `${s.id}  ${s.name ? `${s.name}  ` : ''}${s.url}  every ${formatInterval(s.everySeconds * 1000)}${s.allowPrivate ? '  (private addresses allowed)' : ''}`,
    `    last fetch ${s.lastFetchAt ?? 'never'} · next ${s.nextFetchAt} · ${s.itemsSeen} items seen · ${s.fetches} fetches`,
  ];
  if (s.lastError) lines.push(`    error (${s.failures} in a row, backing off): ${s.lastError}`);
  return `${lines.join('\n')}\n`;
}

/** With Redis, the job schedulers follow the change now rather than at the workers' next sync. */
async function syncWithRedis(store: FactStore): Promise<void> {
  if (!config.redisUrl) return;
  const connection = redisConnection(config.redisUrl);
  const queue = new Queue(SOURCES_QUEUE, { connection });
  try {
    await syncSchedulers(store, queue);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
