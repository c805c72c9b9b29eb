import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "vite";
import { report } from "./support.ts";

const root = path.resolve(import.meta.dirname, "../..");
const HELLO = "virtual:hello-react";

/** The smallest React app: one element rendered into #root, built the same way. */
function helloPlugin(): Plugin {
  return {
    name: "hello-react",
    resolveId: (id) => (id === HELLO ? `\0${HELLO}` : null),
    load: (id) =>
      id === `\0${HELLO}`
        ? `import { createElement } from "react";
           import { createRoot } from "react-dom/client";
           createRoot(document.getElementById("root")).render(createElement("h1", null, "hello"));`
        : null,
  };
}

interface Asset {
  name: string;
  raw: number;
  gzip: number;
}

async function assetsIn(outDir: string): Promise<Asset[]> {
  const folder = path.join(outDir, "assets");
  const names = (await readdir(folder)).filter((name) => /\.(js|css)$/.test(name));
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(folder, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const sum = (assets: Asset[], key: "raw" | "gzip") => assets.reduce((total, a) => total + a[key], 0);

/** Size of the web client's JS and CSS (raw and gzip), against a minimal React bundle built in the same run. */
export default async function clientBundleBench(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), "withme-bundle-"));
  try {
    const clientOut = path.join(work, "client");
    const helloOut = path.join(work, "hello");
    await build({
      configFile: path.join(root, "client/vite.config.ts"),
      logLevel: "silent",
      build: { outDir: clientOut, emptyOutDir: true },
    });
    await build({
      configFile: false,
      root: path.join(root, "client"),
      logLevel: "silent",
      plugins: [helloPlugin()],
      build: { outDir: helloOut, emptyOutDir: true, rollupOptions: { input: HELLO } },
    });
    const client = await assetsIn(clientOut);
    const hello = await assetsIn(helloOut);
    const index = await readFile(path.join(clientOut, "index.html"), "utf8");
    const initial = client.filter((a) => index.includes(`/assets/${a.name}`));
    const lazy = client.filter((a) => !initial.includes(a));
    const js = (assets: Asset[]) => assets.filter((a) => a.name.endsWith(".js"));
    const css = (assets: Asset[]) => assets.filter((a) => a.name.endsWith(".css"));
    const baseline = `${kib(sum(hello, "raw"))} raw, ${kib(sum(hello, "gzip"))} gzip`;
    const line = (name: string, assets: Asset[]) => ({
      name,
      value: `${kib(sum(assets, "raw"))} raw, ${kib(sum(assets, "gzip"))} gzip`,
      baseline,
      ratio: sum(assets, "gzip") / sum(hello, "gzip"),
    });
    report("web client bundle (vite build; gzip level 9) vs a React hello bundle", [
      line("first load: JS", js(initial)),
      line("first load: CSS", css(initial)),
      line("first load: JS + CSS", initial),
      line(`lazy chunks (${lazy.length}: admin, Supabase sign-in)`, lazy),
      line("every JS and CSS asset", client),
    ]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
