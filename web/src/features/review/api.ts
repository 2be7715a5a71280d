import { getJson, postJson } from '../../shared/api';
import type { Fact, Page } from '../../shared/types';

export type ReviewAction = 'accept' | 'reject' | 'edit' | 'reopen';

export const fetchPendingFacts = (type: string, cursor?: number) =>
  getJson<Page<Fact & { articleId: number }>>('/api/facts', { status: 'pending', type, limit: 200, cursor });

/** Reviews a fact; `copies` with accept: its pending copies too (other reports of the same ledger row, the same fact in the story's other copies). */
export const reviewFact = (id: number, action: ReviewAction, actor: string, fields?: Record<string, unknown>, copies?: boolean) =>
  postJson<Fact & { copies: number[] }>(`/api/facts/${id}/review`, { action, actor, ...(fields ? { fields } : {}), ...(copies ? { copies } : {}) });
