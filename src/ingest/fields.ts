import { StandpointError } from "../errors.ts";
import type { Meta } from "./article.ts";
import { metaDate } from "./meta-date.ts";

/**
 * Metadata given as a JSON object (a sidecar, a JSON Lines record) to standpoint's fields:
 * `author` may be a list, `id` a number; `published` must be a date when present.
 */
export function metaFromRecord(record: Record<string, unknown>, where: string): Meta {
  const meta: Meta = {};
  for (const field of ["id", "title", "outlet", "url", "dateline"] as const) {
    const value = record[field] ?? (field === "outlet" ? (record.publisher ?? record.site_name) : undefined);
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string" && typeof value !== "number") {
      throw new StandpointError("input", `field "${field}" must be a string, not ${describe(value)}`, where);
    }
    meta[field] = String(value);
  }
  const author = record.author ?? record.authors;
  if (typeof author === "string") meta.author = author;
  else if (Array.isArray(author)) meta.author = author.filter((a) => typeof a === "string").join(", ");
  else if (author != null)
    throw new StandpointError("input", `field "author" must be a string or a list`, where);
  const published = record.published ?? record.date;
  if (published != null && published !== "") {
    const date = typeof published === "string" ? metaDate(published) : undefined;
    if (!date)
      throw new StandpointError(
        "input",
        `field "published" is not a date: ${JSON.stringify(published)}`,
        where,
      );
    meta.published = date;
  }
  return meta;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : typeof value;
}
