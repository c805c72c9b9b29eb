import { describe, expect, it } from "vitest";
import {
  agentMediaFolder,
  contentAddressedKey,
  contentTypeForKey,
  extensionFor,
} from "../../../src/application/media/mediaKeys.ts";
import {
  isContentAddressedKey,
  isSafeMediaKey,
  UnsafeMediaKeyError,
} from "../../../src/ports/mediaStorage.ts";

describe("media keys", () => {
  it("names bytes by their SHA-256 under a folder, with the type's extension", () => {
    const key = contentAddressedKey("agents/a1", new TextEncoder().encode("abc"), "image/png");
    expect(key).toBe("agents/a1/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png");
    expect(isContentAddressedKey(key)).toBe(true);
    expect(isContentAddressedKey("agents/a1/portrait.png")).toBe(false);
  });

  it("maps content types and extensions both ways", () => {
    expect(extensionFor("image/jpeg")).toBe("jpg");
    expect(contentTypeForKey("a/b.JPEG")).toBe("image/jpeg");
    expect(contentTypeForKey("a/b.webp")).toBe("image/webp");
    expect(contentTypeForKey("a/b.txt")).toBe("application/octet-stream");
    expect(() => extensionFor("text/html")).toThrow(/no file extension/);
  });

  it.each(["agents/a1/x.png", "a", "A-b_c.d/e.png"])("accepts %j", (key) => {
    expect(isSafeMediaKey(key)).toBe(true);
  });

  it.each([
    "",
    "/a.png",
    "a/",
    "a//b",
    "../a",
    "a/../b",
    "./a",
    ".env",
    "a\\b",
    "a b",
    "a/%2e%2e",
    "x".repeat(600),
  ])("refuses %j", (key) => {
    expect(isSafeMediaKey(key)).toBe(false);
  });

  it("refuses agent ids that would escape their folder", () => {
    expect(agentMediaFolder("a1")).toBe("agents/a1");
    expect(() => agentMediaFolder("../a1")).toThrow(UnsafeMediaKeyError);
  });
});
