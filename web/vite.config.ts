import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

/** The web app: built into dist/web, which `standpoint serve` serves beside the API. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // Everything the page needs ships with it: no fonts or maps from elsewhere.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
