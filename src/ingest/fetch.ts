// Fetching articles and feeds from the web, with guards: a time-out, a size cap, a limit on
// redirects, and no loopback, private, link-local or other non-public address unless allowed.
// A name is resolved once per connection and the socket opens to the address that was checked,
// so a DNS answer that changes after the check (rebinding) cannot reach a refused address.
import { isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { addressRefusal, hostRefusal } from './address-policy.js';
import { dialAddress, resolveHost, type Dialer, type Resolver } from './network.js';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  allowPrivate?: boolean;
  /** GET unless told; a POST carries `body` (webhooks). */
  method?: 'GET' | 'POST';
  body?: string;
  /** Request headers beside the defaults: conditional-request validators, a content type, a signature. */
  headers?: Record<string, string>;
  /** Name lookup; the system resolver by default. */
  resolve?: Resolver;
  /** Socket opener; undici's by default. */
  dial?: Dialer;
}

export class FetchError extends Error {
  /** The HTTP status, when the server answered with an error. */
  constructor(message: string, readonly status: number | null = null) {
    super(message);
  }
}

export interface Fetched {
  url: string;
  /** 200-299, or 304 when a conditional request found nothing new (the body is then empty). */
  status: number;
  contentType: string;
  body: string;
  /** The response's validators, for the next conditional request. */
  etag: string | null;
  lastModified: string | null;
}

const DEFAULTS = { timeoutMs: 15_000, maxBytes: 10_000_000, maxRedirects: 5, allowPrivate: false, method: 'GET' as 'GET' | 'POST', body: undefined as string | undefined, headers: {} as Record<string, string> };
const HEADERS = { 'user-agent': 'pledgewatch/0.1 (+news ledger)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.5' };

export async function safeFetch(url: string, options: FetchOptions = {}): Promise<Fetched> {
  // an option given as undefined (a flag the user left out) keeps its default
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as FetchOptions;
  const o = { ...DEFAULTS, ...given };
  const agent = new Agent({ connect: guardedDialer(o.allowPrivate, o.resolve ?? resolveHost, o.dial ?? dialAddress) });
  try {
    let current = url;
    for (let hop = 0; hop <= o.maxRedirects; hop++) {
      const target = parseHttpUrl(current);
      if (!o.allowPrivate) refuseHost(target.hostname);
      const next = await fetchOnce(target, agent, o);
      if (typeof next !== 'string') return next;
      current = next;
    }
    throw new FetchError(`${url}: more than ${o.maxRedirects} redirects`);
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}

/** One request: the page, or the address a redirect points to. */
async function fetchOnce(target: URL, agent: Agent, o: typeof DEFAULTS): Promise<Fetched | string> {
  const current = target.toString();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  try {
    const response = await fetch(target, { method: o.method, body: o.body, redirect: 'manual', signal: controller.signal, headers: { ...HEADERS, ...o.headers }, dispatcher: agent });
    if (!response.ok) await response.body?.cancel().catch(() => undefined); // free the connection
    const validators = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    if (response.status === 304) return { url: current, status: 304, contentType: '', body: '', ...validators };
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      if (!location) throw new FetchError(`${current}: redirect without a location`);
      return new URL(location, target).toString();
    }
    if (!response.ok) throw new FetchError(`${current}: HTTP ${response.status}`, response.status);
    const body = await readCapped(response, o.maxBytes, current);
    return { url: current, status: response.status, contentType: response.headers.get('content-type') ?? '', body, ...validators };
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if ((err as Error).name === 'AbortError') throw new FetchError(`${current}: timed out after ${o.timeoutMs} ms`);
    // undici wraps the connector's refusal: report the refusal itself
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof FetchError) throw new FetchError(`${current}: ${cause.message}`);
    throw new FetchError(`${current}: ${cause instanceof Error ? cause.message : (err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
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

function refuseHost(hostname: string): void {
  const refusal = hostRefusal(hostname);
  if (refusal) throw new FetchError(`${hostname}: refused, ${refusal} (use --allow-private)`);
}

/**
 * The connector undici calls for every new connection: it resolves the name once, refuses the
 * connection if any answer is not a public address, and dials the checked address itself.
 */
function guardedDialer(allowPrivate: boolean, resolve: Resolver, dial: Dialer): Dialer {
  return (options, callback) => {
    pickAddress(options.hostname, allowPrivate, resolve).then(
      (address) => dial({ ...options, hostname: address }, callback),
      (err: Error) => callback(err, null),
    );
  };
}

async function pickAddress(hostname: string, allowPrivate: boolean, resolve: Resolver): Promise<string> {
  const addresses = isIP(hostname) ? [hostname] : await resolve(hostname).catch((err: Error) => {
    throw new FetchError(`${hostname}: cannot resolve (${err.message})`);
  });
  if (addresses.length === 0) throw new FetchError(`${hostname}: cannot resolve (no addresses)`);
  if (!allowPrivate) {
    for (const address of addresses) {
      const refusal = addressRefusal(address);
      if (refusal) throw new FetchError(`${hostname}: refused, ${refusal} (use --allow-private)`);
    }
  }
  return addresses[0];
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
