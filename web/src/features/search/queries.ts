import { useQuery } from '@tanstack/react-query';
import { search } from './api';

export const useSearch = (q: string) => useQuery({ queryKey: ['search', q], queryFn: () => search(q), enabled: q.trim().length >= 2 });
