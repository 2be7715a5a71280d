import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCommitments, fetchSummary, type LedgerFilters, type Sort } from './api';

/** Everything under this key changes when a review or an ingest changes the ledger. */
export const LEDGER_KEY = ['ledger'] as const;

export const useCommitments = (filters: LedgerFilters, sort: Sort, page: number) =>
  useQuery({ queryKey: [...LEDGER_KEY, 'rows', filters, sort, page], queryFn: () => fetchCommitments(filters, sort, page), placeholderData: keepPreviousData });

export const useSummary = (filters: LedgerFilters, by: 'donor' | 'month' | 'category') =>
  useQuery({ queryKey: [...LEDGER_KEY, 'summary', by, filters], queryFn: () => fetchSummary(filters, by), placeholderData: keepPreviousData });
