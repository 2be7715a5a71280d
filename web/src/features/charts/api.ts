import { getJson } from '../../shared/api';
import type { CategoryTotal, MonthFlow } from '../../shared/types';
import { ledgerQuery, type LedgerFilters } from '../ledger/api';

export const fetchBreakdown = (f: LedgerFilters) => getJson<CategoryTotal[]>('/api/ledger/breakdown', ledgerQuery(f));
export const fetchFlows = (f: LedgerFilters) => getJson<MonthFlow[]>('/api/ledger/flows', ledgerQuery(f));
