import { getJson } from '../../shared/api';
import type { ProposalDetail, ProposalRow } from '../../shared/types';

export interface ProposalFilter {
  party: string;
  status: string;
}

export const fetchProposals = (f: ProposalFilter, offset: number) =>
  getJson<{ total: number; items: ProposalRow[] }>('/api/proposals', { party: f.party.trim() || undefined, status: f.status || undefined, limit: 50, offset });
export const fetchProposal = (id: number) => getJson<ProposalDetail>(`/api/proposals/${id}`);
