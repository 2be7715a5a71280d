// npm run bench:ledger — `ledger --donor X` at 100,000 stored commitments (target < 50 ms).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../dist/store/index.js';
import { ledgerRows } from '../dist/ledger/query.js';

const N = 100_000;
const DONORS = ['LT', 'LV', 'EE', 'PL', 'DE', 'FR', 'DK', 'SE', 'NO', 'FI', 'CA', 'JP', 'NL', 'BE', 'ES', 'IT', 'CZ', 'PT', 'GB', 'US',
  'AT', 'IE', 'SK', 'SI', 'HR', 'RO', 'BG', 'GR', 'LU', 'IS', 'AU', 'NZ', 'KR', 'CH', 'TR', 'HU', 'AL', 'MK', 'ME', 'MT'];

async function run(url, label) {
  const store = await openStore(url);
  const now = new Date().toISOString();
  const article = await store.db
    .insertInto('articles')
    .values({ content_hash: `bench-${Date.now()}`, canonical_url: null, url: 'https://generated.example.org/bench', source: null, title: null, published: '2024-01-01', language: 'en', place: null, text: 'bench', extractor_version: 'bench', story_id: null, signature: '[]', ingested_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < N; i += 500) {
    const size = Math.min(500, N - i);
    const facts = await store.db
      .insertInto('facts')
      .values(Array.from({ length: size }, (_, k) => ({ article_id: article.id, type: 'commitment', data: '{}', start: 0, end: 5, evidence: `pledge ${i + k}`, rule: 'bench', extractor_version: 'bench' })))
      .returning('id')
      .execute();
    const ledger = await store.db
      .insertInto('ledger_commitments')
      .values(Array.from({ length: size }, (_, k) => {
        const n = i + k;
        return { donor: DONORS[n % DONORS.length], recipient: 'UA', amount: 1e6 * (1 + (n % 500)), unit: 'EUR', period: 'one-off', category: 'military', status: 'pledged', item: null, announced: `20${22 + (n % 4)}-${String(1 + (n % 12)).padStart(2, '0')}-15`, updated_at: now };
      }))
      .returning('id')
      .execute();
    await store.db.insertInto('commitment_sources').values(ledger.map((l, k) => ({ ledger_id: l.id, fact_id: facts[k].id, article_id: article.id }))).execute();
  }
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
