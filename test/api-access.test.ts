// Access rules, limits and durability of the API server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.js';
import { createToken } from '../src/api/auth.js';
import { ExposureError, startServer } from '../src/api/server.js';
import { ingestArticle } from '../src/ingest/ingest-article.js';
import { DIALECTS, freshStore } from './store-helpers.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const ARTICLE = 'Norway will send 12 howitzers to Ukraine, Defence Minister Ola Berg said on Monday.';

describe('API access and limits', () => {
  it('refuses to listen beyond loopback without tokens', async () => {
    const store = await freshStore(DIALECTS[0].url());
    try {
      await expect(startServer(store, '0.0.0.0', 0)).rejects.toThrow(ExposureError);
    } finally {
      await store.close();
    }
  });

  it('lets admins create tokens and no one else', async () => {
    const store = await freshStore(DIALECTS[0].url());
    const app = await buildApp({ store });
    try {
      const admin = await createToken(store.db, 'a', 'admin');
      const reviewer = await createToken(store.db, 'r', 'reviewer');
      const made = await app.inject({ method: 'POST', url: '/api/tokens', headers: { authorization: `Bearer ${admin}` }, payload: { role: 'viewer', name: 'dashboard' } });
      expect(made.statusCode).toBe(201);
      expect(made.json().token).toMatch(/^pw_/);
      expect((await app.inject({ url: '/api/ledger/summary?by=donor', headers: { authorization: `Bearer ${made.json().token}` } })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: { authorization: `Bearer ${reviewer}` }, payload: { role: 'admin', name: 'x' } })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: { authorization: `Bearer ${admin}` }, payload: { role: 'god', name: 'x' } })).statusCode).toBe(400);
      const stored = await store.db.selectFrom('api_tokens').select('hash').execute();
      expect(stored.every((t) => /^[0-9a-f]{64}$/.test(t.hash))).toBe(true);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('rate-limits write routes and caps request bodies', async () => {
    const store = await freshStore(DIALECTS[0].url());
    const app = await buildApp({ store, writesPerMinute: 2, bodyLimit: 1000 });
    try {
      const post = () => app.inject({ method: 'POST', url: '/api/facts/999/review', payload: { action: 'accept', actor: 'x' } });
      expect((await post()).statusCode).toBe(404);
      expect((await post()).statusCode).toBe(404);
      const limited = await post();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect((await app.inject({ url: '/api/ledger/summary?by=donor' })).statusCode).toBe(200); // reads are not limited
      const big = await buildApp({ store, bodyLimit: 1000 });
      const tooLarge = await big.inject({ method: 'POST', url: '/api/articles', payload: { text: 'x'.repeat(5000) } });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      await big.close();
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe('durability', () => {
  let server: ChildProcess | undefined;
  afterEach(() => server?.kill('SIGKILL'));

  const start = async (db: string, port: number) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/ledger/summary?by=donor`)).ok) return child;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not start');
  };

  it('keeps a review action after the server is killed with SIGKILL right after answering', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'pw-api-')), 'api.db');
    const store = await freshStore(db);
    await ingestArticle(store, { text: ARTICLE });
    const fact = await store.db.selectFrom('facts').select('id').where('type', '=', 'commitment').executeTakeFirstOrThrow();
    await store.close();
    const port = 20000 + Math.floor(Math.random() * 20000);
    server = await start(db, port);
    const res = await fetch(`http://127.0.0.1:${port}/api/facts/${fact.id}/review`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'accept', actor: 'analyst' }) });
    expect(res.status).toBe(200);
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    server = await start(db, port);
    const history = await (await fetch(`http://127.0.0.1:${port}/api/facts/${fact.id}/history`)).json();
    expect(history).toMatchObject([{ action: 'accept', actor: 'analyst' }]);
  });
});
