import { describe, expect, it } from "vitest";
import { soundEngineer } from "./dialogues/askAgent.ts";
import { type Dialogue, daysLater, turn } from "./dialogues/dialogueTypes.ts";
import { playDialogue } from "./dialogues/playDialogue.ts";

const play = async (turns: Dialogue["turns"], index: number) =>
  (
    await playDialogue(
      {
        person: "Sam",
        personTimezone: "Europe/London",
        agent: soundEngineer,
        startsAt: "2026-12-02T18:00:00Z",
        turns,
      },
      700 + index,
    )
  ).map(({ reply }) => reply);

describe("an event told with its time, once it is over", () => {
  it("is asked about at the first greeting after it, and only then", async () => {
    const replies = await play(
      [
        turn("hi", "greeting"),
        turn("I have a job interview on friday", "small-talk"),
        turn("bye for now", "farewell"),
        daysLater(1, turn("hey", "greeting")),
        daysLater(3, turn("hi Mira", "greeting")),
        turn("it was fine", "small-talk"),
        daysLater(1, turn("hello again", "greeting")),
      ],
      1,
    );
    // Thursday: the interview is still to come.
    expect(replies[3]).not.toMatch(/How did the/);
    expect(replies[4]).toMatch(/How did the job interview go\?$/);
    expect(replies[6]).not.toMatch(/How did the/);
  });

  it("asks after a trip by its place, a move and a birthday by what they were", async () => {
    const cases: [string, RegExp][] = [
      ["we're flying to new york in two weeks", /How was New York\?$/],
      ["I'm moving house tomorrow", /How did the move go\?$/],
      ["it's my birthday on saturday", /How was your birthday\?$/],
    ];
    for (const [i, [told, asked]] of cases.entries()) {
      const replies = await play(
        [turn("hi", "greeting"), turn(told, "small-talk"), daysLater(15, turn("hi", "greeting"))],
        10 + i,
      );
      expect(replies[2], told).toMatch(asked);
    }
  });

  it("leaves an event over more than two weeks ago alone", async () => {
    const replies = await play(
      [
        turn("hi", "greeting"),
        turn("I have an exam tomorrow", "small-talk"),
        daysLater(20, turn("hi", "greeting")),
      ],
      20,
    );
    expect(replies[2]).not.toMatch(/How did the exam/);
  });
});

describe("an event told with its time, on the person's clock", () => {
  it("is not asked about on its own day where the person lives, and is the day after", async () => {
    const replies = (
      await playDialogue(
        {
          person: "Sam",
          personTimezone: "Australia/Sydney",
          agent: soundEngineer,
          // Thursday 07:00 in Sydney, still Wednesday in UTC.
          startsAt: "2026-12-02T20:00:00Z",
          turns: [
            turn("hi", "greeting"),
            turn("I have an exam tomorrow", "small-talk"),
            // Friday 13:00 in Sydney: the exam is today.
            daysLater(1.25, turn("hey", "greeting")),
            daysLater(1, turn("hi again", "greeting")),
          ],
        },
        730,
      )
    ).map(({ reply }) => reply);
    expect(replies[2]).not.toMatch(/How did the exam go/);
    expect(replies[3]).toMatch(/How did the exam go\?$/);
  });
});
