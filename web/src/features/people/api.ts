import { getJson } from '../../shared/api';
import type { PersonDetail, PersonSummary } from '../../shared/types';

export const fetchPersons = (q: string) => getJson<PersonSummary[]>('/api/persons', { q: q.trim(), limit: 200 });
export const fetchPerson = (id: number) => getJson<PersonDetail>(`/api/persons/${id}`);
