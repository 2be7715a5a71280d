// CSV as spreadsheets read it, free of any library so that the workbench writes its charts'
// figures the same way the server writes the ledger.

/** The columns a CSV is written with: a header and how each row gives its cell. */
export interface CsvColumn<R> {
  name: string;
  value: (r: R) => string | number | null;
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // quote what CSV needs quoted; a leading = + - @ is defused so spreadsheets do not run it as a formula
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<R>(columns: ReadonlyArray<CsvColumn<R>>, rows: readonly R[]): string {
  const lines = [columns.map((c) => cell(c.name)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
