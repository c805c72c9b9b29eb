import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * Why the agent said what it last said, asked with a bare "why?" once its answer is all told:
 * for a piece of advice, what it rests on; for something it did not know, that it does not;
 * for a liking, where the liking comes from.
 */
/** The agent's last reply said it did not know: a "why?" after it gets no more of that. */
export function saidItDoesNotKnow(context: ReplyContext): boolean {
  return unknown.test(context.recentMessages.findLast((m) => m.author === "agent")?.text ?? "");
}

const unknown = /\b(?:no idea|not sure|don't know|look it up|search)\b/i;

/** An answer that only says the agent does not know. */
export function soundsUnknown(text: string): boolean {
  return unknown.test(text);
}

export function reasonFor(context: ReplyContext, random: SeededRandom): string[] {
  const last = context.recentMessages.findLast((m) => m.author === "agent")?.text ?? "";
  if (unknown.test(last))
    return ["I just don't know enough about it to say more", "Sorry — that one's not my area"];
  if (/\b(?:if I were you|I'd|you could|try|first,)\b/i.test(last))
    return [
      random.pick([
        "Because it's what has worked for me, and for people I trust",
        "Mostly experience — I've seen the other way go wrong",
      ]),
      "But you know your situation better than I do",
    ];
  return [
    random.pick([
      "Honestly? It's tied up with good memories for me",
      "I think it just fits who I am",
      "Because it never gets old — every time feels a little different",
    ]),
    "Why, do you see it differently?",
  ];
}
