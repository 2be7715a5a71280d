// npm run bench:ledger — `ledger --donor X` at 100,000 stored commitments (target < 50 ms).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../dist/store/index.js';
import { ledgerRows } from '../dist/ledger/query.js';
import { DONORS, N, fillLedger } from './fill-ledger.js';

async function run(url, label) {
  const store = await openStore(url);
  await fillLedger(store);
  const times = [];
  for (let r = 0; r < 20; r++) {
    const t = process.hrtime.bigint();
    const rows = await ledgerRows(store.db, { donor: DONORS[r % DONORS.length] });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (rows.length !== N / DONORS.length) throw new Error(`expected ${N / DONORS.length} rows, got ${rows.length}`);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: ledger --donor X over ${N} commitments (${N / DONORS.length} rows with their sources and EUR values): median ${times[10].toFixed(1)} ms, worst ${times[19].toFixed(1)} ms (target < 50 ms)`);
  await store.close();
}

await run(join(mkdtempSync(join(tmpdir(), 'pw-ledger-')), 'ledger.db'), 'SQLite');
if (process.env.BENCH_DATABASE_URL) {
  // the PostgreSQL database named is emptied first
  const reset = await openStore(process.env.BENCH_DATABASE_URL);
  await sql`drop schema public cascade`.execute(reset.db);
  await sql`create schema public`.execute(reset.db);
  await reset.close();
  await run(process.env.BENCH_DATABASE_URL, 'PostgreSQL');
}
