import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorNote } from '../../../shared/ErrorNote';
import { href } from '../../../shared/router';
import { fetchFailures, retryFailure } from '../api';

/** What could not be stored, with its reason and a retry; and the articles stored without facts as not English. */
export function FailedItems() {
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['ingest-failures'], queryFn: fetchFailures });
  const retry = useMutation({
    mutationFn: retryFailure,
    onSettled: () => void client.invalidateQueries({ queryKey: ['ingest-failures'] }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['ledger'] }),
  });
  if (!list.data) return <ErrorNote error={list.error} />;
  const { failures, refused } = list.data;
  return (
    <section className="failed-items" aria-labelledby="failed-title">
      <h2 id="failed-title">Failed and refused</h2>
      <ErrorNote error={retry.error} />
      {failures.length === 0 && refused.length === 0 && <p className="muted">Nothing failed.</p>}
      {failures.length > 0 && (
        <table className="simple">
          <thead><tr><th scope="col">Input</th><th scope="col">Why</th><th scope="col">Last tried</th><th scope="col" className="num">Attempts</th><th scope="col"><span className="visually-hidden">Retry</span></th></tr></thead>
          <tbody>
            {failures.map((f) => (
              <tr key={f.id}>
                <td>{f.label}</td>
                <td className="error-inline">{f.reason}</td>
                <td>{f.lastAt.slice(0, 16).replace('T', ' ')}</td>
                <td className="num">{f.attempts}</td>
                <td>
                  <button type="button" disabled={retry.isPending} onClick={() => retry.mutate(f.id)} title={f.hasText ? 'extract the kept text again' : 'fetch the address again'}>
                    Retry
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refused.length > 0 && (
        <>
          <h3>Stored without facts: not in English</h3>
          <ul className="plain-list">
            {refused.map((a) => <li key={a.articleId}><a href={href(`articles/${a.articleId}`)}>{a.title ?? a.url ?? `article ${a.articleId}`}</a> <span className="muted small">{a.ingestedAt.slice(0, 10)}</span></li>)}
          </ul>
        </>
      )}
    </section>
  );
}
