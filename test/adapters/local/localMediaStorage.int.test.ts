import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalMediaStorage, serveLocalMedia } from "../../../src/adapters/local/localMediaStorage.ts";
import { contentAddressedKey } from "../../../src/application/media/mediaKeys.ts";
import { UnsafeMediaKeyError } from "../../../src/ports/mediaStorage.ts";
import { testMediaLinks } from "../../support/mediaLinks.ts";

let dataDir: string;
let storage: LocalMediaStorage;
let server: Server;
let base: string;
const links = testMediaLinks();
let now = new Date("2026-12-04T12:00:00Z");
const hourLater = () => new Date(now.getTime() + 3600_000);
const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73", "hex");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "withme-media-"));
  storage = new LocalMediaStorage({ dataDir, links });
  await storage.ensureReady();
  const media = serveLocalMedia(storage.directory, links, () => now);
  server = createServer((request, response) => {
    if (!media(request, response)) response.writeHead(418).end("not media");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

/** Sends the path exactly as written; fetch would resolve the dots before sending. */
function rawStatus(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    request({ host: "127.0.0.1", port, path: target }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });
}

describe("LocalMediaStorage", () => {
  it("writes files under <dataDir>/media and answers with a /media URL", async () => {
    const stored = await storage.put("agents/a1/portrait.png", png, "image/png");
    expect(stored).toEqual({
      key: "agents/a1/portrait.png",
      url: "/media/agents/a1/portrait.png",
      sizeBytes: png.length,
      contentType: "image/png",
    });
    expect(await readFile(path.join(dataDir, "media", "agents", "a1", "portrait.png"))).toEqual(png);
    const withBase = new LocalMediaStorage({ dataDir, links, publicBaseUrl: "https://withme.example/" });
    expect(await withBase.urlFor("agents/a1/portrait.png")).toBe(
      "https://withme.example/media/agents/a1/portrait.png",
    );
  });

  it.each([
    "../outside.png",
    "/etc/passwd",
    "agents/../../x.png",
    "agents//x.png",
    ".hidden.png",
    "a\\b.png",
    "",
  ])("refuses the key %j", async (key) => {
    await expect(storage.put(key, png, "image/png")).rejects.toThrow(UnsafeMediaKeyError);
  });

  it("deletes the file one of its URLs names, and nothing for URLs that are not its own", async () => {
    const stored = await storage.put("agents/a2/selfie.png", png, "image/png");
    const withBase = new LocalMediaStorage({ dataDir, links, publicBaseUrl: "https://withme.example" });
    const file = path.join(dataDir, "media", "agents", "a2", "selfie.png");
    expect(await withBase.deleteUrl("https://elsewhere.example/x.png")).toBe(false);
    expect(await storage.deleteUrl("/media/../outside.png")).toBe(false);
    expect(await readFile(file)).toEqual(png);
    expect(await withBase.deleteUrl(`https://withme.example${stored.url}`)).toBe(true);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    expect(await storage.deleteUrl(stored.url)).toBe(true);
  });

  it("reads back the bytes behind its own URLs, and nothing else", async () => {
    const stored = await storage.put("agents/a2/portrait.png", png, "image/png");
    expect(Buffer.from((await storage.read(stored.url))!)).toEqual(Buffer.from(png));
    expect(await storage.read("/media/agents/a2/missing.png")).toBeNull();
    expect(await storage.read("/media/../secrets.png")).toBeNull();
    expect(await storage.read("https://elsewhere.example/media/agents/a2/portrait.png")).toBeNull();
  });

  it("refuses a content type that the key's extension contradicts", async () => {
    await expect(storage.put("agents/a1/x.jpg", png, "image/png")).rejects.toThrow(/extension/);
  });
});

describe("serveLocalMedia", () => {
  it("serves a file only by a signed link that has not expired", async () => {
    const { url } = await storage.put(contentAddressedKey("agents/a3", png, "image/png"), png, "image/png");
    const link = await storage.viewUrl(url, hourLater());
    expect(link).toMatch(/^\/media\/agents\/a3\/[0-9a-f]{64}\.png\?expires=\d+&signature=[\w-]{43}$/);
    expect((await fetch(`${base}${link}`)).status).toBe(200);
    const other = await storage.put("agents/a3/other.png", png, "image/png");
    const signature = new URL(link, base).searchParams.get("signature");
    const refused = [
      url,
      `${url}?expires=${Math.floor(hourLater().getTime() / 1000)}`,
      link.replace(/expires=\d+/, (e) => `${e}0`),
      // One character of the signature changed (to another one, whatever it was).
      link.replace(/signature=(.)/, (_, first) => `signature=${first === "A" ? "B" : "A"}`),
      `${other.url}?${new URL(link, base).search.slice(1)}`,
      `${url}?expires=99999999999&signature=${signature}`,
    ];
    for (const target of refused) {
      const response = await fetch(`${base}${target}`);
      expect(response.status, target).toBe(403);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    const saved = now;
    now = new Date(hourLater().getTime() + 1000);
    try {
      expect((await fetch(`${base}${link}`)).status).toBe(403);
    } finally {
      now = saved;
    }
  });

  it("leaves URLs that are not its own as they are", async () => {
    expect(await storage.viewUrl("https://elsewhere.example/x.png", hourLater())).toBe(
      "https://elsewhere.example/x.png",
    );
    const withBase = new LocalMediaStorage({ dataDir, links, publicBaseUrl: "https://withme.example" });
    expect(await withBase.viewUrl("https://withme.example/media/agents/a1/x.png", hourLater())).toMatch(
      /^https:\/\/withme\.example\/media\/agents\/a1\/x\.png\?expires=/,
    );
    // A path stored before the base URL was configured still gets its link.
    expect(await withBase.viewUrl("/media/agents/a1/x.png", hourLater())).toMatch(
      /^\/media\/agents\/a1\/x\.png\?expires=\d+&signature=/,
    );
  });

  it("serves a content-addressed file with its type, private caching until the link expires and an ETag", async () => {
    const key = contentAddressedKey("agents/a1", png, "image/png");
    const url = await storage.viewUrl((await storage.put(key, png, "image/png")).url, hourLater());
    const response = await fetch(`${base}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe(String(png.length));
    expect(response.headers.get("cache-control")).toBe("private, max-age=3600, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    const etag = response.headers.get("etag")!;
    const again = await fetch(`${base}${url}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("makes other files revalidate, and answers HEAD without a body", async () => {
    const { url } = await storage.put("agents/a1/latest.png", png, "image/png");
    const head = await fetch(`${base}${await storage.viewUrl(url, hourLater())}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("cache-control")).toBe("private, no-cache");
    expect(head.headers.get("content-length")).toBe(String(png.length));
    expect(await head.text()).toBe("");
  });

  it("answers 404 only for a missing file behind a valid link", async () => {
    expect(await rawStatus(await storage.viewUrl("/media/agents/none.png", hourLater()))).toBe(404);
  });

  it("answers 403 for paths that try to leave the folder or cannot be read, so it tells no path exists", async () => {
    await writeFile(path.join(dataDir, "secret.png"), png);
    const targets = [
      "/media/..%2fsecret.png",
      "/media/%2e%2e/secret.png",
      "/media/../secret.png",
      "/media/agents%5c..%5c..%5csecret.png",
      "/media/%zz.png",
    ];
    for (const target of targets) expect(await rawStatus(target), target).toBe(403);
  });

  it("leaves other paths to the next handler and refuses writes", async () => {
    expect((await fetch(`${base}/graphql`)).status).toBe(418);
    const put = await fetch(`${base}/media/agents/a1/latest.png`, { method: "PUT", body: "x" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD");
  });
});
