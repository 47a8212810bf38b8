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
  private readonly kept = new Map<string, { generation: number; json: Promise<string>; size: number }>();
  private bytes = 0;

  /** `budget`: the characters of JSON kept at most, the least recently used going first. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly budget = 64 * 1024 * 1024,
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
    if (found) this.drop(key);
    const entry = { generation, json: compute().then((value) => JSON.stringify(value)), size: 0 };
    this.kept.set(key, entry);
    entry.json.then(
      (json) => {
        if (this.kept.get(key) !== entry) return;
        entry.size = json.length;
        this.bytes += json.length;
        for (const oldest of this.kept.keys()) {
          if (this.bytes <= this.budget || oldest === key) break;
          this.drop(oldest);
        }
      },
      // A failure is answered once, never kept.
      () => {
        if (this.kept.get(key) === entry) this.drop(key);
      },
    );
    return entry.json;
  }

  private drop(key: string): void {
    this.bytes -= this.kept.get(key)?.size ?? 0;
    this.kept.delete(key);
  }
}
