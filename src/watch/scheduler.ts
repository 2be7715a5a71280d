// Who polls the watched sources, and when. The database is the source of truth for them:
// - without Redis, each `serve` process polls in-process, leasing the due sources first, so that
//   several processes on one database never poll the same source twice;
// - with Redis, a BullMQ job scheduler per source is the clock (one job per interval, however
//   many workers listen) and the workers on any machine poll what it hands out, still under the
//   lease (a job retried after a stall cannot poll twice). Schedulers follow the sources table.
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FactStore } from '../store/index.js';
import { pollSource, type PollContext } from './poll.js';
import { leaseDueSources, leaseSource, listSources } from './sources.js';

export const SOURCES_QUEUE = 'pledgewatch-sources';
/** How often an in-process poller looks for due sources. */
const TICK_MS = 250;
/** How often a Redis worker brings the job schedulers in line with the sources table. */
const SYNC_MS = 5_000;

export interface Poller {
  stop(): Promise<void>;
}

/** Polls due sources from this process, `concurrency` at a time. */
export function startInProcessPoller(ctx: PollContext, concurrency = 4): Poller {
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      const free = concurrency - running.size;
      const due = free > 0 ? await leaseDueSources(ctx.store.db, new Date(), free) : [];
      for (const source of due) {
        const poll = pollSource(ctx, source)
          .catch((err: Error) => ctx.log.error({ source: source.id, err: err.message }, 'poll failed'))
          .finally(() => running.delete(poll));
        running.add(poll);
      }
    } catch (err) {
      ctx.log.error({ err: (err as Error).message }, 'cannot lease due sources');
    }
    if (!stopped) timer = setTimeout(tick, TICK_MS);
  };
  let timer: NodeJS.Timeout = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}

export const schedulerId = (sourceId: number) => `source-${sourceId}`;

/** Makes the job schedulers match the sources table: one per source at its interval, none for a removed one. */
export async function syncSchedulers(store: FactStore, queue: Queue): Promise<void> {
  const sources = await listSources(store.reader);
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  for (const source of sources) {
    const every = source.everySeconds * 1000;
    // an upsert of an unchanged scheduler would move its next run: only new or changed ones are written
    if (existing.get(schedulerId(source.id))?.every === every) continue;
    await queue.upsertJobScheduler(schedulerId(source.id), { every }, { name: 'poll', data: { sourceId: source.id }, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }
  const wanted = new Set(sources.map((s) => schedulerId(s.id)));
  for (const key of existing.keys()) if (!wanted.has(key)) await queue.removeJobScheduler(key);
}

/** Queues one poll of a source outside its schedule (the workbench's Fetch now); the lease still keeps it to one fetch. */
export async function pollNow(queue: Queue, sourceId: number): Promise<void> {
  await queue.add('poll', { sourceId }, { removeOnComplete: 100, removeOnFail: 100 });
}

/** Polls the sources the Redis job schedulers hand out, and keeps the schedulers in step with the database. */
export function startRedisPoller(ctx: PollContext, connection: Redis, concurrency = 4): Poller {
  const queue = new Queue(SOURCES_QUEUE, { connection });
  const worker = new Worker<{ sourceId: number }>(
    SOURCES_QUEUE,
    async (job) => {
      const source = await leaseSource(ctx.store.db, job.data.sourceId, new Date());
      if (!source) return { skipped: true }; // being polled elsewhere, backing off, or removed
      return pollSource(ctx, source);
    },
    { connection, concurrency },
  );
  worker.on('error', (err) => ctx.log.error({ err: err.message }, 'source worker'));
  const sync = () => syncSchedulers(ctx.store, queue).catch((err: Error) => ctx.log.error({ err: err.message }, 'cannot sync source schedulers'));
  void sync();
  const timer = setInterval(sync, SYNC_MS);
  return {
    async stop() {
      clearInterval(timer);
      await worker.close();
      await queue.close();
    },
  };
}
