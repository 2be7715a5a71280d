import { parseArgs } from 'node:util';
import { toCsv } from '../ledger/csv.js';
import { toXlsx } from '../ledger/files.js';
import { COLUMNS, LAYOUTS, PROPOSAL_COLUMNS, rowsFor, type Column, type Layout } from '../ledger/layouts.js';
import { proposalRows } from '../ledger/proposal-query.js';
import { PROPOSAL_STATUSES } from '../facts/vocabulary.js';
import { ledgerRows } from '../ledger/query.js';
import { fail, storeFromOption } from './common.js';
import { FILTER_OPTIONS, ledgerFilter } from './ledger.js';

export async function runExportCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: { ...FILTER_OPTIONS, format: { type: 'string', default: 'csv' }, layout: { type: 'string', default: 'default' }, 'with-planned': { type: 'boolean', default: false }, party: { type: 'string' } },
    });
  } catch (err) {
    return fail('export', (err as Error).message);
  }
  const { values, positionals } = parsed;
  const what = positionals[0];
  if (what !== 'commitments' && what !== 'proposals') return fail('export', "what to export: 'commitments' or 'proposals'");
  const format = values.format;
  if (!['csv', 'json', 'xlsx'].includes(format)) return fail('export', `--format must be csv, json or xlsx, not '${format}'`);
  if (format === 'xlsx' && process.stdout.isTTY) return fail('export', `an XLSX file is binary: redirect it to a file (> ${what}.xlsx)`);
  if (what === 'proposals') return exportProposals(values, format);
  if (!(LAYOUTS as readonly string[]).includes(values.layout)) return fail('export', `--layout must be ${LAYOUTS.join(' or ')}, not '${values.layout}'`);
  const layout = values.layout as Layout;
  const filter = ledgerFilter(values);
  if (typeof filter === 'string') return fail('export', filter);
  const store = await storeFromOption(values.db, 'export', { existing: true });
  if (!store) return 1;
  try {
    await write(format, COLUMNS[layout], rowsFor(layout, await ledgerRows(store.db, filter), values['with-planned']), 'commitments');
    return 0;
  } finally {
    await store.close();
  }
}

/** One row per proposal, with its status, answers and sources; --party and --since filter, --status too (a proposal's status). */
async function exportProposals(values: { db?: string; party?: string; status?: string; since?: string }, format: string): Promise<number> {
  if (values.status && !(PROPOSAL_STATUSES as readonly string[]).includes(values.status)) return fail('export', `--status of a proposal must be ${PROPOSAL_STATUSES.join(', ')}, not '${values.status}'`);
  if (values.since && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) return fail('export', `--since must be a date like 2025-01-31, not '${values.since}'`);
  const store = await storeFromOption(values.db, 'export', { existing: true });
  if (!store) return 1;
  try {
    const { items } = await proposalRows(store.db, { party: values.party, status: values.status, since: values.since, limit: null });
    await write(format, PROPOSAL_COLUMNS, items, 'proposals');
    return 0;
  } finally {
    await store.close();
  }
}

async function write<R>(format: string, columns: Column<R>[], rows: R[], sheet: string): Promise<void> {
  if (format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (format === 'csv') process.stdout.write(toCsv(columns, rows));
  else process.stdout.write(await toXlsx(columns, rows, sheet));
}
