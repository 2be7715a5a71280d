// The live tracker's latency, as a user meets it: `pledgewatch serve` on SQLite watches a feed on
// 127.0.0.1 (polled every second, as `sources add --every 1s` sets it); real dev articles are
// published to the feed one at a time, each as a link to its page, and the clock runs from the
// moment the feed first lists the item (the poll that sees it) to the moment its commitment is in
// the API. The reference, in the same run: the same kind of article stored by hand with
// `pledgewatch ingest URL` as a whole process, to the same moment.
//
//   node bench/live.js            (BENCH_ITEMS=20 by default)
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devArticles } from './corpus.js';
import { startFeedServer } from './feed-server.js';
import { startServerProcess } from './workbench.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const ITEMS = Number(process.env.BENCH_ITEMS ?? 20);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), 'pw-live-'));
const db = join(dir, 'live.db');
const env = { ...process.env, REDIS_URL: '' };
const cli = (...args) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
// the feed server answers from this process: a command that fetches from it must not block it
const cliAsync = (...args) => promisify(execFile)(process.execPath, [CLI, ...args], { env }).then(() => true, () => false);

// articles the extractor finds a commitment in, so that each makes a ledger row to wait for
const articles = devArticles('bench/live.js').filter((a) => /\b(pledge|will (send|provide|give)|announce)/i.test(a.text)).slice(0, ITEMS * 2);
const feeds = await startFeedServer();
const feedUrl = feeds.feed('/live.xml');
if (cli('sources', 'add', feedUrl, '--every', '1s', '--allow-private', '--db', db).status !== 0) throw new Error('cannot add the source');
const server = await startServerProcess(['--db', db, '--host-gap', '0']);
const api = async (path) => (await fetch(new URL(path, server.url))).json();
const changesFor = async (url) => (await api('/api/changes?limit=500')).changes.filter((c) => c.article?.url === url);

async function timeToRow(url, from, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await changesFor(url)).length > 0) return Date.now() - from();
    await sleep(20);
  }
  return null;
}

const watched = [];
const byHand = [];
let i = 0;
for (const a of articles) {
  if (watched.length >= ITEMS) break;
  // watched: published to the feed, timed from the poll that first lists it
  const path = `/story/${i}`;
  const url = `${feeds.base}${path}`;
  feeds.pages.set(path, a.text);
  const published = Date.now();
  const guid = `story-${i}`;
  feeds.putItem('/live.xml', { guid, title: a.id, link: url });
  const seen = () => feeds.requestsFor('/live.xml').find((r) => r.at >= published && r.items?.includes(guid))?.at ?? published;
  const ms = await timeToRow(url, seen);
  // by hand: another article stored with `ingest URL`, timed from the command's start
  const handPath = `/by-hand/${i}`;
  const handUrl = `${feeds.base}${handPath}`;
  feeds.pages.set(handPath, `${a.text}\n\nCopy stored by hand.`);
  const started = Date.now();
  const stored = await cliAsync('ingest', handUrl, '--allow-private', '--db', db);
  const handMs = stored ? await timeToRow(handUrl, () => started) : null;
  i++;
  if (ms === null || handMs === null) continue; // no commitment found in it: nothing to time
  watched.push({ ms, fromPublication: ms + (seen() - published) });
  byHand.push(handMs);
}
await server.stop();
await feeds.close();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p90: at(0.9), max: s.at(-1) };
};
const poll = stats(watched.map((w) => w.ms));
const publication = stats(watched.map((w) => w.fromPublication));
const hand = stats(byHand);
console.log(`articles timed: ${watched.length} (real dev articles with a commitment; ${i} tried)`);
console.log(`poll that sees the item → ledger row in the API: median ${poll.median} ms, p90 ${poll.p90} ms, max ${poll.max} ms (target < 5000)`);
console.log(`publication → ledger row, polled every 1 s: median ${publication.median} ms, p90 ${publication.p90} ms`);
console.log(`reference, \`pledgewatch ingest URL\` by hand (whole process) → row: median ${hand.median} ms, p90 ${hand.p90} ms`);
console.log(`watched / by hand (median): ${(poll.median / hand.median).toFixed(2)}`);
