// Alerts by webhook: each subscription's filters matched against the ledger's changes in order
// (a cursor per subscription), each match a delivery, POSTed with an HMAC-SHA256 signature and
// retried with backoff until the receiver answers 2xx or the attempts run out; every attempt is
// logged. Deliveries are leased, so any number of processes can send them and each goes once.
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Logger } from 'pino';
import { FetchError, safeFetch, type FetchOptions } from '../ingest/fetch.js';
import { leaseDue } from '../store/dialects/index.js';
import type { Database, Db, WebhookDeliveriesTable } from '../store/schema.js';
import { partyCode } from '../lexicons/index.js';
import { changesAfter, lastChangeId, type ChangeFilter, type LedgerChange } from './changes.js';

export interface Subscription {
  id: number;
  name: string | null;
  filters: ChangeFilter;
  webhookUrl: string;
  allowPrivate: boolean;
  createdAt: string;
  deliveries: { pending: number; delivered: number; failed: number };
}

/** Attempts before a delivery is given up (about an hour of retries). */
export const MAX_ATTEMPTS = 12;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 15 * 60_000;
/** A delivery in flight longer than this is taken to have died with its process. */
const LEASE_MS = 2 * 60_000;
const CHANGES_PER_PASS = 200;

/** The signature header's value: HMAC-SHA256 of `timestamp.body` under the subscription's secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The wait before attempt `attempts + 1`: one second, doubled after each failure, at most fifteen minutes. */
export const retryDelayMs = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

/** Adds a subscription; it is sent the changes made from now on. The secret is made here unless given, and returned only now. */
export async function addSubscription(db: Db, s: { name?: string | null; filters: ChangeFilter; webhookUrl: string; secret?: string; allowPrivate?: boolean }, now: Date): Promise<Subscription & { secret: string }> {
  const secret = s.secret ?? randomBytes(24).toString('base64url');
  // a state given by name is kept by its code, as the ledger keeps it
  const filters = { ...s.filters, donor: partyCode(s.filters.donor), recipient: partyCode(s.filters.recipient) };
  const row = await db
    .insertInto('subscriptions')
    .values({ name: s.name ?? null, filters: JSON.stringify(filters), webhook_url: s.webhookUrl, secret, allow_private: s.allowPrivate ? 1 : 0, created_at: now.toISOString(), seen_change: await lastChangeId(db) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...(await listSubscriptions(db)).find((x) => x.id === row.id)!, secret };
}

export async function listSubscriptions(db: Db): Promise<Subscription[]> {
  const rows = await db.selectFrom('subscriptions').selectAll().orderBy('id').execute();
  const counts = await db.selectFrom('webhook_deliveries').select(['subscription_id', 'state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['subscription_id', 'state']).execute();
  return rows.map((r) => {
    const deliveries = { pending: 0, delivered: 0, failed: 0 };
    for (const c of counts) if (c.subscription_id === r.id) deliveries[c.state] = Number(c.n);
    return { id: r.id, name: r.name, filters: JSON.parse(r.filters) as ChangeFilter, webhookUrl: r.webhook_url, allowPrivate: r.allow_private === 1, createdAt: r.created_at, deliveries };
  });
}

export async function removeSubscription(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface DeliveryLog {
  id: number;
  changeId: number;
  state: string;
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string;
  log: Array<{ at: string; status: number | null; error: string | null; ms: number }>;
}

/** A subscription's latest deliveries, each with its attempts. */
export async function deliveriesOf(db: Db, subscriptionId: number, limit = 50): Promise<DeliveryLog[]> {
  const rows = await db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).orderBy('id', 'desc').limit(limit).execute();
  const attempts = rows.length === 0 ? [] : await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, changeId: r.change_id, state: r.state, attempts: r.attempts, createdAt: r.created_at, deliveredAt: r.delivered_at, nextAttemptAt: r.next_attempt_at,
    log: attempts.filter((a) => a.delivery_id === r.id).map((a) => ({ at: a.at, status: a.response_status, error: a.error, ms: a.duration_ms })),
  }));
}

/** The body of a delivery: the change, self-describing. */
export const deliveryBody = (subscriptionId: number, change: LedgerChange) => JSON.stringify({ subscription: subscriptionId, change });

/** Makes a delivery of every change since each subscription's cursor that matches its filters. */
export async function matchChanges(db: Db, now: Date): Promise<number> {
  const upTo = await lastChangeId(db);
  let made = 0;
  for (const sub of await db.selectFrom('subscriptions').select(['id', 'filters', 'seen_change']).where('seen_change', '<', upTo).execute()) {
    const changes = await changesAfter(db, sub.seen_change, upTo, JSON.parse(sub.filters) as ChangeFilter, CHANGES_PER_PASS);
    const at = now.toISOString();
    if (changes.length > 0) {
      await db
        .insertInto('webhook_deliveries')
        .values(changes.map((c) => ({ subscription_id: sub.id, change_id: c.id, payload: deliveryBody(sub.id, c), state: 'pending' as const, next_attempt_at: at, lease_until: null, created_at: at, delivered_at: null })))
        .onConflict((oc) => oc.columns(['subscription_id', 'change_id']).doNothing())
        .execute();
      made += changes.length;
    }
    // a full page may have more after it; else every change up to `upTo` has been looked at
    const seen = changes.length === CHANGES_PER_PASS ? changes.at(-1)!.id : upTo;
    await db.updateTable('subscriptions').set({ seen_change: seen }).where('id', '=', sub.id).where('seen_change', '<', seen).execute();
  }
  return made;
}

type DeliveryRow = Selectable<WebhookDeliveriesTable>;

/** Sends the deliveries that are due, `limit` at a time; returns how many were attempted. */
export async function sendDueDeliveries(db: Kysely<Database>, log: Logger, now = new Date(), limit = 20, fetchOptions: Pick<FetchOptions, 'timeoutMs'> = {}): Promise<number> {
  const due = await leaseDue<DeliveryRow>(db, 'webhook_deliveries', 'next_attempt_at', now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), limit, true);
  await Promise.all(due.map((d) => sendDelivery(db, d, log, fetchOptions)));
  return due.length;
}

async function sendDelivery(db: Kysely<Database>, delivery: DeliveryRow, log: Logger, fetchOptions: Pick<FetchOptions, 'timeoutMs'>): Promise<void> {
  const sub = await db.selectFrom('subscriptions').select(['webhook_url', 'secret', 'allow_private']).where('id', '=', delivery.subscription_id).executeTakeFirst();
  if (!sub) return; // removed since: its deliveries went with it
  const timestamp = String(Math.floor(Date.now() / 1000));
  const kind = (JSON.parse(delivery.payload) as { change: LedgerChange }).change.kind;
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await safeFetch(sub.webhook_url, {
      method: 'POST', body: delivery.payload, maxRedirects: 0, allowPrivate: sub.allow_private === 1, timeoutMs: fetchOptions.timeoutMs ?? 10_000, maxBytes: 100_000,
      headers: { 'content-type': 'application/json', 'x-pledgewatch-event': kind, 'x-pledgewatch-delivery': String(delivery.id), 'x-pledgewatch-timestamp': timestamp, 'x-pledgewatch-signature': signature(sub.secret, timestamp, delivery.payload) },
    });
    status = response.status;
  } catch (err) {
    status = err instanceof FetchError ? err.status : null;
    error = err instanceof FetchError ? err.message : String(err);
  }
  const at = new Date();
  const attempts = delivery.attempts + 1;
  await db.insertInto('webhook_attempts').values({ delivery_id: delivery.id, at: at.toISOString(), response_status: status, error, duration_ms: at.getTime() - started }).execute();
  const delivered = error === null;
  const state = delivered ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  await db
    .updateTable('webhook_deliveries')
    .set({ state, attempts, lease_until: null, delivered_at: delivered ? at.toISOString() : null, next_attempt_at: delivered ? delivery.next_attempt_at : new Date(at.getTime() + retryDelayMs(attempts)).toISOString() })
    .where('id', '=', delivery.id)
    .execute();
  const entry = { subscription: delivery.subscription_id, delivery: delivery.id, change: delivery.change_id, attempt: attempts, status };
  if (delivered) log.info(entry, 'webhook delivered');
  else log.warn({ ...entry, err: error, state }, 'webhook delivery failed');
}
