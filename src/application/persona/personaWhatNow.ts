import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** "What do I do now?", "now what?", "what should I do": asks what to do about something. */
const asksWhatToDo =
  /^\s*(?:(?:so|ok(?:ay)?|and|but|um+|uh+|help|oh no|omg|well)[,.!]*\s+)*(?:what (?:do|should|can|shall) (?:i|we) do(?: now| next| about it| here)?|what (?:now|next)|now what|what am i (?:supposed|meant) to do(?: now)?)\s*[?!.]*\s*$/i;

/** A line that tells nothing: "hi", "hey Keiko", "you there?". */
const toldNothing = /^\s*(?:\S+\s*){0,3}$/;

/**
 * "What do I do now?" before anything was told: the agent cannot know what it is about, so it
 * asks what happened, warmly, never "remind me?" about a memory that does not exist. Null when
 * the message asks something else or the person told something before it.
 */
export function askWhatHappened(context: ReplyContext, random: SeededRandom): string[] | null {
  if (!asksWhatToDo.test(context.personMessage)) return null;
  const told = context.recentMessages.some((m) => m.author === "person" && !toldNothing.test(m.text));
  if (told) return null;
  return [
    random.pick(["Oh — what happened?", "Uh oh, what's going on?", "Okay, I'm here — what happened?"]),
    random.pick([
      "Tell me from the start, and we'll work out the next step together",
      "Start from the beginning and we'll figure it out, one thing at a time",
    ]),
  ];
}
