import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { getSettings } from '../../../shared/settings';
import { deleteArticle } from '../api';

/** Deletes the article after a second, explicit step with the reason; the ledger and lists follow. */
export function DeleteArticle({ id }: { id: number }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteArticle(id, getSettings().reviewer, reason.trim()),
    onSuccess: () => {
      setConfirming(false);
      for (const key of ['article', 'articles', 'ledger', 'organization', 'search']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
  if (!confirming) return <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete article…</button>;
  return (
    <form className="delete-article" aria-label="Delete this article" onSubmit={(e) => { e.preventDefault(); remove.mutate(); }}>
      <label>
        Why (kept in the log)
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoFocus placeholder="e.g. not a news report" />
      </label>
      <button type="submit" className="danger" disabled={remove.isPending}>Delete: its facts leave the ledger</button>
      <button type="button" onClick={() => setConfirming(false)}>Keep it</button>
      <ErrorNote error={remove.error} />
    </form>
  );
}
