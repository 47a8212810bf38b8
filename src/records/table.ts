import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { asStandpointError, StandpointError } from "../errors.ts";
import { actorIdOf, lookupName } from "../world/gazetteer.ts";
import { actKind, actOf, normalSymbol } from "../world/records.ts";
import { type Row, readTable } from "./csv.ts";
import { isDate, type RecordBatch, type RecordRow } from "./rows.ts";

const REQUIRED = ["actor", "date", "act", "source"] as const;

/**
 * A user's own table of acts, CSV or JSON Lines: actor, date, act and source (a URL or a
 * citation) on every line; object (what was recognised, or the resolution voted on), issue and
 * note where known. `issue` applies to lines that name none.
 */
export function readUserTable(path: string, options: { issue?: string } = {}): RecordBatch {
  const batch: RecordBatch = { source: path, rollCalls: [], records: [], problems: [] };
  const ext = extname(path).toLowerCase();
  const { rows, problems } =
    ext === ".jsonl" || ext === ".ndjson" ? readJsonLines(path) : readTable(path, REQUIRED);
  batch.problems.push(...problems);
  for (const row of rows) {
    try {
      batch.records.push(recordOf(path, row, options.issue));
    } catch (error) {
      batch.problems.push(asStandpointError(error, "input", `${path}:${row.line}`));
    }
  }
  return batch;
}

function readJsonLines(path: string): { rows: Row[]; problems: StandpointError[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { rows: [], problems: [asStandpointError(error, "input", path)] };
  }
  const rows: Row[] = [];
  const problems: StandpointError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const where = `${path}:${i + 1}`;
    try {
      const value = JSON.parse(raw) as unknown;
      if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not a JSON object");
      const cells = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k.toLowerCase(), v == null ? "" : String(v)]),
      );
      const missing = REQUIRED.filter((c) => !cells[c]?.trim());
      if (missing.length)
        problems.push(new StandpointError("input", `missing field ${missing.join(", ")}`, where));
      else rows.push({ line: i + 1, cells });
    } catch (error) {
      problems.push(new StandpointError("input", `malformed line: ${(error as Error).message}`, where));
    }
  });
  return { rows, problems };
}

function recordOf(path: string, { line, cells }: Row, issue: string | undefined): RecordRow {
  const field = (name: string) => cells[name]?.trim() ?? "";
  for (const name of REQUIRED) if (!field(name)) throw new StandpointError("input", `empty ${name}`);
  const entry = lookupName(field("actor"));
  if (!entry) throw new StandpointError("input", `unknown actor: ${field("actor")}`);
  const actor = actorIdOf(entry);
  if (!isDate(field("date"))) throw new StandpointError("input", `not a date: ${field("date")} (YYYY-MM-DD)`);
  const act = actOf(field("act"));
  if (!act)
    throw new StandpointError(
      "input",
      `unknown act: ${field("act")} (recognised, withdrew recognition, yes, no, abstain, absent, veto)`,
    );
  const object = actKind(act) === "vote" ? normalSymbol(field("object")) : field("object");
  if (actKind(act) === "vote" && !object)
    throw new StandpointError("input", "a vote needs the resolution voted on in column object");
  const forIssue = field("issue") || issue || null;
  const id = createHash("sha256")
    .update([actor, field("date"), act, object, forIssue ?? ""].join("\u0000"))
    .digest("hex");
  return {
    id: `rec:${id.slice(0, 20)}`,
    actor_id: actor,
    date: field("date"),
    act,
    object,
    roll_call_id: null,
    issue: forIssue,
    source: field("source"),
    origin: `${basename(path)}:${line}`,
    note: field("note") || null,
  };
}
