/** Markdown tables for stdout (and for pasting into the README as they are). */

export type Cell = string | number | boolean | null | undefined;

/** Numbers print as given: callers round them to the precision that means something. */
export function formatCell(value: Cell): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'n/a';
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
