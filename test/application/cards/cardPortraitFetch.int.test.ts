import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { importCardFile, previewCardFile } from "../../../src/application/cards/importCardFile.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { agentStreamId } from "../../../src/domain/streamIds.ts";
import { basePng, fixtureJson } from "../../fixtures/cards/build.ts";
import { MemoryMediaStorage } from "../../support/memoryMediaStorage.ts";
import { lisbon } from "./cardHarness.ts";

const png = basePng();
const routes: Record<string, (response: ServerResponse) => void> = {
  "/kai.png": (r) => r.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png),
  "/moved.png": (r) => r.writeHead(302, { location: "/kai.png" }).end(),
  "/page.html": (r) => r.writeHead(200, { "content-type": "text/html" }).end("<html></html>"),
  "/huge.png": (r) => r.writeHead(200, { "content-type": "image/png", "content-length": 50_000_000 }).end(),
};

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? "");
    (routes[request.url ?? ""] ?? ((r) => r.writeHead(404).end()))(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A V3 card whose main icon is the URL. */
const cardPointingTo = (uri: string) => {
  const json = fixtureJson("v3.json");
  const data = { ...(json.data as object), assets: [{ type: "icon", uri, name: "main", ext: "png" }] };
  return strToU8(JSON.stringify({ ...json, data }));
};

const meta = () => ({ actor: "admin-1", requestId: null, now: new Date("2025-03-03T08:00:00Z") });

async function importPointingTo(path: string, options: { fetch?: typeof fetch; media?: boolean } = {}) {
  const store = new InMemoryEventStore();
  const commands = new CommandHandler(new EventLog(store, catalogue));
  const media = options.media === false ? null : new MemoryMediaStorage();
  const imported = await importCardFile(
    { commands, media, ...(options.fetch ? { fetch: options.fetch } : {}) },
    cardPointingTo(`${base}${path}`),
    { identity: lisbon },
    meta(),
  );
  const types = (await store.readStream(agentStreamId(imported.agentId))).map((e) => e.type);
  return { imported, media, types };
}

// The server stands in for a host on the internet: only the download's own seam reaches loopback.
describe("a card whose portrait is an http(s) URL", () => {
  it("has its portrait fetched, redirects followed, and kept as the agent's base portrait", async () => {
    for (const path of ["/kai.png", "/moved.png"]) {
      const { imported, media, types } = await importPointingTo(path, { fetch });
      expect(imported.warnings.join(" ")).not.toMatch(/portrait/);
      expect(imported.portraitUrl).toMatch(/^\/media\/agents\//);
      expect([...media!.files.values()][0]).toEqual({ bytes: new Uint8Array(png), contentType: "image/png" });
      expect(types).toContain("AgentBasePortraitSet");
    }
    expect(previewCardFile(cardPointingTo(`${base}/kai.png`)).warnings).toContain(
      `The portrait is fetched from ${base} on import.`,
    );
  });

  it("is never fetched from this machine or a private network without the seam", async () => {
    const before = requested.length;
    const { imported, types } = await importPointingTo("/kai.png");
    expect(requested.length).toBe(before);
    expect(imported.portraitUrl).toBeNull();
    expect(imported.warnings.join(" ")).toMatch(/portrait was not fetched: .*not a public address/);
    expect(types).toContain("AgentCreated");
    expect(types).not.toContain("AgentBasePortraitSet");
  });

  it("is left out, with a note, when it is not an image, too large or missing", async () => {
    const notes: [string, RegExp][] = [
      ["/page.html", /text\/html, not an allowed image type/],
      ["/huge.png", /larger than the 10485760-byte limit/],
      ["/gone.png", /HTTP 404/],
    ];
    for (const [path, note] of notes) {
      const { imported, media, types } = await importPointingTo(path, { fetch });
      expect(imported.warnings.join(" "), path).toMatch(note);
      expect(media!.files.size).toBe(0);
      expect(types).toContain("AgentCreated");
    }
  });

  it("is not fetched when there is no media storage to keep it in", async () => {
    const before = requested.length;
    const { imported } = await importPointingTo("/kai.png", { fetch, media: false });
    expect(requested.length).toBe(before);
    expect(imported.warnings).toContain("Media storage is not set up; the card's image was not kept.");
  });
});
