// server.ts listens; app.ts builds. The server stays on loopback unless API tokens exist.
import { isIP } from 'node:net';
import { buildApp, DEFAULT_WEB_ROOT } from './app.js';
import { tokenCount } from './auth.js';
import type { FactStore } from '../store/index.js';

export class ExposureError extends Error {}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

export async function startServer(store: FactStore, host: string, port: number) {
  if (!isLoopback(host) && (await tokenCount(store.db)) === 0) {
    throw new ExposureError(`refusing to listen on ${host} without API tokens: create one with 'pledgewatch token create --role admin', or listen on 127.0.0.1`);
  }
  const app = await buildApp({ store, logger: { level: 'warn' }, webRoot: DEFAULT_WEB_ROOT });
  await app.listen({ host, port });
  return app;
}
