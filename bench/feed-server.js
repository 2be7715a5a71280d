// A feed server on 127.0.0.1 for the live tracker's tests and latency bench: RSS feeds whose items
// can be added or revised while it runs, article pages, conditional requests (ETag, 304), and
// feeds that fail on purpose (an HTTP status, a hang, a broken body). Every request is logged.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(items) {
  const entries = items.map((i) => `<item><guid>${escape(i.guid)}</guid><title>${escape(i.title)}</title>${i.link ? `<link>${escape(i.link)}</link>` : ''}<pubDate>${new Date(i.updated).toUTCString()}</pubDate>${i.content ? `<description>${escape(i.content)}</description>` : ''}</item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>test feed</title>${entries.join('')}</channel></rss>`;
}

export async function startFeedServer() {
  /** path → { items, fail?: number (an HTTP status), hang?: true, broken?: true } */
  const feeds = new Map();
  /** path → article text */
  const pages = new Map();
  const requests = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const entry = { path, at: Date.now(), status: 200 };
    requests.push(entry);
    const answer = (status, type, body, headers = {}) => {
      entry.status = status;
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (pages.has(path)) return answer(200, 'text/plain; charset=utf-8', pages.get(path));
    const feed = feeds.get(path);
    if (!feed) return answer(404, 'text/plain', 'no such feed');
    if (feed.hang) return; // never answers: the poller's time-out ends it
    if (feed.fail) return answer(feed.fail, 'text/plain', 'failing on purpose');
    if (feed.broken) return answer(200, 'application/rss+xml', '<rss><channel><item><title>cut off</item>');
    const body = rss(feed.items);
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) return answer(304, 'application/rss+xml', '', { etag });
    entry.items = feed.items.map((i) => i.guid);
    answer(200, 'application/rss+xml; charset=utf-8', body, { etag });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    feeds,
    pages,
    requests,
    /** Requests for one path. */
    requestsFor: (path) => requests.filter((r) => r.path === path),
    feed(path, options = {}) {
      feeds.set(path, { items: [], ...options });
      return `${base}${path}`;
    },
    /** Adds or replaces (by guid) an item; its `updated` defaults to now. */
    putItem(path, item) {
      const feed = feeds.get(path);
      const full = { updated: new Date().toISOString(), ...item };
      feed.items = [full, ...feed.items.filter((i) => i.guid !== item.guid)];
      return full;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
