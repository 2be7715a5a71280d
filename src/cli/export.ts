import { parseArgs } from 'node:util';
import { ledgerRows, type LedgerRow } from '../ledger/query.js';
import { fail, storeFromOption } from './common.js';
import { FILTER_OPTIONS, ledgerFilter } from './ledger.js';

/** The columns an analyst expects, in order. */
const COLUMNS: Array<[string, (r: LedgerRow) => string | number | null]> = [
  ['donor', (r) => r.donor],
  ['recipient', (r) => r.recipient],
  ['announced', (r) => r.announced],
  ['category', (r) => r.category],
  ['item', (r) => r.item],
  ['amount', (r) => r.amount],
  ['currency_or_unit', (r) => r.unit],
  ['eur', (r) => (r.eur === null ? null : Math.round(r.eur))],
  ['gdp_percent', (r) => (r.gdpShare === null ? null : Number(r.gdpShare.toFixed(4)))],
  ['status', (r) => r.status],
  ['period', (r) => r.period],
  ['evidence', (r) => r.sources[0]?.evidence ?? null],
  ['sources', (r) => r.sources.length],
  ['source_urls', (r) => [...new Set(r.sources.map((s) => s.url).filter(Boolean))].join(' ')],
];

export async function runExportCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...FILTER_OPTIONS, format: { type: 'string', default: 'csv' } } });
  } catch (err) {
    return fail('export', (err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'commitments') return fail('export', "what to export: 'commitments'");
  const format = values.format;
  if (!['csv', 'json', 'xlsx'].includes(format)) return fail('export', `--format must be csv, json or xlsx, not '${format}'`);
  const filter = ledgerFilter(values);
  if (typeof filter === 'string') return fail('export', filter);
  const store = await storeFromOption(values.db, 'export');
  if (!store) return 1;
  try {
    const rows = await ledgerRows(store.db, filter);
    if (format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else if (format === 'csv') process.stdout.write(toCsv(rows));
    else process.stdout.write(await toXlsx(rows));
    return 0;
  } finally {
    await store.close();
  }
}

export function toCsv(rows: LedgerRow[]): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    // quote what CSV needs quoted; a leading = + - @ is defused so spreadsheets do not run it as a formula
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([, get]) => cell(get(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(rows: LedgerRow[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'pledgewatch';
  const sheet = book.addWorksheet('commitments');
  sheet.columns = COLUMNS.map(([name]) => ({ header: name, key: name, width: name === 'evidence' || name === 'source_urls' ? 60 : 14 }));
  for (const r of rows) sheet.addRow(Object.fromEntries(COLUMNS.map(([name, get]) => [name, get(r)])));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
