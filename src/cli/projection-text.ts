import type { ForumDef } from "../forums/data.ts";
import type { Projection } from "../forums/project.ts";
import type { RecordedVote } from "../forums/recorded.ts";
import { LISTED_UNKNOWN, projectionSummary } from "../forums/summary.ts";
import { clip, formatTable } from "./table.ts";

/**
 * A projection as a reader should meet it: what it rests on before any verdict, the verdict only
 * as far as the known positions carry it, the members that decide it, and the record beside it.
 */
export function projectionText(p: Projection, forum: ForumDef, issue: string): string {
  const lines = [`${forum.name}, ${p.at}: a draft endorsing ${issue}, ${p.rule} vote`];
  lines.push(...projectionSummary(p));
  lines.push("", memberTable(p));
  if (p.pivotal.length)
    lines.push(
      "",
      `Pivotal: ${p.pivotal
        .slice(0, LISTED_UNKNOWN)
        .map((x) => `${x.name} (voting ${x.vote} would make it ${x.adopted ? "adopted" : "fail"})`)
        .join(
          ", ",
        )}${p.pivotal.length > LISTED_UNKNOWN ? `, and ${p.pivotal.length - LISTED_UNKNOWN} more` : ""}`,
    );
  for (const r of p.recorded) lines.push("", ...recordLines(r));
  return `${lines.join("\n")}\n`;
}

/** Members with a known vote, then the unknown ones that decide it, with a count of the others. */
function memberTable(p: Projection): string {
  const pivotal = new Set(p.pivotal.map((x) => x.member));
  const manyUnknown = p.unknown.length > LISTED_UNKNOWN;
  const shown = p.votes.filter((v) => v.vote !== "unknown" || !manyUnknown || pivotal.has(v.member));
  const table = formatTable(
    ["MEMBER", "SEAT", "VOTE", "FROM", "EVIDENCE"],
    shown.map((v) => [
      `${v.member} ${v.name}`,
      v.seat,
      v.vote,
      v.source === "position" ? `${v.stance} since ${v.since ?? "?"}` : v.source,
      v.evidence[0]
        ? `${v.evidence[0].kind}: "${clip(v.evidence[0].text.join(" … "), 100)}" [${v.evidence[0].id}]`
        : "",
    ]),
  );
  const hidden = p.votes.length - shown.length;
  return hidden ? `${table}\n… and ${hidden} other members with no known position (--json lists all)` : table;
}

function recordLines(r: RecordedVote): string[] {
  const counts = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([act, n]) => `${n} ${act}`)
    .join(", ");
  const note = r.note.replace(/\.$/, "");
  const how =
    r.bears === "own-issue"
      ? `The vote was on a question of its own (${note}); a yes leans ${r.yes_means}, so it is compared as a lean.`
      : `A yes on it ${r.yes_means === "support" ? "supports" : "opposes"} the issue (${note}).`;
  const known = r.members.filter((m) => m.agreement !== "no-position" && m.agreement !== "unrecorded");
  const agree = known.filter((m) => m.agreement === "agrees").length;
  const lines = [
    `ON RECORD: ${r.symbol}, ${r.date}: ${clip(r.title, 100)}`,
    `  ${counts}: ${r.outcome}`,
    `  ${how}`,
    `  Of ${known.length} members with a projected vote, ${agree} voted as projected, ${r.differences.length} did not.`,
    `  Source: ${r.source}`,
  ];
  if (r.differences.length)
    lines.push(
      formatTable(
        ["MEMBER", "PROJECTED", "RECORDED", "AS ENDORSEMENT", ""],
        r.differences.map((m) => [
          `  ${m.member} ${m.name}`,
          m.projected,
          m.recorded,
          m.as_endorsement,
          m.agreement,
        ]),
      ),
    );
  return lines;
}
