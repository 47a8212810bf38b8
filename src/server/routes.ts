import type { Route } from "./route.ts";
import { DOCUMENT_ROUTES } from "./routes/documents.ts";
import { FORUM_ROUTES } from "./routes/forums.ts";
import { RECORD_ROUTES } from "./routes/record.ts";
import { RECORDS_ROUTES } from "./routes/records.ts";
import { REVIEW_ROUTES } from "./routes/review.ts";

// The OpenAPI document lists the answers' schemas in the order their modules load: the imports
// above, in this order, load documents, positions, forums, quotes, records, then review.

/** Every route of the API, in the order the OpenAPI document lists them. */
export const ROUTES: Route[] = [
  ...DOCUMENT_ROUTES,
  ...RECORD_ROUTES,
  ...FORUM_ROUTES,
  ...RECORDS_ROUTES,
  ...REVIEW_ROUTES,
];
