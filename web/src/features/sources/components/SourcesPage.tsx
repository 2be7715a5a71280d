import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../../../shared/ErrorNote';
import { CATEGORIES } from '../../../shared/types';
import { formatInterval } from '../../../../../src/watch/interval';
import { addSource, addSubscription, feedAddress, fetchDeliveries, fetchSourceNow, fetchSources, fetchSubscriptions, removeSource, removeSubscription, type ChangeFilter, type Subscription, type WatchedSource } from '../api';

const when = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : 'never');

/** Watched feeds with their last and next fetch and errors; webhook subscriptions; the Atom feed of changes. */
export function SourcesPage() {
  return (
    <div className="page sources-page">
      <header className="page-head">
        <h1>Sources</h1>
        <p className="muted">Feeds and pages polled on a schedule: a new or revised item is read, extracted and folded into the ledger within seconds of the poll that sees it.</p>
      </header>
      <WatchedSources />
      <Subscriptions />
      <FeedOfChanges />
    </div>
  );
}

function WatchedSources() {
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['sources'], queryFn: fetchSources, refetchInterval: 5_000 });
  const [url, setUrl] = useState('');
  const [period, setPeriod] = useState('15m');
  const [name, setName] = useState('');
  const [allowPrivate, setAllowPrivate] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: ['sources'] });
  const add = useMutation({ mutationFn: addSource, onSuccess: () => { setUrl(''); setName(''); refresh(); } });
  const remove = useMutation({ mutationFn: removeSource, onSuccess: refresh });
  const now = useMutation({ mutationFn: fetchSourceNow, onSuccess: refresh });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ url: url.trim(), every: period.trim(), name: name.trim() || undefined, allowPrivate });
  };
  return (
    <section className="panel" aria-labelledby="watched-title">
      <h2 id="watched-title">Watched sources</h2>
      <form className="inline-form" onSubmit={submit}>
        <label>Feed or page address <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.org/feed.xml" /></label>
        <label>Every <input value={period} onChange={(e) => setPeriod(e.target.value)} pattern="\d+(\.\d+)?\s*(s|m|h)" title="an interval such as 90s, 15m or 2h" size={5} /></label>
        <label>Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="optional" /></label>
        <label className="check"><input type="checkbox" checked={allowPrivate} onChange={(e) => setAllowPrivate(e.target.checked)} /> on a private or loopback address (admin token)</label>
        <button type="submit" disabled={add.isPending}>Watch</button>
      </form>
      <ErrorNote error={add.error ?? remove.error ?? now.error ?? list.error} />
      {list.data?.length === 0 && <p className="muted">No source is watched yet.</p>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="simple" data-testid="sources">
            <thead><tr><th scope="col">Source</th><th scope="col">Every</th><th scope="col">Last fetch</th><th scope="col">Next fetch</th><th scope="col" className="num">Items seen</th><th scope="col">State</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{list.data.map((s) => <SourceRow key={s.id} source={s} onRemove={() => remove.mutate(s.id)} onFetch={() => now.mutate(s.id)} busy={remove.isPending || now.isPending} />)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SourceRow({ source: s, onRemove, onFetch, busy }: { source: WatchedSource; onRemove: () => void; onFetch: () => void; busy: boolean }) {
  return (
    <tr>
      <td>{s.name && <strong>{s.name} </strong>}<span className="small break">{s.url}</span>{s.allowPrivate && <span className="muted small"> · private addresses allowed</span>}</td>
      <td>{formatInterval(s.everySeconds * 1000)}</td>
      <td>{when(s.lastFetchAt)}<div className="muted small">{s.fetches} fetch{s.fetches === 1 ? '' : 'es'}</div></td>
      <td>{when(s.nextFetchAt)}</td>
      <td className="num">{s.itemsSeen}</td>
      <td>{s.lastError ? <span className="error-inline" role="status">{s.lastError}<span className="muted small"> · {s.failures} in a row, backing off</span></span> : s.lastFetchAt ? 'ok' : 'not fetched yet'}</td>
      <td className="actions">
        <button type="button" disabled={busy} onClick={onFetch}>Fetch now</button>
        <button type="button" disabled={busy} onClick={onRemove}>Remove</button>
      </td>
    </tr>
  );
}

function FilterFields({ filters, onChange }: { filters: ChangeFilter; onChange: (f: ChangeFilter) => void }) {
  const set = (key: keyof ChangeFilter, value: string) => onChange({ ...filters, [key]: value === '' ? undefined : key === 'minEur' ? Number(value) : value });
  return (
    <>
      <label>Donor <input value={filters.donor ?? ''} onChange={(e) => set('donor', e.target.value)} placeholder="DE or Germany" size={10} /></label>
      <label>Recipient <input value={filters.recipient ?? ''} onChange={(e) => set('recipient', e.target.value)} placeholder="UA" size={10} /></label>
      <label>Category <select value={filters.category ?? ''} onChange={(e) => set('category', e.target.value)}><option value="">any</option>{CATEGORIES.map((c) => <option key={c}>{c}</option>)}</select></label>
      <label>At least EUR <input type="number" min={0} value={filters.minEur ?? ''} onChange={(e) => set('minEur', e.target.value)} size={10} /></label>
    </>
  );
}

function Subscriptions() {
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['subscriptions'], queryFn: fetchSubscriptions, refetchInterval: 10_000 });
  const [webhookUrl, setWebhookUrl] = useState('');
  const [filters, setFilters] = useState<ChangeFilter>({});
  const [allowPrivate, setAllowPrivate] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['subscriptions'] });
  const add = useMutation({ mutationFn: addSubscription, onSuccess: (s) => { setSecret(s.secret); setWebhookUrl(''); refresh(); } });
  const remove = useMutation({ mutationFn: removeSubscription, onSuccess: refresh });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ webhookUrl: webhookUrl.trim(), filters, allowPrivate });
  };
  return (
    <section className="panel" aria-labelledby="subs-title">
      <h2 id="subs-title">Alerts by webhook</h2>
      <p className="muted small">Each matching change — a new commitment, a new source for one, a stage reached, an amount revised, a review — is posted as JSON, signed in <code>X-Pledgewatch-Signature</code> (HMAC-SHA256 of the timestamp, a dot and the body), and retried with backoff until the receiver answers 2xx.</p>
      <form className="inline-form" onSubmit={submit}>
        <label>Webhook address <input type="url" required value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} placeholder="https://example.org/hooks/pledges" /></label>
        <FilterFields filters={filters} onChange={setFilters} />
        <label className="check"><input type="checkbox" checked={allowPrivate} onChange={(e) => setAllowPrivate(e.target.checked)} /> receiver on a private or loopback address</label>
        <button type="submit" disabled={add.isPending}>Subscribe</button>
      </form>
      {secret && <p role="status" className="notice">Signing secret, shown this once: <code data-testid="secret">{secret}</code></p>}
      <ErrorNote error={add.error ?? remove.error ?? list.error} />
      {list.data?.length === 0 && <p className="muted">No subscriptions.</p>}
      {list.data && list.data.length > 0 && (
        <table className="simple">
          <thead><tr><th scope="col">Webhook</th><th scope="col">Filters</th><th scope="col">Deliveries</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {list.data.map((s) => (
              <SubscriptionRow key={s.id} sub={s} open={open === s.id} onToggle={() => setOpen(open === s.id ? null : s.id)} onRemove={() => remove.mutate(s.id)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SubscriptionRow({ sub, open, onToggle, onRemove }: { sub: Subscription; open: boolean; onToggle: () => void; onRemove: () => void }) {
  const log = useQuery({ queryKey: ['deliveries', sub.id], queryFn: () => fetchDeliveries(sub.id), enabled: open });
  const filters = Object.entries(sub.filters).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${v}`).join(', ') || 'every change';
  return (
    <>
      <tr>
        <td className="small break">{sub.webhookUrl}</td>
        <td>{filters}</td>
        <td>
          <button type="button" className="link" aria-expanded={open} onClick={onToggle}>{sub.deliveries.delivered} delivered · {sub.deliveries.pending} pending · {sub.deliveries.failed} failed</button>
        </td>
        <td><button type="button" onClick={onRemove}>Remove</button></td>
      </tr>
      {open && (
        <tr>
          <td colSpan={4}>
            <ErrorNote error={log.error} />
            {log.data?.length === 0 && <p className="muted">Nothing sent yet.</p>}
            <ul className="plain-list small">
              {log.data?.map((d) => (
                <li key={d.id}>
                  change {d.changeId}: <strong>{d.state}</strong> after {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                  {d.log.map((a, i) => <span key={i} className="muted"> · {when(a.at)} {a.status ?? 'no answer'}{a.error ? ` (${a.error})` : ''}</span>)}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}

function FeedOfChanges() {
  const [filters, setFilters] = useState<ChangeFilter>({});
  const address = feedAddress(filters);
  return (
    <section className="panel" aria-labelledby="feed-title">
      <h2 id="feed-title">Follow in a feed reader</h2>
      <p className="muted small">An Atom feed of new and changed ledger rows for any filter. Feed readers send no headers, so once the server has tokens the address carries yours (a viewer token is enough): keep it private.</p>
      <div className="inline-form"><FilterFields filters={filters} onChange={setFilters} /></div>
      <p><a href={address} data-testid="feed-address" className="break">{address}</a></p>
    </section>
  );
}
