import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { ExposureError, startServer } from '../api/server.js';
import { loadDemoCorpus } from '../ingest/demo.js';
import { parseInterval } from '../watch/interval.js';
import { fail, storeFromOption } from './common.js';

export async function runServeCommand(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({ args, options: { db: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '8787' }, demo: { type: 'boolean', default: false }, 'extract-threads': { type: 'string', default: '1' }, 'host-gap': { type: 'string', default: '1s' }, 'no-watch': { type: 'boolean', default: false } } }).values;
  } catch (err) {
    return fail('serve', (err as Error).message);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail('serve', '--port must be a port number');
  const extractThreads = Number(values['extract-threads']);
  if (!Number.isInteger(extractThreads) || extractThreads < 1 || extractThreads > 64) return fail('serve', '--extract-threads must be a whole number from 1 to 64');
  const hostGapMs = parseInterval(values['host-gap']);
  if (hostGapMs === null) return fail('serve', '--host-gap must be an interval such as 1s or 500ms');
  const store = await storeFromOption(values.db, 'serve');
  if (!store) return 1;
  try {
    if (values.demo) {
      const demo = await loadDemoCorpus(store);
      process.stdout.write(`demo corpus: ${demo.articles} articles, ${demo.ingested} new\n`);
    }
    const app = await startServer(store, values.host, port, { extractThreads, watch: values['no-watch'] ? null : { hostGapMs } });
    const { port: listening } = app.server.address() as AddressInfo;
    const host = values.host.includes(':') ? `[${values.host}]` : values.host;
    process.stdout.write(`pledgewatch workbench: http://${host}:${listening}/   (API docs: /docs; stop with Ctrl+C)\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await app.close();
    return 0;
  } catch (err) {
    return fail('serve', err instanceof ExposureError ? err.message : `cannot listen: ${(err as Error).message}`, 1);
  } finally {
    await store.close();
  }
}
