import { useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { href } from '../../../shared/router';
import { useDebounced } from '../../../shared/useDebounced';
import type { Mention } from '../../../shared/types';
import { usePerson, usePersons } from '../queries';

export function PeoplePage() {
  const [q, setQ] = useState('');
  const persons = usePersons(useDebounced(q));
  return (
    <div className="page">
      <header className="page-head">
        <h1>People</h1>
        <label>Name<input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="filter by name" /></label>
      </header>
      <ErrorNote error={persons.error} />
      <table className="simple">
        <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Country</th></tr></thead>
        <tbody>
          {persons.data?.map((p) => (
            <tr key={p.id}><td><a href={href(`people/${p.id}`)}>{p.name}</a></td><td>{p.role ?? '—'}</td><td>{p.country ?? '—'}</td></tr>
          ))}
        </tbody>
      </table>
      {persons.data?.length === 0 && <p className="muted">No one matches.</p>}
    </div>
  );
}

interface Event {
  kind: 'quote' | 'meeting';
  item: Mention;
}

/** A person's role, country, and what they said and whom they met, in date order. */
export function PersonPage({ id }: { id: number }) {
  const person = usePerson(id);
  if (person.error) return <div className="page"><ErrorNote error={person.error} /></div>;
  if (!person.data) return <div className="page"><p className="muted">Loading…</p></div>;
  const p = person.data;
  const events: Event[] = [...p.quotes.map((item) => ({ kind: 'quote' as const, item })), ...p.meetings.map((item) => ({ kind: 'meeting' as const, item }))]
    .sort((a, b) => (a.item.date ?? '').localeCompare(b.item.date ?? '') || a.item.factId - b.item.factId);
  return (
    <div className="page">
      <header className="page-head">
        <h1>{p.name}</h1>
        <p className="muted">{[p.roles.join('; ') || 'role unknown', p.country ?? 'country unknown'].join(' · ')}</p>
      </header>
      <h2>Timeline</h2>
      {events.length === 0 && <p className="muted">No quotes or meetings recorded.</p>}
      <ol className="timeline">
        {events.map((e) => (
          <li key={`${e.kind}-${e.item.factId}`} className={`event type-${e.kind}`}>
            <time>{e.item.date ?? 'undated'}</time>
            <span className={`badge type-${e.kind}`}>{e.kind}</span>
            {e.kind === 'quote' ? <q>{e.item.text}</q> : <span>met {e.item.text}</span>}
            {' '}<a href={href(`articles/${e.item.articleId}`, { fact: e.item.factId })}>evidence</a>
          </li>
        ))}
      </ol>
    </div>
  );
}
