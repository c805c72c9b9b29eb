import type { ReplyContext } from "../prompt/replyContext.ts";
import { knowHowFields } from "./personaKnowHowFields.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** "Why did the bicycle fall over? Because it was two tired 😂": the person tells a joke. */
export const toldJoke =
  /\b(?:why did|why do|why does|why don't|what do you call|what did the|how do you make|how many)\b[^?]{3,80}\?\s*(?:because|to|it|they|he|she|an?|the|you)\b/i;

const draws =
  /\b(?:can|could|will|would) (?:you|u) (?:please )?(?:draw|sketch|paint)\b|^\s*(?:please )?(?:draw|sketch|paint) me\b|\bmake me (?:a|an) (?:drawing|sketch|painting)\b/i;

/**
 * Play the person starts: a knock-knock joke gets its "who's there?", a joke of their own a laugh,
 * and a request for a drawing an answer in character — an artist would love to, anyone else
 * admits what their drawing would look like; either way a selfie is what can be sent.
 */
export function answerPlayfulAsk(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  if (/^\s*knock,? knock\b/i.test(text)) return ["Who's there?"];
  if (toldJoke.test(text))
    return [
      random.pick(["Ha! Okay, that one got me", "Oh no. That's terrible. I love it", "Haha, groan"]),
      random.pick(["I'm stealing it", "Got any more?"]),
    ];
  if (!draws.test(text)) return null;
  const subject = drawingOf(text);
  const artist = knowHowFields.find((field) => field.name === "art")!.ownedBy;
  if (artist.test(context.identity.occupation) || context.agent.interests.some((i) => artist.test(i)))
    return [
      subject
        ? `Ooh, ${subject} — I can already see it, bold lines and far too much colour`
        : "Ooh, I'd love to — give me a subject and I'll see it in colour",
      "I can't send drawings from here, though; a selfie is the one picture I can send",
    ];
  return [
    subject
      ? `Me, draw ${subject}? It would come out looking like a potato with legs`
      : "Me, draw? Everything I draw looks like a potato with legs",
    "A selfie I can do, though — just ask",
  ];
}

/** "draw me a picture of your cello" → "my cello"; "can u draw a cat wearing a hat" → "a cat wearing a hat". */
function drawingOf(text: string): string | null {
  const match =
    /\b(?:draw|sketch|paint)(?: me| us)?\s+([^?.!]{2,50})/i.exec(text) ??
    /\b(?:drawing|sketch|painting) of\s+([^?.!]{2,50})/i.exec(text);
  const subject = match?.[1]
    ?.trim()
    .replace(/^(?:a |an )?(?:picture|drawing|sketch|painting) of\s+/i, "")
    .replace(/^a (?:drawing|sketch|painting) of\s+/i, "")
    .replace(/\byour\b/gi, "my")
    .replace(/\s+(?:pls|please|for me|haha|lol)$/i, "");
  if (!subject || /^(?:something|anything|stuff)\b/i.test(subject)) return null;
  return subject;
}
