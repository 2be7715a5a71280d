import { deleteJson, getJson, post, postJson, withQuery } from '../../shared/api';
import { getSettings } from '../../shared/settings';
import type { WatchedSource } from '../../../../src/watch/sources';
import type { DeliveryLog, Subscription } from '../../../../src/watch/alerts';
import type { ChangeFilter, LedgerChange } from '../../../../src/watch/changes';

export type { WatchedSource } from '../../../../src/watch/sources';
export type { Subscription, DeliveryLog } from '../../../../src/watch/alerts';
export type { ChangeFilter, LedgerChange } from '../../../../src/watch/changes';

export const fetchSources = async () => (await getJson<{ sources: WatchedSource[] }>('/api/sources')).sources;
export const addSource = async (s: { url: string; every: string; name?: string; allowPrivate: boolean }) => (await post<WatchedSource>('/api/sources', s)).body;
export const removeSource = (id: number) => deleteJson<WatchedSource>(`/api/sources/${id}`, {});
export const fetchSourceNow = (id: number) => postJson<WatchedSource>(`/api/sources/${id}/fetch`, {});

export const fetchSubscriptions = async () => (await getJson<{ subscriptions: Subscription[] }>('/api/subscriptions')).subscriptions;
export const addSubscription = async (s: { webhookUrl: string; name?: string; filters: ChangeFilter; allowPrivate: boolean }) => (await post<Subscription & { secret: string }>('/api/subscriptions', s)).body;
export const removeSubscription = (id: number) => deleteJson<{ removed: number }>(`/api/subscriptions/${id}`, {});
export const fetchDeliveries = async (id: number) => (await getJson<{ deliveries: DeliveryLog[] }>(`/api/subscriptions/${id}/deliveries`)).deliveries;

/** Records this visit; returns when the previous visit began. */
export const recordVisit = (reviewer: string) => postJson<{ reviewer: string; previousAt: string | null; currentAt: string }>('/api/visits', { reviewer });
export const fetchChangesSince = async (since: string) => (await getJson<{ changes: LedgerChange[] }>('/api/changes', { since, limit: 200 })).changes;

/** The Atom feed's address for these filters; with the token set in Settings, since feed readers send no headers. */
export function feedAddress(filters: ChangeFilter): string {
  const { token } = getSettings();
  return new URL(withQuery('/api/ledger/feed.atom', { ...filters, token: token || undefined }), window.location.origin).toString();
}
