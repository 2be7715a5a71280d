import { getJson } from '../../shared/api';
import type { ArticleDetail, ArticleSummary, Page } from '../../shared/types';

export const fetchArticle = (id: number) => getJson<ArticleDetail>(`/api/articles/${id}`);
export const fetchArticles = (cursor?: number) => getJson<Page<ArticleSummary>>('/api/articles', { limit: 50, cursor });
