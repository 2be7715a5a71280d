import { describe, expect, it } from 'vitest';
import { toCsv as writeCsv, toXlsx as writeXlsx } from '../src/ledger/files.js';
import { COLUMNS } from '../src/ledger/layouts.js';
import type { LedgerRow } from '../src/ledger/query.js';

const row: LedgerRow = {
  id: 1, donor: 'FI', recipient: 'UA', amount: 200e6, unit: 'EUR', eur: 200e6, gdpShare: 0.0712345, period: 'one-off', category: 'military',
  status: 'pledged', item: null, announced: '2025-04-07', announcedPrecision: 'day', valuation: 'reported', delivered: null, deliveredOn: null,
  stages: [{ stage: 'pledged', date: '2025-04-07', amount: 200e6, sources: 3 }],
  sources: [
    { articleId: 1, url: 'https://wire.example.org/a', publisher: 'wire.example.org', evidence: 'provide a €200 million air defence package, "urgently"', stage: 'pledged', announced: '2025-04-07' },
    { articleId: 2, url: 'https://wire.example.org/a', publisher: 'wire.example.org', evidence: '€200m', stage: 'pledged', announced: '2025-04-07' },
    { articleId: 3, url: null, publisher: null, evidence: '=HYPERLINK("x")', stage: 'pledged', announced: '2025-04-07' },
  ],
};
const toCsv = (rows: LedgerRow[]) => writeCsv(COLUMNS.default, rows);
const toXlsx = (rows: LedgerRow[]) => writeXlsx(COLUMNS.default, rows);

describe('exports', () => {
  it('writes the columns an analyst expects as CSV, quoting what needs quoting', () => {
    const [header, line] = toCsv([row]).trim().split('\r\n');
    expect(header).toBe('donor,recipient,announced,announced_precision,category,item,amount,currency_or_unit,delivered,delivered_on,eur,valuation,gdp_percent,status,stages,period,evidence,sources,source_urls');
    expect(line).toBe('FI,UA,2025-04-07,day,military,,200000000,EUR,,,200000000,reported,0.0712,pledged,pledged:2025-04-07:200000000,one-off,"provide a €200 million air defence package, ""urgently""",3,https://wire.example.org/a');
  });

  it('defuses spreadsheet formulas in text cells', () => {
    const csv = toCsv([{ ...row, sources: [row.sources[2]] }]);
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
  });

  it('writes an xlsx workbook', async () => {
    const book = await toXlsx([row]);
    expect(book.subarray(0, 2).toString()).toBe('PK');
    const { default: ExcelJS } = await import('exceljs');
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(book as unknown as ArrayBuffer);
    const sheet = read.getWorksheet('commitments')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('donor');
    expect(sheet.getRow(2).getCell(11).value).toBe(200000000);
  });
});
