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

let played = 0;

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
  played += 1;
  return (await playDialogue(dialogue, 500 + played)).map(({ reply }) => reply);
}
