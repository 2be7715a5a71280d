// The CLI's and the API's URL paths refuse every non-public address form. The module that looks
// names up and opens sockets is replaced here by a table and a dialer that fails the test if it
// is ever called: a wrong guard would show as a test failure, never as a request leaving the machine.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/api/app.js';
import { main } from '../src/cli/main.js';
import { openStore } from '../src/store/index.js';

const network = vi.hoisted(() => ({
  dialed: [] as string[],
  names: { 'metadata.test': ['169.254.169.254'], 'mapped.test': ['::ffff:a9fe:a9fe'], 'intranet.test': ['10.1.2.3'], 'v6.test': ['fd00::7'] } as Record<string, string[]>,
}));
vi.mock('../src/ingest/network.js', () => ({
  resolveHost: async (hostname: string) => {
    const found = network.names[hostname];
    if (!found) throw new Error(`no test answer for ${hostname}`);
    return found;
  },
  dialAddress: (options: { hostname: string }, callback: (err: Error, socket: null) => void) => {
    network.dialed.push(options.hostname);
    callback(new Error('test dialer: no connection may be opened here'), null);
  },
}));

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const NON_LOOPBACK = [
  'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:169.254.169.254]/', 'http://[::ffff:a9fe:a9fe]/', 'http://[64:ff9b::a9fe:a9fe]/',
  'http://0xa9fea9fe/', 'http://2852039166/', 'http://[fe80::1]/', 'http://10.0.0.1/', 'http://012.0.0.1/', 'http://172.16.0.1/', 'http://192.168.0.1/',
  'http://[fd00::1]/', 'http://100.64.0.1/', 'http://0.0.0.0/', 'http://metadata.test/', 'http://mapped.test/', 'http://intranet.test/', 'http://v6.test/',
];

let server: Server;
let port: number;
const served: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    res.end('Norway will send 12 howitzers to Ukraine.');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('every URL path refuses non-public addresses', () => {
  it('the CLI refuses each form and reports it, and the batch goes on', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'pw-guard-')), 'x.db');
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    try {
      // every input refused: exit 1, with each reason in the summary
      // run here from the TypeScript sources, with the mocked network: extraction stays in this thread (a pool thread loads compiled code)
      expect(await main(['ingest', ...NON_LOOPBACK, '--db', db, '--json', '--extract-threads', '0'])).toBe(1);
    } finally {
      write.mockRestore();
    }
    const summary = JSON.parse(out.join(''));
    expect(summary.failed).toBe(NON_LOOPBACK.length);
    for (const e of summary.errors) expect(e.error).toMatch(/refused, /);
    expect(network.dialed).toEqual([]);
  });

  it('the API refuses each form with a clear error', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'pw-guard-')), 'x.db'));
    const app = await buildApp({ store, writesPerMinute: 1000 });
    try {
      for (const url of NON_LOOPBACK) {
        const res = await app.inject({ method: 'POST', url: '/api/articles', payload: { url } });
        expect(res.statusCode, url).toBe(422);
        expect(res.json().error.message, url).toMatch(/refused, /);
      }
      expect(network.dialed).toEqual([]);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('end to end, a server of our own behind a mapped loopback address is not reached (CLI and API)', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'pw-guard-')), 'x.db');
    const forms = [`http://[::ffff:127.0.0.1]:${port}/`, `http://[::ffff:7f00:1]:${port}/docs/json`, `http://127.1:${port}/`, `http://localhost:${port}/`];
    // run asynchronously, so that our server could answer if the guard let the request through
    const run = await promisify(execFile)(process.execPath, [CLI, 'ingest', ...forms, '--db', db, '--json'], { encoding: 'utf8' }).then(
      () => ({ code: 0, stdout: '' }),
      (err: { code: number; stdout: string }) => err,
    );
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary.failed).toBe(forms.length);
    for (const e of summary.errors) expect(e.error).toMatch(/refused, .*(loopback|IPv4-mapped)/);

    const store = await openStore(db);
    const app = await buildApp({ store, writesPerMinute: 1000 });
    try {
      for (const url of forms) expect((await app.inject({ method: 'POST', url: '/api/articles', payload: { url } })).statusCode, url).toBe(422);
    } finally {
      await app.close();
      await store.close();
    }
    expect(served).toEqual([]);
  });
});
