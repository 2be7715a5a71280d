// The live tracker's background work in one process: polling the watched sources (in-process, or
// through Redis when there is one) and sending the alerts the ledger's changes call for.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Extractor } from '../ingest/extract.js';
import type { FactStore } from '../store/index.js';
import { matchChanges, sendDueDeliveries } from './alerts.js';
import { HostGate } from './host-gate.js';
import type { PollContext } from './poll.js';
import { startInProcessPoller, startRedisPoller, type Poller } from './scheduler.js';

export interface WatchOptions {
  extract: Extractor;
  log: Logger;
  /** The least time between two requests to one host from this process. */
  hostGapMs?: number;
  /** With a connection, polling is shared through BullMQ job schedulers; without one it runs here. */
  redis?: Redis | null;
  /** Sources polled at once by this process. */
  concurrency?: number;
  fetchOptions?: PollContext['fetchOptions'];
}

export interface Watcher {
  readonly mode: 'in-process' | 'redis';
  stop(): Promise<void>;
}

export const DEFAULT_HOST_GAP_MS = 1_000;
/** How often alerts look for new changes and due deliveries. */
const ALERTS_TICK_MS = 500;

export function startWatching(store: FactStore, o: WatchOptions): Watcher {
  const ctx: PollContext = { store, extract: o.extract, gate: new HostGate(o.hostGapMs ?? DEFAULT_HOST_GAP_MS), log: o.log, fetchOptions: o.fetchOptions };
  const poller: Poller = o.redis ? startRedisPoller(ctx, o.redis, o.concurrency) : startInProcessPoller(ctx, o.concurrency);
  const alerts = startAlerts(store, o.log);
  return {
    mode: o.redis ? 'redis' : 'in-process',
    async stop() {
      await Promise.all([poller.stop(), alerts.stop()]);
    },
  };
}

function startAlerts(store: FactStore, log: Logger): Poller {
  let stopped = false;
  let pass: Promise<void> = Promise.resolve();
  const tick = () => {
    pass = (async () => {
      try {
        await matchChanges(store.db, new Date());
        await sendDueDeliveries(store.db, log);
      } catch (err) {
        log.error({ err: (err as Error).message }, 'alerts pass failed');
      }
      if (!stopped) timer = setTimeout(tick, ALERTS_TICK_MS);
    })();
  };
  let timer = setTimeout(tick, ALERTS_TICK_MS);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
