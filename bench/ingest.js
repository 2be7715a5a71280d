// npm run bench:ingest — end-to-end ingest of generated articles (bench/generate.js):
//   1. into SQLite, in one process (target ≥ 300 articles/s)
//   2. into PostgreSQL through the queue, with one worker process and then two (two must be faster)
//   3. one pledge reported 300 times, through two worker processes: one ledger row with 300 sources
// PostgreSQL and Redis come from BENCH_DATABASE_URL and BENCH_REDIS_URL; without them step 2 is skipped.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../dist/store/index.js';
import { ingestArticles } from '../dist/ingest/ingest-article.js';
import { counts } from '../dist/store/repositories.js';
import { enqueueArticle, ingestQueue, redisConnection } from '../dist/queue/index.js';
import { generateArticle } from './generate.js';

const N = Number(process.env.BENCH_ARTICLES ?? 20_000);
const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');

async function sqliteInProcess() {
  const file = join(mkdtempSync(join(tmpdir(), 'pw-bench-')), 'bench.db');
  const store = await openStore(file);
  const t = process.hrtime.bigint();
  // batches of 25, as `pledgewatch ingest` stores them
  for (let i = 0; i < N; i += 25) await ingestArticles(store, Array.from({ length: Math.min(25, N - i) }, (_, k) => generateArticle(i + k)));
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const c = await counts(store.db);
  await store.close();
  console.log(`SQLite, one process: ${N} articles in ${s.toFixed(1)} s = ${(N / s).toFixed(0)} articles/s (target ≥ 300); stored ${c.articles} articles, ${c.commitments} ledger commitments`);
}

async function postgresWorkers(workers, dbUrl, redisUrl, articleAt = generateArticle, n = N) {
  const reset = await openStore(dbUrl);
  await sql`drop schema public cascade`.execute(reset.db);
  await sql`create schema public`.execute(reset.db);
  await reset.close();
  (await openStore(dbUrl)).close(); // migrate once before the workers start
  const connection = redisConnection(redisUrl);
  const queue = ingestQueue(connection);
  await queue.obliterate({ force: true });
  for (let i = 0; i < n; i++) await enqueueArticle(queue, articleAt(i));
  const t = process.hrtime.bigint();
  const procs = Array.from({ length: workers }, () =>
    // each worker process takes 16 jobs at a time and stores them in one transaction
    spawn(process.execPath, [CLI, 'worker', '--db', dbUrl, '--concurrency', '16'], { env: { ...process.env, REDIS_URL: redisUrl }, stdio: ['ignore', 'ignore', 'ignore'] }),
  );
  // completed jobs are trimmed from Redis, so wait for the queue to empty instead of counting them
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (c.waiting + c.active + c.delayed + c.prioritized === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  for (const p of procs) p.kill('SIGTERM');
  await queue.close();
  connection.disconnect();
  const store = await openStore(dbUrl);
  const c = await counts(store.db);
  await store.close();
  console.log(`PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}: ${n} articles in ${s.toFixed(1)} s = ${(n / s).toFixed(0)} articles/s; stored ${c.articles} articles, ${c.commitments} ledger commitments`);
  return s;
}

/** 300 reports of one pledge through two worker processes: the fold lock must leave one row. */
async function onePledgeTwoWorkers(dbUrl, redisUrl) {
  const report = (i) => ({ text: `Finland will provide a €200 million military aid package to Ukraine, dispatch ${i + 1} of the wire said.`, url: `https://wire.example.org/dispatch/${i + 1}`, published: '2025-04-07' });
  await postgresWorkers(2, dbUrl, redisUrl, report, 300);
  const store = await openStore(dbUrl);
  const rows = await store.db.selectFrom('ledger_commitments').select('id').execute();
  const sources = await store.db.selectFrom('commitment_sources').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  await store.close();
  console.log(`one pledge reported 300 times, two workers: ${rows.length} ledger row(s), ${sources.n} sources (must be 1 row, 300 sources)`);
}

if (process.env.BENCH_SKIP_SQLITE !== '1') await sqliteInProcess();
const dbUrl = process.env.BENCH_DATABASE_URL;
const redisUrl = process.env.BENCH_REDIS_URL;
if (dbUrl && redisUrl) {
  const one = await postgresWorkers(1, dbUrl, redisUrl);
  const two = await postgresWorkers(2, dbUrl, redisUrl);
  console.log(`two workers vs one: ${(one / two).toFixed(2)}× faster`);
  await onePledgeTwoWorkers(dbUrl, redisUrl);
} else {
  console.log('PostgreSQL runs skipped: set BENCH_DATABASE_URL and BENCH_REDIS_URL');
}
