import { describe, expect, it } from "vitest";
import { FieldCipher } from "../../../src/application/privacy/fieldCipher.ts";
import { FieldDecryptionError } from "../../../src/application/privacy/fieldEnvelope.ts";

// Envelopes as stored by earlier versions: they must open, and sealing the same field again must
// give the same bytes (a retried append stores what the first attempt stored).
const cipher = new FieldCipher({ subjectId: "user-1", material: Buffer.alloc(32, 7) });
const stored = [
  {
    eventId: "0193A5B0-7C1D-7000-8000-00000000000A",
    path: ["text"],
    value: "Hello, Åsa — café ☕",
    envelope: {
      $enc: 1,
      kid: "user-1",
      iv: "jcbewiXNBA-7gnmC",
      ct: "xcdXbIpQFux8nPpEyaJPiazkc3XUOkvyoPBj9ZozxozebTOuZqC9hgo9hw",
    },
  },
  {
    eventId: "0193a5b0-7c1d-7000-8000-00000000000b",
    path: ["facts", 2, "text"],
    value: { n: 3, list: ["x"] },
    envelope: {
      $enc: 1,
      kid: "user-1",
      iv: "WJPaq1rFlJyAdNUK",
      ct: "Aav00Kemnj29cPlxP1uocvOS2KUxIe46xs-MRWjyuSJ6IyD_",
    },
  },
] as const;

describe("stored field envelopes", () => {
  it.each(stored)("opens an envelope sealed earlier at $path", ({ eventId, path, value, envelope }) => {
    expect(cipher.open(eventId, path, envelope)).toEqual(value);
  });

  it.each(stored)("seals $path to the same envelope as before", ({ eventId, path, value, envelope }) => {
    expect(cipher.seal(eventId, path, value)).toEqual(envelope);
  });

  it("seals a short field to the envelope the stepped sealing gives", () => {
    const json = JSON.stringify({ note: "x".repeat(5_000) });
    const steps = cipher.sealJsonTextInSteps("e-1", ["note"], json);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(cipher.seal("e-1", ["note"], JSON.parse(json))).toEqual(step.value);
  });

  it("refuses a stored envelope under another path or event", () => {
    const [{ eventId, envelope }] = stored;
    expect(() => cipher.open(eventId, ["title"], envelope)).toThrow(FieldDecryptionError);
    expect(() => cipher.open("0193a5b0-7c1d-7000-8000-00000000000c", ["text"], envelope)).toThrow(
      FieldDecryptionError,
    );
  });
});
