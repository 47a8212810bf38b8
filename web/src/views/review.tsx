import { useEffect, useState } from "preact/hooks";
import type { ReviewQueue } from "../../../src/server/api-types.ts";
import { get, post } from "../api.ts";
import { link, type Route, update } from "../route.ts";
import { useLoad } from "../use-api.ts";

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

  const act = async (
    action: "accept" | "reject" | "edit",
    edits?: Record<string, string>,
    item = current,
  ) => {
    if (!item) return;
    if (!reviewer.trim()) {
      setMessage("Give your name first: every decision is logged with who made it.");
      return;
    }
    try {
      await post("/api/review", { ids: [item.id], action, reviewer, ...(edits ? { edits } : {}) });
      setMessage(`${action === "edit" ? "edited" : `${action}ed`} ${item.id}`);
      items.reload();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  const edit = (item = current) => {
    if (!item) return;
    const field = item.kind === "quote" ? "speaker" : "stance";
    const value = prompt(
      item.kind === "quote" ? "Speaker" : "Stance (support, oppose, neutral)",
      item.values[field] ?? "",
    );
    if (value) void act("edit", { [field]: value.trim() }, item);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).tagName === "INPUT" || e.metaKey || e.ctrlKey) return;
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
        <span class="muted">keys: j/k move · a accept · r reject · e edit</span>
      </div>
      {message && <p role="status">{message}</p>}
      {items.error && <p class="error">{items.error}</p>}
      <ol class="queue">
        {list.map((item, i) => (
          <li key={item.id} class={i === at ? "current" : ""} data-item={item.id}>
            <strong>
              {item.kind === "stance"
                ? `${item.values.actor} ${item.values.stance}`
                : (item.values.speaker ?? "unattributed")}
            </strong>{" "}
            <span class="muted">
              {item.values.date ?? ""} · {item.status} · {item.rule}
            </span>
            <blockquote>{item.text}</blockquote>
            <a
              {...link({
                view: "document",
                id: item.document,
                ...(item.kind === "quote" ? { quote: item.id } : {}),
              })}
            >
              source
            </a>{" "}
            <button type="button" onClick={() => void act("accept", undefined, item)}>
              accept
            </button>{" "}
            <button type="button" onClick={() => void act("reject", undefined, item)}>
              reject
            </button>{" "}
            <button type="button" onClick={() => edit(item)}>
              edit
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
