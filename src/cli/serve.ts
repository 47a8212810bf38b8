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
  const { createApp, LOOPBACK_HOSTS, SECURITY_HEADERS } = await import("../server/app.ts");
  const loopback = LOOPBACK.has(options.host);
  const app = createApp(store, {
    ...(options.token ? { token: options.token } : {}),
    hosts: loopback ? LOOPBACK_HOSTS : "any",
  });
  await new Promise<void>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      // The token rides in the fragment, which the browser never sends: the app takes it from there.
      const fragment = options.token ? `#token=${encodeURIComponent(options.token)}` : "";
      process.stdout.write(
        `standpoint: serving ${store.location} at http://${host}:${info.port}/${fragment} (Ctrl-C stops)\n`,
      );
    });
    // Requests Node refuses before the app sees them (headers too large, malformed) still get the
    // headers every answer carries.
    server.on("clientError", (error: NodeJS.ErrnoException, socket: import("node:stream").Duplex) => {
      if (!socket.writable) return;
      const status =
        error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
      const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n${headers.join("")}\r\n`);
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
