import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Handler, Router } from "./router.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The client's own paths: each answers with index.html and the app routes in the browser. */
export const CLIENT_ROUTES = ["/", "/admin"] as const;

/**
 * Serves the built web client (`client/dist`): hashed files under `/assets/` are cached for a
 * year, index.html is revalidated every time so a new build is picked up at once. Paths outside
 * the folder are refused. Returns false when there is no build to serve.
 */
export async function addWebClientRoutes(router: Router, distDir: string): Promise<boolean> {
  const root = path.resolve(distDir);
  const index = path.join(root, "index.html");
  if (!(await stat(index).catch(() => null))?.isFile()) return false;
  const app: Handler = (context) => sendFile(context, index, "no-cache");
  for (const route of CLIENT_ROUTES) router.get(route, app);
  router.get("/admin/", app);
  router.get("/assets/", (context) => {
    const file = path.resolve(root, `.${decodePath(context.url.pathname)}`);
    if (!file.startsWith(`${root}${path.sep}`)) return notFound(context.response);
    return sendFile(context, file, "public, max-age=31536000, immutable");
  });
  for (const entry of await readdir(root, { withFileTypes: true }))
    if (entry.isFile() && entry.name !== "index.html")
      router.get(`/${entry.name}`, (context) =>
        sendFile(context, path.join(root, entry.name), "public, no-cache"),
      );
  return true;
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return "/\0";
  }
}

async function sendFile(context: Parameters<Handler>[0], file: string, cacheControl: string): Promise<void> {
  const { request, response } = context;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound(response);
  response.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": cacheControl,
    "x-content-type-options": "nosniff",
    // No other site may frame the app (a click there could delete an account).
    "x-frame-options": "DENY",
    "content-security-policy": "frame-ancestors 'none'",
    "referrer-policy": "same-origin",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on("error", () => response.destroy());
    stream.on("close", () => resolve());
    stream.pipe(response);
  });
}

function notFound(response: Parameters<Handler>[0]["response"]): void {
  response.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  response.end("not found\n");
}
