// Writing a layout's columns as CSV or XLSX.
import type { Column } from './layouts.js';

export function toCsv<R>(columns: Column<R>[], rows: R[]): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    // quote what CSV needs quoted; a leading = + - @ is defused so spreadsheets do not run it as a formula
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [columns.map((c) => cell(c.name)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

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
