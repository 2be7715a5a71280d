// Access rules, limits and durability of the API server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

describe('open mode behind a browser', () => {
  it('answers only loopback Host and Origin headers while no token exists', async () => {
    const store = await freshStore(DIALECTS[0].url());
    const app = await buildApp({ store });
    try {
      const get = (headers: Record<string, string>) => app.inject({ url: '/api/ledger/summary?by=donor', headers });
      for (const host of ['127.0.0.1:8787', 'localhost', '[::1]:9000', 'localhost:5173']) expect((await get({ host })).statusCode, host).toBe(200);
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8787', 'http://[::1]:1234']) expect((await get({ host: '127.0.0.1:8787', origin })).statusCode, origin).toBe(200);
      for (const host of ['attacker.example', 'attacker.example:8787', '10.0.0.5:8787', '127.0.0.1.nip.io', 'localhost.attacker.example']) {
        const res = await get({ host });
        expect(res.statusCode, host).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN_ORIGIN');
      }
      for (const origin of ['http://attacker.example', 'null', 'http://192.168.1.4:8787', 'file://']) expect((await get({ host: '127.0.0.1:8787', origin })).statusCode, origin).toBe(403);
      // the page itself and the API docs are refused under a foreign name too
      expect((await app.inject({ url: '/docs/json', headers: { host: 'attacker.example' } })).statusCode).toBe(403);
      const post = await app.inject({ method: 'POST', url: '/api/articles', headers: { host: 'attacker.example' }, payload: { text: ARTICLE } });
      expect(post.statusCode).toBe(403);
      expect(await store.db.selectFrom('articles').select('id').execute()).toEqual([]);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('creates no token over HTTP without a token: the first one is a CLI act', async () => {
    const store = await freshStore(DIALECTS[0].url());
    const app = await buildApp({ store });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/tokens', payload: { role: 'admin', name: 'x' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/pledgewatch token create/);
      expect((await app.inject({ url: '/api/tokens' })).statusCode).toBe(403);
      expect(await store.db.selectFrom('api_tokens').select('hash').execute()).toEqual([]);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('revokes tokens over HTTP (admins) and on the CLI, and lists them', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'pw-tokens-')), 'tokens.db');
    const store = await freshStore(db);
    const app = await buildApp({ store });
    try {
      const admin = await createToken(store.db, 'a', 'admin');
      const viewer = await createToken(store.db, 'dashboard', 'viewer');
      const auth = (t: string) => ({ authorization: `Bearer ${t}` });
      expect((await app.inject({ url: '/api/ledger/summary?by=donor', headers: auth(viewer) })).statusCode).toBe(200);
      const listed = (await app.inject({ url: '/api/tokens', headers: auth(admin) })).json().items as Array<{ id: string; name: string; revokedAt: string | null }>;
      const id = listed.find((t) => t.name === 'dashboard')!.id;
      expect(id).toMatch(/^[0-9a-f]{12}$/);
      expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: auth(viewer) })).statusCode).toBe(403);
      expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: auth(admin) })).statusCode).toBe(204);
      expect((await app.inject({ url: '/api/ledger/summary?by=donor', headers: auth(viewer) })).statusCode).toBe(401);
      expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: auth(admin) })).statusCode).toBe(404);

      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, 'token', ...args, '--db', db], { encoding: 'utf8' });
      const list = JSON.parse(cli('list', '--json').stdout) as Array<{ id: string; name: string; revokedAt: string | null }>;
      expect(list.map((t) => [t.name, t.revokedAt === null])).toEqual([['a', true], ['dashboard', false]]);
      const adminId = list.find((t) => t.name === 'a')!.id;
      expect(cli('revoke', 'ffffffffffff').status).toBe(1);
      expect(cli('revoke', adminId).status).toBe(0);
      expect(cli('list').stdout).toMatch(new RegExp(`${adminId}\\s+admin\\s+a\\s+created \\d{4}-\\d{2}-\\d{2}\\s+revoked`));
      // the running server stays closed and opens nothing to a revoked token; with every token revoked, no new server listens beyond loopback
      await new Promise((r) => setTimeout(r, 5100)); // the role cache's lifetime: a CLI revocation takes effect within it
      expect((await app.inject({ url: '/api/ledger/summary?by=donor', headers: auth(admin) })).statusCode).toBe(401);
      await expect(startServer(store, '0.0.0.0', 0)).rejects.toThrow(ExposureError);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('slows down token guessing and marks every response nosniff; the API docs carry their own CSP', async () => {
    const store = await freshStore(DIALECTS[0].url());
    const app = await buildApp({ store });
    try {
      await createToken(store.db, 'a', 'admin');
      const guess = (n: number) => app.inject({ url: '/api/ledger/summary?by=donor', headers: { authorization: `Bearer pw_guess${n}` } });
      for (let i = 0; i < 10; i++) expect((await guess(i)).statusCode).toBe(401);
      const limited = await guess(10);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['x-content-type-options']).toBe('nosniff');
      const other = await app.inject({ url: '/api/ledger/summary?by=donor', remoteAddress: '127.0.0.9', headers: { authorization: 'Bearer pw_other' } });
      expect(other.statusCode).toBe(401);
      const docs = await app.inject({ url: '/docs/static/index.html' });
      expect(docs.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(docs.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
      expect(docs.headers['x-content-type-options']).toBe('nosniff');
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
