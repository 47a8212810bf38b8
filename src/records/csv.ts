import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { asStandpointError, StandpointError } from "../errors.ts";

/** A row of a table with the line it ends on, to name it in a problem. */
export interface Row {
  line: number;
  cells: Record<string, string>;
}

/**
 * A CSV file's rows by column name. A malformed line (an unclosed quote, the wrong number of
 * cells) is a problem naming the file and line; the other rows are kept. A missing column the
 * caller needs is one problem for the whole file.
 */
export function readTable(
  path: string,
  required: readonly string[],
): { rows: Row[]; problems: StandpointError[] } {
  const problems: StandpointError[] = [];
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { rows: [], problems: [asStandpointError(error, "input", path)] };
  }
  let parsed: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    parsed = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
      bom: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error)
          problems.push(new StandpointError("input", malformed(error.message), `${path}:${lineOf(error)}`));
        return undefined;
      },
    });
  } catch (error) {
    return { rows: [], problems: [asStandpointError(error, "input", path)] };
  }
  const header = Object.keys(parsed[0]?.record ?? {});
  const missing = parsed.length ? required.filter((c) => !header.includes(c)) : [];
  if (missing.length)
    return {
      rows: [],
      problems: [
        new StandpointError(
          "input",
          `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
          path,
        ),
      ],
    };
  return { rows: parsed.map((p) => ({ line: p.info.lines, cells: p.record })), problems };
}

function lineOf(error: unknown): number {
  const lines = (error as { lines?: number }).lines;
  return typeof lines === "number" ? lines : 0;
}

/** csv-parse's message without its own position, which the problem's place gives. */
function malformed(message: string): string {
  return `malformed line: ${message.replace(/\s*(at|on) line \d+.*$/i, "").replace(/:.*$/, "")}`;
}
