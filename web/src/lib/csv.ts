/** A cell of an exported table: text, a number, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (=, +, -, @) or that some treat the
 * same after trimming (tab, carriage return). A lead's name such as `=HYPERLINK(…)` must arrive as
 * text, so such text cells get a leading apostrophe (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV. Numbers are written as numbers (a negative difference stays a number: only text
 * can carry a formula); text that could start a formula is prefixed with `'`; a cell holding the
 * separator, a quote or a line break is quoted, its quotes doubled.
 */
export function csvCell(value: CsvCell, separator = ','): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text.includes(separator) || /["\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export interface CsvOptions {
  separator?: string;
}

/** Rows (the first one usually the header) as CSV text, lines ended by CRLF as RFC 4180 says. */
export function toCsv(rows: readonly (readonly CsvCell[])[], { separator = ',' }: CsvOptions = {}): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n') + '\r\n';
}

/** A file name without characters file systems refuse: `leads-by-source-2026-03-01-to-2026-03-07.csv`. */
export function csvFileName(...parts: string[]): string {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${name || 'export'}.csv`;
}

/** Hands the text to the browser as a download; a byte-order mark lets spreadsheet programs read it as UTF-8. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started from the object URL once the click handler ran
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
