import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LedgerFilters } from '../ledger/api';
import { fetchBreakdown, fetchFlows } from './api';

export const useBreakdown = (f: LedgerFilters) => useQuery({ queryKey: ['charts', 'breakdown', f], queryFn: () => fetchBreakdown(f), placeholderData: keepPreviousData });
export const useFlows = (f: LedgerFilters) => useQuery({ queryKey: ['charts', 'flows', f], queryFn: () => fetchFlows(f), placeholderData: keepPreviousData });
