import { getJson, postJson } from '../../shared/api';
import type { Fact, Page } from '../../shared/types';

export type ReviewAction = 'accept' | 'reject' | 'edit' | 'reopen';

export const fetchPendingFacts = (type: string, cursor?: number) =>
  getJson<Page<Fact & { articleId: number }>>('/api/facts', { status: 'pending', type, limit: 200, cursor });

export const reviewFact = (id: number, action: ReviewAction, actor: string, fields?: Record<string, unknown>) =>
  postJson<Fact>(`/api/facts/${id}/review`, { action, actor, ...(fields ? { fields } : {}) });
