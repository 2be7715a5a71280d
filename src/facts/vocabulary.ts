// The closed vocabularies of the fact model, free of any library: the server's schemas and the
// web workbench's forms both read them from here.

export const FACT_TYPES = ['person', 'country', 'organization', 'quote', 'commitment', 'sanction', 'meeting'] as const;
export const UNITS = ['%GDP', 'units', 'troops'] as const;
export const PERIODS = ['annual', 'one-off', 'multi-year', 'cumulative'] as const;
export const CATEGORIES = ['military', 'financial', 'humanitarian', 'security-guarantee', 'political', 'reconstruction', 'other'] as const;
export const STATUSES = ['pledged', 'delivered', 'planned', 'ready'] as const;
export const MEETING_KINDS = ['talks', 'call', 'visit', 'press conference', 'summit', 'meeting'] as const;
export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected', 'edited', 'superseded', 'deleted'] as const;
