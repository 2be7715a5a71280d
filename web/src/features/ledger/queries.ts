import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchCommitments, fetchSummary, NO_FILTERS, type LedgerFilters, type Sort } from './api';

/** Everything under this key changes when a review or an ingest changes the ledger. */
export const LEDGER_KEY = ['ledger'] as const;

export const DEFAULT_SORT: Sort = { column: 'announced', descending: true };

const commitmentsQuery = (filters: LedgerFilters, sort: Sort, page: number) =>
  ({ queryKey: [...LEDGER_KEY, 'rows', filters, sort, page], queryFn: () => fetchCommitments(filters, sort, page) }) as const;
const summaryQuery = (filters: LedgerFilters, by: 'donor' | 'month' | 'category') =>
  ({ queryKey: [...LEDGER_KEY, 'summary', by, filters], queryFn: () => fetchSummary(filters, by) }) as const;

export const useCommitments = (filters: LedgerFilters, sort: Sort, page: number) =>
  useQuery({ ...commitmentsQuery(filters, sort, page), placeholderData: keepPreviousData });

export const useSummary = (filters: LedgerFilters, by: 'donor' | 'month' | 'category') =>
  useQuery({ ...summaryQuery(filters, by), placeholderData: keepPreviousData });

/** Asks for the ledger's first screen before React has rendered anything: the requests overlap start-up. */
export async function prefetchLedger(client: QueryClient): Promise<void> {
  await Promise.all([
    client.prefetchQuery(commitmentsQuery(NO_FILTERS, DEFAULT_SORT, 0)),
    client.prefetchQuery(summaryQuery(NO_FILTERS, 'donor')),
    client.prefetchQuery(summaryQuery(NO_FILTERS, 'month')),
  ]);
}
