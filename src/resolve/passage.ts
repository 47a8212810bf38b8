import type { Kysely } from "kysely";
import { StandpointError } from "../errors.ts";
import type { Database } from "../store/schema.ts";

/** A stored document's passage a reviewer marks, checked: the document exists and holds start to end. */
export async function passageOf(
  db: Kysely<Database>,
  document: string,
  start: number,
  end: number,
): Promise<{ text: string; published: string | null }> {
  const doc = await db
    .selectFrom("documents")
    .select(["text", "published"])
    .where("id", "=", document)
    .executeTakeFirst();
  if (!doc) throw new StandpointError("not_found", `no such document: ${document}`);
  if (
    !(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= doc.text.length)
  )
    throw new StandpointError(
      "invalid",
      `not a passage of ${document}: ${start}-${end} (the text has ${doc.text.length} characters)`,
    );
  return { text: doc.text.slice(start, end), published: doc.published };
}
