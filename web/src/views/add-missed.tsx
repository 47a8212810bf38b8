import { useState } from "preact/hooks";
import { post } from "../api.ts";

const REVIEWER_KEY = "standpoint.reviewer";

/**
 * A form for what the machine missed in the selected passage: a stance (whose, which way, on what
 * issue) or a quote (who said it, quoted or reported), with who adds it and why; stored as a review.
 */
export function AddMissed({
  document: id,
  passage,
  issue,
  onDone,
}: {
  document: string;
  passage: { start: number; end: number; text: string };
  issue: string;
  onDone: (message: string) => void;
}) {
  const [form, setForm] = useState({
    what: "stance",
    actor: "",
    stance: "support",
    kind: "direct",
    issue,
    reviewer: localStorage.getItem(REVIEWER_KEY) ?? "",
    reason: "",
  });
  const [message, setMessage] = useState("");
  const input = (name: keyof typeof form, label: string) => (
    <label>
      {label}{" "}
      <input
        name={`add-${name}`}
        value={form[name]}
        onInput={(e) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  const choice = (name: keyof typeof form, label: string, values: string[]) => (
    <label>
      {label}{" "}
      <select
        name={`add-${name}`}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: (e.target as HTMLSelectElement).value })}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  const quote = form.what === "quote";
  const submit = async () => {
    localStorage.setItem(REVIEWER_KEY, form.reviewer);
    const where = {
      document: id,
      start: passage.start,
      end: passage.end,
      reviewer: form.reviewer,
      reason: form.reason,
    };
    if (quote) {
      await post("/api/review/add-quote", {
        ...where,
        speaker: form.actor,
        kind: form.kind,
        ...(form.issue ? { issue: form.issue } : {}),
      });
      return `Added a quote by ${form.actor}: it is listed with the others from now on.`;
    }
    await post("/api/review/add", { ...where, actor: form.actor, stance: form.stance, issue: form.issue });
    return `Added ${form.actor}'s stance (${form.stance}): it counts as reviewed evidence from now on.`;
  };
  return (
    <form
      class="edit"
      aria-label="add what the machine missed"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          onDone(await submit());
        } catch (error) {
          setMessage((error as Error).message);
        }
      }}
    >
      <p>
        Add what “<mark>{passage.text}</mark>” ({passage.start}–{passage.end}) shows
      </p>
      {choice("what", "A", ["stance", "quote"])}
      {input("actor", quote ? "Said by" : "Whose")}
      {quote
        ? choice("kind", "Kind", ["direct", "indirect"])
        : choice("stance", "Stance", ["support", "oppose", "neutral"])}
      {input("issue", "Issue")}
      {input("reviewer", "Your name")}
      {input("reason", "Why")}
      <button type="submit">add</button>
      {message && <output>{message}</output>}
    </form>
  );
}

/**
 * The way to a passage without a mouse: type its words and they are found in the article (the
 * first place they occur, case and spacing aside), as if selected.
 */
export function FindPassage({
  text,
  onFound,
}: {
  text: string;
  onFound: (span: { start: number; end: number }) => void;
}) {
  const [words, setWords] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="find-passage"
      onSubmit={(e) => {
        e.preventDefault();
        const span = findWords(text, words);
        setMissing(!span);
        if (span) onFound(span);
      }}
    >
      <p class="muted">Select a passage, or type its words, to add a stance or a quote the machine missed.</p>
      <label>
        Words in the article{" "}
        <input name="passage" value={words} onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
      </label>{" "}
      <button type="submit">Find</button>
      {missing && <span role="alert"> These words are not in the article.</span>}
    </form>
  );
}

/** Where words occur in a text, matched without regard to case or how much space lies between them. */
export function findWords(text: string, words: string): { start: number; end: number } | null {
  const parts = words.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return null;
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const match = new RegExp(escaped.join("\\s+"), "iu").exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}
