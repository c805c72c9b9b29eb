import { describe, expect, it } from "vitest";
import { sentencesRepeated } from "../../../src/application/persona/personaAlternatives.ts";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { soundEngineer } from "./dialogues/askAgent.ts";
import { turn } from "./dialogues/dialogueTypes.ts";
import { playDialogue } from "./dialogues/playDialogue.ts";

async function contextOf(says: readonly string[]) {
  const played = await playDialogue(
    {
      person: "Sam",
      personTimezone: "Europe/London",
      agent: soundEngineer,
      startsAt: "2025-03-10T18:00:00Z",
      turns: says.map((say) => turn(say, "small-talk")),
    },
    77,
  );
  return played.at(-1)!.context;
}

describe("a reply given in place of another says something else", () => {
  it("tells a regeneration a joke other than the ones already shown for the message", async () => {
    const context = await contextOf(["hi", "tell me a joke"]);
    for (let seed = 1; seed <= 12; seed++) {
      const first = composeReply(context, seed);
      const second = composeReply({ ...context, earlierAlternatives: [first] }, seed + 100);
      const third = composeReply({ ...context, earlierAlternatives: [first, second] }, seed + 200);
      expect(sentencesRepeated(second, [first])).toBe(0);
      expect(sentencesRepeated(third, [first, second])).toBe(0);
    }
  });

  it("tells another joke when asked for a better one, not the one just told", async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const context = await contextOf(["hi", "tell me a joke"]);
      const joke = composeReply(context, seed);
      const next = {
        ...context,
        recentMessages: [
          ...context.recentMessages,
          { author: "person" as const, text: "tell me a joke", at: "2025-03-10T18:03:00Z" },
          { author: "agent" as const, text: joke, at: "2025-03-10T18:03:00Z" },
        ],
        personMessage: "tell me a better joke",
      };
      expect(sentencesRepeated(composeReply(next, seed * 7), [joke])).toBe(0);
    }
  });

  it("still answers a question of fact the same way when it is all there is to say", async () => {
    const context = await contextOf(["hi", "my name is Jonas", "what's my name?"]);
    const first = composeReply(context, 1);
    expect(composeReply({ ...context, earlierAlternatives: [first] }, 2)).toMatch(/Jonas/);
  });
});
