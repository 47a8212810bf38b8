import type { ExtractionOut } from "../contract.ts";

/** A document's extraction for reading in a terminal: who said what, and with --explain, by which rule. */
export function formatExtraction(record: ExtractionOut, explain: boolean): string {
  const names = new Map(record.actors.map((a) => [a.id, a.name]));
  const lines = [
    `# ${record.id}${record.published ? ` (${record.published})` : ""}${record.title ? ` ${record.title}` : ""}`,
  ];
  const people = record.actors.filter((a) => a.kind === "person");
  if (people.length) {
    lines.push("people:");
    for (const p of people) {
      const roles = p.roles.map((r) => (r.of ? `${r.title}, ${names.get(r.of)}` : r.title)).join("; ");
      lines.push(`  ${p.name}${roles ? ` (${roles})` : ""}`);
    }
  }
  if (record.quotes.length) lines.push("quotes:");
  for (const q of record.quotes) {
    const speaker = q.speaker ? names.get(q.speaker) : "?";
    const text = q.text.replace(/\s+/g, " ");
    lines.push(
      `  ${speaker} ${q.kind === "direct" ? "said" : "reportedly"}: ${text.length > 160 ? `${text.slice(0, 157)}…` : text}`,
    );
    if (explain) lines.push(`      [${q.start}, ${q.end}) rule ${q.rule}${q.cue ? `, cue "${q.cue}"` : ""}`);
  }
  if (record.stances.length) lines.push("stances:");
  for (const s of record.stances) {
    const via = s.via ? ` via ${names.get(s.via)}` : "";
    lines.push(`  ${names.get(s.actor)}: ${s.stance} on ${s.issue} (${s.date ?? "undated"})${via}`);
    if (explain) lines.push(`      ${s.evidence.map(([a, b]) => `[${a}, ${b})`).join(" ")} rule ${s.rule}`);
  }
  if (record.dates.length)
    lines.push(`dates: ${record.dates.map((d) => `${d.text} = ${d.value}`).join("; ")}`);
  return `${lines.join("\n")}\n\n`;
}
