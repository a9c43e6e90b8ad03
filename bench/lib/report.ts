/** Markdown tables for stdout (and for pasting into the README as they are). */

export type Cell = string | number | boolean | null | undefined;

export function formatCell(value: Cell, digits = 1): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'n/a';
    return Number.isInteger(value) ? String(value) : value.toFixed(digits);
  }
  return value;
}

/** A Markdown table with columns padded for reading in a terminal; numeric columns right-aligned. */
export function table(headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((cell) => formatCell(cell)));
  const numeric = headers.map((_, i) => rows.every((row) => typeof row[i] !== 'string'));
  const widths = headers.map((h, i) => Math.max(h.length, 3, ...text.map((row) => (row[i] ?? '').length)));
  const pad = (value: string, i: number) =>
    numeric[i] ? value.padStart(widths[i] as number) : value.padEnd(widths[i] as number);
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...text.map(line)].join('\n');
}
