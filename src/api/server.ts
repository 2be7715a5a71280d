// server.ts listens; app.ts builds. The server stays on loopback unless API tokens exist.
import { buildApp, DEFAULT_WEB_ROOT } from './app.js';
import { tokenCount } from './auth.js';
import { isLoopbackHost } from '../ingest/address-policy.js';
import { startExtractionPool } from '../ingest/pool.js';
import type { FactStore } from '../store/index.js';
import { config } from '../config.js';
import { createLogger } from '../log.js';
import { redisConnection } from '../queue/index.js';
import { startWatching, type Watcher } from '../watch/index.js';

export class ExposureError extends Error {}

export interface ServerOptions {
  /** Worker threads that extract posted articles (each holds a copy of the language model). */
  extractThreads?: number;
  /** Polls the watched sources and sends alerts from this process (null: not here); `hostGapMs` spaces requests to one host. */
  watch?: { hostGapMs?: number } | null;
}

export async function startServer(store: FactStore, host: string, port: number, options: ServerOptions = {}) {
  if (!isLoopbackHost(host) && (await tokenCount(store.db)) === 0) {
    throw new ExposureError(`refusing to listen on ${host} without API tokens: create one with 'pledgewatch token create --role admin', or listen on 127.0.0.1`);
  }
  const pool = await startExtractionPool(options.extractThreads ?? 1);
  const redis = options.watch !== null && config.redisUrl ? redisConnection(config.redisUrl) : null;
  let watcher: Watcher | null = null;
  const stop = async () => {
    await watcher?.stop();
    redis?.disconnect();
    await pool.close();
  };
  try {
    const app = await buildApp({ store, logger: { level: 'warn' }, webRoot: DEFAULT_WEB_ROOT, extract: pool.extract, redis });
    app.addHook('onClose', stop);
    await app.listen({ host, port });
    if (options.watch !== null) watcher = startWatching(store, { extract: pool.extract, log: createLogger('pledgewatch-watch'), hostGapMs: options.watch?.hostGapMs, redis });
    return app;
  } catch (err) {
    await stop();
    throw err;
  }
}
