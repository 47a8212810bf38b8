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

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ""
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line; objects and arrays in a cell are written as JSON. */
export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvField).join(",")}\n`;
}

/** CSV with a header line. */
export function toCsv(headers: string[], rows: unknown[][]): string {
  return [headers, ...rows].map(csvLine).join("");
}

/** Cuts a text to one line of at most `max` characters. */
export function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
