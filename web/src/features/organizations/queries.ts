import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchOrganization, fetchOrganizations } from './api';

export const useOrganizations = (q: string) => useQuery({ queryKey: ['organizations', q], queryFn: () => fetchOrganizations(q), placeholderData: keepPreviousData });
export const useOrganization = (id: number) => useQuery({ queryKey: ['organization', id], queryFn: () => fetchOrganization(id) });
