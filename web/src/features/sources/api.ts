import { deleteJson, getJson, post, postJson, withQuery } from '../../shared/api';
import { getSettings } from '../../shared/settings';

export interface WatchedSource {
  id: number;
  url: string;
  name: string | null;
  everySeconds: number;
  allowPrivate: boolean;
  createdAt: string;
  nextFetchAt: string;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  fetches: number;
  itemsSeen: number;
}

export interface ChangeFilters {
  donor?: string;
  recipient?: string;
  category?: string;
  status?: string;
  minEur?: number;
}

export interface Subscription {
  id: number;
  name: string | null;
  filters: ChangeFilters;
  webhookUrl: string;
  allowPrivate: boolean;
  createdAt: string;
  deliveries: { pending: number; delivered: number; failed: number };
}

export interface Delivery {
  id: number;
  changeId: number;
  state: string;
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string;
  log: Array<{ at: string; status: number | null; error: string | null; ms: number }>;
}

export interface LedgerChange {
  id: number;
  at: string;
  kind: 'new' | 'new-source' | 'stage' | 'amount' | 'review';
  summary: string;
  actor: string | null;
  commitment: { id: number; donor: string | null; recipient: string | null };
  article: { id: number; url: string | null; title: string | null } | null;
}

export const fetchSources = async () => (await getJson<{ sources: WatchedSource[] }>('/api/sources')).sources;
export const addSource = async (s: { url: string; every: string; name?: string; allowPrivate: boolean }) => (await post<WatchedSource>('/api/sources', s)).body;
export const removeSource = (id: number) => deleteJson<WatchedSource>(`/api/sources/${id}`, {});
export const fetchSourceNow = (id: number) => postJson<WatchedSource>(`/api/sources/${id}/fetch`, {});

export const fetchSubscriptions = async () => (await getJson<{ subscriptions: Subscription[] }>('/api/subscriptions')).subscriptions;
export const addSubscription = async (s: { webhookUrl: string; name?: string; filters: ChangeFilters; allowPrivate: boolean }) => (await post<Subscription & { secret: string }>('/api/subscriptions', s)).body;
export const removeSubscription = (id: number) => deleteJson<{ removed: number }>(`/api/subscriptions/${id}`, {});
export const fetchDeliveries = async (id: number) => (await getJson<{ deliveries: Delivery[] }>(`/api/subscriptions/${id}/deliveries`)).deliveries;

/** Records this visit; returns when the previous visit began. */
export const recordVisit = (reviewer: string) => postJson<{ reviewer: string; previousAt: string | null; currentAt: string }>('/api/visits', { reviewer });
export const fetchChangesSince = async (since: string) => (await getJson<{ changes: LedgerChange[] }>('/api/changes', { since, limit: 200 })).changes;

/** The Atom feed's address for these filters; with the token set in Settings, since feed readers send no headers. */
export function feedAddress(filters: ChangeFilters): string {
  const { token } = getSettings();
  return new URL(withQuery('/api/ledger/feed.atom', { ...filters, token: token || undefined }), window.location.origin).toString();
}
