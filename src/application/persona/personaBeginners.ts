import type { ReplyContext } from "../prompt/replyContext.ts";
import { ANY_PASTIME_TIPS, BEGINNER_PASTIMES, type BeginnerPastime } from "./personaBeginnerTips.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { alreadySaid } from "./personaReplyParts.ts";

/** Says outright that the person is new at something: a pastime may be named or not. */
const saysBeginner =
  /\b(?:beginner|newbie|noob|novice|new to|anfänger(?:in)?|principiante|débutante?)\b|\bnever (?:done|tried) (?:it|this|that) before\b/i;
/** Says they have just begun something: only a pastime the engine knows makes it one. */
const saysStarted =
  /\b(?:just )?(?:started|starting|took up|taken up|picked up|getting into|got into|begun|began)\b|\b(?:wanna|want to|going to|gonna|would like to|'d like to|thinking of|thinking about) (?:try|learn|start|take up|get into)\b|\bfirst (?:ever )?(?:lesson|class|session)\b/i;
/** The thing named after "beginner at", "new to": kept for a pastime the tables do not know. */
const namedAfter =
  /\b(?:beginner|newbie|noob|novice) (?:at|in|with)\s+([\p{L} ]{3,30}?)(?=[,.!?]|$| and | but )|\bnew to\s+([\p{L} ]{3,30}?)(?=[,.!?]|$| and | but )/iu;
/** Work, school and life are begun too, but they are no pastime to give tips for. */
const notAPastime =
  /\b(?:job|work|school|uni|university|college|course|degree|therapy|medication|meds|diet)\b/i;

/** "My son Felix just started…", "she's new to…": the beginner is someone else. */
const someoneElse = /^\s*(?:my|our|his|her|their) (?!first\b)\p{L}+|^\s*(?:he|she|they)(?:'s| is| are)?\b/iu;

/** "just started running", "total beginner at chess": chat drops the "I". */
const subjectDropped =
  /^\s*(?:(?:so|ok|okay|well|haha|lol)[,!]?\s+)?(?:just |recently |finally )?(?:started|starting|took up|picked up|began|getting into|new to|(?:a )?(?:total |complete |absolute )?(?:beginner|newbie|noob|novice))\b/i;

interface Beginning {
  pastime: BeginnerPastime | null;
  /** What the person called it, for one the tables do not know. */
  named: string | null;
}

/** The pastime the person says they are a beginner at, or null when the message says no such thing. */
export function beginningIn(text: string): Beginning | null {
  if (/\?\s*$/.test(text) && !/\b(?:tips|advice)\b/i.test(text)) return null;
  if (/\b(?:you|u)(?:'re| are| r)\b/i.test(text)) return null;
  // "My son just started the trumpet" is someone else's beginning; the person's own says "I".
  if (
    someoneElse.test(text) ||
    !(/\b(?:i|i'm|im|i've|ive|me|myself|ich)\b/i.test(text) || subjectDropped.test(text))
  )
    return null;
  const strong = saysBeginner.test(text);
  if (!strong && !saysStarted.test(text)) return null;
  if (notAPastime.test(text)) return null;
  const pastime = BEGINNER_PASTIMES.find((p) => p.pattern.test(text)) ?? null;
  if (pastime) return { pastime, named: null };
  const found = namedAfter.exec(text);
  const named = (found?.[1] ?? found?.[2])?.trim().replace(/^(?:the|a|an)\s+/i, "") ?? null;
  // "New to the city" is no pastime; one the tables do not know is named as a doing ("fencing").
  return strong && named && /\p{L}{2}ing$/u.test(named) ? { pastime: null, named } : null;
}

/** "Any tips?", "where do I start?", "hast du Tipps?": asks for tips about what was just told. */
const asksTips =
  /^\s*(?:so |ok(?:ay)? |and |any |got any |do you have any |have you got any |hast du |some )*(?:tips|advice|tricks|pointers|hints|tipps)\b[^?]{0,30}\??\s*$|\bwhere (?:do|should|would) (?:i|you) (?:start|begin)\b|\bhow (?:do|can|should) i (?:get better|improve|start|begin)\b|\bwhat should i (?:do|know|buy|get) first\b|\bany (?:tips|advice) for (?:a )?(?:beginner|newbie|me)\b/i;
/** "Would you teach me?", "can you show me?" */
const asksTeach =
  /\b(?:would|could|can|will|wanna) (?:you|u) (?:teach|show|coach|train) me\b|^\s*teach me\b/i;
/** "Is that normal?" about what the person just told of their start. */
const asksNormal =
  /^\s*(?:but |so )?(?:is (?:that|it|this) (?:normal|ok|okay|bad|usual)|should it (?:hurt|feel like that)|does (?:that|it) get (?:easier|better))\b[^?]{0,20}\??\s*$/i;

function ownsPastime(pastime: BeginnerPastime | null, context: ReplyContext): "job" | "interest" | null {
  if (!pastime) return null;
  if (pastime.pattern.test(context.identity.occupation)) return "job";
  return context.agent.interests.some((interest) => pastime.pattern.test(interest)) ? "interest" : null;
}

/**
 * A beginner at a pastime met with encouragement and a first tip or two, as someone who does it
 * (its trade or its pastime) or as a friend; then "any tips?" or "is that normal?" right after gets
 * more of the same pastime's tips. Null when no beginning is told or was told just before.
 */
export function answerBeginner(context: ReplyContext, random: SeededRandom): string[] | null {
  const text = context.personMessage;
  const now = beginningIn(text);
  if (now && !asksTips.test(text)) return welcome(now, context, random);
  const earlier =
    now ??
    context.recentMessages
      .filter((m) => m.author === "person")
      .slice(-3)
      .reverse()
      .map((m) => beginningIn(m.text))
      .find(Boolean);
  if (!earlier) return null;
  const tips = earlier.pastime?.tips ?? ANY_PASTIME_TIPS;
  const untold = tips.filter((tip) => !alreadySaid(tip, context));
  if (asksNormal.test(text))
    return [
      random.pick(["Completely normal", "Totally normal, I promise"]),
      "Everyone's body complains for the first few weeks — it adapts faster than you'd think",
      untold[0] ?? "Rest a day between goes, and you'll feel the difference within a month",
    ];
  if (asksTeach.test(text)) return teaching(earlier, context, untold, random);
  if (!asksTips.test(text)) return null;
  return [
    random.pick(["Sure, here's what I'd say", "Of course — here's what I'd tell anyone starting out"]),
    ...(untold.length > 0 ? untold : tips).slice(0, 2),
  ];
}

/** "Would you teach me?" after a beginning: a yes from one whose trade or pastime it is, else a friend's offer. */
function teaching(
  beginning: Beginning,
  context: ReplyContext,
  untold: readonly string[],
  random: SeededRandom,
): string[] {
  const owns = ownsPastime(beginning.pastime, context);
  const what = beginning.pastime?.name ?? beginning.named ?? "it";
  const first = owns
    ? random.pick([
        `Yes, I'd love to — ${what} is best learned next to someone`,
        `Of course — come and try ${what} with me`,
      ])
    : random.pick([`I'm no teacher, but yes, I'll happily tell you what I know about ${what}`]);
  const tip = untold[0];
  return tip ? [first, `Lesson one: ${lowerFirst(tip)}`] : [first, "We'll start slow, I promise"];
}

function welcome(beginning: Beginning, context: ReplyContext, random: SeededRandom): string[] {
  const { pastime, named } = beginning;
  const what = pastime?.name ?? named ?? "it";
  const owns = ownsPastime(pastime, context);
  const cheer =
    owns === "job"
      ? random.pick([
          `Oh, you've come to the right person — ${what} is my job`,
          `Yes! ${what[0]!.toUpperCase()}${what.slice(1)} is what I do all day`,
        ])
      : owns === "interest"
        ? random.pick([
            `Oh, I love that — ${what} is one of my things too`,
            `Welcome to ${what}, I'm so pleased`,
          ])
        : random.pick([
            `Good for you — starting ${what} is the brave bit`,
            `Welcome to ${what} — we all start somewhere`,
          ]);
  const tips = pastime?.tips ?? ANY_PASTIME_TIPS;
  return [
    cheer,
    `One tip to start: ${lowerFirst(tips[0]!)}`,
    random.pick(["How did the first go feel?", "What made you want to try it?"]),
  ];
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
