import { assertNever } from "../../domain/shared/decider.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** A one-word turn that only makes sense against what the agent just said. */
export type ShortReply = "yes" | "no" | "ok" | "why" | "really" | "unsure";

const shortReplies: readonly [ShortReply, RegExp][] = [
  ["yes", /^(?:yes|yeah|yea|yep|yup|ya|sure|of course|definitely|absolutely|totally|mhm|uh-huh)$/],
  ["no", /^(?:no|nope|nah|not really|no way|not at all)$/],
  ["ok", /^(?:ok|okay|k|kk|cool|nice|alright|all right|fine|i see|got it|right|oh|ah|wow|hm+|mm+)$/],
  [
    "why",
    /^(?:(?:but|and|ok|okay|hmm+) )?(?:why(?: though| tho| is that| so| then)?|(?:how come|how so)(?: though| tho| then)?|what do you mean|wdym|meaning)$/,
  ],
  ["really", /^(?:really|seriously|for real|no way|are you sure|is that so|you think so)$/],
  [
    "unsure",
    /^(?:(?:yeah|yea|hmm+|honestly|tbh|i mean|ugh|well)[,\s]+)*(?:i don't know|i dont know|idk|i dunno|dunno|not sure|no idea|i'm not sure|i have no idea)(?:[,\s]+(?:honestly|tbh|yet|really|lol|haha))*$/,
  ],
];

export function shortReplyOf(text: string): ShortReply | null {
  const bare = text
    .trim()
    .toLowerCase()
    .replace(/[?!.…,\s]+$/u, "");
  return shortReplies.find(([, pattern]) => pattern.test(bare))?.[0] ?? null;
}

/**
 * "yes", "no", "ok", "why?", "really?" answered against the agent's last message: a yes to its
 * question is taken up, a "why?" gets a reason, an "ok" moves the talk on, never a mood's "Look at you".
 */
export function answerShortReply(short: ShortReply, context: ReplyContext, random: SeededRandom): string[] {
  const last =
    [...context.recentMessages]
      .reverse()
      .find((m) => m.author === "agent")
      ?.text.trim() ?? "";
  // "…saying yes? 🙂" asks, whatever the face after it.
  const asked = /\?(?:\s|\p{Extended_Pictographic}|\uFE0F)*$/u.test(last);
  // A second "ok" is not met with the first one's words while others are left.
  const spoken = context.recentMessages.flatMap((m) => (m.author === "agent" ? [m.text] : []));
  const fresh = (lines: readonly string[]) => {
    const unsaid = lines.filter((line) => !spoken.some((text) => text.includes(line)));
    return random.pick(unsaid.length > 0 ? unsaid : lines);
  };
  switch (short) {
    case "yes":
      return asked
        ? [fresh(["I had a feeling", "Ha, I knew it", "Oh, nice"]), fresh(["Tell me more?", "How so?"])]
        : [fresh(["Right?", "Glad we agree"])];
    case "no":
      return asked
        ? [
            fresh(["Fair enough", "Ah, okay", "No? Fair enough"]),
            fresh(["What's on your mind today, then?", "So what would you rather talk about?"]),
          ]
        : [fresh(["No?", "You don't think so?"]), "What's your take, then?"];
    case "ok":
      return [
        fresh(["Okay then", "Alright", "Mm-hm"]),
        fresh([
          "What's on your mind today?",
          "So how has your day been?",
          "Tell me something about your day?",
          "What are you up to right now?",
          "What's the best thing that happened today?",
        ]),
      ];
    case "why":
      return asked
        ? [fresh(["Just curious", "No reason, really"]), "I like knowing how things are with you"]
        : [
            fresh(["Honestly? It's just how it is for me", "Good question — it's just how I feel"]),
            "Why, do you see it differently?",
          ];
    case "really":
      return asked
        ? ["Really", "I'd love to know"]
        : [fresh(["Really", "Really, I'm not kidding"]), "I wouldn't make that up"];
    case "unsure":
      // Not knowing is an answer too: the agent does not press, nor move on as if nothing was asked.
      return asked
        ? [
            "That's okay — you don't have to know yet",
            fresh([
              "Sleep on it; it often gets clearer when you stop chasing it",
              "What would you miss most if you said no?",
            ]),
          ]
        : ["That's okay", "We can just talk"];
    default:
      return assertNever(short);
  }
}
