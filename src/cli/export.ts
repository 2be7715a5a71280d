import { parseArgs } from 'node:util';
import { toCsv, toXlsx } from '../ledger/files.js';
import { COLUMNS, LAYOUTS, rowsFor, type Layout } from '../ledger/layouts.js';
import { ledgerRows } from '../ledger/query.js';
import { fail, storeFromOption } from './common.js';
import { FILTER_OPTIONS, ledgerFilter } from './ledger.js';

export async function runExportCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: { ...FILTER_OPTIONS, format: { type: 'string', default: 'csv' }, layout: { type: 'string', default: 'default' }, 'with-planned': { type: 'boolean', default: false } },
    });
  } catch (err) {
    return fail('export', (err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'commitments') return fail('export', "what to export: 'commitments'");
  const format = values.format;
  if (!['csv', 'json', 'xlsx'].includes(format)) return fail('export', `--format must be csv, json or xlsx, not '${format}'`);
  if (!(LAYOUTS as readonly string[]).includes(values.layout)) return fail('export', `--layout must be ${LAYOUTS.join(' or ')}, not '${values.layout}'`);
  const layout = values.layout as Layout;
  if (format === 'xlsx' && process.stdout.isTTY) return fail('export', 'an XLSX file is binary: redirect it to a file (> ledger.xlsx)');
  const filter = ledgerFilter(values);
  if (typeof filter === 'string') return fail('export', filter);
  const store = await storeFromOption(values.db, 'export', { existing: true });
  if (!store) return 1;
  try {
    const rows = rowsFor(layout, await ledgerRows(store.db, filter), values['with-planned']);
    if (format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else if (format === 'csv') process.stdout.write(toCsv(COLUMNS[layout], rows));
    else process.stdout.write(await toXlsx(COLUMNS[layout], rows));
    return 0;
  } finally {
    await store.close();
  }
}
