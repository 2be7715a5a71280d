// The closed vocabularies of the fact model, free of any library: the server's schemas and the
// web workbench's forms both read them from here.

export const FACT_TYPES = ['person', 'country', 'organization', 'quote', 'commitment', 'sanction', 'meeting', 'proposal'] as const;
export const UNITS = ['%GDP', 'units', 'troops'] as const;
export const PERIODS = ['annual', 'one-off', 'multi-year', 'cumulative'] as const;
export const CATEGORIES = ['military', 'financial', 'humanitarian', 'security-guarantee', 'political', 'reconstruction', 'other'] as const;
export const STATUSES = ['pledged', 'delivered', 'planned', 'ready'] as const;
export const MEETING_KINDS = ['talks', 'call', 'visit', 'press conference', 'summit', 'meeting'] as const;
/** Where a proposal stands (GUIDE.md): the latest the text reports. */
export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected', 'pending', 'withdrawn'] as const;
/** How a party answered a proposal. */
export const PROPOSAL_RESPONSES = ['accepted', 'rejected', 'conditional', 'considering', 'withdrawn'] as const;
/** The status an answer gives a proposal: answered with conditions or under consideration, it is pending. */
export const STATUS_OF_ANSWER: Readonly<Record<(typeof PROPOSAL_RESPONSES)[number], (typeof PROPOSAL_STATUSES)[number]>> = {
  accepted: 'accepted', rejected: 'rejected', withdrawn: 'withdrawn', conditional: 'pending', considering: 'pending',
};
export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected', 'edited', 'superseded', 'deleted'] as const;
