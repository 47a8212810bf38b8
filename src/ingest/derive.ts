import type { Transaction } from "kysely";
import { extractDocument } from "../extract/pipeline.ts";
import { writeExtraction } from "../store/extraction.ts";
import type { Database, DocumentTable } from "../store/schema.ts";

/** The derive hook of ingest: extracts a stored document and writes the results in its transaction. */
export async function extractAndStore(trx: Transaction<Database>, doc: DocumentTable): Promise<string[]> {
  const record = extractDocument({
    id: doc.id,
    text: doc.text,
    title: doc.title,
    outlet: doc.outlet,
    author: doc.author,
    published: doc.published,
    url: doc.url,
  });
  await writeExtraction(trx, doc.id, doc.text, record);
  return record.notes ?? [];
}
