import { parseArgs } from 'node:util';
import { ledgerRows, type LedgerFilter } from '../ledger/query.js';
import { fail, storeFromOption } from './common.js';

const FILTER_OPTIONS = {
  db: { type: 'string' },
  donor: { type: 'string' },
  recipient: { type: 'string' },
  category: { type: 'string' },
  status: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  'gdp-year': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Reads the ledger filter options shared by `ledger` and `export`; a message when one is malformed. */
export function ledgerFilter(values: Record<string, string | boolean | undefined>): LedgerFilter | string {
  const date = (name: string) => {
    const v = values[name];
    if (v !== undefined && (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))) return `--${name} must be a date like 2024-01-01`;
    return null;
  };
  const bad = date('since') ?? date('until');
  if (bad) return bad;
  const gdpYear = values['gdp-year'];
  if (gdpYear !== undefined && !/^\d{4}$/.test(String(gdpYear))) return '--gdp-year must be a year like 2021';
  const upper = (v: unknown) => (typeof v === 'string' ? (/^[a-z]{2}$/.test(v) ? v.toUpperCase() : v) : undefined);
  return {
    donor: upper(values.donor), recipient: upper(values.recipient), category: values.category as string | undefined, status: values.status as string | undefined,
    since: values.since as string | undefined, until: values.until as string | undefined, gdpYear: gdpYear ? Number(gdpYear) : undefined,
  };
}

export async function runLedgerCommand(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({ args, options: FILTER_OPTIONS }).values;
  } catch (err) {
    return fail('ledger', (err as Error).message);
  }
  const filter = ledgerFilter(values);
  if (typeof filter === 'string') return fail('ledger', filter);
  const store = await storeFromOption(values.db, 'ledger');
  if (!store) return 1;
  try {
    const rows = await ledgerRows(store.db, filter);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows)}\n`);
      return 0;
    }
    const money = (n: number | null) => (n === null ? '' : n >= 1e9 ? `€${(n / 1e9).toFixed(2)}bn` : n >= 1e6 ? `€${(n / 1e6).toFixed(1)}m` : `€${Math.round(n).toLocaleString('en')}`);
    const lines = rows.map((r) =>
      [
        `#${r.id}`, `${r.donor ?? '?'} → ${r.recipient ?? '?'}`, r.amount === null ? 'unquantified' : `${r.amount.toLocaleString('en')} ${r.unit ?? ''}`.trim(),
        money(r.eur), r.gdpShare === null ? '' : `${r.gdpShare.toFixed(3)} % GDP`, r.period ?? '', r.category, r.status, r.announced ?? '',
        `${r.sources.length} source${r.sources.length === 1 ? '' : 's'}`,
      ].join(' · '),
    );
    process.stdout.write(`${lines.join('\n')}${lines.length ? '\n' : ''}${rows.length} commitment${rows.length === 1 ? '' : 's'}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export { FILTER_OPTIONS };
