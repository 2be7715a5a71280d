// The live tracker: watched sources polled from a feed server on 127.0.0.1 (the only network these
// tests reach), alerts by signed webhook to a receiver on 127.0.0.1, the Atom feed, visits, health.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { Queue } from 'bullmq';
import { pino } from 'pino';
import { buildApp } from '../src/api/app.js';
import { createToken } from '../src/api/auth.js';
import { ingestArticle } from '../src/ingest/ingest-article.js';
import { redisConnection } from '../src/queue/index.js';
import { openStore, type FactStore } from '../src/store/index.js';
import { addSubscription, deliveriesOf, retryDelayMs, signature } from '../src/watch/alerts.js';
import { feedId } from '../src/watch/atom.js';
import { startWatching, type Watcher } from '../src/watch/index.js';
import { HostGate } from '../src/watch/host-gate.js';
import { formatInterval, parseInterval } from '../src/watch/interval.js';
import { SOURCES_QUEUE } from '../src/watch/scheduler.js';
import { addSource, backoffMs, leaseSource, listSources, urlRefusal } from '../src/watch/sources.js';
import { ITEMS_PER_POLL, pollSource } from '../src/watch/poll.js';
import { recordVisit } from '../src/watch/visits.js';
import { startFeedServer } from '../bench/feed-server.js';
import { startServerProcess } from '../bench/workbench.js';
import { describeWith, needService } from './helpers.js';
import { freshStore } from './store-helpers.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const silent = pino({ level: 'silent' });
const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'pledgewatch-watch-')), 'watch.db');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, REDIS_URL: '' } });

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A pledge long enough to stand for its article in a feed (a summary under 400 characters does not). */
const pledge = (donor: string, n: number) =>
  `${donor} will send ${n} howitzers and ammunition to Ukraine, its defence minister said in a statement on Monday. ` +
  'The package is part of the support the government announced earlier this year, the ministry added, and deliveries are to begin within weeks. ' +
  'Officials said the equipment would be drawn from existing stocks and replaced through new orders with domestic manufacturers over the next two years.';

describe('watch: rules as functions', () => {
  it('reads intervals as users write them', () => {
    expect([parseInterval('15m'), parseInterval('90s'), parseInterval('2h'), parseInterval('500ms'), parseInterval(' 1.5s ')]).toEqual([900_000, 90_000, 7_200_000, 500, 1500]);
    for (const bad of ['15', 'm', '15 minutes', '-1s', '']) expect(parseInterval(bad)).toBeNull();
    expect([formatInterval(900_000), formatInterval(7_200_000), formatInterval(1500)]).toEqual(['15m', '2h', '1500ms']);
  });

  it('backs off a failing source, doubling up to six hours', () => {
    expect([1, 2, 3].map((f) => backoffMs(60, f))).toEqual([120_000, 240_000, 480_000]);
    expect(backoffMs(60, 30)).toBe(6 * 3_600_000);
    expect(backoffMs(86_400, 3)).toBe(86_400_000); // never sooner than the interval itself
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([1000, 2000, 4000, 15 * 60_000]);
  });

  it('refuses to watch what no fetch may reach, unless allowed', () => {
    const table: Array<[string, boolean, RegExp | null]> = [
      ['https://example.org/feed.xml', false, null],
      ['http://127.0.0.1:8080/feed', false, /loopback.*--allow-private/],
      ['http://127.0.0.1:8080/feed', true, null],
      ['http://[::1]/feed', false, /loopback/],
      ['http://10.1.2.3/feed', false, /private/],
      ['http://169.254.169.254/latest', false, /link-local/],
      ['http://localhost/feed', false, /loopback name/],
      ['ftp://example.org/feed', false, /only http and https/],
      ['not a url', false, /not an address/],
    ];
    for (const [url, allow, expected] of table) {
      const refusal = urlRefusal(url, allow);
      if (expected) expect(refusal, url).toMatch(expected);
      else expect(refusal, url).toBeNull();
    }
  });

  it('signs a body with HMAC-SHA256 over timestamp and body', () => {
    const s = signature('secret', '1700000000', '{"a":1}');
    expect(s).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signature('secret', '1700000000', '{"a":2}')).not.toBe(s);
    expect(signature('other', '1700000000', '{"a":1}')).not.toBe(s);
  });

  it('names a filtered feed the same whatever the order of its parameters', () => {
    expect(feedId({ recipient: 'UA', donor: 'DE' })).toBe(feedId({ donor: 'DE', recipient: 'UA' }));
    expect(feedId({})).toBe('tag:pledgewatch,2026:ledger-changes');
  });

  it('spaces requests to one host, not to others', async () => {
    const gate = new HostGate(200);
    const started = Date.now();
    await gate.wait('http://a.example/1');
    await gate.wait('http://b.example/1');
    expect(Date.now() - started).toBeLessThan(100);
    await gate.wait('http://a.example/2');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('keeps a visit going across reloads and starts a new one after a pause', async () => {
    const store = await openStore(tmpDb());
    const t0 = new Date('2026-12-01T09:00:00Z');
    expect(await recordVisit(store.db, 'ana', t0)).toMatchObject({ previousAt: null, currentAt: t0.toISOString() });
    expect(await recordVisit(store.db, 'ana', new Date('2026-12-01T09:20:00Z'))).toMatchObject({ previousAt: null, currentAt: t0.toISOString() });
    const later = new Date('2026-12-02T10:00:00Z');
    expect(await recordVisit(store.db, 'ana', later)).toMatchObject({ previousAt: t0.toISOString(), currentAt: later.toISOString() });
    expect((await recordVisit(store.db, 'ben', later)).previousAt).toBeNull();
    await store.close();
  });
});

describe('watch: serve on SQLite polls a feed', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  let db: string;
  let feedUrl: string;
  beforeAll(async () => {
    feeds = await startFeedServer();
    feedUrl = feeds.feed('/news.xml');
    feeds.pages.set('/articles/1', pledge('Sweden', 12));
    feeds.putItem('/news.xml', { guid: 'item-1', title: 'Sweden sends howitzers', link: `${feeds.base}/articles/1` });
    db = tmpDb();
    const added = cli('sources', 'add', feedUrl, '--every', '1s', '--name', 'test wire', '--allow-private', '--db', db);
    expect(added.status, added.stderr).toBe(0);
    server = await startServerProcess(['--db', db, '--host-gap', '0'], { timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await server?.stop();
    await feeds?.close();
  });

  const api = async (path: string) => (await fetch(new URL(path, server.url))).json();

  it('refuses a loopback feed added without --allow-private, and the same feed twice', () => {
    const refused = cli('sources', 'add', 'http://127.0.0.1:9/feed.xml', '--db', db);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/loopback.*--allow-private/);
    const twice = cli('sources', 'add', feedUrl, '--allow-private', '--db', db);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/watched already/);
  });

  it('stores a new item as a ledger row within 5 s of the poll that sees it', async () => {
    await until('the first item in the ledger', async () => ((await api('/api/ledger/commitments?donor=SE')) as unknown[]).length > 0);
    const added = feeds.putItem('/news.xml', { guid: 'item-2', title: 'Norway pledges', content: pledge('Norway', 30) });
    const seenAt = await until('a poll that sees the new item', async () => feeds.requestsFor('/news.xml').find((r) => r.at >= Date.parse(added.updated) && (r as { items?: string[] }).items?.includes('item-2'))?.at);
    const rowAt = await until('the new item in the ledger', async () => (((await api('/api/ledger/commitments?donor=NO')) as unknown[]).length > 0 ? Date.now() : null));
    expect(rowAt - seenAt).toBeLessThan(5_000);
    const rows = (await api('/api/ledger/commitments?donor=NO')) as Array<{ amount: number; recipient: string }>;
    expect(rows[0]).toMatchObject({ amount: 30, recipient: 'UA' });
  });

  it('asks conditionally, and reads an item again only when its updated date changes', async () => {
    const pageFetches = () => feeds.requestsFor('/articles/1').length;
    const before = pageFetches();
    await sleep(2_500); // two polls or more
    expect(feeds.requestsFor('/news.xml').some((r) => r.status === 304)).toBe(true);
    expect(pageFetches()).toBe(before);
    feeds.pages.set('/articles/1', pledge('Sweden', 18));
    feeds.putItem('/news.xml', { guid: 'item-1', title: 'Sweden sends more howitzers', link: `${feeds.base}/articles/1`, updated: new Date(Date.now() + 60_000).toISOString() });
    await until('the revised item fetched', async () => pageFetches() > before);
    const rows = await until('the revision in the ledger', async () => {
      const r = (await api('/api/ledger/commitments?donor=SE')) as Array<{ amount: number }>;
      return r.some((row) => row.amount === 18) && r;
    });
    // the revision replaces the article it revises: its old figure leaves the ledger
    expect(rows.map((r) => r.amount)).toEqual([18]);
    const { sources } = (await api('/api/sources')) as { sources: Array<{ itemsSeen: number; lastError: string | null; lastFetchAt: string }> };
    expect(sources[0]).toMatchObject({ itemsSeen: 2, lastError: null });
  });

  it('tells what changed, as JSON, as Atom (every element RFC 4287 requires) and in health', async () => {
    const { changes } = (await api('/api/changes?donor=NO')) as { changes: Array<{ kind: string; summary: string; article: { url: string | null } | null }> };
    expect(changes.map((c) => c.kind)).toContain('new');
    const atom = await (await fetch(new URL('/api/ledger/feed.atom?donor=NO', server.url))).text();
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(atom, true);
    const feed = doc.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated', 'author']) expect(feed[required], required).toBeTruthy();
    expect(feed.author.name).toBeTruthy();
    expect([feed.link].flat().find((l: { '@rel': string }) => l['@rel'] === 'self')['@href']).toMatch(/feed\.atom\?donor=NO/);
    const entries = [feed.entry].flat();
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      for (const required of ['id', 'title', 'updated', 'content']) expect(e[required], required).toBeTruthy();
      expect(new Date(e.updated).toISOString()).toBe(e.updated);
      expect([e.link].flat().some((l: { '@rel': string }) => l['@rel'] === 'alternate')).toBe(true);
    }
    expect(entries.some((e) => /New commitment — NO → UA, 30/.test(e.title))).toBe(true);
    const due = await fetch(new URL('/api/sources/1/fetch', server.url), { method: 'POST' });
    expect(due.status).toBe(200);
    expect(Date.parse(((await due.json()) as { nextFetchAt: string }).nextFetchAt)).toBeLessThanOrEqual(Date.now());
    expect((await fetch(new URL('/api/sources/99/fetch', server.url), { method: 'POST' })).status).toBe(404);
    const health = (await api('/api/health')) as { status: string; sources: { total: number; failing: number } };
    expect(health).toMatchObject({ status: 'ok', sources: { total: 1, failing: 0 } });
  });
});

describe('watch: failing sources back off and do not stop the others', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  let store: FactStore;
  let watcher: Watcher;
  const db = tmpDb();
  beforeAll(async () => {
    feeds = await startFeedServer();
    store = await openStore(db);
  });
  afterAll(async () => {
    await watcher?.stop();
    await store?.close();
    await feeds?.close();
  });

  it('keeps each failure on its source, backs off, and polls the good one on time', async () => {
    const now = new Date();
    const good = await addSource(store.db, { url: feeds.feed('/good.xml'), everySeconds: 1, allowPrivate: true }, now);
    feeds.putItem('/good.xml', { guid: 'g1', title: 'Denmark', content: pledge('Denmark', 8) });
    await addSource(store.db, { url: feeds.feed('/500.xml', { fail: 500 }), everySeconds: 1, allowPrivate: true }, now);
    await addSource(store.db, { url: feeds.feed('/hang.xml', { hang: true }), everySeconds: 1, allowPrivate: true }, now);
    await addSource(store.db, { url: feeds.feed('/broken.xml', { broken: true }), everySeconds: 1, allowPrivate: true }, now);
    // added past the address check, as if the rule had changed: the fetch itself refuses it, no request is made
    await addSource(store.db, { url: feeds.feed('/refused.xml'), everySeconds: 1, allowPrivate: false }, now);
    watcher = startWatching(store, { extract: (await import('../src/ingest/extract.js')).extractInThisThread, log: silent, hostGapMs: 0, fetchOptions: { timeoutMs: 700 } });
    await sleep(5_000);
    const sources = await listSources(store.db);
    const byPath = (p: string) => sources.find((s) => s.url.endsWith(p))!;
    expect(byPath('/500.xml').lastError).toMatch(/HTTP 500/);
    expect(byPath('/hang.xml').lastError).toMatch(/timed out after 700 ms/);
    expect(byPath('/broken.xml').lastError).toMatch(/not a readable feed/);
    expect(byPath('/refused.xml').lastError).toMatch(/refused, .*loopback/);
    expect(feeds.requestsFor('/refused.xml')).toHaveLength(0);
    for (const p of ['/500.xml', '/hang.xml', '/broken.xml']) {
      // backing off (1 s, then 2, then 4): far fewer tries than the good source's polls
      expect(byPath(p).failures, p).toBeGreaterThan(0);
      expect(byPath(p).fetches, p).toBeLessThanOrEqual(3);
    }
    expect(byPath('/good.xml')).toMatchObject({ id: good.id, lastError: null, itemsSeen: 1 });
    expect(byPath('/good.xml').fetches).toBeGreaterThanOrEqual(4);
    const listed = cli('sources', 'list', '--db', db);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/500\.xml[^]*error \(\d+ in a row, backing off\): .*HTTP 500/);
  }, 30_000);
});

describe('watch: a long feed', () => {
  it('reads at most ITEMS_PER_POLL items a poll and the rest at the next, asking for the whole feed again', async () => {
    const feeds = await startFeedServer();
    const store = await openStore(tmpDb());
    const extract = (await import('../src/ingest/extract.js')).extractInThisThread;
    const ctx = { store, extract, gate: new HostGate(0), log: silent };
    const url = feeds.feed('/archive.xml');
    for (let i = 0; i < ITEMS_PER_POLL + 10; i++) feeds.putItem('/archive.xml', { guid: `a${i}`, title: `item ${i}`, content: `${pledge('Finland', i + 1)} (${i})` });
    const source = await addSource(store.db, { url, everySeconds: 1, allowPrivate: true }, new Date());
    const poll = async () => pollSource(ctx, (await leaseSource(store.db, source.id, new Date()))!);
    expect(await poll()).toMatchObject({ ok: true, ingested: ITEMS_PER_POLL });
    expect(await poll()).toMatchObject({ ok: true, notModified: false, ingested: 10 });
    expect(await poll()).toMatchObject({ ok: true, notModified: true });
    expect((await listSources(store.db))[0].itemsSeen).toBe(ITEMS_PER_POLL + 10);
    await store.close();
    await feeds.close();
  }, 60_000);
});

/** A webhook receiver on 127.0.0.1 that answers each request with the next status of `statuses` (then 200). */
async function startReceiver(statuses: number[]) {
  const received: Array<{ headers: IncomingMessage['headers']; body: string; status: number }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('watch: alerts', () => {
  let store: FactStore;
  let watcher: Watcher | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    store = await openStore(tmpDb());
  });
  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
  });
  afterAll(async () => {
    await receiver?.close();
    await store?.close();
  });

  it('posts one signed delivery per matching change, and retries it after a 500', async () => {
    receiver = await startReceiver([500]);
    const sub = await addSubscription(store.db, { filters: { donor: 'Norway', minEur: 1 }, webhookUrl: receiver.url, allowPrivate: true }, new Date());
    await ingestArticle(store, { text: 'Denmark will send 20 howitzers to Ukraine, its defence minister said on Monday.', published: '2026-11-30' });
    await ingestArticle(store, { text: 'Norway will give €50 million in military aid to Ukraine, its defence minister said on Monday.', published: '2026-11-30' });
    const extract = (await import('../src/ingest/extract.js')).extractInThisThread;
    watcher = startWatching(store, { extract, log: silent });
    await until('the retried delivery', async () => receiver.received.length >= 2);
    await sleep(1_500); // nothing more comes: one change matched, delivered once
    expect(receiver.received.map((r) => r.status)).toEqual([500, 200]);
    const [first, second] = receiver.received;
    expect(second.headers['x-pledgewatch-delivery']).toBe(first.headers['x-pledgewatch-delivery']);
    for (const r of receiver.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-pledgewatch-signature']).toBe(signature(sub.secret, String(r.headers['x-pledgewatch-timestamp']), r.body));
    }
    const body = JSON.parse(second.body) as { subscription: number; change: { kind: string; commitment: { donor: string; amount: number; eur: number } } };
    expect(body).toMatchObject({ subscription: sub.id, change: { kind: 'new', commitment: { donor: 'NO', amount: 50_000_000 } } });
    const [log] = await deliveriesOf(store.db, sub.id);
    expect(log).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(log.log.map((a) => a.status)).toEqual([500, 200]);
  });

  it('sends a stage reached and an amount revised as changes of their own', async () => {
    await receiver.close();
    receiver = await startReceiver([]);
    await addSubscription(store.db, { filters: { donor: 'NO' }, webhookUrl: receiver.url, allowPrivate: true }, new Date());
    await ingestArticle(store, { text: 'Norway will give €80 million in military aid to Ukraine, its defence minister said on Tuesday.', published: '2026-12-01' });
    // a later, more precise figure for the same pledge, then its delivery
    await ingestArticle(store, { text: 'Norway will give €80.5 million in military aid to Ukraine, its defence ministry said on Wednesday.', published: '2026-12-02' });
    await ingestArticle(store, { text: 'Norway has delivered €80.5 million in military aid to Ukraine, its defence ministry said on Thursday.', published: '2026-12-03' });
    const extract = (await import('../src/ingest/extract.js')).extractInThisThread;
    watcher = startWatching(store, { extract, log: silent });
    const kinds = await until('the changes', async () => {
      const k = receiver.received.map((r) => (JSON.parse(r.body) as { change: { kind: string } }).change.kind);
      return k.includes('stage') && k.includes('amount') && k;
    });
    expect(kinds).toContain('new-source');
  });

  it('refuses a webhook on a loopback address without --allow-private', () => {
    const out = cli('subscriptions', 'add', '--webhook', 'http://127.0.0.1:9/hook', '--db', tmpDb());
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/loopback.*--allow-private/);
  });
});

describe('watch: the Atom feed takes a viewer token in its address', () => {
  it('answers a feed reader that sends no headers', async () => {
    const store = await openStore(tmpDb());
    const app = await buildApp({ store });
    const viewer = await createToken(store.db, 'reader', 'viewer');
    expect((await app.inject({ url: '/api/ledger/feed.atom' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/ledger/feed.atom?token=wrong' })).statusCode).toBe(401);
    const ok = await app.inject({ url: `/api/ledger/feed.atom?donor=DE&token=${viewer}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(ok.body).not.toContain(viewer); // the self link leaves the token out
    // elsewhere a token in the address is not taken
    expect((await app.inject({ url: `/api/changes?token=${viewer}` })).statusCode).toBe(401);
    await app.close();
    await store.close();
  });
});

const REDIS = process.env.PLEDGEWATCH_TEST_REDIS_URL;

describeWith(REDIS)('watch: two workers on Redis share ten sources', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  const workers: ChildProcess[] = [];
  afterAll(async () => {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    await feeds?.close();
  });

  it('fetches each source exactly once per interval', async () => {
    const redisUrl = needService('PLEDGEWATCH_TEST_REDIS_URL', REDIS);
    const connection = redisConnection(redisUrl);
    const queue = new Queue(SOURCES_QUEUE, { connection });
    await queue.obliterate({ force: true }); // schedulers left by another database
    await queue.close();
    connection.disconnect();
    feeds = await startFeedServer();
    const db = tmpDb();
    const paths = Array.from({ length: 10 }, (_, i) => `/feed-${i}.xml`);
    for (const p of paths) {
      feeds.feed(p);
      const out = cli('sources', 'add', `${feeds.base}${p}`, '--every', '2s', '--allow-private', '--db', db);
      expect(out.status, out.stderr).toBe(0);
    }
    for (let i = 0; i < 2; i++) {
      workers.push(spawn(process.execPath, [CLI, 'worker', '--db', db, '--host-gap', '0'], { env: { ...process.env, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' }, stdio: 'ignore' }));
    }
    // the workers sync the schedulers from the database within seconds; then watch three intervals
    await until('every source polled', async () => paths.every((p) => feeds.requestsFor(p).length > 0), 20_000);
    const from = Date.now();
    await sleep(6_500);
    for (const p of paths) {
      const times = feeds.requestsFor(p).map((r) => r.at).filter((t) => t >= from);
      expect(times.length, p).toBeGreaterThanOrEqual(3);
      expect(times.length, p).toBeLessThanOrEqual(4);
      // never twice within one interval
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1], p).toBeGreaterThan(1_500);
    }
  }, 60_000);
});

const POSTGRES = process.env.PLEDGEWATCH_TEST_DATABASE_URL;

describeWith(POSTGRES)('watch: two pollers on one PostgreSQL lease each due source', () => {
  it('fetches each of ten sources once per interval', async () => {
    const url = needService('PLEDGEWATCH_TEST_DATABASE_URL', POSTGRES);
    const feeds = await startFeedServer();
    const first = await freshStore(url);
    const second = await openStore(url); // another process's pool: the lease is all they share
    const extract = (await import('../src/ingest/extract.js')).extractInThisThread;
    const paths = Array.from({ length: 10 }, (_, i) => `/pg-${i}.xml`);
    for (const p of paths) await addSource(first.db, { url: feeds.feed(p), everySeconds: 1, allowPrivate: true }, new Date());
    const pollers = [first, second].map((store) => startWatching(store, { extract, log: silent, hostGapMs: 0 }));
    try {
      await until('every source polled', async () => paths.every((p) => feeds.requestsFor(p).length > 0));
      const from = Date.now();
      await sleep(4_200);
      for (const p of paths) {
        const times = feeds.requestsFor(p).map((r) => r.at).filter((t) => t >= from);
        expect(times.length, p).toBeGreaterThanOrEqual(3);
        for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1], p).toBeGreaterThanOrEqual(900);
      }
    } finally {
      await Promise.all(pollers.map((w) => w.stop()));
      await first.close();
      await second.close();
      await feeds.close();
    }
  }, 40_000);
});
