import type { ReplyContext } from "../prompt/replyContext.ts";
import { isPluralPick } from "./personaFavourites.ts";
import { asksOwnKnowHow } from "./personaKnowHow.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { partReason } from "./personaTradeParts.ts";

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

export function lastAgentLine(context: ReplyContext): string {
  return context.recentMessages.findLast((m) => m.author === "agent")?.text ?? "";
}

export function reasonFor(context: ReplyContext, random: SeededRandom): string[] {
  const last = lastAgentLine(context);
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
  const own = ownReason(last, random);
  if (own) return own;
  // "Why though?" after it told how its own work is done: why it is done that way.
  const asked = context.recentMessages.findLast((m) => m.author === "person")?.text ?? "";
  if (asksOwnKnowHow(asked, context))
    return [
      random.pick([
        "Because that's how it's done properly — every shortcut I've ever tried shows in the end",
        "Because the material sets the pace, not me — rush it and you get to do it all again",
      ]),
      "It's the way I was taught, and it's the way that lasts",
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

/**
 * The reason behind what the agent last said of its own: a pick it made or a plan it has. Null
 * when its last line was neither.
 */
export function ownReason(last: string, random: SeededRandom): string[] | null {
  const part = partReason(last, random);
  if (part) return part;
  const pick =
    /\bmy pick would be ([^.!?—…]{2,60})/i.exec(last)?.[1] ??
    /^(?:Probably |Easy — )?([^.,!?—…]{2,40}), (?:I think|definitely)\b/.exec(last)?.[1] ??
    /^(?:Probably|Easy —) ([^.!?…—]{2,40}?)(?:,[^.!?]*)?\s*(?:—[^.!?]*)?[.!]/.exec(last)?.[1];
  if (pick) {
    // "Sunflowers, I think": a favourite said first in a sentence is still sunflowers.
    const many = isPluralPick(pick.trim().toLowerCase());
    const named = many ? pick.trim().toLowerCase() : pick.trim();
    if (many)
      return [
        `Because ${named} never let me down — ${random.pick([
          "every time I see them, they cheer me up",
          "they're the ones I'd keep if I could only keep one kind",
        ])}`,
        "Give them a go and tell me if I'm wrong",
      ];
    return [
      `Because ${named} never lets me down — ${random.pick([
        "every time I go back to it, there's something I missed before",
        "it's the one I'd keep if I could only keep one",
      ])}`,
      random.pick([
        "And it's a good place to start if you don't know it yet",
        "Give it a go and tell me if I'm wrong",
      ]),
    ];
  }
  const plan = /\bmake time for ([^.!?—…]{2,40})/i.exec(last)?.[1];
  if (plan)
    return [
      `Because ${plan.trim()} is what clears my head after a long week`,
      "A quiet day of it and I'm myself again",
    ];
  return null;
}
