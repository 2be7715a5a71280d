// Fetching articles and feeds from the web, with guards: a time-out, a size cap, a limit on
// redirects, and no private, loopback or link-local addresses unless allowed.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  allowPrivate?: boolean;
}

export class FetchError extends Error {}

export interface Fetched {
  url: string;
  contentType: string;
  body: string;
}

const DEFAULTS = { timeoutMs: 15_000, maxBytes: 10_000_000, maxRedirects: 5, allowPrivate: false };

export async function safeFetch(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const o = { ...DEFAULTS, ...options };
  let current = url;
  for (let hop = 0; hop <= o.maxRedirects; hop++) {
    const target = parseHttpUrl(current);
    if (!o.allowPrivate) await refusePrivate(target.hostname);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs);
    try {
      const response = await fetch(target, { redirect: 'manual', signal: controller.signal, headers: { 'user-agent': 'pledgewatch/0.1 (+news ledger)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.5' } });
      if (!response.ok) await response.body?.cancel().catch(() => undefined); // free the connection
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        if (!location) throw new FetchError(`${current}: redirect without a location`);
        current = new URL(location, target).toString();
        continue;
      }
      if (!response.ok) throw new FetchError(`${current}: HTTP ${response.status}`);
      const body = await readCapped(response, o.maxBytes, current);
      return { url: current, contentType: response.headers.get('content-type') ?? '', body };
    } catch (err) {
      if (err instanceof FetchError) throw err;
      if ((err as Error).name === 'AbortError') throw new FetchError(`${current}: timed out after ${o.timeoutMs} ms`);
      throw new FetchError(`${current}: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
  throw new FetchError(`${url}: more than ${o.maxRedirects} redirects`);
}

function parseHttpUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchError(`${url}: not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError(`${url}: only http and https are fetched`);
  return u;
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(`${url}: larger than ${maxBytes} bytes`);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FetchError(`${url}: larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return decodeUtf8(Buffer.concat(chunks), url);
}

/** Decodes UTF-8 strictly: a file or page in another encoding is reported, not garbled. */
export function decodeUtf8(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FetchError(`${label}: not valid UTF-8 text`);
  }
}

async function refusePrivate(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch((err: Error) => {
    throw new FetchError(`${hostname}: cannot resolve (${err.message})`);
  })).map((a) => a.address);
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) throw new FetchError(`${hostname}: refused, ${blocked} is a private, loopback or link-local address (use --allow-private)`);
}

/** Loopback, private (RFC 1918, ULA), link-local, unspecified and CGNAT ranges. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split('.').map(Number);
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || v6 === '::' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe8') || v6.startsWith('fe9') || v6.startsWith('fea') || v6.startsWith('feb');
}
