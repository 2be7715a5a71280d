import { getJson, postJson } from '../../shared/api';
import type { Fact, Page } from '../../shared/types';

export type ReviewAction = 'accept' | 'reject' | 'edit' | 'reopen';

/** How the queue is ordered: as found, by the EUR at stake in the ledger row, or newest article first. */
export type QueueOrder = 'found' | 'eur' | 'newest';

export const fetchPendingFacts = (type: string, order: QueueOrder) =>
  getJson<Page<Fact & { articleId: number }>>('/api/facts', { status: 'pending', type, order, limit: 200 });

/** Reviews a fact; `copies` with accept: its pending copies too (other reports of the same ledger row, the same fact in the story's other copies). */
export const reviewFact = (id: number, action: ReviewAction, actor: string, fields?: Record<string, unknown>, copies?: boolean) =>
  postJson<Fact & { copies: number[] }>(`/api/facts/${id}/review`, { action, actor, ...(fields ? { fields } : {}), ...(copies ? { copies } : {}) });
