import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SupabaseMediaStorage } from "../../../src/adapters/supabase/supabaseMediaStorage.ts";
import { contentAddressedKey } from "../../../src/application/media/mediaKeys.ts";
import { UnsafeMediaKeyError } from "../../../src/ports/mediaStorage.ts";
import {
  type SupabaseStorageFake,
  startSupabaseStorageFake,
} from "../../support/fakes/supabaseStorageFake.ts";

const fakes: SupabaseStorageFake[] = [];
let fake: SupabaseStorageFake;
const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108020000009077536e", "hex");

beforeEach(async () => {
  fake = await startSupabaseStorageFake();
  fakes.push(fake);
});

afterAll(async () => {
  for (const made of fakes) await made.close();
});

const storage = (overrides: Partial<ConstructorParameters<typeof SupabaseMediaStorage>[0]> = {}) =>
  new SupabaseMediaStorage({ url: fake.url, serviceRoleKey: fake.serviceRoleKey, ...overrides });

describe("SupabaseMediaStorage against a fake of Storage's API", () => {
  it("creates the agent-avatars bucket, public and for images only, when it is missing", async () => {
    await storage().ensureReady();
    expect(fake.buckets.get("agent-avatars")).toMatchObject({
      public: true,
      allowedMimeTypes: expect.arrayContaining(["image/png"]),
    });
    expect(fake.calls).toEqual(["GET /bucket/agent-avatars", "POST /bucket"]);
    await storage().ensureReady();
    expect(fake.calls.filter((call) => call === "POST /bucket")).toHaveLength(1);
  });

  it("tolerates another replica creating the bucket at the same moment", async () => {
    await Promise.all([storage().ensureReady(), storage().ensureReady()]);
    expect(fake.buckets.has("agent-avatars")).toBe(true);
  });

  it("uploads with the content type and upsert, and gives a public URL that serves the bytes", async () => {
    const media = storage();
    await media.ensureReady();
    const key = contentAddressedKey("agents/a1", png, "image/png");
    const stored = await media.put(key, png, "image/png");
    expect(stored).toEqual({
      key,
      url: `${fake.url}/storage/v1/object/public/agent-avatars/${key}`,
      sizeBytes: png.length,
      contentType: "image/png",
    });
    expect(fake.objects.get(`agent-avatars/${key}`)).toMatchObject({
      contentType: "image/png",
      cacheControl: "max-age=31536000",
    });
    await media.put(key, png, "image/png");
    const response = await fetch(stored.url);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it("deletes the object one of its URLs names, and nothing for URLs that are not its own", async () => {
    const media = storage();
    await media.ensureReady();
    const key = contentAddressedKey("agents/a1", png, "image/png");
    const stored = await media.put(key, png, "image/png");
    expect(await media.deleteUrl("https://elsewhere.example/x.png")).toBe(false);
    expect(fake.objects.has(`agent-avatars/${key}`)).toBe(true);
    expect(await media.deleteUrl(stored.url)).toBe(true);
    expect(fake.objects.has(`agent-avatars/${key}`)).toBe(false);
  });

  it("signs URLs for a private bucket when configured to", async () => {
    const media = storage({ access: "signed" });
    await media.ensureReady();
    expect(fake.buckets.get("agent-avatars")?.public).toBe(false);
    const stored = await media.put("agents/a1/portrait.png", png, "image/png");
    expect(stored.url).toMatch(
      /\/storage\/v1\/object\/sign\/agent-avatars\/agents\/a1\/portrait\.png\?token=/,
    );
    expect(Buffer.from(await (await fetch(stored.url)).arrayBuffer())).toEqual(png);
    expect(
      (await fetch(`${fake.url}/storage/v1/object/public/agent-avatars/agents/a1/portrait.png`)).ok,
    ).toBe(false);
    expect(media.describe()).toMatchObject({ adapter: "supabase-storage", urls: "signed", offline: false });
  });

  it("signs a fresh link to view a stored picture by, once per picture and expiry", async () => {
    const media = storage({ access: "signed" });
    await media.ensureReady();
    const stored = await media.put("agents/a1/selfie.png", png, "image/png");
    const until = new Date(Date.now() + 3_600_000);
    const link = await media.viewUrl(stored.url, until);
    expect(link).not.toBe(stored.url);
    expect(link).toMatch(/\/object\/sign\/agent-avatars\/agents\/a1\/selfie\.png\?token=/);
    expect(Buffer.from(await (await fetch(link)).arrayBuffer())).toEqual(png);
    expect(await media.viewUrl(stored.url, until)).toBe(link);
    expect(await media.viewUrl("https://elsewhere.example/x.png", until)).toBe(
      "https://elsewhere.example/x.png",
    );
    const open = storage();
    await open.ensureReady().catch(() => {});
    const publicUrl = `${fake.url}/storage/v1/object/public/agent-avatars/agents/a1/selfie.png`;
    expect(await open.viewUrl(publicUrl, until)).toBe(publicUrl);
  });

  it("refuses to hand out public URLs from a private bucket, saying what to change", async () => {
    await storage({ access: "signed" }).ensureReady();
    await expect(storage().ensureReady()).rejects.toThrow(/private: make it public, or choose signed URLs/);
  });

  it("reports a wrong key and unsafe object keys clearly", async () => {
    await expect(storage({ serviceRoleKey: "wrong" }).ensureReady()).rejects.toThrow(
      /Supabase Storage: reading bucket/,
    );
    await expect(storage().put("../escape.png", png, "image/png")).rejects.toThrow(UnsafeMediaKeyError);
  });

  it("uses a configured bucket name", async () => {
    await storage({ bucket: "selfies" }).ensureReady();
    expect([...fake.buckets.keys()]).toEqual(["selfies"]);
  });
});
