/**
 * The app part of bench:api, on the demo store (`standpoint demo --no-serve` into a temporary
 * file, then `standpoint serve` as a user runs it): the web app's JavaScript as the server sends it
 * to a browser that takes gzip, and the time from opening the map at 1440 px in headless Chromium
 * to its states coloured, median of five fresh pages.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const BIN = fileURLToPath(new URL("../bin/standpoint", import.meta.url));
const CHROMIUM = "/usr/bin/chromium";
const PORT = 8797;
const RUNS = 5;

export async function appBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "standpoint-app-bench-"));
  const db = join(dir, "demo.db");
  const built = spawnSync(process.execPath, [BIN, "demo", "--no-serve", "-q", "--db", db], {
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`standpoint demo failed: ${built.stderr}`);
  const server = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", String(PORT)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => server.stdout.once("data", () => resolve()));
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const scripts = await scriptsOf(base);
    let sent = 0;
    let whole = 0;
    for (const path of scripts) {
      const answer = await bytesOf(`${base}${path}`);
      sent += answer.sent;
      whole += answer.whole;
      if (answer.encoding !== "gzip")
        console.log(`  ${path} was sent as ${answer.encoding || "it is"}, not gzipped`);
    }
    console.log(
      `web app JavaScript as served: ${(sent / 1024).toFixed(0)} KB gzipped (${(whole / 1024).toFixed(0)} KB unpacked, ${scripts.length} file(s))`,
    );
    if (!existsSync(CHROMIUM)) {
      console.log(`time to first map: skipped, no ${CHROMIUM} (apt-get install -y chromium)`);
      return;
    }
    const times = await firstMapTimes(base);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `time to first map at 1440 px (demo store, ${RUNS} fresh pages): median ${sorted[Math.floor(RUNS / 2)]?.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")})`,
    );
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The scripts the app's page loads. */
async function scriptsOf(base: string): Promise<string[]> {
  const html = await (await fetch(`${base}/`)).text();
  return [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1] as string);
}

/** What crosses the wire for one file when the browser takes gzip, and its size unpacked. */
function bytesOf(url: string): Promise<{ sent: number; whole: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const encoding = String(res.headers["content-encoding"] ?? "");
        const whole = encoding === "gzip" ? gunzipSync(body).length : body.length;
        resolve({ sent: body.length, whole, encoding });
      });
    }).on("error", reject);
  });
}

async function firstMapTimes(base: string): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A context of its own each time: nothing cached from the run before.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${base}/?view=map`);
      await page.waitForSelector('svg.map [data-stance="support"], svg.map [data-stance="oppose"]');
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}
