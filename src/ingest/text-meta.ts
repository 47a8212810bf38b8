import type { Meta } from "./article.ts";
import { dateLine } from "./meta-date.ts";

/** A name in a byline: capitalised words, initials, particles ("de", "van"), diacritics, hyphens. */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)`;
const PARTICLE = "(?:de|da|del|della|der|van|von|bin|al|el|le|la|du|dos|ter)";
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)?${NAME_WORD}){1,3}`;
const NAMES = new RegExp(String.raw`^(${NAME}(?:\s*(?:,|and|&)\s*${NAME})*)(?:\s*[,|]\s*(.+))?$`, "u");
const BY = /^by[:\s]\s*(.+)$/i;

/**
 * Wire datelines at the start of the story: "UNITED NATIONS—", "WASHINGTON (Reuters) -",
 * "PRISTINA, Kosovo, Feb. 17 (AP) —". The place is in capitals; the agency, if any, in brackets.
 */
const DATELINE =
  /^((?:\p{Lu}[\p{Lu}.'’-]+)(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(([^)]{2,40})\))?\s*(?:\s*[—–]|\s+-{1,2})\s*(?=\S)/u;

/** Lines at the head of a text, before the story starts, with their markdown decoration removed. */
function headLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw
      .replace(/^\s*>?\s*/, "")
      .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, "$1")
      .trim();
    if (!line) continue;
    lines.push(line);
    // The first long line is the story itself: kept for its dateline, and the head ends there.
    if (line.length > 200 || lines.length >= 8) break;
  }
  return lines;
}

function bylineNames(line: string): string | undefined {
  const by = BY.exec(line);
  const candidate = (by?.[1] ?? line).trim();
  const match = NAMES.exec(candidate);
  if (!match?.[1]) return undefined;
  // Without "By", a bare line of capitalised words is taken as a byline only beside a date line
  // (checked by the caller); an agency or role after a comma is not part of the name.
  return match[1].replace(/\s*&\s*/g, " and ").replace(/\s+/g, " ");
}

/**
 * Metadata a plain or Markdown text gives about itself: a heading or first short line as title, a
 * byline ("By Jane Doe", or a name line beside a date line), a date line ("23 July 2007",
 * "Updated on Feb 18, 2008") and a wire dateline opening the story ("UNITED NATIONS—").
 */
export function textMetadata(text: string): Meta {
  const meta: Meta = {};
  const lines = headLines(text);
  const dates = lines.map((line) => (line.length <= 60 ? dateLine(line) : undefined));
  const heading = lines[0] ? /^#{1,6}\s+(.+)$/.exec(lines[0]) : null;
  let bodyStart = 0;
  let authorAt = -1;
  lines.forEach((line, i) => {
    if (dates[i]) {
      meta.published ??= dates[i];
      bodyStart = i + 1;
      return;
    }
    if (meta.author || (i === 0 && heading)) return;
    // A bare name line counts as a byline beside a date line, or between the title and the story.
    const beforeStory = i === 1 && (lines[2]?.length ?? 0) > 200;
    if (BY.test(line) || dates[i - 1] || dates[i + 1] || beforeStory) {
      const names = bylineNames(line);
      if (names) {
        meta.author = names;
        authorAt = i;
        bodyStart = i + 1;
      }
    }
  });
  if (heading?.[1]) meta.title = heading[1].replace(/\s*#+\s*$/, "").trim();
  else if (lines.length > 1 && authorAt !== 0 && !dates[0] && lines[0] && isTitleLine(lines[0]))
    meta.title = lines[0];
  if (meta.title) bodyStart = Math.max(bodyStart, 1);
  const dateline = lines
    .slice(bodyStart)
    .map((line) => DATELINE.exec(line))
    .find((match) => match !== null);
  if (dateline?.[1] && dateline[1].length >= 3) {
    meta.dateline = dateline[1];
    if (dateline[2] && /^[A-Z][A-Za-z.& ]+$/.test(dateline[2])) meta.outlet = dateline[2];
  }
  return meta;
}

function isTitleLine(line: string): boolean {
  return line.length <= 160 && !/[.!?:;,"”]$/.test(line) && /^\p{Lu}|^\d/u.test(line);
}
