import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * "More?", "keep going" after the agent wrote the start of a speech or a text: the next part of it;
 * after advice, one more tip; never a story or a shrug. Null when the last reply held neither, or
 * the message asks for no more.
 */
export function moreOfDraft(context: ReplyContext, random: SeededRandom): string[] | null {
  const last = context.recentMessages.findLast((m) => m.author === "agent")?.text ?? "";
  if (!asksMoreOfDraft(context.personMessage, last)) return null;
  if (/\bHere's an opening:/.test(last)) {
    const about = /\bI've known (.+?) long enough\b/.exec(last)?.[1] ?? "them";
    const toast = about === "the happy couple" ? "the two of them" : about;
    return [
      `Here's the middle: "I've learned more about ${random.pick(["kindness", "loyalty"])} from ${about} than from anyone, and I'm still learning." Then tell the one story that proves it, in four or five sentences`,
      `And to close: "So please raise your glasses — to love, to long dinners, and to ${toast}." Stop there, while they're smiling`,
    ];
  }
  if (!/\bHere's a start:/.test(last))
    return [
      `Okay, one more: ${random.pick([
        "write down the one thing you want out of it, and look at it again in a month — you'll see how far you've come",
        "find one person who's a step ahead of you and ask them what they wish they'd known",
      ])}`,
      "And celebrate the small wins; they're what keep you going",
    ];
  return [
    `Or, a little longer: "${random.pick([
      "I was just thinking about the last time we laughed until it hurt. I miss that — and you. Free for a call this week?",
      "No reason for this message except that you crossed my mind and I smiled. How are things, really?",
    ])}"`,
    "Pick whichever sounds more like you, and send it before you overthink it",
  ];
}

/** The person asks for more, and the agent's last reply was a draft or advice it gave them. */
export function asksMoreOfDraft(said: string, lastAgent: string): boolean {
  return (
    moreAsked.test(said) &&
    /\bHere's (?:an opening|a start):|^(?:My advice (?:on|for)|If I were you)\b/.test(lastAgent)
  );
}

const moreAsked =
  /^\s*(?:(?:and|so|ok|okay|oh|nice|great|love it)[,!]?\s+)*(?:more|(?:any|some) more|more please|keep going|go on|continue|and then|what next|what else|then what|what comes next|and after that)\s*[?!.…]*\s*$/i;
