import type { Kysely } from "kysely";
import { storeGeneration } from "../store/cache.ts";
import type { Database } from "../store/schema.ts";

/**
 * Answers to reads, as JSON text, kept while the store is unchanged (its generation) and computed
 * once however many ask at once. A reader of the app asks the same few questions again and again
 * (the map at a date, an issue's actors, outlets compared); without this each one held the one
 * event loop for tens of milliseconds, and fifty readers queued behind each other.
 */
export class Answers {
  private readonly kept = new Map<string, { generation: number; json: Promise<string> }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly max = 1000,
  ) {}

  async get(key: string, compute: () => Promise<unknown>): Promise<string> {
    const generation = await storeGeneration(this.db);
    const found = this.kept.get(key);
    if (found && found.generation === generation) {
      // Most recently used last, so the oldest is the first to go.
      this.kept.delete(key);
      this.kept.set(key, found);
      return found.json;
    }
    const json = compute().then((value) => JSON.stringify(value));
    this.kept.set(key, { generation, json });
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value as string);
    // A failure is answered once, never kept.
    json.catch(() => {
      if (this.kept.get(key)?.json === json) this.kept.delete(key);
    });
    return json;
  }
}
