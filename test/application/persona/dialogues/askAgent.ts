import { expect } from "vitest";
import type { Dialogue } from "./dialogueTypes.ts";
import { turn } from "./dialogueTypes.ts";
import { playDialogue } from "./playDialogue.ts";

export const soundEngineer: Dialogue["agent"] = {
  name: "Mira Costa",
  homeCity: "Lisbon",
  country: "Portugal",
  occupation: "sound engineer",
  timezone: "Europe/Lisbon",
  interests: ["vinyl", "surfing", "fado"],
  summary: "A warm sound engineer who mixes live bands.",
  backstory: "Grew up in Porto and moved to Lisbon for the music.",
};

/**
 * Dialogues played so far, per test file: each file's seeds are the same whichever files ran
 * before it in the same worker (the unit tests share their modules), as when it runs alone.
 */
const played = new Map<string, number>();

/** Plays what the person says to an agent through the offline engine; the agent's replies in order. */
export async function askAgent(
  says: readonly string[],
  agent: Dialogue["agent"] = soundEngineer,
  startsAt = "2025-03-10T18:00:00Z",
): Promise<string[]> {
  const dialogue: Dialogue = {
    person: "Sam",
    personTimezone: "Europe/London",
    agent,
    startsAt,
    turns: says.map((say) => turn(say, "small-talk")),
  };
  const file = expect.getState().testPath ?? "";
  const count = (played.get(file) ?? 0) + 1;
  played.set(file, count);
  return (await playDialogue(dialogue, 500 + count)).map(({ reply }) => reply);
}
