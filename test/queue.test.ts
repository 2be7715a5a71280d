// The queue against a real Redis, when PLEDGEWATCH_TEST_REDIS_URL is set (CI sets it).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { enqueueArticle, ingestQueue, redisConnection, startWorker, IngestJobSchema, QUEUE_NAME } from '../src/queue/index.js';
import type { FactStore } from '../src/store/index.js';
import { counts } from '../src/store/repositories.js';
import { DIALECTS, freshStore } from './store-helpers.js';
import { describeWith, needService } from './helpers.js';

const REDIS = process.env.PLEDGEWATCH_TEST_REDIS_URL;
const text = (n: number) => `Norway will send ${n} howitzers to Ukraine, Defence Minister Ola Berg said on Monday in Oslo.`;

describeWith(REDIS)('queue on Redis', () => {
  let connection: Redis;
  let store: FactStore;
  beforeAll(async () => {
    connection = redisConnection(needService('PLEDGEWATCH_TEST_REDIS_URL', REDIS));
    const queue = ingestQueue(connection);
    await queue.obliterate({ force: true });
    await queue.close();
    store = await freshStore(DIALECTS[0].url());
  });
  afterAll(async () => {
    await store.close();
    connection.disconnect();
  });

  it('enqueues by content hash and a worker stores each article once', async () => {
    const queue = ingestQueue(connection);
    expect(await enqueueArticle(queue, { text: text(10) })).toBe(true);
    expect(await enqueueArticle(queue, { text: text(11) })).toBe(true);
    expect(await enqueueArticle(queue, { text: `  ${text(10)}  ` })).toBe(false); // same content, same job id
    const worker = startWorker(store, redisConnection(REDIS!), 2);
    const deadline = Date.now() + 20_000;
    while ((await queue.getJobCounts('completed')).completed < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await worker.close();
    await queue.close();
    expect(await counts(store.db)).toMatchObject({ articles: 2, commitments: 2 });
  });

  it('validates payloads', () => {
    expect(IngestJobSchema.safeParse({ text: '' }).success).toBe(false);
    expect(IngestJobSchema.safeParse({ text: 'x', url: 5 }).success).toBe(false);
    expect(QUEUE_NAME).toBe('pledgewatch-ingest');
  });
});
