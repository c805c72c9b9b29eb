import { describe, expect, it } from "vitest";
import { soundEngineer } from "./dialogues/askAgent.ts";
import { turn } from "./dialogues/dialogueTypes.ts";
import { playDialogue } from "./dialogues/playDialogue.ts";

const GOOD_NIGHT = /good night|\bnight, sam|sleep well|sweet dreams/i;
const WEATHER = /weather|overcast|sunny|rain|cloud|mild|°C|warm|chilly|cold/i;

let seed = 7_000;

/** Mira's replies to a hello and then `said`, at `at`, to a person in `personTimezone`. */
async function repliesTo(said: string, at: string, personTimezone = "Europe/London"): Promise<string[]> {
  const replies: string[] = [];
  for (let i = 0; i < 4; i++) {
    const played = await playDialogue(
      {
        person: "Sam",
        personTimezone,
        agent: soundEngineer,
        startsAt: at,
        turns: [turn("hi", "small-talk"), turn(said, "small-talk")],
      },
      seed++,
    );
    replies.push(played.at(-1)!.reply);
  }
  return replies;
}

describe("a goodbye is a good night only when it is night for the person, or they say so", () => {
  it("takes a goodbye that mentions a night ahead or behind as a goodbye in the morning", async () => {
    for (const said of [
      "see you tomorrow night!",
      "bye, I've got a night shift",
      "gotta go, slept badly last night",
    ])
      for (const reply of await repliesTo(said, "2025-03-10T10:00:00Z"))
        expect(reply, said).not.toMatch(GOOD_NIGHT);
  });

  it("wishes no good night to someone whose morning it is, though it is late where the agent is", async () => {
    for (const said of ["ok bye!", "off to work, bye"])
      for (const reply of await repliesTo(said, "2025-03-10T22:30:00Z", "Asia/Tokyo"))
        expect(reply, said).not.toMatch(GOOD_NIGHT);
  });

  it("still wishes a good night back to someone who says it, at whatever hour", async () => {
    for (const reply of await repliesTo("good night!", "2025-03-10T10:00:00Z"))
      expect(reply).toMatch(/night/i);
  });
});

describe("a thank-you, in any language", () => {
  it("is answered without the weather, the agent's day or a question about its pastimes", async () => {
    for (const at of ["2025-03-10T07:00:00Z", "2025-03-10T19:00:00Z", "2025-03-10T22:30:00Z"])
      for (const said of ["gracias!", "thanks!", "grazie!"])
        for (const reply of await repliesTo(said, at)) {
          expect(reply, `${said} at ${at}`).not.toMatch(WEATHER);
          expect(reply, `${said} at ${at}`).not.toMatch(
            /favourite part of the day|first coffee|sound check/i,
          );
        }
  });
});
