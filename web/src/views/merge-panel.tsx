import { useState } from "preact/hooks";
import type { Merges } from "../../../src/server/api-types.ts";
import { get, post } from "../api.ts";
import { useLoad } from "../use-api.ts";

/** One actor under two names: merge them, see every merge, undo one. Each is logged with who and why. */
export function MergePanel({ reviewer, onMessage }: { reviewer: string; onMessage: (m: string) => void }) {
  const merges = useLoad(() => get<Merges>("/api/actors/merges"), []);
  const [form, setForm] = useState({ from: "", into: "", reason: "" });
  const send = async (path: string, body: Record<string, string>, done: string) => {
    if (!reviewer.trim()) {
      onMessage("Give your name first: every decision is logged with who made it.");
      return;
    }
    try {
      await post(path, { ...body, reviewer });
      onMessage(done);
      merges.reload();
    } catch (error) {
      onMessage((error as Error).message);
    }
  };
  return (
    <section class="merges" aria-labelledby="merges-title">
      <h3 id="merges-title">One actor under two names</h3>
      <form
        class="edit"
        onSubmit={(e) => {
          e.preventDefault();
          void send("/api/actors/merge", form, `merged ${form.from} into ${form.into}`);
        }}
      >
        {(["from", "into", "reason"] as const).map((f) => (
          <label key={f}>
            {f === "from" ? "Merge" : f === "into" ? "into" : "why"}{" "}
            <input
              name={`merge-${f}`}
              value={form[f]}
              placeholder={f === "reason" ? "" : "a name or id"}
              onInput={(e) => setForm({ ...form, [f]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
        <button type="submit">merge</button>
      </form>
      {merges.data?.length === 0 && <p class="muted">No merges yet.</p>}
      <ul>
        {(merges.data ?? []).map((m) => (
          <li key={m.id} data-merge={m.from}>
            {m.from} → {m.into}{" "}
            <span class="muted">
              by {m.reviewer}, {m.at.slice(0, 10)}
              {m.reason ? `: ${m.reason}` : ""}
            </span>{" "}
            {m.undone ? (
              <span class="muted">undone by {m.undone.reviewer}</span>
            ) : (
              <button
                type="button"
                onClick={() =>
                  void send("/api/actors/unmerge", { actor: m.from }, `undid the merge of ${m.from}`)
                }
              >
                undo
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
