import * as chrono from "chrono-node";

const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A metadata date (sidecar, meta tag, byline line) as ISO with only the precision it has:
 * `2007-07-23`, `2008-02`, `2007`. A date without a year gives nothing: the year is never guessed.
 */
export function metaDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso = ISO.exec(text);
  if (iso) return validIso(iso[1], iso[2], iso[3]);
  const [result] = chrono.casual.parse(text, REFERENCE);
  // "today" or "last Monday" say nothing about a date written down without a reference.
  if (!result?.start.isCertain("year") || !/\d/.test(result.text)) return undefined;
  const year = String(result.start.get("year")).padStart(4, "0");
  if (!result.start.isCertain("month")) return year;
  const month = pad(result.start.get("month"));
  if (!result.start.isCertain("day")) return `${year}-${month}`;
  return `${year}-${month}-${pad(result.start.get("day"))}`;
}

/** True when `text`, apart from a few words around it, is one date ("Updated on Feb 18, 2008", "(AP) Feb 18, 2008"). */
export function dateLine(text: string): string | undefined {
  const [result] = chrono.casual.parse(text, REFERENCE);
  if (!result || !/\d/.test(result.text)) return undefined;
  const rest = (text.slice(0, result.index) + text.slice(result.index + result.text.length))
    // A credit in brackets beside the date is no other text: "(Staff) Wednesday, August 27, 2008".
    .replace(/^\s*\([^()]{1,40}\)/, "")
    .replace(/[\s,.:|·—–-]+/g, " ")
    .trim();
  if (
    rest &&
    !/^(?:(?:last\s+)?updated|published|posted|first published|date)?(?:\s+(?:on|at))?(?:\s+\d{1,2}\s*(?:am|pm))?(?:\s+[A-Z]{2,4})?$/i.test(
      rest,
    )
  ) {
    return undefined;
  }
  return metaDate(result.text) ?? undefined;
}

function pad(n: number | null): string {
  return String(n ?? 0).padStart(2, "0");
}

function validIso(y?: string, m?: string, d?: string): string | undefined {
  if (!y) return undefined;
  if (!m) return y;
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  if (!d) return `${y}-${m}`;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > last) return undefined;
  return `${y}-${m}-${d}`;
}
