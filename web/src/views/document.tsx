import { useEffect, useRef, useState } from "preact/hooks";
import type { DocumentView } from "../../../src/server/api-types.ts";
import { get } from "../api.ts";
import { speakerColors } from "../colors.ts";
import { link, type Route } from "../route.ts";
import { useLoad } from "../use-api.ts";
import { AddMissed, FindPassage } from "./add-missed.tsx";

interface Mark {
  start: number;
  end: number;
  kind: "quote" | "mention" | "date" | "focus";
  title: string;
  color?: string;
  quote?: string;
}

interface Piece {
  start: number;
  end: number;
  marks: Mark[];
}

/** Cuts the text where any mark starts or ends; each piece carries the marks that cover it. */
function pieces(text: string, marks: Mark[]): Piece[] {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    out.push({ start, end, marks: marks.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

/**
 * An article with every extraction marked: quotes coloured by speaker, mentions underlined, dates
 * boxed; the quote or passage the link came for is outlined and scrolled to. All text is rendered
 * as text, never as markup.
 */
export function DocumentPage({ route }: { route: Route }) {
  const doc = useLoad(
    () => get<DocumentView>(`/api/documents/${encodeURIComponent(route.id ?? "")}`),
    [route.id],
  );
  useEffect(() => {
    document.querySelector(".focus")?.scrollIntoView({ block: "center" });
  }, [doc.data, route.quote, route.from]);
  const [picked, setPicked] = useState<{ start: number; end: number } | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [added, setAdded] = useState("");
  // A passage selected in the text, by mouse or keyboard, is offered for a stance the machine missed.
  useEffect(() => {
    const on = () => {
      const found = textRef.current ? selectionIn(textRef.current) : null;
      if (found) setPicked(found);
    };
    document.addEventListener("selectionchange", on);
    return () => document.removeEventListener("selectionchange", on);
  }, []);
  if (doc.error) return <p class="error">{doc.error}</p>;
  const d = doc.data;
  if (!d) return <p class="muted">Loading the article…</p>;
  const colors = speakerColors(d.quotes.map((q) => q.speaker));
  const passage = picked && { ...picked, text: d.text.slice(picked.start, picked.end) };
  const speakers = [...colors.keys()].flatMap((id) => {
    const said = d.quotes.filter((q) => q.speaker === id);
    return said.length ? [{ id, name: said[0]?.speaker_name ?? "unattributed", n: said.length }] : [];
  });
  const withStance = new Set(d.stances.map((s) => s.actor));
  const silent = [
    ...new Map(
      d.mentions
        .filter((m) => m.actor.startsWith("state:") && !withStance.has(m.actor))
        .map((m) => [m.actor, m.name ?? m.actor]),
    ).values(),
  ];
  const marks: Mark[] = [
    ...d.quotes.flatMap((q) =>
      q.spans.map(([start, end]) => ({
        start,
        end,
        kind: "quote" as const,
        title: `${q.kind} quote: ${q.speaker_name ?? "unattributed"}`,
        color: colors.get(q.speaker),
        quote: q.id,
      })),
    ),
    ...d.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      kind: "mention" as const,
      title: `${m.name ?? m.actor} (${m.form})`,
    })),
    ...d.dates.map((x) => ({ start: x.start, end: x.end, kind: "date" as const, title: `date: ${x.value}` })),
  ];
  const focus = route.quote
    ? d.quotes.find((q) => q.id === route.quote)?.spans.map(([start, end]) => ({ start, end }))
    : route.from && route.to
      ? [{ start: Number(route.from), end: Number(route.to) }]
      : undefined;
  for (const f of focus ?? []) marks.push({ ...f, kind: "focus", title: "the passage you came for" });
  return (
    <article class="document">
      <h2>{d.title ?? d.id}</h2>
      <p class="muted">
        {[d.outlet, d.author, d.published].filter(Boolean).join(" · ")}
        {d.url ? (
          <>
            {" · "}
            <span class="url">{d.url}</span>
          </>
        ) : null}
      </p>
      <p class="legend">
        <span class="mark-quote">quote</span> <span class="mark-mention">mention</span>{" "}
        <span class="mark-date">date</span> <span class="focus">the passage you came for</span>
      </p>
      {speakers.length > 0 && (
        <p class="legend" data-testid="speakers">
          Quotes by:{" "}
          {speakers.map((s) => (
            <span key={s.id ?? "none"} class="mark-quote" style={{ background: colors.get(s.id) }}>
              {s.name} ({s.n})
            </span>
          ))}
        </p>
      )}
      <div class="text" ref={textRef}>
        {pieces(d.text, marks).map((p) => {
          const quote = p.marks.find((m) => m.kind === "quote");
          const classes = [
            quote ? "mark-quote" : "",
            p.marks.some((m) => m.kind === "mention") ? "mark-mention" : "",
            p.marks.some((m) => m.kind === "date") ? "mark-date" : "",
            p.marks.some((m) => m.kind === "focus") ? "focus" : "",
          ].filter(Boolean);
          const text = d.text.slice(p.start, p.end);
          if (!classes.length) return text;
          return (
            <span
              key={p.start}
              class={classes.join(" ")}
              style={quote ? { background: quote.color } : undefined}
              title={p.marks.map((m) => m.title).join("; ")}
              data-quote={quote?.quote}
            >
              {text}
            </span>
          );
        })}
      </div>
      {passage ? (
        <AddMissed
          document={d.id}
          passage={passage}
          issue={route.issue ?? ""}
          onDone={(message) => {
            setAdded(message);
            setPicked(null);
          }}
        />
      ) : (
        <FindPassage text={d.text} onFound={setPicked} />
      )}
      {added && <p role="status">{added}</p>}
      <h3>Stances found here</h3>
      {d.stances.length === 0 && <p>No stance was found in this article.</p>}
      <ul>
        {d.stances.map((s) => (
          <li key={s.id}>
            <a
              {...link({
                view: "document",
                id: d.id,
                from: String(s.evidence[0]?.[0] ?? ""),
                to: String(s.evidence[0]?.[1] ?? ""),
              })}
            >
              {s.name ?? s.actor}: {s.stance}
            </a>
          </li>
        ))}
      </ul>
      {silent.length > 0 && (
        <p data-testid="silent-states">
          States named here with no stance found: {silent.join(", ")}. If one takes a position in the text,
          the machine missed it.
        </p>
      )}
    </article>
  );
}

/** The offsets of the text selected inside an element whose text is the document's, if any. */
function selectionIn(container: HTMLElement): { start: number; end: number } | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}
