import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { DataKeyUnwrapError, MasterKey, parseMasterKey } from "../../../src/application/privacy/masterKey.ts";
import { ConfigError, loadConfig } from "../../../src/config/config.ts";

const bytes = randomBytes(32);

describe("the master key", () => {
  it.each([
    ["hex", bytes.toString("hex")],
    ["upper-case hex", bytes.toString("hex").toUpperCase()],
    ["base64", bytes.toString("base64")],
    ["base64 without padding", bytes.toString("base64").replace(/=+$/, "")],
    ["base64url", bytes.toString("base64url")],
    ["base64 with a trailing newline", `${bytes.toString("base64")}\n`],
  ])("is read from %s", (_, text) => {
    expect(parseMasterKey(text)).toEqual(bytes);
  });

  it.each([
    ["16 bytes of hex", randomBytes(16).toString("hex")],
    ["48 bytes of base64", randomBytes(48).toString("base64")],
    ["a passphrase", "correct horse battery staple"],
    ["an empty string", ""],
  ])("refuses %s", (_, text) => {
    expect(parseMasterKey(text)).toBeNull();
  });

  it("comes from WITHME_MASTER_KEY, and a bad one stops start-up without printing it", () => {
    const config = loadConfig({ WITHME_MASTER_KEY: bytes.toString("hex") }, { envFile: false });
    expect(config.WITHME_MASTER_KEY?.id).toBe(new MasterKey(bytes).id);
    expect(loadConfig({}, { envFile: false }).WITHME_MASTER_KEY).toBeUndefined();
    const bad = "not-a-key-but-a-secret-all-the-same";
    try {
      loadConfig({ WITHME_MASTER_KEY: bad }, { envFile: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^WITHME_MASTER_KEY: must be 32 bytes/),
      ]);
      expect((error as Error).message).not.toContain(bad);
    }
  });

  it("never prints its bytes", () => {
    const key = new MasterKey(bytes);
    for (const text of [String(key), JSON.stringify({ key }), inspect({ key })]) {
      expect(text).toContain(key.id);
      expect(text).not.toContain(bytes.toString("hex"));
      expect(text).not.toContain(bytes.toString("base64").slice(0, 20));
    }
  });

  it("has a stable fingerprint that differs between keys", () => {
    expect(new MasterKey(bytes).id).toBe(new MasterKey(Buffer.from(bytes)).id);
    expect(new MasterKey(bytes).id).not.toBe(MasterKey.generate().id);
    expect(new MasterKey(bytes).id).toMatch(/^[0-9a-f]{16}$/);
  });

  it("wraps a data key for one subject only", () => {
    const master = MasterKey.generate();
    const material = randomBytes(32);
    const wrapped = master.wrap("p1", material);
    expect(wrapped.includes(material)).toBe(false);
    expect(master.unwrap("p1", wrapped)).toEqual(material);
    expect(master.wrap("p1", material)).not.toEqual(wrapped);
    expect(() => master.unwrap("p2", wrapped)).toThrow(DataKeyUnwrapError);
    expect(() => MasterKey.generate().unwrap("p1", wrapped)).toThrow(DataKeyUnwrapError);
    expect(() => master.unwrap("p1", wrapped.subarray(0, 20))).toThrow(DataKeyUnwrapError);
  });
});
