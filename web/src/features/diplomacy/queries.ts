import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchProposal, fetchProposals, type ProposalFilter } from './api';

export const useProposals = (f: ProposalFilter, offset: number) => useQuery({ queryKey: ['proposals', f, offset], queryFn: () => fetchProposals(f, offset), placeholderData: keepPreviousData });
export const useProposal = (id: number, enabled: boolean) => useQuery({ queryKey: ['proposal', id], queryFn: () => fetchProposal(id), enabled });
