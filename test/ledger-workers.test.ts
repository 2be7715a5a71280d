// The ledger through the queue: two workers on PostgreSQL fold reports of one pledge into one
// row, and copies of a text at other addresses reach the ledger as sources. Needs Redis and
// PostgreSQL (PLEDGEWATCH_TEST_REDIS_URL, PLEDGEWATCH_TEST_DATABASE_URL); CI sets both.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { ledgerRows } from '../src/ledger/query.js';
import { enqueueArticle, ingestQueue, redisConnection, startWorker, type IngestJob } from '../src/queue/index.js';
import { openStore, type FactStore } from '../src/store/index.js';
import { freshStore } from './store-helpers.js';
import { describeWith, needService, threeCopies } from './helpers.js';

const REDIS = process.env.PLEDGEWATCH_TEST_REDIS_URL;
const POSTGRES = process.env.PLEDGEWATCH_TEST_DATABASE_URL;

async function drain(queue: Queue<IngestJob>, jobs: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const { completed, failed } = await queue.getJobCounts('completed', 'failed');
    if (failed > 0) throw new Error(`${failed} jobs failed`);
    if (completed >= jobs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the queue did not drain in time');
}

describeWith(REDIS, POSTGRES)('ledger through the queue on PostgreSQL', () => {
  let connection: Redis;
  let queue: Queue<IngestJob>;
  const stores: FactStore[] = [];

  beforeAll(async () => {
    needService('PLEDGEWATCH_TEST_DATABASE_URL', POSTGRES);
    connection = redisConnection(needService('PLEDGEWATCH_TEST_REDIS_URL', REDIS));
    queue = ingestQueue(connection);
  });
  afterAll(async () => {
    await queue.close();
    for (const s of stores) await s.close();
    connection.disconnect();
  });

  const reset = async () => {
    await queue.obliterate({ force: true });
    for (const s of stores.splice(0)) await s.close();
    // two stores: two pools, as two worker processes would have
    stores.push(await freshStore(POSTGRES!), await openStore(POSTGRES!));
  };

  it('folds 300 reports of one pledge, run by two workers, into exactly one row with 300 sources', async () => {
    await reset();
    const reports = Array.from({ length: 300 }, (_, n) => ({
      text: `Finland will provide a €200 million military aid package to Ukraine, dispatch ${n + 1} of the wire said.`,
      url: `https://wire.example.org/dispatch/${n + 1}`,
      published: '2025-04-07',
    }));
    for (const r of reports) expect(await enqueueArticle(queue, r)).toBe(true);
    const workers = stores.map((s) => startWorker(s, redisConnection(REDIS!), 8));
    await drain(queue, reports.length);
    await Promise.all(workers.map((w) => w.close()));
    const rows = await ledgerRows(stores[0].db);
    expect(rows.map((r) => [r.donor, r.recipient, r.amount, r.sources.length])).toEqual([['FI', 'UA', 200e6, 300]]);
  }, 180_000);

  it('records each address of a text that reaches it through the queue', async () => {
    await reset();
    const copies = threeCopies();
    for (const c of copies) expect(await enqueueArticle(queue, c)).toBe(true);
    // the same text from the same address is one job
    expect(await enqueueArticle(queue, copies[0])).toBe(false);
    const worker = startWorker(stores[0], redisConnection(REDIS!), 1);
    await drain(queue, copies.length);
    await worker.close();
    const [row, ...others] = await ledgerRows(stores[0].db);
    expect(others).toHaveLength(0);
    expect(row.sources.map((s) => s.url).sort()).toEqual(copies.map((c) => c.url).sort());
  }, 60_000);
});
