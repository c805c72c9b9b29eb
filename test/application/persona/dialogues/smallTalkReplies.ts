import { soundEngineer } from "./askAgent.ts";
import { turn } from "./dialogueTypes.ts";
import { playDialogue } from "./playDialogue.ts";

/** The agent (in Lisbon) answers the person's small talk at a moment; their clock known or not. */
export async function smallTalkReplies(
  says: string[],
  at: string,
  personTimezone: string | null = null,
  seed = 901,
): Promise<string[]> {
  const played = await playDialogue(
    {
      person: "Sam",
      personTimezone,
      agent: soundEngineer,
      startsAt: at,
      turns: says.map((s) => turn(s, "small-talk")),
    },
    seed,
  );
  return played.map(({ reply }) => reply);
}
