// npm run bench:ledger — the ledger query as `ledger` and the API run it, in the process, over a
// skewed ledger of 100,000 commitments (bench/fill-ledger.js): the first page of 100 rows with
// their sources and stages, and the totals for the same filter, for the largest donor, a median
// donor and no filter. Each case: the first query after the store opens (cold), then 20 more
// with a random page offset (warm; nothing cached above the database). Target: < 50 ms.
// With BENCH_DATABASE_URL also on PostgreSQL (the database named is emptied first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../dist/store/index.js';
import { ledgerRows, ledgerSummary } from '../dist/ledger/query.js';
import { LARGEST_DONOR, MEDIAN_DONOR, N, donorShare, fillLedger } from './fill-ledger.js';

const CASES = [
  { label: `largest donor (${LARGEST_DONOR}, about ${Math.round(N * donorShare(LARGEST_DONOR))} rows)`, filter: { donor: LARGEST_DONOR }, rows: N * donorShare(LARGEST_DONOR) },
  { label: `median donor (${MEDIAN_DONOR}, about ${Math.round(N * donorShare(MEDIAN_DONOR))} rows)`, filter: { donor: MEDIAN_DONOR }, rows: N * donorShare(MEDIAN_DONOR) },
  { label: 'no filter', filter: {}, rows: N },
];

async function pageWithTotals(db, filter, offset) {
  const t = process.hrtime.bigint();
  const [rows] = await Promise.all([ledgerRows(db, { ...filter, limit: 100, offset }), ledgerSummary(db, 'donor', filter)]);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (rows.length !== 100 || rows.some((r) => r.sources.length === 0)) throw new Error(`expected 100 rows with their sources, got ${rows.length}`);
  return ms;
}

async function run(url, label) {
  const fill = await openStore(url);
  const t = Date.now();
  await fillLedger(fill);
  await fill.close();
  console.log(`${label}: ${N} commitments filled in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  for (const { label: name, filter, rows } of CASES) {
    const store = await openStore(url);
    const cold = await pageWithTotals(store.db, filter, 0);
    const warm = [];
    for (let r = 0; r < 20; r++) warm.push(await pageWithTotals(store.db, filter, 100 * Math.floor(Math.random() * Math.min(20, rows / 100 - 1))));
    warm.sort((a, b) => a - b);
    console.log(`  ${name}: page of 100 with sources + totals: cold ${cold.toFixed(1)} ms, warm median ${warm[10].toFixed(1)} ms, worst ${warm[19].toFixed(1)} ms (target < 50 ms)`);
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'pw-ledger-'));
try {
  await run(join(dir, 'ledger.db'), 'SQLite');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (process.env.BENCH_DATABASE_URL) {
  const reset = await openStore(process.env.BENCH_DATABASE_URL);
  await sql`drop schema public cascade`.execute(reset.db);
  await sql`create schema public`.execute(reset.db);
  await reset.close();
  await run(process.env.BENCH_DATABASE_URL, 'PostgreSQL');
}
