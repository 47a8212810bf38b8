import { useEffect, useState } from "preact/hooks";
import type { ReviewQueue } from "../../../src/server/api-types.ts";
import { get, post } from "../api.ts";
import { link, type Route, update } from "../route.ts";
import { useLoad } from "../use-api.ts";
import { MergePanel } from "./merge-panel.tsx";

const REVIEWER_KEY = "standpoint.reviewer";

/**
 * The review queue: j and k move, a accepts, r rejects, e edits (a stance's direction, a quote's
 * speaker). Every decision goes to the append-only log with the reviewer's name.
 */
export function ReviewView({ route, issue }: { route: Route; issue: string }) {
  const status = route.status ?? "unreviewed";
  const kind = route.kind ?? "stance";
  const items = useLoad(
    () => get<ReviewQueue>("/api/review", { issue, status, kind, limit: 100 }),
    [issue, status, kind],
  );
  const [at, setAt] = useState(0);
  const [reviewer, setReviewer] = useState(localStorage.getItem(REVIEWER_KEY) ?? "");
  const [message, setMessage] = useState("");
  const list = items.data ?? [];
  const current = list[Math.min(at, list.length - 1)];

  const [editing, setEditing] = useState<string | null>(null);
  const act = async (
    action: "accept" | "reject" | "edit",
    edits?: Record<string, string>,
    item = current,
    reason?: string,
  ) => {
    if (!item) return;
    if (!reviewer.trim()) {
      setMessage("Give your name first: every decision is logged with who made it.");
      return;
    }
    try {
      await post("/api/review", {
        ids: [item.id],
        action,
        reviewer,
        ...(edits ? { edits } : {}),
        ...(reason ? { reason } : {}),
      });
      setMessage(`${action === "edit" ? "edited" : `${action}ed`}: ${describe(item)}`);
      setEditing(null);
      items.reload();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  const edit = (item = current) => {
    if (item) setEditing(item.id);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement).tagName;
      if (e.key === "Escape") setEditing(null);
      if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.metaKey || e.ctrlKey) return;
      if (e.key === "j") setAt((i) => Math.min(i + 1, list.length - 1));
      else if (e.key === "k") setAt((i) => Math.max(i - 1, 0));
      else if (e.key === "a") void act("accept");
      else if (e.key === "r") void act("reject");
      else if (e.key === "e") edit();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  });

  return (
    <section>
      <div class="toolbar">
        <label>
          Reviewer{" "}
          <input
            name="reviewer"
            value={reviewer}
            onInput={(e) => {
              const v = (e.target as HTMLInputElement).value;
              setReviewer(v);
              localStorage.setItem(REVIEWER_KEY, v);
            }}
          />
        </label>
        <label>
          Kind{" "}
          <select value={kind} onChange={(e) => update({ kind: (e.target as HTMLSelectElement).value })}>
            <option value="stance">stances</option>
            <option value="quote">quotes</option>
          </select>
        </label>
        <label>
          Status{" "}
          <select value={status} onChange={(e) => update({ status: (e.target as HTMLSelectElement).value })}>
            {["unreviewed", "accepted", "rejected", "edited", "reviewed"].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <span class="muted">keys: j/k move · a accept · r reject · e edit (Esc closes the form)</span>
      </div>
      {message && <p role="status">{message}</p>}
      {items.error && <p class="error">{items.error}</p>}
      {items.loading && !items.data && <p class="muted">Loading the queue…</p>}
      {items.data?.length === 0 && <p>Nothing {status} here.</p>}
      <ol class="queue">
        {list.map((item, i) => (
          <li key={item.id} class={i === at ? "current" : ""} data-item={item.id}>
            <strong>{describe(item)}</strong>{" "}
            <span class="muted">
              {item.values.date ?? "undated"} · {item.status}
              {item.reviewed_by ? ` by ${item.reviewed_by}` : ""}
            </span>
            <p class="context">
              {item.context.before}
              <mark>{item.text}</mark>
              {item.context.after}
            </p>
            <a
              {...link({
                view: "document",
                id: item.document,
                ...(item.kind === "quote" ? { quote: item.id } : {}),
              })}
            >
              read in the article
            </a>{" "}
            <button type="button" onClick={() => void act("accept", undefined, item)}>
              accept
            </button>{" "}
            <button type="button" onClick={() => void act("reject", undefined, item)}>
              reject
            </button>{" "}
            <button type="button" aria-expanded={editing === item.id} onClick={() => edit(item)}>
              edit
            </button>
            <details class="muted">
              <summary>how it was found</summary>
              rule {item.rule}; id {item.id}
            </details>
            {editing === item.id && (
              <EditForm
                item={item}
                onSave={(edits, reason) => void act("edit", edits, item, reason)}
                onCancel={() => setEditing(null)}
              />
            )}
          </li>
        ))}
      </ol>
      <MergePanel reviewer={reviewer} onMessage={setMessage} />
    </section>
  );
}

type Item = ReviewQueue[number];

/** An item in words: "Russia (via Vitaly Churkin) opposes", "quote by Condoleezza Rice". */
function describe(item: Item): string {
  const name = (id: string | null | undefined) => (id ? (item.names[id] ?? id) : "unattributed");
  if (item.kind === "quote") return `quote by ${name(item.values.speaker)}`;
  const via = item.values.via ? ` (via ${name(item.values.via)})` : "";
  return `${name(item.values.actor)}${via}: ${item.values.stance}`;
}

/** The fields a reviewer may change, as a form: a stance's direction, actor and date, a quote's speaker, and why. */
function EditForm({
  item,
  onSave,
  onCancel,
}: {
  item: Item;
  onSave: (edits: Record<string, string>, reason: string) => void;
  onCancel: () => void;
}) {
  const start: Record<string, string> =
    item.kind === "quote"
      ? { speaker: item.names[item.values.speaker ?? ""] ?? item.values.speaker ?? "" }
      : {
          stance: item.values.stance ?? "",
          actor: item.names[item.values.actor ?? ""] ?? item.values.actor ?? "",
          date: item.values.date ?? "",
        };
  const [values, setValues] = useState(start);
  const [reason, setReason] = useState("");
  const field = (name: string, label: string, placeholder = "") => (
    <label>
      {label}{" "}
      <input
        name={name}
        value={values[name]}
        placeholder={placeholder}
        onInput={(e) => setValues({ ...values, [name]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <form
      class="edit"
      aria-label={`edit ${describe(item)}`}
      onSubmit={(e) => {
        e.preventDefault();
        const changed = Object.fromEntries(
          Object.entries(values).filter(([k, v]) => v.trim() && v !== start[k]),
        );
        onSave(changed, reason.trim());
      }}
    >
      {item.kind === "quote" ? (
        field("speaker", "Speaker", "a name")
      ) : (
        <>
          <label>
            Stance{" "}
            <select
              name="stance"
              value={values.stance}
              onChange={(e) => setValues({ ...values, stance: (e.target as HTMLSelectElement).value })}
            >
              {["support", "oppose", "neutral"].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          {field("actor", "Actor", "a state, body or person")}
          {field("date", "Date", "YYYY-MM-DD")}
        </>
      )}
      <label>
        Why{" "}
        <input
          name="reason"
          value={reason}
          onInput={(e) => setReason((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="submit">save</button>{" "}
      <button type="button" onClick={onCancel}>
        cancel
      </button>
    </form>
  );
}
