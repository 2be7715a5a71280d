// npm run bench:api — load on the API: a server started on 127.0.0.1 by this script over a
// store of 100,000 commitments, 200 concurrent connections for 10 s per endpoint (bounded) after a
// 2 s warm-up, then stopped. Target: p99 under 50 ms.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../dist/store/index.js';
import { createToken } from '../dist/api/auth.js';
import { N, fillLedger } from './fill-ledger.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const db = join(mkdtempSync(join(tmpdir(), 'pw-api-load-')), 'load.db');
const store = await openStore(db);
await fillLedger(store);
// served as beyond loopback it would be: with a token, which every request carries
const token = await createToken(store.db, 'load', 'viewer');
await store.close();

const port = 18787;
const server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(port)], { stdio: 'ignore' });
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ledger/summary?by=donor`, { headers: { authorization: `Bearer ${token}` } })).ok) break;
    } catch {
      if (i > 100) throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const path of ['/api/ledger/commitments?donor=LT', '/api/ledger/summary?by=donor']) {
    // two seconds of the same load first: the figures are the server's steady state, not its JIT warm-up
    await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 200, duration: 2, headers: { authorization: `Bearer ${token}` } });
    const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 200, duration: 10, headers: { authorization: `Bearer ${token}` } });
    console.log(`GET ${path} over ${N} commitments, 200 connections, 10 s: ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (target p99 < 50 ms), errors ${result.errors}, non-2xx ${result.non2xx}`);
  }
} finally {
  server.kill('SIGTERM');
}
