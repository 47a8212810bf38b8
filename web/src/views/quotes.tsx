import { useState } from "preact/hooks";
import type { Quotes } from "../../../src/server/api-types.ts";
import { get } from "../api.ts";
import { speakerColors } from "../colors.ts";
import { type Export, ExportButtons } from "../export.tsx";
import { link, type Route, update } from "../route.ts";
import { useLoad } from "../use-api.ts";
import { QuoteFacets, SORTS } from "./facets.tsx";

type Quote = Quotes[number];

const FILTERS = ["search", "speaker", "actor", "outlet", "from", "to"] as const;

/** Quotes with the CLI's filters and full-text search; each opens its article at the quote. */
export function QuotesView({ route, issue }: { route: Route; issue: string }) {
  const [draft, setDraft] = useState<Record<string, string>>(
    Object.fromEntries(FILTERS.map((f) => [f, route[f] ?? ""])),
  );
  const params = Object.fromEntries(FILTERS.map((f) => [f, route[f]]));
  const onIssue = route.all === "1" ? undefined : issue;
  const quotes = useLoad(
    () => get<Quotes>("/api/quotes", { ...params, issue: onIssue, limit: 100 }),
    [JSON.stringify(params), onIssue],
  );
  const colors = speakerColors((quotes.data ?? []).map((q) => q.speaker?.id ?? null));
  const sort = SORTS[route.sort ?? "newest"] ?? (SORTS.newest as (typeof SORTS)[string]);
  const shown = [...(quotes.data ?? [])].sort(sort.compare);
  const [citation, setCitation] = useState("");
  const cite = (q: Quote) => {
    const text = citationOf(q);
    setCitation(text);
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  };
  return (
    <section>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          update(draft);
        }}
      >
        {FILTERS.map((f) => (
          <label key={f}>
            {f}
            <input
              name={f}
              value={draft[f]}
              placeholder={f === "from" || f === "to" ? "YYYY-MM-DD" : ""}
              onInput={(e) => setDraft({ ...draft, [f]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
        <label>
          <input
            type="checkbox"
            name="all"
            checked={route.all === "1"}
            onChange={(e) => update({ all: (e.target as HTMLInputElement).checked ? "1" : "" })}
          />{" "}
          all issues
        </label>
        <button type="submit">Find</button>
      </form>
      {quotes.error && <p class="error">{quotes.error}</p>}
      <p class="muted">
        {quotes.loading ? "Loading quotes…" : `${quotes.data?.length ?? 0} quotes`}{" "}
        <ExportButtons data={quoteExport(shown)} />{" "}
        <label>
          Sort{" "}
          <select
            name="sort"
            value={route.sort ?? "newest"}
            onChange={(e) => update({ sort: (e.target as HTMLSelectElement).value })}
          >
            {Object.entries(SORTS).map(([id, s]) => (
              <option key={id} value={id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </p>
      <QuoteFacets list={shown} />
      {citation && (
        <p class="citation">
          Citation (copied): <output data-testid="citation">{citation}</output>
        </p>
      )}
      <ul class="quotes">
        {shown.map((q) => (
          <li key={q.id} data-quote={q.id}>
            <span class="speaker" style={{ background: colors.get(q.speaker?.id ?? null) }}>
              {q.speaker?.name ?? "unattributed"}
            </span>{" "}
            <span class="muted">
              {q.published ?? ""} · {q.outlet ?? q.document} · {q.kind}
              {q.review !== "unreviewed" ? ` · ${q.review}` : ""}
            </span>
            <blockquote>{q.text}</blockquote>
            <a class="source" {...link({ view: "document", id: q.document, quote: q.id })}>
              source
            </a>{" "}
            <button type="button" onClick={() => cite(q)}>
              cite
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A quote as a reader cites it: words, speaker, outlet, date, address, and where in the article. */
export function citationOf(q: Quote): string {
  const where = [
    q.speaker?.name ?? "unattributed speaker",
    q.outlet ?? q.title ?? q.document,
    q.published ?? "undated",
  ];
  return `“${q.text}” — ${where.join(", ")}.${q.url ? ` ${q.url}` : ""} (standpoint: document ${q.document}, characters ${q.start}–${q.end}, quote ${q.id})`;
}

/** The quotes shown, as the CLI's `quotes --csv` and `--json` give them. */
function quoteExport(list: Quote[] | undefined): Export | undefined {
  if (!list) return undefined;
  return {
    name: "quotes",
    records: list,
    table: list.map((q) => ({
      id: q.id,
      speaker: q.speaker?.name ?? null,
      speaker_id: q.speaker?.id ?? null,
      kind: q.kind,
      text: q.text,
      outlet: q.outlet,
      published: q.published,
      url: q.url,
      document: q.document,
      start: q.start,
      end: q.end,
      review: q.review,
    })),
  };
}
