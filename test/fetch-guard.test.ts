// The fetch guard end to end, with a resolver and a dialer of the test's own: the dialer opens
// sockets to 127.0.0.1 only, so no request made here can leave the machine, whatever the guard does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { safeFetch } from '../src/ingest/fetch.js';
import { dialAddress, type Dialer, type Resolver } from '../src/ingest/network.js';

/** A public address that only this test's dialer answers, on loopback: nothing is ever sent to it. */
const STAND_IN = '93.184.215.14';

let server: Server;
let port: number;
let requests: string[];
let dialed: string[];
let answers: Record<string, string[][]>;

const resolve: Resolver = async (hostname) => {
  const queue = answers[hostname];
  if (!queue || queue.length === 0) throw new Error(`no test answer for ${hostname}`);
  return queue.length > 1 ? queue.shift()! : queue[0];
};
/** Records every address asked for; connects the stand-in to the local server and refuses anything else. */
const dial: Dialer = (options, callback) => {
  dialed.push(options.hostname);
  if (options.hostname === STAND_IN || options.hostname === '127.0.0.1') return dialAddress({ ...options, hostname: '127.0.0.1', port: String(port) }, callback);
  callback(new Error(`test dialer: refused to connect to ${options.hostname}`), null);
};
const guarded = { resolve, dial };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const to = /^\/redirect\?to=(.*)$/.exec(req.url ?? '')?.[1];
    if (to) {
      res.writeHead(302, { location: decodeURIComponent(to) });
      return res.end();
    }
    const answer = () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Norway will send 12 howitzers to Ukraine.');
    };
    if (req.url === '/slow') setTimeout(answer, 100);
    else answer();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  requests = [];
  dialed = [];
  answers = { 'news.test': [[STAND_IN]], 'meta.test': [['169.254.169.254']], 'mapped.test': [['::ffff:a9fe:a9fe']], 'mixed.test': [[STAND_IN, '10.0.0.7']] };
});

const REFUSED_URLS = [
  'http://127.0.0.1:PORT/', 'http://[::ffff:127.0.0.1]:PORT/', 'http://[::ffff:7f00:1]:PORT/', 'http://0x7f.0.0.1:PORT/', 'http://2130706433:PORT/',
  'http://0177.0.0.1:PORT/', 'http://127.1:PORT/', 'http://[::1]:PORT/', 'http://localhost:PORT/', 'http://[::127.0.0.1]:PORT/', 'http://[64:ff9b::7f00:1]:PORT/',
  'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:169.254.169.254]/', 'http://[fe80::1]/', 'http://10.0.0.1/', 'http://192.168.1.1/',
  'http://[fd00::1]/', 'http://100.64.0.1/', 'http://0.0.0.0/', 'http://[::]/', 'http://224.0.0.1/', 'http://meta.test/', 'http://mapped.test/', 'http://mixed.test/',
];

describe('the fetch guard', () => {
  it.each(REFUSED_URLS)('refuses %s without opening a connection', async (form) => {
    await expect(safeFetch(form.replace('PORT', String(port)), guarded)).rejects.toThrow(/refused, /);
    expect(dialed).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('fetches a name that resolves to a public address, connecting to the address it checked', async () => {
    const page = await safeFetch(`http://news.test:${port}/a`, guarded);
    expect(page.body).toContain('howitzers');
    expect(dialed).toEqual([STAND_IN]);
  });

  it.each(['http://[::ffff:127.0.0.1]:PORT/', 'http://localhost:PORT/', 'http://169.254.169.254/', 'http://[::ffff:a9fe:a9fe]/', 'http://10.0.0.1/', 'http://meta.test/', 'file:///etc/passwd'])(
    'refuses a redirect hop to %s',
    async (hop) => {
      const start = `http://news.test:${port}/redirect?to=${encodeURIComponent(hop.replace('PORT', String(port)))}`;
      await expect(safeFetch(start, guarded)).rejects.toThrow(/refused|only http and https/);
      expect(dialed).toEqual([STAND_IN]);
      expect(requests).toHaveLength(1);
    },
  );

  it('cannot be rebound: each connection resolves once and dials what it checked', async () => {
    answers['rebind.test'] = [[STAND_IN], ['127.0.0.1']];
    const first = await safeFetch(`http://rebind.test:${port}/a`, guarded);
    expect(first.body).toContain('howitzers');
    // the name now answers with loopback: the next connection is refused before it is dialed
    await expect(safeFetch(`http://rebind.test:${port}/a`, guarded)).rejects.toThrow(/refused, 127\.0\.0\.1 is a loopback address/);
    expect(dialed).toEqual([STAND_IN]);
    expect(requests).toEqual(['/a']);
  });

  it('keeps its defaults for options given as undefined (flags left out)', async () => {
    // a time-out of undefined once aborted every request at once
    const page = await safeFetch(`http://127.0.0.1:${port}/slow`, { allowPrivate: true, timeoutMs: undefined, maxBytes: undefined });
    expect(page.body).toContain('howitzers');
  });

  it('reaches loopback, in any form, only when private addresses are allowed', async () => {
    for (const form of ['http://127.0.0.1:PORT/x', 'http://[::ffff:127.0.0.1]:PORT/x', 'http://localhost:PORT/x']) {
      const page = await safeFetch(form.replace('PORT', String(port)), { allowPrivate: true });
      expect(page.body, form).toContain('howitzers');
    }
    expect(requests).toEqual(['/x', '/x', '/x']);
  });
});
