import type { Kysely } from "kysely";
import { StandpointError } from "../errors.ts";
import { findActor } from "../store/actors.ts";
import { findIssue } from "../store/codebooks.ts";
import { type AddedKind, appendReview } from "../store/reviews.ts";
import type { Database, QuoteTable, ReviewTable } from "../store/schema.ts";
import { liveAdds } from "./added.ts";
import { endOfPeriod } from "./dates.ts";
import { passageOf } from "./passage.ts";

/** The log's kind for a quote a reviewer added. */
const KIND: AddedKind = "quote-added";

/** A quote the machine missed, as a reviewer marks it in a document. */
export interface QuoteToAdd {
  document: string;
  start: number;
  end: number;
  speaker: string;
  kind: "direct" | "indirect";
  /** The issue it bears on, if any. */
  issue?: string;
}

/**
 * Adds a quote the machine missed: the words, who said them, direct or reported. It is appended to
 * the review log with who and why and listed with the machine's quotes from then on.
 */
export async function addQuote(
  db: Kysely<Database>,
  add: QuoteToAdd,
  by: { reviewer: string; reason?: string },
): Promise<ReviewTable> {
  if (!by.reviewer.trim())
    throw new StandpointError("usage", "an added quote needs the reviewer's name", "reviewer");
  const passage = await passageOf(db, add.document, add.start, add.end);
  const speaker = (await findActor(db, add.speaker)).id;
  const issue = add.issue ? (await findIssue(db, add.issue)).id : null;
  return appendReview(db, {
    reviewer: by.reviewer.trim(),
    item_kind: KIND,
    item_key: `${add.document}|${add.start}|${add.end}`,
    action: "add",
    field: null,
    value: JSON.stringify({ speaker, kind: add.kind, issue, text: passage.text }),
    reason: by.reason?.trim() || null,
  });
}

/** An added quote as a stored quote's row, with the issue it bears on and its article's outlet. */
export type AddedQuote = QuoteTable & { issue: string | null; outlet: string | null };

/** The quotes reviewers added and no one rejected, as quote rows (the log's id for the quote's),
 * with a speaker as last edited. */
export async function addedQuotes(db: Kysely<Database>, document?: string): Promise<AddedQuote[]> {
  const live = await liveAdds(db, KIND, document ? `${document}|` : undefined);
  if (!live.length) return [];
  const ids = [...new Set(live.map(({ add }) => add.item_key.split("|")[0] as string))];
  const docs = new Map(
    (
      await db.selectFrom("documents").select(["id", "outlet", "published"]).where("id", "in", ids).execute()
    ).map((d) => [d.id, d]),
  );
  return live.map(({ add, state }) => {
    const [document_id = "", start = "0", end = "0"] = add.item_key.split("|");
    const v = JSON.parse(add.value ?? "{}") as {
      speaker: string;
      kind: string;
      issue: string | null;
      text: string;
    };
    return {
      id: add.id,
      document_id,
      start: Number(start),
      end: Number(end),
      text: v.text,
      kind: v.kind,
      spans: null,
      speaker_id: state.edits.speaker ?? v.speaker,
      speaker_start: null,
      speaker_end: null,
      cue: null,
      cue_start: null,
      cue_end: null,
      rule: `review:added by ${add.reviewer}`,
      key: add.item_key,
      published: docs.get(document_id)?.published ?? null,
      issue: v.issue,
      outlet: docs.get(document_id)?.outlet ?? null,
    };
  });
}

/** The added quotes a search asks for: of its speakers, issue, outlets, dates and words. */
export function matching(
  added: AddedQuote[],
  want: {
    speakers?: string[];
    issue?: string;
    outlets?: string[];
    from?: string;
    to?: string;
    search?: string;
  },
): AddedQuote[] {
  const words = (want.search ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return added.filter(
    (q) =>
      (!want.speakers || want.speakers.includes(q.speaker_id ?? "")) &&
      (!want.issue || q.issue === want.issue) &&
      (!want.outlets || want.outlets.includes(q.outlet ?? "")) &&
      (!want.from || (q.published ?? "") >= want.from) &&
      (!want.to || (q.published ?? "") <= endOfPeriod(want.to)) &&
      words.every((w) => q.text.toLowerCase().includes(w)),
  );
}
