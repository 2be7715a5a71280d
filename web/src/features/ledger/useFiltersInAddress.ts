import { useEffect } from 'react';
import { href } from '../../shared/router';
import { filtersToParams, type LedgerFilters } from './api';

/** The address follows a screen's ledger filters (without a new history entry per keystroke), so that the view can be shared as a link. */
export function useFiltersInAddress(section: string, filters: LedgerFilters): void {
  useEffect(() => {
    const target = href(section, filtersToParams(filters));
    if (window.location.hash !== target) history.replaceState(null, '', target);
  }, [section, filters]);
}
