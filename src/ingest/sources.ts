// What `ingest` reads: files (.txt .html .json .jsonl), folders of them (recursively),
// article URLs and RSS/Atom feeds. Each item is an article or the reason it could not be read.
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ArticleInputSchema } from '../facts/types.js';
import type { ArticleSource } from './ingest-article.js';
import { decodeUtf8, FetchError, safeFetch, type FetchOptions } from './fetch.js';
import { INPUT_MESSAGES } from './messages.js';

export type SourceItem = { label: string; article: ArticleSource } | { label: string; error: string };

const FILE_TYPES = new Set(['.txt', '.html', '.htm', '.json', '.jsonl']);

/** Every article named by the inputs, in order; a bad file, line or URL becomes an error item and the rest goes on. */
export async function* readSources(inputs: string[], fetchOptions: FetchOptions = {}): AsyncGenerator<SourceItem> {
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) yield* readUrl(input, fetchOptions);
    else yield* readPath(input);
  }
}

/**
 * How many articles the inputs hold, when that is known before reading them: one per text or
 * HTML file. Null when a URL, feed or JSON file is among them (each may hold any number).
 */
export async function countArticles(inputs: string[]): Promise<number | null> {
  let n = 0;
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) return null;
    for await (const file of walk(input)) {
      if (/\.jsonl?$/i.test(file)) return null;
      n++;
    }
  }
  return n;
}

async function* walk(path: string): AsyncGenerator<string> {
  let info;
  try {
    info = await stat(path);
  } catch {
    yield path; // reported when read
    return;
  }
  if (!info.isDirectory()) {
    yield path;
    return;
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = join(path, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (FILE_TYPES.has(extname(e.name).toLowerCase())) yield full;
  }
}

async function* readPath(input: string): AsyncGenerator<SourceItem> {
  for await (const file of walk(input)) {
    if (extname(file).toLowerCase() === '.jsonl') {
      yield* readJsonLines(file);
      continue;
    }
    let text: string;
    try {
      text = decodeUtf8(await readFile(file), file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield { label: file, error: code ? `cannot read: ${code}` : (err as Error).message };
      continue;
    }
    if (extname(file).toLowerCase() === '.json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        yield { label: file, error: INPUT_MESSAGES.notJson };
        continue;
      }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      for (let i = 0; i < list.length; i++) yield fromObject(list.length > 1 ? `${file}[${i}]` : file, list[i]);
    } else {
      yield { label: file, article: { text } };
    }
  }
}

/**
 * The articles of a JSON-lines file, read as a stream a line at a time: a file of any size is never
 * held in memory whole. A line that is not UTF-8 or not JSON is an error item; the rest goes on.
 */
async function* readJsonLines(file: string): AsyncGenerator<SourceItem> {
  let stream;
  try {
    stream = createReadStream(file);
    await once(stream, 'open');
  } catch (err) {
    yield { label: file, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    return;
  }
  let n = 0;
  for await (const bytes of byteLines(stream)) {
    n++;
    const label = `${file}:${n}`;
    let line: string;
    try {
      line = decodeUtf8(bytes, label);
    } catch (err) {
      yield { label, error: (err as Error).message };
      continue;
    }
    if (line.trim() !== '') yield record(label, line);
  }
}

/** The lines of a byte stream, without their line breaks; a line may span many chunks. */
async function* byteLines(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of stream) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, nl));
      yield pending.length === 1 ? pending[0] : Buffer.concat(pending);
      pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

function record(label: string, line: string): SourceItem {
  try {
    return fromObject(label, JSON.parse(line));
  } catch {
    return { label, error: INPUT_MESSAGES.notJson };
  }
}

function fromObject(label: string, value: unknown): SourceItem {
  const r = value as { text?: unknown; url?: unknown } | null;
  if (!r || typeof r !== 'object' || (typeof r.text !== 'string' && typeof r.url !== 'string')) return { label, error: INPUT_MESSAGES.recordNeedsText };
  const parsed = ArticleInputSchema.safeParse(value);
  if (!parsed.success) return { label, error: `invalid article: ${parsed.error.issues[0].path.join('.') || 'input'}: ${parsed.error.issues[0].message}` };
  const { text, url, source, published } = parsed.data;
  const title = typeof (value as { title?: unknown }).title === 'string' ? (value as { title: string }).title : null;
  return { label, article: { text, url: url ?? null, source: source ?? null, published: published ?? null, title } };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

async function* readUrl(url: string, options: FetchOptions): AsyncGenerator<SourceItem> {
  let page;
  try {
    page = await safeFetch(url, options);
  } catch (err) {
    yield { label: url, error: err instanceof FetchError ? err.message : String(err) };
    return;
  }
  if (!isFeed(page.contentType, page.body)) {
    yield { label: url, article: { text: page.body, url: page.url } };
    return;
  }
  let items: FeedItem[];
  try {
    items = feedItems(page.body);
  } catch (err) {
    yield { label: url, error: `not a readable feed: ${(err as Error).message}` };
    return;
  }
  for (const item of items) {
    const label = item.link ?? `${url}#${item.title ?? '?'}`;
    try {
      yield { label, article: await articleOfItem(item, options) };
    } catch (err) {
      yield { label, error: err instanceof FetchError ? err.message : String(err) };
    }
  }
}

/**
 * A feed item's article: its content when the feed carries the whole text (or there is no link),
 * else the page it links to, fetched after `beforeFetch` (a poller's politeness gap).
 */
export async function articleOfItem(item: FeedItem, options: FetchOptions, beforeFetch: (url: string) => Promise<void> = async () => undefined): Promise<ArticleSource> {
  const meta = { title: item.title, published: item.published };
  // a summary of a few lines stands for the article only when there is no link to the article itself
  if (item.content && (item.content.length > 400 || !item.link)) return { text: item.content, url: item.link, ...meta };
  if (!item.link) throw new FetchError('feed item has neither a link nor content');
  await beforeFetch(item.link);
  const page = await safeFetch(item.link, options);
  return { text: page.body, url: page.url, ...meta };
}

export function isFeed(contentType: string, body: string): boolean {
  return /rss|atom|xml/i.test(contentType) || /^\s*(<\?xml[^>]*>\s*)?<(rss|feed)\b/i.test(body.slice(0, 500));
}

export interface FeedItem {
  /** What identifies the item across fetches: its RSS guid or Atom id, else its link. */
  guid: string | null;
  /** The date the feed says it last changed (Atom updated, else its publication date), as written. */
  updated: string | null;
  title: string | null;
  link: string | null;
  published: string | null;
  content: string | null;
}

/** An element's text, whether the parser gave it as a string, a number or an object with attributes. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  const text = (value as { '#text'?: unknown } | null)?.['#text'];
  return typeof text === 'string' || typeof text === 'number' ? String(text).trim() || null : null;
}

/** RSS 2.0 items or Atom entries; items without a usable link or content are kept to be reported. */
export function feedItems(body: string): FeedItem[] {
  // validated: a truncated or broken feed is an error to report, not a feed with fewer items
  const doc = xml.parse(body, true) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  // an empty element parses as '': a feed with no items yet is still a feed
  if (!(typeof doc.rss === 'object' && 'channel' in doc.rss) && !('feed' in doc)) throw new Error('neither an RSS channel nor an Atom feed');
  const raw = doc.rss?.channel?.item ?? doc.feed?.entry ?? [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((it) => {
    const link = typeof it.link === 'string' ? it.link : it.link?.['@href'] ?? (Array.isArray(it.link) ? it.link[0]?.['@href'] : null) ?? null;
    const date = it.pubDate ?? it.published ?? it.updated ?? it['dc:date'] ?? null;
    const parsedDate = date ? new Date(String(date)) : null;
    const content = it['content:encoded'] ?? it.content?.['#text'] ?? (typeof it.content === 'string' ? it.content : null) ?? it.description ?? it.summary ?? null;
    const guid = textOf(it.guid) ?? textOf(it.id) ?? (typeof link === 'string' ? link : null);
    return {
      guid,
      updated: textOf(it.updated) ?? textOf(date),
      title: typeof it.title === 'string' ? it.title : it.title?.['#text'] ?? null,
      link: typeof link === 'string' && /^https?:/.test(link) ? link : null,
      published: parsedDate && !Number.isNaN(parsedDate.getTime()) ? parsedDate.toISOString().slice(0, 10) : null,
      content: typeof content === 'string' ? content : null,
    };
  });
}
