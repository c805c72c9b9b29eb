import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";

describe("the phrase the offline engine picks up from what the person said", () => {
  it("keeps a possessive with what it owns, never cut after the 's", () => {
    expect(readMessage("my mum's garden is lovely").phrase).toBe("your mum's garden");
    expect(readMessage("my sister's dog is cute").phrase).toBe("your sister's dog");
    for (const said of ["my mum's garden is lovely", "I went to my mum's", "my mum's is the best"])
      expect(readMessage(said).phrase ?? "", said).not.toMatch(/'s$/);
  });
});
