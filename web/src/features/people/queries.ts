import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchPerson, fetchPersons } from './api';

export const usePersons = (q: string) => useQuery({ queryKey: ['persons', q], queryFn: () => fetchPersons(q), placeholderData: keepPreviousData });
export const usePerson = (id: number) => useQuery({ queryKey: ['person', id], queryFn: () => fetchPerson(id) });
