import type { Command } from "commander";
import { StandpointError } from "../errors.ts";
import type { Store } from "../store/open.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";

interface ServeOptions {
  port: number;
  host: string;
  token?: string;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/** Serves the app and the API over an open store until Ctrl-C (or SIGTERM). */
export async function serveStore(store: Store, options: ServeOptions): Promise<void> {
  if (!LOOPBACK.has(options.host) && !options.token)
    throw new StandpointError(
      "usage",
      `listening on ${options.host} needs --token: reviews would be open to anyone`,
    );
  const { serve } = await import("@hono/node-server");
  const { createApp } = await import("../server/app.ts");
  const app = createApp(store, options.token ? { token: options.token } : {});
  await new Promise<void>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      process.stdout.write(
        `standpoint: serving ${store.location} at http://${options.host}:${info.port}/ (Ctrl-C stops)\n`,
      );
    });
    server.on("error", (error) =>
      reject(
        new StandpointError("usage", `cannot listen on ${options.host}:${options.port}: ${error.message}`),
      ),
    );
    const stop = () => server.close(() => resolve());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export function registerServe(program: Command): void {
  addStoreOption(
    program
      .command("serve")
      .description("serve the web app and its HTTP API over the store")
      .option("--port <n>", "port", argParser(parseCount), 8787)
      .option("--host <host>", "address to listen on (loopback unless you say otherwise)", "127.0.0.1")
      .option("--token <token>", "required of write calls (reviews); needed to listen beyond loopback"),
  ).action((flags: StoreOptions & ServeOptions) =>
    withStore(flags, (store) => serveStore(store, flags), { mustExist: true }),
  );
}
