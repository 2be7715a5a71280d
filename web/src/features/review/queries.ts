import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getSettings } from '../../shared/settings';
import type { Fact } from '../../shared/types';
import { fetchPendingFacts, reviewFact, type QueueOrder, type ReviewAction } from './api';

/** A review changes the fact, its article's view and possibly the ledger: all are read again. */
export function useReviewFact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, fields, copies }: { id: number; action: ReviewAction; fields?: Record<string, unknown>; copies?: boolean }) => reviewFact(id, action, getSettings().reviewer, fields, copies),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['ledger'] });
      void client.invalidateQueries({ queryKey: ['article'] });
      void client.invalidateQueries({ queryKey: ['organization'] });
    },
  });
}

/** Review actions on one fact at a time, with the editor's state and the last error. */
export function useFactActions(onReviewed: (fact: Fact & { copies: number[] }, action: ReviewAction) => void) {
  const review = useReviewFact();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = (fact: Fact, action: ReviewAction, fields?: Record<string, unknown>, copies?: boolean) => {
    if (review.isPending) return;
    setError(null);
    review.mutate(
      { id: fact.id, action, fields, copies },
      {
        onSuccess: (updated) => {
          setEditing(false);
          onReviewed(updated, action);
        },
        onError: setError,
      },
    );
  };
  const reset = () => {
    setEditing(false);
    setError(null);
  };
  return { act, editing, setEditing, error, busy: review.isPending, reset };
}

/** The pending facts when the queue was opened: a snapshot, so that reviewed facts keep their place for j/k and undo. */
export const usePendingFacts = (type: string, order: QueueOrder) =>
  useQuery({ queryKey: ['facts', 'pending', type, order], queryFn: () => fetchPendingFacts(type, order), staleTime: Infinity, refetchOnWindowFocus: false });
