// npm run bench:api — the API under load as clients meet it: `pledgewatch serve` started by this
// script on a free port over a skewed ledger of 100,000 commitments (bench/fill-ledger.js), every
// request with its own random filter and page (a donor or none, a date range, an offset), so that
// the server's response cache cannot answer. Per endpoint: 2 s of warm-up, then 10 s at a fixed
// total rate of 1,000 requests/s from 200 connections (autocannon's overallRate; latency counted
// from when each request was due), then 5 s closed-loop for the most requests/s it reaches.
// Target: p99 < 50 ms at 1,000 requests/s, 0 errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../dist/store/index.js';
import { createToken } from '../dist/api/auth.js';
import { DONORS, N, donorShare, fillLedger } from './fill-ledger.js';
import { startServerProcess } from './workbench.js';

const dir = mkdtempSync(join(tmpdir(), 'pw-api-load-'));
const db = join(dir, 'load.db');
const store = await openStore(db);
await fillLedger(store);
// served as beyond loopback it would be: with a token, which every request carries
const token = await createToken(store.db, 'load', 'viewer');
await store.close();

const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
const day = () => `${2022 + Math.floor(Math.random() * 4)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
/** A random filter: a donor in three requests of four, a date range in half, each range its own. */
function randomFilter() {
  const params = new URLSearchParams();
  const donor = Math.random() < 0.75 ? pick(DONORS) : null;
  if (donor) params.set('donor', donor);
  if (Math.random() < 0.5) {
    const [since, until] = [day(), day()].sort();
    params.set('since', since);
    params.set('until', until);
  }
  return { params, rows: donor ? N * donorShare(donor) : N };
}
const ENDPOINTS = {
  '/api/ledger/commitments': () => {
    const { params, rows } = randomFilter();
    params.set('offset', String(100 * Math.floor(Math.random() * Math.max(1, Math.min(20, rows / 200)))));
    return `/api/ledger/commitments?${params}`;
  },
  '/api/ledger/summary': () => {
    const { params } = randomFilter();
    params.set('by', pick(['donor', 'donor', 'category', 'month']));
    return `/api/ledger/summary?${params}`;
  },
};

const server = await startServerProcess(['--db', db]);
const run = (pathOf, options) =>
  autocannon({
    url: server.url.replace(/\/$/, ''), connections: 200, headers: { authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (request) => ({ ...request, path: pathOf() }) }], ...options,
  });
try {
  for (const [endpoint, pathOf] of Object.entries(ENDPOINTS)) {
    await run(pathOf, { duration: 2, overallRate: 1000 });
    const fixed = await run(pathOf, { duration: 10, overallRate: 1000 });
    const open = await run(pathOf, { duration: 5 });
    console.log(`GET ${endpoint} (random filters and offsets) over ${N} commitments, 200 connections:`);
    console.log(`  at 1,000 requests/s for 10 s: ${Math.round(fixed.requests.average)} req/s served, latency p50 ${fixed.latency.p50} ms, p99 ${fixed.latency.p99} ms (target < 50 ms), errors ${fixed.errors}, timeouts ${fixed.timeouts}, non-2xx ${fixed.non2xx}`);
    console.log(`  closed loop for 5 s: ${Math.round(open.requests.average)} req/s, p99 ${open.latency.p99} ms, errors ${open.errors}, non-2xx ${open.non2xx}`);
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
