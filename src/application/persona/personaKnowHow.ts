import type { ReplyContext } from "../prompt/replyContext.ts";
import type { KnowHowField, KnowHowTip } from "./personaKnowHowField.ts";
import { knowHowFields } from "./personaKnowHowFields.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** "How do I…", "what if…", "why won't my…", "any tips…", "what's a good way to…": asks for know-how. */
const asksHow =
  /\bhow (?:do|can|should|would|could|did) (?:I|you|one|we|people)\b|\bhow (?:long|much|often|hot|cold) (?:do|should|does|did|can|will) (?:I|you|it|we|one|a|an|the|your)\b|\bwhat (?:(?:kind|sort|type)s? of )?\w+ (?:do|would) you (?:use|recommend)\b|\b(?:does|doesn't|did|didn't|won't|will) (?:it|that|this) hurt\b|\bis it (?:bad|normal|ok(?:ay)?|safe|serious|dangerous) (?:if|that|when|to)\b|\bhow to\b|\bwhat if\b|\bwhy (?:does|do|is|are|won't|doesn't|isn't|can't) (?:my|the|it)\b|\b(?:any )?(?:tips|tricks|hacks|secrets?) (?:on|for|about|to|with)\b|\bwhat(?:'s|s| is) (?:a|the) (?:good|best|quickest|fastest) way to\b|\bteach me\b|\bwhat (?:\w+ )?(?:is|are) (?:best|good) for (?:a|an|my)\b|\bqu[eé] me recomiendas\b|\bwas (?:kann|soll) ich\b|\bque (?:dois|puis)-je\b/i;
const asksWhatToDo =
  /^\s*(?:(?:so|ok|okay|and|but)[,!]?\s+)?what (?:should|do|can|shall) (?:I|i) do\b(?! for\b| (?:tonight|today|tomorrow|this weekend|at the weekend|with my life))/;
/** "What do you know about jazz?", "are sharks dangerous?", "is Python better than JavaScript?" */
const asksWhat =
  /\bwhat do you know about\s+([^?.!]{2,60})|\btell me (?:something |a bit |more )?about\s+([^?.!]{2,60})|\b(?:are|is) ([\p{L} ]{2,30}) (?:dangerous|safe|smart|clever|hard|difficult|better than|worth)\b/iu;

/**
 * A question of know-how answered with what the agent knows: in its own trade or pastime as
 * someone who does it every day, otherwise as a friend who knows a thing or two. A "what do you
 * know about X" outside everything it knows is answered honestly. Null when nothing is asked.
 */
export function answerKnowHow(said: string, context: ReplyContext, random: SeededRandom): string[] | null {
  // "My mare threw a shoe" then "what should I do?": asked of what the person just told.
  const told = asksWhatToDo.test(said)
    ? context.recentMessages.findLast((m) => m.author === "person")?.text
    : undefined;
  const text = told ? `${told} ${said}` : said;
  const about = asksWhat.exec(text);
  if (!asksHow.test(text) && !about && !told) return null;
  const found = fieldFor(text, context);
  if (!found) {
    const subject = about?.[1]?.trim();
    return subject ? unknownSubject(subject, context, random) : ownMaking(text, context);
  }
  const { field, tips } = found;
  // In its own field the agent just answers; outside it, it says how far its knowledge goes.
  // "Any tricks for turbulence?" to a pilot: gladly, as someone asked for their trade's secrets.
  if (ownsField(field, context))
    return [
      ...(/\b(?:tips|tricks|hacks|secrets?)\b/i.test(text)
        ? [random.pick(["Sure, a couple", "Of course, a few"])]
        : told
          ? ["Okay, here's what I'd do"]
          : []),
      ...tips.slice(0, 2).map((tip) => tip.text),
    ];
  return [
    `${random.pick(["I'm no expert, but from what I know", "I only know a little, but"])}: ${tips[0]!.text}`,
  ];
}

/** "How do you make a bowl?" to a potter: a question of know-how in the agent's own trade or pastime. */
export function asksOwnKnowHow(text: string, context: ReplyContext): boolean {
  const found = asksHow.test(text) ? fieldFor(text, context) : null;
  return found !== null && ownsField(found.field, context);
}

/** The field the question is in, with the tips that answer what it names first; none when no tip does. */
function fieldFor(text: string, context: ReplyContext): { field: KnowHowField; tips: KnowHowTip[] } | null {
  // A toothache asked of a dentist is answered from dentistry before first aid.
  const owned = knowHowFields.filter((field) => ownsField(field, context));
  for (const field of [...owned, ...knowHowFields.filter((field) => !owned.includes(field))]) {
    const owners = field.ownersTopic?.test(text) === true && ownsField(field, context);
    if (!field.topic.test(text) && !owners) continue;
    const tips = field.tips.filter((tip) => tip.when?.test(text));
    if (tips.length > 0) return { field, tips };
  }
  return null;
}

function ownsField(field: KnowHowField, context: ReplyContext): boolean {
  return [context.identity.occupation, ...context.agent.interests].some((said) => field.ownedBy.test(said));
}

/** "What do you know about X?" where X is nothing the agent knows: said so, or taken up if it loves X. */
function unknownSubject(subject: string, context: ReplyContext, random: SeededRandom): string[] {
  const words = subject.toLowerCase().replace(/^(?:the|a|an)\s+/, "");
  const loved = context.agent.interests.find(
    (interest) => interest.toLowerCase().includes(words) || words.includes(interest.toLowerCase()),
  );
  if (loved)
    return [
      `More than is healthy — ${loved} is one of my favourite things`,
      random.pick(["Ask me anything about it", "What do you want to know?"]),
    ];
  const mine = context.agent.interests.length ? random.pick(context.agent.interests) : null;
  return [
    `Honestly, not much about ${words} — I'd only be repeating what I half-read somewhere`,
    mine ? `Ask me about ${mine} and I won't stop talking` : "What got you curious about it?",
  ];
}

/** "How do you make a saddle?" to a saddler: "saddle" is in the trade's own name. */
const makes =
  /\bhow (?:do|did|would|can) you (?:make|build|craft|carve|sew|forge|mend|repair|fix|restore) (?:a |an |the |your |one of )?([\p{L}-]{3,20})/iu;
const howLong = /\bhow long does (?:one|a|an|it|that|each)\b[^?]*\btake\b/i;

/**
 * How a thing of the agent's own trade is made, for a trade the engine has no notes on: by hand,
 * step by step; and how long one takes, asked right after. Null for anything else.
 */
function ownMaking(text: string, context: ReplyContext): string[] | null {
  const before = context.recentMessages.findLast((m) => m.author === "person")?.text ?? "";
  const thing = makes.exec(text)?.[1] ?? (howLong.test(text) ? makes.exec(before)?.[1] : undefined);
  if (!thing) return null;
  const stem = thing.toLowerCase().slice(0, Math.max(4, thing.length - 1));
  if (!context.identity.occupation.toLowerCase().includes(stem)) return null;
  if (!makes.test(text))
    return [
      "A simple one is a few days' work; one made to measure can take me weeks",
      "It's slow, but that's why they last",
    ];
  return [
    `By hand, one step at a time — a ${thing.toLowerCase()} is a lot of small jobs, each one checked before the next`,
    "It took me years to get quick at it, and I still learn something with every one",
  ];
}
