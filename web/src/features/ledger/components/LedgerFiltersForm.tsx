import { CATEGORIES, PERIODS, STATUSES } from '../../../shared/types';
import type { LedgerFilters } from '../api';

interface Props {
  filters: LedgerFilters;
  onChange: (next: LedgerFilters) => void;
}

/** The ledger's filters; text fields take a country's code (LT) or name (Lithuania), or a body's name as stored. */
export function LedgerFiltersForm({ filters, onChange }: Props) {
  const set = <K extends keyof LedgerFilters>(key: K, value: LedgerFilters[K]) => onChange({ ...filters, [key]: value });
  const choice = (key: 'category' | 'status' | 'period', label: string, options: readonly string[]) => (
    <label>
      {label}
      <select value={filters[key]} onChange={(e) => set(key, e.target.value)}>
        <option value="">any</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Ledger filters">
      <label>Donor<input value={filters.donor} placeholder="LT or Lithuania" onChange={(e) => set('donor', e.target.value)} /></label>
      <label>Recipient<input value={filters.recipient} placeholder="UA or Ukraine" onChange={(e) => set('recipient', e.target.value)} /></label>
      {choice('category', 'Category', CATEGORIES)}
      {choice('status', 'Status', STATUSES)}
      {choice('period', 'Period', PERIODS)}
      <label>From<input type="date" value={filters.since} onChange={(e) => set('since', e.target.value)} /></label>
      <label>To<input type="date" value={filters.until} onChange={(e) => set('until', e.target.value)} /></label>
      <label className="check"><input type="checkbox" checked={filters.reviewedOnly} onChange={(e) => set('reviewedOnly', e.target.checked)} />Reviewed only</label>
      <label className="check" title="the EU institutions' commitments shared out to the member states by their GDP, as the Kiel tracker's redistributed figures">
        <input type="checkbox" checked={filters.euShared} onChange={(e) => set('euShared', e.target.checked)} />EU shared out to members
      </label>
    </form>
  );
}
