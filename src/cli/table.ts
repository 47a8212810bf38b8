/** Columns of text, padded to line up; on a terminal, the last column is cut to fit it. */
export function formatTable(
  headers: string[],
  rows: string[][],
  width = process.stdout.isTTY ? process.stdout.columns : Number.POSITIVE_INFINITY,
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fixed = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 0);
  const lastIndex = widths.length - 1;
  widths[lastIndex] = Math.max(10, Math.min(widths[lastIndex] ?? 10, width - fixed));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        const text = cell.length > w ? `${cell.slice(0, w - 1)}…` : cell;
        return i === lastIndex ? text : text.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/** JSON Lines: one object a line. */
export function printJsonLines(rows: Iterable<unknown>): void {
  for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
}
