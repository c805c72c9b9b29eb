import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { persistedOperationsPlugin } from "./scripts/persistedOperations.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.WITHME_API_URL ?? "http://localhost:4000";

export default defineConfig({
  root: here("."),
  publicDir: here("public"),
  plugins: [react(), persistedOperationsPlugin(here("src/api/operations/index.ts"))],
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true, changeOrigin: true },
      "/media": { target: api, changeOrigin: true },
    },
  },
});
