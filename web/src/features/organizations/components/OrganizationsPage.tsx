import { useState } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { amount, eur, party } from '../../../shared/format';
import { href } from '../../../shared/router';
import { useDebounced } from '../../../shared/useDebounced';
import type { LedgerRow } from '../../../shared/types';
import { useOrganization, useOrganizations } from '../queries';

export function OrganizationsPage() {
  const [q, setQ] = useState('');
  const orgs = useOrganizations(useDebounced(q));
  return (
    <div className="page">
      <header className="page-head">
        <h1>Organizations &amp; coalitions</h1>
        <label>Name<input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="filter by name or acronym" /></label>
      </header>
      <ErrorNote error={orgs.error} />
      <table className="simple">
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col" className="num">Members known</th><th scope="col" className="num">Articles</th></tr></thead>
        <tbody>
          {orgs.data?.map((o) => (
            <tr key={o.id}>
              <td><a href={href(`organizations/${o.id}`)}>{o.name}</a>{o.acronym && o.acronym !== o.name ? ` (${o.acronym})` : ''}</td>
              <td>{o.kind ?? '—'}</td>
              <td className="num">{o.members}</td>
              <td className="num">{o.articles}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {orgs.data?.length === 0 && <p className="muted">None matches.</p>}
      <p className="muted small">The organizations the stored articles name; the lexicon knows more, and any of them appears here once an article names it.</p>
    </div>
  );
}

/** An organization's members, each with what it pledged through it. */
export function OrganizationPage({ id }: { id: number }) {
  const org = useOrganization(id);
  if (org.error) return <div className="page"><ErrorNote error={org.error} /></div>;
  if (!org.data) return <div className="page"><p className="muted">Loading…</p></div>;
  const o = org.data;
  const byDonor = new Map<string, LedgerRow[]>();
  for (const c of o.commitments) byDonor.set(c.donor ?? '?', [...(byDonor.get(c.donor ?? '?') ?? []), c]);
  const donors = [...new Set([...o.members.map((m) => m.country), ...byDonor.keys()])];
  return (
    <div className="page">
      <header className="page-head">
        <h1>{o.name}</h1>
        <p className="muted">{[o.acronym, o.kind].filter(Boolean).join(' · ')} · {o.members.length} member states known</p>
      </header>
      <table className="simple">
        <thead><tr><th scope="col">Member or donor</th><th scope="col">Known from</th><th scope="col">Commitments</th><th scope="col" className="num">EUR</th></tr></thead>
        <tbody>
          {donors.map((d) => {
            const member = o.members.find((m) => m.country === d);
            const rows = byDonor.get(d) ?? [];
            return (
              <tr key={d}>
                <td><a href={href('ledger', { donor: d })}>{party(d)}</a></td>
                <td>{member ? (member.source === 'lexicon' ? 'reference list' : <q>{member.evidence}</q>) : 'pledged as this group'}</td>
                <td>{rows.length === 0 ? '—' : rows.map((r) => `${amount(r.amount, r.unit)}${r.item ? ` ${r.item}` : ''} → ${r.recipient ?? '?'} (${r.status})`).join('; ')}</td>
                <td className="num">{eur(rows.reduce((n, r) => n + (r.eur ?? 0), 0) || null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">The commitments made through it: pledged by it as a group, or by a member in a sentence that names it. A donor's link opens all its rows in the ledger, with their sources.</p>
    </div>
  );
}
