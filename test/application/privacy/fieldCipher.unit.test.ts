import { createCipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cipherFor, FieldCipher } from "../../../src/application/privacy/fieldCipher.ts";
import { FieldDecryptionError, isEnvelope } from "../../../src/application/privacy/fieldEnvelope.ts";
import type { DataKey } from "../../../src/ports/dataKeys.ts";

const key = (subjectId = "person-1"): DataKey => ({ subjectId, material: randomBytes(32) });
const eventId = "0b7c6f4e-2f1a-4d8e-9a3b-5c6d7e8f9a0b";

describe("field encryption", () => {
  it.each<[string, unknown]>([
    ["text", "my sister is called Ana"],
    ["unicode", "ça va? 💛 日本語"],
    ["empty string", ""],
    ["an object", { start: "22:30", end: "07:15" }],
    ["an array", ["a", "b"]],
    ["a number", 42],
    ["a long text", "x".repeat(16_000)],
  ])("round-trips %s", (_, value) => {
    const cipher = new FieldCipher(key());
    const sealed = cipher.seal(eventId, ["text"], value);
    expect(isEnvelope(sealed)).toBe(true);
    expect(cipher.open(eventId, ["text"], sealed)).toEqual(value);
  });

  it("seals megabytes a quarter megabyte per step to the bytes one pass over them gives", () => {
    const dataKey = key();
    const value = { rows: Array.from({ length: 60_000 }, (_, i) => [i, `row ${i} ça va 💛`]) };
    const json = JSON.stringify(value);
    const derived = (info: string) =>
      Buffer.from(hkdfSync("sha256", dataKey.material, new Uint8Array(0), info, 32));
    const context = Buffer.from(JSON.stringify(["withme field v1", "person-1", eventId, ["state", 1]]));
    const iv = createHmac("sha256", derived("withme field iv v1"))
      .update(context)
      .update(json)
      .digest()
      .subarray(0, 12);
    const aes = createCipheriv("aes-256-gcm", derived("withme field encryption v1"), iv);
    aes.setAAD(context);
    const ct = Buffer.concat([aes.update(json), aes.final(), aes.getAuthTag()]).toString("base64url");

    const cipher = new FieldCipher(dataKey);
    const steps = cipher.sealJsonTextInSteps(eventId, ["state", 1], json);
    let step = steps.next();
    let pauses = 0;
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(4);
    expect(step.value).toEqual({ $enc: 1, kid: "person-1", iv: iv.toString("base64url"), ct });
    expect(cipher.seal(eventId, ["state", 1], value)).toEqual(step.value);
    expect(cipher.open(eventId, ["state", 1], step.value)).toEqual(value);
  });

  it("seals JSON in parts to the envelope of the joined text, never joining it", () => {
    const cipher = new FieldCipher(key());
    const rows = Array.from({ length: 3_000 }, (_, i) => JSON.stringify([i, `row ${i} ça va 💛`]));
    const parts = ["[", ...rows.flatMap((row, i) => (i === 0 ? [row] : [",", row])), "]"];
    const finish = (steps: Generator<void, unknown, void>) => {
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      return { pauses, value: step.value };
    };
    const joined = finish(cipher.sealJsonTextInSteps(eventId, ["state", 1], parts.join("")));
    const inParts = finish(cipher.sealJsonPartsInSteps(eventId, ["state", 1], parts));
    expect(inParts.value).toEqual(joined.value);
    const big = Array.from({ length: 40 }, () => JSON.stringify("x".repeat(30_000)));
    const bigParts = ["[", ...big.flatMap((row, i) => (i === 0 ? [row] : [",", row])), "]"];
    const sealed = finish(cipher.sealJsonPartsInSteps(eventId, ["state", 1], bigParts));
    expect(sealed.pauses).toBeGreaterThan(6);
    expect(sealed.value).toEqual(cipher.seal(eventId, ["state", 1], JSON.parse(bigParts.join(""))));
  });

  it("stores neither the plaintext nor anything readable", () => {
    const sealed = new FieldCipher(key()).seal(eventId, ["text"], "my sister is called Ana");
    expect(Object.keys(sealed).sort()).toEqual(["$enc", "ct", "iv", "kid"]);
    expect(JSON.stringify(sealed)).not.toMatch(/sister|Ana/);
    expect(Buffer.from(sealed.iv, "base64url")).toHaveLength(12);
  });

  it("seals the same event field the same way every time (a retried append stores the same bytes)", () => {
    const material = randomBytes(32);
    const a = new FieldCipher({ subjectId: "p", material });
    const b = new FieldCipher({ subjectId: "p", material: Buffer.from(material) });
    expect(a.seal(eventId, ["text"], "hello")).toEqual(b.seal(eventId, ["text"], "hello"));
  });

  it("gives another IV to any other plaintext, field or event", () => {
    const cipher = new FieldCipher(key());
    const ivs = new Set(
      [
        cipher.seal(eventId, ["text"], "hello"),
        cipher.seal(eventId, ["text"], "hellp"),
        cipher.seal(eventId, ["summary"], "hello"),
        cipher.seal("11111111-2f1a-4d8e-9a3b-5c6d7e8f9a0b", ["text"], "hello"),
        cipher.seal(eventId, ["facts", 0], "hello"),
        cipher.seal(eventId, ["facts", 1], "hello"),
      ].map((sealed) => sealed.iv),
    );
    expect(ivs.size).toBe(6);
  });

  it("refuses a ciphertext moved to another field, event or person, or altered", () => {
    const material = randomBytes(32);
    const cipher = new FieldCipher({ subjectId: "p", material });
    const sealed = cipher.seal(eventId, ["facts", 0], "Ana");
    expect(() => cipher.open(eventId, ["facts", 1], sealed)).toThrow(FieldDecryptionError);
    expect(() => cipher.open("11111111-2f1a-4d8e-9a3b-5c6d7e8f9a0b", ["facts", 0], sealed)).toThrow(
      FieldDecryptionError,
    );
    const other = new FieldCipher({ subjectId: "q", material });
    expect(() => other.open(eventId, ["facts", 0], { ...sealed, kid: "q" })).toThrow(FieldDecryptionError);
    const bytes = Buffer.from(sealed.ct, "base64url");
    bytes[0]! ^= 1;
    expect(() => cipher.open(eventId, ["facts", 0], { ...sealed, ct: bytes.toString("base64url") })).toThrow(
      FieldDecryptionError,
    );
    expect(() => new FieldCipher(key("p")).open(eventId, ["facts", 0], sealed)).toThrow(FieldDecryptionError);
  });

  it("opens what was sealed under an upper-case spelling of the event id", () => {
    const cipher = new FieldCipher(key());
    const sealed = cipher.seal(eventId.toUpperCase(), ["text"], "hi");
    expect(cipher.open(eventId, ["text"], sealed)).toBe("hi");
  });

  it("derives a key's cipher once", () => {
    const k = key();
    expect(cipherFor(k)).toBe(cipherFor(k));
  });

  it("recognises envelopes and nothing else", () => {
    expect(isEnvelope({ $enc: 1, kid: "p", iv: "x", ct: "y" })).toBe(true);
    expect(isEnvelope('{"$enc":1}')).toBe(false);
    expect(isEnvelope({ $enc: 2, kid: "p", iv: "x", ct: "y" })).toBe(false);
    expect(isEnvelope([{ $enc: 1 }])).toBe(false);
    expect(isEnvelope(null)).toBe(false);
  });
});
