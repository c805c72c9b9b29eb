import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, MediaDownloadError } from "../../../src/application/media/download.ts";
import {
  PrivateAddressError,
  publicLookup,
  publicOnlyFetch,
} from "../../../src/application/net/publicNetwork.ts";

const png = (() => {
  const image = new PNG({ width: 20, height: 10 });
  image.data.fill(200);
  return PNG.sync.write(image);
})();
/** A real PNG whose header declares 100000×100000 pixels (the CRC is not checked by sniffing). */
const hugePng = (() => {
  const bytes = Buffer.from(png);
  bytes.writeUInt32BE(100_000, 16);
  bytes.writeUInt32BE(100_000, 20);
  return bytes;
})();
const jpeg = Buffer.from(
  "ffd8ffe000104a46494600010100000100010000ffc0001108000a001403012200021101031101ffd9",
  "hex",
);

let server: Server;
let served = 0;
let base: string;

const routes: Record<string, (response: ServerResponse) => void> = {
  "/ok.png": (r) => r.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png),
  "/octet.png": (r) => r.writeHead(200, { "content-type": "application/octet-stream" }).end(png),
  "/big-declared.png": (r) =>
    r.writeHead(200, { "content-type": "image/png", "content-length": 10_000_000 }).end(),
  "/big-streamed.png": (r) => {
    r.writeHead(200, { "content-type": "image/png" });
    for (let i = 0; i < 20; i += 1) r.write(Buffer.alloc(64 * 1024, 1));
    r.end();
  },
  "/huge.png": (r) => r.writeHead(200, { "content-type": "image/png" }).end(hugePng),
  "/page.html": (r) => r.writeHead(200, { "content-type": "text/html" }).end("<html></html>"),
  "/liar.png": (r) => r.writeHead(200, { "content-type": "image/png" }).end(jpeg),
  "/text-as-png.png": (r) => r.writeHead(200, { "content-type": "image/png" }).end("not a picture at all"),
  "/photo.jpg": (r) => r.writeHead(200, { "content-type": "image/jpeg; charset=binary" }).end(jpeg),
};

beforeAll(async () => {
  server = createServer((request, response) => {
    served++;
    const route = routes[request.url ?? ""];
    if (route) route(response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The server stands in for a provider on loopback, so these reach it with plain fetch.
const options = { maxBytes: 512 * 1024, allowedTypes: ["image/png", "image/jpeg"] as const, fetch };

async function refusal(url: string, allowed = options): Promise<MediaDownloadError> {
  const error = await download(url, { ...allowed, allowedTypes: [...allowed.allowedTypes] }).catch(
    (e: unknown) => e,
  );
  if (!(error instanceof MediaDownloadError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("download", () => {
  it("returns an allowed image with its type and size read from the bytes", async () => {
    const image = await download(`${base}/ok.png`, { ...options, allowedTypes: [...options.allowedTypes] });
    expect(image).toMatchObject({ contentType: "image/png", width: 20, height: 10 });
    expect(Buffer.from(image.bytes)).toEqual(png);
    expect(
      await download(`${base}/photo.jpg`, { ...options, allowedTypes: [...options.allowedTypes] }),
    ).toMatchObject({
      contentType: "image/jpeg",
      width: 20,
      height: 10,
    });
  });

  it("trusts the bytes when the server only says octet-stream", async () => {
    expect(await download(`${base}/octet.png`, { ...options, allowedTypes: ["image/png"] })).toMatchObject({
      contentType: "image/png",
    });
  });

  it.each([
    ["/big-declared.png", "TooLarge"],
    ["/big-streamed.png", "TooLarge"],
    ["/huge.png", "TooManyPixels"],
    ["/page.html", "TypeNotAllowed"],
    ["/liar.png", "TypeNotAllowed"],
    ["/text-as-png.png", "TypeNotAllowed"],
    ["/missing.png", "HttpStatus"],
  ])("refuses %s (%s)", async (route, reason) => {
    expect((await refusal(`${base}${route}`)).reason).toBe(reason);
  });

  it("refuses types that are real but not allowed, and URLs that are not http", async () => {
    expect(
      (await refusal(`${base}/photo.jpg`, { ...options, allowedTypes: ["image/png"] as never })).reason,
    ).toBe("TypeNotAllowed");
    expect((await refusal("file:///etc/passwd")).reason).toBe("BadUrl");
    expect((await refusal("not a url")).reason).toBe("BadUrl");
  });

  it("keeps tokens in the query out of its messages", async () => {
    expect((await refusal(`${base}/page.html?token=secret`)).message).not.toContain("secret");
  });
});

describe("download from private addresses", () => {
  const plain = { maxBytes: 512 * 1024, allowedTypes: ["image/png" as const] };

  it.each([
    (port: number) => `http://127.0.0.1:${port}/ok.png`,
    (port: number) => `http://localhost:${port}/ok.png`,
    (port: number) => `http://[::1]:${port}/ok.png`,
  ])("refuses %s without connecting", async (target) => {
    const before = served;
    const url = target(Number(new URL(base).port));
    const error = await download(url, plain).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaDownloadError);
    expect((error as MediaDownloadError).reason).toBe("PrivateAddress");
    expect(served).toBe(before);
  });

  it("checks every connection, redirects included, against the address it connects to", async () => {
    const guarded = publicOnlyFetch();
    try {
      const error = await guarded.fetch(`${base}/ok.png`).catch((e: unknown) => e);
      expect((error as { cause?: unknown }).cause).toBeInstanceOf(PrivateAddressError);
    } finally {
      await guarded.close();
    }
    const resolved = await new Promise<unknown>((resolve) =>
      publicLookup("localhost", { all: true }, (error) => resolve(error)),
    );
    expect(resolved).toBeInstanceOf(PrivateAddressError);
  });
});
