import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchArticle, fetchArticles } from './api';

export const articleKey = (id: number) => ['article', id] as const;

export const useArticle = (id: number) => useQuery({ queryKey: articleKey(id), queryFn: () => fetchArticle(id), enabled: Number.isInteger(id) && id > 0 });

export const useArticleList = () =>
  useInfiniteQuery({
    queryKey: ['articles'],
    queryFn: ({ pageParam }) => fetchArticles(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
