import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx } from '../src/cli/export.js';
import type { LedgerRow } from '../src/ledger/query.js';

const row: LedgerRow = {
  id: 1, donor: 'FI', recipient: 'UA', amount: 200e6, unit: 'EUR', eur: 200e6, gdpShare: 0.0712345, period: 'one-off', category: 'military',
  status: 'pledged', item: null, announced: '2025-04-07',
  sources: [
    { articleId: 1, url: 'https://wire.example.org/a', evidence: 'provide a €200 million air defence package, "urgently"' },
    { articleId: 2, url: 'https://wire.example.org/a', evidence: '€200m' },
    { articleId: 3, url: null, evidence: '=HYPERLINK("x")' },
  ],
};

describe('exports', () => {
  it('writes the columns an analyst expects as CSV, quoting what needs quoting', () => {
    const [header, line] = toCsv([row]).trim().split('\r\n');
    expect(header).toBe('donor,recipient,announced,category,item,amount,currency_or_unit,eur,gdp_percent,status,period,evidence,sources,source_urls');
    expect(line).toBe('FI,UA,2025-04-07,military,,200000000,EUR,200000000,0.0712,pledged,one-off,"provide a €200 million air defence package, ""urgently""",3,https://wire.example.org/a');
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
    expect(sheet.getRow(2).getCell(8).value).toBe(200000000);
  });
});
