import { deleteJson, getJson, postJson } from '../../shared/api';
import type { ArticleDetail, ArticleSummary, Fact, FactType, Page } from '../../shared/types';

export const fetchArticle = (id: number) => getJson<ArticleDetail>(`/api/articles/${id}`);
export const fetchArticles = (cursor?: number) => getJson<Page<ArticleSummary>>('/api/articles', { limit: 50, cursor });

export interface NewFact {
  type: FactType;
  start: number;
  end: number;
  actor: string;
  fields: Record<string, unknown>;
}

/** A fact the extractor missed, added with a selection of the article's text as its evidence. */
export const addFact = (articleId: number, fact: NewFact) => postJson<Fact>(`/api/articles/${articleId}/facts`, fact);

/** Deletes an article: it leaves lists, search and the ledger, and stays readable, marked. */
export const deleteArticle = (id: number, actor: string, reason: string) => deleteJson<ArticleDetail>(`/api/articles/${id}`, { actor, ...(reason ? { reason } : {}) });
