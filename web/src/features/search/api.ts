import { getJson } from '../../shared/api';
import type { SearchHit } from '../../shared/types';

export const search = (q: string) => getJson<SearchHit[]>('/api/search', { q, limit: 50 });
