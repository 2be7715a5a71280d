// server.ts listens; app.ts builds. The server stays on loopback unless API tokens exist.
import { buildApp, DEFAULT_WEB_ROOT } from './app.js';
import { tokenCount } from './auth.js';
import { isLoopbackHost } from '../ingest/address-policy.js';
import { startExtractionPool } from '../ingest/pool.js';
import type { FactStore } from '../store/index.js';

export class ExposureError extends Error {}

export interface ServerOptions {
  /** Worker threads that extract posted articles (each holds a copy of the language model). */
  extractThreads?: number;
}

export async function startServer(store: FactStore, host: string, port: number, options: ServerOptions = {}) {
  if (!isLoopbackHost(host) && (await tokenCount(store.db)) === 0) {
    throw new ExposureError(`refusing to listen on ${host} without API tokens: create one with 'pledgewatch token create --role admin', or listen on 127.0.0.1`);
  }
  const pool = await startExtractionPool(options.extractThreads ?? 1);
  try {
    const app = await buildApp({ store, logger: { level: 'warn' }, webRoot: DEFAULT_WEB_ROOT, extract: pool.extract });
    app.addHook('onClose', () => pool.close());
    await app.listen({ host, port });
    return app;
  } catch (err) {
    await pool.close();
    throw err;
  }
}
