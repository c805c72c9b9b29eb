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

describe("reading how-are-you in other languages", () => {
  it("hears “¿qué tal?”, “ça va?”, “wie geht's?” and “come stai?” as asking how the agent is", () => {
    for (const text of ["hola, que tal?", "ça va?", "wie geht's?", "ciao, come stai?", "oi, tudo bem?"])
      expect(readMessage(text).question, text).toBe("wellbeing");
  });
});
