import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { StandpointError } from "../errors.ts";
import { PACKAGE_ROOT } from "../paths.ts";
import { nameKey } from "../world/records.ts";

const DIR = join(PACKAGE_ROOT, "data", "forums");

const Era = z.object({
  from: z.string(),
  seats: z.number().int(),
  quota: z.number().int(),
  note: z.string(),
});
const QmvEra = z.object({
  from: z.string(),
  kind: z.enum(["nice", "double-majority"]),
  members_share: z.number().optional(),
  members_min: z.number().int().optional(),
  population_share: z.number().optional(),
  blocking_min: z.number().int().optional(),
  note: z.string(),
});
const Forum = z.object({
  id: z.string(),
  name: z.string(),
  from: z.string(),
  /** A forum of one region or conflict: the places whose disputes it bears on (none: any dispute). */
  bears_on: z.object({ targets: z.array(z.string()), note: z.string() }).optional(),
  members: z.union([
    z.object({ kind: z.enum(["by-year", "dated"]), file: z.string() }),
    z.object({ kind: z.literal("fixed"), codes: z.array(z.string()) }),
  ]),
  rule: z.union([
    z.object({ kind: z.literal("veto-quota"), eras: z.array(Era), veto: z.string() }).passthrough(),
    z
      .object({ kind: z.literal("majority-of-voting"), quota: z.string(), important: z.string() })
      .passthrough(),
    z.object({ kind: z.literal("consensus") }).passthrough(),
    z.object({ kind: z.literal("eu"), default: z.string(), qmv: z.array(QmvEra) }).passthrough(),
  ]),
});
export type ForumDef = z.infer<typeof Forum>;
export type QmvEraDef = z.infer<typeof QmvEra>;

/** One member of a forum at a date. */
export interface Member {
  code: string;
  seat: "permanent" | "elected" | "member";
  /** Weighted votes (the Council of the EU under the Treaty of Nice). */
  weight?: number;
  /** Population, thousands, for double majorities. */
  population?: number;
}

/** Rows of a small CSV file with a header line; quoted fields may hold commas, quotes and line breaks. */
export function readCsv(path: string): Array<Record<string, string>> {
  const text = readFileSync(path, "utf8");
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(cell);
      if (record.some((x) => x !== "")) records.push(record);
      record = [];
      cell = "";
    } else cell += c;
  }
  record.push(cell);
  if (record.some((x) => x !== "")) records.push(record);
  const [names = [], ...rest] = records;
  return rest.map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ""])));
}

const defs = z
  .object({ forums: z.array(Forum) })
  .parse(JSON.parse(readFileSync(join(DIR, "forums.json"), "utf8"))).forums;

export const FORUM_IDS = defs.map((f) => f.id);

export function forumById(id: string): ForumDef {
  const forum = defs.find((f) => f.id === id);
  if (!forum) throw new StandpointError("not_found", `unknown forum: ${id} (${FORUM_IDS.join(", ")})`);
  return forum;
}

const files = new Map<string, Array<Record<string, string>>>();
function rows(file: string): Array<Record<string, string>> {
  let r = files.get(file);
  if (!r) {
    r = readCsv(join(DIR, file));
    files.set(file, r);
  }
  return r;
}

/** Whether a forum bears on a dispute over these places (its target and the state it would leave). */
export function forumBearsOn(forum: ForumDef, places: string[]): boolean {
  if (!forum.bears_on) return true;
  const keys = new Set(forum.bears_on.targets.map(nameKey));
  return places.some((p) => keys.has(nameKey(p)));
}

/** The latest year of a by-year membership file. */
export function lastYear(forum: ForumDef): number | undefined {
  if (forum.members.kind !== "by-year") return undefined;
  return Math.max(...rows(forum.members.file).map((r) => Number(r.year)));
}

/** Population (thousands) of each EU member from the latest figures not after the date. */
function populations(date: string): Map<string, number> {
  const all = rows("eu-population.csv");
  const years = [...new Set(all.map((r) => r.year as string))].sort();
  const year = years.filter((y) => y <= date.slice(0, 4)).pop() ?? years[0];
  return new Map(all.filter((r) => r.year === year).map((r) => [r.iso3 as string, Number(r.thousands)]));
}

/**
 * A forum's members on a date (YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its last day).
 * A date before the forum existed, or after its data ends, is an error naming the forum.
 */
export function membersAt(forum: ForumDef, date: string): Member[] {
  const day = date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
  if (day < forum.from) {
    throw new StandpointError(
      "invalid",
      `${forum.id} did not exist on ${date} (it dates from ${forum.from})`,
      "--at",
    );
  }
  const m = forum.members;
  if (m.kind === "fixed") return m.codes.map((code) => ({ code, seat: "member" }));
  if (m.kind === "by-year") {
    const year = Number(day.slice(0, 4));
    const last = lastYear(forum) ?? year;
    if (year > last) {
      throw new StandpointError("invalid", `no ${forum.id} membership on record after ${last}`, "--at");
    }
    return rows(m.file)
      .filter((r) => Number(r.year) === year)
      .map((r) => ({ code: r.iso3 as string, seat: r.seat === "permanent" ? "permanent" : "elected" }));
  }
  const pop = forum.id === "eu-council" ? populations(day) : undefined;
  return rows(m.file)
    .filter((r) => (r.admitted ?? r.joined ?? "") <= day && (!r.left || r.left > day))
    .map((r) => ({
      code: r.iso3 as string,
      seat: "member" as const,
      ...(r.nice_weight ? { weight: Number(r.nice_weight) } : {}),
      ...(pop?.has(r.iso3 as string) ? { population: pop.get(r.iso3 as string) } : {}),
    }));
}

/** When a member of a forum with dated membership joined and left, if it ever was one. */
export function membershipOf(forum: ForumDef, code: string): { joined: string; left: string } | undefined {
  if (forum.members.kind !== "dated") return undefined;
  const row = rows(forum.members.file).find((r) => r.iso3 === code);
  return row ? { joined: row.admitted ?? row.joined ?? "", left: row.left ?? "" } : undefined;
}
