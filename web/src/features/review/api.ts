import { getJson, postJson } from '../../shared/api';
import type { Fact, Page } from '../../shared/types';

export type ReviewAction = 'accept' | 'reject' | 'edit' | 'reopen';

/** How the queue is ordered: as found, by the EUR at stake in the ledger row, newest article first, or most guessed fields first. */
export type QueueOrder = 'found' | 'eur' | 'newest' | 'uncertain';

/** Another pending report of the same fact: a copy of its wire story, or a report folded into its ledger row. */
export interface Copy {
  id: number;
  articleId: number;
  evidence: string;
  url: string | null;
  source: string | null;
}

/** Review items: each pending fact with its pending copies, which are no items of their own. */
export const fetchPendingFacts = (type: string, order: QueueOrder) =>
  getJson<Page<Fact & { articleId: number; copies?: Copy[] }>>('/api/facts', { status: 'pending', type, order, group: 'story', limit: 200 });

/** Reviews a fact; `copies` with accept: its pending copies too (other reports of the same ledger row, the same fact in the story's other copies). */
export const reviewFact = (id: number, action: ReviewAction, actor: string, fields?: Record<string, unknown>, copies?: boolean) =>
  postJson<Fact & { copies: number[] }>(`/api/facts/${id}/review`, { action, actor, ...(fields ? { fields } : {}), ...(copies ? { copies } : {}) });
