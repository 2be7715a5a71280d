// Writing a layout's columns as XLSX (as CSV: ./csv.ts).
import type { Column } from './layouts.js';

export async function toXlsx<R>(columns: Column<R>[], rows: R[], sheetName = 'commitments'): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'pledgewatch';
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: c.unit === 'text' || c.unit.startsWith('URL') ? 60 : 14 }));
  for (const r of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.name, c.value(r)])));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
