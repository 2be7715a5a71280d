import { parseArgs } from 'node:util';
import { CATEGORIES } from '../facts/vocabulary.js';
import { REVIEWABLE_STAGES } from '../ledger/commitments.js';
import { ledgerRows, ledgerSummary, type LedgerFilter } from '../ledger/query.js';
import { partyCode } from '../lexicons/index.js';
import type { FactStore } from '../store/index.js';
import { fail, isCalendarDate, money, storeFromOption } from './common.js';

const FILTER_OPTIONS = {
  db: { type: 'string' },
  donor: { type: 'string' },
  recipient: { type: 'string' },
  category: { type: 'string' },
  status: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  'gdp-year': { type: 'string' },
  'eu-shared': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Reads the ledger filter options shared by `ledger` and `export`; a message when one is malformed. */
export function ledgerFilter(values: Record<string, string | boolean | undefined>): LedgerFilter | string {
  const date = (name: string) => {
    const v = values[name];
    if (v !== undefined && (typeof v !== 'string' || !isCalendarDate(v))) return `--${name} must be a date like 2024-01-01, not '${v}'`;
    return null;
  };
  const oneOf = (name: string, allowed: readonly string[]) => {
    const v = values[name];
    return v !== undefined && !allowed.includes(String(v)) ? `--${name} must be one of ${allowed.join(', ')}, not '${v}'` : null;
  };
  const bad = date('since') ?? date('until') ?? oneOf('category', CATEGORIES) ?? oneOf('status', REVIEWABLE_STAGES);
  if (bad) return bad;
  const gdpYear = values['gdp-year'];
  if (gdpYear !== undefined && !/^\d{4}$/.test(String(gdpYear))) return '--gdp-year must be a year like 2021';
  // a country by code or name ("Latvia" is LV); anything else is a body's name as stored ("EU", "World Bank")
  const party = (v: unknown) => (typeof v === 'string' ? partyCode(v) : undefined);
  return {
    donor: party(values.donor), recipient: party(values.recipient), category: values.category as string | undefined, status: values.status as string | undefined,
    since: values.since as string | undefined, until: values.until as string | undefined, gdpYear: gdpYear ? Number(gdpYear) : undefined,
    euShared: values['eu-shared'] === true,
  };
}

export async function runLedgerCommand(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({ args, options: { ...FILTER_OPTIONS, totals: { type: 'boolean' } } }).values;
  } catch (err) {
    return fail('ledger', (err as Error).message);
  }
  const filter = ledgerFilter(values);
  if (typeof filter === 'string') return fail('ledger', filter);
  const store = await storeFromOption(values.db, 'ledger', { existing: true });
  if (!store) return 1;
  try {
    if (values.totals) return await printTotals(store, filter, values.json === true);
    const rows = await ledgerRows(store.db, filter);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows)}\n`);
      return 0;
    }
    const lines = rows.map((r) =>
      [
        `#${r.id}`, `${r.donor ?? '?'} → ${r.recipient ?? '?'}`,
        `${r.amount === null ? 'unquantified' : `${r.amount.toLocaleString('en')} ${r.unit ?? ''}`.trim()}${r.item ? ` ${r.item}` : ''}${r.delivered !== null && (r.status !== 'delivered' || r.delivered !== r.amount) ? `, ${r.delivered.toLocaleString('en')} delivered` : ''}`,
        `${r.valuation === 'estimate' ? '≈' : ''}${money(r.eur)}`, r.gdpShare === null ? '' : `${r.gdpShare.toFixed(3)} % GDP`, r.period ?? '', r.category, r.status,
        r.announced ?? 'undated', `${r.sources.length} source${r.sources.length === 1 ? '' : 's'}`,
      ].join(' · '),
    );
    process.stdout.write(`${lines.join('\n')}${lines.length ? '\n' : ''}${rows.length} commitment${rows.length === 1 ? '' : 's'}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** Totals by donor: whole commitments and yearly figures apart, never added together. */
async function printTotals(store: FactStore, filter: LedgerFilter, json: boolean): Promise<number> {
  const totals = await ledgerSummary(store.db, 'donor', filter);
  if (json) {
    process.stdout.write(`${JSON.stringify(totals)}\n`);
    return 0;
  }
  const share = (g: number | null) => (g === null ? '' : ` (${g.toFixed(3)} % GDP)`);
  for (const t of totals) {
    const annual = t.byPeriod.annual;
    const yearly = annual.commitments > 0 ? ` · ${money(annual.eur)} a year${share(annual.gdpShare)}` : '';
    process.stdout.write(`${t.key} · ${money(t.eur) || '€0'}${share(t.gdpShare)}${yearly} · ${t.commitments} commitment${t.commitments === 1 ? '' : 's'}\n`);
  }
  process.stdout.write(`${totals.length} donor${totals.length === 1 ? '' : 's'}${filter.euShared ? ', the EU institutions shared out to the member states' : ''}\n`);
  return 0;
}

export { FILTER_OPTIONS };
