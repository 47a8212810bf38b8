import { stringify } from "csv-stringify/browser/esm/sync";

/** Hands a file made in the page to the browser to save. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Rows of plain values as CSV with a header line. */
export function csv(rows: Array<Record<string, string | number | boolean | null>>): string {
  // csv-stringify writes false as an empty cell: a table of true and false says both.
  return stringify(rows, {
    header: true,
    columns: Object.keys(rows[0] ?? {}),
    cast: { boolean: (v) => (v ? "true" : "false") },
  });
}

/** JSON Lines, one value a line, as the CLI's --json prints. */
export function jsonLines(rows: unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
}

/** What a view exports: a name for its files, its rows as a table, and its records as they came. */
export interface Export {
  name: string;
  table: Array<Record<string, string | number | boolean | null>>;
  records: unknown[];
}

/** The "CSV" and "JSON" buttons of a view, over what it shows now. */
export function ExportButtons({ data }: { data: Export | undefined }) {
  if (!data?.records.length) return null;
  return (
    <span class="export">
      Export:{" "}
      <button type="button" onClick={() => download(`${data.name}.csv`, csv(data.table), "text/csv")}>
        CSV
      </button>{" "}
      <button
        type="button"
        onClick={() => download(`${data.name}.jsonl`, jsonLines(data.records), "application/x-ndjson")}
      >
        JSON
      </button>
    </span>
  );
}
