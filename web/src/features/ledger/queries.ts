import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { getSettings } from '../../shared/settings';
import { fetchCommitments, fetchSummary, mergeRow, NO_FILTERS, splitSource, type LedgerFilters, type Sort } from './api';

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

/** Corrections of the fold by hand (merge two rows, split a source off one); the ledger is read again after each. */
export function useFoldCorrections() {
  const client = useQueryClient();
  const after = { onSuccess: () => void client.invalidateQueries({ queryKey: LEDGER_KEY }) };
  const merge = useMutation({ mutationFn: ({ id, into }: { id: number; into: number }) => mergeRow(id, into, getSettings().reviewer), ...after });
  const split = useMutation({ mutationFn: ({ id, factId }: { id: number; factId: number }) => splitSource(id, factId, getSettings().reviewer), ...after });
  return { merge, split, busy: merge.isPending || split.isPending, error: merge.error ?? split.error };
}
