import type { ReplyContext } from "../prompt/replyContext.ts";
import { mishap } from "./personaFeelings.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { alreadySaid } from "./personaReplyParts.ts";

/**
 * Everyday fixes the person can be in ("I locked myself out", "I lost my wallet"), each with the
 * practical steps a friend who has been there would give, most useful first.
 */
interface Predicament {
  said: RegExp;
  /** The first thing said: sympathy in a few words, then the first step. */
  first: readonly string[];
  steps: readonly string[];
}

const PREDICAMENTS: readonly Predicament[] = [
  {
    said: /\blocked (?:my ?self|me|us|ourselves|him|her|them) out of (?:my|the|our|his|her) (?:car|van)\b|\bkeys? (?:are |is )?(?:locked )?in(?:side)? (?:my|the|our) (?:car|van)\b/i,
    first: ["Oh no, that's the worst feeling", "Oh no — and the keys just sitting there on the seat"],
    steps: [
      "Call your roadside assistance or your insurer first — opening cars is routine for them, and it's often included",
      "Otherwise an auto locksmith can open it without damage; skip the coat-hanger trick, it wrecks the seals",
      "And think who has the spare key — a partner or family member can sometimes just bring it over",
    ],
  },
  {
    said: /\blocked (?:my ?self|me|us|ourselves|him|her|them) out\b|\blocked out of\b|\bkeys? (?:are |is )?(?:locked )?(?:inside|in the (?:car|flat|house|apartment))\b|\b(?:lost|forgot|left) (?:my|the|our) (?:house |car |front door |flat )?keys\b|\bcan'?t get (?:back )?in(?:to)? (?:my|the|our) (?:flat|house|place|apartment|room|car)\b/i,
    first: ["Oh no, that's the worst feeling", "Oh no — the door clicking shut behind you"],
    steps: [
      "First, think who has a spare key: a flatmate, your landlord, a neighbour, family nearby",
      "If nobody does, a locksmith can usually get you in within the hour — ask the price before they start",
      "Check every back door and window you can safely reach, and if it's a car, roadside assistance opens them all the time",
      "And meanwhile get somewhere warm and dry — a café or a neighbour's — rather than waiting on the step",
    ],
  },
  {
    said: /\b(?:lost|dropped|left|can'?t find) (?:my|our) (?:wallet|purse|bank ?card|cards?)\b|\b(?:wallet|purse) (?:was |got )?(?:stolen|nicked|gone)\b/i,
    first: ["Oh no, what a sinking feeling"],
    steps: [
      "Freeze or cancel your cards in your bank's app straight away — that takes a minute and stops the worst",
      "Then retrace your steps and ring the last places you were; a lot of wallets get handed in",
      "If it was stolen, report it to the police so you have a reference for the bank",
    ],
  },
  {
    said: /\b(?:lost|dropped|left|can'?t find) (?:my|our) (?:phone|mobile)\b|\b(?:phone|mobile) (?:was |got )?(?:stolen|nicked)\b/i,
    first: ["Oh no, losing a phone is the worst"],
    steps: [
      "Use Find My Device or Find My iPhone from someone else's phone or a laptop — it can show where it is and lock it",
      "Ring it too; an honest finder often picks up",
      "If it's gone for good, ask your provider to block the SIM and change the password of your email first",
    ],
  },
  {
    said: /\b(?:missed|miss) (?:my|the|our) (?:last )?(?:train|bus|flight|plane|connection|ferry)\b/i,
    first: ["Oh no, that's so stressful"],
    steps: [
      "Go straight to the desk or the app — they often move you to the next one for little or nothing",
      "Keep your ticket and any receipts, in case there's a refund or a claim to make",
      "And tell whoever is waiting for you, so nobody's worrying",
    ],
  },
  {
    said: /\b(?:car|van) (?:(?:just|has|'s|has just|'s just) )?(?:broke down|broken down|won'?t start|wouldn'?t start|died)\b|\bflat (?:tyre|tire)\b|\bbroke down on the\b/i,
    first: ["Ugh, not what you need"],
    steps: [
      "If you're on a road, get yourself safe first: hazard lights on, out of the car and behind the barrier",
      "Then call your breakdown cover or insurer — many policies include it without people knowing",
      "If it just won't start, a jump start from a neighbour's car fixes a flat battery more often than not",
    ],
  },
  {
    said: /\b(?:spilled|spilt|dropped) (?:\w+ )?(?:on|in|into) (?:my|the) (?:laptop|keyboard|phone)\b|\b(?:phone|laptop) (?:fell )?in(?:to)? (?:the )?(?:water|toilet|bath|sink)\b/i,
    first: ["Oh no — quick"],
    steps: [
      "Switch it off straight away and don't try to turn it back on to check",
      "Turn it upside down, dry what you can and leave it somewhere warm and airy for a good day or two",
      "If it still won't work after that, a repair shop can often save it, or at least what's on it",
    ],
  },
  {
    said: /\b(?:power|electricity) (?:cut|went out|is out|outage)\b|\bpower'?s (?:out|gone)\b/i,
    first: ["Oh, that's annoying"],
    steps: [
      "Check whether the neighbours are out too — if it's only you, it's probably the fuse box, and a tripped switch is easy to flip back",
      "If it's the whole street, your network operator's site usually says when it'll be back",
      "Keep the fridge and freezer closed meanwhile and they'll stay cold for hours",
    ],
  },
];

/** "What do I do?", "what now?", "help!": the person asks what to do about what they just told. */
const asksWhatToDo =
  /^\s*(?:so |ok(?:ay)? |and |but |ugh,? |omg,? )?(?:what (?:do|should|can|could) (?:i|we) do(?: now)?|what now|now what|help(?: me)?|any ideas|what would you do|what are my options)\s*[?!.]*\s*$/i;

/** "The landlord isn't picking up", "nobody has a key": a step that did not work, so the next. */
const stepFailed =
  /\b(?:isn'?t|is not|not|aren'?t|wasn'?t|won'?t|didn'?t|doesn'?t|don'?t) (?:picking up|answering|answer|pick up|working|work|help|have (?:one|a key|a spare))\b|\bno (?:answer|one|luck|reply|signal)\b|\bnobody\b|\bcan'?t reach\b/i;

/**
 * Practical help for an everyday fix the person is in: told now, the first step; asked what to do
 * after telling it, or telling that a step did not work, the next steps not said yet. Null when the
 * message is about no such fix, or tells of one only on the way to asking something else.
 */
export function answerPredicament(
  context: ReplyContext,
  random: SeededRandom,
  asksOtherThing: boolean,
): string[] | null {
  const text = context.personMessage;
  // "…then I missed the train. Anyway, how are you?": the question is what wants answering.
  const told = asksOtherThing ? undefined : PREDICAMENTS.find((p) => p.said.test(text));
  // A short reply (busy, drowsy) keeps its first sentence only: that is the advice, not its lead.
  const short = context.availability.replyMode !== "normal";
  // A mishap already gets its sympathy from the reply's opener; the steps follow it.
  if (told)
    return short
      ? [told.steps[0]!]
      : [...(mishap.test(text) ? [] : [random.pick(told.first)]), told.steps[0]!, told.steps[1]!];
  if (!asksWhatToDo.test(text) && !stepFailed.test(text)) return null;
  const lately = context.recentMessages
    .filter((m) => m.author === "person")
    .slice(-3)
    .reverse();
  const earlier = lately.map((m) => PREDICAMENTS.find((p) => p.said.test(m.text))).find(Boolean);
  if (!earlier) return null;
  const untold = earlier.steps.filter((step) => !alreadySaid(step, context));
  // All told already: the step that needs nobody else (the second: a locksmith, the bank's app).
  const next = untold.length > 0 ? untold : [earlier.steps[1]!];
  if (short) return [next[0]!];
  const lead = stepFailed.test(text)
    ? random.pick(["Ugh, typical", "Right, then plan B"])
    : random.pick(["Okay, step by step", "Here's what I'd do"]);
  return [lead, ...next.slice(0, 2)];
}
