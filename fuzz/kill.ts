import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { newsArticle } from "../bench/news.ts";
import { openStore } from "../src/store/open.ts";
import { storeContents } from "./contents.ts";
import { BIN } from "./run.ts";

/** What killing ingests found on one backend. */
export interface KillFindings {
  backend: string;
  tried: number;
  unusable: string[];
  differing: string[];
}

/** A corpus of generated wire stories, some about disputes that detection finds. */
export function killCorpus(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "standpoint-killfuzz-"));
  for (let i = 0; i < count; i++) {
    const extra =
      i % 3 === 0
        ? "\n\nSerbia said it would never recognise Kosovo's independence. Russia recognised the independence of Abkhazia."
        : "";
    writeFileSync(join(dir, `n${String(i).padStart(4, "0")}.txt`), `${newsArticle(i)}${extra}\n`);
  }
  return dir;
}

function ingest(corpus: string, target: string, killAfter?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, "ingest", corpus, "--db", target, "--quiet"], {
      stdio: "ignore",
    });
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfter);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

/** A place for a fresh store on a backend, and how to remove it. */
function freshTarget(
  backend: "sqlite" | "postgres",
  pgUrl: string,
): { target: string; dispose(): Promise<void> } {
  if (backend === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "standpoint-killfuzz-store-"));
    return { target: join(dir, "s.db"), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `sp_kill_${randomBytes(6).toString("hex")}`;
  const url = new URL(pgUrl);
  url.searchParams.set("schema", schema);
  return {
    target: url.toString(),
    dispose: async () => {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

async function contentsAt(target: string) {
  const store = await openStore(target);
  try {
    return await storeContents(store);
  } finally {
    await store.close();
  }
}

/**
 * Kills `ingest` with SIGKILL at `moments` moments spread over a clean run's time (the first ones
 * while the store's schema is made), then runs the same command again: the store must open after
 * the kill, and after the rerun hold what one clean run gives.
 */
export async function killIngests(
  backend: "sqlite" | "postgres",
  corpus: string,
  moments: number,
  pgUrl: string,
): Promise<KillFindings> {
  const findings: KillFindings = { backend, tried: 0, unusable: [], differing: [] };
  const clean = freshTarget(backend, pgUrl);
  const duration = await ingest(corpus, clean.target);
  const reference = await contentsAt(clean.target);
  await clean.dispose();
  for (let i = 0; i < moments; i++) {
    // Quadratic spacing puts more kills early, where the store is made.
    const after = Math.round(duration * (i / moments) ** 2);
    const place = freshTarget(backend, pgUrl);
    await ingest(corpus, place.target, after);
    findings.tried++;
    try {
      await contentsAt(place.target);
    } catch (error) {
      findings.unusable.push(`killed after ${after} ms: ${(error as Error).message}`);
      await place.dispose();
      continue;
    }
    await ingest(corpus, place.target);
    if (!isDeepStrictEqual(await contentsAt(place.target), reference))
      findings.differing.push(`killed after ${after} ms`);
    await place.dispose();
  }
  return findings;
}
