// The optional queue: `ingest --queue` enqueues, `worker` consumes with ingestArticle().
// The job id is the article's content hash with its canonical URL, so a text sent twice from one
// address is processed once, and the same text from another address still records that address;
// a worker killed mid-job leaves the job to be retried, and the transaction makes that safe.
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { normalize } from '../pipeline/normalize/index.js';
import { createHash } from 'node:crypto';
import { canonicalUrl, contentHash, ingestArticles, type ArticleSource, type IngestOutcome } from '../ingest/ingest-article.js';
import type { FactStore } from '../store/index.js';

export const QUEUE_NAME = 'pledgewatch-ingest';

export const IngestJobSchema = z.object({
  text: z.string().min(1),
  url: z.string().nullish(),
  source: z.string().nullish(),
  published: z.string().nullish(),
  title: z.string().nullish(),
});
export type IngestJob = z.infer<typeof IngestJobSchema>;

export function redisConnection(url: string): Redis {
  // BullMQ needs blocking commands without a retry limit
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

export function ingestQueue(connection: Redis): Queue<IngestJob> {
  return new Queue<IngestJob>(QUEUE_NAME, { connection, defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: false } });
}

/** The job id of a text at an address (BullMQ ids may not hold ':', so the pair is hashed). */
export function jobId(text: string, url: string | null | undefined): string {
  return createHash('sha256').update(`${contentHash(normalize(text).text)}\n${canonicalUrl(url) ?? ''}`).digest('hex');
}

/** Enqueues one article; returns false when a job for the same content at the same address is already known. */
export async function enqueueArticle(queue: Queue<IngestJob>, article: ArticleSource): Promise<boolean> {
  const job = IngestJobSchema.parse(article);
  const id = jobId(job.text, job.url);
  const existing = await queue.getJob(id);
  if (existing) return false;
  await queue.add('article', job, { jobId: id });
  return true;
}

/**
 * Gathers the jobs a worker runs at the same time into one transaction: a commit costs the
 * database more than an article's inserts, so sharing it is what lets workers add up.
 * Each article is still whole or absent; a job killed with its batch is retried.
 */
class Batcher {
  private pending: Array<{ article: IngestJob; resolve: (o: IngestOutcome) => void; reject: (e: unknown) => void }> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: FactStore,
    private readonly size: number,
    private readonly waitMs = 20,
  ) {}

  add(article: IngestJob): Promise<IngestOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ article, resolve, reject });
      if (this.pending.length >= this.size) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    ingestArticles(this.store, batch.map((b) => b.article)).then(
      (outcomes) => batch.forEach((b, i) => b.resolve(outcomes[i])),
      (err) => batch.forEach((b) => b.reject(err)),
    );
  }
}

export function startWorker(store: FactStore, connection: Redis, concurrency: number, onDone?: (outcome: IngestOutcome, job: Job<IngestJob>) => void): Worker<IngestJob, IngestOutcome> {
  const batcher = new Batcher(store, concurrency);
  const worker = new Worker<IngestJob, IngestOutcome>(
    QUEUE_NAME,
    async (job) => {
      const outcome = await batcher.add(IngestJobSchema.parse(job.data));
      onDone?.(outcome, job);
      return outcome;
    },
    { connection, concurrency, lockDuration: 30_000, stalledInterval: 15_000 },
  );
  return worker;
}
