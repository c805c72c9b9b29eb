import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";

describe("reading a greeting that asks something", () => {
  it("hears the question after “hey” even without a question mark", () => {
    expect(readMessage("hey what's up").question).toBe("wellbeing");
    expect(readMessage("hi how are you").question).toBe("wellbeing");
    expect(readMessage("hey what are you doing").question).toBe("activity");
    expect(readMessage("hey there").question).toBeNull();
  });
});
