import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.ts";

/** A raw GET, so that the Host header and oversized headers reach the server as sent. */
function get(port: number, headers: Record<string, string>): Promise<{ status: number; csp?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/api/issues", headers }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, csp: res.headers["content-security-policy"] as string }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("standpoint serve", () => {
  let child: ChildProcess;
  let line = "";
  let port = 0;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "standpoint-serve-"));
    writeFileSync(join(dir, "a.txt"), "The envoy said the talks would resume on Monday.");
    const db = join(dir, "s.db");
    expect((await runCli(["ingest", dir, "--db", db])).code).toBe(0);
    child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", "0", "--token", "s3cret"]);
    line = await new Promise<string>((resolve) => {
      let out = "";
      child.stdout?.on("data", (chunk) => {
        out += chunk;
        if (out.includes("\n")) resolve(out);
      });
    });
    port = Number(/:(\d+)\//.exec(line)?.[1]);
  });
  afterAll(() => {
    child?.kill();
  });

  it("prints the app's address with the token in its fragment", () => {
    expect(line).toMatch(/at http:\/\/127\.0\.0\.1:\d+\/#token=s3cret /);
  });

  it("answers loopback names only, and refused requests carry the security headers", async () => {
    expect((await get(port, {})).status).toBe(200);
    expect(await get(port, { Host: "rebound.example:8787" })).toMatchObject({
      status: 403,
      csp: expect.stringMatching(/default-src/),
    });
    expect(await get(port, { "X-Big": "x".repeat(20_000) })).toMatchObject({
      status: 431,
      csp: expect.stringMatching(/default-src/),
    });
  });
});
