import { describe, expect, it } from "vitest";
import { soundEngineer } from "./dialogues/askAgent.ts";
import { turn } from "./dialogues/dialogueTypes.ts";
import { playDialogue } from "./dialogues/playDialogue.ts";

async function firstReplyTo(say: string, person: string, index: number): Promise<string> {
  const [played] = await playDialogue(
    {
      person,
      personTimezone: "Europe/Berlin",
      agent: soundEngineer,
      startsAt: "2025-03-10T18:00:00Z",
      turns: [turn(say, "small-talk")],
    },
    700 + index,
  );
  return played!.reply;
}

describe("a person telling the name the agent already knows them by", () => {
  it("is met gladly by that name, in German, French, Spanish or English, never asked about “your name”", async () => {
    const lines = ["ich heiße Jonas", "je m'appelle Jonas", "me llamo Jonas", "my name is Jonas"];
    for (const [index, say] of lines.entries()) {
      const reply = await firstReplyTo(say, "Jonas", index);
      // Met in the language it was said in.
      expect(reply, say).toMatch(
        /Nice to meet you properly, Jonas|Jonas — that's how I know you|(?:Freut mich|Schön, dich kennenzulernen|Ça me fait plaisir|Bienvenue|Qué gusto conocerte|Un placer), Jonas/,
      );
      expect(reply, say).not.toMatch(/your name\?|more about your name/);
    }
  });

  it("still meets a new name as a new name", async () => {
    expect(await firstReplyTo("ich heiße Jonas", "Sam", 9)).toMatch(
      /Schön, dich kennenzulernen, Jonas|Freut mich, Jonas/,
    );
  });
});
