import { download, getJson, postJson } from '../../shared/api';
import type { LedgerRow, LedgerSort, SummaryRow } from '../../shared/types';

export interface LedgerFilters {
  donor: string;
  recipient: string;
  category: string;
  status: string;
  period: string;
  since: string;
  until: string;
  reviewedOnly: boolean;
  /** Totals by donor: the EU institutions' commitments shared out to the member states. */
  euShared: boolean;
}

export const NO_FILTERS: LedgerFilters = { donor: '', recipient: '', category: '', status: '', period: '', since: '', until: '', reviewedOnly: false, euShared: false };

/** Filters from the address (#/ledger?donor=LT&reviewed=only), so that a filtered ledger can be shared as a link. */
export function filtersFromParams(params: URLSearchParams): LedgerFilters {
  const text = (k: keyof Omit<LedgerFilters, 'reviewedOnly' | 'euShared'>) => params.get(k) ?? '';
  return {
    donor: text('donor'), recipient: text('recipient'), category: text('category'), status: text('status'), period: text('period'),
    since: text('since'), until: text('until'), reviewedOnly: params.get('reviewed') === 'only', euShared: params.get('eu') === 'shared',
  };
}

export function filtersToParams(f: LedgerFilters): Record<string, string | undefined> {
  const { reviewedOnly, euShared, ...text } = f;
  const params: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(text)) if (v.trim()) params[k] = v.trim();
  if (reviewedOnly) params.reviewed = 'only';
  if (euShared) params.eu = 'shared';
  return params;
}

export type SortColumn = LedgerSort;
export interface Sort {
  column: SortColumn;
  descending: boolean;
}

export const PAGE_SIZE = 50;

/** The API's query for a set of filters. */
export const ledgerQuery = (f: LedgerFilters) => ({
  donor: f.donor.trim(), recipient: f.recipient.trim(), category: f.category, status: f.status, period: f.period, since: f.since, until: f.until,
  reviewed: f.reviewedOnly ? 'only' : undefined, eu: f.euShared ? 'shared' : undefined,
});

export const fetchCommitments = (f: LedgerFilters, sort: Sort, page: number) =>
  getJson<LedgerRow[]>('/api/ledger/commitments', { ...ledgerQuery(f), sort: sort.column, dir: sort.descending ? 'desc' : 'asc', limit: PAGE_SIZE, offset: page * PAGE_SIZE });

export const fetchSummary = (f: LedgerFilters, by: 'donor' | 'month' | 'category') => getJson<SummaryRow[]>('/api/ledger/summary', { ...ledgerQuery(f), by });

export const exportLedger = (f: LedgerFilters, format: 'csv' | 'xlsx') =>
  download(`/api/export/commitments.${format}`, ledgerQuery(f), `pledgewatch-commitments.${format}`);

/** A reviewer joins row `id` into row `into` (the same commitment): its sources move there. */
export const mergeRow = (id: number, into: number, actor: string) => postJson<LedgerRow>(`/api/ledger/commitments/${id}/merge`, { into, actor });

/** A reviewer takes a source folded wrongly off its row: it becomes a row of its own. */
export const splitSource = (id: number, factId: number, actor: string) => postJson<LedgerRow>(`/api/ledger/commitments/${id}/split`, { factId, actor });
