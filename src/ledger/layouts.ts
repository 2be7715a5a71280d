// The column layouts the ledger is exported in, each column with its unit and meaning: the
// same definitions write the files, docs/DATA.md and GET /api/export/dictionary.
import { countries } from '../lexicons/index.js';
import type { ProposalRow } from './proposal-query.js';
import type { LedgerRow } from './query.js';

export interface Column<R = LedgerRow> {
  name: string;
  unit: string;
  description: string;
  value: (r: R) => string | number | null;
}

/** Bumped whenever a column of any layout is added, removed or changes meaning. */
export const DICTIONARY_VERSION = '2.1';

export const LAYOUTS = ['default', 'kiel'] as const;
export type Layout = (typeof LAYOUTS)[number];

const countryNames = new Map(countries.map((c) => [c.code, c.names[0]]));
const nameOf = (code: string | null) => (code === null ? null : (countryNames.get(code) ?? code));
const isCurrency = (unit: string | null) => unit !== null && /^[A-Z]{3}$/.test(unit);
const urls = (r: LedgerRow) => [...new Set(r.sources.map((s) => s.url).filter((u): u is string => u !== null))];
const rounded = (v: number | null) => (v === null ? null : Math.round(v));

const DEFAULT: Column[] = [
  { name: 'donor', unit: 'ISO 3166-1 alpha-2 code, or the name of a body', description: 'who gives', value: (r) => r.donor },
  { name: 'recipient', unit: 'ISO 3166-1 alpha-2 code, or the name of a body; empty for a state\'s own spending target', description: 'who receives', value: (r) => r.recipient },
  { name: 'announced', unit: 'date (YYYY-MM-DD, YYYY-MM or YYYY)', description: 'when the commitment was first announced: the date its sentence gives, else the publication date', value: (r) => r.announced },
  { name: 'announced_precision', unit: 'day | month | year | unknown', description: 'how precisely the announcement date is known; unknown rows have no date', value: (r) => r.announcedPrecision },
  { name: 'category', unit: 'military | financial | humanitarian | security-guarantee | political | reconstruction | other', description: 'kind of support', value: (r) => r.category },
  { name: 'item', unit: 'text', description: 'the goods given, for in-kind support', value: (r) => r.item },
  { name: 'amount', unit: 'in currency_or_unit', description: 'the committed figure as reported (the largest pledged or planned figure; the delivered total for a row known only from deliveries)', value: (r) => r.amount },
  { name: 'currency_or_unit', unit: 'ISO 4217 code, %GDP, units or troops', description: 'what amount counts', value: (r) => r.unit },
  { name: 'delivered', unit: 'in currency_or_unit', description: 'the amount or quantity reported delivered so far (distinct deliveries added up)', value: (r) => r.delivered },
  { name: 'delivered_on', unit: 'date', description: 'when the last delivery was reported', value: (r) => r.deliveredOn },
  { name: 'eur', unit: 'EUR, current prices', description: 'value in euros: money at the ECB annual average rate of the announcement year; %GDP on the donor\'s GDP of that year; items at the price list', value: (r) => rounded(r.eur) },
  { name: 'valuation', unit: 'reported | estimate', description: 'reported: the source gives money or %GDP; estimate: a count of items priced from src/lexicons/prices.json', value: (r) => r.valuation },
  { name: 'gdp_percent', unit: 'percent of the donor\'s GDP', description: 'the value as a share of the donor\'s nominal GDP (World Bank)', value: (r) => (r.gdpShare === null ? null : Number(r.gdpShare.toFixed(4))) },
  { name: 'status', unit: 'planned | ready | pledged | delivered | cancelled | suspended', description: 'the furthest stage reported, or the stage a reviewer set', value: (r) => r.status },
  { name: 'stages', unit: 'stage:date:amount; …', description: 'every stage with its first date and figure', value: (r) => r.stages.map((s) => `${s.stage}:${s.date ?? ''}:${s.amount ?? ''}`).join('; ') },
  { name: 'period', unit: 'one-off | annual | multi-year | cumulative', description: 'annual figures are per year and are never added to one-off ones', value: (r) => r.period },
  { name: 'evidence', unit: 'text', description: 'the words of the first source that state the commitment', value: (r) => r.sources[0]?.evidence ?? null },
  { name: 'sources', unit: 'count', description: 'sources: one per article revision and address', value: (r) => r.sources.length },
  { name: 'source_urls', unit: 'URLs separated by spaces', description: 'every address the sources were found at', value: (r) => urls(r).join(' ') },
];

/** The Kiel tracker files aid under three general types; the others are filed as it would file them. */
const KIEL_TYPE: Record<string, string> = {
  military: 'Military', 'security-guarantee': 'Military', financial: 'Financial', reconstruction: 'Financial', humanitarian: 'Humanitarian', political: 'Financial', other: 'Financial',
};

const KIEL: Column[] = [
  { name: 'donor', unit: 'country name (English), or the name of a body', description: 'who gives', value: (r) => nameOf(r.donor) },
  { name: 'announcement_date', unit: 'date (YYYY-MM-DD, YYYY-MM or YYYY)', description: 'as `announced`', value: (r) => r.announced },
  { name: 'aid_type_general', unit: 'Military | Financial | Humanitarian', description: 'military and security guarantees → Military; financial, reconstruction, political and other → Financial; humanitarian → Humanitarian', value: (r) => KIEL_TYPE[r.category] ?? 'Financial' },
  { name: 'aid_type_specific', unit: 'text', description: 'the item for in-kind aid, else the pledgewatch category', value: (r) => r.item ?? r.category },
  { name: 'measure', unit: 'Commitment | Allocation', description: 'Commitment for pledged (and, when asked for, planned or ready) rows; Allocation for delivered ones', value: (r) => (r.status === 'delivered' ? 'Allocation' : 'Commitment') },
  { name: 'reporting_currency', unit: 'ISO 4217 code', description: 'the currency the source reports in; empty for items, troops and %GDP', value: (r) => (isCurrency(r.unit) ? r.unit : null) },
  { name: 'source_reported_value', unit: 'in reporting_currency', description: 'the amount as reported, for money', value: (r) => (isCurrency(r.unit) ? r.amount : null) },
  { name: 'tot_sub_activity_value_EUR', unit: 'EUR, current prices', description: 'as `eur` (estimates for items included; see `valuation` in the default layout)', value: (r) => rounded(r.eur) },
  { name: 'item', unit: 'text', description: 'the goods given', value: (r) => r.item },
  { name: 'item_numb', unit: 'count', description: 'the number of items (or troops) committed', value: (r) => (r.unit === 'units' || r.unit === 'troops' ? r.amount : null) },
  { name: 'item_numb_deliv', unit: 'count', description: 'the number reported delivered so far', value: (r) => (r.unit === 'units' || r.unit === 'troops' ? r.delivered : null) },
  ...[1, 2, 3, 4].map((n) => ({ name: `Source of Aid ${n}`, unit: 'URL', description: `the ${['first', 'second', 'third', 'fourth'][n - 1]} address the commitment was reported at`, value: (r: LedgerRow) => urls(r)[n - 1] ?? null })),
];

export const COLUMNS: Record<Layout, Column[]> = { default: DEFAULT, kiel: KIEL };

/** `export proposals`: one row per proposal with its status now, its answers and its sources. */
export const PROPOSAL_COLUMNS: Column<ProposalRow>[] = [
  { name: 'proposer', unit: 'ISO codes or names, separated by " + "', description: 'who put the proposal forward', value: (r) => r.proposer.join(' + ') },
  { name: 'addressee', unit: 'ISO 3166-1 alpha-2 code, or a name; empty when none is named', description: 'the party asked to agree', value: (r) => r.addressee },
  { name: 'subject', unit: 'text', description: 'what is proposed, as the first report words it', value: (r) => r.subject },
  { name: 'status', unit: 'proposed | accepted | rejected | pending | withdrawn', description: 'the latest answer\'s status, else the latest report\'s', value: (r) => r.status },
  { name: 'first_seen', unit: 'date', description: 'the first publication date of a report of it', value: (r) => r.firstSeen },
  { name: 'last_seen', unit: 'date', description: 'the latest publication date of a report of it', value: (r) => r.lastSeen },
  { name: 'responses', unit: 'party:answer:date; …', description: 'each party\'s answers (accepted, rejected, conditional, considering, withdrawn), once each, with the day first reported', value: (r) => r.responses.map((a) => `${a.by ?? ''}:${a.response}:${a.at ?? ''}`).join('; ') },
  { name: 'evidence', unit: 'text', description: 'the words of the first report that state the proposal', value: (r) => r.evidence },
  { name: 'sources', unit: 'count', description: 'articles that report it', value: (r) => r.sources },
  { name: 'source_urls', unit: 'URLs separated by spaces', description: 'the addresses of those articles', value: (r) => r.sourceUrls.join(' ') },
];

/** Rows a layout leaves out: the Kiel tracker counts a commitment once it is pledged. */
export function rowsFor(layout: Layout, rows: LedgerRow[], withPlanned: boolean): LedgerRow[] {
  if (layout !== 'kiel' || withPlanned) return rows;
  return rows.filter((r) => r.status !== 'planned' && r.status !== 'ready');
}

/** The data dictionary: every column of every layout with its unit and meaning. */
export function dictionary() {
  return {
    version: DICTIONARY_VERSION,
    layouts: Object.fromEntries(LAYOUTS.map((l) => [l, COLUMNS[l].map(({ name, unit, description }) => ({ name, unit, description }))])),
    proposals: PROPOSAL_COLUMNS.map(({ name, unit, description }) => ({ name, unit, description })),
  };
}

/** The dictionary as the Markdown tables docs/DATA.md holds between its column markers. */
export function dictionaryMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const table = (title: string, columns: Array<Column<never>>) =>
    [title, '', '| column | unit | meaning |', '| --- | --- | --- |', ...columns.map((c) => `| \`${c.name}\` | ${cell(c.unit)} | ${cell(c.description)} |`)].join('\n');
  return [...LAYOUTS.map((layout) => table(`### Layout \`${layout}\``, COLUMNS[layout])), table('### Proposals (`export proposals`)', PROPOSAL_COLUMNS)].join('\n\n');
}
