import { once, readDataJson } from "../paths.ts";

/**
 * The forums' ids as data/forums/forums.json lists them, read without checking the rest of the
 * file: what the CLI's help names before any forum is used (data.ts reads and checks it all).
 */
export const forumIds = once((): string[] =>
  readDataJson<{ forums: Array<{ id: string }> }>("forums", "forums.json").forums.map((f) => f.id),
);
