// Every failure path of ingestion is reported with its reason; the rest of the batch goes on.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFetch } from '../src/ingest/fetch.js';
import { readSources, type SourceItem } from '../src/ingest/sources.js';
import { extractArticle } from '../src/pipeline/article.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const ARTICLE = 'Norway will send 12 howitzers to Ukraine, Defence Minister Ola Berg said on Monday in Oslo, adding that more would follow this year.';

async function collect(inputs: string[], options = {}): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readSources(inputs, options)) out.push(item);
  return out;
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return; // never answers
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><body><article><p>${ARTICLE}</p><p>${ARTICLE}</p></article></body></html>`);
    } else if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
        <item><title>Good</title><link>${base}/article</link><pubDate>Mon, 07 Apr 2025 10:00:00 GMT</pubDate></item>
        <item><title>Broken link</title><link>${base}/missing</link></item>
        <item><title>Nothing at all</title></item>
      </channel></rss>`);
    } else if (req.url === '/fragments.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
        <item><title>Long</title><link>${base}/never-fetched</link><description><![CDATA[<p>${ARTICLE}</p><p>${ARTICLE}</p><p>${ARTICLE}</p><p>${ARTICLE}</p>]]></description></item>
        <item><title>Short, no link</title><description><![CDATA[<p>${ARTICLE}</p>]]></description></item>
      </channel></rss>`);
    } else if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections(); // the /slow request is still open
      server.close(() => resolve());
    }),
);

describe('ingestion failure paths', () => {
  it('reports a missing or unreadable file and reads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-'));
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    const locked = join(dir, 'b.txt');
    writeFileSync(locked, ARTICLE);
    chmodSync(locked, 0o000);
    const items = await collect([join(dir, 'missing.txt'), dir]);
    expect(items[0]).toEqual({ label: join(dir, 'missing.txt'), error: 'cannot read: ENOENT' });
    expect(items[1]).toMatchObject({ article: { text: ARTICLE } });
    // root reads any file; elsewhere the locked file is reported
    if (process.getuid?.() !== 0) expect(items[2]).toMatchObject({ error: 'cannot read: EACCES' });
  });

  it('reports a file that is not UTF-8 and a JSON line that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-'));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x4e, 0x6f, 0x72, 0x77, 0x61, 0x79, 0x20, 0xe9, 0xe8, 0x20]));
    writeFileSync(join(dir, 'batch.jsonl'), `${JSON.stringify({ text: ARTICLE })}\nnot json\n${JSON.stringify({ url: 'x' })}\n${JSON.stringify({ title: 'no text' })}\n`);
    const items = await collect([dir]);
    expect(items).toEqual([
      { label: join(dir, 'batch.jsonl:1'), article: expect.objectContaining({ text: ARTICLE }) },
      { label: join(dir, 'batch.jsonl:2'), error: 'not valid JSON' },
      { label: join(dir, 'batch.jsonl:3'), error: expect.stringMatching(/invalid article: text/) },
      // worded as the workbench words it (src/ingest/messages.ts)
      { label: join(dir, 'batch.jsonl:4'), error: 'a record needs "text" or "url"' },
      { label: join(dir, 'latin1.txt'), error: expect.stringMatching(/not valid UTF-8/) },
    ]);
  });

  it('streams a JSON-lines file a line at a time: lines longer than a read, a line that is not UTF-8, CRLF endings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-'));
    // a line of 300,000 characters spans several reads of the stream
    const long = `${ARTICLE} ${'More detail follows. '.repeat(15_000)}`;
    const latin1 = Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]);
    writeFileSync(join(dir, 'batch.jsonl'), Buffer.concat([Buffer.from(`${JSON.stringify({ text: long })}\r\n`), latin1, Buffer.from(`\n\n${JSON.stringify({ text: ARTICLE })}`)]));
    const items = await collect([join(dir, 'batch.jsonl')]);
    expect(items).toEqual([
      { label: join(dir, 'batch.jsonl:1'), article: expect.objectContaining({ text: long }) },
      { label: join(dir, 'batch.jsonl:2'), error: expect.stringMatching(/not valid UTF-8/) },
      { label: join(dir, 'batch.jsonl:4'), article: expect.objectContaining({ text: ARTICLE }) },
    ]);
  });

  it('refuses private and loopback addresses unless allowed', async () => {
    await expect(safeFetch(`${base}/article`)).rejects.toThrow(/refused, 127\.0\.0\.1 is a loopback address/);
    const page = await safeFetch(`${base}/article`, { allowPrivate: true });
    expect(page.body).toContain('howitzers');
  });

  it('gives up on a URL that does not answer in time, and on endless redirects', async () => {
    await expect(safeFetch(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 })).rejects.toThrow(/timed out after 300 ms/);
    await expect(safeFetch(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 })).rejects.toThrow(/more than 3 redirects/);
    await expect(safeFetch(`${base}/article`, { allowPrivate: true, maxBytes: 100 })).rejects.toThrow(/larger than 100 bytes/);
  });

  it('reads the good items of a feed and reports the broken ones', async () => {
    const items = await collect([`${base}/feed.xml`], { allowPrivate: true });
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ article: { url: `${base}/article`, title: 'Good', published: '2025-04-07' } });
    expect(items[1]).toMatchObject({ label: `${base}/missing`, error: expect.stringMatching(/HTTP 404/) });
    expect(items[2]).toMatchObject({ error: 'feed item has neither a link nor content' });
  });

  it('reads feed items whose content is an HTML fragment', async () => {
    const items = await collect([`${base}/fragments.xml`], { allowPrivate: true });
    expect(items).toHaveLength(2);
    for (const item of items) {
      if (!('article' in item)) throw new Error(`not read: ${item.error}`);
      const out = extractArticle({ text: item.article.text, published: item.article.published });
      expect(out.output).toMatchObject({ commitments: [{ donor: 'NO', amount: 12, unit: 'units' }] });
    }
  });

  it('says clearly when the database is unavailable and exits non-zero', () => {
    const run = spawnSync(process.execPath, [CLI, 'ledger', '--db', 'postgres://nobody@127.0.0.1:1/none'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/pledgewatch ledger: cannot reach PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
    const notADirectory = join(mkdtempSync(join(tmpdir(), 'pw-')), 'file');
    writeFileSync(notADirectory, '');
    const sqlite = spawnSync(process.execPath, [CLI, 'ingest', '--db', join(notADirectory, 'x.db'), CLI], { encoding: 'utf8' });
    expect(sqlite.status).toBe(1);
    expect(sqlite.stderr).toMatch(/cannot open SQLite database/);
  });

  it('stores no URL but http and https from JSON input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-'));
    const db = join(dir, 'urls.db');
    const lines = [
      { text: ARTICLE, url: 'javascript:alert(1)' },
      { text: `${ARTICLE} Again.`, url: 'data:text/html,<b>x</b>' },
      { text: `${ARTICLE} Once more.`, url: 'https://news.example/a' },
    ];
    writeFileSync(join(dir, 'batch.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const run = spawnSync(process.execPath, [CLI, 'ingest', join(dir, 'batch.jsonl'), '--db', db, '--json'], { encoding: 'utf8' });
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ ingested: 1, failed: 2 });
    expect(summary.errors[0].error).toMatch(/url must be an http or https address/);
  });

  it('ingests from the command line with a summary, twice without duplicates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-'));
    const db = join(dir, 'cli.db');
    writeFileSync(join(dir, 'one.txt'), ARTICLE);
    writeFileSync(join(dir, 'bad.json'), '{');
    const first = spawnSync(process.execPath, [CLI, 'ingest', dir, '--db', db, '--json'], { encoding: 'utf8' });
    // one input failed: exit 1, after the rest were stored
    expect(first.status).toBe(1);
    expect(JSON.parse(first.stdout)).toEqual({ ingested: 1, duplicates: 0, failed: 1, errors: [{ source: join(dir, 'bad.json'), error: 'not valid JSON' }] });
    const second = spawnSync(process.execPath, [CLI, 'ingest', dir, '--db', db], { encoding: 'utf8' });
    expect(second.stdout).toBe(`ingested 0, duplicates 1, failed 1 (${join(dir, 'bad.json')})\n`);
    expect(second.stderr).not.toContain('\u001b');
    const ledger = spawnSync(process.execPath, [CLI, 'ledger', '--db', db, '--donor', 'no', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(ledger.stdout)).toMatchObject([{ donor: 'NO', recipient: 'UA', amount: 12, unit: 'units', sources: [{ evidence: expect.stringContaining('12 howitzers') }] }]);
  });
});
