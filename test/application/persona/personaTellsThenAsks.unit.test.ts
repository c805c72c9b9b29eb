import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

const ramble =
  "so today was honestly such a weird day, I woke up late because my alarm didn't go off, then I missed the train and had to run to the office, and when I got there my manager had moved the meeting to the morning so I walked in halfway through and everyone looked at me, and then at lunch I spilled coffee on my shirt. anyway how are you?";

describe("a long message that tells things and then asks", () => {
  it("is read as asking what its question asks, carrying what it told", () => {
    const read = readMessage(ramble);
    expect(read.kind).toBe("about-agent");
    expect(read.question).toBe("wellbeing");
    expect(read.tellsToo).toBe(true);
    expect(readMessage("I had such a rough day. How was yours?").feeling).toBe("bad");
    // A question alone carries no feeling of the person's.
    expect(readMessage("are you tired?").feeling).toBeNull();
  });

  it("gets a word to what was told and an answer to what was asked, never 'remind me?'", async () => {
    for (const startsAt of ["2025-03-10T20:00:00Z", "2025-03-11T21:30:00Z"]) {
      const [, reply] = await askAgent(["hey", ramble], undefined, startsAt);
      expect(reply).not.toMatch(/remind me/i);
      expect(reply).toMatch(/annoying|not again|frustrating|sorry|ugh|oh no/i);
      expect(reply).toMatch(/\b(?:I'm|I am|good|fine|okay|tired|settled|well)\b/);
    }
  });
});

describe("a good word said with a 'not'", () => {
  it("is a low moment, not good news", async () => {
    for (const text of ["not great", "not feeling so good today", "honestly not doing well"])
      expect(readMessage(text).feeling, text).toBe("bad");
    const [, reply] = await askAgent(["hey..", "not great"]);
    expect(reply).not.toMatch(/love that for you|wonderful|look at you/i);
  });
});
