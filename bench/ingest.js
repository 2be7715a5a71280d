// npm run bench:ingest — ingest of real articles (the dev corpus, each copy made distinct), as a user runs it:
//   1. SQLite: `pledgewatch ingest FILE.jsonl` beside `pledgewatch extract --jsonl` over the same lines,
//      both whole processes as a user runs them (ingest extracts on a thread while it stores): ingest
//      must reach ≥ 0.7 of extract-only throughput (and ≥ 300/s); then both on one core, one thread,
//      for what storing costs;
//   2. PostgreSQL through the queue: 1, 2 and 4 `pledgewatch worker` processes over the same articles
//      (2 must be ≥ 1.6× one, 4 no slower than 2), with the machine's core count beside the figures;
//   3. one pledge reported 300 times, through two worker processes: one ledger row with 300 sources.
// PostgreSQL and Redis come from BENCH_DATABASE_URL and BENCH_REDIS_URL; without them 2 and 3 are skipped.
// BENCH_ARTICLES (2000) sets how many articles the SQLite runs store, BENCH_WORKER_ARTICLES (6000)
// the worker runs: a worker is a long-running process, and its figure is its steady state, not the
// first few hundred articles a fresh process spends compiling its hot code.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../dist/store/index.js';
import { counts } from '../dist/store/repositories.js';
import { enqueueArticle, ingestQueue, redisConnection } from '../dist/queue/index.js';
import { asJsonLines, devArticles, distinctCopies } from './corpus.js';
import { perSecond, timeNode } from './processes.js';

const N = Number(process.env.BENCH_ARTICLES ?? 2000);
const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const WORKER_N = Number(process.env.BENCH_WORKER_ARTICLES ?? 6000);
const dev = devArticles('bench:ingest');
const articles = distinctCopies(dev, N);
const dir = mkdtempSync(join(tmpdir(), 'pw-bench-ingest-'));

async function sqliteBesideExtract() {
  const input = join(dir, 'articles.jsonl');
  writeFileSync(input, asJsonLines(articles));
  const ingestInto = (name, args, options) => {
    const db = join(dir, name);
    const run = timeNode([CLI, 'ingest', input, '--db', db, '--json', ...args], options);
    return { ...run, summary: JSON.parse(run.stdout), db };
  };
  // as a user runs them on this machine: ingest extracts on a thread of its own while it stores
  const extract = timeNode([CLI, 'extract', '--jsonl'], { input: asJsonLines(articles), oneCore: false });
  const ingest = ingestInto('ingest.db', [], { oneCore: false });
  // and the cost of storing alone: one thread, one core, extraction and storage in turn
  const extractOneCore = timeNode([CLI, 'extract', '--jsonl'], { input: asJsonLines(articles) });
  const ingestOneCore = ingestInto('one-core.db', ['--extract-threads', '0']);
  const store = await openStore(ingest.db);
  const c = await counts(store.db);
  await store.close();
  const { summary } = ingest;
  console.log(`${N} real articles (dev corpus, distinct copies), whole processes, ${cpus().length} cores`);
  console.log(`extract --jsonl:                 ${perSecond(N, extract.ms)} articles/s`);
  console.log(`ingest into SQLite:              ${perSecond(N, ingest.ms)} articles/s (target ≥ 300); stored ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed}; ${c.commitments} ledger commitments`);
  console.log(`ingest / extract-only:           ${(extract.ms / ingest.ms).toFixed(2)} (target ≥ 0.70)`);
  console.log(`on one core, one thread: extract ${perSecond(N, extractOneCore.ms)} articles/s, ingest ${perSecond(N, ingestOneCore.ms)} articles/s = ${(extractOneCore.ms / ingestOneCore.ms).toFixed(2)} of extract-only (storing costs ${((ingestOneCore.ms - extractOneCore.ms) / N).toFixed(1)} ms an article)`);
}

async function emptyDatabase(dbUrl) {
  const reset = await openStore(dbUrl);
  await sql`drop schema public cascade`.execute(reset.db);
  await sql`create schema public`.execute(reset.db);
  await reset.close();
  await (await openStore(dbUrl)).close(); // migrated once, before the workers start
}

async function postgresWorkers(workers, dbUrl, redisUrl, batch = distinctCopies(dev, WORKER_N)) {
  await emptyDatabase(dbUrl);
  const connection = redisConnection(redisUrl);
  const queue = ingestQueue(connection);
  await queue.obliterate({ force: true });
  for (const article of batch) await enqueueArticle(queue, article);
  const t = process.hrtime.bigint();
  const procs = Array.from({ length: workers }, () =>
    spawn(process.execPath, [CLI, 'worker', '--db', dbUrl, '--concurrency', '16'], { env: { ...process.env, REDIS_URL: redisUrl }, stdio: ['ignore', 'ignore', 'ignore'] }),
  );
  // completed jobs are trimmed from Redis, so wait for the queue to empty instead of counting them
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (c.waiting + c.active + c.delayed + c.prioritized === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  await Promise.all(procs.map((p) => new Promise((done) => (p.exitCode !== null ? done() : (p.once('exit', done), p.kill('SIGTERM'))))));
  await queue.close();
  connection.disconnect();
  const store = await openStore(dbUrl);
  const c = await counts(store.db);
  await store.close();
  console.log(`PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}: ${batch.length} articles in ${s.toFixed(1)} s = ${(batch.length / s).toFixed(0)} articles/s (start-up included); stored ${c.articles} articles, ${c.commitments} ledger commitments`);
  return s;
}

/** 300 reports of one pledge through two worker processes: the fold lock must leave one row. */
async function onePledgeTwoWorkers(dbUrl, redisUrl) {
  const reports = Array.from({ length: 300 }, (_, i) => ({ text: `Finland will provide a €200 million military aid package to Ukraine, dispatch ${i + 1} of the wire said.`, url: `https://wire.example.org/dispatch/${i + 1}`, published: '2025-04-07' }));
  await postgresWorkers(2, dbUrl, redisUrl, reports);
  const store = await openStore(dbUrl);
  const rows = await store.db.selectFrom('ledger_commitments').select('id').execute();
  const sources = await store.db.selectFrom('commitment_sources').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  await store.close();
  console.log(`one pledge reported 300 times, two workers: ${rows.length} ledger row(s), ${sources.n} sources (must be 1 row, 300 sources)`);
}

try {
  if (process.env.BENCH_SKIP_SQLITE !== '1') await sqliteBesideExtract();
  const dbUrl = process.env.BENCH_DATABASE_URL;
  const redisUrl = process.env.BENCH_REDIS_URL;
  if (dbUrl && redisUrl) {
    console.log(`PostgreSQL and Redis on this machine, ${cpus().length} cores shared by the workers, the database and Redis`);
    const seconds = {};
    for (const w of [1, 2, 4]) seconds[w] = await postgresWorkers(w, dbUrl, redisUrl);
    console.log(`2 workers vs 1: ${(seconds[1] / seconds[2]).toFixed(2)}× (target ≥ 1.6×); 4 vs 2: ${(seconds[2] / seconds[4]).toFixed(2)}× (target ≥ 1.0×)`);
    await onePledgeTwoWorkers(dbUrl, redisUrl);
  } else {
    console.log('PostgreSQL runs skipped: set BENCH_DATABASE_URL and BENCH_REDIS_URL');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
