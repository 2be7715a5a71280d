import { getJson } from '../../shared/api';
import type { OrganizationDetail, OrganizationSummary } from '../../shared/types';

export const fetchOrganizations = (q: string) => getJson<OrganizationSummary[]>('/api/organizations', { q: q.trim(), limit: 200 });
export const fetchOrganization = (id: number) => getJson<OrganizationDetail>(`/api/organizations/${id}`);
